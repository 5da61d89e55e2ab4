"""The data behind the figures a reader can explore (generated/interactive/<slug>.json): it places
points where the static figure draws them, its numbers are the module's, its parameter steps are
ones the module accepts, and it stays light."""

from __future__ import annotations

import gzip
import itertools
import json
import math
import re

import numpy as np
import pytest

import generated
from activations import REGISTRY

ENTRIES = [e for e in REGISTRY.values() if e.elementwise]
MAX_GZIP_PER_PAGE = 30 * 1024  # each control's data, per page
CONVENTION = " (convention)"


def _data(slug: str) -> dict:
    return json.loads(generated.read(f"interactive/{slug}.json"))


def _exact(d: dict, curve: dict) -> dict[str, float]:
    """A curve's parameters, exactly: the value behind each one shown."""
    shown = curve.get("params", [])
    assert all(len(set(p["values"])) == len(p["values"]) == len(p["exact"]) for p in d["params"])
    return {p["name"]: p["exact"][p["values"].index(s)] for p, s in zip(d["params"], shown)}


def _close(shown: str, exact: float) -> bool:
    """A number the page shows is the module's value to the 4 significant digits shown (or exact)."""
    value = float(shown.removesuffix(CONVENTION).replace("∞", "inf"))
    if math.isinf(exact) or exact == 0:
        return value == exact
    return abs(value - exact) <= 5.01e-4 * abs(exact)


