"""The rectified linear unit and its piecewise-linear variants: leaky ReLU, PReLU and ReLU6."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, check_param, finish

__all__ = ["relu", "relu_derivative", "leaky_relu", "leaky_relu_derivative", "prelu", "prelu_derivative", "relu6",
           "relu6_derivative"]


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
