"""Edge cases the accuracy grids do not reach: nan and infinities, the points where a formula
switches branch, signed zeros, overflow inside a parameterised formula, error messages, and the
small helpers whose numbers reach the pages. Each expected value is worked out here by hand or
with mpmath, not with the code under test."""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath as mp
import numpy as np
import pytest

import activations as A
from activations._arrays import two_product, two_sum
from catalogue_facts import naive_gelu, normal_moments
from conftest import PUBLIC
from formatting import fixed, sci, short, table

BIG = np.finfo(np.float64).max

# Every elementwise derivative propagates nan, whatever branch its formula would take.
DERIVATIVES = sorted(name for name in PUBLIC if name.endswith("_derivative"))
ELEMENTWISE = sorted({name.removesuffix("_derivative") for name in DERIVATIVES} | set(DERIVATIVES))


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_nan_in_nan_out(name):
    out = PUBLIC[name](np.array([np.nan, 1.0, -1.0]))
    assert np.isnan(out[0]) and not np.isnan(out[1:]).any()


@pytest.mark.parametrize("name, at_inf", [("silu", np.inf), ("mish", np.inf), ("hard_swish", np.inf),
                                          ("gelu", np.inf), ("gelu_tanh", np.inf)])
def test_x_times_a_gate_keeps_plus_infinity(name, at_inf):
    # x * gate(x) -> +inf as x -> +inf: the largest finite float instead would be a wrong limit.
    assert PUBLIC[name](np.inf) == at_inf


@pytest.mark.parametrize("unit", ["glu", "geglu", "swiglu", "reglu"])
def test_closed_gate_times_infinity_is_nan_and_an_underflowed_gate_is_not(unit):
    f = PUBLIC[unit]
    # b = -inf closes every gate exactly (0), and inf * 0 has no value.
    assert np.isnan(f([np.inf, -np.inf])[0])
    # b = -1000: the exact gate is tiny but positive for glu, negative for GELU and SiLU, and
    # exactly 0 for ReLU, so a * gate stays infinite except for reglu.
    expected = {"glu": np.inf, "geglu": -np.inf, "swiglu": -np.inf, "reglu": np.nan}[unit]
    np.testing.assert_equal(f([np.inf, -1000.0])[0], expected)
    assert f([np.inf, 1000.0])[0] == np.inf


def test_relu_and_relu6_give_positive_zero_for_negative_zero():
    # max(0, x) at x = -0 is the 0 of the comparison, +0 (numpy's clip would keep -0).
    for f in (A.relu, A.relu6):
        out = f(np.array([-0.0]))
        assert out[0] == 0.0 and not np.signbit(out[0]), f.__name__


def test_leaky_relu_with_slope_one_is_the_identity_and_slope_zero_is_relu():
    x = np.array([-np.inf, -3.0, -0.5, 0.0, 2.0])
    assert np.array_equal(A.leaky_relu(x, negative_slope=1.0), x)
    assert np.array_equal(A.prelu(x, weight=1.0), x)
    assert np.array_equal(A.leaky_relu(x, negative_slope=0.0), [0.0, 0.0, 0.0, 0.0, 2.0])


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16], ids=lambda d: d.__name__)
@pytest.mark.parametrize("slope", [0.01, 0.2, 1 / 3])
def test_leaky_relu_rounds_the_float64_product_once_then_to_the_input_type(slope, dtype):
    # The leaky ReLU page: one product in float64, rounded once; a float32 or float16 input
    # has that product rounded a second time, to its own type.
    x = -np.geomspace(1e-3, 1e3, 2001).astype(dtype)
    once = [float(Fraction(slope) * Fraction(float(v))) for v in x]  # exact product, rounded to float64 once
    assert np.array_equal(A.leaky_relu(x, negative_slope=slope), np.array(once).astype(dtype))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16], ids=lambda d: d.__name__)