def _ticks(svg: str, axis: str) -> list[tuple[float, float]]:
    """(position in pt, labelled value) of each tick of the figure's first axes."""
    first = svg.split('<g id="axes_1">', 1)[1].split('<g id="axes_2">', 1)[0]
    out = []
    for group in re.findall(rf'<g id="{axis}tick_\d+">(.*?)</text>', first, re.S):
        use = re.search(r'<use [^>]*x="([-\d.]+)" y="([-\d.]+)"', group)
        label = group.rsplit(">", 1)[1].replace("−", "-")
        out.append((float(use.group(1 if axis == "x" else 2)), float(label)))
    return out


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_the_data_maps_x_and_y_to_the_points_the_static_figure_draws_them_at(entry):
    """Read off the rendered SVG: its axes rectangle and the tick marks with their labels must sit
    where the exported box and limits put those values."""
    svg = generated.read(f"figures/{entry.slug}-light.svg")
    width, height = (float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    d = _data(entry.slug)
    left, top, w, h = d["box"][0] * width, d["box"][1] * height, d["box"][2] * width, d["box"][3] * height
    (x0, x1), (y0, y1) = d["xlim"], d["ylim"]
    ticks = {"x": _ticks(svg, "x"), "y": _ticks(svg, "y")}
    assert len(ticks["x"]) >= 3 and len(ticks["y"]) >= 3
    for pos, value in ticks["x"]:
        assert abs(left + (value - x0) / (x1 - x0) * w - pos) < 0.05, (entry.slug, "x", value)
    for pos, value in ticks["y"]:
        assert abs(top + (y1 - value) / (y1 - y0) * h - pos) < 0.05, (entry.slug, "y", value)
    assert (x0, x1) == entry.x_range


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_every_number_shown_is_the_modules_value_at_the_x_shown(entry):
    d = _data(entry.slug)
    xs = np.array([float(x) for x in d["x"]])
    lo, hi = entry.x_range
    assert xs[0] == lo and xs[-1] == hi and np.all(np.diff(xs) > 0)
    names = [p["name"] for p in d["params"]]
    assert names == list(entry.params)
    for curve in d["curves"]:
        params = _exact(d, curve)
        f, df = entry.fn(xs, **params), entry.derivative(xs, **params)
        bad = [(x, s, float(v)) for x, s, v in zip(d["x"], curve["f"], f) if not _close(s, float(v))]
        bad += [(x, s, float(v)) for x, s, v in zip(d["x"], curve["d"], df) if not _close(s, float(v))]
        assert not bad, (entry.slug, params, bad[:5])


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_every_state_the_sliders_can_reach_has_a_curve(entry):
    """explore.js gives each parameter one slider over all of its values, and each slider moves on
    its own: from the default, a reader reaches every combination of the sliders' values. Each
    must have its curve (none was refused by the module or left out), and no curve is unreachable."""
    d = _data(entry.slug)
    reachable = list(itertools.product(*(p["values"] for p in d["params"])))
    drawn = [tuple(c.get("params", [])) for c in d["curves"]]
    missing = [r for r in reachable if r not in drawn]
    assert not missing, (entry.slug, f"{len(missing)} of {len(reachable)} slider positions draw nothing", missing)
    assert sorted(drawn) == sorted(reachable), entry.slug


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.params], ids=lambda e: e.slug)
def test_sliders_reach_the_default_and_every_variant_the_static_figure_draws(entry):
    d = _data(entry.slug)
    curves = {tuple(_exact(d, c).items()) for c in d["curves"]}
    for params in (dict(entry.params), *entry.variants):
        assert tuple({n: float(v) for n, v in params.items()}.items()) in curves, (entry.slug, dict(params))
    assert tuple(_exact(d, d["curves"][d["default"]]).values()) == tuple(entry.params.values())


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.params], ids=lambda e: e.slug)
def test_sliders_step_through_values_the_module_accepts_and_the_figure_shows(entry):
    """Each step is a value the module computes without complaint; a slider's end value draws a
    curve that fits the figure somewhere, unless the static figure draws it (sine's omega_0 = 2,
    whose derivative leaves the figure's y axis): the sliders stop where every curve would leave it."""
    d = _data(entry.slug)
    values = {p["name"]: p["exact"] for p in d["params"]}
    for p in d["params"]:  # what is shown is the exact value to the digits shown
        assert all(_close(s, v) for s, v in zip(p["values"], p["exact"])), p
    for name, vs in values.items():
        assert vs == sorted(set(vs)) and len(vs) >= 3 and entry.params[name] in vs, (name, vs)
    (y0, y1) = d["ylim"]
    x = np.array([float(v) for v in d["x"]])
    fits = {}
    for curve in d["curves"]:  # each is one the module computes without complaint
        params = _exact(d, curve)
        y = np.concatenate([entry.fn(x, **params), entry.derivative(x, **params)])
        fits[tuple(params.items())] = bool(np.all((y >= y0) & (y <= y1)))
    drawn = {n: {float(entry.params[n]), *(float(v[n]) for v in entry.variants)} for n in values}
    for name, vs in values.items():
        for end in (vs[0], vs[-1]):
            assert end in drawn[name] or any(ok for k, ok in fits.items() if dict(k)[name] == end), (name, end)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_a_drawn_curve_breaks_exactly_where_it_jumps(entry):
    """The line joining two samples is left out where the function (or derivative) jumps between
    them by more than 5% of the y span: seen on 401 points between the two, one step of which is
    more than half the whole change. A steep smooth curve (sine's derivative at omega_0 = 2) is
    drawn whole. Where the curve jumps at a sample, by any amount (the one-sided limits 1e-12 away
    differ), the line goes on to that sample's x with the limit from the left and on from there
    with the limit from the right."""
    d = _data(entry.slug)
    x = np.array([float(v) for v in d["x"]])
    span = d["ylim"][1] - d["ylim"][0]
    between = x[:-1, None] + (x[1:] - x[:-1])[:, None] * np.linspace(0.0, 1.0, 401)[None, :]
    between[:, -1] = x[1:]  # the samples themselves, exactly
    for curve in d["curves"]:
        params = _exact(d, curve)
        for key, g in (("f", entry.fn), ("d", entry.derivative)):
            left, right = g(x - 1e-12, **params), g(x + 1e-12, **params)
            at = np.flatnonzero(np.abs(left - right) > 1e-9).tolist()
            ends = curve.get(f"{key}j", [])
            assert [e[0] for e in ends] == at, (entry.slug, params, key, ends, at)
            for i, lo, hi in ends:  # to the digits shown, or within 1e-9 (a limit of 0 is drawn at 0)
                for shown, limit in ((lo, left[i]), (hi, right[i])):
                    assert abs(float(shown) - limit) <= 1e-9 + 5.01e-4 * abs(limit), (entry.slug, params, key, x[i], lo, hi)
            y = g(between, **params)
            change = np.abs(y[:, -1] - y[:, 0])
            jumps = (np.max(np.abs(np.diff(y, axis=1)), axis=1) > 0.5 * change) & (change > 0.05 * span)
            expected = [i for i in np.flatnonzero(jumps).tolist() if i not in at and i + 1 not in at]
            assert curve[f"{key}b"] == expected, (entry.slug, params, key, curve[f"{key}b"])


