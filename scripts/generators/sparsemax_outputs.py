"""Sparsemax next to softmax on the worked example's four scores, at a few temperatures."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from activation_figures import module_files
from activations import REGISTRY, softmax, sparsemax
from formatting import generated, show, table
from messages import _
from outputs import GENERATORS, Output
from softmax_outputs import CLASSES, SCORES, class_label

SOURCE = "scripts/generators/sparsemax_outputs.py"
# Powers of two, so that every score divided by T is exact and so is each sparsemax output.
TEMPERATURES = (1, 8, 16)


def threshold(z: np.ndarray, p: np.ndarray) -> float:
    """tau, read off the result: every class in the support gets its score minus tau."""
    top = int(np.argmax(p))
    return float(z[top] - p[top])


def seed_table() -> bytes:
    rows = []
    for t in TEMPERATURES:
        z = np.array(SCORES, dtype=float) / t
        scores = "z" if t == 1 else f"z / {t}"
        for name, p in (("softmax", softmax(z)), ("sparsemax", sparsemax(z))):
            tau = show(threshold(z, p)) if name == "sparsemax" else "—"
            rows.append([scores, name, *(show(float(v)) for v in p), str(int(np.count_nonzero(p))), tau])
    header = [_("scores"), _("function"), *(class_label(ko, en) for ko, en in CLASSES), _("support size"), "τ"]
    return generated(SOURCE, table(header, rows, "ll" + "r" * (len(CLASSES) + 2)))


def outputs() -> list[Output]:
    deps = (*module_files(REGISTRY["sparsemax"]), Path(__file__), GENERATORS / "softmax_outputs.py",
            GENERATORS / "formatting.py")
    return [Output("tables/sparsemax-seed.md", seed_table, deps)]
