// Figures a reader can explore. On an activation's figure (an image with data-explore), moving the
// pointer, or focusing the figure and pressing the arrow keys, shows x, f(x) and f'(x). Every
// number shown comes from generated/interactive/<slug>.json, which
// scripts/generators/interactive_figures.py computes with the tested module: this script only
// picks which one to show. Where the function has parameters, a labelled slider per parameter steps
// through the values computed there; the figure then draws f and f' for them over the faded static
// figure, and the properties that change are listed. Without JavaScript the static figure stays as it is.
document$.subscribe(() => {
  for (const img of document.querySelectorAll("img[data-explore]")) {
    const holder = img.parentElement;
    if (holder.dataset.exploring) continue;
    holder.dataset.exploring = "yes";
    const url = new URL("../interactive/" + img.dataset.explore + ".json", img.src);
    fetch(url)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))))
      .then((data) => explore(holder, img.dataset.explore, data))
      .catch((e) => console.warn("figure stays static:", e.message));
  }
});

const SVG = "http://www.w3.org/2000/svg";

function element(tag, className, parent) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (parent) parent.appendChild(e);
  return e;
}

function explore(holder, slug, data) {
  data.slug = slug;
  const n = data.x.length;
  const [x0, x1] = data.xlim, [y0, y1] = data.ylim;
  const left = (x) => (100 * (parseFloat(x) - x0)) / (x1 - x0);
  const top = (y) => (100 * (y1 - parseFloat(y))) / (y1 - y0);

  // The images go into a frame the overlay is positioned in; the frame takes the visible image's size.
  const frame = element("span", "af-frame");
  holder.insertBefore(frame, holder.firstChild);
  for (const img of holder.querySelectorAll("img[data-explore]")) frame.appendChild(img);
  for (const [scheme, c] of Object.entries(data.colours)) {
    frame.style.setProperty(`--af-f-${scheme}`, c.f);
    frame.style.setProperty(`--af-d-${scheme}`, c.d);
  }
  const [bl, bt, bw, bh] = data.box;
  const overlay = element("span", "af-overlay", frame);
  Object.assign(overlay.style, { left: `${100 * bl}%`, top: `${100 * bt}%`, width: `${100 * bw}%`, height: `${100 * bh}%` });
  overlay.tabIndex = 0;
  overlay.setAttribute("role", "slider");
  overlay.setAttribute("aria-label", `Position along the ${data.name} figure: arrow keys move x`);
  overlay.setAttribute("aria-valuemin", data.x[0]);
  overlay.setAttribute("aria-valuemax", data.x[n - 1]);
  const cursor = element("span", "af-cursor", overlay);
  const dotF = element("span", "af-dot af-dot-f", overlay);
  const dotD = element("span", "af-dot af-dot-d", overlay);

  const readout = element("span", "af-readout");
  readout.setAttribute("aria-hidden", "true"); // the slider's value text says the same to a screen reader
  frame.after(readout);

  const state = { i: Math.floor(n / 2), curve: data.curves[data.default] };
  const text = (i) => state.curve
    ? `x = ${data.x[i]}: ${data.name}(x) = ${state.curve.f[i]}, ${data.name}'(x) = ${state.curve.d[i]}`
    : `x = ${data.x[i]}: ${data.name} does not accept these parameter values`;
  const place = (dot, y) => {
    const t = state.curve ? top(y) : NaN;
    dot.hidden = !(t >= 0 && t <= 100);
    dot.style.left = `${left(data.x[state.i])}%`;
    dot.style.top = `${t}%`;
  };
  const show = () => {
    const i = state.i;
    overlay.setAttribute("aria-valuenow", data.x[i]);
    overlay.setAttribute("aria-valuetext", text(i));
    readout.textContent = text(i);
    cursor.style.left = `${left(data.x[i])}%`;
    place(dotF, state.curve && state.curve.f[i]);
    place(dotD, state.curve && state.curve.d[i]);
  };
  const move = (i) => {
    state.i = Math.max(0, Math.min(n - 1, i));
    show();
  };
  overlay.addEventListener("pointermove", (e) => {
    const r = overlay.getBoundingClientRect();
    overlay.classList.add("af-active");
    move(Math.round(((e.clientX - r.left) / r.width) * (n - 1)));
  });
  overlay.addEventListener("pointerleave", () => {
    if (document.activeElement !== overlay) overlay.classList.remove("af-active");
  });
  overlay.addEventListener("focus", () => overlay.classList.add("af-active"));
  overlay.addEventListener("blur", () => overlay.classList.remove("af-active"));
  const keys = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
  overlay.addEventListener("keydown", (e) => {
    if (e.key in keys) move(state.i + keys[e.key]);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(n - 1);
    else return;
    e.preventDefault();
  });
  if (data.params.length) sliders(frame, readout, overlay, data, state, show, left, top);
  show();
}