# Where f jumps, by hand, as (x, limit from the left, limit from the right): hardshrink is x outside
# [-lambda, lambda] and 0 inside it; the threshold is value up to the threshold and x past it.
JUMPS_F = {
    "hardshrink": lambda lambd: [(-lambd, -lambd, 0.0), (lambd, 0.0, lambd)] if lambd else [],
    "threshold": lambda threshold, value: [(threshold, value, threshold)] if value != threshold else [],
}
# and where f' jumps: from 1 to 0 and back at the shrink's ends, from 0 to 1 at the threshold
JUMPS_D = {
    "hardshrink": lambda lambd: [(-lambd, 1.0, 0.0), (lambd, 0.0, 1.0)] if lambd else [],
    "threshold": lambda threshold, value: [(threshold, 0.0, 1.0)],
}


@pytest.mark.parametrize("slug", sorted(JUMPS_F))
def test_every_jump_is_drawn_as_a_jump_however_small_beside_the_y_span(slug):
    """At every slider setting (hardshrink's lambda = 0.2 jumps by a thirtieth of its y span), each
    hand-derived jump of f and of f' inside the figure is a sample with its jump ends: the hand's
    limits from the left and the right, and no line joins across it."""
    d = _data(slug)
    lo, hi = REGISTRY[slug].x_range
    x = [float(v) for v in d["x"]]
    for curve in d["curves"]:
        params = _exact(d, curve)
        for key, hand in (("f", JUMPS_F), ("d", JUMPS_D)):
            ends = {x[i]: (float(a), float(b)) for i, a, b in curve.get(f"{key}j", [])}
            for k, a, b in hand[slug](**params):
                if not lo <= k <= hi:
                    continue
                assert k in ends, (slug, params, key, k, curve.get(f"{key}j"))
                assert ends[k] == pytest.approx((a, b), abs=1e-9), (slug, params, key, k, ends[k])
                i = x.index(k)
                assert i not in curve[f"{key}b"] and i - 1 not in curve[f"{key}b"], (slug, params, key, k)


# Where each function has no derivative, by hand, for its parameters: the shrinks jump (hardshrink)
# or bend (softshrink) at +-lambda, which at lambda = 0 is 0 with f'(0) = 0 where f is x; hard tanh
# bends at its bounds; the threshold jumps at its threshold (the step of f' to 1 there, if f does not).
CLOSED = {
    "hardshrink": lambda lambd: [-lambd, lambd] if lambd else [0.0],
    "softshrink": lambda lambd: [-lambd, lambd] if lambd else [0.0],
    "hard-tanh": lambda min_val, max_val: [min_val, max_val],
    "threshold": lambda threshold, value: [threshold],
    "relu6": lambda: [0.0, 6.0],
    "hard-sigmoid": lambda: [-3.0, 3.0],
    "hard-swish": lambda: [-3.0, 3.0],
}


@pytest.mark.parametrize("slug", sorted(CLOSED))
def test_every_kink_and_jump_the_hand_finds_is_a_sample_the_readout_marks(slug):
    """For every setting the sliders reach, each hand-derived kink or jump inside the figure is a
    sample (so the keyboard and the pointer reach it), and there f'(x) is marked a convention."""
    d = _data(slug)
    lo, hi = REGISTRY[slug].x_range
    x = [float(v) for v in d["x"]]
    for curve in d["curves"]:
        params = _exact(d, curve)
        for k in (k for k in CLOSED[slug](**params) if lo <= k <= hi):
            assert k in x, (slug, params, k)
            assert x.index(k) in curve.get("c", []), (slug, params, k, curve.get("c"))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_between_two_neighbouring_samples_f_has_a_derivative_throughout(entry):
    """No kink or jump of f falls strictly between two samples, for any setting the sliders reach:
    on 401 points between each two, the difference quotients of f change by less than 1e-3 from one
    step to the next (a smooth curve's change is f'' times a 400th of a sample step; at a kink or a
    jump one of them changes by half the jump of f' or more). With the samples' own conventions
    (tested above), every point where f has no derivative is a sample the readout marks."""
    d = _data(entry.slug)
    x = np.array([float(v) for v in d["x"]])
    inside = x[:-1, None] + (x[1:] - x[:-1])[:, None] * np.linspace(0.0, 1.0, 403)[None, 1:-1]
    for curve in d["curves"]:
        params = _exact(d, curve)
        slopes = np.diff(entry.fn(inside, **params), axis=1) / np.diff(inside, axis=1)
        bend = np.max(np.abs(np.diff(slopes, axis=1)), axis=1)
        where = np.flatnonzero(~(bend < 1e-3))
        assert not len(where), (entry.slug, params, [(x[i], x[i + 1], bend[i]) for i in where[:4]])


