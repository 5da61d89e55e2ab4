"""The originating post's numbers, reproduced by the generated tables to the digits it shows."""

from __future__ import annotations

import re

import pytest

import softmax_outputs

# As printed in the post (scores [2, 10, 1, 4] and [1010, 1000, 990]).
SEED_PROBABILITIES = {"개": "0.000334", "고양이": "0.997071", "강아지": "0.000123", "사람": "0.002471"}
SEED_OVERFLOW = ["9.99954600e-01", "4.53978686e-05", "2.06106005e-09"]


def _rows(markdown: bytes) -> list[list[str]]:
    lines = [ln for ln in markdown.decode().splitlines() if ln.startswith("|")][2:]
    return [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]


def test_softmax_table_matches_the_post():
    rows = _rows(softmax_outputs.seed_table())
    got = {re.sub(r" \(.*\)", "", r[0]): r[2] for r in rows if r[1]}
    assert got == SEED_PROBABILITIES
    assert [r[1] for r in rows if r[1]] == ["2", "10", "1", "4"]


def test_overflow_table_matches_the_post():
    rows = _rows(softmax_outputs.overflow_table())
    assert [r[3] for r in rows] == SEED_OVERFLOW
    assert [r[2] for r in rows] == ["nan"] * 3


@pytest.mark.parametrize("table", ["in_place_table", "batch_table"])
def test_mistake_tables_show_the_mistake(table):
    rows = _rows(getattr(softmax_outputs, table)())
    if table == "in_place_table":
        assert rows[1][1] == "[1010, 1000, 990]" and rows[2][1] == "[0, -10, -20]"
    else:
        assert [r[2] for r in rows] == ["1.0000", "1.0000"] and all(r[1] != "1.0000" for r in rows)


@pytest.mark.parametrize("locale, names", [
    ("en", ["개 (dog)", "고양이 (cat)", "강아지 (puppy)", "사람 (person)"]),
    ("ko", list(SEED_PROBABILITIES)),  # the post's own names, with nothing added
])
def test_tables_name_the_classes_as_the_post_does(locale, names):
    import sparsemax_outputs
    from messages import language

    with language(locale):
        seed = _rows(softmax_outputs.seed_table())
        sparsemax_header = sparsemax_outputs.seed_table().decode().splitlines()[2]
    assert [r[0] for r in seed if r[1]] == names
    assert [c.strip() for c in sparsemax_header.strip("|").split("|")][2:6] == names
