"""Time to execute the experiment notebooks (`make bench`): each in a kernel of its own, and all of a
language in one kernel, as `make figures` does."""

from pathlib import Path

import pytest

import notebook_outputs

SOURCES = sorted(notebook_outputs.SOURCES.glob("*.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: Path(s).stem)
def test_execute_experiment(benchmark, source):
    benchmark.pedantic(notebook_outputs.executed, args=(source,), rounds=3, iterations=1)


def _every_experiment_by_language() -> None:
    for lang in sorted({notebook_outputs.language(s) for s in SOURCES}):
        with notebook_outputs.kernel(lang) as kernel:
            for source in SOURCES:
                if notebook_outputs.language(source) == lang:
                    notebook_outputs.executed(source, kernel)


def test_execute_all_experiments_one_kernel_per_language(benchmark):
    benchmark.pedantic(_every_experiment_by_language, rounds=1, iterations=1)