def test_hard_sigmoid_is_correctly_rounded_near_its_lower_knee(dtype):
    # The hard sigmoid page: near -3, (x + 3) / 6 rounds only in the division (and, for float32
    # and float16, once more in a way that still gives the correctly rounded quotient).
    rng = np.random.default_rng(0)
    steps = np.array([-3.0], dtype=dtype)
    for _ in range(200):
        steps = np.append(steps, np.nextafter(steps[-1], dtype(0)))
    x = np.unique(np.concatenate([steps[1:], rng.uniform(-3.0, -1.5, 2000).astype(dtype)]))
    for v, y in zip(x, A.hard_sigmoid(x)):
        exact = (Fraction(float(v)) + 3) / 6
        neighbours = (np.nextafter(y, dtype(-1)), np.nextafter(y, dtype(2)))
        assert all(abs(Fraction(float(y)) - exact) < abs(Fraction(float(n)) - exact) for n in neighbours), (v, y)


def test_hard_swish_derivative_takes_the_inner_formula_at_both_knees():
    # Its docstring: (2x + 3) / 6 for -3 <= x <= 3, so -1/2 at -3 and 3/2 at 3.
    assert A.hard_swish_derivative(np.array([-3.0, 3.0])).tolist() == [-0.5, 1.5]
    assert A.hard_swish_derivative(np.array([np.nextafter(-3.0, -4), np.nextafter(3.0, 4)])).tolist() == [0.0, 1.0]


def test_gelu_beyond_its_cut_offs():
    # Past |x| = 64 (GELU) and |x| = 1e4 (tanh GELU) the result is x itself or a negative zero:
    # x Phi(x) is negative and far below the smallest float.
    for f in (A.gelu, A.gelu_tanh):
        for x in (-100.0, -1e4 - 0.5, -1e300):
            y = f(x)
            assert y == 0.0 and np.signbit(y), (f.__name__, x)
        for x in (100.0, 10000.5, 1e300):
            assert f(x) == x, (f.__name__, x)
    assert A.gelu_derivative(np.array([-100.0, 100.0])).tolist() == [0.0, 1.0]
    assert A.gelu_tanh_derivative(np.array([-10000.5, 10000.5])).tolist() == [0.0, 1.0]


@pytest.mark.parametrize("f, d", [(A.softplus, A.softplus_derivative)])
def test_softplus_with_a_large_beta_at_the_largest_floats(f, d):
    # beta x overflows to +-inf there; the results are the limits x and 0, without a warning.
    x = np.array([-BIG, BIG])
    assert f(x, beta=4.0).tolist() == [0.0, BIG]
    assert d(x, beta=4.0).tolist() == [0.0, 1.0]


def test_celu_with_a_small_alpha_at_the_most_negative_float():
    # x / alpha = -inf: expm1 gives -1, so celu is -alpha, and its derivative e^-inf = 0.
    assert A.celu(-BIG, alpha=0.5) == -0.5
    assert A.celu_derivative(-BIG, alpha=0.5) == 0.0


def test_sigmoid_derivative_carries_the_rounding_error_of_one_plus_e():
    # d = e / (1 + e)^2 with 1 + e rounded; the correction -2 d c undoes that rounding. Without
    # it (or with the wrong factor) far fewer points come out correctly rounded.
    x = np.linspace(-30.0, 30.0, 601) + 1 / 7
    got = A.sigmoid_derivative(x)
    with mp.workdps(50):
        exact = [float(mp.exp(-abs(mp.mpf(v))) / (1 + mp.exp(-abs(mp.mpf(v)))) ** 2) for v in x]
    assert np.mean(got == np.array(exact)) > 0.5
    # 1 - 2c against 1 - 3c: a 2 ULP band contains the exact value at every point.
    assert np.all(np.abs(got - exact) <= 2 * np.spacing(np.array(exact)))


@pytest.mark.parametrize("slug", ["gelu", "gelu-tanh"])
def test_gelu_left_tails_keep_their_bound_without_the_condition_allowance(slug):
    # There the results are x times a tiny gate, so badly conditioned that the accuracy tests
    # allow hundreds of ULP; the compensated arithmetic (v and -x^2/2 carried with their rounding
    # errors) is what keeps them within the plain bound, and any slip in it costs hundreds of ULP.
    from exact import ELEMENTWISE, ulp_errors

    entry = A.REGISTRY[slug]
    x = np.linspace(-37.0, -3.0, 341) + 1 / 9
    for f, exact_f, bound in ((entry.fn, ELEMENTWISE[slug][0], entry.ulp_bound),
                              (entry.derivative, ELEMENTWISE[slug][1], entry.derivative_ulp_bound)):
        with mp.workdps(50):
            exact = [exact_f(mp.mpf(float(v))) for v in x]
        errors = ulp_errors(f(x), exact, np.float64)
        used = errors[np.isfinite(errors)]
        assert len(used) > 150 and used.max() <= bound, (f.__name__, float(used.max()))


