"""The code shown on the pages runs, and the mistakes it shows still go wrong the way the pages say."""

from __future__ import annotations

import runpy

import numpy as np

from activations import softmax
from conftest import ROOT
from examples.pitfalls import in_place_softmax, naive_softmax, whole_array_softmax


def test_usage_example_runs(capsys):
    runpy.run_path(str(ROOT / "scripts" / "examples" / "usage.py"), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[0.11920292 0.5        0.8807971 ]"  # float32 prints 8 digits
    assert lines[-1] == "[0. 0. 3.]"


def test_naive_softmax_overflows_to_nan():
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.all(np.isnan(naive_softmax(np.array([1010.0, 1000.0, 990.0]))))
    np.testing.assert_allclose(naive_softmax(np.array([2.0, 10.0, 1.0, 4.0])), softmax([2, 10, 1, 4]), rtol=1e-15)


def test_in_place_softmax_mutates_the_callers_array():
    a = np.array([1010, 1000, 990])
    in_place_softmax(a)
    assert a.tolist() == [0, -10, -20]


def test_whole_array_softmax_does_not_normalise_rows():
    sums = whole_array_softmax(np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 7.0]])).sum(axis=-1)
    assert not np.allclose(sums, 1.0) and np.isclose(sums.sum(), 1.0)
