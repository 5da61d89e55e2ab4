"""Sigmoid facts and tables: the 0.5 threshold, the derivative's peak, vanishing gradients, range."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from activation_figures import derivative_peak, module_files
from activations import REGISTRY, relu_derivative, sigmoid
from formatting import exact_or_short, generated, outward, short, table
from messages import _
from outputs import GENERATORS, ROOT, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/sigmoid_outputs.py"
ENTRY = REGISTRY["sigmoid"]
DEPTHS = [1, 2, 3, 5, 10, 20, 30, 50]
RANGE_INPUTS = [-800.0, -745.0, -100.0, -20.0, 0.0, 20.0, 37.0, 100.0]


def first_x_where(predicate, lo: float, hi: float, dtype) -> float:
    """Smallest float x of dtype in (lo, hi] with predicate(x), for predicate monotone in x."""
    lo, hi = dtype(lo), dtype(hi)
    while np.nextafter(lo, hi) != hi:
        # Some float lies strictly between lo and hi, and any such float is nearer their midpoint
        # than lo and hi are: so the rounded midpoint is never lo or hi, and the loop ends.
        mid = dtype(lo + (hi - lo) / 2)
        lo, hi = (lo, mid) if predicate(mid) else (mid, hi)
    return float(hi)


def section(name: str, text: str) -> str:
    return f"<!-- --8<-- [start:{name}] -->\n{text}\n<!-- --8<-- [end:{name}] -->\n"


def facts() -> bytes:
    px, py = derivative_peak(ENTRY)
    one64 = first_x_where(lambda x: sigmoid(x) == 1.0, 0, 100, np.float64)
    one32 = first_x_where(lambda x: sigmoid(np.float32(x)) == 1.0, 0, 100, np.float32)
    # The largest x that still rounds to 0, found from the other side: sigma(-x) == 0 from there on.
    zero64 = -first_x_where(lambda x: sigmoid(-x) == 0.0, 0, 1000, np.float64)
    zero32 = -first_x_where(lambda x: sigmoid(np.float32(-x)) == 0.0, 0, 1000, np.float32)
    body = section("threshold", _(
        "At $x = 0$ the sigmoid is exactly $\\sigma(0) = {half}$, so a binary classifier predicts class 1 when "
        "$\\sigma(x) \\ge {half}$, which is the same as a score $x \\ge 0$.").format(half=short(float(sigmoid(0.0)))))
    body += section("peak", _("The derivative is largest at $x = {x}$, where $\\sigma'({x}) = {y}$.").format(
        x=short(px), y=short(py)))
    body += section("rounding", _(
        "In float64, $\\sigma(x)$ rounds to exactly 1 for every $x \\ge {one64}$ (float32: $x \\ge {one32}$), and to "
        "exactly 0 for every $x \\le {zero64}$ (float32: $x \\le {zero32}$).").format(
        one64=outward(one64, 1), one32=outward(one32, 1), zero64=outward(zero64, -1), zero32=outward(zero32, -1)))
    return generated(SOURCE, body)


def vanishing_table() -> bytes:
    peak = derivative_peak(ENTRY)[1]
    active = float(relu_derivative(1.0))
    rows = [[str(n), exact_or_short(peak**n), exact_or_short(active**n)] for n in DEPTHS]
    return generated(SOURCE, table(
        [_("layers n"), _("sigmoid: at most {peak}<sup>n</sup>").format(peak=short(peak)),
         _("ReLU, active path: {slope}<sup>n</sup>").format(slope=short(active))],
        rows, "rrr"))


def range_table() -> bytes:
    rows = [[short(x), str(sigmoid(np.float64(x))), str(sigmoid(np.float32(x)))] for x in RANGE_INPUTS]
    return generated(SOURCE, table(["x", _("σ(x) in float64"), _("σ(x) in float32")], rows, "rrr"))


def outputs() -> list[Output]:
    deps = (*module_files(ENTRY), ROOT / "src" / "activations" / "relu.py", HERE,
            GENERATORS / "formatting.py", GENERATORS / "activation_figures.py",
            GENERATORS / "properties.py")  # derivative_peak's root finder lives there
    return [
        Output("facts/sigmoid.md", facts, deps),
        Output("tables/sigmoid-vanishing.md", vanishing_table, deps),
        Output("tables/sigmoid-range.md", range_table, deps),
    ]
