"""What the figures a reader can explore show: samples of f and f' on the figure's own axes, for
the default parameters and for each value the sliders step through, with the properties that
change. Everything is computed here by the tested module; the page only picks what to show."""

from __future__ import annotations

import functools
import itertools
import json
import math
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np

import figure_style as style
import softmax_playground
from activation_figures import axes_geometry, figure_group, module_files
from activations import REGISTRY, Activation
from formatting import show
from messages import DEFAULT, TRANSLATED, _, catalogue_files, language
from outputs import GENERATORS, Output
from properties import DENSE, _bound

HERE = Path(__file__)
SAMPLES = 201  # points along x: a readout step of 1/200 of the plotted range
STEPS = (1.0, 2.0, 2.5, 5.0)  # slider steps are one of these times a power of ten
INTERVALS = 8  # about this many slider steps across a parameter's span (fewer when there are several)
BREAK = 0.05  # a drawn curve breaks where it moves more than this share of the y span in one step,
JUMP = 3.0  # and more than this many times the steps either side (a steep smooth curve moves alike)
SIDE, GAP = 1e-9, 1e-6  # as properties.jumps_at: one-sided values this far away, differing by more than GAP
FINE = 20000  # intervals of the grid on which kinks and jumps between the samples are sought


def entries() -> list[Activation]:
    """Every entry with a figure of its own (the elementwise ones)."""
    return [e for e in REGISTRY.values() if e.elementwise]


def _nice_step(span: float, intervals: int) -> float:
    """The step among 1, 2, 2.5 and 5 times a power of ten closest to span / intervals."""
    raw = span / intervals
    power = 10.0 ** math.floor(math.log10(raw))
    return min((s * power for s in (*STEPS, 10.0)), key=lambda s: abs(math.log(s / raw)))


def _drawn(entry: Activation) -> dict[str, set[float]]:
    """For each parameter, the values the static figure draws: the default and the variants'."""
    return {name: {float(default), *(float(v[name]) for v in entry.variants if name in v)}
            for name, default in entry.params.items()}


def parameter_values(entry: Activation) -> dict[str, list[float]]:
    """For each parameter, the values its slider steps through: a round grid over the span of the
    default and the variants the figure draws (half the default's size either side when there are
    none), with the default and those variants themselves."""
    intervals = max(2, INTERVALS // max(1, len(entry.params)))
    out = {}
    for name, default in entry.params.items():
        drawn = sorted(_drawn(entry)[name])
        lo, hi = drawn[0], drawn[-1]
        if lo == hi:
            half = max(abs(default), 1.0) / 2
            lo, hi = default - half, default + half
        step = _nice_step(hi - lo, intervals)
        grid = [round(k * step, 10) for k in range(math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9) + 1)]
        out[name] = sorted({*(v + 0.0 for v in grid), *drawn})
    return out


def _accepts(entry: Activation, params: dict[str, float]) -> bool:
    """Whether the module accepts these parameters (alpha > 0, min_val < max_val, ...)."""
    try:
        entry.fn(0.0, **params)
        entry.derivative(0.0, **params)
    except (ValueError, TypeError):
        return False
    return True


def _fits(entry: Activation, params: dict[str, float], ylim: tuple[float, float]) -> bool:
    """Whether f and f' stay on the static figure's y axis over its x range, so the curves drawn
    over it are seen whole."""
    x = np.union1d(even_grid(entry), _cuts(entry.slug, tuple(params.items())))
    y = np.concatenate([entry.fn(x, **params), entry.derivative(x, **params)])
    return bool(np.all((y >= ylim[0]) & (y <= ylim[1])))


