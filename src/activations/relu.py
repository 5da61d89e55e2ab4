"""The rectified linear unit and its variants: leaky ReLU, PReLU, RReLU, squared ReLU and ReLU6."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, check_param, finish

__all__ = ["relu", "relu_derivative", "leaky_relu", "leaky_relu_derivative", "prelu", "prelu_derivative", "rrelu",
           "rrelu_derivative", "squared_relu", "squared_relu_derivative", "relu6", "relu6_derivative"]


# --8<-- [start:relu]
def relu(x):
    """Rectified linear unit, max(0, x)."""
    x, out_dtype = as_float_array(x, "relu")
    # np.maximum propagates nan; `+ 0.0` turns relu(-0.0) into +0.0.
    return finish(np.maximum(x, 0.0) + 0.0, out_dtype)
# --8<-- [end:relu]


# --8<-- [start:relu_derivative]
def relu_derivative(x):
    """Derivative of ReLU: 1 for x > 0, 0 for x <= 0 (the value 0 at x = 0 is a convention)."""
    x, out_dtype = as_float_array(x, "relu_derivative")
    return finish(np.where(np.isnan(x), x, (x > 0).astype(x.dtype)), out_dtype)
# --8<-- [end:relu_derivative]


# --8<-- [start:leaky_core]
def _leaky(x, slope):
    if slope == 0.0:  # 0 * -inf would be nan; the limit of 0 * x is 0
        return np.maximum(x, 0.0) + 0.0
    return np.where(x > 0, x, slope * x)


def _leaky_derivative(x, slope):
    return np.where(np.isnan(x), x, np.where(x > 0, 1.0, slope))
# --8<-- [end:leaky_core]


# --8<-- [start:leaky_relu]
def leaky_relu(x, negative_slope=0.01):
    """Leaky ReLU: x for x > 0, negative_slope * x otherwise."""
    x, out_dtype = as_float_array(x, "leaky_relu")
    slope = check_param(negative_slope, "negative_slope", "leaky_relu")
    return finish(_leaky(x, slope), out_dtype)
# --8<-- [end:leaky_relu]


# --8<-- [start:leaky_relu_derivative]
def leaky_relu_derivative(x, negative_slope=0.01):
    """Derivative of leaky ReLU: 1 for x > 0, negative_slope for x <= 0 (at 0 by convention)."""
    x, out_dtype = as_float_array(x, "leaky_relu_derivative")
    slope = check_param(negative_slope, "negative_slope", "leaky_relu_derivative")
    return finish(_leaky_derivative(x, slope), out_dtype)
# --8<-- [end:leaky_relu_derivative]


# --8<-- [start:prelu]
def prelu(x, weight=0.25):
    """Parametric ReLU: x for x > 0, weight * x otherwise, where weight is learned (starts at 0.25)."""
    x, out_dtype = as_float_array(x, "prelu")
    a = check_param(weight, "weight", "prelu")
    return finish(_leaky(x, a), out_dtype)
# --8<-- [end:prelu]


# --8<-- [start:prelu_derivative]
def prelu_derivative(x, weight=0.25):
    """Derivative of PReLU in x: 1 for x > 0, weight for x <= 0 (in the weight it is min(x, 0))."""
    x, out_dtype = as_float_array(x, "prelu_derivative")
    a = check_param(weight, "weight", "prelu_derivative")
    return finish(_leaky_derivative(x, a), out_dtype)
# --8<-- [end:prelu_derivative]


# --8<-- [start:rrelu_core]
def _rrelu_slopes(x, lower, upper, training, rng, fname):
    """The negative slopes: (lower + upper) / 2 in evaluation, one uniform draw per element in training."""
    lo = check_param(lower, "lower", fname)
    hi = check_param(upper, "upper", fname)
    if not 0.0 <= lo <= hi:
        raise ValueError(f"{fname}: need 0 <= lower <= upper, got lower={lo} and upper={hi}")
    if not isinstance(training, (bool, np.bool_)):
        raise TypeError(f"{fname}: training must be True or False, got {type(training).__name__}")
    if not training:
        return np.float64(lo / 2 + hi / 2)  # halving is exact, so this rounds once
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{fname}: training=True draws random slopes and needs rng=np.random.default_rng(seed), "
                        f"got rng of type {type(rng).__name__}")
    # One draw for every element, whatever its sign: the same generator state then gives the
    # function and its derivative the same slopes.
    return rng.uniform(lo, hi, size=x.shape)


def _rrelu(x, slopes):
    # A zero slope times -inf would be nan; the limit of 0 * x is 0 (as for leaky ReLU).
    return np.where(np.isnan(x) | (x > 0), x, slopes * np.where(slopes == 0, 0.0, x))
# --8<-- [end:rrelu_core]


# --8<-- [start:rrelu]
def rrelu(x, lower=0.125, upper=1 / 3, *, training=False, rng=None):
    """Randomized leaky ReLU: x for x > 0, a x otherwise; a is (lower + upper) / 2, or drawn in training."""
    x, out_dtype = as_float_array(x, "rrelu")
    return finish(_rrelu(x, _rrelu_slopes(x, lower, upper, training, rng, "rrelu")), out_dtype)
# --8<-- [end:rrelu]


# --8<-- [start:rrelu_derivative]
def rrelu_derivative(x, lower=0.125, upper=1 / 3, *, training=False, rng=None):
    """Derivative of RReLU: 1 for x > 0, the slope a for x <= 0 (at 0 by convention); same draws as rrelu."""
    x, out_dtype = as_float_array(x, "rrelu_derivative")
    slopes = _rrelu_slopes(x, lower, upper, training, rng, "rrelu_derivative")
    return finish(np.where(np.isnan(x), x, np.where(x > 0, 1.0, slopes)), out_dtype)
# --8<-- [end:rrelu_derivative]


# --8<-- [start:squared_relu]
def squared_relu(x):
    """Squared ReLU, max(0, x)^2."""
    x, out_dtype = as_float_array(x, "squared_relu")
    r = np.maximum(x, 0.0) + 0.0
    with np.errstate(over="ignore"):  # beyond sqrt(max) the square exceeds every float: inf is its rounding
        return finish(r * r, out_dtype)
# --8<-- [end:squared_relu]


# --8<-- [start:squared_relu_derivative]
def squared_relu_derivative(x):
    """Derivative of squared ReLU, 2 max(0, x): continuous, 0 at x = 0."""
    x, out_dtype = as_float_array(x, "squared_relu_derivative")
    with np.errstate(over="ignore"):  # 2x beyond max / 2 rounds to inf
        return finish(2.0 * np.maximum(x, 0.0) + 0.0, out_dtype)
# --8<-- [end:squared_relu_derivative]


# --8<-- [start:relu6]
def relu6(x):
    """ReLU6, min(max(0, x), 6)."""
    x, out_dtype = as_float_array(x, "relu6")
    return finish(np.clip(x, 0.0, 6.0) + 0.0, out_dtype)
# --8<-- [end:relu6]


# --8<-- [start:relu6_derivative]
def relu6_derivative(x):
    """Derivative of ReLU6: 1 for 0 < x < 6, else 0 (0 at both knees by convention)."""
    x, out_dtype = as_float_array(x, "relu6_derivative")
    inside = (x > 0.0) & (x < 6.0)
    return finish(np.where(np.isnan(x), x, inside.astype(x.dtype)), out_dtype)
# --8<-- [end:relu6_derivative]
