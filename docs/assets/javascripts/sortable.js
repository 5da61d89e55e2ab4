// Tables inside <div class="sortable"> sort by a column when its header button is pressed
// (click, Enter or Space). Numbers sort as numbers ("-∞" and "∞" included), other cells as text;
// pressing again reverses the order. Runs on every page load, including instant navigation.
document$.subscribe(() => {
  const value = (cell) => {
    const text = cell.textContent.trim().replace("−", "-");
    const m = text.match(/^[(\[]?\s*(-?∞|-?\d+(\.\d+)?(e[-+]?\d+)?)/i);
    if (!m) return text.toLowerCase();
    return m[1] === "∞" ? Infinity : m[1] === "-∞" ? -Infinity : parseFloat(m[1]);
  };
  for (const table of document.querySelectorAll(".sortable table")) {
    const headers = table.querySelectorAll("thead th");
    headers.forEach((th, column) => {
      if (th.querySelector("button")) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = value(a.cells[column]), y = value(b.cells[column]);
          const order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
          return ascending ? order : -order;
        });
        rows.forEach((row) => body.appendChild(row));
      });
    });
  }
});
