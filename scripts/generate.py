"""Write every figure and table the pages include into docs/generated/: `make figures`.

Each *_outputs.py / *_figures.py module in generators/ lists its outputs; an output is rendered
only when what it depends on changed, and written only when its bytes changed (see
generators/outputs.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "generators"))  # they import one another by name

import activation_figures  # noqa: E402
import vector_figures  # noqa: E402
import catalogue_facts  # noqa: E402
import glossary_outputs  # noqa: E402
import interactive_figures  # noqa: E402
import notebook_outputs  # noqa: E402
import references_outputs  # noqa: E402
import registry_outputs  # noqa: E402
import relu_outputs  # noqa: E402
import rrelu_outputs  # noqa: E402
import sigmoid_outputs  # noqa: E402
import softmax_outputs  # noqa: E402
import softmax_playground  # noqa: E402
import sparsemax_outputs  # noqa: E402
import why_outputs  # noqa: E402
from messages import translated_twins  # noqa: E402
from outputs import GENERATED, Output, generate  # noqa: E402

MODULES = (activation_figures, interactive_figures, vector_figures, catalogue_facts, notebook_outputs, sigmoid_outputs, relu_outputs, rrelu_outputs, softmax_outputs, sparsemax_outputs, softmax_playground, why_outputs, registry_outputs, references_outputs, glossary_outputs)


def all_outputs() -> list[Output]:
    english = [o for module in MODULES for o in module.outputs()]
    return english + translated_twins(english)


def main(out_dir: Path = GENERATED) -> int:
    start = time.perf_counter()
    report = generate(all_outputs(), out_dir)
    for label, paths in (("written", report.written), ("removed", report.removed)):
        for path in paths:
            print(f"  {label}: {path}")
    print(f"figures and tables: {len(report.written)} written, {len(report.unchanged)} rendered but unchanged, "
          f"{len(report.fresh)} up to date, {len(report.removed)} removed "
          f"({time.perf_counter() - start:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else GENERATED))
