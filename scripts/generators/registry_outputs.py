"""What every page takes straight from the registry: formulas, properties, framework names,
accuracy, and the site-wide index and comparison tables.

The registry's own words (names, families, summaries, accuracy notes, the framework cells' sentences) are
translated where they are shown, with `_()`; messages_from_data() puts them in this module's catalogue.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np

from activations import REGISTRY, Activation
from activations.frameworks import FRAMEWORK_NAMES, Cell
from formatting import generated, table
from messages import _, current
from outputs import GENERATORS, ROOT, Output
from properties import (DIGITS, SPAN, STEP, compute, conventions, convention_text, cuts, entry_group, mean_text, range_text,
                        saturation_text, show)

SOURCE = "scripts/generators/registry_outputs.py"
PKG = ROOT / "src" / "activations"
DEPS = (Path(__file__), GENERATORS / "formatting.py", GENERATORS / "properties.py",
        *sorted(PKG.glob("*.py")))
SMOOTHNESS_SHORT = {"C0": "C<sup>0</sup>", "C1": "C<sup>1</sup>", "C-infinity": "C<sup>∞</sup>"}


def link(a: Activation) -> str:
    anchor = "" if a.page_slug == a.slug else f"#{a.slug}"
    return f"[{_(a.name)}](/activations/{a.page_slug}.md{anchor})"


TEXT = re.compile(r"\\text\{([^{}]*)\}")  # the words of a formula: \text{otherwise}


def formula_words(a: Activation) -> list[str]:
    """What the \\text{...} of an entry's formulas hold that has words ("otherwise", " such that "), each once."""
    found = (m.group(1) for tex in (a.latex, a.derivative_latex or "") for m in TEXT.finditer(tex))
    return list(dict.fromkeys(w for w in found if WORDS.search(w)))


def latex(tex: str) -> str:
    """A registry formula in the language being rendered: the words inside each \\text{...} translated."""
    return TEXT.sub(lambda m: "\\text{" + _(m.group(1)) + "}", tex)


def index_table() -> bytes:
    rows = [[link(a), _(a.family), f"${latex(a.latex)}$", _(a.summary)] for a in REGISTRY.values()]
    return generated(SOURCE, table([_("activation"), _("family"), _("definition"), _("what it does")], rows))


def formulas(entry: Activation) -> bytes:
    body = f"$$\n{latex(entry.latex)}\n$$\n"
    if entry.derivative_latex:
        body += f"\n$$\n{latex(entry.derivative_latex)}\n$$\n"
    return generated(SOURCE, body)


def _function_ulps(bound: float) -> str:
    """How close the function itself comes, said of it as "it"."""
    if bound == 0:
        return _("it is exact")
    if bound == 1:
        return _("it is correct to within {bound} unit in the last place (ULP)").format(bound=f"{bound:g}")
    return _("it is correct to within {bound} units in the last place (ULP)").format(bound=f"{bound:g}")


def _derivative_ulps(bound: float) -> str:
    """How close the derivative comes, said after its name."""
    if bound == 0:
        return _("is exact")
    if bound == 1:
        return _("is correct to within {bound} unit in the last place (ULP)").format(bound=f"{bound:g}")
    return _("is correct to within {bound} units in the last place (ULP)").format(bound=f"{bound:g}")


def accuracy(entry: Activation) -> bytes:
    verdicts = _function_ulps(entry.ulp_bound)
    if entry.derivative is not None and entry.derivative_ulp_bound is not None:
        verdicts = _("{verdict}, and `{derivative}` {derivative_verdict}").format(
            verdict=verdicts, derivative=entry.derivative.__name__,
            derivative_verdict=_derivative_ulps(entry.derivative_ulp_bound))
    if entry.elementwise:
        tested = _("The tests compare `{function}` with values computed to 50 significant digits on dense grids "
                   "near 0 and out to the largest finite numbers, in float64 and float32: {verdicts}, wherever the "
                   "exact result is a normal floating-point number.")
    else:
        tested = _("The tests compare `{function}` with values computed to 50 significant digits on rows of random "
                   "inputs with small and large spread, and the examples on this page, in float64 and float32: "
                   "{verdicts}, wherever the exact result is a normal floating-point number.")
    body = tested.format(function=entry.fn.__name__, verdicts=verdicts) + " " + _(
        "Where the problem itself is ill-conditioned (near a zero of the result, or deep in a tail where a tiny "
        "change of x changes the result a lot), the allowance grows with the condition number, the error that "
        "rounding the input alone would cause.")
    if entry.accuracy_note:
        body += " " + _(entry.accuracy_note)
    return generated(SOURCE, body + "\n")


MEAN = "mean output, N(0, 1) input"  # a column's key, which is also its name in English


