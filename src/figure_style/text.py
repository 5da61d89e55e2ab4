"""The experiments' printed and drawn words in the reader's language, chosen the way gettext chooses it.

An experiment has the same code in every language; it marks each sentence it prints or draws with
`tr("...")` (not `_`, which IPython sets to the last result) and each name held in data with `N_()`,
translated where it is shown with `tr(name)`. The language is the first of the environment variables
LANGUAGE (a list, `ko:en`), LC_ALL, LC_MESSAGES and LANG that is set, as for gettext; the words
come from this repository's catalogue locale/<language>/LC_MESSAGES/experiments.po, read with Babel.
Where there is none (English, another language, or the package installed without the repository)
the code's own English is used.
"""

from __future__ import annotations

import gettext
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

DOMAIN = "experiments"
# The repository's locale/ folder, found from this file (src/figure_style/text.py): an editable
# install (`pip install -e .`) keeps it there, a copy of the package elsewhere has none.
LOCALES = Path(__file__).resolve().parents[2] / "locale"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order


def languages() -> list[str]:
    """The languages the environment asks for, most wanted first: `ko` for LANG=ko_KR.UTF-8."""
    value = next((os.environ[name] for name in ENVIRONMENT if os.environ.get(name)), "")
    wanted = []
    for item in value.split(":"):
        if item in ("C", "POSIX"):  # gettext looks no further: the code's own text
            break
        language = re.split(r"[_.@]", item)[0]
        if language and language not in wanted:
            wanted.append(language)
    return wanted


@cache
def _catalogue(language: str) -> gettext.NullTranslations | None:
    po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return None
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    for message in list(catalog):  # an empty or fuzzy translation falls back to the English
        if message.id and (not message.string or message.fuzzy):
            del catalog[message.id]
    mo = BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def language() -> str:
    """The language the words come out in: the first one asked for that has a catalogue, else English."""
    for wanted in languages():
        if wanted == "en" or _catalogue(wanted) is not None:
            return wanted
    return "en"


def tr(message: str) -> str:
    """`message` in the reader's language (itself in English, or when the catalogue lacks it)."""
    chosen = language()
    return message if chosen == "en" else _catalogue(chosen).gettext(message)


def N_(message: str) -> str:
    """`message` itself, marked for the catalogue: a name held in data, shown with `tr(name)`."""
    return message


def width(text: str) -> int:
    """Columns `text` takes in a fixed-width font: two for a Hangul or other wide character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int, align: str = "<") -> str:
    """`text` padded with spaces to `columns` columns, left (<), right (>) or centred (^), like
    format(text, "<20") but counting wide characters as two, so a table's columns line up in any language."""
    space = max(columns - width(text), 0)
    left = {"<": 0, ">": space, "^": space // 2}[align]
    return " " * left + text + " " * (space - left)


def table(rows: list[list[str]], align: str) -> str:
    """Rows of cells as lines of fixed-width text: each column as wide as its widest cell, two spaces
    between columns, aligned as `align` says (one of < > ^ per column). A row with fewer cells ends
    in a cell of any length, left out of the widths: a remark in place of that row's numbers."""
    widths = [0] * len(align)
    for row in rows:
        for i, cell in enumerate(row if len(row) == len(align) else row[:-1]):
            widths[i] = max(widths[i], width(cell))
    lines = []
    for row in rows:
        cells = [pad(cell, widths[i], align[i]) for i, cell in enumerate(row)]
        if len(row) < len(align):
            cells[-1] = row[-1]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
