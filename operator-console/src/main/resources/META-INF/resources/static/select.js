// "Select all" boxes: <input type="checkbox" data-select-all="ids" data-form="FORM-ID"> ticks every checkbox named
// "ids" that belongs to that form (through its form attribute). No inline script: the CSP allows scripts from 'self' only.
document.addEventListener('change', (event) => {
  const all = event.target.closest('input[data-select-all]');
  if (!all) {
    return;
  }
  const name = all.dataset.selectAll;
  document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach((box) => {
    if (!all.dataset.form || box.getAttribute('form') === all.dataset.form) {
      box.checked = all.checked;
    }
  });
});
