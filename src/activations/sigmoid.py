"""The logistic sigmoid, its logarithm and its piecewise-linear cousin, with derivatives."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish

__all__ = ["sigmoid", "sigmoid_derivative", "log_sigmoid", "log_sigmoid_derivative", "hard_sigmoid",
           "hard_sigmoid_derivative"]


def _one_plus(e):
    """Return t = fl(1 + e) and c with 1 + e = t (1 + c), for 0 <= e <= 1 (or nan)."""
    t = 1.0 + e
    # Fast2Sum: (1 - t) + e is exactly the rounding error of 1 + e, since 1 >= e.
    return t, ((1.0 - t) + e) / t


# --8<-- [start:sigmoid_core]
def _sigmoid(x):
    """sigmoid on a float64 working array (no checks), used by every function built on it."""
    # exp(-|x|) lies in (0, 1], so it never overflows; the branch for x < 0 uses
    # e / (1 + e) instead of 1 - 1 / (1 + e), which would cancel to 0 in the left tail.
    e = np.exp(-np.abs(x))
    t, c = _one_plus(e)
    s = np.where(x >= 0, 1.0 / t, e / t)
    return s - s * c


def _sigmoid_derivative(x):
    """sigmoid' on a float64 working array: exp(-|x|) / (1 + exp(-|x|))^2."""
    # s (1 - s) would cancel for large x, where s rounds to 1; the form in exp(-|x|)
    # is symmetric in x and has no subtraction at all.
    e = np.exp(-np.abs(x))
    t, c = _one_plus(e)
    d = e / (t * t)
    return d - 2.0 * d * c
# --8<-- [end:sigmoid_core]


# --8<-- [start:sigmoid]
def sigmoid(x):
    """Logistic sigmoid, 1 / (1 + exp(-x))."""
    x, out_dtype = as_float_array(x, "sigmoid")
    return finish(_sigmoid(x), out_dtype)
# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_derivative]
def sigmoid_derivative(x):
    """Derivative of the sigmoid, s(x) (1 - s(x)) = exp(-|x|) / (1 + exp(-|x|))^2."""
    x, out_dtype = as_float_array(x, "sigmoid_derivative")
    return finish(_sigmoid_derivative(x), out_dtype)
# --8<-- [end:sigmoid_derivative]


# --8<-- [start:log_sigmoid]
def log_sigmoid(x):
    """Log of the sigmoid, log(1 / (1 + exp(-x))) = min(x, 0) - log1p(exp(-|x|))."""
    x, out_dtype = as_float_array(x, "log_sigmoid")
    # np.log(sigmoid(x)) is -inf once sigmoid underflows (x < -745) although the answer is
    # about x; the split form never takes the log of a tiny number and never overflows.
    return finish(np.minimum(x, 0.0) - np.log1p(np.exp(-np.abs(x))), out_dtype)
# --8<-- [end:log_sigmoid]


# --8<-- [start:log_sigmoid_derivative]
def log_sigmoid_derivative(x):
    """Derivative of log-sigmoid: 1 - sigmoid(x) = sigmoid(-x)."""
    x, out_dtype = as_float_array(x, "log_sigmoid_derivative")
    return finish(_sigmoid(-x), out_dtype)  # not 1 - sigmoid(x), which cancels for large x
# --8<-- [end:log_sigmoid_derivative]


# --8<-- [start:hard_sigmoid]
def hard_sigmoid(x):
    """Hard sigmoid, ReLU6(x + 3) / 6 = min(max((x + 3) / 6, 0), 1)."""
    x, out_dtype = as_float_array(x, "hard_sigmoid")
    # (x + 3) / 6 rather than x / 6 + 0.5: near the knee at -3 the sum x + 3 is exact and only
    # the division rounds, whereas x / 6 + 0.5 rounds x / 6 (close to -0.5) and then cancels it
    # against 0.5, leaving that rounding error in a result close to 0.
    return finish(np.clip((x + 3.0) / 6.0, 0.0, 1.0), out_dtype)
# --8<-- [end:hard_sigmoid]


# --8<-- [start:hard_sigmoid_derivative]
def hard_sigmoid_derivative(x):
    """Derivative of the hard sigmoid: 1/6 for -3 < x < 3, else 0 (0 at the knees by convention)."""
    x, out_dtype = as_float_array(x, "hard_sigmoid_derivative")
    inside = (x > -3.0) & (x < 3.0)
    return finish(np.where(np.isnan(x), x, np.where(inside, 1.0 / 6.0, 0.0)), out_dtype)
# --8<-- [end:hard_sigmoid_derivative]