def combinations(entry: Activation, ylim: tuple[float, float]) -> list[dict[str, float]]:
    """The parameter combinations the sliders reach, the first parameter varying slowest: every
    combination of each slider's values, since each slider moves on its own. From each grid, end
    values are dropped while a combination with them is refused by the module (lower > upper,
    ...), the most refused first, then while none of their curves fits the figure; the default
    and the drawn variants stay, even where their curves leave the figure's y axis. Just the
    defaults when the function has no parameter."""
    values = parameter_values(entry)
    if not values:
        return [{}]
    drawn = _drawn(entry)

    def product() -> list[dict[str, float]]:
        return [dict(zip(values, c)) for c in itertools.product(*values.values())]

    def ends() -> list[tuple[str, float]]:
        return [(n, v) for n, vs in values.items() for v in dict.fromkeys((vs[0], vs[-1])) if v not in drawn[n]]

    def share(name: str, v: float, test) -> float:
        with_v = [c for c in product() if c[name] == v]
        return sum(map(test, with_v)) / len(with_v)

    def refused(c: dict[str, float]) -> bool:
        return not _accepts(entry, c)

    def fits(c: dict[str, float]) -> bool:
        return _fits(entry, c, ylim)

    while any(map(refused, product())):
        worst = max(ends(), key=lambda e: share(*e, refused), default=None)
        if worst is None or share(*worst, refused) == 0:
            raise ValueError(f"{entry.slug}: the values drawn combine into parameters the module refuses")
        values[worst[0]].remove(worst[1])
    while unseen := [e for e in ends() if share(*e, fits) == 0]:
        values[unseen[0][0]].remove(unseen[0][1])
    return product()


def _breaks(y: np.ndarray, span: float) -> list[int]:
    """Indices i where a drawn line must not join sample i to sample i + 1 (a jump)."""
    d = np.diff(y)
    alike = d[:-1] * d[1:] > 0  # neighbouring steps in the same direction (not a point set apart)
    beside = np.maximum(np.r_[0.0, np.where(alike, np.abs(d[:-1]), 0.0)], np.r_[np.where(alike, np.abs(d[1:]), 0.0), 0.0])
    return [int(i) for i in np.flatnonzero((np.abs(d) > BREAK * span) & (np.abs(d) > JUMP * beside))]


def _lines(g, x: np.ndarray, span: float, kinks: tuple[float, ...]) -> tuple[list[int], list[list]]:
    """How g is drawn through the samples x: the indices i where the line does not join sample i to
    i + 1, and, at each sample among the kinks where g itself jumps (by any amount), [i, the limit
    from the left, the limit from the right]: the line arrives at the one and leaves from the other
    at that x."""
    y = g(x)
    # every jump cuts() finds is drawn as one, however small beside the y span (hardshrink's 0.2)
    at = [int(i) for i in np.flatnonzero(np.isin(x, kinks) & (np.abs(g(x - SIDE) - g(x + SIDE)) > GAP))]
    breaks = [i for i in _breaks(y, span) if i not in at and i + 1 not in at]
    # the limits, from 1e-12 away, to 9 decimals (a limit of 0 is 0, not 1e-12)
    return breaks, [[i, *(show(round(float(g(x[i] + side)), 9) + 0.0) for side in (-1e-12, 1e-12))] for i in at]


def _jumps(y: np.ndarray, slope: np.ndarray) -> bool:
    """Whether f jumps somewhere on the dense grid: a step between neighbours that its steepest
    slope cannot explain."""
    reach = float(np.max(np.abs(slope[np.isfinite(slope)]))) * float(np.max(np.diff(DENSE)))
    steps = np.abs(np.diff(y))
    return bool(np.any(steps[np.isfinite(steps)] > 2 * reach + 1e-9))


def conventions(entry: Activation, params: dict[str, float], x: np.ndarray) -> np.ndarray:
    """Whether f' has no value at each x for these parameters, so that the number the module gives
    there is a convention: f or f' jumps there (the test of properties.jumps_at, which marks the
    static pages' conventions), or f' there is neither one-sided value (a removed point)."""
    f, d = partial(entry.fn, **params), partial(entry.derivative, **params)
    left, right, here = d(x - SIDE), d(x + SIDE), d(x)
    return ((np.abs(f(x - SIDE) - f(x + SIDE)) > GAP) | (np.abs(left - right) > GAP)
            | ((np.abs(here - left) > GAP) & (np.abs(here - right) > GAP)))