def test_a_point_set_apart_is_not_joined_to_its_neighbours():
    """Hardshrink at lambda = 0 is x, but its f'(0) is 0 between values 1: both steps break,
    though each is as large as the other; a steep run of equal steps does not."""
    from interactive_figures import _breaks

    assert _breaks(np.array([1.0, 1.0, 0.0, 1.0, 1.0]), 2.0) == [1, 2]
    assert _breaks(np.array([0.0, 0.0, 0.5, 1.0, 1.5, 1.5]), 2.0) == []


def _no_derivative(entry, params: dict, x: np.ndarray) -> np.ndarray:
    """Where f has no derivative, from f alone by difference quotients 1e-6 either side: the two
    slopes differ (a kink, or a jump), or the module's f'(x) is not their common value."""
    h = 1e-6
    fx = entry.fn(x, **params)
    left, right = (fx - entry.fn(x - h, **params)) / h, (entry.fn(x + h, **params) - fx) / h
    return (np.abs(left - right) > 1e-3) | (np.abs(entry.derivative(x, **params) - (left + right) / 2) > 1e-3)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_the_readout_marks_f_prime_as_a_convention_exactly_where_f_has_no_derivative(entry):
    """For the default and every slider setting (which moves a shrink's kinks, or the threshold's),
    the samples whose f'(x) the readout marks are those where f itself has no derivative; for the
    default they are the conventions the static pages mark, where they fall on a sample."""
    from properties import conventions

    d = _data(entry.slug)
    x = np.array([float(v) for v in d["x"]])
    for curve in d["curves"]:
        params = _exact(d, curve)
        expected = np.flatnonzero(_no_derivative(entry, params, x)).tolist()
        assert curve.get("c", []) == expected, (entry.slug, params, curve.get("c"), expected)
    default = d["curves"][d["default"]].get("c", [])
    assert [float(x[i]) for i in default] == [k for k in conventions(entry) if k in x], entry.slug


def test_the_readout_marks_conventions_where_the_hand_says():
    """Hand-derived: ReLU's kink at 0; hardshrink's jumps at +-lambda (at lambda = 0.3, a sample)
    and its f'(0) = 0 at lambda = 0, where f is x and its slope 1; threshold's jump at 0, moved off the samples at 0.5;
    ELU's kink at 0 for alpha = 0.5, none for alpha = 1 (then f' is continuous)."""
    def marked(slug: str, **params) -> list[float]:
        d = _data(slug)
        curve = next(c for c in d["curves"] if _exact(d, c) == {**REGISTRY[slug].params, **params})
        return [float(d["x"][i]) for i in curve.get("c", [])]

    assert marked("relu") == [0.0]
    assert marked("hardshrink", lambd=0.3) == [-0.3, 0.3]
    # at lambda = 0 hardshrink is x, yet the module's f'(0) is 0: not the slope, so a convention
    from interactive_figures import conventions
    assert conventions(REGISTRY["hardshrink"], {"lambd": 0.0}, np.array([-0.03, 0.0, 0.03])).tolist() == [False, True, False]
    # the threshold's jump goes with it: at 0.5, which is a sample among the evenly spaced 0.48 and 0.51
    assert marked("threshold", value=1.0) == [0.0] and marked("threshold", threshold=0.5) == [0.5]
    # at the defaults, the jumps of the shrinks and the knees of hard tanh, off the even grid
    assert marked("hardshrink") == marked("softshrink") == [-0.5, 0.5] and marked("hard-tanh") == [-1.0, 1.0]
    assert marked("elu", alpha=0.5) == [0.0] and marked("elu", alpha=1.0) == []
    assert marked("sigmoid") == [] and marked("hard-tanh", min_val=-0.75, max_val=0.75) == [-0.75, 0.75]