def columns() -> dict[str, tuple[str, str]]:
    """Each property the tables show, by key: its name and what it means, as the all-activations page
    states them."""
    return {
        "range": (_("range"), _(
            "the set of values f takes over all real x. A square bracket means the end is attained, a round one "
            "that f only approaches it; a function that takes finitely many values has its range written as a "
            "set in braces, and a range with gaps (where f jumps over values it never takes) as a union (∪) of "
            "its pieces.")),
        "bounded below": (_("bounded below"), _("whether the range has a finite lower end.")),
        "bounded above": (_("bounded above"), _("whether the range has a finite upper end.")),
        "monotonic": (_("monotonic"), _(
            "yes if f never decreases, or never increases, as x grows (flat pieces allowed), checked on a grid of spacing {step} "
            "from {start} to {stop}.").format(step=show(STEP), start=show(-SPAN), stop=show(SPAN))),
        "f(0)": ("f(0)", _("the value at 0.")),
        "f'(0)": ("f'(0)", _(
            "the derivative at 0, marked (convention) where f has no derivative at 0 and the number is the one "
            "the implementation returns.")),
        "max |f'|": ("max |f'|", _(
            "the largest absolute slope over all x where f has a derivative (the least upper bound where it is "
            "only approached, far out or towards a kink); an interior maximum of the derivative is located by a "
            "root finder on the second derivative.")),
        "global minimum": (_("global minimum"), _(
            "the smallest value f takes and where; none where the lower end of the range is only approached. It "
            "is located by a root finder on f'.")),
        MEAN: (_("mean output, N(0, 1) input"), _(
            "E[f(z)] for z drawn from the standard normal distribution N(0, 1): how far from 0 the mean output "
            "is when the inputs are centred on 0 (0 for a zero-centred activation). It is exact where f minus a "
            "constant c is an odd function (the mean is then c); otherwise it is computed by adaptive quadrature "
            "split at the kinks, and a result smaller than the quadrature's error bound is written as 0 to "
            "within that bound.")),
        "saturates": (_("saturates"), _(
            "the sides on which f'(x) tends to 0 as x goes to minus infinity (left) or plus infinity (right), so "
            "that large inputs there get almost no gradient; in brackets, where f' is exactly 0.")),
        "smoothness": (_("smoothness"), _(
            "C<sup>∞</sup>: every derivative is continuous. C<sup>1</sup>: f' is continuous, f'' jumps at the "
            "points listed. C<sup>0</sup>: f is continuous, f' jumps at the points listed. Discontinuous: f "
            "itself jumps.")),
        "derivative at kinks": (_("derivative at kinks"), _(
            "where f has no derivative (a kink where the slopes on the two sides differ, or a jump), the value "
            "the implementation returns, marked (convention).")),
    }


COLUMNS_ANCHOR = "columns"


def columns_link(word: str) -> str:
    """The link from a table to the column definitions; word is "property" or "column"."""
    text = _("What each property means") if word == "property" else _("What each column means")
    return f"[{text}](/all-activations.md#{COLUMNS_ANCHOR})"


def _smoothness(a: Activation) -> str:
    points = ", ".join(show(k) for k in cuts(a))
    if a.smoothness == "discontinuous":
        return _("discontinuous: f jumps at x = {points}").format(points=", ".join(show(k) for k in a.jumps))
    if a.smoothness == "C0":
        return _("C<sup>0</sup>: continuous, f' jumps at x = {points}").format(points=points)
    if a.smoothness == "C1":
        return _("C<sup>1</sup>: f' continuous, f'' jumps at x = {points}").format(points=points)
    return _("C<sup>∞</sup>: smooth")


def _smoothness_short(a: Activation) -> str:
    return _("discontinuous") if a.smoothness == "discontinuous" else SMOOTHNESS_SHORT[a.smoothness]


def _yes_no(claim: bool) -> str:
    return _("yes") if claim else _("no")


def properties_row(slug: str) -> dict[str, str]:
    """An elementwise entry's properties, by column key, written in the language being rendered."""
    return _properties_row(slug, current())


@cache
def _properties_row(slug: str, language: str) -> dict[str, str]:  # language: the text is cached per language
    a = REGISTRY[slug]
    p = compute(a)
    marked = conventions(a)
    row = {
        "range": range_text(p),
        "bounded below": _yes_no(np.isfinite(p.lower.value)),
        "bounded above": _yes_no(np.isfinite(p.upper.value)),
        "monotonic": _yes_no(p.monotonic),
        "f(0)": show(p.f0),
        "f'(0)": _("{value} (convention)").format(value=show(p.d0)) if 0.0 in marked else show(p.d0),
        "max |f'|": show(p.max_slope),
        "global minimum": (_("{value} at {where}").format(value=show(p.minimum.value), where=p.minimum.where)
                           if p.minimum else _("none")),
        MEAN: mean_text(p.mean),
        "saturates": saturation_text(p),
        "smoothness": _smoothness(a),
        "derivative at kinks": "; ".join(convention_text(a, k) for k in marked) or "—",
    }
    assert list(row) == list(columns())  # every property shown is defined on the all-activations page
    return row


