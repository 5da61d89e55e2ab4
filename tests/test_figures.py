"""The static figures as drawn: legends and point labels clear of the curves, the y axis kept to the curves, the gated units' zero sets drawn where
they are and visible in both schemes, hardshrink's lambda variants and their jumps.

Geometry comes from matplotlib's own layout of each figure as it is saved; the zero sets and the
jumps are derived by hand from the definitions (and checked with mpmath), and the colours are read
from the SVG files the pages include."""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET

import mpmath as mp
import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image

import activation_figures
import figure_style
import generated
import vector_figures
from activations import REGISTRY
from svg_ids import ID, ids_numbered

ELEMENTWISE = [slug for slug, a in REGISTRY.items() if a.elementwise]
TWO_CLASS = [slug for slug, a in REGISTRY.items() if not a.elementwise and a.family != "Gated"]
GATED = [slug for slug, a in REGISTRY.items() if a.family == "Gated"]
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


# --- legends --------------------------------------------------------------------------------------

def _saved_figure(monkeypatch, draw, entry, theme):
    """The matplotlib figure draw() saves, laid out as it was saved."""
    saved = []
    real = figure_style.svg_bytes

    def keep(fig, title):
        saved.append(fig)
        return real(fig, title)

    monkeypatch.setattr(figure_style, "svg_bytes", keep)
    draw(entry, theme)
    assert len(saved) == 1
    return saved[0]


def _points(line) -> np.ndarray:
    """A line's points in display coordinates, filled in to at most a pixel apart where it is joined."""
    xy = line.get_transform().transform(line.get_xydata())
    xy = xy[np.all(np.isfinite(xy), axis=1)]
    if line.get_linestyle() in ("None", "none", "", " ") or len(xy) < 2:
        return xy
    steps = [p + np.linspace(0, 1, int(np.hypot(*(q - p))) + 2)[:, None] * (q - p) for p, q in zip(xy[:-1], xy[1:])]
    return np.concatenate(steps)


def legend_overlaps(fig) -> list[str]:
    """What each legend of fig covers: curves (points inside its box), markers (a marker's disc
    reaching into it) and labels (text boxes meeting it). The lines x = 0 and y = 0 across the
    axes are not curves."""
    renderer = fig._get_renderer()
    found = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        box = legend.get_window_extent(renderer)
        for line in ax.get_lines():
            if line.get_transform() != ax.transData:
                continue  # axhline, axvline
            xy = _points(line)
            r = line.get_markersize() / 2 * fig.dpi / 72 if line.get_marker() not in ("None", "none", "", None) else 0
            inside = ((xy[:, 0] > box.x0 - r) & (xy[:, 0] < box.x1 + r) & (xy[:, 1] > box.y0 - r)
                      & (xy[:, 1] < box.y1 + r))
            if inside.any():
                found.append(f"{line.get_label()}: {int(inside.sum())} points")
        found += [f"label {t.get_text()!r}" for t in ax.texts if box.overlaps(t.get_window_extent(renderer))]
    for legend in fig.legends:  # a legend of the figure's own stands outside every panel and its labels
        box = legend.get_window_extent(renderer)
        found += [f"panel {k}" for k, ax in enumerate(fig.axes) if box.overlaps(ax.get_tightbbox(renderer))]
    return found


@pytest.mark.parametrize("theme", list(figure_style.THEMES))
@pytest.mark.parametrize("slug", ELEMENTWISE + TWO_CLASS)
def test_no_legend_covers_a_curve_a_marker_or_a_label(monkeypatch, slug, theme):
    entry = REGISTRY[slug]
    draw = activation_figures.draw if entry.elementwise else vector_figures.draw_two_class
    fig = _saved_figure(monkeypatch, draw, entry, figure_style.THEMES[theme])
    assert any(ax.get_legend() for ax in fig.axes) or fig.legends, slug
    assert legend_overlaps(fig) == [], slug


def _curve_points(ax) -> tuple[np.ndarray, np.ndarray]:
    """The points of ax's curves and markers in display coordinates (not the lines x = 0 and y = 0),
    with how far each one's ink reaches around it, in pixels."""
    px = ax.figure.dpi / 72
    points, reach = [], []
    for line in ax.get_lines():
        if line.get_transform() != ax.transData:
            continue
        xy = _points(line)
        marker = line.get_marker() not in ("None", "none", "", None)
        points.append(xy)
        reach.append(np.full(len(xy), px * max(line.get_linewidth() / 2, line.get_markersize() / 2 if marker else 0)))
    return np.concatenate(points), np.concatenate(reach)


