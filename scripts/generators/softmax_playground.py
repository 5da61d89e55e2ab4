"""Data of the softmax playground: the worked example's classes, a few sets of scores to start
from and the temperatures its slider steps through, with the module's probabilities for each."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from activation_figures import module_files
from activations import REGISTRY, softmax
from formatting import show
from outputs import GENERATORS, Output
from softmax_outputs import CLASSES, OVERFLOW, SCORES

HERE = Path(__file__)
TEMPERATURES = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)  # softmax(x / T): below 1 sharper, above 1 flatter
# Scores to start from: the worked example, a close call, a tie, and scores so large that exp
# overflows unless the maximum is subtracted (the overflow example's, with a fourth class).
PRESETS = (("the worked example", tuple(SCORES)), ("a close call", (3.0, 3.5, 1.0, 3.25)),
           ("all equal", (1.0, 1.0, 1.0, 1.0)), ("very large scores", (*OVERFLOW, OVERFLOW[1])))


def data() -> dict:
    """Classes, presets and temperatures, with the module's probabilities for every pair."""
    table = []
    for _, scores in PRESETS:
        rows = []
        for t in TEMPERATURES:
            p = softmax(np.array(scores, dtype=float) / t)
            rows.append({"p": [float(v) for v in p], "shown": [show(float(v)) for v in p]})
        table.append(rows)
    return {
        "classes": [f"{ko} ({en})" for ko, en in CLASSES],
        "presets": [{"name": name, "scores": [float(s) for s in scores]} for name, scores in PRESETS],
        "temperatures": list(TEMPERATURES), "default": TEMPERATURES.index(1.0), "table": table,
    }


def render() -> bytes:
    return (json.dumps(data(), ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def outputs() -> list[Output]:
    deps = (*module_files(REGISTRY["softmax"]), HERE, GENERATORS / "softmax_outputs.py", GENERATORS / "formatting.py")
    return [Output("interactive/softmax-playground.json", render, deps)]
