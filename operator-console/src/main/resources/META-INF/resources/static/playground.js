// The playground's previews: "Preview" sends the template beside it to POST /generations once per chosen product
// (preview: true, a fresh Idempotency-Key per product and press, the page's CSRF token) and shows each answer as it
// arrives. Everything from the server is set as text or as an image's src (a read-only SAS link), never as HTML.
// No inline script: the CSP allows scripts from 'self' only.
(() => {
  const token = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

  const key = () => {
    if (window.crypto?.randomUUID) {
      return window.crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  };

  const line = (text, testId) => {
    const p = document.createElement('p');
    p.textContent = text;
    if (testId) {
      p.dataset.testid = testId;
    }
    return p;
  };

  const show = (target, productId, status, answer) => {
    const figure = document.createElement('figure');
    figure.className = 'preview';
    figure.dataset.productId = productId;
    if (status === 201 && answer.link) {
      figure.dataset.testid = 'preview-image';
      const img = document.createElement('img');
      img.src = answer.link;
      img.alt = 'preview for product ' + productId;
      img.width = 256;
      figure.append(img);
      const caption = document.createElement('figcaption');
      caption.append(line('Product ' + productId + ' · ' + (answer.model ?? 'model unknown') + ' · $'
          + (answer.costUsd ?? '?') + ' · check: ' + (answer.verdict ?? 'not recorded')));
      if (answer.verdictSummary) {
        caption.append(line(answer.verdictSummary));
      }
      figure.append(caption);
    } else {
      figure.dataset.testid = 'preview-error';
      figure.append(line('Product ' + productId + ': ' + (answer?.message ?? ('the console answered ' + status))));
    }
    target.append(figure);
  };

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-preview]');
    if (!button) {
      return;
    }
    const form = button.closest('form');
    const target = form.querySelector('[data-testid="previews"]');
    const template = form.querySelector('textarea[name="template"]').value;
    const fieldset = document.querySelector('[data-testid="preview-products"]');
    const max = Number(fieldset?.dataset.max ?? 4);
    const products = Array.from(document.querySelectorAll('input[name="preview-product"]:checked'))
      .map((box) => Number(box.value)).slice(0, max);
    target.replaceChildren();
    if (products.length === 0) {
      target.append(line('Choose at least one product to preview on.', 'preview-error'));
      return;
    }
    button.disabled = true;
    await Promise.all(products.map(async (productId) => {
      try {
        const response = await fetch('/generations', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token(), 'Idempotency-Key': key() },
          body: JSON.stringify({ productId, template, preview: true }),
        });
        let answer = null;
        try {
          answer = await response.json();
        } catch (notJson) {
          answer = null;
        }
        show(target, productId, response.status, answer);
      } catch (failed) {
        show(target, productId, 0, { message: 'the console did not answer' });
      }
    }));
    button.disabled = false;
  });
})();
