"""What every page takes straight from the registry: formulas, properties, framework names,
accuracy, and the site-wide index and comparison tables."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from activations import REGISTRY, Activation
from formatting import generated, table
from frameworks import FRAMEWORK_NAMES, FRAMEWORKS
from outputs import ROOT, Output
from properties import compute, interval, jumps_at

SOURCE = "scripts/registry_outputs.py"
PKG = ROOT / "src" / "activations"
DEPS = (Path(__file__), ROOT / "scripts" / "formatting.py", ROOT / "scripts" / "properties.py",
        ROOT / "scripts" / "frameworks.py", *sorted(PKG.glob("*.py")))
SMOOTHNESS_SHORT = {"discontinuous": "discontinuous", "C0": "C<sup>0</sup>", "C1": "C<sup>1</sup>",
                    "C-infinity": "C<sup>∞</sup>"}
SMOOTHNESS_TEXT = {"discontinuous": "discontinuous", "C0": "C<sup>0</sup>: continuous, with kinks",
                   "C1": "C<sup>1</sup>: continuous derivative", "C-infinity": "C<sup>∞</sup>: smooth"}


def link(a: Activation) -> str:
    anchor = "" if a.page_slug == a.slug else f"#{a.slug}"
    return f"[{a.name}](/activations/{a.page_slug}.md{anchor})"


def index_table() -> bytes:
    rows = [[link(a), a.family, f"${a.latex}$", a.summary] for a in REGISTRY.values()]
    return generated(SOURCE, table(["activation", "family", "definition", "what it does"], rows))


def formulas(entry: Activation) -> bytes:
    body = f"$$\n{entry.latex}\n$$\n"
    if entry.derivative_latex:
        body += f"\n$$\n{entry.derivative_latex}\n$$\n"
    return generated(SOURCE, body)


def _ulps(bound: float) -> str:
    unit = "unit" if bound == 1 else "units"
    return "is exact" if bound == 0 else f"is correct to within {bound:g} {unit} in the last place (ULP)"


def accuracy(entry: Activation) -> bytes:
    inputs = ("on dense grids near 0 and out to the largest finite numbers" if entry.elementwise else
              "on rows of random inputs with small and large spread, and the examples on this page")
    body = (f"The tests compare `{entry.fn.__name__}` with values computed to 50 significant digits {inputs}, "
            f"in float64 and float32: it {_ulps(entry.ulp_bound)}")
    if entry.derivative is not None and entry.derivative_ulp_bound is not None:
        body += f", and `{entry.derivative.__name__}` {_ulps(entry.derivative_ulp_bound)}"
    body += (", wherever the exact result is a normal floating-point number. Where the problem itself is "
             "ill-conditioned (near a zero of the result, or deep in a tail where a tiny change of x changes the "
             "result a lot), the allowance grows with the condition number, the error that rounding the input "
             "alone would cause.")
    if entry.accuracy_note:
        body += " " + entry.accuracy_note
    return generated(SOURCE, body + "\n")


def _num(v: float) -> str:
    return "∞" if v == np.inf else "-∞" if v == -np.inf else f"{v:.4g}"


@cache
def properties_row(slug: str) -> dict[str, str]:
    a = REGISTRY[slug]
    p = compute(a)
    conventions = [f"{a.name}'({_num(k)}) = {_num(float(a.derivative(k)))}" for k in a.kinks
                   if jumps_at(a.derivative, k)]
    kinks = ", ".join(_num(k) for k in (*a.jumps, *a.kinks))
    return {
        "range": interval(p),
        "bounded below": "yes" if np.isfinite(p.lower.value) else "no",
        "bounded above": "yes" if np.isfinite(p.upper.value) else "no",
        "monotonic": "yes" if p.monotonic else "no",
        "f(0)": _num(p.f0),
        "f'(0)": _num(p.d0) + (" (convention)" if 0.0 in a.kinks and conventions else ""),
        "max |f'|": _num(p.max_slope),
        "global minimum": (f"{_num(p.minimum.value)} at {p.minimum.where}" if p.minimum else "none"),
        "zero-centred": "yes" if p.zero_centred else "no",
        "saturates": p.saturates or "no",
        "smoothness": SMOOTHNESS_TEXT[a.smoothness] + (f" (at x = {kinks})" if kinks and a.smoothness != "C-infinity" else ""),
        "derivative at kinks": "; ".join(conventions) or "—",
    }


def properties_table(entry: Activation) -> bytes:
    row = properties_row(entry.slug)
    return generated(SOURCE, table(["property", "value"], [[k, v] for k, v in row.items()]))


def frameworks_table(entry: Activation) -> bytes:
    rows = [[name, text] for name, text in zip(FRAMEWORK_NAMES, FRAMEWORKS[entry.slug].texts())]
    return generated(SOURCE, table(["framework", "name and defaults"], rows))


COMPARED = ["range", "monotonic", "f(0)", "f'(0)", "max |f'|", "global minimum", "zero-centred", "saturates"]


def comparison_table() -> bytes:
    rows = []
    for a in REGISTRY.values():
        if a.elementwise:
            r = properties_row(a.slug)
            rows.append([link(a), a.family, *(r[c] for c in COMPARED), SMOOTHNESS_SHORT[a.smoothness]])
        else:
            rows.append([link(a), a.family, *(["vector"] + ["—"] * (len(COMPARED) - 1)), SMOOTHNESS_SHORT[a.smoothness]])
    body = table(["activation", "family", *COMPARED, "smoothness"], rows)
    return generated(SOURCE, '<div class="sortable" markdown>\n\n' + body + "\n</div>\n")


def outputs() -> list[Output]:
    out = [Output("tables/activation-index.md", index_table, DEPS),
           Output("tables/all-activations.md", comparison_table, DEPS)]
    for a in REGISTRY.values():
        out.append(Output(f"formulas/{a.slug}.md", lambda a=a: formulas(a), DEPS))
        out.append(Output(f"accuracy/{a.slug}.md", lambda a=a: accuracy(a), DEPS))
        out.append(Output(f"frameworks/{a.slug}.md", lambda a=a: frameworks_table(a), DEPS))
        if a.elementwise:
            out.append(Output(f"properties/{a.slug}.md", lambda a=a: properties_table(a), DEPS))
    return out
