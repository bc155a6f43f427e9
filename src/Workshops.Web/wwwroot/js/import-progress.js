// Follows a running import: every two seconds the progress part of the page is fetched again and swapped in, so
// the counts move without reloading the whole page (which would throw a screen reader back to the top).
(() => {
  const region = document.getElementById('import-progress');
  if (!region || region.dataset.running !== 'true') return;
  const timer = setInterval(async () => {
    const response = await fetch(location.href, { headers: { 'Accept': 'text/html' } });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('import-progress');
    if (!next) return;
    region.innerHTML = next.innerHTML;
    if (next.dataset.running !== 'true') clearInterval(timer);
  }, 2000);
})();