def properties_table(entry: Activation) -> bytes:
    row = properties_row(entry.slug)
    names = columns()
    body = table([_("property"), _("value")], [[names[k][0], v] for k, v in row.items()])
    return generated(SOURCE, body + "\n" + columns_link("property") + "\n")


def columns_text() -> bytes:
    """The definitions the properties tables link to."""
    note = _("Numbers are shown to {digits} significant digits, trailing zeros kept; a number written with fewer "
             "digits is exact.").format(digits=DIGITS) + "\n\n"
    return generated(SOURCE, note + "".join(f"- **{name}**: {meaning}\n" for name, meaning in columns().values()))


def _cell(cell: Cell) -> str:
    """A framework cell as Markdown, its sentence in the language being rendered (Cell.render, translated)."""
    codes = [c.code() for c in cell.calls]
    return ", ".join(codes) if cell.text is None else _(cell.text).format(*codes)


def frameworks_table(entry: Activation) -> bytes:
    rows = [[name, _cell(cell)] for name, cell in zip(FRAMEWORK_NAMES, entry.frameworks.cells())]
    return generated(SOURCE, table([_("framework"), _("name and defaults")], rows))


COMPARED = ["range", "monotonic", "f(0)", "f'(0)", "max |f'|", "global minimum", MEAN, "saturates"]


def comparison_table() -> bytes:
    rows = []
    for a in REGISTRY.values():
        if a.elementwise:
            r = properties_row(a.slug)
            rows.append([link(a), _(a.family), *(r[c] for c in COMPARED), _smoothness_short(a)])
        else:
            rows.append([link(a), _(a.family), *([_("vector")] + ["—"] * (len(COMPARED) - 1)), _smoothness_short(a)])
    names = columns()
    body = table([_("activation"), _("family"), *(names[c][0] for c in COMPARED), _("smoothness")], rows)
    note = columns_link("column") + "\n\n"
    return generated(SOURCE, note + '<div class="sortable" markdown>\n\n' + body + "\n</div>\n")


REGISTRY_FILE = "src/activations/registry.py"
WORDS = re.compile(r"[a-z]{2,}")  # a word to translate, once code spans and {0}, {1}, ... are set aside


def framework_sentences(a: Activation) -> list[str]:
    """The sentences of an entry's framework cells that have words to translate (not only code and formulas)."""
    return [c.text for c in a.frameworks.cells()
            if c.text is not None and WORDS.search(re.sub(r"`[^`]*`|\{\d+\}", "", c.text))]


def messages_from_data() -> list[tuple[str, str, str]]:
    """The registry's words these outputs show, as messages for the catalogue (see scripts/tools/update_messages.py)."""
    messages = [(a.name, REGISTRY_FILE, f"the name of {a.slug}: the title of its page in your language where it "
                 "has one, else the name as it is") for a in REGISTRY.values()]
    families = dict.fromkeys(a.family for a in REGISTRY.values())
    messages += [(f, REGISTRY_FILE, "a family of activations, as the navigation names its section (mkdocs.yml's "
                  "nav_translations)") for f in families]
    messages += [(a.summary, REGISTRY_FILE, f"the summary of {a.slug}: a predicate after \"{{name}}: \" in the "
                  "figures' descriptions, and the \"what it does\" cell of the index table") for a in REGISTRY.values()]
    messages += [(a.accuracy_note, REGISTRY_FILE, f"the last sentence of the accuracy paragraph of {a.slug}")
                 for a in REGISTRY.values() if a.accuracy_note]
    messages += [(text, REGISTRY_FILE, f"a framework cell of {a.slug}: {{0}}, {{1}} are the calls, as inline code; "
                  "keep every `code span`") for a in REGISTRY.values() for text in framework_sentences(a)]
    where = {}
    for a in REGISTRY.values():
        for w in formula_words(a):
            where.setdefault(w, []).append(a.slug)
    messages += [(w, REGISTRY_FILE, f"words inside \\text{{...}} in the formulas of {', '.join(slugs)}: a space at "
                  "either end parts them from the math; put spaces where your language needs them")
                 for w, slugs in where.items()]
    return messages


def outputs() -> list[Output]:
    out = [Output("tables/activation-index.md", index_table, DEPS),
           # Half a second in each language (every entry's properties): started early, not left to end the run.
           Output("tables/all-activations.md", comparison_table, DEPS, cost=1.0),
           Output("tables/property-columns.md", columns_text, DEPS)]
    for a in REGISTRY.values():
        out.append(Output(f"formulas/{a.slug}.md", lambda a=a: formulas(a), DEPS))
        out.append(Output(f"accuracy/{a.slug}.md", lambda a=a: accuracy(a), DEPS))
        out.append(Output(f"frameworks/{a.slug}.md", lambda a=a: frameworks_table(a), DEPS))
        if a.elementwise:
            out.append(Output(f"properties/{a.slug}.md", lambda a=a: properties_table(a), DEPS, entry_group(a)))
    return out
