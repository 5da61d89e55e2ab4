"""The Korean terms of the site: locale/ko/glossary.csv as the table of the glossary page, in each language.

The file holds, for each concept, the English word, the Korean word the Korean pages use, the other
spellings Korean texts use that the pages do not (`variants`), the phrases in which one of those is
the fixed term all the same (`allowed`: 경사 in 경사 하강법), and a short note. tests/test_glossary.py
holds the Korean pages to it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from formatting import generated, table
from messages import DEFAULT, LOCALES, _, current
from outputs import GENERATORS, ROOT, Output

SOURCE = "scripts/generators/glossary_outputs.py"
GLOSSARY = LOCALES / "ko" / "glossary.csv"
FIELDS = ["english", "korean", "variants", "allowed", "note"]


@dataclass(frozen=True)
class Term:
    """One row of the glossary."""

    english: str
    korean: str
    variants: tuple[str, ...]  # spellings the Korean pages do not use
    allowed: tuple[str, ...]  # fixed phrases in which a variant is the right word
    note: str


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def terms(path: Path = GLOSSARY) -> list[Term]:
    """The rows of the glossary file, in its order; a file with other columns raises ValueError."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != FIELDS:
            raise ValueError(f"{path.name} has the columns {reader.fieldnames}, not {FIELDS}")
        return [Term(r["english"].strip(), r["korean"].strip(), _split(r["variants"]), _split(r["allowed"]),
                     r["note"].strip()) for r in reader]


def _variants_cell(term: Term) -> str:
    cells = []
    for variant in term.variants:
        fixed = [phrase for phrase in term.allowed if variant in phrase]
        cells.append(_("{variant} (except in {phrases})").format(variant=variant, phrases=", ".join(fixed))
                     if fixed else variant)
    return ", ".join(cells)


def glossary_table() -> bytes:
    """The glossary as a table: English first and in English order on the English page, Korean first and in
    Korean order on the Korean one."""
    rows = terms()
    header = [_("English"), _("Korean"), _("Other spellings, not used here"), _("Note")]
    cells = [[t.english, t.korean, _variants_cell(t), _(t.note) if t.note else ""] for t in rows]
    if current() == DEFAULT:
        cells.sort(key=lambda c: (c[0].casefold(), c[1]))
    else:
        header[:2] = header[1::-1]
        cells = sorted(([c[1], c[0], *c[2:]] for c in cells), key=lambda c: (c[0], c[1].casefold()))
    return generated(SOURCE, table(header, cells))


def messages_from_data() -> list[tuple[str, str, str]]:
    """The glossary's notes, as messages for the catalogue (see scripts/tools/update_messages.py)."""
    where = GLOSSARY.relative_to(ROOT).as_posix()
    return [(t.note, where, f"the note on {t.english!r}") for t in terms() if t.note]


def outputs() -> list[Output]:
    deps = (Path(__file__), GENERATORS / "formatting.py", GLOSSARY)
    return [Output("tables/glossary.md", glossary_table, deps)]
