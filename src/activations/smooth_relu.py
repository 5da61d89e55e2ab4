"""Smooth relatives of ReLU: softplus, squareplus, GELU (exact and tanh), SiLU, Mish, and hard swish."""

from __future__ import annotations

import numpy as np
from scipy.special import erfc, erfcx

from ._arrays import as_float_array, check_param, finish, finite, two_product, two_sum
from .sigmoid import _sigmoid, _sigmoid_derivative

__all__ = ["softplus", "softplus_derivative", "squareplus", "squareplus_derivative", "gelu", "gelu_derivative", "gelu_tanh", "gelu_tanh_derivative", "silu",
           "silu_derivative", "mish", "mish_derivative", "hard_swish", "hard_swish_derivative"]

_INV_SQRT2 = (0.7071067811865476, -4.833646656726457e-17)  # 1/sqrt(2) as hi + lo
_TWO_OVER_SQRT_PI = 1.1283791670955126
_INV_SQRT_2PI = 0.3989422804014327


def _times(x, gate):
    """x * gate(x) for a gate in [0, 1] that is 1 at +inf and 0 at -inf: +inf stays +inf and
    -inf gives 0 (finite(x) avoids inf * 0) instead of nan."""
    return finite(x) * gate + np.where(np.isposinf(x), np.inf, 0.0)


def _silu(x):
    return _times(x, _sigmoid(x))


# --8<-- [start:softplus_core]
def _softplus(x, beta=1.0):
    # log(1 + e^x) overflows for x > 709; split as max(x, 0) + log1p(e^-|x|), whose two
    # terms never have opposite signs, so nothing cancels. max(x, 0) is taken before scaling:
    # beta x may overflow where the result, about x, does not (exp(-inf) = 0 is the limit).
    with np.errstate(over="ignore"):
        return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(beta * x))) / beta
# --8<-- [end:softplus_core]


# --8<-- [start:softplus]
def softplus(x, beta=1.0):
    """Softplus, log(1 + exp(beta x)) / beta."""
    x, out_dtype = as_float_array(x, "softplus")
    b = check_param(beta, "beta", "softplus", positive=True)
    return finish(_softplus(x, b), out_dtype)
# --8<-- [end:softplus]


# --8<-- [start:softplus_derivative]
def softplus_derivative(x, beta=1.0):
    """Derivative of softplus: sigmoid(beta x)."""
    x, out_dtype = as_float_array(x, "softplus_derivative")
    b = check_param(beta, "beta", "softplus_derivative", positive=True)
    with np.errstate(over="ignore"):  # b x = +-inf beyond the largest float: sigmoid is then 1 or 0
        return finish(_sigmoid(b * x), out_dtype)
# --8<-- [end:softplus_derivative]


# --8<-- [start:squareplus_core]
def _squareplus_root(x, b):
    """(h, lo) with h + lo = sqrt(x^2 + b) to about twice float precision.

    h = hypot(x, sqrt b) never overflows but carries up to a unit of rounding error, which
    every formula below would pass on; one Newton step, with x^2 + b - h^2 computed exactly
    (Dekker's product, Knuth's sum), recovers it. Past h = 1e150, h^2 would overflow and b is
    far below the last digit of x^2 anyway: h is then correctly rounded and lo is 0.
    """
    h = np.hypot(x, np.sqrt(b))
    small = h < 1e150
    xs, hs = np.where(small, x, 0.0), np.where(small, h, 1.0)
    p, e = two_product(xs, xs)
    s, t = two_sum(p, b)
    q, qe = two_product(hs, hs)
    residual = (s - q) + ((t + e) - qe)  # x^2 + b - h^2; s - q is exact, the two are that close
    return h, np.where(small, residual / (2.0 * hs), 0.0)
# --8<-- [end:squareplus_core]