# The properties the slider readout lists, derived by hand for each parameterised function:
# (f(0), f'(0), lower end and whether it is attained, upper end and whether). At a kink f'(0) is
# the left-hand value, the convention the module's docstrings state.
HAND = {
    "leaky-relu": lambda negative_slope: (0.0, negative_slope, -math.inf if negative_slope > 0 else 0.0, negative_slope == 0,
                                          math.inf, False),
    "prelu": lambda weight: (0.0, weight, -math.inf if weight > 0 else 0.0, weight == 0, math.inf, False),
    "elu": lambda alpha: (0.0, alpha, -alpha, False, math.inf, False),
    "celu": lambda alpha: (0.0, 1.0, -alpha, False, math.inf, False),
    "softplus": lambda beta: (math.log(2) / beta, 0.5, 0.0, False, math.inf, False),
    "hard-tanh": lambda min_val, max_val: (min(max(0.0, min_val), max_val), 1.0 if min_val < 0 < max_val else 0.0,
                                           min_val, True, max_val, True),
    # the shrinks' f'(x) is 0 wherever |x| <= lambd, PyTorch's convention, so f'(0) = 0 even at lambd = 0
    "softshrink": lambda lambd: (0.0, 0.0, -math.inf, False, math.inf, False),
    "squareplus": lambda b: (math.sqrt(b) / 2, 0.5, 0.0, False, math.inf, False),
    "rrelu": lambda lower, upper: (0.0, (lower + upper) / 2, -math.inf if upper > 0 else 0.0, upper == 0,
                                   math.inf, False),
    # Where the values move a jump (value != threshold, lambda > 0) or the period, no range or
    # minimum is shown: None.
    "threshold": lambda threshold, value: (value if threshold >= 0 else 0.0, 0.0 if threshold >= 0 else 1.0,
                                           *((threshold, True, math.inf, False) if value == threshold else
                                             (None, None, None, None))),
    "hardshrink": lambda lambd: (0.0, 0.0,
                                 *((-math.inf, False, math.inf, False) if lambd == 0 else (None, None, None, None))),
    "sine": lambda omega_0: (0.0, omega_0, None, None, None, None),
    "snake": lambda a: (0.0, 1.0, None, None, None, None),
}


# Whether f has no derivative at 0 (a kink, a jump, or f'(0) that is not the slope), by hand.
KINK_AT_0 = {
    "leaky-relu": lambda negative_slope: negative_slope != 1,  # slopes negative_slope and 1 meet at 0
    "prelu": lambda weight: weight != 1,
    "elu": lambda alpha: alpha != 1,  # f'(0-) = alpha, f'(0+) = 1
    "celu": lambda alpha: False,  # f'(0-) = exp(0) = 1 for every alpha
    "softplus": lambda beta: False,
    "hard-tanh": lambda min_val, max_val: 0.0 in (min_val, max_val),
    "softshrink": lambda lambd: lambd == 0,  # then f is x but f'(0) = 0
    "squareplus": lambda b: False,
    "rrelu": lambda lower, upper: (lower + upper) / 2 != 1,
    "threshold": lambda threshold, value: threshold == 0,
    "hardshrink": lambda lambd: lambd == 0,  # a flat piece around 0 otherwise
    "sine": lambda omega_0: False,
    "snake": lambda a: False,
}


@pytest.mark.parametrize("slug", sorted(HAND))
def test_the_properties_a_slider_shows_are_the_hand_derived_ones(slug):
    entry = REGISTRY[slug]
    d = _data(slug)
    for curve in d["curves"]:
        params = _exact(d, curve)
        f0, d0, lo, lo_closed, hi, hi_closed = HAND[slug](**params)
        props = dict(curve["props"])
        assert _close(props[f"{entry.name}(0)"], f0), (params, props)
        assert _close(props[f"{entry.name}'(0)"], d0), (params, props)
        # marked as the static property table marks it, where f has no derivative at 0
        assert props[f"{entry.name}'(0)"].endswith(CONVENTION) == KINK_AT_0[slug](**params), (params, props)
        if lo is None:
            assert "range" not in props and "minimum" not in props, (params, props)
            continue
        interval = re.fullmatch(r"([\[(])(\S+), (\S+)([\])])", props["range"])
        assert interval, props["range"]
        assert (interval.group(1) == "[") == lo_closed and _close(interval.group(2), lo), (params, props["range"])
        assert (interval.group(4) == "]") == hi_closed and _close(interval.group(3), hi), (params, props["range"])
        assert (props["minimum"] == "none") != lo_closed, (params, props["minimum"])
        if slug in MINIMUM_AT:  # a flat piece, where the slider puts it
            assert props["minimum"] == f"{props['range'][1:].split(',')[0]} at {MINIMUM_AT[slug](**params)}", (params, props)


