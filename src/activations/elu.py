"""The exponential linear units: ELU, SELU and CELU."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, check_param, finish

__all__ = ["elu", "elu_derivative", "selu", "selu_derivative", "celu", "celu_derivative"]

# SELU's constants (Klambauer et al. 2017), to the digits of the paper's supplement; they make
# mean 0 and variance 1 a fixed point for standard normal inputs.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


# --8<-- [start:elu_core]
def _elu(x, alpha):
    # expm1(x) rather than exp(x) - 1, which cancels for small |x|; min(x, 0) so the
    # branch that is not taken never computes exp of a large number.
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def _elu_derivative(x, alpha):
    return np.where(np.isnan(x), x, np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0))))
# --8<-- [end:elu_core]


# --8<-- [start:elu]
def elu(x, alpha=1.0):
    """Exponential linear unit: x for x > 0, alpha (e^x - 1) otherwise."""
    x, out_dtype = as_float_array(x, "elu")
    return finish(_elu(x, check_param(alpha, "alpha", "elu")), out_dtype)
# --8<-- [end:elu]


# --8<-- [start:elu_derivative]
def elu_derivative(x, alpha=1.0):
    """Derivative of ELU: 1 for x > 0, alpha e^x for x <= 0 (the left value at 0)."""
    x, out_dtype = as_float_array(x, "elu_derivative")
    return finish(_elu_derivative(x, check_param(alpha, "alpha", "elu_derivative")), out_dtype)
# --8<-- [end:elu_derivative]


# --8<-- [start:selu]
def selu(x):
    """Scaled ELU, scale * elu(x, alpha) with the fixed constants of self-normalising networks."""
    x, out_dtype = as_float_array(x, "selu")
    # scale * alpha as one rounded constant would add a third rounding on the left side.
    # Above max / scale the exact result exceeds the largest float: inf is its correct rounding.
    with np.errstate(over="ignore"):
        return finish(SELU_SCALE * _elu(x, SELU_ALPHA), out_dtype)
# --8<-- [end:selu]


# --8<-- [start:selu_derivative]
def selu_derivative(x):
    """Derivative of SELU: scale for x > 0, scale alpha e^x for x <= 0 (the left value at 0)."""
    x, out_dtype = as_float_array(x, "selu_derivative")
    return finish(SELU_SCALE * _elu_derivative(x, SELU_ALPHA), out_dtype)
# --8<-- [end:selu_derivative]


# --8<-- [start:celu]
def celu(x, alpha=1.0):
    """Continuously differentiable ELU: x for x > 0, alpha (e^(x / alpha) - 1) otherwise."""
    x, out_dtype = as_float_array(x, "celu")
    a = check_param(alpha, "alpha", "celu", positive=True)
    with np.errstate(over="ignore"):  # x / alpha = -inf for alpha < 1 and x near -max: expm1 gives -1, the limit
        return finish(np.where(x > 0, x, a * np.expm1(np.minimum(x, 0.0) / a)), out_dtype)
# --8<-- [end:celu]


# --8<-- [start:celu_derivative]
def celu_derivative(x, alpha=1.0):
    """Derivative of CELU: 1 for x > 0, e^(x / alpha) for x <= 0; continuous at 0 for every alpha."""
    x, out_dtype = as_float_array(x, "celu_derivative")
    a = check_param(alpha, "alpha", "celu_derivative", positive=True)
    with np.errstate(over="ignore"):  # as in celu: exp(-inf) = 0 is the limit
        d = np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0) / a))
    return finish(np.where(np.isnan(x), x, d), out_dtype)
# --8<-- [end:celu_derivative]
