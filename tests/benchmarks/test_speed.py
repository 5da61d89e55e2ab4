"""Timings of the public functions on large arrays (`make bench`; skipped by `make test`)."""

import numpy as np
import pytest

from activations import REGISTRY, log_softmax, softmax

N = 1_000_000
rng = np.random.default_rng(0)
X64 = rng.normal(0, 5, N)
X32 = X64.astype(np.float32)
BATCH = rng.normal(0, 5, (1000, 1000))


ELEMENTWISE = [f for a in REGISTRY.values() if a.elementwise for f in (a.fn, a.derivative)]
GATED = [a.fn for a in REGISTRY.values() if a.family == "Gated"]


@pytest.mark.parametrize("f", ELEMENTWISE, ids=lambda f: f.__name__)
@pytest.mark.parametrize("x", [X64, X32], ids=["float64", "float32"])
def test_elementwise(benchmark, f, x):
    benchmark(f, x)


@pytest.mark.parametrize("f", GATED, ids=lambda f: f.__name__)
def test_gated(benchmark, f):
    benchmark(f, X64.reshape(-1, 2))


@pytest.mark.parametrize("f", [softmax, log_softmax], ids=lambda f: f.__name__)
def test_rows(benchmark, f):
    benchmark(f, BATCH)


def test_numpy_exp_for_scale(benchmark):
    """A bare np.exp over the same array: the floor any exponential-based activation pays."""
    benchmark(np.exp, X64)
