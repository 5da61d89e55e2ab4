"""Figures and tables on a phone: every figure's text legible at 390 CSS pixels, no two labels of a
figure on top of each other, wide tables scrolling inside their own box.

Figure text is SVG text (src/figure_style sets svg.fonttype 'none'), so each SVG is opened as a
document of its own in Chromium and every <text> measured there: its font size and its box
(getBBox, through the text's transform). A figure's text on the page is that size times the
ratio of the width the page gives the figure to the SVG's own width.
"""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browsing import NARROW, PHONE, SCHEMES

SMALLEST_TEXT = 9.0  # CSS px, the font size no figure text may go below on that phone

# Every text of an SVG document: its string, font size and the four corners of its box, in CSS px
# of the SVG shown at its own size. Mathtext is a <text> of positioned <tspan>s (one per glyph), so
# its box is theirs together. Each box is widened by GAP em at both ends: two labels on one line need
# at least a narrow space between them ("puppy person", not "puppyperson").
TEXTS_IN_SVG = """gap => {
  const root = document.documentElement, origin = root.getBoundingClientRect();
  const texts = Array.from(document.querySelectorAll('text')).filter(t => t.textContent.trim() !== '');
  return {width: origin.width, height: origin.height, texts: texts.map(t => {
    const spans = Array.from(t.querySelectorAll('tspan')).filter(s => s.textContent.trim() !== '');
    const parts = spans.length ? spans : [t];
    const boxes = parts.map(p => p.getBBox()), sizes = parts.map(p => parseFloat(getComputedStyle(p).fontSize));
    const pad = gap * Math.max(...sizes);
    const x0 = Math.min(...boxes.map(b => b.x)) - pad, x1 = Math.max(...boxes.map(b => b.x + b.width)) + pad;
    const y0 = Math.min(...boxes.map(b => b.y)), y1 = Math.max(...boxes.map(b => b.y + b.height));
    const m = t.getScreenCTM(), scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e - origin.x, m.b * x + m.d * y + m.f - origin.y]);
    return [parts.map(p => p.textContent.trim()).join(''), Math.min(...sizes) * scale, corners, pad * scale];
  })};
}"""
GAP = 0.125  # em, at each end of a label: together a quarter em, a narrow word space


def svg_source(site: Path, src: str) -> bytes:
    """The bytes of the SVG an image shows: decoded from a data URI, or read from the built site."""
    src = src.split("#")[0]
    if src.startswith("data:"):
        head, data = src.split(",", 1)
        return base64.b64decode(data) if head.endswith(";base64") else unquote(data).encode()
    return (site / unquote(urlsplit(src).path).lstrip("/")).read_bytes()


def measure_svgs(browser, base: str, svgs: dict[str, bytes]) -> dict[str, dict]:
    """key -> {'width', 'texts'} for each SVG, opened as a document of its own (served at base)."""
    context = browser.new_context()
    page = context.new_page()
    current = {}
    page.route(base + "__figure.svg", lambda r: r.fulfill(body=current["svg"], content_type="image/svg+xml"))
    measured = {}
    for key, svg in svgs.items():
        current["svg"] = svg
        page.goto(base + "__figure.svg", wait_until="load")
        measured[key] = page.evaluate(TEXTS_IN_SVG, GAP)
    context.close()
    return measured


def _overlap(a: list, b: list) -> float:
    """How far two convex quadrilaterals overlap along the axis that separates them best (<= 0: apart)."""
    depth = float("inf")
    for quad in (a, b):
        for i in range(4):
            (x0, y0), (x1, y1) = quad[i], quad[(i + 1) % 4]
            nx, ny = y0 - y1, x1 - x0
            norm = (nx * nx + ny * ny) ** 0.5 or 1.0
            pa = [(x * nx + y * ny) / norm for x, y in a]
            pb = [(x * nx + y * ny) / norm for x, y in b]
            depth = min(depth, min(max(pa), max(pb)) - max(min(pa), min(pb)))
    return depth


