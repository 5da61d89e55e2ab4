"""Softmax, log-softmax, softmin and sparsemax along one axis."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, finish, two_sum

__all__ = ["softmax", "log_softmax", "softmin", "sparsemax"]


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


# --8<-- [start:softmin]
def softmin(x, axis=-1):
    """Softmin along `axis`: softmax(-x), so the smallest score gets the largest probability."""
    arr, out_dtype, axis = _prepare(x, axis, "softmin")
    return finish(softmax(-arr, axis).reshape(np.shape(x)), out_dtype)  # negation is exact
# --8<-- [end:softmin]


# --8<-- [start:sparsemax]
def sparsemax(x, axis=-1):
    """Sparsemax along `axis`: max(x_i - tau, 0), with tau such that the outputs sum to 1."""
    arr, out_dtype, axis = _prepare(x, axis, "sparsemax")
    if arr.size == 0:
        return finish(arr.reshape(np.shape(x)), out_dtype)
    m = np.max(arr, axis=axis, keepdims=True)
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf; -inf where the gap passes the largest float
        # By the shift identity sparsemax(x) = sparsemax(x - m); d + err is x - m exactly.
        d, err = two_sum(arr, -m)
    err = np.where(np.isfinite(err), err, 0.0)
    # tau - m lies in [-1, 0), so a score 1 or more below the maximum is never in the support;
    # clipping those at -1 keeps every sum finite and leaves the support unchanged.
    order = np.argsort(-np.maximum(d, -1.0), axis=axis, kind="stable")
    z = np.take_along_axis(np.maximum(d, -1.0), order, axis=axis)  # largest first, z_(1) = 0
    shape = [1] * arr.ndim
    shape[axis] = -1
    k = np.arange(1, arr.shape[axis] + 1, dtype=arr.dtype).reshape(shape)
    # The support is the k largest scores for the largest k with 1 + k z_(k) > z_(1) + ... + z_(k).
    size = np.maximum(np.sum(1.0 + k * z > np.cumsum(z, axis=axis), axis=axis, keepdims=True), 1)
    inside = k <= size
    # tau - m = (sum of the support - 1) / size, summed again pairwise with the rounding errors
    # of the differences, since every output is a difference with it.
    total = np.sum(np.where(inside, z, 0.0), axis=axis, keepdims=True)
    total_err = np.sum(np.where(inside, np.take_along_axis(err, order, axis=axis), 0.0), axis=axis, keepdims=True)
    tau = ((total - 1.0) + total_err) / size
    inf_row, is_top, count = _infinite_rows(arr, m, axis)
    with np.errstate(invalid="ignore", divide="ignore"):  # the rows with an infinite maximum, replaced here
        p = np.where(inf_row, is_top / count, np.maximum((d - tau) + err, 0.0))  # exact zeros outside the support
    return finish(p.reshape(np.shape(x)), out_dtype)
# --8<-- [end:sparsemax]
