"""Figure of every registry entry: function and derivative on shared axes, light and dark."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.text import Text

import figure_style as style
from activations import REGISTRY, Activation
from figure_snippets import figure_markdown, svg_outputs
from formatting import show
from messages import DEFAULT, TRANSLATED, _, current, language
from outputs import GENERATORS, ROOT, Output, shared
from properties import (compute, conventions, convention_text, derivative_extremum, entry_group, jumps_at, one_sided,
                        range_text)

HERE = Path(__file__)
SAMPLES = 1601  # points per curve: smooth at any zoom, small SVG after path simplification


def module_files(entry: Activation) -> tuple[Path, ...]:
    """The source files an entry's figures and tables are computed from: its module, the modules
    that one imports from the package (smooth_relu.py builds on sigmoid.py), and the registry."""
    pkg = ROOT / "src" / "activations"
    seen: list[Path] = []
    todo = [pkg / entry.source]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.append(path)
        todo += [pkg / f"{m}.py" for m in re.findall(r"^from \.(\w+) import", path.read_text(), re.M)]
    return (*sorted(seen), pkg / "registry.py")


def derivative_peak(entry: Activation) -> tuple[float, float] | None:
    """(x, f'(x)) of the derivative's maximum on the plotted range, if it is one isolated point,
    located by a root finder on f''."""
    return derivative_extremum(entry, 1.0, *entry.x_range)


def variant_jumps(entry: Activation, params, x: np.ndarray) -> list[float]:
    """Where f with these parameters jumps inside x's range: the registry places the jumps for the
    default parameters only, so for the others each sample step that rises far more than its
    neighbours is halved until it is one float wide, and kept if f still changes across it."""
    f = partial(entry.fn, **params)
    y = f(x)
    step = np.abs(np.diff(y))
    scale = float(np.ptp(y[np.isfinite(y)])) or 1.0
    found = []
    for i in np.flatnonzero(step > 1e-3 * scale):
        if step[i] <= 10 * max(step[i - 1] if i > 0 else 0.0, step[i + 1] if i + 1 < len(step) else 0.0):
            continue  # as steep as its neighbours: a steep curve, not a jump
        lo, hi = float(x[i]), float(x[i + 1])
        for _step in range(80):
            mid = (lo + hi) / 2
            if mid in (lo, hi):
                break
            if abs(float(f(mid)) - float(f(lo))) >= abs(float(f(hi)) - float(f(mid))):
                hi = mid
            else:
                lo = mid
        if abs(float(f(hi)) - float(f(lo))) > 1e-6 * scale:
            found.append(round(hi, 9) + 0.0)  # the parameters are short decimals, and so are the jumps
    return found


def varied(entry: Activation) -> list[str]:
    """The parameters whose value differs between the variants the figure draws."""
    return [k for k in entry.params if len({v[k] for v in entry.variants}) > 1]


def _segments(entry: Activation, x: np.ndarray, params=None):
    """Pieces between kinks and jumps, so no line is drawn across a jump."""
    if params is None or dict(params) == dict(entry.params):
        cuts = sorted(set(entry.kinks) | set(entry.jumps))
    else:
        cuts = variant_jumps(entry, params, x)
    edges = [-np.inf, *cuts, np.inf]
    return [x[(x > lo) & (x < hi)] for lo, hi in zip(edges[:-1], edges[1:])]


def _mark_convention(ax, f, k: float, color: str, markersize: float = 7) -> None:
    """Open circles at one-sided limits that differ from f(k), a filled one at f(k)."""
    eps = 1e-9
    value = float(f(k))
    open_ends = [side for side in (float(f(k - eps)), float(f(k + eps))) if abs(side - value) > 1e-6]
    for side in open_ends:  # a one-sided limit that is not the value: an open end
        ax.plot([k], [side], "o", markersize=markersize, markerfacecolor="none", markeredgecolor=color,
                markeredgewidth=1.8)
    if open_ends:  # where nothing jumps there is no convention to show
        ax.plot([k], [value], "o", markersize=markersize, color=color)


def _curves(ax, entry: Activation, x: np.ndarray, theme: style.Theme, marks: bool = True) -> None:
    styles = [(0, (5, 1.5)), (0, (1, 1.2))]  # the default is solid, the other values dashed and dotted
    variants = entry.variants or (dict(entry.params),)
    others = 0
    for params in variants:
        default = params == dict(entry.params)
        i, others = others, others + (not default)
        if not entry.variants:
            label = f"{_(entry.name)}(x)"
        elif len(varied(entry)) == 1:  # the parameters are named once, in the legend title
            value = show(params[varied(entry)[0]])
            label = _("{value} (default)").format(value=value) if default else value
        else:
            label = f"{_(entry.name)}(x), " + ", ".join(f"{k} = {show(v)}" for k, v in params.items())
        for j, seg in enumerate(_segments(entry, x, params)):
            ax.plot(seg, entry.fn(seg, **params), color=theme.primary if default else theme.accent,
                    linestyle="-" if default else styles[i % 2], linewidth=1.8 if default else 1.4,
                    label=label if j == 0 else None)
        if marks and not default:
            for k in variant_jumps(entry, params, x):
                _mark_convention(ax, partial(entry.fn, **params), k, theme.accent, markersize=5)
    for j, seg in enumerate(_segments(entry, x)):
        derivative = f"{_(entry.name)}'(x)"
        ax.plot(seg, entry.derivative(seg), color=theme.secondary, linestyle="--",
                label=(_("{derivative}, default").format(derivative=derivative) if entry.variants else derivative)
                if j == 0 else None)
    if not marks:
        return
    for k in entry.jumps:
        _mark_convention(ax, entry.fn, k, theme.primary)
    for k in entry.kinks:
        _mark_convention(ax, entry.derivative, k, theme.secondary)


def has_words(entry: Activation) -> bool:
    """Whether an entry's figure has words, and so is drawn in each language: which of the drawn
    parameter values is the default, or a name the pages translate (Sigmoid(x): 시그모이드(x)); every
    other figure is symbols, numbers and names that read alike in every language (ReLU(x))."""
    return bool(entry.variants) or any(_translated(entry.name, locale) for locale in TRANSLATED)


def _translated(name: str, locale: str) -> bool:
    with language(locale):
        return _(name) != name


def draw(entry: Activation, theme: style.Theme) -> bytes:
    return _drawn(entry, theme, current())[0]


def _drawn(entry: Activation, theme: style.Theme, locale: str):
    """(SVG bytes, axes geometry) of an entry's figure; done once per run and process, since the
    interactive data (axes_geometry) needs the very layout of the English figure."""
    def make():
        with style.themed(theme, locale):
            fig, ax = _figure(entry, theme)
            # a figure without words is every language's, so its SVG has no title in one of them
            title = _("{name} and its derivative").format(name=_(entry.name)) if has_words(entry) else ""
            data = style.svg_bytes(fig, title)  # the layout below is the one saved
            box = ax.get_position()
            return data, ((box.x0, 1.0 - box.y1, box.width, box.height), ax.get_xlim(), ax.get_ylim())
    return shared(("activation figure", entry.slug, theme.name, locale), make)


def figure_group(entry: Activation) -> str:
    """The render group of the outputs made from an entry's English figure (its SVG, its
    interactive data): one layout serves them all; its properties' outputs join it (entry_group)."""
    return entry_group(entry)


