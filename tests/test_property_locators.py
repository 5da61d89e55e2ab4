"""The helpers of scripts/generators/properties.py that place extremes and flat pieces, on functions
whose answers are worked out by hand: the registry's functions reach only some of their branches
(no minimum is attained on a flat piece at the right, no periodic extreme is an irrational number)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from properties import DENSE, STEP, Extremum, Limit, _bound, _where, compute, max_slope, periodic_extreme, range_text

TAU = 2 * math.pi


def test_a_periodic_extreme_is_found_by_its_derivative_and_named_nearest_zero():
    # sin x + sin(2x) / 2 has g' = cos x + cos 2x = (2 cos x - 1)(cos x + 1): its top is at x = pi/3,
    # where g = sqrt(3)/2 + sqrt(3)/4, and its bottom at -pi/3 (and every 2 pi from each)
    g = lambda x: np.sin(x) + 0.5 * np.sin(2 * x)  # noqa: E731
    dg = lambda x: np.cos(x) + np.cos(2 * x)  # noqa: E731
    x, value = periodic_extreme(g, dg, TAU, 1.0)
    assert x == pytest.approx(math.pi / 3, abs=1e-12) and value == round(3 * math.sqrt(3) / 4, 12)
    x, value = periodic_extreme(g, dg, TAU, -1.0)
    assert x == pytest.approx(-math.pi / 3, abs=1e-12) and value == round(-3 * math.sqrt(3) / 4, 12)


def test_of_two_extremes_equally_near_zero_the_positive_one_is_named():
    # -cos(2 pi x) is largest at x = -1/2 and x = 1/2 alike
    g = lambda x: -np.cos(TAU * x)  # noqa: E731
    dg = lambda x: TAU * np.sin(TAU * x)  # noqa: E731
    assert periodic_extreme(g, dg, 1.0, 1.0) == (pytest.approx(0.5, abs=1e-12), 1.0)
    assert periodic_extreme(g, dg, 1.0, -1.0) == (pytest.approx(0.0, abs=1e-12), -1.0)


def test_an_extreme_of_zero_is_zero_not_minus_zero():
    # -sin(x)^2 is largest, 0, at x = 0; the float g gives there can be -0.0
    x, value = periodic_extreme(lambda x: -np.sin(x) ** 2, lambda x: -np.sin(2 * x), math.pi, 1.0)
    assert x == pytest.approx(0.0, abs=1e-12) and value == 0.0 and math.copysign(1.0, value) == 1.0


GRID = np.linspace(-8.0, 8.0, 1601)  # steps of 0.01, as the property grids have


@pytest.mark.parametrize(("hits", "expected"), [
    (GRID <= 0, "x ≤ 0"),  # from the left end to a grid point on an integer
    (GRID >= 6, "x ≥ 6"),  # from an integer to the right end
    (GRID > 0.5 + 1e-9, "x > 0.5"),  # to the right end from just past a jump at 0.5
    (GRID < -0.5 - 1e-9, "x < -0.5"),  # from the left end to just before a jump at -0.5
    ((GRID >= -1 - 1e-9) & (GRID <= 1 + 1e-9), "x ≥ -1 and x ≤ 1"),  # inside the grid
    ((GRID > 0.25 + 1e-9) & (GRID < 2.5 - 1e-9), "x > 0.25 and x < 2.5"),  # inside, between two jumps
    (np.isclose(GRID, 0.25), "x = 0.25"),  # one point
])
def test_a_flat_piece_is_written_as_the_inequalities_that_bound_it(hits, expected):
    assert _where(GRID, hits) == expected


def _entry(f, d) -> SimpleNamespace:
    """What _bound reads of a registry entry, for a function of our own."""
    return SimpleNamespace(fn=f, derivative=d, period=None)


def test_a_lowest_value_taken_on_a_flat_piece_inside_the_grid():
    # max(|x| - 1, 0) is 0 exactly on [-1, 1] and grows without bound on both sides
    entry = _entry(lambda x: np.maximum(np.abs(x) - 1.0, 0.0), lambda x: np.where(np.abs(x) > 1, np.sign(x), 0.0))
    y = entry.fn(DENSE)
    assert _bound(entry, y, 1.0) == Extremum(0.0, True, "x ≥ -1 and x ≤ 1")
    assert _bound(entry, y, -1.0) == Extremum(math.inf, False, "")  # no top: a limit, not attained


def test_a_lowest_value_at_one_point_inside_the_grid_is_found_by_its_derivative():
    # (x - 1/2)^2 + 1/4: f' = 2x - 1 is 0 at x = 1/2, where f = 1/4
    entry = _entry(lambda x: (x - 0.5) ** 2 + 0.25, lambda x: 2 * x - 1.0)
    low = _bound(entry, entry.fn(DENSE), 1.0)
    assert low == Extremum(0.25, True, "x = 0.5")


def _peaked(sign: float) -> SimpleNamespace:
    """f' = sign / (1 + ((x - c) / w)^2): a peak of height 1 (sign 1) or a trough of depth 1 (sign -1)
    at x = c, between two points of the property grid (not half way: equal neighbours read as a flat
    piece), so narrow that the grid's neighbours of c see less than 0.95 of it."""
    c, w = 0.3 * STEP, 5e-4
    return SimpleNamespace(fn=lambda x: sign * w * np.arctan((x - c) / w),
                           derivative=lambda x: sign / (1.0 + ((np.asarray(x, dtype=float) - c) / w) ** 2),
                           period=None, kinks=(), jumps=())


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_the_largest_slope_between_grid_points_is_located_by_the_root_finder(sign):
    # |f'| is at most 1 and tends to 0 at both infinities; the grid alone would report about 0.92
    entry = _peaked(sign)
    assert float(np.max(np.abs(entry.derivative(DENSE)))) < 0.95
    far = Limit(0.0, 0.0, "")
    assert max_slope(entry, far, far) == pytest.approx(1.0, abs=1e-9)