def _properties(entry: Activation, params: dict[str, float]) -> list[list[str]]:
    """The properties that follow a parameter, as (what, value) pairs: f(0), f'(0), range, minimum."""
    f, d = partial(entry.fn, **params), partial(entry.derivative, **params)
    e = replace(entry, fn=f, derivative=d)
    y = f(DENSE)
    d0 = show(float(d(0.0)))
    if conventions(entry, params, np.zeros(1))[0]:
        d0 = _("{value} (convention)").format(value=d0)
    name = _(entry.name)  # translated by registry_outputs.po, as on the pages
    out = [[f"{name}(0)", show(float(f(0.0)))], [f"{name}'(0)", d0]]
    # The registry places jumps and the period for the default parameters only; where these values
    # move them (a threshold, a shrink's lambda, a frequency), the range and minimum are not shown.
    if entry.period is not None or _jumps(y, d(DENSE)):
        return out
    lower, upper = _bound(e, y, 1.0), _bound(e, y, -1.0)
    interval = f"{'[' if lower.closed else '('}{show(lower.value)}, {show(upper.value)}{']' if upper.closed else ')'}"
    out.append([_("range"), interval])
    # worded as the static properties table words its global minimum
    out.append([_("minimum"), _("{value} at {where}").format(value=show(lower.value), where=_flat_where(entry, params, lower))
                if lower.closed else _("none")])
    return out


def _flat_where(entry: Activation, params: dict[str, float], lower) -> str:
    """Where the minimum is attained. properties' grid puts a flat piece's end at a whole number or
    a grid step, right for the registry's defaults; a slider moves it (hard tanh's min_val = -0.75),
    so a piece reaching out from one side of the grid ends at the kink cuts() finds there."""
    f = partial(entry.fn, **params)
    xs = DENSE[f(DENSE) == lower.value]
    if lower.where.startswith("x = ") or len(xs) < 2 or (xs[0] == DENSE[0]) == (xs[-1] == DENSE[-1]):
        return lower.where
    end = xs[-1] if xs[0] == DENSE[0] else xs[0]
    near = [k for k in cuts(entry, params) if abs(k - end) <= 2 * (DENSE[1] - DENSE[0])]
    if not near:
        return lower.where
    k = near[0]
    closed, open_ = ("≤", "<") if xs[0] == DENSE[0] else ("≥", ">")
    return f"x {closed if float(f(k)) == lower.value else open_} {show(k)}"


def even_grid(entry: Activation) -> np.ndarray:
    """SAMPLES evenly spaced points of the figure's range, rounded to 10 decimals so that each is
    the short decimal the page prints."""
    lo, hi = entry.x_range
    return np.round(lo + (hi - lo) * np.arange(SAMPLES) / (SAMPLES - 1), 10) + 0.0


def _edge(g, a: float, b: float) -> float:
    """Where in [a, b] g jumps, by bisection: the half that holds the larger change, to a float."""
    ga, gb = float(g(a)), float(g(b))
    while a < (m := (a + b) / 2) < b:
        gm = float(g(m))
        if abs(gm - ga) >= abs(gb - gm):
            b, gb = m, gm
        else:
            a, ga = m, gm
    return a


@functools.cache
def _cuts(slug: str, params: tuple[tuple[str, float], ...]) -> tuple[float, ...]:
    """cuts() once per setting: the sliders' trimming asks for the same ones many times."""
    return tuple(cuts(REGISTRY[slug], dict(params)))


def cuts(entry: Activation, params: dict[str, float], x_range: tuple[float, float] | None = None) -> list[float]:
    """Where f' has no value for these parameters inside x_range (the figure's range by default): f
    or f' jumps there, or f' is not the slope, each as the short decimal the page prints: steps on a
    fine grid that jump past both neighbouring steps, located by bisection, and the fine grid's own
    marked points."""
    f, d = partial(entry.fn, **params), partial(entry.derivative, **params)
    lo, hi = x_range or entry.x_range
    fine = np.round(np.linspace(lo, hi, FINE + 1), 10) + 0.0
    found = set(fine[conventions(entry, params, fine)].tolist())
    for g in (f, d):
        step = np.abs(np.diff(g(fine)))
        beside = np.maximum(np.r_[0.0, step[:-1]], np.r_[step[1:], 0.0])
        for i in np.flatnonzero((step > GAP) & (step > JUMP * beside)):
            found.add(_edge(g, float(fine[i]), float(fine[i + 1])))
    out = set()
    for k in found:
        k = float(show(round(k, 9) + 0.0))  # a kink at a printed parameter sits at a short decimal
        # kept where the module has no derivative there: a steep smooth stretch's step is no kink
        if lo <= k <= hi and conventions(entry, params, np.array([k]))[0]:
            out.add(k + 0.0)
    return sorted(out)