# --8<-- [start:squareplus]
def squareplus(x, b=4.0):
    """Squareplus, (x + sqrt(x^2 + b)) / 2."""
    x, out_dtype = as_float_array(x, "squareplus")
    b = check_param(b, "b", "squareplus", positive=True)
    h, lo = _squareplus_root(x, b)
    neg, pos = np.minimum(x, 0.0), np.maximum(x, 0.0)
    # For x < 0, x + sqrt(x^2 + b) cancels (the root is nearly -x): times (h - x) / (h - x) it is
    # b / (2 (h - x)), a sum of positive terms. Each term is halved first, so that nothing
    # overflows next to the largest float.
    left = (b / 4) / ((h / 2 - neg / 2) + lo / 2)
    right = (pos / 2 + h / 2) + lo / 2
    return finish(np.where(x > 0, right, left), out_dtype)
# --8<-- [end:squareplus]


# --8<-- [start:squareplus_derivative]
def squareplus_derivative(x, b=4.0):
    """Derivative of squareplus, (1 + x / sqrt(x^2 + b)) / 2."""
    x, out_dtype = as_float_array(x, "squareplus_derivative")
    b = check_param(b, "b", "squareplus_derivative", positive=True)
    xf = finite(x)  # x / h at +inf would be inf / inf
    h, lo = _squareplus_root(xf, b)
    neg, pos = np.minimum(xf, 0.0), np.maximum(xf, 0.0)
    # 1 + x / h cancels for x < 0 in the same way; it equals b / (h (h - x)). 1 / (h + lo) is
    # taken as (1 - lo / h) / h.
    inv = (1.0 - lo / h) / h
    left = (b / 4) * inv / ((h / 2 - neg / 2) + lo / 2)
    right = 0.5 + (pos * inv) / 2
    return finish(np.where(np.isnan(x), x, np.where(x > 0, right, left)), out_dtype)
# --8<-- [end:squareplus_derivative]


# --8<-- [start:gelu_core]
_SCALE = 64  # results are computed times 2^64 and scaled back once, see _normal_parts
_LN2_HI, _LN2_LO = 6.93147180369123816490e-01, 1.90821492927058770002e-10  # ln 2 = hi + lo


def _normal_parts(x):
    """(Phi(x), phi(x), |x| <= 64) times 2^64, for the normal distribution's CDF and density.

    Phi(x) = erfcx(w) exp(-w^2) / 2 with w = -x / sqrt 2. Three roundings would each cost up
    to w^2 ULP in the left tail (hundreds near x = -37), so they are carried exactly:
    w = hi + lo, hi^2 = s + err, and exp(-s) is taken as exp(-s + 64 ln 2) / 2^64 so that a
    result near the underflow threshold is rounded once, at the end, not in the middle.
    """
    inside = np.abs(x) <= 64.0  # beyond, Phi is 0 or 1 and phi is 0 to any float
    xs = np.where(inside | np.isnan(x), x, 0.0)
    p, e = two_product(xs, _INV_SQRT2[0])
    hi, lo = -p, -(e + xs * _INV_SQRT2[1])
    s, err = two_product(hi, hi)
    # Where exp(-s) would be subnormal, -s + 64 ln2_hi is exact (s > 600 and ln2_hi has 32
    # significant bits, so the sum needs no bit below those of s).
    shifted = np.exp(-np.maximum(s, 600.0) + _SCALE * _LN2_HI) * np.exp(_SCALE * _LN2_LO)
    big_exp = np.where(s > 600.0, shifted, np.ldexp(np.exp(-np.minimum(s, 600.0)), _SCALE))
    tail = erfcx(np.maximum(hi, 0.0))
    left = 0.5 * tail * big_exp * (1.0 - err - lo * _TWO_OVER_SQRT_PI / tail)
    # Near the centre (and for x >= 0, where Phi >= 1/2 has no tail) scipy's erfc is the more
    # accurate of the two (1.4 against 6 ULP); erfc(hi + lo) = erfc(hi) - lo 2 exp(-hi^2) / sqrt(pi)
    # to first order in lo, and big_exp is exactly 2^64 exp(-hi^2) there.
    near = 0.5 * (np.ldexp(erfc(hi), _SCALE) - lo * _TWO_OVER_SQRT_PI * big_exp)
    cdf = np.where(hi < 0.5, near, left)
    pdf = big_exp * (1.0 - err - 2.0 * hi * lo) * _INV_SQRT_2PI
    return cdf, pdf, inside


