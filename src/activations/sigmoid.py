"""The logistic sigmoid and its derivative."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish


def _one_plus(e):
    """Return t = fl(1 + e) and c with 1 + e = t (1 + c), for 0 <= e <= 1 (or nan)."""
    t = 1.0 + e
    # Fast2Sum: (1 - t) + e is exactly the rounding error of 1 + e, since 1 >= e.
    return t, ((1.0 - t) + e) / t


# --8<-- [start:sigmoid]
def sigmoid(x):
    """Logistic sigmoid, 1 / (1 + exp(-x))."""
    x, out_dtype = as_float_array(x, "sigmoid")
    # exp(-|x|) lies in (0, 1], so it never overflows; the branch for x < 0 uses
    # e / (1 + e) instead of 1 - 1 / (1 + e), which would cancel to 0 in the left tail.
    e = np.exp(-np.abs(x))
    t, c = _one_plus(e)
    s = np.where(x >= 0, 1.0 / t, e / t)
    return finish(s - s * c, out_dtype)
# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_derivative]
def sigmoid_derivative(x):
    """Derivative of the sigmoid, s(x) (1 - s(x)) = exp(-|x|) / (1 + exp(-|x|))^2."""
    x, out_dtype = as_float_array(x, "sigmoid_derivative")
    # s (1 - s) would cancel for large x, where s rounds to 1; the form in exp(-|x|)
    # is symmetric in x and has no subtraction at all.
    e = np.exp(-np.abs(x))
    t, c = _one_plus(e)
    d = e / (t * t)
    return finish(d - 2.0 * d * c, out_dtype)
# --8<-- [end:sigmoid_derivative]