def axes_geometry(entry: Activation) -> tuple[tuple[float, float, float, float], tuple[float, float], tuple[float, float]]:
    """Where the main axes of an entry's English figure lie, as (left, top, width, height)
    fractions of the figure, and their x and y limits: what maps a point of the picture to x and y."""
    with language(DEFAULT):  # the same in every theme: the one all themes' SVGs are drawn from
        return _drawn(entry, style.PLACEHOLDER, DEFAULT)[1]


def _figure(entry: Activation, theme: style.Theme):
    """The figure of an entry and its main axes; call within style.themed(theme)."""
    if entry.inset is None:
        fig, ax = style.new_figure(theme)
    else:  # the zoom gets its own panel, so it never hides part of the full view
        fig, (ax, zoom) = style.new_figure(theme, ncols=2, width_ratios=[2, 1])
    x = np.linspace(*entry.x_range, SAMPLES)
    extra = [k for k in (*entry.kinks, *entry.jumps) if k not in x]
    x = np.sort(np.append(x, extra))
    _curves(ax, entry, x, theme)
    jumping = [k for k in entry.kinks if jumps_at(entry.derivative, k)]
    label = None  # a point's label: the convention at a kink, or where the slope is largest
    if len(jumping) == 1 and not entry.jumps:
        k = jumping[0]
        value = float(entry.derivative(k))
        # ":=", defined as: the derivative does not exist there, the code sets this value
        name = _(entry.name)
        wordings = (f"{name}'({show(k)}) := {show(value)}",
                    f"{name}'({show(k)})\n:= {show(value)}")  # narrower, for a narrow panel
        label = ax.annotate(
            wordings[0], (k, value),
            xytext=LABEL_SIDES[0][:2], textcoords="offset points", color=theme.text, fontsize=style.SMALL,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": theme.background, "edgecolor": "none", "alpha": 0.85},
            arrowprops={"arrowstyle": "-", "color": theme.muted, "linewidth": 0.8})
    peak = derivative_peak(entry)
    if peak is not None and not entry.kinks:
        px, py = peak
        ax.plot([px], [py], "o", markersize=7, color=theme.accent)
        top, at = f"max {_(entry.name)}'", f"{_(entry.name)}'({show(px)})"
        wordings = (f"{top} = {at} = {show(py)}", f"{top}\n= {at} = {show(py)}", f"{top}\n= {at}\n= {show(py)}")
        label = ax.annotate(wordings[0], (px, py), xytext=LABEL_SIDES[0][:2], textcoords="offset points",
                            color=theme.text, fontsize=style.SMALL,
                            bbox={"boxstyle": "round,pad=0.2", "facecolor": theme.background, "edgecolor": "none", "alpha": 0.85},
                            arrowprops={"arrowstyle": "-", "color": theme.muted, "linewidth": 0.8})
    ax.axhline(0, color=theme.axis, linewidth=0.9)
    ax.axvline(0, color=theme.axis, linewidth=0.9)
    ax.set_xlim(*entry.x_range)
    ax.set_xlabel("x")
    title = None
    if entry.variants and len(varied(entry)) == 1:
        title = ", ".join([f"{_(entry.name)}(x)", *(f"{k} = {show(v)}" for k, v in entry.params.items() if k not in varied(entry)),
                           f"{varied(entry)[0]} ="])
    legend = ax.legend(loc="upper left", fontsize=style.SMALL if entry.variants else None, title=title,
                       title_fontsize=style.SMALL, alignment="left")
    legend.get_title().set_color(theme.text)
    if entry.inset is not None:
        (x0, x1), (y0, y1) = entry.inset
        xs = np.linspace(x0, x1, 801)
        xs = np.sort(np.append(xs, [k for k in (*entry.kinks, *entry.jumps) if x0 < k < x1 and k not in xs]))
        _curves(zoom, entry, xs, theme, marks=False)
        zoom.set_xlim(x0, x1)
        zoom.set_ylim(y0, y1)
        zoom.axhline(0, color=theme.axis, linewidth=0.7)
        zoom.tick_params(labelsize=style.SMALL)
        zoom.set_xlabel("x")
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=theme.muted,
                               linewidth=1.0, linestyle=":"))
    if label is not None:
        place_label(fig, ax, label, wordings)
    place_legend(fig, ax, legend)
    if label is not None and fig.legends:  # the legend went below and the panel shrank: place the label anew
        place_label(fig, ax, label, wordings)
    return fig, ax


