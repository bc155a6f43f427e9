// "Choose all" for a list of checkboxes: the header box ticks or clears every box of that name in its form.
// Without JavaScript the header box stays hidden and each row is ticked by hand.
for (const all of document.querySelectorAll("input[data-select-all]")) {
    const form = all.form;
    const boxes = () => form.querySelectorAll(`input[type=checkbox][name="${all.dataset.selectAll}"]`);
    all.hidden = false;
    all.setAttribute("aria-label", "Choose all");
    const sync = () => {
        const list = [...boxes()];
        const ticked = list.filter(b => b.checked).length;
        all.checked = ticked > 0 && ticked === list.length;
        all.indeterminate = ticked > 0 && ticked < list.length;
    };
    all.addEventListener("change", () => {
        for (const box of boxes()) box.checked = all.checked;
        sync();
    });
    form.addEventListener("change", e => { if (e.target !== all) sync(); });
    sync();
}