@pytest.mark.parametrize("theme", list(figure_style.THEMES))
@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_no_label_covers_a_curve_or_a_marker_or_leaves_its_panel(monkeypatch, slug, theme):
    """A label such as "ReLU'(0) = 0 (convention)" sits on an opaque box: where that box lay over a
    curve it hid a piece of it."""
    fig = _saved_figure(monkeypatch, activation_figures.draw, REGISTRY[slug], figure_style.THEMES[theme])
    fig.draw_without_rendering()  # the texts' boxes as laid out at the figure's own dpi, like the curves
    renderer = fig._get_renderer()
    for ax in fig.axes:
        points, reach = _curve_points(ax)
        panel = ax.get_window_extent(renderer)
        for label in ax.texts:
            box = Text.get_window_extent(label, renderer).padded(2 * fig.dpi / 72)  # the box drawn around the text
            inside = ((points[:, 0] > box.x0 - reach) & (points[:, 0] < box.x1 + reach)
                      & (points[:, 1] > box.y0 - reach) & (points[:, 1] < box.y1 + reach))
            assert not inside.any(), (slug, label.get_text(), points[inside][:3])
            assert panel.contains(*box.p0) and panel.contains(*box.p1), (slug, label.get_text())


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_the_y_axis_keeps_to_the_curves(monkeypatch, slug):
    """Room above the curves for a legend is a little room at most (Leaky ReLU's y axis once ran to
    about 8 for curves that reach 4): where the legend does not fit among the curves, it goes below."""
    fig = _saved_figure(monkeypatch, activation_figures.draw, REGISTRY[slug], figure_style.THEMES["light"])
    ax = fig.axes[0]
    x0, x1 = ax.get_xlim()
    ys = np.concatenate([line.get_xydata()[(line.get_xydata()[:, 0] >= x0) & (line.get_xydata()[:, 0] <= x1), 1]
                         for line in ax.get_lines() if line.get_transform() == ax.transData])
    ys = ys[np.isfinite(ys)]
    bottom, top = ax.get_ylim()
    assert top - bottom <= 1.3 * (ys.max() - ys.min()), (slug, (bottom, top), (ys.min(), ys.max()))


@pytest.mark.parametrize("slug", [slug for slug in ELEMENTWISE if REGISTRY[slug].variants])
def test_a_legend_names_each_parameter_once_and_each_drawn_value(monkeypatch, slug):
    """Threshold's legend said "threshold = 0" on all three lines, though only value differs
    between them: a parameter every variant shares is named once, in the title."""
    entry = REGISTRY[slug]
    fig = _saved_figure(monkeypatch, activation_figures.draw, entry, figure_style.THEMES["light"])
    legend = fig.axes[0].get_legend() or fig.legends[0]
    title, lines = legend.get_title().get_text(), [t.get_text() for t in legend.get_texts()]
    for name in entry.params:
        values = {v[name] for v in entry.variants}
        if len(values) == 1:
            assert all(name not in line for line in lines), (slug, name, lines)
            assert f"{name} = {next(iter(values)):g}" in title, (slug, title)
        else:
            for v in values:
                assert any(re.search(rf"(^|= ){v:g}( |$|,)", line) for line in lines), (slug, name, v, lines)


# --- hardshrink's lambda --------------------------------------------------------------------------

def test_hardshrink_draws_several_lambdas_and_marks_where_each_jumps(monkeypatch):
    """hardshrink_l(x) = x for |x| > l, 0 otherwise: it jumps at -l from -l to 0 and at l from 0 to
    l, taking the value 0 at both; each drawn lambda gets its open and filled circles there, and no
    curve is drawn across a jump (as a steep line)."""
    entry = REGISTRY["hardshrink"]
    lambdas = sorted(v["lambd"] for v in entry.variants)
    assert len(lambdas) >= 3 and entry.params["lambd"] in lambdas and len(set(lambdas)) == len(lambdas)
    fig = _saved_figure(monkeypatch, activation_figures.draw, entry, figure_style.THEMES["light"])
    ax = fig.axes[0]
    marks = {(round(float(x), 6), round(float(y), 6)) for line in ax.get_lines()
             if line.get_linestyle() in ("None", "none", "", " ") for x, y in line.get_xydata()}
    for lam in lambdas:
        for point in ((-lam, -lam), (-lam, 0.0), (lam, 0.0), (lam, lam)):
            assert point in marks, (lam, point)
    for line in ax.get_lines():
        xy = line.get_xydata()
        if line.get_transform() == ax.transData and len(xy) > 1:
            dx, dy = np.abs(np.diff(xy, axis=0)).T
            assert not np.any((dy > 0.1) & (dx < 0.01)), f"{line.get_label()} is drawn across a jump"