def with_kinks(even: np.ndarray, kinks: list[float]) -> np.ndarray:
    """The evenly spaced points with the kinks among them, each in place of an evenly spaced point
    within a quarter step of it (so that the pointer reaches it too)."""
    if not kinks:
        return even
    quarter = (even[1] - even[0]) / 4
    near = np.abs(even[:, None] - np.array(kinks)[None, :]).min(axis=1) < quarter
    return np.union1d(even[~near], kinks) + 0.0


def sample_grid(entry: Activation, settings: list[dict[str, float]]) -> np.ndarray:
    """The x of every sample: the evenly spaced points, and every point where a curve of one of the
    settings the sliders reach has no derivative (so that the readout lands on it and a jump is
    drawn there)."""
    even = even_grid(entry)
    kinks = sorted({k for params in settings for k in _cuts(entry.slug, tuple(params.items()))})
    return with_kinks(even, kinks)


def data(entry: Activation) -> dict:
    """Everything the page needs to explore one entry's figure."""
    box, xlim, ylim = axes_geometry(entry)
    combos = combinations(entry, ylim)
    x = sample_grid(entry, combos)
    span = ylim[1] - ylim[0]
    curves = []
    for params in combos:
        f, d = entry.fn(x, **params), entry.derivative(x, **params)
        curve = {"f": [show(float(v)) for v in f], "d": [show(float(v)) for v in d]}
        for key, g in (("f", entry.fn), ("d", entry.derivative)):
            curve[f"{key}b"], ends = _lines(partial(g, **params), x, span, _cuts(entry.slug, tuple(params.items())))
            if ends:  # the samples at which the drawn line jumps
                curve[f"{key}j"] = ends
        kinks = np.flatnonzero(conventions(entry, params, x))
        if len(kinks):  # the samples where the readout marks f'(x) as a convention
            curve["c"] = [int(i) for i in kinks]
        if params:
            curve["params"] = [show(v) for v in params.values()]
            curve["props"] = _properties(entry, params)
        curves.append(curve)
    default = combos.index(dict(entry.params)) if entry.params else 0
    colours = {name: {"f": t.primary, "d": t.secondary} for name, t in style.THEMES.items()}
    return {
        "name": entry.name,
        "box": [round(v, 6) for v in box], "xlim": [float(v) for v in xlim], "ylim": [round(float(v), 6) for v in ylim],
        "x": [show(float(v)) for v in x],
        # each value as shown, and exactly (a default such as 1/3 shows as 0.3333)
        "params": [{"name": n, "values": [show(v) for v in sorted({c[n] for c in combos})],
                    "exact": sorted({c[n] for c in combos})} for n in entry.params],
        "default": default, "curves": curves, "colours": colours,
    }


def _json(value) -> bytes:
    """Compact JSON, the same bytes for the same value."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def render(entry: Activation) -> bytes:
    """The entry's data as compact JSON, the same bytes for the same sources."""
    return _json(data(entry))


def words(entry: Activation) -> dict:
    """The words of an entry's data in the language being rendered: the properties listed beside
    its sliders, one list per curve in the data's order (their numbers are the data's)."""
    with language(DEFAULT):  # the axes are the English figure's, as in the data; only the words change
        _box, _xlim, ylim = axes_geometry(entry)
    return {"props": [_properties(entry, params) for params in combinations(entry, ylim)]}


def names() -> dict[str, str]:
    """Every elementwise activation's name in the language being rendered, by slug: the page shows
    these in place of the data's English ones (registry_outputs.po translates them)."""
    return {e.slug: _(e.name) for e in entries()}


def ui() -> dict:
    """The words the explorable figures and the comparison show or announce, in the language being
    rendered; {name} and the like are filled in by the page."""
    return {
        "names": names(),
        "explore": {
            # TRANSLATORS: the figure's accessible name; {name} is the activation's name
            "position": _("Position along the {name} figure: arrow keys move x"),
            "readout": _("x = {x}: {name}(x) = {f}, {name}'(x) = {d}"),
            "convention": _("{value} (convention)"),
            "drawn": _("Drawn over the faded figure for {setting}: {name}(x) solid, {name}'(x) dashed."),
            "cut": _("A curve that leaves the figure's y axis is cut off there; the readout still gives its values."),
            "default": _("The default values: the figure's solid line and its dashed derivative."),
        },
        "compare": {
            "intro": _("Pick two to four activations to see them, and their derivatives, on shared axes:"),
            # TRANSLATORS: the label of the n-th picker (1 to 4)
            "picker": _("Activation {n}"),
            "none": _("(none)"),
            "read": _("Read at x"),
            "caption": _("Values at the chosen x"),
            "activation": _("Activation"),
            "convention": _("{value} (convention)"),
            "functions": _("The functions {names}, for x from {x0} to {x1} and y from {y0} to {y1}; the table below "
                           "gives the values at the chosen x"),
            "derivatives": _("Their derivatives {names}, for x from {x0} to {x1} and y from {y0} to {y1}; the table "
                             "below gives the values at the chosen x"),
        },
        "playground": softmax_playground.ui(),
    }


