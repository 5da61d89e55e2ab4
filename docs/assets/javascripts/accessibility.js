// Material wraps each code block's copy button in a <nav>. A page with several code blocks
// then has several unnamed navigation landmarks, which screen readers list as noise (axe:
// landmark-unique). The button is not navigation, so the wrapper is taken out of the
// landmark tree; the button itself stays labelled and reachable.
document$.subscribe(() => {
  for (const nav of document.querySelectorAll("nav.md-code__nav")) {
    nav.setAttribute("role", "none");
  }
});

// A table or a displayed formula wider than the screen scrolls sideways inside its own box. A
// reader without a mouse reaches that box with Tab to scroll it (axe: scrollable-region-focusable);
// a box that does not scroll at the current width is no tab stop.
function focusScrollingTables() {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset div.arithmatex")) {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
    } else {
      box.removeAttribute("tabindex");
    }
  }
}
document$.subscribe(focusScrollingTables);
window.addEventListener("resize", focusScrollingTables);