# Where the minimum is attained, by hand, when it is: hard tanh's and the threshold's flat left piece.
MINIMUM_AT = {
    "hard-tanh": lambda min_val, max_val: f"x ≤ {min_val:g}",
    "threshold": lambda threshold, value: f"x ≤ {threshold:g}",
}


def _static_cell(slug: str, what: str) -> str:
    """A cell of the static properties table on the entry's page."""
    rows = dict(re.findall(r"^\| (.+?) \| (.+?) \|$", generated.read(f"properties/{slug}.md"), re.M))
    return rows[what]


@pytest.mark.parametrize("slug", sorted(HAND))
def test_the_sliders_minimum_at_the_defaults_reads_as_the_static_table_does(slug):
    """The panel beside the sliders words the minimum as the page's properties table words its
    global minimum: "none" where it is not attained, the value and where otherwise."""
    d = _data(slug)
    props = dict(d["curves"][d["default"]]["props"])
    static = _static_cell(slug, "global minimum")
    if "minimum" in props:
        assert props["minimum"] == static, (slug, props["minimum"], static)
    else:  # only where a slider moves a jump or the period, which the panel then does not state
        assert slug in ("hardshrink", "sine", "snake"), (slug, props)


def _pages() -> dict[str, list[str]]:
    pages: dict[str, list[str]] = {}
    for e in ENTRIES:
        pages.setdefault(e.page_slug, []).append(e.slug)
    return pages


@pytest.mark.parametrize(("page", "slugs"), sorted(_pages().items()))
def test_each_pages_interactive_data_stays_light(page, slugs):
    """What one page fetches for its figures, compressed as a static host serves it."""
    raw = b"".join(generated.read(f"interactive/{s}.json").encode() for s in slugs)
    packed = sum(len(gzip.compress(generated.read(f"interactive/{s}.json").encode(), 9)) for s in slugs)
    assert packed <= MAX_GZIP_PER_PAGE, f"{page}: {packed} bytes gzip ({len(raw)} raw)"


def test_the_playgrounds_probabilities_are_softmax_to_the_last_digits():
    """Each preset at each temperature, against 50-digit softmax computed with mpmath."""
    import mpmath as mp

    d = json.loads(generated.read("interactive/softmax-playground.json"))
    assert len(d["classes"]) == len(d["presets"][0]["scores"]) == 4
    assert d["temperatures"][d["default"]] == 1.0
    mp.mp.dps = 50
    for preset, rows in zip(d["presets"], d["table"]):
        for t, row in zip(d["temperatures"], rows):
            z = [mp.mpf(s) / mp.mpf(t) for s in preset["scores"]]
            total = mp.fsum(mp.exp(v) for v in z)
            exact = [mp.exp(v) / total for v in z]
            for p, shown, e in zip(row["p"], row["shown"], exact):
                assert abs(p - float(e)) <= 4e-16 * max(float(e), 1e-300) + 1e-300, (preset, t, p, e)
                # the site's digits (4 significant, zeros kept), so a tiny probability never shows as 0.000000
                assert _close(shown, float(e)) and (shown == "0") == (float(e) == 0), (shown, e)
    assert len(gzip.compress(generated.read("interactive/softmax-playground.json").encode(), 9)) <= MAX_GZIP_PER_PAGE


