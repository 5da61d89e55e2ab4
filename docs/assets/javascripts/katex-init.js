// Render the math that pymdownx.arithmatex marks up, on first load and after every
// instant-navigation page change (Material's document$ observable).
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: true,
  });
});
