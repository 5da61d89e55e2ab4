"""The identity and the binary step: the two ends of what an activation can be."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish

__all__ = ["identity", "identity_derivative", "binary_step", "binary_step_derivative"]


# --8<-- [start:identity]
def identity(x):
    """Identity, f(x) = x."""
    x, out_dtype = as_float_array(x, "identity")
    return finish(x, out_dtype)
# --8<-- [end:identity]


# --8<-- [start:identity_derivative]
def identity_derivative(x):
    """Derivative of the identity: 1 everywhere."""
    x, out_dtype = as_float_array(x, "identity_derivative")
    return finish(np.where(np.isnan(x), x, 1.0), out_dtype)
# --8<-- [end:identity_derivative]


# --8<-- [start:binary_step]
def binary_step(x):
    """Heaviside step: 1 for x >= 0, 0 for x < 0 (the value 1 at x = 0 is a convention)."""
    x, out_dtype = as_float_array(x, "binary_step")
    return finish(np.where(np.isnan(x), x, (x >= 0).astype(x.dtype)), out_dtype)
# --8<-- [end:binary_step]


# --8<-- [start:binary_step_derivative]
def binary_step_derivative(x):
    """Derivative of the step: 0 everywhere except x = 0, where it does not exist (0 by convention)."""
    x, out_dtype = as_float_array(x, "binary_step_derivative")
    return finish(np.where(np.isnan(x), x, 0.0), out_dtype)
# --8<-- [end:binary_step_derivative]
