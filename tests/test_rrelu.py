"""RReLU's two modes, and the RReLU page's table, figure and sentences about them.

Evaluation mode is checked against 50-digit values by the accuracy tests; here: what training mode
draws, that the function and its derivative draw alike, what it refuses, and every number the page
prints, recomputed from numpy's uniform generator and the closed form (1/8 + 1/3) / 2 = 11/48 of the
mean slope, never by calling the generator script.
"""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest

import generated
from activations import leaky_relu, rrelu, rrelu_derivative

LOWER, UPPER = 1 / 8, 1 / 3
MEAN = Fraction(1, 8) / 2 + Fraction(1, 3) / 2  # 11/48, the slope evaluation mode uses
X = np.array([-np.inf, -1e300, -3.0, -1.0, -1e-300, -0.0, 0.0, 1e-300, 2.0, 1e300, np.inf])


# --- the function ----------------------------------------------------------------------------------

def test_evaluation_mode_is_the_default_and_is_leaky_relu_with_the_mean_slope():
    slope = LOWER / 2 + UPPER / 2
    assert float(Fraction(slope)) == float(MEAN)  # the float nearest 11/48
    np.testing.assert_array_equal(rrelu(X), leaky_relu(X, negative_slope=slope))
    np.testing.assert_array_equal(rrelu(X, training=False, rng=np.random.default_rng(1)), rrelu(X))
    np.testing.assert_array_equal(rrelu_derivative(X), np.where(X > 0, 1.0, slope))


def test_training_mode_draws_one_uniform_slope_per_element_in_order():
    x = np.linspace(-5.0, 5.0, 1001).reshape(7, 143)
    drawn = np.random.default_rng(42).uniform(LOWER, UPPER, size=x.shape)
    expected = np.where(x > 0, x, drawn * x)
    np.testing.assert_array_equal(rrelu(x, training=True, rng=np.random.default_rng(42)), expected)
    np.testing.assert_array_equal(rrelu_derivative(x, training=True, rng=np.random.default_rng(42)),
                                  np.where(x > 0, 1.0, drawn))


def test_training_slopes_lie_in_the_interval_and_average_to_the_mean():
    x = -np.ones(200_000)
    slopes = -rrelu(x, training=True, rng=np.random.default_rng(7))
    assert slopes.min() >= LOWER and slopes.max() < UPPER
    # uniform on [l, u): standard deviation (u - l) / sqrt(12); the mean within 5 standard errors
    assert abs(slopes.mean() - float(MEAN)) < 5 * (UPPER - LOWER) / np.sqrt(12) / np.sqrt(len(x))
    assert len(np.unique(slopes)) > 0.99 * len(x)  # a slope per element, not one per call


def test_a_generator_moves_on_and_a_reseeded_one_repeats():
    rng = np.random.default_rng(3)
    first, second = rrelu([-1.0, -2.0], training=True, rng=rng), rrelu([-1.0, -2.0], training=True, rng=rng)
    assert not np.array_equal(first, second)
    np.testing.assert_array_equal(first, rrelu([-1.0, -2.0], training=True, rng=np.random.default_rng(3)))


def test_training_keeps_positive_inputs_nan_infinities_and_float32():
    y = rrelu(X, training=True, rng=np.random.default_rng(0))
    assert y[0] == -np.inf and y[-1] == np.inf and np.all(y[X > 0] == X[X > 0])
    assert np.isnan(rrelu([np.nan], training=True, rng=np.random.default_rng(0))[0])
    assert np.isnan(rrelu_derivative([np.nan], training=True, rng=np.random.default_rng(0))[0])
    x32 = np.array([-1.5, 2.5], dtype=np.float32)
    assert rrelu(x32, training=True, rng=np.random.default_rng(0)).dtype == np.float32


def test_a_slope_of_zero_is_relu_even_at_minus_infinity():
    x = np.array([-np.inf, -1.0, 0.0, 3.0])
    for training in (False, True):
        y = rrelu(x, lower=0.0, upper=0.0, training=training, rng=np.random.default_rng(0))
        assert y.tolist() == [0.0, 0.0, 0.0, 3.0] and not np.signbit(y[0])


