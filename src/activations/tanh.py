"""The hyperbolic tangent and the two functions that imitate it cheaply: hard tanh and softsign."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, check_param, finish, finite
from .sigmoid import _sigmoid_derivative

__all__ = ["tanh", "tanh_derivative", "hard_tanh", "hard_tanh_derivative", "softsign", "softsign_derivative"]


# --8<-- [start:tanh]
def tanh(x):
    """Hyperbolic tangent, (e^x - e^-x) / (e^x + e^-x)."""
    x, out_dtype = as_float_array(x, "tanh")
    return finish(np.tanh(x), out_dtype)  # the C library's tanh is accurate to within a few ULP (the tests check 2)
# --8<-- [end:tanh]


# --8<-- [start:tanh_derivative]
def tanh_derivative(x):
    """Derivative of tanh: 1 - tanh(x)^2 = sech(x)^2 = 4 sigmoid'(2x)."""
    x, out_dtype = as_float_array(x, "tanh_derivative")
    # 1 - tanh(x)^2 loses every digit once tanh(x) rounds to +-1 (|x| > 19); the same value
    # written through the sigmoid's derivative has no subtraction. 2x and the factor 4 are exact.
    return finish(4.0 * _sigmoid_derivative(2.0 * np.clip(x, -1e300, 1e300)), out_dtype)
# --8<-- [end:tanh_derivative]


def _bounds(min_val, max_val, fname):
    lo, hi = check_param(min_val, "min_val", fname), check_param(max_val, "max_val", fname)
    if not lo < hi:
        raise ValueError(f"{fname}: min_val must be less than max_val, got {lo} and {hi}")
    return lo, hi


# --8<-- [start:hard_tanh]
def hard_tanh(x, min_val=-1.0, max_val=1.0):
    """Hard tanh, min(max(x, -1), 1)."""
    x, out_dtype = as_float_array(x, "hard_tanh")
    lo, hi = _bounds(min_val, max_val, "hard_tanh")
    return finish(np.clip(x, lo, hi), out_dtype)
# --8<-- [end:hard_tanh]


# --8<-- [start:hard_tanh_derivative]
def hard_tanh_derivative(x, min_val=-1.0, max_val=1.0):
    """Derivative of hard tanh: 1 for -1 < x < 1, else 0 (0 at the knees by convention)."""
    x, out_dtype = as_float_array(x, "hard_tanh_derivative")
    lo, hi = _bounds(min_val, max_val, "hard_tanh_derivative")
    inside = (x > lo) & (x < hi)
    return finish(np.where(np.isnan(x), x, inside.astype(x.dtype)), out_dtype)
# --8<-- [end:hard_tanh_derivative]


# --8<-- [start:softsign]
def softsign(x):
    """Softsign, x / (1 + |x|)."""
    x, out_dtype = as_float_array(x, "softsign")
    x = finite(x)  # inf / inf would be nan; at the largest float the quotient is already 1
    return finish(x / (1.0 + np.abs(x)), out_dtype)
# --8<-- [end:softsign]


# --8<-- [start:softsign_derivative]
def softsign_derivative(x):
    """Derivative of softsign, 1 / (1 + |x|)^2."""
    x, out_dtype = as_float_array(x, "softsign_derivative")
    r = 1.0 / (1.0 + np.abs(x))
    return finish(r * r, out_dtype)  # squaring 1 + |x| first would overflow for |x| > 1e154
# --8<-- [end:softsign_derivative]
