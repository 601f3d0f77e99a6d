// Keyboard review: j / k next / previous item, a approve it, r write its reject note, g edit its regenerate prompt.
// Keys typed into a field are the field's; Escape leaves the field. No inline script: the CSP allows 'self' only.
(() => {
  const items = () => Array.from(document.querySelectorAll('[data-testid="review-item"]'));
  let current = -1;

  const select = (index) => {
    const all = items();
    if (all.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((item, i) => item.classList.toggle('current', i === current));
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: 'nearest' });
  };

  const item = () => {
    const all = items();
    if (current < 0 && all.length > 0) {
      select(0);
    }
    return all[current];
  };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const typing = event.target.closest('textarea, input, select');
    if (typing) {
      if (event.key === 'Escape') {
        typing.blur();
      }
      return;
    }
    switch (event.key) {
      case 'j': select(current + 1); break;
      case 'k': select(current - 1); break;
      case 'a': {
        const button = item()?.querySelector('[data-testid="approve"]');
        if (button) { button.click(); }
        break;
      }
      case 'r': item()?.querySelector('form.reject textarea[name="note"]')?.focus(); break;
      case 'g': item()?.querySelector('form.regenerate textarea[name="prompt"]')?.focus(); break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener('click', (event) => {
    const clicked = event.target.closest('[data-testid="review-item"]');
    if (clicked) {
      current = items().indexOf(clicked);
      items().forEach((entry, i) => entry.classList.toggle('current', i === current));
    }
  });
})();
