"""What every page takes straight from the registry: formulas, properties, framework names,
accuracy, and the site-wide index and comparison tables."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from activations import REGISTRY, Activation
from activations.frameworks import FRAMEWORK_NAMES
from formatting import generated, table
from outputs import GENERATORS, ROOT, Output
from properties import (DIGITS, SPAN, STEP, compute, conventions, convention_text, cuts, mean_text, range_text,
                        saturation_text, show)

SOURCE = "scripts/generators/registry_outputs.py"
PKG = ROOT / "src" / "activations"
DEPS = (Path(__file__), GENERATORS / "formatting.py", GENERATORS / "properties.py",
        *sorted(PKG.glob("*.py")))
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


MEAN = "mean output, N(0, 1) input"
COLUMNS = {  # what each property means, as the all-activations page states it
    "range": "the set of values f takes over all real x. A square bracket means the end is attained, a "
             "round one that f only approaches it; a function that takes finitely many values has its "
             "range written as a set in braces, and a range with gaps (where f jumps over values it never takes) "
             "as a union (∪) of its pieces.",
    "bounded below": "whether the range has a finite lower end.",
    "bounded above": "whether the range has a finite upper end.",
    "monotonic": "yes if f never decreases as x grows (flat pieces allowed), checked on a grid of spacing "
                 f"{show(STEP)} from {show(-SPAN)} to {show(SPAN)}.",
    "f(0)": "the value at 0.",
    "f'(0)": "the derivative at 0, marked (convention) where f has no derivative at 0 and the number is "
             "the one the implementation returns.",
    "max |f'|": "the largest absolute slope over all x where f has a derivative (the least upper bound where "
                "it is only approached, far out or towards a kink); an interior maximum of the derivative is "
                "located by a root finder on the second derivative.",
    "global minimum": "the smallest value f takes and where; none where the lower end of the range is "
                      "only approached. It is located by a root finder on f'.",
    MEAN: "E[f(z)] for z drawn from the standard normal distribution N(0, 1): how far from 0 the mean "
          "output is when the inputs are centred on 0 (0 for a zero-centred activation). It is exact "
          "where f minus a constant c is an odd function (the mean is then c); otherwise it is computed by "
          "adaptive quadrature split at the kinks, and a result smaller than the quadrature's error "
          "bound is written as 0 to within that bound.",
    "saturates": "the sides on which f'(x) tends to 0 as x goes to minus infinity (left) or plus "
                 "infinity (right), so that large inputs there get almost no gradient; in brackets, where f' "
                 "is exactly 0.",
    "smoothness": "C<sup>∞</sup>: every derivative is continuous. C<sup>1</sup>: f' is continuous, f'' "
                  "jumps at the points listed. C<sup>0</sup>: f is continuous, f' jumps at the points listed. "
                  "Discontinuous: f itself jumps.",
    "derivative at kinks": "where f has no derivative (a kink where the slopes on the two sides differ, or "
                           "a jump), the value the implementation returns, marked (convention).",
}
COLUMNS_ANCHOR = "columns"
COLUMNS_LINK = f"[What each property means](/all-activations.md#{COLUMNS_ANCHOR})"


def _smoothness(a: Activation) -> str:
    points = ", ".join(show(k) for k in cuts(a))
    if a.smoothness == "discontinuous":
        return f"discontinuous: f jumps at x = {', '.join(show(k) for k in a.jumps)}"
    if a.smoothness == "C0":
        return f"C<sup>0</sup>: continuous, f' jumps at x = {points}"
    if a.smoothness == "C1":
        return f"C<sup>1</sup>: f' continuous, f'' jumps at x = {points}"
    return SMOOTHNESS_TEXT[a.smoothness]


@cache
def properties_row(slug: str) -> dict[str, str]:
    a = REGISTRY[slug]
    p = compute(a)
    marked = conventions(a)
    row = {
        "range": range_text(p),
        "bounded below": "yes" if np.isfinite(p.lower.value) else "no",
        "bounded above": "yes" if np.isfinite(p.upper.value) else "no",
        "monotonic": "yes" if p.monotonic else "no",
        "f(0)": show(p.f0),
        "f'(0)": show(p.d0) + (" (convention)" if 0.0 in marked else ""),
        "max |f'|": show(p.max_slope),
        "global minimum": (f"{show(p.minimum.value)} at {p.minimum.where}" if p.minimum else "none"),
        MEAN: mean_text(p.mean),
        "saturates": saturation_text(p),
        "smoothness": _smoothness(a),
        "derivative at kinks": "; ".join(convention_text(a, k) for k in marked) or "—",
    }
    assert list(row) == list(COLUMNS)  # every property shown is defined on the all-activations page
    return row


def properties_table(entry: Activation) -> bytes:
    row = properties_row(entry.slug)
    body = table(["property", "value"], [[k, v] for k, v in row.items()])
    return generated(SOURCE, body + "\n" + COLUMNS_LINK + "\n")


def columns_text() -> bytes:
    """The definitions the properties tables link to."""
    note = (f"Numbers are shown to {DIGITS} significant digits, trailing zeros kept; a number written with "
            "fewer digits is exact.\n\n")
    return generated(SOURCE, note + "".join(f"- **{name}**: {meaning}\n" for name, meaning in COLUMNS.items()))


def frameworks_table(entry: Activation) -> bytes:
    rows = [[name, text] for name, text in zip(FRAMEWORK_NAMES, entry.frameworks.texts())]
    return generated(SOURCE, table(["framework", "name and defaults"], rows))


COMPARED = ["range", "monotonic", "f(0)", "f'(0)", "max |f'|", "global minimum", MEAN, "saturates"]


def comparison_table() -> bytes:
    rows = []
    for a in REGISTRY.values():
        if a.elementwise:
            r = properties_row(a.slug)
            rows.append([link(a), a.family, *(r[c] for c in COMPARED), SMOOTHNESS_SHORT[a.smoothness]])
        else:
            rows.append([link(a), a.family, *(["vector"] + ["—"] * (len(COMPARED) - 1)), SMOOTHNESS_SHORT[a.smoothness]])
    body = table(["activation", "family", *COMPARED, "smoothness"], rows)
    note = COLUMNS_LINK.replace("property", "column") + "\n\n"
    return generated(SOURCE, note + '<div class="sortable" markdown>\n\n' + body + "\n</div>\n")


def outputs() -> list[Output]:
    out = [Output("tables/activation-index.md", index_table, DEPS),
           Output("tables/all-activations.md", comparison_table, DEPS),
           Output("tables/property-columns.md", columns_text, DEPS)]
    for a in REGISTRY.values():
        out.append(Output(f"formulas/{a.slug}.md", lambda a=a: formulas(a), DEPS))
        out.append(Output(f"accuracy/{a.slug}.md", lambda a=a: accuracy(a), DEPS))
        out.append(Output(f"frameworks/{a.slug}.md", lambda a=a: frameworks_table(a), DEPS))
        if a.elementwise:
            out.append(Output(f"properties/{a.slug}.md", lambda a=a: properties_table(a), DEPS))
    return out
