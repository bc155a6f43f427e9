// Shows only the chosen workshop's tracks. Without script every workshop's tracks show, each under its own legend,
// and the server refuses tracks of another workshop.
(() => {
  const select = document.querySelector('[data-track-switch]');
  if (!select) return;
  const show = () => {
    for (const group of document.querySelectorAll('fieldset[data-workshop]')) {
      const chosen = group.dataset.workshop === select.value;
      group.hidden = !chosen;
      if (!chosen) for (const box of group.querySelectorAll('input[type=checkbox]')) box.checked = false;
    }
  };
  select.addEventListener('change', show);
  show();
})();
