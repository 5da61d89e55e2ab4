"""The Korean pages speak the glossary's language: locale/ko/glossary.csv names, for each concept, the
Korean word the site uses and the spellings it does not. No Korean page, notebook or catalogue uses a
listed spelling outside the fixed phrases the glossary allows it in, and every word the glossary gives
is one the Korean site says."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import generated
from conftest import ROOT

DOCS = ROOT / "docs"
GLOSSARY = ROOT / "locale" / "ko" / "glossary.csv"
CATALOGUES = sorted((ROOT / "locale" / "ko" / "LC_MESSAGES").glob("*.po"))
# They list the terms and their notes; the other pages and catalogues use them.
GLOSSARY_SOURCES = {"docs/glossary.ko.md", "locale/ko/LC_MESSAGES/glossary_outputs.po"}


@dataclass(frozen=True)
class Row:
    english: str
    korean: str
    variants: tuple[str, ...]
    allowed: tuple[str, ...]


def _cells(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


def rows() -> list[Row]:
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        return [Row(r["english"], r["korean"], _cells(r["variants"]), _cells(r["allowed"])) for r in csv.DictReader(f)]


@dataclass(frozen=True)
class Text:
    """Korean text a reader sees, and where it is: `lines[i]` is the number of the source line of character i."""

    where: str
    text: str
    lines: tuple[int, ...]

    @classmethod
    def of_lines(cls, where: str, numbered: list[tuple[int, str]]) -> Text:
        """The lines joined by one space each, as Markdown joins the lines of a paragraph."""
        text, lines = "", []
        for n, line in numbered:
            piece = line.strip() + " "
            text += piece
            lines += [n] * len(piece)
        return cls(where, text, tuple(lines))


def _where(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def markdown_page(path: Path) -> Text:
    lines = path.read_text(encoding="utf-8").splitlines()
    return Text.of_lines(_where(path), list(enumerate(lines, 1)))


def notebook_markdown(path: Path) -> Text:
    """The Markdown cells of a jupytext notebook: the lines after `# %% [markdown]`, up to the next cell, without `# `."""
    numbered, in_markdown = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# %%"):
            in_markdown = line.startswith("# %% [markdown]")
        elif in_markdown:
            numbered.append((n, re.sub(r"^#\s?", "", line)))
        else:
            numbered.append((n, ""))  # a code line ends a paragraph
    return Text.of_lines(_where(path), numbered)


def catalogue(path: Path) -> list[Text]:
    """Each Korean translation of a catalogue, at the line of its `msgstr`."""
    with path.open("rb") as f:
        messages = [m for m in read_po(f, locale="ko") if m.id and m.string]
    lines = path.read_text(encoding="utf-8").splitlines()
    msgstr = lambda m: next(n for n in range(m.lineno, len(lines) + 1) if lines[n - 1].startswith("msgstr"))  # noqa: E731
    return [Text.of_lines(_where(path), [(msgstr(m), m.string)]) for m in messages]


def korean_texts() -> list[Text]:
    pages = sorted(p for p in DOCS.rglob("*.ko.md") if "generated" not in p.relative_to(DOCS).parts)
    texts = [markdown_page(p) for p in pages]
    texts += [notebook_markdown(p) for p in sorted((DOCS / "experiments").glob("*.ko.py"))]
    return texts + [t for po in CATALOGUES for t in catalogue(po)]


def misuses(text: Text, glossary: list[Row]) -> list[str]:
    """Each use of a listed variant outside the phrases its row allows: "page:line: variant (use korean)"."""
    found = []
    for row in glossary:
        masked = text.text
        for phrase in row.allowed:
            masked = masked.replace(phrase, "\0" * len(phrase))
        for variant in row.variants:
            for m in re.finditer(re.escape(variant), masked):
                found.append(f"{text.where}:{text.lines[m.start()]}: {variant!r} (the site says {row.korean!r}, "
                             f"{row.english})")
    return found


def test_the_glossary_has_its_columns_and_one_row_per_concept():
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        assert csv.DictReader(f).fieldnames == ["english", "korean", "variants", "allowed", "note"]
    glossary = rows()
    assert len(glossary) > 20, "the glossary lost its rows"
    english = [r.english for r in glossary]
    assert len(english) == len(set(english)), f"a concept is listed twice: {sorted(e for e in english if english.count(e) > 1)}"
    for r in glossary:
        assert r.english and r.korean, r
        assert r.korean not in r.variants, f"{r.english}: {r.korean} is both the term and a variant"
        for phrase in r.allowed:
            assert any(v in phrase for v in r.variants), f"{r.english}: {phrase!r} allows none of its variants"


def test_no_variant_is_part_of_a_term_the_site_uses():
    """A variant inside the site's own word (정규화 for regularisation would be inside 층 정규화) would fail every
    page that uses that word, unless the variant's row allows that word as a phrase."""
    glossary = rows()
    clashes = [f"{r.english}: {v!r} is inside {term.korean!r} ({term.english})"
               for r in glossary for v in r.variants for term in glossary
               if v in term.korean and not any(term.korean in phrase or phrase in term.korean for phrase in r.allowed)]
    assert not clashes, clashes