def test_hardshrink_alt_text_says_where_each_lambda_jumps():
    text = re.search(r"!\[(.*?)\]\(", generated.read("figures/hardshrink.md"), re.S).group(1)
    default = REGISTRY["hardshrink"].params["lambd"]
    others = [v["lambd"] for v in REGISTRY["hardshrink"].variants if v["lambd"] != default]
    assert others
    assert f"The default, lambd = {default:g}, is the thick solid line" in text
    for lam in others:
        assert (f"With lambd = {lam:g} the function jumps from {-lam:g} to 0 at x = {-lam:g} (where it takes the "
                f"value 0) and from 0 to {lam:g} at x = {lam:g} (where it takes the value 0).") in text, (lam, text)


def test_threshold_alt_text_says_where_each_value_makes_it_jump():
    """threshold(x; 0, v) = x for x > 0 and v for x <= 0: for v != 0 it jumps at 0 from v to 0, and
    takes the value v there."""
    text = re.search(r"!\[(.*?)\]\(", generated.read("figures/threshold.md"), re.S).group(1)
    values = [v["value"] for v in REGISTRY["threshold"].variants if v["value"] != 0]
    assert values
    for v in values:
        assert (f"With threshold = 0, value = {v:g} the function jumps from {v:g} to 0 at x = 0 (where it takes "
                f"the value {v:g}).") in text


# --- gated units: the zero set ----------------------------------------------------------------------

def _sigmoid(b):
    return 1 / (1 + mp.exp(-b))


# a * g(b) is 0 exactly where a = 0 or g(b) = 0, and by hand: the sigmoid is positive everywhere;
# GELU(b) = b Phi(b) and SiLU(b) = b sigmoid(b) are 0 only at b = 0 (Phi and sigmoid are positive) and
# change sign there; max(b, 0) is 0 on the whole of b <= 0.
GATES = {"glu": _sigmoid, "geglu": lambda b: b * mp.erfc(-b / mp.sqrt(2)) / 2, "swiglu": lambda b: b * _sigmoid(b),
         "reglu": lambda b: max(b, mp.mpf(0))}
# (lines b = const where the gate is 0, the closed band of b where it is 0 throughout or None)
GATE_ZEROS = {"glu": ([], None), "geglu": ([0.0], None), "swiglu": ([0.0], None), "reglu": ([], "below 0")}
ZERO_SENTENCES = {
    "glu": "It is 0 only on the line a = 0 (its gate is 0 nowhere on the square), drawn as a dark line.",
    "geglu": "It is 0 only on the lines a = 0 and b = 0, drawn as dark lines.",
    "swiglu": "It is 0 only on the lines a = 0 and b = 0, drawn as dark lines.",
    "reglu": ("It is 0 only on the line a = 0 and on the whole half-plane b ≤ 0: the line drawn dark, the region "
              "hatched with its edge b = 0 drawn dark."),
}


@pytest.mark.parametrize("slug", GATED)
def test_the_hand_derived_gate_zeros_hold(slug):
    lo, hi = REGISTRY[slug].x_range
    lines, band = GATE_ZEROS[slug]
    for b in np.linspace(lo, hi, 161):
        g = GATES[slug](mp.mpf(float(b)))
        assert (g == 0) == (b in lines or (band == "below 0" and b <= 0)), (slug, b, g)
    for k in lines:  # a sign change, so a line between the two signs
        assert GATES[slug](mp.mpf(k) - mp.mpf("1e-6")) * GATES[slug](mp.mpf(k) + mp.mpf("1e-6")) < 0


@pytest.mark.parametrize("slug", GATED)
def test_gated_alt_text_states_the_zero_set(slug):
    text = re.search(r"!\[(.*?)\]\(", generated.read(f"figures/{slug}.md"), re.S).group(1)
    assert ZERO_SENTENCES[slug] in text
    assert "contour" not in text


def _svg(slug: str, theme: str) -> ET.Element:
    return ET.fromstring(generated.read(f"figures/{slug}-{theme}.svg"))


def _style(el) -> dict[str, str]:
    return dict(p.split(": ", 1) for p in (el.get("style") or "").split("; ") if ": " in p)