# --- error messages name the function and the offending thing -------------------------------------

@pytest.mark.parametrize("bad, says", [("1.0", "got str"), (b"1", "got bytes"), (None, "got NoneType"),
                                       (np.array([1 + 2j]), "complex input"),
                                       (np.array([object()]), "dtype object"),
                                       (np.array([1.0], dtype=np.longdouble), "is not supported")])
def test_bad_input_messages(bad, says):
    if says == "is not supported" and np.dtype(np.longdouble).itemsize <= 8:
        pytest.skip("long double is float64 on this platform")
    with pytest.raises(TypeError, match=f"^relu: .*{says}"):
        A.relu(bad)


def test_bad_parameter_and_axis_messages():
    with pytest.raises(TypeError, match="^elu: alpha must be a real number, got str$"):
        A.elu(1.0, alpha="1")
    with pytest.raises(ValueError, match="^hard_tanh: max_val must be finite, got nan$"):
        A.hard_tanh(1.0, max_val=float("nan"))
    with pytest.raises(ValueError, match="^hard_tanh: min_val must be less than max_val, got 1.0 and 1.0$"):
        A.hard_tanh(1.0, min_val=1.0, max_val=1.0)
    with pytest.raises(TypeError, match="^glu: axis must be an int, got float$"):
        A.glu([1.0, 2.0], axis=0.0)
    with pytest.raises(TypeError, match="^softmax: axis must be an int or None, got str$"):
        A.softmax([1.0, 2.0], axis="0")


def test_softmax_of_an_empty_array_keeps_its_shape():
    for f in (A.softmax, A.log_softmax, A.softmin, A.sparsemax):
        for axis in (-1, 0, None):
            out = f(np.zeros((2, 0)), axis=axis)
            assert out.shape == (2, 0) and out.dtype == np.float64, (f.__name__, axis)


def test_softmax_axis_none_treats_the_whole_array_as_one_vector():
    x = np.array([[0.0, np.log(3.0)], [0.0, 0.0]])  # e^x sums to 1 + 3 + 1 + 1 = 6
    assert np.allclose(A.softmax(x, axis=None), [[1 / 6, 3 / 6], [1 / 6, 1 / 6]], rtol=1e-15, atol=0)


# --- the error-free transformations behind GELU and softmax ------------------------------------------

def test_two_sum_and_two_product_are_exact():
    rng = np.random.default_rng(11)
    a = rng.normal(size=500) * 10.0 ** rng.integers(-20, 20, 500)
    b = rng.normal(size=500) * 10.0 ** rng.integers(-20, 20, 500)
    s, e = two_sum(a, b)
    p, f = two_product(a, b)
    for i in range(len(a)):
        assert Fraction(s[i]) + Fraction(e[i]) == Fraction(a[i]) + Fraction(b[i])
        assert Fraction(p[i]) + Fraction(f[i]) == Fraction(a[i]) * Fraction(b[i])


# --- helpers of the generators ------------------------------------------------------------------------

def test_table_writes_aligned_markdown_and_escapes_bars():
    assert table(["a", "b|c", "d"], [["1", "x|y", "z"]], "lrc") == (
        "| a | b\\|c | d |\n| :-- | --: | :-: |\n| 1 | x\\|y | z |\n")
    assert table(["h"], [["v"], ["w"]]) == "| h |\n| :-- |\n| v |\n| w |\n"


