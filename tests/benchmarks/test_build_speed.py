"""Time of `make figures` when nothing changed, in a fresh interpreter as make runs it (`make bench`)."""

import subprocess
import sys

from conftest import ROOT

import generate


def test_no_op_make_figures(benchmark):
    generate.main()  # bring docs/generated up to date first: what is timed is the run after it
    command = [sys.executable, str(ROOT / "scripts" / "generate.py")]
    result = benchmark.pedantic(subprocess.run, args=(command,), kwargs={"capture_output": True, "text": True, "check": True},
                                rounds=5, iterations=1)
    assert "nothing changed" in result.stdout
