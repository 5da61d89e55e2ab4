"""What every page takes straight from the registry: each entry's formulas, and the index."""

from __future__ import annotations

from pathlib import Path

from activations import REGISTRY, Activation
from formatting import generated, table
from outputs import ROOT, Output

SOURCE = "scripts/registry_outputs.py"
DEPS = (Path(__file__), ROOT / "scripts" / "formatting.py", ROOT / "src" / "activations" / "registry.py")


def index_table() -> bytes:
    rows = [[f"[{a.name}](/activations/{a.slug}.md)", f"${a.latex}$", a.summary] for a in REGISTRY.values()]
    return generated(SOURCE, table(["activation", "definition", "what it does"], rows))


def formulas(entry: Activation) -> bytes:
    body = f"$$\n{entry.latex}\n$$\n"
    if entry.derivative_latex:
        body += f"\n$$\n{entry.derivative_latex}\n$$\n"
    return generated(SOURCE, body)


def _ulps(bound: float) -> str:
    return "is exact" if bound == 0 else f"is correct to within {bound:g} units in the last place (ULP)"


def accuracy(entry: Activation) -> bytes:
    inputs = ("on dense grids near 0 and out to the largest finite numbers" if entry.elementwise else
              "on rows of random scores with small and large spread, rows holding -inf, and the examples on this page")
    body = (f"The tests compare `{entry.fn.__name__}` with values computed to 50 significant digits {inputs}, "
            f"in float64 and float32: it {_ulps(entry.ulp_bound)}")
    if entry.derivative is not None and entry.derivative_ulp_bound is not None:
        body += f", and `{entry.derivative.__name__}` {_ulps(entry.derivative_ulp_bound)}"
    body += ", wherever the exact result is a normal floating-point number.\n"
    return generated(SOURCE, body)


def outputs() -> list[Output]:
    out = [Output("tables/activation-index.md", index_table, DEPS)]
    out += [Output(f"formulas/{a.slug}.md", lambda a=a: formulas(a), DEPS) for a in REGISTRY.values()]
    out += [Output(f"accuracy/{a.slug}.md", lambda a=a: accuracy(a), DEPS) for a in REGISTRY.values()]
    return out
