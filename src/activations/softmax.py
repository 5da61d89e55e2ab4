"""Softmax and log-softmax along one axis."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish, two_sum

__all__ = ["softmax", "log_softmax"]


def _prepare(x, axis, name):
    """Check input and axis; return the working array, output dtype and a normalised axis."""
    arr, out_dtype = as_float_array(x, name)
    if arr.ndim == 0:  # a scalar is a vector of one score
        arr = arr.reshape(1)
    if axis is None:  # the whole array is one vector of scores
        return arr.reshape(-1), out_dtype, 0
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"{name}: axis must be an int or None, got {type(axis).__name__}")
    if not -arr.ndim <= axis < arr.ndim:
        raise ValueError(f"{name}: axis {axis} is out of range for an array with {arr.ndim} dimension(s)")
    return arr, out_dtype, int(axis)


# --8<-- [start:shifted_exp]
def _shifted_exp(x, axis):
    """Return (d, err, exp(x - m), sum of exp(x - m) - 1, m) for the row maximum m.

    d + err is x - m exactly: d is the rounded difference and err its rounding error.

    Subtracting the row maximum m keeps every exponent <= 0, so exp cannot overflow and the
    largest term is exactly 1; by the shift identity the result does not change.
    """
    m = np.max(x, axis=axis, keepdims=True)
    with np.errstate(invalid="ignore"):  # inf - inf in rows that are all -inf or hold +inf
        # x - m is rounded; TwoSum recovers the rounding error so exp sees the exact difference.
        d, err = two_sum(x, -m)
    err = np.where(np.isfinite(err), err, 0.0)
    e = np.exp(d)
    e = e + e * err
    # Sum every term but one maximal one (which is exactly 1), so that log(sum) can be
    # computed as log1p(rest) without losing the small terms.
    first_max = np.zeros(x.shape, dtype=bool)
    np.put_along_axis(first_max, np.argmax(d == 0, axis=axis, keepdims=True), True, axis=axis)
    rest = np.sum(np.where(first_max, 0.0, e), axis=axis, keepdims=True)
    return d, err, e, rest, m
# --8<-- [end:shifted_exp]


def _infinite_rows(x, m, axis):
    """Rows whose maximum is infinite, which entries equal it, and how many there are.

    The entries at an infinite maximum share the probability equally: all of it goes to the
    +inf entries, and a row that is all -inf is uniform, the limit of equal scores.
    """
    is_top = x == m
    return np.isinf(m), is_top, np.sum(is_top, axis=axis, keepdims=True)


# --8<-- [start:softmax]
def softmax(x, axis=-1):
    """Softmax along `axis`: exp(x_i - max x) / sum_j exp(x_j - max x)."""
    arr, out_dtype, axis = _prepare(x, axis, "softmax")
    if arr.size == 0:
        return finish(arr.reshape(np.shape(x)), out_dtype)
    _, _, e, rest, m = _shifted_exp(arr, axis)
    p = e / (1.0 + rest)
    inf_row, is_top, count = _infinite_rows(arr, m, axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(inf_row, is_top / count, p)
    return finish(p.reshape(np.shape(x)), out_dtype)
# --8<-- [end:softmax]


# --8<-- [start:log_softmax]
def log_softmax(x, axis=-1):
    """Log-softmax along `axis`: (x_i - max x) - log(sum_j exp(x_j - max x))."""
    arr, out_dtype, axis = _prepare(x, axis, "log_softmax")
    if arr.size == 0:
        return finish(arr.reshape(np.shape(x)), out_dtype)
    d, err, _, rest, m = _shifted_exp(arr, axis)
    out = d + (err - np.log1p(rest))  # err would vanish in d + err alone
    inf_row, is_top, count = _infinite_rows(arr, m, axis)
    with np.errstate(divide="ignore"):
        out = np.where(inf_row, np.where(is_top, 0.0 - np.log(count), -np.inf), out)
    return finish(out.reshape(np.shape(x)), out_dtype)
# --8<-- [end:log_softmax]
