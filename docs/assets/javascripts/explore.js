// Figures a reader can explore. On an activation's figure (an image with data-explore), moving the
// pointer or tapping, or focusing the figure and pressing the arrow keys, shows x, f(x) and f'(x), with f'(x)
// marked as a convention where the derivative does not exist (a kink or jump at that x). Every
// number shown comes from generated/interactive/<slug>.json, which
// scripts/generators/interactive_figures.py computes with the tested module: this script only
// picks which one to show. Where the function has parameters, a labelled slider per parameter steps
// through the values computed there, each on its own: every combination of their values has its
// curves in the data. The figure then draws f and f' for them over the faded static figure, and the
// properties that change are listed. Without JavaScript the static figure stays as it is.
// Every word the figures show or announce, the activations' names too, comes from
// generated/interactive/messages.json, or on a page in another language (<html lang="ko">) from
// generated/<lang>/interactive/, which the generators write from the translation catalogues; the
// numbers are the same data in every language.
const GENERATED = new URL("../../generated/", document.currentScript.src);
const DEFAULT_LANGUAGE = "en"; // the site's language at its root; the others' files are under <lang>/

// The generated file `rel` in the page's language (generated/<lang>/<rel>; generated/<rel> in English).
const localised = (rel) => {
  const lang = document.documentElement.lang;
  return new URL((lang && lang !== DEFAULT_LANGUAGE ? `${lang}/` : "") + rel, GENERATED);
};
const getJSON = (url) => fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
let messages = null; // fetched once per page, for all its figures
const uiText = () => (messages = messages || getJSON(localised("interactive/messages.json")));
// An activation's name in the page's language (the data holds the English one).
const named = (text, slug, name) => (text.names && text.names[slug]) || name;
// A message with its {fields} filled in.
const fill = (message, fields) => message.replace(/\{(\w+)\}/g, (all, k) => (k in fields ? String(fields[k]) : all));

// A page reloaded or come back to gets its scroll position from the browser before its widgets are
// drawn, and each widget drawn above that position then pushes what the reader was reading down
// the screen. The position is kept with the history entry (as the browser keeps its own), and once
// a widget is drawn it is restored, unless the reader has scrolled or pressed a key since.
// Chromium ignores a state written as the page is left, so it is written once scrolling has paused.
const remember = () => history.replaceState({ ...history.state, afLeftAt: [scrollX, scrollY] }, "");
let pause = 0;
addEventListener("scroll", () => { clearTimeout(pause); pause = setTimeout(remember, 150); }, { passive: true });
const returning = ["reload", "back_forward"].includes((performance.getEntriesByType("navigation")[0] || {}).type);
let moved = false;
for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) {
  addEventListener(type, () => { moved = true; }, { once: true, passive: true, capture: true });
}
const drawn = () => {
  const left = returning && !moved && history.state && history.state.afLeftAt;
  if (Array.isArray(left)) scrollTo(...left);
};

document$.subscribe(() => {
  for (const img of document.querySelectorAll("img[data-explore]")) {
    const holder = img.parentElement;
    if (holder.dataset.exploring) continue;
    holder.dataset.exploring = "yes";
    const slug = img.dataset.explore;
    getJSON(new URL("../interactive/" + slug + ".json", img.src))
      .then((data) => Promise.all([data, uiText(), translatedProps(data, slug)]))
      .then(([data, text, props]) => {
        if (props) data.curves.forEach((c, k) => { c.props = props[k]; });
        data.name = named(text, slug, data.name);
        explore(holder, slug, data, text.explore);
        drawn();
      })
      .catch((e) => console.warn("figure stays static:", e.message));
  }
});

// The properties beside the sliders in the page's language, where that is not the data's English:
// generated/<lang>/interactive/<slug>.props.json, one list per curve (null in English).
function translatedProps(data, slug) {
  const lang = document.documentElement.lang;
  if (!data.params.length || !lang || lang === DEFAULT_LANGUAGE) return null;
  return getJSON(localised(`interactive/${slug}.props.json`)).then((p) => p.props);
}

const SVG = "http://www.w3.org/2000/svg";