def _gelu(x):
    """GELU on a float64 working array: x Phi(x), exactly x above 64 and 0 below -64."""
    cdf, _, inside = _normal_parts(x)
    inner = np.ldexp(np.where(inside | np.isnan(x), x, 0.0) * cdf, -_SCALE)
    return np.where(inside | np.isnan(x), inner, np.where(x > 0, x, -0.0))  # x Phi(x) -> -0 from below
# --8<-- [end:gelu_core]


# --8<-- [start:gelu]
def gelu(x):
    """Gaussian error linear unit, x Phi(x) = x erfc(-x / sqrt 2) / 2."""
    x, out_dtype = as_float_array(x, "gelu")
    # Not x (1 + erf(x / sqrt 2)) / 2: for x < -6, 1 + erf(...) cancels to 0 and the left
    # tail is lost entirely; erfc (as erfcx times exp) keeps every digit of the small Phi(x).
    return finish(_gelu(x), out_dtype)
# --8<-- [end:gelu]


# --8<-- [start:gelu_derivative]
def gelu_derivative(x):
    """Derivative of GELU, Phi(x) + x phi(x)."""
    x, out_dtype = as_float_array(x, "gelu_derivative")
    cdf, pdf, inside = _normal_parts(x)
    inner = np.ldexp(cdf + np.where(inside | np.isnan(x), x, 0.0) * pdf, -_SCALE)
    return finish(np.where(inside | np.isnan(x), inner, np.where(x > 0, 1.0, 0.0)), out_dtype)
# --8<-- [end:gelu_derivative]


# --8<-- [start:gelu_tanh_core]
_TWO_SQRT_2_OVER_PI = (1.5957691216057308, -9.96930880911092e-17)  # 2 sqrt(2/pi) as hi + lo
_CUBIC = (0.044715, 2.1960211427085595e-18)  # the decimal 0.044715 as hi + lo


def _gelu_tanh_inner(x):
    """(v, e) with v + e = 2u = 2 sqrt(2/pi) (x + 0.044715 x^3) to about twice float precision.

    sigmoid(v) has relative condition |v| sigmoid(-v), which reaches a thousand in the left tail
    (x = -20 gives v = -1000): a few roundings in v would cost thousands of ULP in the result,
    so v is carried with its rounding errors (x is clipped where sigmoid(v) is exactly 0 or 1).
    """
    xs = np.clip(x, -1e4, 1e4)
    sq, sq_e = two_product(xs, xs)  # x^2
    t, t_e = two_product(sq, _CUBIC[0])  # k x^2
    t_e = t_e + _CUBIC[0] * sq_e + _CUBIC[1] * sq
    u, u_e = two_sum(1.0, t)  # 1 + k x^2
    u_e = u_e + t_e
    w, w_e = two_product(xs, u)  # x (1 + k x^2)
    w_e = w_e + xs * u_e
    v, v_e = two_product(w, _TWO_SQRT_2_OVER_PI[0])
    return v, v_e + _TWO_SQRT_2_OVER_PI[0] * w_e + _TWO_SQRT_2_OVER_PI[1] * w


def _sigmoid_of_sum(v, e):
    """(2^64 sigmoid(v + e), sigmoid(-(v + e))) for a small correction e, to first order in e.

    The first is scaled by 2^64 so that a gate near the underflow threshold (v < -708), which
    x and the derivative's factors then lift back into the normal range, keeps its digits.
    """
    up, down = _sigmoid(v), _sigmoid(-v)
    near = np.ldexp(up * (1.0 + e * down), _SCALE)
    # Far left, 1 + e^v rounds to 1, so sigmoid(v + e) = e^v e^e; v + 64 ln2_hi is exact there.
    far = np.exp(np.clip(v, -1100.0, -600.0) + _SCALE * _LN2_HI) * np.exp(_SCALE * _LN2_LO + e)
    return np.where(v < -600.0, far, near), down * (1.0 - e * up)
# --8<-- [end:gelu_tanh_core]


