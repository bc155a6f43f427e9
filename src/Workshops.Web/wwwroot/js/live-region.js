// Follows a running job (an import, a campaign): every two seconds the page is fetched again and its live part
// swapped in, so the counts move without reloading the whole page (which would throw a screen reader back to the top).
(() => {
  const region = document.querySelector('[data-live-region]');
  if (!region || region.dataset.running !== 'true') return;
  const timer = setInterval(async () => {
    const response = await fetch(location.href, { headers: { 'Accept': 'text/html' } });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(region.id);
    if (!next) return;
    region.innerHTML = next.innerHTML;
    if (next.dataset.running !== 'true') clearInterval(timer);
  }, 2000);
})();
