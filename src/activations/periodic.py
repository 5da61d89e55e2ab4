"""The periodic activations: sine (as in SIREN) and Snake."""

from __future__ import annotations

import numpy as np

from ._arrays import as_float_array, check_param, finish

__all__ = ["sine", "sine_derivative", "snake", "snake_derivative"]


# --8<-- [start:sine]
def _sin_cos(x, w):
    """(sin(w x), cos(w x)) for the product w x rounded once, also where it exceeds the largest float."""
    # sin has no limit at +-inf; numpy would warn about an invalid value, nan says it plainly.
    x = np.where(np.isinf(x), np.nan, x)
    with np.errstate(over="ignore"):
        y = w * x
    over = np.isinf(y)
    y = np.where(over, 0.0, y)
    s, c = np.asarray(np.sin(y)), np.asarray(np.cos(y))  # arrays even for 0-d input, to fill in below
    if np.any(over):
        # w x is a finite real number beyond every float: take sin and cos of w x / 2^k, where it
        # fits, and double the angle k times. The problem is then so ill-conditioned (x cot(w x)
        # near 1e300) that only the bounds [-1, 1] carry meaning, and the doubling keeps them.
        h, scale, k = x[over], w, 0
        while True:  # w > 1 here, so halving it is exact
            scale, k = scale / 2, k + 1
            with np.errstate(over="ignore"):
                part = scale * h
            if np.all(np.isfinite(part)):
                break
        sh, ch = np.sin(part), np.cos(part)
        for _ in range(k):
            sh, ch = 2 * sh * ch, (ch - sh) * (ch + sh)
        s[over], c[over] = sh, ch
    return s, c


def sine(x, omega_0=1.0):
    """Sine with frequency omega_0, sin(omega_0 x); nan at +-inf, where it has no limit."""
    x, out_dtype = as_float_array(x, "sine")
    return finish(_sin_cos(x, check_param(omega_0, "omega_0", "sine", positive=True))[0], out_dtype)
# --8<-- [end:sine]


# --8<-- [start:sine_derivative]
def sine_derivative(x, omega_0=1.0):
    """Derivative of the sine: omega_0 cos(omega_0 x); nan at +-inf."""
    x, out_dtype = as_float_array(x, "sine_derivative")
    w = check_param(omega_0, "omega_0", "sine_derivative", positive=True)
    return finish(w * _sin_cos(x, w)[1], out_dtype)
# --8<-- [end:sine_derivative]


# --8<-- [start:snake]
def snake(x, a=1.0):
    """Snake, x + sin^2(a x) / a: the identity plus a periodic ripple; +-inf at +-inf."""
    x, out_dtype = as_float_array(x, "snake")
    a = check_param(a, "a", "snake", positive=True)
    s = _sin_cos(x, a)[0]
    # sin^2, not the equal (1 - cos(2 a x)) / 2, which cancels for small a x: at a x = 1e-8 it keeps
    # no correct digit of the ripple, which is then still 1e-8 of x.
    with np.errstate(over="ignore"):  # x near the largest float: the exact result is beyond it
        return finish(np.where(np.isinf(x), x, x + s * s / a), out_dtype)
# --8<-- [end:snake]


# --8<-- [start:snake_derivative]
def snake_derivative(x, a=1.0):
    """Derivative of Snake: 1 + sin(2 a x) = (sin(a x) + cos(a x))^2; nan at +-inf, where it has no limit."""
    x, out_dtype = as_float_array(x, "snake_derivative")
    a = check_param(a, "a", "snake_derivative", positive=True)
    s, c = _sin_cos(x, a)
    with np.errstate(over="ignore"):
        t = 2 * (a * x)  # exactly twice the product whose sine and cosine s and c are
    sin_t = np.sin(np.where(np.isfinite(t), t, 0.0))
    # 1 + sin(2 a x) cancels as it nears its zeros (sin(2 a x) near -1), where the squared form keeps
    # the digits; elsewhere the sum is the more accurate of the two.
    squared = ~np.isfinite(t) | (sin_t < -0.95)
    return finish(np.where(squared, (s + c) ** 2, 1 + sin_t), out_dtype)
# --8<-- [end:snake_derivative]
