"""The generated files that restate the registry (the index of all activations, each page's formulas,
the vector rows of the comparison table, the column definitions), read as the pages include them
and held against the registry entry by entry."""

from __future__ import annotations

import re

from activations import REGISTRY
from conftest import ROOT
from registry_outputs import columns
from test_generated_facts import body, table


def _link(a) -> str:
    return f"[{a.name}](/activations/{a.page_slug}.md{'' if a.page_slug == a.slug else '#' + a.slug})"


def test_index_lists_every_entry_once_in_registry_order_with_family_formula_and_summary():
    rows = table("tables/activation-index.md")
    assert [r["activation"] for r in rows] == [_link(a) for a in REGISTRY.values()]
    for r, a in zip(rows, REGISTRY.values()):
        assert (r["family"], r["definition"], r["what it does"]) == (a.family, f"${a.latex}$", a.summary), a.slug


def test_formulas_show_the_function_then_its_derivative():
    for a in REGISTRY.values():
        blocks = re.findall(r"\$\$\n(.*?)\n\$\$", body(f"formulas/{a.slug}.md"), re.S)
        assert blocks == [a.latex] + ([a.derivative_latex] if a.derivative_latex else []), a.slug


def test_comparison_table_gives_vector_functions_a_row_without_elementwise_properties():
    rows = table("tables/all-activations.md")
    header = list(rows[0])
    for a in (a for a in REGISTRY.values() if not a.elementwise):
        row = next(r for r in rows if r["activation"] == _link(a))
        cells = list(row.values())
        assert len(cells) == len(header) and cells[1] == a.family, a.slug
        # every property column but the first says "—": they describe f on the real line
        assert cells[2] == "vector" and set(cells[3:-1]) == {"—"}, (a.slug, cells)


def test_column_definitions_are_one_list_item_each_after_the_digit_rule():
    text = body("tables/property-columns.md")
    intro, _, items = text.partition("\n\n- ")
    assert intro.rstrip().endswith("fewer digits is exact."), intro
    lines = ("- " + items).splitlines()
    assert lines == [f"- **{name}**: {meaning}" for name, meaning in columns().values()]


def test_the_page_says_what_the_table_writes_for_vector_functions():
    page = (ROOT / "docs" / "all-activations.md").read_text(encoding="utf-8")
    said = re.search(r'say "([^"]+)" in the range column and leave the other property\s+columns empty \((.)\)', page)
    assert said, "all-activations.md no longer says what the table writes for vector functions"
    rows = table("tables/all-activations.md")
    vector = [list(r.values())[2:-1] for r in rows for a in REGISTRY.values() if r["activation"] == _link(a) and not a.elementwise]
    assert vector and {cells[0] for cells in vector} == {said.group(1)}
    assert {c for cells in vector for c in cells[1:]} == {said.group(2)}