def test_the_korean_sources_are_found():
    texts = korean_texts()
    where = {t.where.split("/")[0] for t in texts}
    assert where == {"docs", "locale"}, where
    assert sum(t.where.endswith(".ko.py") for t in texts) >= 4, "the Korean notebooks are docs/experiments/*.ko.py"
    assert sum(t.where.endswith(".po") for t in texts) > 100, "the Korean catalogues are locale/ko/LC_MESSAGES/*.po"


def test_no_korean_page_or_generated_text_uses_a_variant():
    glossary = rows()
    found = [m for text in korean_texts() for m in misuses(text, glossary)]
    assert not found, "Korean text uses a spelling the glossary (locale/ko/glossary.csv) lists as not used:\n" + "\n".join(found)


def test_every_glossary_term_is_one_the_korean_site_uses():
    """The glossary lists what the site says, not what it might say."""
    said = " ".join(re.sub(r"\s+", " ", t.text) for t in korean_texts() if t.where not in GLOSSARY_SOURCES)
    unused = [f"{r.korean} ({r.english})" for r in rows() if r.korean not in said]
    assert not unused, f"glossary terms no Korean page or catalogue uses: {unused}"


GLOSSARY_ROW = Row("gradient", "기울기", ("그레이디언트", "경사"), ("경사 하강법",))


@pytest.mark.parametrize(("lines", "caught"), [
    (["기울기(gradient)와 경사 하강법(gradient descent)"], []),
    (["전체 배치 경사 하강법으로 학습합니다."], []),
    (["경사 소실이 일어납니다."], ["x.md:1: '경사'"]),
    (["첫 줄입니다.", "그레이디언트가 사라지고 경사", "하강법이 멈춥니다."], ["x.md:2: '그레이디언트'"]),
    (["경사 하강법은 경사를 따라 내려갑니다."], ["x.md:1: '경사'"]),
])
def test_a_variant_is_caught_on_its_line_and_only_outside_its_phrases(lines, caught):
    text = Text.of_lines("x.md", list(enumerate(lines, 1)))
    assert [m.split(" (")[0] for m in misuses(text, [GLOSSARY_ROW])] == caught


def test_notebook_code_is_not_read_as_text(tmp_path):
    source = tmp_path / "x.ko.py"
    source.write_text("# %% [markdown]\n# # 제목\n# 경사\n\n# %%\n# 그레이디언트 (a comment in code)\nx = 1\n", encoding="utf-8")
    text = notebook_markdown(source)
    assert "경사" in text.text and "그레이디언트" not in text.text
    assert text.lines[text.text.index("경사")] == 3


@pytest.mark.parametrize(("rel", "first"), [("tables/glossary.md", "english"), ("ko/tables/glossary.md", "korean")])
def test_the_glossary_pages_show_every_row(rel, first):
    """The page's table, read back: one row per concept, each with its English and Korean words."""
    lines = [ln for ln in generated.read(rel).splitlines() if ln.startswith("|")][2:]
    shown = sorted(tuple(c.strip() for c in ln.strip("|").split("|")[:2]) for ln in lines)
    expected = sorted((r.english, r.korean) if first == "english" else (r.korean, r.english) for r in rows())
    assert shown == expected
    column = [s[0] for s in (tuple(c.strip() for c in ln.strip("|").split("|")[:2]) for ln in lines)]
    assert column == sorted(column, key=str.casefold if first == "english" else None), f"{rel} is not in {first} order"
