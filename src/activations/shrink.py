"""Thresholding units: hard and soft shrinkage, tanhshrink, and the threshold unit."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, check_param, finish

__all__ = ["hard_shrink", "hard_shrink_derivative", "soft_shrink", "soft_shrink_derivative", "tanh_shrink",
           "tanh_shrink_derivative", "threshold", "threshold_derivative"]


def _lambd(value, fname: str) -> float:
    lam = check_param(value, "lambd", fname)
    if lam < 0:
        raise ValueError(f"{fname}: lambd must be >= 0, got {lam}")
    return lam


# --8<-- [start:hard_shrink]
def hard_shrink(x, lambd=0.5):
    """Hard shrinkage: x where |x| > lambd, 0 where |x| <= lambd."""
    x, out_dtype = as_float_array(x, "hard_shrink")
    lam = _lambd(lambd, "hard_shrink")
    # The comparison is false for nan, so nan takes the x branch and passes through.
    return finish(np.where(np.abs(x) <= lam, 0.0, x), out_dtype)
# --8<-- [end:hard_shrink]


# --8<-- [start:hard_shrink_derivative]
def hard_shrink_derivative(x, lambd=0.5):
    """Derivative of hard shrinkage: 1 for |x| > lambd, 0 for |x| <= lambd (0 at the jumps by convention)."""
    x, out_dtype = as_float_array(x, "hard_shrink_derivative")
    lam = _lambd(lambd, "hard_shrink_derivative")
    return finish(np.where(np.isnan(x), x, (np.abs(x) > lam).astype(x.dtype)), out_dtype)
# --8<-- [end:hard_shrink_derivative]


# --8<-- [start:soft_shrink]
def soft_shrink(x, lambd=0.5):
    """Soft shrinkage: sign(x) max(|x| - lambd, 0), each input moved lambd towards 0."""
    x, out_dtype = as_float_array(x, "soft_shrink")
    lam = _lambd(lambd, "soft_shrink")
    # x - clip(x) is x - lambd, x + lambd or exactly 0, one rounding each; clip keeps nan, and
    # +-inf stay infinite. `+ 0.0` makes the 0 of x = -0.0 a +0.0.
    return finish(x - np.clip(x, -lam, lam) + 0.0, out_dtype)
# --8<-- [end:soft_shrink]


# --8<-- [start:soft_shrink_derivative]
def soft_shrink_derivative(x, lambd=0.5):
    """Derivative of soft shrinkage: 1 for |x| > lambd, 0 for |x| <= lambd (0 at both kinks by convention)."""
    x, out_dtype = as_float_array(x, "soft_shrink_derivative")
    lam = _lambd(lambd, "soft_shrink_derivative")
    return finish(np.where(np.isnan(x), x, (np.abs(x) > lam).astype(x.dtype)), out_dtype)
# --8<-- [end:soft_shrink_derivative]


# --8<-- [start:tanh_shrink]
_CF_CUT = 2.0  # below it the continued fraction; from 2 up x - tanh x exceeds tanh x, so no digit cancels
_CF_DEPTH = 12  # levels of the continued fraction: truncated there, it is off by less than 2^-60 for |x| < 2


def tanh_shrink(x):
    """Tanhshrink, x - tanh(x), without the cancellation of that difference near 0."""
    x, out_dtype = as_float_array(x, "tanh_shrink")
    out = np.empty_like(x)
    near = np.abs(x) < _CF_CUT  # false for nan and +-inf
    far = ~near
    out[far] = x[far] - np.tanh(x[far])
    # Lambert's continued fraction tanh x = x / (1 + q), q = x^2 / (3 + r), r = x^2 / (5 + ...),
    # gives x - tanh x = x q / (1 + q) = x^3 / (3 + r + x^2): sums of positive terms only, so no
    # digit cancels (near 0 the difference is x^3 / 3, which x - tanh(x) would compute from two
    # nearly equal numbers).
    v = x[near]
    s = v * v
    r = s / (2 * _CF_DEPTH + 1)
    for k in range(_CF_DEPTH - 1, 1, -1):
        r = s / ((2 * k + 1) + r)
    out[near] = v * s / ((3.0 + r) + s)
    return finish(out, out_dtype)
# --8<-- [end:tanh_shrink]


# --8<-- [start:tanh_shrink_derivative]
def tanh_shrink_derivative(x):
    """Derivative of tanhshrink: 1 - (1 - tanh^2 x) = tanh^2 x."""
    x, out_dtype = as_float_array(x, "tanh_shrink_derivative")
    return finish(np.tanh(x) ** 2, out_dtype)
# --8<-- [end:tanh_shrink_derivative]


# --8<-- [start:threshold]
def threshold(x, threshold=0.0, value=0.0):
    """Threshold unit: x where x > threshold, value elsewhere (ReLU with the defaults 0 and 0)."""
    x, out_dtype = as_float_array(x, "threshold")
    t = check_param(threshold, "threshold", "threshold")
    v = check_param(value, "value", "threshold")
    # The comparison is false for nan, so nan takes the x branch and passes through.
    return finish(np.where(x <= t, v, x) + 0.0, out_dtype)
# --8<-- [end:threshold]


# --8<-- [start:threshold_derivative]
def threshold_derivative(x, threshold=0.0, value=0.0):
    """Derivative of the threshold unit: 1 for x > threshold, 0 for x <= threshold (0 there by convention)."""
    x, out_dtype = as_float_array(x, "threshold_derivative")
    t = check_param(threshold, "threshold", "threshold_derivative")
    check_param(value, "value", "threshold_derivative")
    return finish(np.where(np.isnan(x), x, (x > t).astype(x.dtype)), out_dtype)
# --8<-- [end:threshold_derivative]
