"""Time to execute the experiment notebooks in a fresh kernel, as `make figures` does (`make bench`)."""

from pathlib import Path

import pytest

import notebook_outputs

SOURCES = sorted(notebook_outputs.SOURCES.glob("*.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: Path(s).stem)
def test_execute_experiment(benchmark, source):
    benchmark.pedantic(notebook_outputs.executed, args=(source,), rounds=3, iterations=1)


def test_execute_all_experiments_one_after_another(benchmark):
    benchmark.pedantic(lambda: [notebook_outputs.executed(s) for s in SOURCES], rounds=1, iterations=1)
