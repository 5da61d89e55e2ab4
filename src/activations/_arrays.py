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