def _path_points(d: str) -> list[np.ndarray]:
    """The polylines of an SVG path made of M, L and z, in SVG units."""
    parts, current = [], []
    for cmd, x, y in re.findall(r"([MLz])\s*(?:(-?[\d.]+)\s+(-?[\d.]+))?", d):
        if cmd == "M":
            if current:
                parts.append(np.array(current))
            current = [(float(x), float(y))]
        elif cmd == "L":
            current.append((float(x), float(y)))
        elif cmd == "z" and current:
            current.append(current[0])
    if current:
        parts.append(np.array(current))
    return parts


def _heat_map(root: ET.Element):
    """The main axes of a gated figure: its box (x0, y0, x1, y1) in SVG units, the image's pixels
    (rows top to bottom) and the box they cover, and the groups drawn in the axes."""
    axes = root.find(f".//{SVG}g[@id='axes_1']")
    image = axes.find(f".//{SVG}image")
    assert image.get("transform", "").startswith("scale(1 -1)")  # stored bottom row first
    pixels = Image.open(io.BytesIO(base64.b64decode(image.get(f"{XLINK}href").split(",", 1)[1]))).convert("RGB")
    pixels = np.asarray(pixels)[::-1]  # flipped back: top row first, as shown
    x, w, h = float(image.get("x")), float(image.get("width")), float(image.get("height"))
    # scale(1 -1) translate(0 -T) shows the image's y from y0 to y0 + h at T - y0 - h to T - y0
    shift = -float(re.search(r"translate\(0 (-?[\d.]+)\)", image.get("transform")).group(1))
    top = shift - float(image.get("y")) - h
    clip = root.find(f".//{SVG}clipPath/{SVG}rect")
    box = tuple(float(clip.get(k)) for k in ("x", "y")) + (float(clip.get("x")) + float(clip.get("width")),
                                                         float(clip.get("y")) + float(clip.get("height")))
    return axes, box, pixels, (x, top, x + w, top + h)


def _to_data(xy: np.ndarray, box, lo: float, hi: float) -> np.ndarray:
    x0, y0, x1, y1 = box
    return np.column_stack([lo + (xy[:, 0] - x0) / (x1 - x0) * (hi - lo), hi - (xy[:, 1] - y0) / (y1 - y0) * (hi - lo)])


def _drawn(axes: ET.Element) -> list[ET.Element]:
    """The stroked paths drawn over the heat map: in the axes' own groups (lines, contours,
    collections), not in its frame and spines (patch_), ticks (matplotlib.axis_) or labels."""
    return [p for g in axes.findall(f"{SVG}g") if g.get("id") and not g.get("id").startswith(("patch_", "matplotlib.axis", "text_"))
            for p in g.iter(f"{SVG}path") if _style(p).get("stroke", "none") != "none"]


def _ink(axes: ET.Element, colour: str) -> list[np.ndarray]:
    """The polylines of the paths drawn over the heat map in colour."""
    return [line for p in _drawn(axes) if _style(p).get("stroke") == colour for line in _path_points(p.get("d"))]


def _luminance(rgb) -> np.ndarray:
    c = np.asarray(rgb, dtype=float) / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def _contrast(a, b) -> np.ndarray:
    la, lb = _luminance(a), _luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _zero_ink(axes: ET.Element) -> str:
    """The one stroke colour of the lines plotted over the heat map."""
    colours = {_style(p).get("stroke") for p in _drawn(axes)}
    assert len(colours) == 1, colours
    return colours.pop()


def _near(points: np.ndarray, lines: list[np.ndarray], tol: float) -> np.ndarray:
    """For each point, whether some segment of lines passes within tol of it (SVG units)."""
    hit = np.zeros(len(points), bool)
    for line in lines:
        for p, q in zip(line[:-1], line[1:]):
            d = q - p
            t = np.clip(((points - p) @ d) / max(d @ d, 1e-12), 0, 1)
            hit |= np.hypot(*(points - (p + t[:, None] * d)).T) <= tol
    return hit


