"""ReLU facts and tables: the derivative's convention at 0, and how a unit dies."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from activation_figures import module_files
from activations import REGISTRY, relu, relu_derivative
from formatting import generated, short, table
from outputs import ROOT, Output

HERE = Path(__file__)
SOURCE = "scripts/relu_outputs.py"
ENTRY = REGISTRY["relu"]
SEED = 3
SAMPLES = 10_000
BIASES = [1.0, 0.0, -1.0, -2.0, -3.0, -5.0]


def dying_table() -> bytes:
    """One ReLU unit z = w.x + b with |w| = 1 on standard normal inputs, for several biases b."""
    rng = np.random.default_rng(SEED)
    x = rng.normal(size=(SAMPLES, 2))
    w = np.array([0.6, 0.8])
    rows = []
    for b in BIASES:
        z = x @ w + b
        slope = relu_derivative(z)
        # gradient of the mean output with respect to w: each input counts only if its z > 0
        grad = (slope[:, None] * x).mean(axis=0)
        rows.append([short(b), f"{short(100 * float(np.mean(z > 0)))} %", short(float(np.mean(relu(z)))),
                     short(float(np.linalg.norm(grad)))])
    return generated(SOURCE, table(["bias b", "inputs with z > 0", "mean output", "gradient norm for w"], rows, "rrrr"))


def facts() -> bytes:
    at, left, right = (float(relu_derivative(v)) for v in (0.0, -1e-300, 1e-300))
    body = (f"<!-- --8<-- [start:convention] -->\nAt $x = 0$ the slope jumps from {short(left)} to {short(right)}, so "
            f"the derivative does not exist there; this module returns $\\operatorname{{ReLU}}'(0) = {short(at)}$, the "
            f"value PyTorch, TensorFlow and JAX use as well.\n<!-- --8<-- [end:convention] -->\n"
            f"<!-- --8<-- [start:samples] -->\nThe table uses {SAMPLES:,} standard normal inputs and a weight vector "
            f"of length 1, so $z$ is normal with mean $b$ and standard deviation 1.\n<!-- --8<-- [end:samples] -->\n")
    return generated(SOURCE, body)


def outputs() -> list[Output]:
    deps = (*module_files(ENTRY), HERE, ROOT / "scripts" / "formatting.py")
    return [Output("tables/relu-dying.md", dying_table, deps), Output("facts/relu.md", facts, deps)]