// A number as the site prints it (formatting.show in Python): a decimal of at most six
// significant digits as written, anything else to four, zeros kept; exponents below 1e-4.
const sci = (m, e) => `${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
const show = (v) => {
  if (v === 0) return "0";
  const [m, e] = v.toExponential().split("e");
  if (m.replace(/[-.]/g, "").length <= 6) {
    return Number(e) < -4 || Number(e) >= 6 ? sci(m, Number(e)) : String(v);
  }
  const [m4, e4] = v.toExponential(3).split("e");
  return Number(e4) < -4 || Number(e4) >= 4 ? sci(m4, Number(e4)) : v.toPrecision(4);
};

function element(tag, className, parent) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (parent) parent.appendChild(e);
  return e;
}

// A labelled range input over `count` steps, in a row of its own, with the output that names
// the value chosen.
function labelledRange(parent, rowTag, id, label, count) {
  const row = element(rowTag, "af-slider", parent);
  const tag = element("label", "", row);
  tag.htmlFor = id;
  tag.textContent = label;
  const input = element("input", "", row);
  Object.assign(input, { type: "range", id, min: 0, max: count - 1, step: 1 });
  const output = element("output", "", row);
  output.htmlFor = id;
  return { input, output };
}

function explore(holder, slug, data, t) {
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
  overlay.setAttribute("aria-label", fill(t.position, { name: data.name }));
  overlay.setAttribute("aria-valuemin", data.x[0]);
  overlay.setAttribute("aria-valuemax", data.x[n - 1]);
  const cursor = element("span", "af-cursor", overlay);
  const dotF = element("span", "af-dot af-dot-f", overlay);
  const dotD = element("span", "af-dot af-dot-d", overlay);

  const readout = element("span", "af-readout");
  readout.setAttribute("aria-hidden", "true"); // the slider's value text says the same to a screen reader
  frame.after(readout);

  // The samples are evenly spaced but for the kinks and jumps put in among them: the pointer
  // reads the sample nearest to it.
  const xs = data.x.map(parseFloat);
  const nearest = (x) => xs.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(xs[best] - x) ? i : best), 0);
  const state = { i: nearest((x0 + x1) / 2), curve: data.curves[data.default] };
  const text = (i) => {
    const c = state.curve, d = c.c && c.c.includes(i) ? fill(t.convention, { value: c.d[i] }) : c.d[i];
    return fill(t.readout, { x: data.x[i], name: data.name, f: c.f[i], d });
  };
  const place = (dot, y) => {
    const at = top(y);
    dot.hidden = !(at >= 0 && at <= 100); // off the figure's y axis: the readout still gives the value
    dot.style.left = `${left(data.x[state.i])}%`;
    dot.style.top = `${at}%`;
  };
  const refresh = () => {
    const i = state.i;
    overlay.setAttribute("aria-valuenow", data.x[i]);
    overlay.setAttribute("aria-valuetext", text(i));
    readout.textContent = text(i);
    cursor.style.left = `${left(data.x[i])}%`;
    place(dotF, state.curve.f[i]);
    place(dotD, state.curve.d[i]);
  };
  const move = (i) => {
    state.i = Math.max(0, Math.min(n - 1, i));
    refresh();
  };
  // A finger's tap sends no pointermove, only pointerdown and pointerup: both a tap and a drag read x.
  const point = (e) => {
    const r = overlay.getBoundingClientRect();
    overlay.classList.add("af-active");
    move(nearest(x0 + ((e.clientX - r.left) / r.width) * (x1 - x0)));
  };
  overlay.addEventListener("pointerdown", point);
  overlay.addEventListener("pointermove", point);
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
  if (data.params.length) sliders(frame, readout, overlay, data, state, refresh, left, top, t);
  refresh();
}

// One labelled range input per parameter, each moving on its own: each combination of their values
// has its curves in the data (the generator offers only values the module accepts together).
function sliders(frame, readout, overlay, data, state, refresh, left, top, t) {
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
  // A line through the samples, lifted between i and i + 1 for each break; at a sample where the
  // curve jumps it arrives at the limit from the left and leaves from the limit from the right,
  // both at that x (the sample's own value is the readout's).
  const path = (values, breaks, jumps, className) => {
    const cut = new Set(breaks), ends = new Map((jumps || []).map(([i, from, to]) => [i, [from, to]]));
    let d = "", pen = false;
    const to = (i, y) => {
      const v = parseFloat(y);
      if (Number.isFinite(v)) d += `${pen ? "L" : "M"}${(10 * left(data.x[i])).toFixed(1)} ${(10 * top(v)).toFixed(1)}`;
      pen = Number.isFinite(v);
    };
    values.forEach((y, i) => {
      if (ends.has(i)) {
        to(i, ends.get(i)[0]);
        pen = false;
        to(i, ends.get(i)[1]);
      } else to(i, y);
      pen = pen && !cut.has(i);
    });
    const p = document.createElementNS(SVG, "path");
    p.setAttribute("d", d);
    p.setAttribute("class", className);
    p.setAttribute("vector-effect", "non-scaling-stroke");
    return p;
  };
  const update = () => {
    const curve = curves.get(chosen.join("|"));
    const changed = curve !== data.curves[data.default];
    state.curve = curve;
    frame.classList.toggle("af-changed", changed);
    svg.replaceChildren(...(changed ? [path(curve.d, curve.db, curve.dj, "af-curve-d"), path(curve.f, curve.fb, curve.fj, "af-curve-f")] : []));
    const setting = data.params.map((p, k) => `${p.name} = ${chosen[k]}`).join(", ");
    const leaves = [...curve.f, ...curve.d].some((y) => !(top(y) >= 0 && top(y) <= 100));
    legend.textContent = changed
      ? fill(t.drawn, { setting, name: data.name }) + (leaves ? ` ${t.cut}` : "")
      : t.default;
    props.textContent = `${setting}: ` + curve.props.map(([what, value]) => `${what} = ${value}`).join("; ");
    refresh();
  };
  data.params.forEach((param, k) => {
    const id = `af-${data.slug}-${param.name}`;
    const { input, output: out } = labelledRange(controls, "span", id, param.name, param.values.length);
    input.value = param.values.indexOf(chosen[k]);
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

// The softmax playground (an empty element with data-playground, naming its data file). The
// presets' probabilities are the module's, from the data; for scores a reader types, the page
// computes the stable softmax itself, the way the module does: subtract the maximum so that no
// exponential overflows, and carry each difference's rounding error (TwoSum) into its exponential.
function stableSoftmax(x) {
  const m = Math.max(...x);
  if (!Number.isFinite(m)) { // +inf entries share everything; a row of -inf is uniform
    const top = x.filter((v) => v === m).length;
    return x.map((v) => (v === m ? 1 / top : 0));
  }
  const e = x.map((v) => {
    const d = v + -m, back = d - v;
    const err = (v - (d - back)) + (-m - back);
    const ex = Math.exp(d);
    return Number.isFinite(err) ? ex + ex * err : ex;
  });
  const first = x.indexOf(m); // that term is exactly 1; the rest are summed apart
  const rest = e.reduce((sum, v, i) => sum + (i === first ? 0 : v), 0);
  return e.map((v) => v / (1 + rest));
}

// Each page's empty element data-<name>="<data file>" becomes the widget `build` draws, once.
function attach(name, build, what) {
  document$.subscribe(() => {
    for (const root of document.querySelectorAll(`[data-${name}]`)) {
      if (root.dataset.ready) continue;
      root.dataset.ready = "yes";
      Promise.all([getJSON(new URL(root.dataset[name], document.baseURI)), uiText()])
        .then(([data, text]) => { build(root, data, text); drawn(); })
        .catch((e) => console.warn(`${what} unavailable:`, e.message));
    }
  });
}
attach("playground", (root, data, text) => playground(root, data, text.playground), "softmax playground");

function playground(root, data, t) {
  root.softmax = stableSoftmax; // for the browser test that compares it with the module
  const form = element("form", "af-playground-form", root);
  form.addEventListener("submit", (e) => e.preventDefault());
  element("p", "", form).textContent = t.intro;
  const presetRow = element("p", "af-slider", form);
  const presetLabel = element("label", "", presetRow);
  presetLabel.htmlFor = "af-sm-preset";
  presetLabel.textContent = t.scores;
  const preset = element("select", "", presetRow);
  preset.id = "af-sm-preset";
  data.presets.forEach((p, k) => preset.add(new Option(`${p.name}: ${p.scores.join(", ")}`, String(k))));
  preset.add(new Option(t.own, "own"));
  const { input: temp, output: tempOut } = labelledRange(form, "p", "af-sm-temperature", t.temperature,
    data.temperatures.length);
  temp.value = data.default;
  const table = element("table", "af-playground-table", form);
  const caption = element("caption", "", table);
  caption.textContent = t.caption;
  const head = table.createTHead().insertRow();
  for (const h of [t.class, t.score, t.probability]) element("th", "", head).textContent = h;
  const body = table.createTBody();
  const inputs = data.classes.map((name, k) => {
    const row = body.insertRow();
    row.insertCell().textContent = name;
    const input = element("input", "", row.insertCell());
    Object.assign(input, { type: "number", step: "any", id: `af-sm-score-${k}` });
    input.setAttribute("aria-label", fill(t.score_of, { name }));
    row.insertCell().className = "af-p";
    return input;
  });
  const source = element("p", "af-playground-source", form);
  source.setAttribute("aria-live", "polite");
  const cells = () => body.querySelectorAll(".af-p");

  const update = () => {
    const k = Number(temp.value), T = data.temperatures[k];
    tempOut.textContent = String(T);
    temp.setAttribute("aria-valuetext", `T = ${T}`);
    const scores = inputs.map((i) => i.valueAsNumber);
    const known = preset.value === "own" ? null : data.table[Number(preset.value)][k];
    if (scores.some(Number.isNaN)) {
      cells().forEach((c) => { c.textContent = "—"; delete c.dataset.p; });
      source.textContent = t.not_a_number;
      return;
    }
    const p = known ? known.p : stableSoftmax(scores.map((s) => s / T));
    cells().forEach((c, i) => {
      c.textContent = known ? known.shown[i] : show(p[i]);
      c.dataset.p = String(p[i]);
    });
    const best = p.indexOf(Math.max(...p));
    source.textContent = `${fill(t.most_probable, { name: data.classes[best] })} ${known ? t.module : t.browser}`;
  };
  const load = () => {
    if (preset.value !== "own") data.presets[Number(preset.value)].scores.forEach((s, i) => { inputs[i].value = String(s); });
    update();
  };
  preset.addEventListener("change", load);
  temp.addEventListener("input", update);
  inputs.forEach((i) => i.addEventListener("input", () => { preset.value = "own"; update(); }));
  load();
}

// Compare (an empty element with data-compare, naming its data file): two to four activations
// and their derivatives on shared axes, with a readout at an x the reader picks. The samples are
// the module's, f'(x) marked as a convention where the data says; this only draws them.
attach("compare", (root, data, text) => {
  data.entries.forEach((e) => { e.name = named(text, e.slug, e.name); });
  compare(root, data, text.compare);
}, "comparison");

const DASHES = ["", "8 5", "2 4", "10 4 2 4"]; // each curve also differs in its dashes, not in colour alone

function compare(root, data, t) {
  const form = element("form", "af-compare-form", root);
  form.addEventListener("submit", (e) => e.preventDefault());
  element("p", "", form).textContent = t.intro;
  const pickers = element("p", "af-compare-pickers", form);
  const selects = [0, 1, 2, 3].map((k) => {
    const row = element("span", "af-slider", pickers);
    const label = element("label", "", row);
    label.htmlFor = `af-cmp-${k}`;
    label.textContent = fill(t.picker, { n: k + 1 });
    const select = element("select", "", row);
    select.id = `af-cmp-${k}`;
    if (k >= 2) select.add(new Option(t.none, ""));
    data.entries.forEach((e) => select.add(new Option(e.name, e.slug)));
    select.value = data.defaults[k] || (k >= 2 ? "" : data.entries[k].slug);
    return select;
  });
  const charts = element("span", "af-compare-charts", form);
  for (const [scheme, colours] of Object.entries(data.colours)) colours.forEach((c, k) => form.style.setProperty(`--af-c${k}-${scheme}`, c));
  const panels = ["f", "d"].map((which, p) => {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "af-compare-chart");
    svg.setAttribute("viewBox", "0 0 400 260");
    svg.setAttribute("role", "img");
    charts.appendChild(svg);
    return { which, svg, ylim: data.ylim[p] };
  });
  const { input: xInput, output: xOut } = labelledRange(form, "p", "af-cmp-x", t.read, data.x.length);
  xInput.value = data.x.indexOf("1");
  const table = element("table", "af-compare-table", form);
  element("caption", "", table).textContent = t.caption;
  const head = table.createTHead().insertRow();
  for (const h of [t.activation, "f(x)", "f'(x)"]) element("th", "", head).textContent = h;
  const body = table.createTBody();
  body.setAttribute("aria-live", "polite");

  const [x0, x1] = data.xlim;
  const bySlug = new Map(data.entries.map((e) => [e.slug, e]));
  const chosen = () => {
    const seen = new Set();
    return selects.map((s) => s.value).filter((v) => v && !seen.has(v) && seen.add(v)).map((v) => bySlug.get(v));
  };
  const M = { l: 34, r: 8, t: 22, b: 24 }, W = 400, H = 260;
  const px = (x) => M.l + ((parseFloat(x) - x0) / (x1 - x0)) * (W - M.l - M.r);
  const draw = (panel, picked) => {
    const [y0, y1] = panel.ylim;
    const py = (y) => M.t + ((y1 - y) / (y1 - y0)) * (H - M.t - M.b);
    const svg = panel.svg;
    svg.replaceChildren();
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      svg.appendChild(e);
      return e;
    };
    add("text", { x: M.l, y: 14, class: "af-axis-label" }, panel.which === "f" ? "f(x)" : "f'(x)");
    for (let v = Math.ceil(y0); v <= y1; v++) {
      add("line", { x1: M.l, x2: W - M.r, y1: py(v), y2: py(v), class: v === 0 ? "af-axis" : "af-grid" });
      add("text", { x: M.l - 5, y: py(v) + 4, class: "af-tick", "text-anchor": "end" }, String(v));
    }
    for (let v = Math.ceil(x0); v <= x1; v++) {
      add("line", { x1: px(v), x2: px(v), y1: M.t, y2: H - M.b, class: v === 0 ? "af-axis" : "af-grid" });
      add("text", { x: px(v), y: H - 6, class: "af-tick", "text-anchor": "middle" }, String(v));
    }
    const clip = `af-clip-${panel.which}`;
    const defs = add("defs", {});
    const cp = document.createElementNS(SVG, "clipPath");
    cp.id = clip;
    const r = document.createElementNS(SVG, "rect");
    for (const [k, v] of Object.entries({ x: M.l, y: M.t, width: W - M.l - M.r, height: H - M.t - M.b })) r.setAttribute(k, v);
    cp.appendChild(r);
    defs.appendChild(cp);
    picked.forEach((e, k) => {
      let d = "", pen = false, prev = null;
      e[panel.which].forEach((y, i) => {
        const v = parseFloat(y);
        const jump = prev !== null && Math.abs(v - prev) > 0.15 * (y1 - y0);
        if (!Number.isFinite(v)) { pen = false; prev = null; return; }
        d += `${pen && !jump ? "L" : "M"}${px(data.x[i]).toFixed(1)} ${py(Math.max(y0 - 1, Math.min(y1 + 1, v))).toFixed(1)}`;
        pen = true;
        prev = v;
      });
      add("path", { d, class: `af-cmp-curve af-c${k}`, "clip-path": `url(#${clip})`, "stroke-dasharray": DASHES[k], "data-slug": e.slug });
    });
    const i = Number(xInput.value);
    add("line", { x1: px(data.x[i]), x2: px(data.x[i]), y1: M.t, y2: H - M.b, class: "af-cmp-cursor" });
    const names = picked.map((e) => e.name).join(", ");
    svg.setAttribute("aria-label", fill(panel.which === "f" ? t.functions : t.derivatives,
      { names, x0: data.x[0], x1: data.x[data.x.length - 1], y0, y1 }));
  };
  const legend = element("ul", "af-compare-legend", form);
  charts.before(legend);
  const update = () => {
    const picked = chosen();
    const i = Number(xInput.value);
    xOut.textContent = data.x[i];
    xInput.setAttribute("aria-valuetext", `x = ${data.x[i]}`);
    panels.forEach((p) => draw(p, picked));
    legend.replaceChildren(...picked.map((e, k) => {
      const li = element("li", `af-c${k}`);
      const swatch = document.createElementNS(SVG, "svg");
      swatch.setAttribute("viewBox", "0 0 30 6");
      swatch.setAttribute("class", "af-swatch");
      swatch.setAttribute("aria-hidden", "true");
      swatch.innerHTML = `<line x1="0" y1="3" x2="30" y2="3" class="af-cmp-curve af-c${k}" stroke-dasharray="${DASHES[k]}"/>`;
      li.append(swatch, ` ${e.name}`);
      return li;
    }));
    body.replaceChildren(...picked.map((e) => {
      const row = document.createElement("tr");
      // as on each activation's page: f'(x) where f has no derivative is the implementation's convention
      const d = e.c && e.c.includes(i) ? fill(t.convention, { value: e.d[i] }) : e.d[i];
      for (const cell of [e.name, e.f[i], d]) row.insertCell().textContent = cell;
      row.dataset.slug = e.slug;
      return row;
    }));
  };
  selects.forEach((s) => s.addEventListener("change", update));
  xInput.addEventListener("input", update);
  update();
}