@pytest.mark.parametrize("theme", list(figure_style.THEMES))
@pytest.mark.parametrize("slug", GATED)
def test_gated_figure_draws_its_whole_zero_set(slug, theme):
    """The dark lines cover the zero set's lines and edges and nothing else; the closed band is hatched."""
    lo, hi = REGISTRY[slug].x_range
    lines, band = GATE_ZEROS[slug]
    axes, box, _, _ = _heat_map(_svg(slug, theme))
    ink = _ink(axes, _zero_ink(axes))
    t = np.linspace(lo, hi, 81)
    up = t[t >= 0] if band else t  # inside the closed band the line a = 0 is part of the hatched region
    want = [np.column_stack([np.zeros_like(up), up])]
    want += [np.column_stack([t, np.full_like(t, k)]) for k in lines]
    if band == "below 0":
        want.append(np.column_stack([t, np.zeros_like(t)]))  # the band's edge b = 0
    x0, y0, x1, y1 = box
    scale = np.array([(x1 - x0) / (hi - lo), (y1 - y0) / (hi - lo)])
    for pts in want:
        svg_pts = np.column_stack([x0 + (pts[:, 0] - lo) * scale[0], y1 - (pts[:, 1] - lo) * scale[1]])
        missing = ~_near(svg_pts, ink, 1.0)
        assert not missing.any(), (slug, theme, pts[missing][:5])
    for line in ink:  # every dark line lies on the zero set
        ab = _to_data(line, box, lo, hi)
        on = (np.abs(ab[:, 0]) < 0.02) | np.any([np.abs(ab[:, 1] - k) < 0.02 for k in lines] or [False], axis=0)
        if band == "below 0":
            on |= ab[:, 1] < 0.02
        assert on.all(), (slug, theme, ab[~on][:5])
    hatched = [p for p in axes.iter(f"{SVG}path") if _style(p).get("fill", "").startswith("url(#h")]
    assert bool(hatched) == (band is not None), slug
    for p in hatched:
        (pts,) = _path_points(p.get("d"))
        ab = _to_data(pts, box, lo, hi)
        assert np.allclose([ab[:, 0].min(), ab[:, 0].max(), ab[:, 1].min(), ab[:, 1].max()], [lo, hi, lo, 0],
                           atol=0.02), ab


@pytest.mark.parametrize("theme", list(figure_style.THEMES))
@pytest.mark.parametrize("slug", GATED)
def test_gated_zero_lines_and_hatching_stand_out_from_the_colours_they_cross(slug, theme):
    """At least 3:1 (WCAG's minimum for graphical objects) between the zero set's ink and every
    pixel of the heat map within two SVG units of its lines, and every pixel of the hatched band:
    the image is opaque, so these are the only colours the lines meet."""
    root = _svg(slug, theme)
    axes, box, pixels, (ix0, iy0, ix1, iy1) = _heat_map(root)
    colour = _zero_ink(axes)
    rows, cols = pixels.shape[:2]
    met = []
    for line in _ink(axes, colour):
        for p, q in zip(line[:-1], line[1:]):
            s = np.linspace(0, 1, 400)[:, None]
            pts = p + s * (q - p)
            for dx in (-2, 0, 2):
                for dy in (-2, 0, 2):
                    c = np.clip(((pts[:, 0] + dx - ix0) / (ix1 - ix0) * cols).astype(int), 0, cols - 1)
                    r = np.clip(((pts[:, 1] + dy - iy0) / (iy1 - iy0) * rows).astype(int), 0, rows - 1)
                    met.append(pixels[r, c])
    met = np.concatenate(met)
    ratio = _contrast(_hex(colour), met)
    assert ratio.min() >= 3, (slug, theme, colour, float(ratio.min()))
    for pattern in root.iter(f"{SVG}pattern"):
        hatch = {_style(p).get("stroke") for p in pattern.iter(f"{SVG}path")}
        assert len(hatch) == 1
        band = pixels[int(rows / 2):]  # b <= 0: the lower half of the square
        assert _contrast(_hex(hatch.pop()), band.reshape(-1, 3)).min() >= 3, (slug, theme)


# --- titles ---------------------------------------------------------------------------------------

def test_a_figure_every_language_shares_has_no_title_and_a_translated_one_its_language_s():
    """An SVG drawn once for every language (no figures/<stem>-ko-... twin) has no <title>: opened on its
    own, it would greet a Korean reader in English, and the pages' alt text says what it shows in each
    language. A figure drawn per language is titled in that language."""
    from messages import TRANSLATED
    from outputs import GENERATED

    figures = sorted((GENERATED / "figures").glob("*.svg"))
    twins = {locale: [p for p in figures if f"-{locale}-" in p.name] for locale in TRANSLATED}
    per_language = {p.name.replace(f"-{locale}-", "-", 1) for locale, ps in twins.items() for p in ps}
    shared = [p for p in figures if p.name not in per_language and not any(p in ps for ps in twins.values())]
    assert len(shared) > 40 and all(twins.values()), (len(shared), twins)
    titled = [p.name for p in shared if re.search(r"<(?:dc:)?title>", p.read_text(encoding="utf-8"))]
    assert not titled, f"figures every language shares, titled in one of them: {titled}"
    for p in twins.get("ko", []):
        title = re.search(r"<title>([^<]*)</title>", p.read_text(encoding="utf-8"))
        assert title and re.search(r"[\uac00-\ud7a3]", title.group(1)), (p.name, title and title.group(1))