def test_the_comparison_holds_every_entry_with_a_page_and_the_modules_values():
    d = json.loads(generated.read("interactive/compare.json"))
    expected = [e.slug for e in ENTRIES if e.page_slug == e.slug]
    assert [e["slug"] for e in d["entries"]] == expected
    x = np.array([float(v) for v in d["x"]])
    assert x[0] == d["xlim"][0] and x[-1] == d["xlim"][1] and np.all(np.diff(x) > 0)
    # evenly spaced but for the kinks put in among them: no gap wider than 1.25 steps
    assert np.max(np.diff(x)) <= 1.25 * (x[-1] - x[0]) / 160 + 1e-12
    for e in d["entries"]:
        entry = REGISTRY[e["slug"]]
        assert e["name"] == entry.name
        bad = [(xs, s) for xs, s, v in zip(d["x"], e["f"], entry.fn(x)) if not _close(s, float(v))]
        bad += [(xs, s) for xs, s, v in zip(d["x"], e["d"], entry.derivative(x)) if not _close(s, float(v))]
        assert not bad, (e["slug"], bad[:3])
    assert 2 <= len(d["defaults"]) <= 4 and set(d["defaults"]) <= set(expected)
    assert len(gzip.compress(generated.read("interactive/compare.json").encode(), 9)) <= MAX_GZIP_PER_PAGE


def test_the_comparison_marks_f_prime_as_a_convention_exactly_where_f_has_no_derivative():
    """At the default parameters, the samples each entry marks are those where f has no derivative
    (difference quotients), every convention of the static pages inside the x range is a sample so
    marked, and by hand: ReLU's and the threshold's 0, hardshrink's +-0.5."""
    from properties import conventions

    d = json.loads(generated.read("interactive/compare.json"))
    x = np.array([float(v) for v in d["x"]])
    for e in d["entries"]:
        entry = REGISTRY[e["slug"]]
        expected = np.flatnonzero(_no_derivative(entry, dict(entry.params), x)).tolist()
        assert e.get("c", []) == expected, (e["slug"], e.get("c"), expected)
        inside = [k for k in conventions(entry) if x[0] <= k <= x[-1]]
        assert all(k in x for k in inside), (e["slug"], inside)
        assert [float(x[i]) for i in e.get("c", [])] == inside, (e["slug"], inside)
    marked = {e["slug"]: [float(x[i]) for i in e.get("c", [])] for e in d["entries"]}
    assert marked["relu"] == marked["threshold"] == [0.0] and marked["hardshrink"] == [-0.5, 0.5]
    assert marked["sigmoid"] == [] and marked["gelu"] == []


def test_the_interactive_figures_move_nothing_by_themselves():
    """Reduced motion is respected by having no motion: the figures' script and style start no
    transition, animation, smooth scroll or animation frame; every change follows a reader's input."""
    from conftest import ROOT

    assets = ROOT / "docs" / "assets"
    for path in (assets / "javascripts" / "explore.js", assets / "stylesheets" / "explore.css"):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)  # not the comments
        found = re.findall(r"transition|animation|@keyframes|requestAnimationFrame|\.animate\(|smooth", code)
        assert not found, f"{path.name}: {sorted(set(found))}"


# The words of the figures on a Korean page: generated/ko/interactive/, from the catalogues.
KOREAN = "ko/"
NUMBER = re.compile(r"-?(?:\d+\.?\d*(?:e[-+]\d+)?|∞)")


def _english_words(text: str, allowed=()) -> list[str]:
    """Words of two or more Latin letters in `text`, but for the names in `allowed` and {fields}."""
    text = re.sub(r"\{\w+\}", " ", text)
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def _messages(locale: str = "") -> dict:
    return json.loads(generated.read(f"{locale}interactive/messages.json"))


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def test_every_word_the_widgets_show_on_a_korean_page_is_korean():
    """The widgets' messages in Korean: the same messages with the same {fields} as the English,
    none left in English: each differs from its English where that has words, and has no English
    word; and the English ones have no Hangul."""
    english, korean = _messages(), _messages(KOREAN)
    assert english.keys() == korean.keys() and english
    for widget, messages in english.items():
        assert messages.keys() == korean[widget].keys(), widget
        if widget == "names":  # the activations' names, some the same in Korean (below)
            continue
        for key, en in messages.items():
            ko = korean[widget][key]
            assert _fields(ko) == _fields(en), (widget, key, en, ko)
            assert not _english_words(ko), (widget, key, ko)
            assert (ko != en) == bool(_english_words(en)), (widget, key, en, ko)
            assert not re.search(r"[\uac00-\ud7a3]", en), (widget, key, en)


