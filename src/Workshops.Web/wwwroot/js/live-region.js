// Follows a running job (an import, a campaign): every two seconds the page is fetched again and its live parts
// swapped in, so the counts move without reloading the whole page (which would throw a screen reader back to the top).
// The first live part says whether the job still runs. A part is replaced only when it changed, so a button that
// keeps its place keeps the keyboard focus too.
(() => {
  const regions = [...document.querySelectorAll('[data-live-region]')];
  if (regions.length === 0 || regions[0].dataset.running !== 'true') return;
  const timer = setInterval(async () => {
    const response = await fetch(location.href, { headers: { 'Accept': 'text/html' } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const region of regions) {
      const next = page.getElementById(region.id);
      if (next && next.innerHTML !== region.innerHTML) region.innerHTML = next.innerHTML;
    }
    if (page.getElementById(regions[0].id)?.dataset.running !== 'true') clearInterval(timer);
  }, 2000);
})();
