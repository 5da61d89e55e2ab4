"""The Korean twins of the registry's tables (docs/generated/ko/...): the same numbers, links and code
as the English files, which tests/test_property_table.py and tests/test_registry_tables.py check,
with every word in Korean and each word standing for the English one it replaces."""

from __future__ import annotations

import re

import pytest

from activations import REGISTRY
from messages import _, language
from registry_outputs import properties_row
from outputs import ROOT
from test_generated_facts import body, table

ELEMENTWISE = [slug for slug, a in REGISTRY.items() if a.elementwise]
NUMBER = re.compile(r"-?∞|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
# The English words of the property cells and what the Korean twins write for each; a swapped or
# mistranslated message (yes for no, left for right) puts the wrong one in a cell.
WORDS = {r"\byes\b": "예", r"\bno\b": "아니요", r"\bnone\b": "없음", r"\bleft\b": "왼쪽", r"\bright\b": "오른쪽",
         r"\(convention\)": "(관례)", r"\bdiscontinuous\b": "불연속"}
FORMULA_NAMES = {"f(0)", "f'(0)", "max |f'|"}  # column names that are formulas, the same in every language


def english_words(text: str) -> list[str]:
    """Runs of two or more Latin letters outside HTML tags: words (x, f, k and N(0, 1) are symbols)."""
    return re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", text))


RELATION = re.compile(r"[xf]'*(?:\([^)]*\))? [<>≤≥=] (?:" + NUMBER.pattern + ")")  # x < -3, f'(0) = 0, f' = 0


def same_numbers(english: str, korean: str) -> bool:
    """The same numbers, and the same relations such as x ≤ 0, in any order: Korean puts words around
    them in another order ("x < 0에서 f' = 0" for "f' = 0 for x < 0")."""
    return (sorted(NUMBER.findall(english)) == sorted(NUMBER.findall(korean))
            and sorted(RELATION.findall(english)) == sorted(RELATION.findall(korean)))


def same_words(english: str, korean: str) -> bool:
    return all(len(re.findall(en, english)) == korean.count(ko) for en, ko in WORDS.items())


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_korean_properties_table_states_the_english_values_in_korean(slug):
    en, ko = table(f"properties/{slug}.md"), table(f"ko/properties/{slug}.md")
    assert list(ko[0]) == ["성질", "값"]
    assert len(en) == len(ko)
    for e, k in zip(en, ko):
        name, value = e["property"], e["value"]
        assert (k["성질"] == name) == (name in FORMULA_NAMES), (slug, name, k["성질"])
        assert not english_words(k["성질"]) or name in FORMULA_NAMES, (slug, k["성질"])
        assert not english_words(k["값"]), (slug, name, k["값"])
        assert same_numbers(value, k["값"]) and same_words(value, k["값"]), (slug, name, value, k["값"])
    assert "](/all-activations.md#columns)" in body(f"ko/properties/{slug}.md")


def test_korean_comparison_table_repeats_the_english_rows_with_korean_words():
    en, ko = table("tables/all-activations.md"), table("ko/tables/all-activations.md")
    assert len(en) == len(ko)
    names = {row["성질"]: row for row in table("ko/properties/relu.md")}  # a column's name, as the tables write it
    header = list(ko[0])
    assert set(header[2:-1]) <= set(names) and header[-1] in names, header
    for e, k in zip(en, ko):
        cells_en, cells_ko = list(e.values()), list(k.values())
        target = lambda cell: re.fullmatch(r"\[.+\]\((.+)\)", cell).group(1)  # noqa: E731
        # the same page (its name and family in Korean: tests/test_registry_words_translated.py)
        assert target(cells_ko[0]) == target(cells_en[0])
        for a, b in zip(cells_en[2:], cells_ko[2:]):
            assert not english_words(b), (cells_en[0], b)
            assert same_numbers(a, b) and same_words(a, b), (cells_en[0], a, b)


def test_the_korean_page_names_the_word_its_table_gives_vector_functions():
    page = (ROOT / "docs" / "all-activations.ko.md").read_text(encoding="utf-8")
    # '... 치역 열에 "벡터"라고 적고 나머지 성질 열은 비워 둡니다(—)': the word, and the mark of the others
    quoted = re.search(r'"([^"]+)"라고 적고 나머지 성질\s+열은 비워 둡니다\((.)\)', page)
    assert quoted, "all-activations.ko.md no longer says what the table writes for vector functions"
    rows = table("ko/tables/all-activations.md")
    vector = [list(r.values())[2:-1] for r, a in zip(rows, REGISTRY.values(), strict=True) if not a.elementwise]
    assert vector and {cells[0] for cells in vector} == {quoted.group(1)}
    assert {c for cells in vector for c in cells[1:]} == {quoted.group(2)}


def test_korean_column_definitions_define_every_column_the_tables_name():
    text = body("ko/tables/property-columns.md")
    defined = re.findall(r"^- \*\*(.+?)\*\*: ", text, re.M)
    assert defined == [r["성질"] for r in table("ko/properties/relu.md")]
    english = body("tables/property-columns.md")
    digits = re.search(r"shown to (\d+) significant digits", english).group(1)
    assert f"유효숫자 {digits}자리" in text.split("\n\n")[0]
    grid = lambda t: re.search(r"^- \*\*(?:monotonic|단조)\*\*: (.*)$", t, re.M).group(1)  # noqa: E731
    assert same_numbers(grid(english), grid(text))  # the grid monotonicity is checked on


@pytest.mark.parametrize("slug", list(REGISTRY))
def test_korean_accuracy_line_states_the_english_bounds_for_the_same_functions(slug):
    en, ko = body(f"accuracy/{slug}.md"), body(f"ko/accuracy/{slug}.md")
    note = REGISTRY[slug].accuracy_note
    if note:  # the registry's own words, translated on the Korean page: what comes before them is compared
        with language("ko"):
            ko_note = _(note)
        en, ko = en.split(note)[0], ko.split(ko_note)[0]
    assert re.findall(r"`[^`]+`", en) == re.findall(r"`[^`]+`", ko)  # the function, then its derivative
    # each function's verdict, in the same order: exact, or within so many ULP
    verdicts = lambda text, exact, bound: re.findall(rf"({exact})|{bound}", text)  # noqa: E731
    assert ([b or "exact" for e, b in verdicts(en, "is exact", r"within ([\d.]+) units? in the last place")]
            == [b or "exact" for e, b in verdicts(ko, "정확합니다", r"([\d.]+) ULP")])


def test_korean_framework_and_index_tables_have_korean_headers():
    assert list(table("ko/frameworks/relu.md")[0]) == ["프레임워크", "이름과 기본값"]
    assert list(table("ko/tables/activation-index.md")[0]) == ["활성화 함수", "계열", "정의", "하는 일"]


def test_properties_rows_are_cached_per_language():
    """properties_row is cached: a Korean render must not hand its text to the English tables, nor back."""
    english = {r["property"]: r["value"] for r in table("properties/relu.md")}
    with language("ko"):
        korean = properties_row("relu")
    assert properties_row("relu")["monotonic"] == english["monotonic"] == "yes"
    with language("ko"):
        assert properties_row("relu") == korean and korean["monotonic"] == "예"