def test_equal_bounds_make_both_modes_the_same_leaky_relu():
    x = np.linspace(-4.0, 4.0, 81)
    y = rrelu(x, lower=0.2, upper=0.2, training=True, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(y, leaky_relu(x, negative_slope=0.2))
    np.testing.assert_array_equal(rrelu(x, lower=0.2, upper=0.2), y)


@pytest.mark.parametrize("f", [rrelu, rrelu_derivative], ids=lambda f: f.__name__)
def test_training_without_a_generator_is_refused(f):
    for rng in (None, 42, np.random.RandomState(0)):
        with pytest.raises(TypeError, match=rf"^{f.__name__}: training=True draws random slopes and needs "
                                            r"rng=np.random.default_rng\(seed\)"):
            f([-1.0], training=True, rng=rng)


@pytest.mark.parametrize("f", [rrelu, rrelu_derivative], ids=lambda f: f.__name__)
def test_bad_bounds_and_modes_are_refused(f):
    name = f.__name__
    with pytest.raises(ValueError, match=rf"^{name}: need 0 <= lower <= upper, got lower=0.5 and upper=0.25$"):
        f([-1.0], lower=0.5, upper=0.25)
    with pytest.raises(ValueError, match=rf"^{name}: need 0 <= lower <= upper, got lower=-0.1 and upper=0.25$"):
        f([-1.0], lower=-0.1, upper=0.25)
    for training in ("yes", 1, None):
        with pytest.raises(TypeError, match=rf"^{name}: training must be True or False, got "):
            f([-1.0], training=training)
    with pytest.raises(TypeError, match=rf"^{name}: upper must be a real number"):
        f([-1.0], upper="1/3")


# --- the page --------------------------------------------------------------------------------------

def _rows() -> tuple[list[str], list[list[str]]]:
    lines = [ln for ln in generated.read("tables/rrelu-modes.md").splitlines() if ln.startswith("|")]
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    return cells[0], cells[2:]


def _agrees(printed: str, exact: float) -> bool:
    """printed is exact to the digits it shows (4 significant digits, trailing zeros dropped)."""
    digits = len(printed.lstrip("-").split(".")[1]) if "." in printed else 0
    return abs(float(printed) - exact) <= 0.5 * 10.0 ** -digits * (1 + 1e-9)


def _seed() -> int:
    text = generated.read("facts/rrelu.md")
    seeds = set(re.findall(r"np\.random\.default_rng\((\d+)\)", text + generated.read("figures/rrelu-training.md")))
    assert len(seeds) == 1, seeds
    return int(seeds.pop())


def test_modes_table_columns_are_the_closed_form_and_the_drawn_slopes():
    header, rows = _rows()
    calls = [h for h in header if re.fullmatch(r"training, call \d", h)]
    repeats = int(re.fullmatch(r"training, mean of ([\d,]+) calls", header[-1]).group(1).replace(",", ""))
    assert header[:2] == ["x", "evaluation, `training=False`"] and calls == [f"training, call {i}" for i in (1, 2, 3)]
    x = np.array([float(r[0]) for r in rows])
    assert (x < 0).sum() >= 3 and (x > 0).any() and (x == 0).any()
    rng = np.random.default_rng(_seed())  # one generator for the calls, in turn, as the page says
    draws = [rng.uniform(LOWER, UPPER, size=len(x)) for _ in calls]
    spread = (UPPER - LOWER) / np.sqrt(12) / np.sqrt(repeats)  # standard error of a mean slope
    # the last column: `repeats` calls, slopes drawn row after row from a generator of its own
    slopes = np.random.default_rng(_seed()).uniform(LOWER, UPPER, size=(repeats, len(x)))
    means = np.where(x < 0, x * slopes, x).mean(axis=0)
    for i, (xi, row) in enumerate(zip(x, rows)):
        evaluation = xi if xi > 0 else float(Fraction(xi) * MEAN)
        assert _agrees(row[1], evaluation), row
        for j, d in enumerate(draws):
            assert _agrees(row[2 + j], xi if xi > 0 else xi * d[i]), (row, j)
            if xi < 0:  # between the two extreme slopes, to the digits printed
                assert UPPER * xi - 1e-3 <= float(row[2 + j]) <= LOWER * xi + 1e-3
        assert abs(float(row[-1]) - evaluation) <= 5 * spread * abs(xi) + 0.5e-4 * max(abs(evaluation), 1e-9), row
        assert _agrees(row[-1], float(means[i])), row
        if xi >= 0:
            assert set(row[1:]) == {row[0]}, row


def test_modes_sentences_state_the_defaults_and_the_mean_slope():
    text = generated.read("facts/rrelu.md")
    assert "lower $= 0.125$ and upper $= 0.3333$" in text
    m = re.search(r"\(\\text\{lower\} \+ \\text\{upper\}\) / 2 = (\S+)\$", text)
    assert m and _agrees(m.group(1), float(MEAN)), text
    assert "uniform distribution between 0.125 and 0.3333" in text


def test_table_sentence_describes_the_table():
    header, _ = _rows()
    calls = [h for h in header if h.startswith("training, call ")]
    repeats = re.fullmatch(r"training, mean of ([\d,]+) calls", header[-1]).group(1)
    text = re.search(r"\[start:table\] -->\n(.*?)\n<!-- --8<-- \[end:table\]", generated.read("facts/rrelu.md"), re.S)
    assert text, "facts/rrelu.md has no section 'table'"
    words = {2: "both", 3: "all three", 4: "all four"}
    assert f"Each training column is one call, {words[len(calls)]} with one generator, " \
           f"`np.random.default_rng({_seed()})`" in text.group(1)
    assert f"The last column averages {repeats} calls" in text.group(1)


def test_training_figure_alt_text_numbers():
    text = generated.read("figures/rrelu-training.md")
    alt = re.search(r"!\[(.*?)\]\(", text).group(1)
    m = re.search(r"for x from (\S+) to (\S+) in its two modes", alt)
    lo, hi = float(m.group(1)), float(m.group(2))
    n = int(re.search(r"one call in training mode on (\d+) evenly spaced inputs", alt).group(1))
    assert _agrees(re.search(r"x > 0 and (\S+) x below", alt).group(1), float(MEAN))
    x = np.linspace(lo, hi, n)
    first = x[0] * np.random.default_rng(_seed()).uniform(LOWER, UPPER, size=n)[0]
    at = re.search(r"the dot is at (\S+), the solid line at (\S+), and the dotted lines at (\S+) and (\S+)\.", alt)
    assert _agrees(at.group(1), first) and _agrees(at.group(2), float(Fraction(lo) * MEAN))
    assert _agrees(at.group(3), UPPER * lo) and _agrees(at.group(4), LOWER * lo)
    assert "dotted lines 0.125 x and 0.3333 x" in alt


def test_page_shows_both_modes_and_says_what_training_false_does():
    page = (generated.GENERATED.parent / "activations" / "rrelu.md").read_text(encoding="utf-8")
    for fragment in ("facts/rrelu.md:modes", "figures/rrelu-training.md", "tables/rrelu-modes.md",
                     "facts/rrelu.md:table"):
        assert f'--8<-- "docs/generated/{fragment}"' in page, fragment
    assert "defaults to `training=False`" in page


def test_training_figure_alt_text_states_the_x_range_the_figure_draws():
    # the drawn range, read off the SVG: the axes' left and right edges, through two labelled ticks
    svg = (generated.GENERATED / "figures/rrelu-training-light.svg").read_text(encoding="utf-8")
    ticks = [(float(px), float(label.replace("\u2212", "-"))) for px, label in
             re.findall(r'<g id="xtick_\d+">.*?<text[^>]* x="([\d.]+)"[^>]*>([^<]+)</text>', svg, re.S)]
    (p0, t0), (p1, t1) = ticks[0], ticks[-1]
    edges = [float(v) for v in re.search(r'<g id="patch_2">\s*<path d="M ([\d.]+) [\d.]+ \s*L ([\d.]+) ', svg).groups()]
    left, right = (t0 + (p - p0) * (t1 - t0) / (p1 - p0) for p in edges)
    alt = re.search(r"!\[(.*?)\]\(", generated.read("figures/rrelu-training.md")).group(1)
    lo, hi = (float(v) for v in re.search(r"for x from (\S+) to (\S+) in its two modes", alt).groups())
    assert (lo, hi) == (pytest.approx(left, abs=1e-3), pytest.approx(right, abs=1e-3))