def test_a_decreasing_function_is_monotonic():
    # -tanh never increases: monotonic, as an increasing one is (no registry entry decreases)
    entry = SimpleNamespace(fn=lambda x: -np.tanh(x), derivative=lambda x: np.tanh(x) ** 2 - 1.0,
                            kinks=(), jumps=(), period=None)
    assert compute(entry).monotonic
    # -tanh x + 2 exp(-|x|) rises left of 0 (its slope 2 e^x - sech^2 x is 0.43 at x = -1/2), then falls
    bumped = SimpleNamespace(fn=lambda x: -np.tanh(x) + 2.0 * np.exp(-np.abs(x)),
                             derivative=lambda x: np.tanh(x) ** 2 - 1.0 - 2.0 * np.sign(x) * np.exp(-np.abs(x)),
                             kinks=(0.0,), jumps=(), period=None)
    assert not compute(bumped).monotonic


def _jumping(f, d) -> SimpleNamespace:
    return SimpleNamespace(fn=f, derivative=d, kinks=(), jumps=(0.0,), period=None)


def test_a_jump_over_values_f_never_takes_is_a_gap_with_its_taken_end_closed():
    # x for x < 0, x + 1 for x >= 0: f jumps from 0- to 1 and takes 1 (at 0) but never 0 or anything between
    entry = _jumping(lambda x: np.where(np.asarray(x) < 0, x, np.asarray(x) + 1.0), lambda x: np.ones_like(np.asarray(x, float)))
    assert range_text(compute(entry)) == "(-∞, 0) ∪ [1, ∞)"
    # x for x <= 0, x + 1 for x > 0: f takes 0 (at 0), then jumps to just above 1
    entry = _jumping(lambda x: np.where(np.asarray(x) <= 0, x, np.asarray(x) + 1.0), lambda x: np.ones_like(np.asarray(x, float)))
    assert range_text(compute(entry)) == "(-∞, 0] ∪ (1, ∞)"


def test_a_jump_over_values_f_takes_elsewhere_leaves_no_gap():
    # x for x < 0, x - 1 for x >= 0: the jump from 0 down to -1 skips values that x < 0 already takes
    entry = _jumping(lambda x: np.where(np.asarray(x) < 0, x, np.asarray(x) - 1.0), lambda x: np.ones_like(np.asarray(x, float)))
    assert compute(entry).gaps == () and range_text(compute(entry)) == "(-∞, ∞)"