def test_number_formats():
    assert sci(1.5) == "1.50000000e+00" and sci(1.0) == "1.00000000e+00"
    assert sci(0.0) == "0" and sci(-0.0) == "-0"  # an exact zero, not 0.00000000e+00
    assert sci(4.5397868702434395e-05) == "4.53978687e-05"
    assert sci(1e-300, 2) == "1.00e-300"
    assert sci(float("nan")) == "nan" and sci(float("inf")) == "inf"
    assert fixed(2 / 3) == "0.666667" and fixed(1.0, 2) == "1.00"
    assert short(0.25) == "0.25" and short(1e-6) == "1e-06" and short(123456.0) == "1.235e+05"


def test_naive_gelu_is_the_textbook_formula():
    for x in (1.0, -2.0, 0.5):
        with mp.workdps(30):
            expected = mp.mpf(x) * (1 + mp.erf(mp.mpf(x) / mp.sqrt(2))) / 2
        assert naive_gelu(x) == pytest.approx(float(expected), rel=1e-15)


@pytest.mark.parametrize("f, mean, var", [
    (lambda z: z, 0.0, 1.0),
    (lambda z: z + 1.0, 1.0, 1.0),
    # E[max(z, 0)] = 1/sqrt(2 pi), E[max(z, 0)^2] = 1/2
    (lambda z: max(z, 0.0), 1 / math.sqrt(2 * math.pi), 0.5 - 1 / (2 * math.pi)),
])
def test_normal_moments_of_known_functions(f, mean, var):
    m, v = normal_moments(f)
    assert m == pytest.approx(mean, abs=1e-13) and v == pytest.approx(var, abs=1e-13)


def test_index_links_an_entry_to_its_own_page_or_to_its_section_of_a_shared_one():
    from registry_outputs import link

    assert link(A.REGISTRY["relu"]) == "[ReLU](/activations/relu.md)"
    assert link(A.REGISTRY["gelu-tanh"]) == "[GELU (tanh)](/activations/gelu.md#gelu-tanh)"


# --- squareplus and squared ReLU far out ------------------------------------------------------------

@pytest.mark.parametrize("x", [-1e9, -3e15, -1e100, -1e200, -BIG])
def test_squareplus_keeps_its_left_tail_where_the_textbook_formula_cancels_to_zero(x):
    # (x + sqrt(x^2 + 4)) / 2 in float64 is 0 here (or inf - inf); the exact value is about 1 / |x|,
    # and the derivative about 1 / x^2, computed at enough digits that the cancellation costs nothing.
    with mp.workdps(800):
        xm = mp.mpf(x)
        f = (xm + mp.sqrt(xm * xm + 4)) / 2
        d = (1 + xm / mp.sqrt(xm * xm + 4)) / 2
    assert A.squareplus(x) == pytest.approx(float(f), rel=4e-16, abs=0)
    if abs(x) < 1e150:  # beyond, x * x overflows
        assert (x + math.sqrt(x * x + 4.0)) / 2 == 0.0  # what the textbook formula gives
    if float(d) > 1e-300:
        assert A.squareplus_derivative(x) == pytest.approx(float(d), rel=8e-16, abs=0)
    else:
        assert A.squareplus_derivative(x) == pytest.approx(float(d), abs=1e-320)


def test_squareplus_at_the_largest_floats_and_infinities():
    # x^2 would overflow for |x| > 1.3e154; hypot does not, so the right side is x itself.
    assert A.squareplus(np.array([BIG, np.inf, -np.inf])).tolist() == [BIG, np.inf, 0.0]
    assert A.squareplus_derivative(np.array([BIG, np.inf, -np.inf, 0.0])).tolist() == [1.0, 1.0, 0.0, 0.5]
    assert A.squareplus(0.0) == 1.0 and A.squareplus(0.0, b=9.0) == 1.5  # sqrt(b) / 2


def test_squared_relu_overflows_to_infinity_only_where_the_square_does():
    root = math.sqrt(BIG)  # rounded down or up: its square is within a rounding of BIG
    with np.errstate(all="raise"):
        assert A.squared_relu(2 * root) == np.inf
        assert A.squared_relu(1e150) == float(Fraction(1e150) ** 2)  # the square, rounded once
        assert A.squared_relu(np.float32(2e19)) == np.float32(np.inf)  # 4e38 exceeds float32's largest
        assert A.squared_relu_derivative(np.array([BIG, -BIG, -0.0])).tolist() == [np.inf, 0.0, 0.0]