// One labelled range input per parameter; each combination of their values has its curves in the
// data (a combination the module rejects has none).
function sliders(frame, readout, overlay, data, state, show, left, top) {
  const curves = new Map(data.curves.map((c) => [c.params.join("|"), c]));
  const chosen = data.curves[data.default].params.slice();
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "af-curves");
  svg.setAttribute("viewBox", "0 0 1000 1000");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  overlay.insertBefore(svg, overlay.firstChild);
  const controls = element("span", "af-controls");
  readout.after(controls);
  const props = element("span", "af-props", controls);
  props.setAttribute("aria-live", "polite");
  const legend = element("span", "af-legend", controls);
  const path = (values, breaks, className) => {
    const cut = new Set(breaks);
    let d = "", pen = false;
    values.forEach((y, i) => {
      const v = parseFloat(y);
      if (!Number.isFinite(v)) { pen = false; return; }
      d += `${pen ? "L" : "M"}${(10 * left(data.x[i])).toFixed(1)} ${(10 * top(v)).toFixed(1)}`;
      pen = !cut.has(i);
    });
    const p = document.createElementNS(SVG, "path");
    p.setAttribute("d", d);
    p.setAttribute("class", className);
    p.setAttribute("vector-effect", "non-scaling-stroke");
    return p;
  };
  const update = () => {
    const curve = curves.get(chosen.join("|")) || null;
    const changed = curve !== data.curves[data.default];
    state.curve = curve;
    frame.classList.toggle("af-changed", changed);
    svg.replaceChildren(...(curve && changed ? [path(curve.d, curve.db, "af-curve-d"), path(curve.f, curve.fb, "af-curve-f")] : []));
    const setting = data.params.map((p, k) => `${p.name} = ${chosen[k]}`).join(", ");
    legend.textContent = !curve ? "" : changed
      ? `Drawn over the faded figure for ${setting}: ${data.name}(x) solid, ${data.name}'(x) dashed.`
      : "The default values: the figure's solid line and its dashed derivative.";
    props.textContent = curve
      ? `${setting}: ` + curve.props.map(([what, value]) => `${what} = ${value}`).join("; ")
      : `${setting}: no curve for these values`;
    show();
  };
  data.params.forEach((param, k) => {
    const id = `af-${data.slug}-${param.name}`;
    const row = element("span", "af-slider", controls);
    const label = element("label", "", row);
    label.htmlFor = id;
    label.textContent = param.name;
    const input = element("input", "", row);
    Object.assign(input, { type: "range", id, min: 0, max: param.values.length - 1, step: 1 });
    input.value = param.values.indexOf(chosen[k]);
    const out = element("output", "", row);
    out.htmlFor = id;
    const set = () => {
      chosen[k] = param.values[input.value];
      out.textContent = chosen[k];
      input.setAttribute("aria-valuetext", `${param.name} = ${chosen[k]}`);
      update();
    };
    input.addEventListener("input", set);
    set();
  });
  controls.append(props, legend); // after the sliders, in reading order
}