# Where a point's label may go, as (x, y) offsets in points with the alignment that keeps the text on
# that side of the point: up and right first, then the other three quarters around it, close to the
# point first and then further out (a line joins the label to its point).
LABEL_SIDES = tuple((sx * d, sy * max(6, d // 2), "left" if sx > 0 else "right", "bottom" if sy > 0 else "top")
                    for d in (10, 30, 60, 100) for sx, sy in ((1, 1), (1, -1), (-1, 1), (-1, -1)))
LEGEND_GROWTH = 2  # at most this many steps of 8% more room above the curves for the legend
LEGEND_SPOTS = ("upper left", "upper right", "lower right", "lower left", "center left", "center right",
                "upper center", "lower center")


def _drawn_points(ax, axis_lines: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Every line, marker and patch outline of ax in display coordinates (the lines x = 0 and
    y = 0 across the axes too if axis_lines), lines filled in to one pixel apart, with how far
    around each point its ink reaches (in pixels)."""
    px = ax.figure.dpi / 72
    points, reach = [], []
    for artist in [*ax.get_lines(), *ax.patches]:
        if not axis_lines and artist.get_transform() != ax.transData and artist in ax.get_lines():
            continue  # axhline and axvline: x or y in axes coordinates
        if artist in ax.get_lines():
            xy = artist.get_transform().transform(artist.get_xydata())
            marker = artist.get_marker() not in ("None", "none", "", " ", None)
            joined = artist.get_linestyle() not in ("None", "none", "", " ")
            width = max(artist.get_markersize() if marker else 0.0, artist.get_linewidth() if joined else 0.0)
        else:
            xy = artist.get_transform().transform(artist.get_path().vertices)
            joined, width = True, artist.get_linewidth()
        xy = xy[np.all(np.isfinite(xy), axis=1)]
        if joined and len(xy) > 1:
            xy = _filled_in(xy)
        points.append(xy)
        reach.append(np.full(len(xy), width / 2 * px + 2 * px))  # half the ink plus a gap of two points
    return np.concatenate(points), np.concatenate(reach)


def _filled_in(xy: np.ndarray) -> np.ndarray:
    """The points of a polyline with each segment filled in to one pixel apart: from p to q, the
    points p + (k / (n - 1)) (q - p), k = 1 ... n - 1, n = ceil(|q - p|) + 1 (q itself last)."""
    step = xy[1:] - xy[:-1]
    n = np.ceil(np.hypot(step[:, 0], step[:, 1])).astype(int) + 1  # points per segment, p included
    segment = np.repeat(np.arange(len(step)), n - 1)
    k = np.arange(len(segment)) - np.repeat(np.cumsum(n - 1) - (n - 1), n - 1) + 1
    t = k * (1.0 / np.maximum(n - 1, 1))[segment]  # a segment of length 0 (n = 1) adds no point
    t[(np.cumsum(n - 1) - 1)[n > 1]] = 1.0  # as np.linspace ends each segment exactly on q
    return np.concatenate([xy[:1], xy[:-1][segment] + t[:, None] * step[segment]])


def _covers(box, points: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """Which points' ink reaches into box."""
    return ((points[:, 0] > box.x0 - reach) & (points[:, 0] < box.x1 + reach)
            & (points[:, 1] > box.y0 - reach) & (points[:, 1] < box.y1 + reach))


def _spot_is_free(ax, box, points: np.ndarray, reach: np.ndarray, renderer) -> bool:
    labels = [t.get_window_extent(renderer) for t in ax.texts]
    return not _covers(box, points, reach).any() and not any(box.overlaps(b) for b in labels)


def place_label(fig, ax, label, wordings: tuple[str, ...]) -> None:
    """Word a point's label and put it on a side of the point (the first wording, then the first
    side of LABEL_SIDES, that fits) where its text stays inside ax and covers no curve or marker
    of ax, nor the lines x = 0 and y = 0 if it can; as first worded and placed if nothing fits."""
    label.set_in_layout(False)  # a candidate place outside the panel must not make the layout shrink the panel
    # Out of the layout, the label moves nothing else: one layout gives the curves and the panel for
    # every wording and side, and each candidate only needs its own text placed.
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    drawn = {axis_lines: _drawn_points(ax, axis_lines) for axis_lines in (True, False)}
    inside = ax.get_window_extent().padded(-2 * fig.dpi / 72)  # two points in from the spines
    for wording in wordings:
        label.set_text(wording)
        for axis_lines in (True, False):
            points, reach = drawn[axis_lines]
            for side in LABEL_SIDES:
                _put(label, side)
                label.update_positions(renderer)
                box = Text.get_window_extent(label, renderer)  # the text, not the arrow to its point
                if inside.contains(*box.p0) and inside.contains(*box.p1) and not _covers(box, points, reach).any():
                    return
    label.set_text(wordings[0])
    _put(label, LABEL_SIDES[0])


def _put(label, side) -> None:
    dx, dy, ha, va = side
    label.xyann = (dx, dy)
    label.set_horizontalalignment(ha)
    label.set_verticalalignment(va)


def place_legend(fig, ax, legend) -> None:
    """Put the legend where it covers no curve, marker or label of ax: the first free spot of
    LEGEND_SPOTS, clear of the lines x = 0 and y = 0 as well if one is; else, where the curves
    leave no spot free, the upper corners of a little more room above them; else below the
    figure, where it covers nothing and the y axis keeps to the curves."""
    bottom, top = ax.get_ylim()
    for grow in range(LEGEND_GROWTH + 1):
        if grow:
            ax.set_ylim(bottom, top + grow * 0.08 * (top - bottom))
        fig.draw_without_rendering()  # lays the figure out as it will be saved
        renderer = fig._get_renderer()
        for axis_lines in (True, False):
            points, reach = _drawn_points(ax, axis_lines)
            for spot in LEGEND_SPOTS if grow == 0 else LEGEND_SPOTS[:2]:
                legend.set_loc(spot)
                if _spot_is_free(ax, legend.get_window_extent(renderer), points, reach, renderer):
                    return
    ax.set_ylim(bottom, top)
    handles, labels = ax.get_legend_handles_labels()
    legend.remove()
    below = fig.legend(handles, labels, loc="outside lower center", ncols=2, title=legend.get_title().get_text() or None,
                       fontsize=legend.get_texts()[0].get_fontsize(), title_fontsize=style.SMALL, alignment="left")
    below.get_title().set_color(legend.get_title().get_color())


def and_list(items: list[str]) -> str:
    """Items joined as the language joins a list: "a and b and c" in English."""
    text = items[0]
    for item in items[1:]:
        text = _("{first} and {second}").format(first=text, second=item)
    return text


def _growth(lim) -> str:
    """The term an unbounded f or f' grows like, as in "0.01 x" or "x²"."""
    coefficient = "" if lim.slope == 1 else f"{show(lim.slope)} "
    return coefficient + "x" + {1: "", 2: "²", 3: "³"}[lim.power]


def _function_behaviour(name: str, lim) -> str:
    """How f behaves as x goes to one infinity, as the first clause of the limits sentence."""
    if lim.between is not None:
        return _("{name} keeps swinging between {low} and {high} without a limit").format(
            name=name, low=show(lim.between[0]), high=show(lim.between[1]))
    if lim.slope != 0:
        if lim.value > 0:
            return _("{name} grows without bound like {term}").format(name=name, term=_growth(lim))
        return _("{name} falls without bound like {term}").format(name=name, term=_growth(lim))
    if lim.exact:
        return _("{name} tends to {value} (it is {value} for {where})").format(
            name=name, value=show(lim.value), where=lim.exact)
    return _("{name} tends to {value}").format(name=name, value=show(lim.value))


def _derivative_behaviour(lim) -> str:
    """How f' behaves as x goes to one infinity, as the second clause of the limits sentence."""
    if lim.between is not None:
        return _("its derivative keeps swinging between {low} and {high} without a limit").format(
            low=show(lim.between[0]), high=show(lim.between[1]))
    if lim.slope != 0:
        if lim.value > 0:
            return _("its derivative grows without bound like {term}").format(term=_growth(lim))
        return _("its derivative falls without bound like {term}").format(term=_growth(lim))
    if lim.exact:
        return _("its derivative tends to {value} (it is {value} for {where})").format(
            value=show(lim.value), where=lim.exact)
    return _("its derivative tends to {value}").format(value=show(lim.value))


def _limit(f, k: float, side: float) -> float:
    """The limit of f at k from one side, to 9 decimals: f 1e-12 away from k."""
    return round(float(f(k + side * 1e-12)), 9) + 0.0


def _settings(params) -> str:
    """Parameter values as in "threshold = 0, value = -1"."""
    return ", ".join(f"{n} = {show(v)}" for n, v in params.items())


def alt_text(entry: Activation) -> str:
    """What an entry's figure shows, with its numbers, in the language being rendered."""
    lo, hi = entry.x_range
    p = compute(entry)
    name = _(entry.name)  # as the pages name it, in their language
    sentences = [
        _("Plot of {name} and its derivative for x from {low} to {high}: the function as a solid line, the "
          "derivative as a dashed line.").format(name=name, low=show(lo), high=show(hi)),
        _("{name}: {summary}.").format(name=name, summary=_(entry.summary)),
    ]
    if p.minimum is not None and not p.monotonic:
        sentences.append(_("Its range is {range}; it dips to its minimum, {minimum}, at {where}.").format(
            range=range_text(p), minimum=show(p.minimum.value), where=p.minimum.where))
    else:
        sentences.append(_("Its range is {range}.").format(range=range_text(p)))
    (fl, dl), (fr, dr) = p.left, p.right
    sentences.append(_("As x goes to minus infinity, {function_left} and {derivative_left}; as x goes to plus "
                       "infinity, {function_right} and {derivative_right}.").format(
        function_left=_function_behaviour(name, fl), derivative_left=_derivative_behaviour(dl),
        function_right=_function_behaviour(name, fr), derivative_right=_derivative_behaviour(dr)))
    top, bottom = derivative_extremum(entry, 1.0, lo, hi), derivative_extremum(entry, -1.0, lo, hi)
    if top is not None and bottom is not None:
        sentences.append(_("The derivative is largest, {largest}, at x = {x_largest}, and smallest, {smallest}, at "
                           "x = {x_smallest}.").format(largest=show(top[1]), x_largest=show(top[0]),
                                                       smallest=show(bottom[1]), x_smallest=show(bottom[0])))
    elif top is not None:
        sentences.append(_("The derivative is largest, {largest}, at x = {x_largest}.").format(
            largest=show(top[1]), x_largest=show(top[0])))
    for k in entry.jumps:  # each jump with what the derivative does there, in one sentence
        jump = {"left": show(one_sided(entry.fn, k, -1)), "right": show(one_sided(entry.fn, k, 1)), "x": show(k),
                "value": show(float(entry.fn(k)))}
        if k in conventions(entry):
            sentences.append(_("The function jumps from {left} to {right} at x = {x}, where it takes the value "
                               "{value}; the derivative does not exist there: {convention}.").format(
                convention=convention_text(entry, k), **jump))
        else:
            sentences.append(_("The function jumps from {left} to {right} at x = {x}, where it takes the value "
                               "{value}.").format(**jump))
    for k in conventions(entry):
        if k not in entry.jumps:
            left, right = (one_sided(entry.derivative, k, s) for s in (-1, 1))
            sentences.append(_("The derivative jumps from {left} to {right} at x = {x}; {convention}.").format(
                left=show(left), right=show(right), x=show(k), convention=convention_text(entry, k)))
    if entry.variants:
        others = [v for v in entry.variants if dict(v) != dict(entry.params)]
        sentences.append(_("The default, {default}, is the thick solid line; thinner dashed and dotted lines show "
                           "{others}; the derivative is drawn for the default.").format(
            default=_settings(entry.params), others=and_list([_settings(o) for o in others])))
        x = np.linspace(lo, hi, SAMPLES)
        for o in others:  # where a parameter moves a jump, or makes one, say where it is
            f = partial(entry.fn, **o)
            jumps = [_("from {left} to {right} at x = {x} (where it takes the value {value})").format(
                left=show(_limit(f, k, -1)), right=show(_limit(f, k, 1)), x=show(k), value=show(float(f(k))))
                for k in variant_jumps(entry, o, x)]
            if jumps:
                sentences.append(_("With {settings} the function jumps {jumps}.").format(
                    settings=_settings(o), jumps=and_list(jumps)))
    if entry.inset is not None:
        (x0, x1), _y = entry.inset
        sentences.append(_("A second panel on the right enlarges x from {low} to {high}, the region marked by a "
                           "dotted box in the first.").format(low=show(x0), high=show(x1)))
    return " ".join(sentences)


def outputs() -> list[Output]:
    out = grid_outputs()
    for entry in REGISTRY.values():
        if not entry.elementwise:
            continue  # vector functions get their own pictures (see softmax_outputs.py)
        deps = (*module_files(entry), HERE, Path(style.__file__), GENERATORS / "properties.py",
                GENERATORS / "formatting.py")
        out += svg_outputs(entry.slug, partial(draw, entry), deps, words=has_words(entry), group=figure_group(entry))
        out.append(Output(
            f"figures/{entry.slug}.md",
            # data-explore: the page's script (explore.js) reads interactive/<slug>.json for this figure
            lambda e=entry: figure_markdown(e.slug, alt_text(e), "scripts/generators/activation_figures.py", style.WIDTH,
                                            style.HEIGHT, attrs=f'data-explore="{e.slug}"', words=has_words(e)),
            (*deps, GENERATORS / "figure_snippets.py"), figure_group(entry),
        ))
    return out


GRID_X, GRID_Y = (-4.0, 4.0), (-2.0, 4.0)  # one pair of axes for every function in the overview
GRID_COLS = 5
GRID_SIZE = (7.6, 9.2)
PHONE_GRID_COLS = 3  # on a phone: three panels a row, seven rows
PHONE_GRID_SIZE = (style.PHONE_WIDTH, 9.6)


def grid_entries() -> list[Activation]:
    return [a for a in REGISTRY.values() if a.elementwise and a.page_slug == a.slug]


def draw_grid(theme: style.Theme, cols: int = GRID_COLS, size: tuple[float, float] = GRID_SIZE) -> bytes:
    entries = grid_entries()
    rows = -(-len(entries) // cols)
    with style.themed(theme, current()):
        # Every panel gets the same fixed limits rather than shared axes: sharing makes each panel's
        # drawing consult all the others (a third of the figure's time), and the limits are fixed anyway.
        fig, axes = style.new_figure(theme, *size, nrows=rows, ncols=cols)
        x = np.linspace(*GRID_X, 801)
        for ax, entry in zip(axes.flat, entries):
            ax.set(xlim=GRID_X, ylim=GRID_Y, autoscale_on=False)
            for seg in _segments(entry, np.sort(np.append(x, [k for k in entry.jumps if k not in x]))):
                ax.plot(seg, entry.fn(seg), color=theme.primary, linewidth=1.6)
            ax.axhline(0, color=theme.axis, linewidth=0.6)
            ax.axvline(0, color=theme.axis, linewidth=0.6)
            ax.set_title(_(entry.name), fontsize=style.SMALL, color=theme.text)  # a name the pages translate
            ax.tick_params(labelsize=10)
        for ax in axes.flat:
            ax.label_outer()  # tick labels on the outer panels only, as shared axes have them
        for ax in list(axes.flat)[len(entries):]:
            ax.set_visible(False)
        return style.svg_bytes(fig, _("Every elementwise activation on the same axes"))


def grid_alt() -> str:
    """What the overview of every elementwise function shows."""
    return _("Small multiples: {count} panels, one per elementwise activation, all with x from {x_low} to {x_high} "
             "and y from {y_low} to {y_high}, in this order: {names}. The table above gives each function's range, "
             "minimum and slopes in numbers.").format(
        count=len(grid_entries()), x_low=f"{GRID_X[0]:g}", x_high=f"{GRID_X[1]:g}", y_low=f"{GRID_Y[0]:g}",
        y_high=f"{GRID_Y[1]:g}", names=", ".join(_(a.name) for a in grid_entries()))


def grid_outputs() -> list[Output]:
    deps = (*sorted((ROOT / "src" / "activations").glob("*.py")), HERE, Path(style.__file__))
    # the panels are titled with the functions' names, which some languages translate: drawn per language
    out = svg_outputs("all-activations", draw_grid, deps, words=True, cost=1.0)
    out += svg_outputs("all-activations", partial(draw_grid, cols=PHONE_GRID_COLS, size=PHONE_GRID_SIZE), deps,
                       suffix="-phone", words=True, cost=1.0)
    out.append(Output("figures/all-activations.md",
                      lambda: figure_markdown("all-activations", grid_alt(), "scripts/generators/activation_figures.py",
                                              *GRID_SIZE, phone=PHONE_GRID_SIZE, words=True),
                      (*deps, GENERATORS / "figure_snippets.py")))
    return out
