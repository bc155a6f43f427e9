// Browsers that cannot style a closed details element's content (no ::details-content) keep the menu open on wide
// screens, so the links show in a row there as everywhere else. Without JavaScript, the Menu button still works.
const menu = document.querySelector(".site-menu");
if (menu && !CSS.supports("selector(::details-content)")) {
    const wide = matchMedia("(min-width: 56rem)");
    const follow = () => { menu.open = wide.matches; };
    wide.addEventListener("change", follow);
    follow();
}