COMPARE_X = (-4.0, 4.0)  # the overview grid's x range (activation_figures.GRID_X)
COMPARE_Y = ((-2.0, 4.0), (-1.5, 2.5))  # the shared y ranges of the functions and of their derivatives
COMPARE_SAMPLES = 161
COMPARE_DEFAULTS = ("relu", "gelu", "silu")  # picked when the page opens, those the registry holds


def compare_data() -> dict:
    """Every elementwise entry with a page of its own (default parameters), sampled on one x grid
    for the comparison on the all-activations page."""
    lo, hi = COMPARE_X
    even = np.round(lo + (hi - lo) * np.arange(COMPARE_SAMPLES) / (COMPARE_SAMPLES - 1), 10) + 0.0
    chosen = [e for e in entries() if e.page_slug == e.slug]
    # every point where an entry's f' is a convention is a sample, so the reader can land on it
    x = with_kinks(even, sorted({k for e in chosen for k in cuts(e, dict(e.params), COMPARE_X)}))
    return {
        "xlim": list(COMPARE_X), "ylim": [list(r) for r in COMPARE_Y], "x": [show(float(v)) for v in x],
        "defaults": [s for s in COMPARE_DEFAULTS if any(e.slug == s for e in chosen)],
        "colours": {"light": ["#0550ae", "#a0400c", "#6639ba", "#1a7f37"],  # 4.5:1 or more on each scheme's background
                    "dark": ["#79c0ff", "#ffa657", "#d2a8ff", "#7ee787"]},
        "entries": [{"slug": e.slug, "name": e.name, "f": [show(float(v)) for v in e.fn(x)],
                     "d": [show(float(v)) for v in e.derivative(x)],
                     # the samples where f'(x) is a convention, marked so in the values table
                     "c": [int(i) for i in np.flatnonzero(conventions(e, dict(e.params), x))]} for e in chosen],
    }


def _in(locale: str, make):
    """make() rendered in `locale`, as JSON."""
    def render_in() -> bytes:
        with language(locale):
            return _json(make())
    return render_in


def outputs() -> list[Output]:
    """The data of every explorable figure and of the comparison, the words they show in each
    language (interactive/messages.json, <locale>/interactive/messages.json), and each translated
    language's words of the properties beside the sliders (<locale>/interactive/<slug>.props.json)."""
    deps = (*sorted((GENERATORS.parents[1] / "src" / "activations").glob("*.py")), HERE, GENERATORS / "formatting.py")
    out = [Output("interactive/compare.json",
                  lambda: (json.dumps(compare_data(), ensure_ascii=False, separators=(",", ":")) + "\n").encode(), deps)]
    text_deps = (*deps, Path(softmax_playground.__file__), GENERATORS / "messages.py")  # deps: the names
    out.append(Output("interactive/messages.json", _in(DEFAULT, ui), text_deps))

    def entry_deps(entry: Activation) -> tuple[Path, ...]:
        return (*module_files(entry), HERE, GENERATORS / "activation_figures.py", Path(style.__file__),
                GENERATORS / "properties.py", GENERATORS / "formatting.py")

    for entry in entries():
        out.append(Output(f"interactive/{entry.slug}.json", partial(render, entry), entry_deps(entry), figure_group(entry)))
    for locale in TRANSLATED:
        catalogues = (GENERATORS / "messages.py", *catalogue_files(locale))
        out.append(Output(f"{locale}/interactive/messages.json", _in(locale, ui), (*text_deps, *catalogues)))
        out += [Output(f"{locale}/interactive/{e.slug}.props.json", _in(locale, partial(words, e)), (*entry_deps(e), *catalogues),
                       figure_group(e))
                for e in entries() if e.params]
    return out