# --8<-- [start:gelu_tanh]
def gelu_tanh(x):
    """GELU, tanh approximation: x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2 = x sigmoid(2u)."""
    x, out_dtype = as_float_array(x, "gelu_tanh")
    # (1 + tanh(u)) / 2 = sigmoid(2u): the same value without the cancellation of 1 + tanh(u)
    # for u << 0.
    gate, _ = _sigmoid_of_sum(*_gelu_tanh_inner(x))
    xs = np.clip(x, -1e4, 1e4)  # beyond, the result is x itself or 0
    inner = np.ldexp(xs * gate, -_SCALE)
    return finish(np.where((np.abs(x) <= 1e4) | np.isnan(x), inner, np.where(x > 0, x, -0.0)), out_dtype)
# --8<-- [end:gelu_tanh]


# --8<-- [start:gelu_tanh_derivative]
def gelu_tanh_derivative(x):
    """Derivative of the tanh GELU: sigmoid(2u) + x 2u'(x) sigmoid'(2u)."""
    x, out_dtype = as_float_array(x, "gelu_tanh_derivative")
    xs = np.clip(x, -1e4, 1e4)
    gate, down = _sigmoid_of_sum(*_gelu_tanh_inner(x))
    dv = _TWO_SQRT_2_OVER_PI[0] * (1.0 + 3.0 * _CUBIC[0] * xs * xs)
    # sigmoid'(v) = sigmoid(v) sigmoid(-v): one factor sigmoid(v) comes out of the sum.
    return finish(np.ldexp(gate * (1.0 + xs * dv * down), -_SCALE), out_dtype)
# --8<-- [end:gelu_tanh_derivative]


# --8<-- [start:silu]
def silu(x):
    """SiLU (swish with beta = 1), x sigmoid(x)."""
    x, out_dtype = as_float_array(x, "silu")
    return finish(_silu(x), out_dtype)
# --8<-- [end:silu]


# --8<-- [start:silu_derivative]
def silu_derivative(x):
    """Derivative of SiLU, sigmoid(x) (1 + x sigmoid(-x))."""
    x, out_dtype = as_float_array(x, "silu_derivative")
    # sigmoid(-x), not 1 - sigmoid(x), which rounds to 0 for large x.
    return finish(_sigmoid(x) * (1.0 + finite(x) * _sigmoid(-x)), out_dtype)
# --8<-- [end:silu_derivative]


# --8<-- [start:mish]
def mish(x):
    """Mish, x tanh(softplus(x))."""
    x, out_dtype = as_float_array(x, "mish")
    return finish(_times(x, np.tanh(_softplus(x))), out_dtype)
# --8<-- [end:mish]


# --8<-- [start:mish_derivative]
def mish_derivative(x):
    """Derivative of Mish: tanh(sp) + x sech(sp)^2 sigmoid(x), sp = softplus(x)."""
    x, out_dtype = as_float_array(x, "mish_derivative")
    sp = _softplus(x)
    sech2 = 4.0 * _sigmoid_derivative(2.0 * np.minimum(sp, 1e300))  # 1 - tanh^2 would cancel
    return finish(np.tanh(sp) + finite(x) * sech2 * _sigmoid(x), out_dtype)
# --8<-- [end:mish_derivative]


# --8<-- [start:hard_swish]
def hard_swish(x):
    """Hard swish, x ReLU6(x + 3) / 6."""
    x, out_dtype = as_float_array(x, "hard_swish")
    return finish(_times(x, np.clip((x + 3.0) / 6.0, 0.0, 1.0)), out_dtype)
# --8<-- [end:hard_swish]


# --8<-- [start:hard_swish_derivative]
def hard_swish_derivative(x):
    """Derivative of hard swish: 0 for x < -3, (2x + 3) / 6 for -3 <= x <= 3, 1 for x > 3."""
    x, out_dtype = as_float_array(x, "hard_swish_derivative")
    middle = (2.0 * np.clip(x, -3.0, 3.0) + 3.0) / 6.0
    d = np.where(x < -3.0, 0.0, np.where(x > 3.0, 1.0, middle))
    return finish(np.where(np.isnan(x), x, d), out_dtype)
# --8<-- [end:hard_swish_derivative]
