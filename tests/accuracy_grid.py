"""The ULP errors of every elementwise entry on test_accuracy's dense grid, against exact.py.

One series is an entry's function or derivative in one dtype: about 19,000 points, each with an
exact value from mpmath, seconds of pure-Python work per series. A test session computes the series
its tests check in processes of the lowest priority, which take only the cores the other tests leave
idle (tests/conftest.py: `_begun`); test_accuracy.py asserts on the errors they return.
"""

from __future__ import annotations

import os
import warnings
from functools import cache

import mpmath as mp
import numpy as np

from activations import REGISTRY
from exact import ELEMENTWISE, ulp_errors

Series = tuple[str, int, str]  # (slug, 0 for the function or 1 for its derivative, dtype name)

# mutmut learns which tests call a function by watching the calls in its own process: under it
# (tests/mutation_plugin.py) each test computes the series it checks itself (OnDemand).
IN_THIS_PROCESS = False


@cache
def grid(dtype) -> np.ndarray:
    """Dense on [-40, 40], plus log-spaced magnitudes from near the smallest normal to the largest float."""
    info = np.finfo(dtype)
    dense = np.linspace(-40, 40, 16001)
    with np.errstate(over="ignore"):
        wide = np.geomspace(float(info.tiny), float(info.max), 1500).astype(dtype)
    wide[-1] = info.max  # geomspace's last point can round above the largest float
    return np.unique(np.concatenate([dense.astype(dtype), wide, -wide]))


def exact_value(slug: str, which: int, x) -> mp.mpf:
    """The entry's function (which=0) or derivative (1) at the float x, to 50 digits."""
    return ELEMENTWISE[slug][which](mp.mpf(float(x)))


def series(entry, which: int, dtype) -> Series:
    """The series of an entry's function (which=0) or derivative (1) in dtype."""
    return entry.slug, which, np.dtype(dtype).name


def errors(of: Series) -> np.ndarray:
    """|module - exact| in ULP at every point of grid(dtype) (exact.ulp_errors)."""
    slug, which, name = of
    dtype = np.dtype(name).type
    entry = REGISTRY[slug]
    x = grid(dtype)
    with warnings.catch_warnings():  # a warning fails the series, as it fails a test
        warnings.simplefilter("error")
        got = (entry.fn if which == 0 else entry.derivative)(x)
    return ulp_errors(got, [exact_value(slug, which, v) for v in x], dtype)


def _lowest_priority() -> None:
    os.nice(19)


def all_errors(wanted: list[Series], workers: int = 2) -> dict[Series, np.ndarray]:
    """errors() of every series wanted, in `workers` processes of the lowest priority."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_lowest_priority) as pool:
        return dict(zip(wanted, pool.map(errors, wanted)))


class OnDemand(dict):
    """Series -> errors(), each computed in this process the first time a test asks for it."""

    def __missing__(self, of: Series) -> np.ndarray:
        self[of] = errors(of)
        return self[of]