def test_the_widgets_name_each_activation_as_the_pages_in_their_language_do():
    """messages.json names every activation the widgets show (the comparison's and each figure's) as
    the registry's catalogue translates it, read here from the .po itself: on a Korean page Sigmoid
    is 시그모이드, as the page's own heading says, and ReLU stays ReLU."""
    from babel.messages.pofile import read_po
    from conftest import ROOT

    with (ROOT / "locale" / "ko" / "LC_MESSAGES" / "registry_outputs.po").open("rb") as f:
        catalogue = {m.id: m.string for m in read_po(f) if m.id and m.string and not m.fuzzy}
    shown = {e["slug"] for e in json.loads(generated.read("interactive/compare.json"))["entries"]} | {e.slug for e in ENTRIES}
    english, korean = _messages()["names"], _messages(KOREAN)["names"]
    assert english == {s: REGISTRY[s].name for s in shown}
    assert korean == {s: catalogue.get(REGISTRY[s].name, REGISTRY[s].name) for s in shown}
    assert korean["sigmoid"] == "시그모이드" and korean["identity"] == "항등 함수" and korean["relu"] == "ReLU"
    translated = {s for s in shown if korean[s] != english[s]}
    assert translated >= {"identity", "binary-step", "sigmoid", "hard-sigmoid", "log-sigmoid"}, translated
    assert not [korean[s] for s in translated if _english_words(korean[s])]


def _numbers(text: str) -> list[str]:
    return NUMBER.findall(text)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.params], ids=lambda e: e.slug)
def test_the_properties_beside_the_sliders_on_a_korean_page_are_the_same_numbers_in_korean(entry):
    """ko/interactive/<slug>.props.json: for each curve of the data, the same properties in the same
    order with the same numbers, their words Korean (the activation's name apart); at the defaults
    the minimum reads as the Korean page's properties table reads its global minimum."""
    d = _data(entry.slug)
    props = json.loads(generated.read(f"{KOREAN}interactive/{entry.slug}.props.json"))["props"]
    assert len(props) == len(d["curves"])
    for curve, ko in zip(d["curves"], props):
        assert len(ko) == len(curve["props"]), (curve["params"], ko)
        for (what_en, en), (what_ko, value) in zip(curve["props"], ko):
            assert _numbers(what_ko) == _numbers(what_en) and _numbers(value) == _numbers(en), (en, value)
            assert not _english_words(f"{what_ko} {value}", (entry.name,)), (what_ko, value)
            assert (what_ko, value) != (what_en, en) or not _english_words(f"{what_en} {en}", (entry.name,)), en
    if entry.slug in HAND:
        english_rows = [r for r, _ in re.findall(r"^\| (.+?) \| (.+?) \|$", generated.read(f"properties/{entry.slug}.md"), re.M)]
        korean_cells = [c for _, c in re.findall(r"^\| (.+?) \| (.+?) \|$", generated.read(f"{KOREAN}properties/{entry.slug}.md"), re.M)]
        static = korean_cells[english_rows.index("global minimum")]
        default = dict(zip([w for w, _ in d["curves"][d["default"]]["props"]], props[d["default"]]))
        if "minimum" in default:
            assert default["minimum"][1] == static, (entry.slug, default["minimum"], static)


def test_the_korean_playground_has_the_seeds_korean_classes_and_the_same_numbers():
    """ko/interactive/softmax-playground.json: the English data's numbers, the seed's class names
    (개, 고양이, 강아지, 사람) and the presets named in Korean."""
    from softmax_outputs import CLASSES

    english = json.loads(generated.read("interactive/softmax-playground.json"))
    korean = json.loads(generated.read(f"{KOREAN}interactive/softmax-playground.json"))
    assert korean["classes"] == [ko for ko, _ in CLASSES]
    assert english["classes"] == [f"{ko} ({en})" for ko, en in CLASSES]
    for en, ko in zip(english["presets"], korean["presets"]):
        assert ko["scores"] == en["scores"] and ko["name"] != en["name"] and not _english_words(ko["name"]), ko
    numbers = ("temperatures", "default", "table")
    assert {k: korean[k] for k in numbers} == {k: english[k] for k in numbers}
    assert korean.keys() == english.keys()