def overlapping_texts(texts: list) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes (with their gaps) overlap."""
    return [(ta, tb) for i, (ta, _, qa, _) in enumerate(texts) for tb, _, qb, _ in texts[i + 1:] if _overlap(qa, qb) > 0]


@pytest.fixture(scope="module")
def phone_pages(visits):
    """(page, scheme) -> {'figures': every figure of the page at the phone width (tests/browsing.py:
    FIGURES_ON_PAGE), and in the light scheme 'page': its layout there (browsing.phone_layout)}, from
    the one visit of each page (the reader turned to a phone's width in each scheme)."""
    return {key: {"figures": v.phone, **({"page": v.layout} if v.layout else {})} for key, v in visits.items()}


@pytest.fixture(scope="module")
def phone_figures(phone_pages, browser, served, site):
    """Every figure of every page at the phone width, and the text of each SVG measured."""
    on_pages = {key: found["figures"] for key, found in phone_pages.items()}
    sources = sorted({f["src"] for figures in on_pages.values() for f in figures})
    measured = measure_svgs(browser, served, {f"svg{i}": svg_source(site, src) for i, src in enumerate(sources)})
    return on_pages, {src: measured[f"svg{i}"] for i, src in enumerate(sources)}


def smallest_text(on_pages, measured) -> dict[str, tuple[float, str]]:
    """page -> (smallest text of a figure shown at the phone width, in CSS px, and that text), over both schemes."""
    result = {}
    for (path, _), figures in on_pages.items():
        for figure in figures:
            if not figure["shown"]:
                continue
            svg = measured[figure["src"]]
            for text, size, *_ in svg["texts"]:
                px = size * figure["width"] / svg["width"]
                if path not in result or px < result[path][0]:
                    result[path] = (px, text)
    return result


def _name(src: str) -> str:
    return src.split("#")[0].rsplit("/", 1)[-1][-40:]


def test_figure_text_is_legible_on_a_phone(phone_figures):
    on_pages, measured = phone_figures
    assert sum(f["shown"] for figures in on_pages.values() for f in figures) >= 2 * 30, "fewer figures than the site has"
    smallest = smallest_text(on_pages, measured)
    small = {path or "/": f"{px:.1f} px ({text!r})" for path, (px, text) in smallest.items() if px < SMALLEST_TEXT}
    assert not small, f"figure text below {SMALLEST_TEXT} CSS px at {PHONE} px width: {small}"


def test_a_phone_shows_the_phone_layout_and_a_wide_screen_the_wide_one(visits, phone_figures):
    """Each figure in the reader's colour scheme only, and the layout made for the screen: on a
    phone the phone layout where a figure has one, on a wide screen never."""
    on_pages, _ = phone_figures
    with_phone_layout = sorted({path for (path, _), figures in on_pages.items()
                                if any(f["layout"] == "figure-phone" for f in figures)})
    assert "all-activations/" in with_phone_layout
    wide = {key: v.wide for key, v in visits.items() if key[0] in with_phone_layout}
    wrong = []
    for width, found in ((PHONE, on_pages), (1280, wide)):
        hidden = "figure-wide" if width == PHONE else "figure-phone"
        for (path, scheme), figures in found.items():
            for f in figures:
                expected = f["src"].endswith(f"#only-{scheme}") and f["layout"] != hidden
                if f["shown"] != expected:
                    wrong.append(f"{path} [{scheme}, {width} px]: {_name(f['src'])} {f['layout']} shown={f['shown']}")
    assert not wrong, wrong


def cut_off_texts(svg: dict) -> list[str]:
    """Texts whose box reaches past the figure's edge, where the image cuts them off."""
    return [text for text, _, quad, pad in svg["texts"]
            if not all(-pad - 0.5 <= x <= svg["width"] + pad + 0.5 and -pad - 0.5 <= y <= svg["height"] + pad + 0.5
                       for x, y in quad)]


def test_no_two_labels_of_a_figure_overlap(phone_figures):
    _, measured = phone_figures
    assert all(svg["texts"] for svg in measured.values())
    clashes = {_name(src): pairs for src, svg in measured.items() if (pairs := overlapping_texts(svg["texts"]))}
    assert not clashes, f"overlapping figure text: {clashes}"


def test_no_label_is_cut_off_at_a_figure_edge(phone_figures):
    _, measured = phone_figures
    cut = {_name(src): texts for src, svg in measured.items() if (texts := cut_off_texts(svg))}
    assert not cut, f"figure text cut off at the edge: {cut}"


def _light(phone_pages) -> dict[str, dict]:
    return {path: found["page"] for (path, scheme), found in phone_pages.items() if scheme == SCHEMES[0]}


def test_wide_tables_and_formulas_scroll_in_their_own_focusable_box_on_a_phone(phone_pages):
    wide_pages, stuck, wide_tables, wide_formulas = {}, [], 0, 0
    for path, layout in _light(phone_pages).items():
        found = layout["tables"]
        if found["page"] > PHONE:
            wide_pages[path or "/"] = found["page"]
        for t in found["tables"]:
            wide_tables += t["wide"]
            if t["wide"] and not (t["scrolls"] and t["fits"] and t["focusable"]):
                stuck.append(f"{path or '/'}: {t['head']} {t}")
        # a displayed formula wider than the screen scrolls in its own box, which Tab reaches
        formulas = layout["formulas"]
        wide_formulas += len(formulas)
        stuck += [f"{path or '/'}: a formula that scrolls but is no tab stop" for i in formulas if i < 0]
    assert wide_formulas, "no formula is wider than a phone: the check saw nothing to check"
    assert not wide_pages, f"pages wider than a {PHONE} px screen: {wide_pages}"
    assert wide_tables, "no table is wider than a phone: the check saw nothing to check"
    assert not stuck, f"wide tables or formulas that do not scroll inside their own focusable box: {stuck}"


def test_pages_fit_the_narrowest_phone(phone_pages):
    """At 360 CSS pixels nothing makes the page scroll sideways (wide tables and formulas scroll
    inside their own box), and a notebook's printed table is not wrapped."""
    wide, wrapped, outputs = {}, [], 0
    for path, layout in _light(phone_pages).items():
        narrow = layout["narrow"]
        if narrow["width"] > NARROW:
            wide[path or "/"] = narrow["width"]
        outputs += len(narrow["outputs"])
        wrapped += [f"{path}: {text}" for text, ok in narrow["outputs"] if not ok]
    assert not wide, f"pages wider than a {NARROW} px screen: {wide}"
    assert outputs and not wrapped, f"printed output wrapped on a {NARROW} px screen: {wrapped}"
