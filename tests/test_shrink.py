"""Edge cases of the thresholding units (hard and soft shrinkage, tanhshrink, threshold) that the
accuracy grids do not reach: the points where they switch branch, signed zeros, infinities, the
parameters, and tanhshrink's cancellation near 0. Each expected value is worked out here by hand
or with mpmath."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest

import activations as A

BIG = np.finfo(np.float64).max
INF = np.inf


def test_shrinks_at_plus_and_minus_lambda_take_the_inner_branch():
    # PyTorch's definitions: 0 for |x| <= lambda, and its backward passes no gradient there either.
    for lam in (0.5, 0.25, 1.0):
        at = np.array([-lam, lam])
        just_out = np.array([np.nextafter(-lam, -2), np.nextafter(lam, 2)])
        assert A.hard_shrink(at, lambd=lam).tolist() == [0.0, 0.0]
        assert A.hard_shrink(just_out, lambd=lam).tolist() == just_out.tolist()
        assert A.soft_shrink(at, lambd=lam).tolist() == [0.0, 0.0]
        # x -+ lambda is exact next to lambda (Sterbenz): one float away from 0 on each side
        assert A.soft_shrink(just_out, lambd=lam).tolist() == [just_out[0] + lam, just_out[1] - lam]
        for d in (A.hard_shrink_derivative, A.soft_shrink_derivative):
            assert d(at, lambd=lam).tolist() == [0.0, 0.0]
            assert d(just_out, lambd=lam).tolist() == [1.0, 1.0]


def test_shrinks_at_infinities_zeros_and_the_largest_floats():
    x = np.array([-INF, -BIG, -0.0, 0.0, BIG, INF])
    assert A.hard_shrink(x).tolist() == [-INF, -BIG, 0.0, 0.0, BIG, INF]
    assert A.soft_shrink(x).tolist() == [-INF, -BIG, 0.0, 0.0, BIG, INF]  # BIG -+ 0.5 rounds to BIG
    assert not np.signbit(A.hard_shrink(-0.0)) and not np.signbit(A.soft_shrink(-0.0))
    assert A.tanh_shrink(np.array([-INF, INF])).tolist() == [-INF, INF]
    assert A.tanh_shrink(np.array([-BIG, BIG])).tolist() == [-BIG, BIG]  # BIG -+ 1 rounds to BIG
    for d in (A.hard_shrink_derivative, A.soft_shrink_derivative, A.tanh_shrink_derivative):
        assert d(x).tolist() == [1.0, 1.0, 0.0, 0.0, 1.0, 1.0], d.__name__


def test_a_zero_lambda_makes_the_shrinks_the_identity():
    x = np.array([-3.0, -1e-300, 0.0, 2.5])
    assert A.hard_shrink(x, lambd=0.0).tolist() == x.tolist()
    assert A.soft_shrink(x, lambd=0.0).tolist() == x.tolist()


@pytest.mark.parametrize("f", [A.hard_shrink, A.hard_shrink_derivative, A.soft_shrink, A.soft_shrink_derivative])
def test_a_negative_lambda_is_refused(f):
    # A negative lambda has no meaning (PyTorch: "must be no less than zero").
    with pytest.raises(ValueError, match=rf"^{f.__name__}: lambd must be >= 0, got -0.1$"):
        f([1.0], lambd=-0.1)


def _tanh_shrink_exact(x: float) -> mp.mpf:
    """x - tanh x at 50 digits more than the difference cancels."""
    with mp.workdps(60 + 2 * max(0, int(-mp.log10(abs(x))))):
        return mp.mpf(x) - mp.tanh(mp.mpf(x))


@pytest.mark.parametrize("x", [1e-300, 3e-100, 1e-20, 1e-8, 1e-4, 0.01, 0.3, 1.0, 1.9999999999999998, 2.0])
def test_tanh_shrink_keeps_every_digit_near_zero(x):
    # There x - tanh(x) subtracts two numbers that agree in 2 log10(1/|x|) digits: the textbook
    # formula loses them all (it gives 0 below 1e-8), the implementation stays within its bound.
    bound = A.REGISTRY["tanhshrink"].ulp_bound
    for v in (x, -x):
        exact = _tanh_shrink_exact(v)
        got = A.tanh_shrink(v)
        assert abs(mp.mpf(float(got)) - exact) <= bound * np.spacing(abs(float(exact))), (v, got, exact)
    if x <= 1e-8:
        assert x - np.tanh(x) == 0.0  # every digit lost


def test_the_continued_fraction_is_deep_enough_up_to_its_cut():
    """Lambert's continued fraction for x / tanh x - 1, truncated after _CF_DEPTH levels as the code
    does, against mpmath: below 2^-60 relative, far under a float64 rounding, up to the cut; beyond
    the cut x - tanh x >= x - 1 >= tanh x, so the plain difference cancels no leading digit."""
    from activations.shrink import _CF_CUT, _CF_DEPTH

    with mp.workdps(50):
        for x in (mp.mpf(_CF_CUT) / 4, mp.mpf(_CF_CUT) / 2, mp.mpf(_CF_CUT)):  # the error grows with |x|
            s = x * x
            r = s / (2 * _CF_DEPTH + 1)
            for k in range(_CF_DEPTH - 1, 0, -1):
                r = s / ((2 * k + 1) + r)
            exact = x / mp.tanh(x) - 1
            assert abs(r - exact) / exact < mp.mpf(2) ** -60, x
        assert _CF_CUT - mp.tanh(_CF_CUT) >= mp.tanh(_CF_CUT)


def test_tanh_shrink_is_x_cubed_over_three_near_zero():
    # x - tanh x = x^3/3 - 2 x^5/15 + ...: for |x| < 1e-6 the second term is below 1e-12 of the first.
    x = np.geomspace(1e-100, 1e-6, 50)
    np.testing.assert_allclose(A.tanh_shrink(x), x**3 / 3, rtol=1e-12, atol=0)
    np.testing.assert_allclose(A.tanh_shrink(-x), -(x**3) / 3, rtol=1e-12, atol=0)


def test_threshold_with_its_defaults_is_relu():
    x = np.concatenate([np.linspace(-5, 5, 1001), [-INF, -0.0, 0.0, INF, -BIG, BIG, 5e-324, -5e-324]])
    assert np.array_equal(A.threshold(x), A.relu(x))
    assert np.array_equal(A.threshold_derivative(x), A.relu_derivative(x))


def test_threshold_jumps_from_its_value_to_the_threshold():
    # y = x for x > threshold, value otherwise: at x = threshold itself the value.
    x = np.array([-INF, 0.5, 1.0, np.nextafter(1.0, 2), INF])
    assert A.threshold(x, threshold=1.0, value=-2.0).tolist() == [-2.0, -2.0, -2.0, np.nextafter(1.0, 2), INF]
    assert A.threshold_derivative(x, threshold=1.0, value=-2.0).tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert not np.signbit(A.threshold(-1.0, value=-0.0))  # +0, like relu
    with pytest.raises(ValueError, match="^threshold: value must be finite, got nan$"):
        A.threshold([1.0], value=float("nan"))


def test_nan_passes_through_every_branch():
    for f in (A.hard_shrink, A.soft_shrink, A.tanh_shrink, A.threshold):
        assert np.isnan(f(np.nan)), f.__name__
    assert np.isnan(A.threshold(np.nan, threshold=5.0, value=3.0))
