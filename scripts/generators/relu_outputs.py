"""ReLU facts and tables: the derivative's convention at 0, and how a unit dies."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from activation_figures import module_files
from activations import REGISTRY, relu, relu_derivative
from formatting import generated, short, table
from messages import _
from outputs import GENERATORS, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/relu_outputs.py"
ENTRY = REGISTRY["relu"]
SEED = 3
SAMPLES = 10_000
BIASES = [1.0, 0.0, -1.0, -2.0, -3.0, -5.0]


def dying_rows() -> list[tuple[float, float, float, float, float]]:
    """One ReLU unit z = w.x + b with |w| = 1 on standard normal inputs, for each bias b: the share of
    inputs with z > 0, the mean output, and the gradients of the mean output for b and for w."""
    rng = np.random.default_rng(SEED)
    x = rng.normal(size=(SAMPLES, 2))
    w = np.array([0.6, 0.8])
    rows = []
    for b in BIASES:
        z = x @ w + b
        slope = relu_derivative(z)
        # each input counts only if its z > 0: d(mean output)/db is the mean slope, d/dw the mean of slope * x
        rows.append((b, float(np.mean(z > 0)), float(np.mean(relu(z))), float(slope.mean()),
                     float(np.linalg.norm((slope[:, None] * x).mean(axis=0)))))
    return rows


def dying_table() -> bytes:
    rows = [[short(b), f"{short(100 * active)} %", short(mean), short(grad_b), short(grad_w)]
            for b, active, mean, grad_b, grad_w in dying_rows()]
    return generated(SOURCE, table([_("bias b"), _("inputs with z > 0"), _("mean output"), _("gradient for b"),
                                    _("gradient norm for w")], rows, "rrrrr"))


def dying_trend() -> str:
    """What the table shows as the bias falls, each statement checked against its rows."""
    rows = dying_rows()  # biases in falling order
    grad_b, grad_w = [r[3] for r in rows], [r[4] for r in rows]
    peak = int(np.argmax(grad_w))
    if any(a < c for a, c in zip(grad_b, grad_b[1:])) or any(a < c for a, c in zip(grad_w[peak:], grad_w[peak + 1:])):
        raise ValueError("the dying table no longer shows both gradients falling as the bias falls")
    if rows[-1][1] != 0 or grad_b[-1] != 0 or grad_w[-1] != 0:
        raise ValueError("the last row of the dying table has active inputs")
    return _("As the bias falls, fewer inputs reach the active side. The gradient for $b$ is the mean slope, which is "
             "the share of inputs with $z > 0$, and it falls with that share. The gradient for $w$ is largest at "
             "$b = {peak}$, where the inputs straddle the kink, and falls as the bias drops below that. At $b = {last}$ "
             "no input of the sample is active, and both gradients are exactly 0.").format(
        peak=short(BIASES[peak]), last=short(BIASES[-1]))


def facts() -> bytes:
    at, left, right = (float(relu_derivative(v)) for v in (0.0, -1e-300, 1e-300))
    convention = _("At $x = 0$ the slope jumps from {left} to {right}, so the derivative does not exist there; this "
                   "module returns $\\operatorname{{ReLU}}'(0) = {at}$, the value PyTorch, TensorFlow and JAX use as "
                   "well.").format(left=short(left), right=short(right), at=short(at))
    samples = _("The table uses {samples} standard normal inputs and a weight vector of length 1, so $z$ is normal "
                "with mean $b$ and standard deviation 1.").format(samples=f"{SAMPLES:,}")
    body = (f"<!-- --8<-- [start:convention] -->\n{convention}\n<!-- --8<-- [end:convention] -->\n"
            f"<!-- --8<-- [start:samples] -->\n{samples}\n<!-- --8<-- [end:samples] -->\n"
            f"<!-- --8<-- [start:trend] -->\n{dying_trend()}\n<!-- --8<-- [end:trend] -->\n")
    return generated(SOURCE, body)


def outputs() -> list[Output]:
    deps = (*module_files(ENTRY), HERE, GENERATORS / "formatting.py")
    return [Output("tables/relu-dying.md", dying_table, deps), Output("facts/relu.md", facts, deps)]
