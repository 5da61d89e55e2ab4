"""Shared test helpers: the scripts folder on the path, and the public functions under test."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import activations  # noqa: E402

# Every public function, with how to call it on one array: elementwise functions and both
# directions of each registry entry, plus the vector functions.
PUBLIC = {name: getattr(activations, name) for name in activations.__all__ if callable(getattr(activations, name))
          and name not in ("Activation",)}


def ulp_error(got: np.ndarray, exact: list, dtype) -> tuple[float, float]:
    """Largest |got - exact| in ULPs of the exact value (rounded to dtype), over points where the
    exact value is a normal float of dtype; also returns the x-independent count of points used."""
    import mpmath as mp

    info = np.finfo(dtype)
    worst, used = 0.0, 0
    for g, e in zip(np.ravel(got), exact):
        fe = float(e)
        if not np.isfinite(fe) or not info.tiny <= abs(fe) <= info.max:
            continue
        unit = float(np.spacing(dtype(abs(fe))))
        worst = max(worst, float(abs(mp.mpf(float(g)) - e)) / unit)
        used += 1
    return worst, used