# --- one drawing for every theme -------------------------------------------------------------------

def _drawings():
    import rrelu_outputs
    import softmax_outputs
    import why_outputs
    from functools import partial

    entry = REGISTRY.__getitem__
    return {
        "relu (a kink's label)": partial(activation_figures.draw, entry("relu")),
        "sigmoid (the slope's peak)": partial(activation_figures.draw, entry("sigmoid")),
        "leaky-relu (variants, a zoom)": partial(activation_figures.draw, entry("leaky-relu")),
        "overview": activation_figures.draw_grid,
        "softmax, two classes": partial(vector_figures.draw_two_class, entry("softmax")),
        "softmax simplex": partial(vector_figures.draw_simplex, entry("softmax")),
        "rrelu training": rrelu_outputs.draw,
        "why, XOR": why_outputs.draw,
        "softmax classes": softmax_outputs.draw,
    }


@pytest.mark.parametrize("name", list(_drawings()))
def test_a_figure_drawn_once_for_every_theme_is_the_figure_drawn_in_each(name):
    """Every theme's SVG is made from one drawing in placeholder colours (figure_style.in_every_theme):
    it must be the picture that drawing in that theme gives, but for matplotlib's ids."""
    draw = _drawings()[name]
    once = figure_style.in_every_theme(draw)
    assert set(once) == set(figure_style.THEMES)
    for theme_name, theme in figure_style.THEMES.items():
        direct = draw(theme)
        assert once[theme_name] != direct or not ID.search(direct)  # made from the placeholders, not drawn again
        assert ids_numbered(once[theme_name]) == ids_numbered(direct), (name, theme_name)


def _draw_with(theme, colour=None, raster=False) -> bytes | None:
    with figure_style.themed(theme):
        fig, ax = figure_style.new_figure(theme)
        ax.plot([0, 1], [0, 1], color=colour or theme.primary)
        ax.fill_between([0, 1], [0, 0], [1, 1], color=theme.secondary, alpha=0.2, rasterized=raster)
        return figure_style.svg_bytes(fig, "")


@pytest.mark.parametrize("case", [{"colour": "#123456"}, {"raster": True}])
def test_a_figure_that_recolouring_cannot_make_is_drawn_in_each_theme(case):
    """A colour of its own (not a theme's) or a raster part, whose pixels no text substitution reaches:
    each theme's SVG is then that theme's own drawing, byte for byte."""
    once = figure_style.in_every_theme(lambda theme: _draw_with(theme, **case))
    assert once == {name: _draw_with(theme, **case) for name, theme in figure_style.THEMES.items()}


def test_placeholders_stand_for_each_theme_s_colour_and_for_nothing_else():
    colours = ("text", "grid", "axis", "primary", "secondary", "accent", "muted", "background")
    placeholder = figure_style.PLACEHOLDER
    svg = figure_style.in_every_theme(lambda theme: "".join(getattr(theme, c) for c in colours).encode())
    for name, theme in figure_style.THEMES.items():
        assert svg[name] == "".join(getattr(theme, c) for c in colours).encode()
    used = {getattr(t, c) for t in figure_style.THEMES.values() for c in colours}
    assert not used & {getattr(placeholder, c) for c in colours}


# --- log axes ---------------------------------------------------------------------------------------

def test_log_axis_labels_are_text_with_superscripts_not_mathtext():
    """figure_style.PlainPowers: the labels matplotlib writes as mathtext ($10^{-4}$), written in text."""
    theme = figure_style.THEMES["light"]
    with figure_style.themed(theme):
        fig, ax = figure_style.new_figure(theme)
        ax.semilogy([0, 1], [1e-14, 1e3])
        svg = figure_style.svg_bytes(fig, "").decode()
    labels = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    assert {"10⁻¹⁴", "10⁻⁸", "10⁰", "10²"} <= set(labels), labels
    assert not [t for t in labels if "$" in t or "mathdefault" in t]
    plain = figure_style.PlainPowers(10)
    assert [plain(v) for v in (1e-4, 2e-3, -1e-3, 1e3)] == ["10⁻⁴", "2×10⁻³", "−10⁻³", "10³"]
