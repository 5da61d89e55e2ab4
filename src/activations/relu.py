"""The rectified linear unit and its derivative."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish


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
