"""Timings of the public functions on large arrays (`make bench`; skipped by `make test`)."""

import numpy as np
import pytest

from activations import log_softmax, relu, relu_derivative, sigmoid, sigmoid_derivative, softmax

N = 1_000_000
rng = np.random.default_rng(0)
X64 = rng.normal(0, 5, N)
X32 = X64.astype(np.float32)
BATCH = rng.normal(0, 5, (1000, 1000))


@pytest.mark.parametrize("f", [sigmoid, sigmoid_derivative, relu, relu_derivative], ids=lambda f: f.__name__)
@pytest.mark.parametrize("x", [X64, X32], ids=["float64", "float32"])
def test_elementwise(benchmark, f, x):
    benchmark(f, x)


@pytest.mark.parametrize("f", [softmax, log_softmax], ids=lambda f: f.__name__)
def test_rows(benchmark, f):
    benchmark(f, BATCH)


def test_numpy_exp_for_scale(benchmark):
    """A bare np.exp over the same array: the floor any exponential-based activation pays."""
    benchmark(np.exp, X64)
