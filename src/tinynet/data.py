"""Small two-dimensional classification datasets, the same on every run for a given seed."""

from __future__ import annotations

import numpy as np

CORNERS = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])


def xor_blobs(per_corner: int, spread: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clouds around the corners of [-1, 1]^2; label 1 where exactly one coordinate is positive."""
    rng = np.random.default_rng(seed)
    x = np.repeat(CORNERS, per_corner, axis=0) + rng.normal(0.0, spread, (4 * per_corner, 2))
    return x, np.repeat([0, 1, 1, 0], per_corner)


def moons(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles (n points each, centred on the origin) with Gaussian noise."""
    rng = np.random.default_rng(seed)
    t = rng.uniform(0.0, np.pi, (2, n))
    upper = np.column_stack([np.cos(t[0]), np.sin(t[0])])
    lower = np.column_stack([1.0 - np.cos(t[1]), 0.5 - np.sin(t[1])])
    x = np.vstack([upper, lower]) - [0.5, 0.25] + rng.normal(0.0, noise, (2 * n, 2))
    return x, np.repeat([0, 1], n)
