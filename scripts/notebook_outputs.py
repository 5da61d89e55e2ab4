"""The downloadable .ipynb of every experiment, written from its jupytext source with stable cell ids."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat

from outputs import ROOT, Output

HERE = Path(__file__)
SOURCES = ROOT / "docs" / "experiments"


def notebook_bytes(source: Path) -> bytes:
    nb = jupytext.reads(source.read_text(encoding="utf-8"), fmt="py:percent")
    for i, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{i}"  # jupytext would draw random ids, and two builds would differ
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                   "language_info": {"name": "python"}}
    return (nbformat.writes(nb) + "\n").encode()


def outputs() -> list[Output]:
    return [Output(f"notebooks/{src.stem}.ipynb", lambda s=src: notebook_bytes(s), (src, HERE))
            for src in sorted(SOURCES.glob("*.py"))]
