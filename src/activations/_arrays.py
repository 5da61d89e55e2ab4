"""Input checking and dtype handling shared by every activation."""

from __future__ import annotations

from typing import Any

import numpy as np

# float16 has too little range for intermediate terms such as exp(x), so it and float32 are
# computed in float64 and rounded once at the end; this also makes their results nearly always
# correctly rounded.
_WORKING = np.float64


def as_float_array(x: Any, name: str) -> tuple[np.ndarray, np.dtype]:
    """Return (x as a new float64 working array, dtype of the result) or raise for bad input."""
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(f"{name}: expected a number or an array of numbers, got {type(x).__name__}")
    try:
        arr = np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise ValueError(f"{name}: input is not a rectangular array of numbers ({err})") from None
    kind = arr.dtype.kind
    if kind in "biu":
        out_dtype = np.dtype(np.float64)
    elif kind == "f":
        out_dtype = arr.dtype
        if arr.dtype.itemsize > 8:
            raise TypeError(f"{name}: dtype {arr.dtype} is not supported; use float16, float32 or float64")
    elif kind == "c":
        raise TypeError(f"{name}: complex input is not supported (dtype {arr.dtype})")
    else:
        raise TypeError(f"{name}: expected numbers, got an array of dtype {arr.dtype}")
    # astype always copies, so nothing below can write into the caller's array.
    return arr.astype(_WORKING, copy=True), out_dtype


def finish(result: np.ndarray, out_dtype: np.dtype) -> np.ndarray | np.floating:
    """Round the working result to the output dtype; 0-d results become numpy scalars."""
    # A result beyond the output dtype's range (log_softmax of huge float16 scores, say) rounds
    # to +-inf, which is the correctly rounded value; numpy would warn about the cast.
    with np.errstate(over="ignore"):
        out = result.astype(out_dtype, copy=False)
    return out[()] if out.ndim == 0 else out


def check_param(value: Any, name: str, fname: str, positive: bool = False) -> float:
    """Return a parameter as a float, or raise if it is not a finite real number (> 0 if asked)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{fname}: {name} must be a real number, got {type(value).__name__}")
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(f"{fname}: {name} must be finite, got {v}")
    if positive and v <= 0:
        raise ValueError(f"{fname}: {name} must be > 0, got {v}")
    return v


def finite(x: np.ndarray) -> np.ndarray:
    """x with +-inf replaced by the largest finite floats (nan stays nan).

    Products like x * sigmoid(x) would meet inf * 0 at -inf; at the largest finite input the
    same formulas give the limit without an invalid operation.
    """
    big = np.finfo(x.dtype).max
    return np.clip(x, -big, big)


def two_sum(a, b):
    """(s, e) with s = fl(a + b) and a + b = s + e exactly (Knuth's TwoSum, any order of magnitude)."""
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)


def two_product(a: np.ndarray, b: float) -> tuple[np.ndarray, np.ndarray]:
    """(p, e) with p = fl(a b) and a b = p + e exactly (Dekker), for |a b| well inside range."""
    p = a * b
    split = 134217729.0  # 2^27 + 1: Veltkamp's splitting constant for float64
    ta = split * a
    a_hi = ta - (ta - a)
    a_lo = a - a_hi
    tb = split * b
    b_hi = tb - (tb - b)
    b_lo = b - b_hi
    e = ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    return p, e
