// Material wraps each code block's copy button in a <nav>. A page with several code blocks
// then has several unnamed navigation landmarks, which screen readers list as noise (axe:
// landmark-unique). The button is not navigation, so the wrapper is taken out of the
// landmark tree; the button itself stays labelled and reachable.
document$.subscribe(() => {
  for (const nav of document.querySelectorAll("nav.md-code__nav")) {
    nav.setAttribute("role", "none");
  }
});
