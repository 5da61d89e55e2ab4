"""Gated linear units: the input is split in two halves a and b, and a is scaled by a gate g(b)."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish
from .sigmoid import _sigmoid
from .smooth_relu import _gelu, _silu

__all__ = ["glu", "geglu", "swiglu", "reglu"]


# --8<-- [start:gated_core]
def _halves(x, axis, name):
    """Check input and axis; return (a, b, output dtype), a the first half along axis, b the second."""
    arr, out_dtype = as_float_array(x, name)
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"{name}: axis must be an int, got {type(axis).__name__}")
    if arr.ndim == 0:
        raise ValueError(f"{name}: input must have at least one dimension to split in halves")
    if not -arr.ndim <= axis < arr.ndim:
        raise ValueError(f"{name}: axis {axis} is out of range for an array with {arr.ndim} dimension(s)")
    if arr.shape[axis] % 2:
        raise ValueError(f"{name}: the size along axis {axis} must be even to split in halves, got {arr.shape[axis]}")
    a, b = np.split(arr, 2, axis=axis)
    return a, b, out_dtype


def _gate(a, g, sign):
    """a * g for a gate g whose exact sign is `sign`.

    An infinite value a times a gate that underflowed to 0 is still infinite (the exact gate is
    not 0); only an exactly closed gate (0 at b = -inf, or GELU and SiLU at b = 0) times an
    infinite value is nan, without a warning. A product beyond the largest float is inf, its
    correct rounding.
    """
    with np.errstate(invalid="ignore", over="ignore"):
        return np.where(np.isinf(a) & (sign != 0), a * sign, a * g)
# --8<-- [end:gated_core]


# --8<-- [start:glu]
def glu(x, axis=-1):
    """Gated linear unit: a * sigmoid(b), for the halves a and b of x along axis."""
    a, b, out_dtype = _halves(x, axis, "glu")
    return finish(_gate(a, _sigmoid(b), np.where(b == -np.inf, 0.0, 1.0)), out_dtype)
# --8<-- [end:glu]


# --8<-- [start:geglu]
def geglu(x, axis=-1):
    """GeGLU: a * GELU(b), for the halves a and b of x along axis."""
    a, b, out_dtype = _halves(x, axis, "geglu")
    return finish(_gate(a, _gelu(b), np.where(b == -np.inf, 0.0, np.sign(b))), out_dtype)
# --8<-- [end:geglu]


# --8<-- [start:swiglu]
def swiglu(x, axis=-1):
    """SwiGLU: a * SiLU(b) = a * b * sigmoid(b), for the halves a and b of x along axis."""
    a, b, out_dtype = _halves(x, axis, "swiglu")
    return finish(_gate(a, _silu(b), np.where(b == -np.inf, 0.0, np.sign(b))), out_dtype)
# --8<-- [end:swiglu]


# --8<-- [start:reglu]
def reglu(x, axis=-1):
    """ReGLU: a * ReLU(b) = a * max(b, 0), for the halves a and b of x along axis."""
    a, b, out_dtype = _halves(x, axis, "reglu")
    gate = np.where(b <= 0, 0.0, b)  # a nan passes through
    # + 0.0 makes the -0 of a negative value times a closed gate the 0 it is, as ReLU gives +0
    return finish(_gate(a, gate, np.sign(gate)) + 0.0, out_dtype)
# --8<-- [end:reglu]
