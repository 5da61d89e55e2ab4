"""Sine and Snake where the accuracy grids do not reach: the infinities, where sine has no limit,
inputs far beyond any period, a frequency times x beyond the largest float, small Snake
frequencies, and the period the properties are computed on. Every expected value comes from
mpmath or is worked out by hand here."""

from __future__ import annotations

import warnings

import mpmath as mp
import numpy as np
import pytest

from activations import REGISTRY, sine, sine_derivative, snake, snake_derivative
from exact import ulp_error

mp.mp.dps = 50
BIG = np.finfo(np.float64).max
BIG32 = np.finfo(np.float32).max


@pytest.mark.parametrize("f", [sine, sine_derivative, snake_derivative], ids=lambda f: f.__name__)
def test_no_limit_at_infinity_is_nan_without_a_warning(f):
    """sin x has no limit as x -> +-inf; numpy's sin(inf) would say so with a RuntimeWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = f(np.array([-np.inf, np.inf, 1.0]))
        y32 = f(np.array([-np.inf, np.inf], dtype=np.float32))
    assert np.isnan(y[:2]).all() and np.isfinite(y[2]) and np.isnan(y32).all()


def test_snake_keeps_the_infinities_and_the_largest_floats():
    """snake(x) = x + a bounded ripple, so it tends to +-inf; at the largest float the ripple,
    under 1, is far below half a unit in the last place (2^970)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(snake(np.array([-np.inf, np.inf]))) == [-np.inf, np.inf]
        assert list(snake(np.array([-BIG, BIG]))) == [-BIG, BIG]
        assert list(snake(np.array([-BIG32, BIG32], dtype=np.float32))) == [-BIG32, BIG32]


@pytest.mark.parametrize("x", [1e22, 2.0**1000, 1e300, -1e300, BIG])
def test_sine_far_beyond_any_period_is_the_sine_of_that_float(x):
    """The floats out there are far apart, but each has one sine: numpy's range reduction finds it."""
    bound = REGISTRY["sine"].ulp_bound
    assert ulp_error(sine(np.array([x])), [mp.sin(mp.mpf(x))], np.float64)[0] <= bound
    assert ulp_error(sine_derivative(np.array([x])), [mp.cos(mp.mpf(x))], np.float64)[0] <= bound


def test_sine_far_out_in_float32():
    x = np.array([1e30, -3e37, BIG32], dtype=np.float32)
    exact = [mp.sin(mp.mpf(float(v))) for v in x]
    assert ulp_error(sine(x), exact, np.float32)[0] <= REGISTRY["sine"].ulp_bound
    assert sine(x).dtype == np.float32


@pytest.mark.parametrize("w", [2.0, 4.0])
def test_frequency_times_x_beyond_the_largest_float(w):
    """omega_0 x is then a real number no float holds; for a power of 2, w x is exactly w times the
    float, so its sine has one right value to compare with. w = 2^k takes k doublings of the angle,
    each of which may double the error: w ULP at most."""
    x = np.array([BIG, -BIG, 1e308, -2.0**1023])
    s = [mp.sin(mp.mpf(w) * mp.mpf(float(v))) for v in x]
    c = [mp.mpf(w) * mp.cos(mp.mpf(w) * mp.mpf(float(v))) for v in x]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ulp_error(sine(x, omega_0=w), s, np.float64)[0] <= w
        assert ulp_error(sine_derivative(x, omega_0=w), c, np.float64)[0] <= w


@pytest.mark.parametrize("a", [1e-8, 1e-3, 0.1])
def test_snake_with_a_small_frequency_keeps_the_digits_of_its_ripple(a):
    """For small a x the ripple sin^2(a x) / a is about a x^2: written as (1 - cos(2 a x)) / (2 a) it
    would come out of a cancellation with no correct digit at a x = 1e-8."""
    x = np.array([1.0, -1.0, 7.5, -30.0, 1e3])
    am = mp.mpf(a)
    exact = [mp.mpf(v) + mp.sin(am * mp.mpf(v)) ** 2 / am for v in x]
    assert ulp_error(snake(x, a=a), exact, np.float64)[0] <= REGISTRY["snake"].ulp_bound


def test_snake_derivative_next_to_its_zeros_is_as_good_as_the_problem_allows():
    """1 + sin(2x) is 0 at x = -pi/4, where its condition number |x f''(x) / f'(x)| =
    |2x cos(2x) / (1 + sin(2x))| grows without bound: the result may then be off by that many ULP,
    and no more. The sum 1 + sin(2x) as written loses far more than that: it cancels to a few bits."""
    x = float(-mp.pi / 4) + np.array([1e-8, -1e-8, 3e-6, -1e-4, 0.05])
    xm = [mp.mpf(float(v)) for v in x]
    exact = [1 + mp.sin(2 * v) for v in xm]
    k = [float(abs(2 * v * mp.cos(2 * v) / (1 + mp.sin(2 * v)))) for v in xm]
    bound = REGISTRY["snake"].derivative_ulp_bound
    ours = [ulp_error(snake_derivative(x[i:i + 1]), exact[i:i + 1], np.float64)[0] for i in range(len(x))]
    naive = [ulp_error(1 + np.sin(2 * x[i:i + 1]), exact[i:i + 1], np.float64)[0] for i in range(len(x))]
    assert all(e <= bound * max(1.0, c) for e, c in zip(ours, k)), (ours, k)
    assert sum(e > bound * max(1.0, c) for e, c in zip(naive, k)) >= 3, (naive, k)


@pytest.mark.parametrize(("slug", "period", "slope"), [("sine", 2 * mp.pi, 0), ("snake", mp.pi, 1)])
def test_the_declared_period_is_the_period(slug, period, slope):
    """sin(x) repeats every 2 pi; sin^2(x), and so Snake minus x and its derivative, every pi; half the
    period is not one (sin(x + pi) = -sin x, and sin^2 has no shorter period either)."""
    entry = REGISTRY[slug]
    assert entry.period == pytest.approx(float(period), rel=1e-15)
    assert dict(entry.params) == ({"omega_0": 1.0} if slug == "sine" else {"a": 1.0})
    x = np.linspace(-3.0, 3.0, 61)
    p = float(period)
    np.testing.assert_allclose(entry.fn(x + p) - slope * p, entry.fn(x), atol=1e-14)
    np.testing.assert_allclose(entry.derivative(x + p), entry.derivative(x), atol=1e-14)
    assert np.max(np.abs(entry.derivative(x + p / 2) - entry.derivative(x))) > 1
