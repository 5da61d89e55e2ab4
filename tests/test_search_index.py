"""The built site's search indexes (search/search_index.json, and <locale>/search/search_index.json for
each other language, with locations relative to that language's folder): what a reader reads, once.

The expected values come from the built pages and the executed notebooks themselves, read here
with a parser of the test's own, not from scripts/hooks/search_hook.py.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from tests import languages

SOURCES = sorted((ROOT / "docs" / "experiments").glob("*.py"))  # executed when the site is built
EXPERIMENTS = [(languages.locale_of(p), languages.stem(p)) for p in SOURCES]  # (locale, the pages' name)
EXECUTED = ROOT / "docs" / "generated" / "executed" / "experiments"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
TEX = re.compile(r"\\[A-Za-z]+|\\[()\[\]{}]|\$|[_^]\{")
# lunr's weight of a term in a field, with Material's b = 0 (no length normalisation), is
# (k1 + 1) tf / (k1 + tf), k1 = 1.2: 1 for one occurrence, approaching k1 + 1 for many.
K1 = 1.2


@pytest.fixture(scope="module")
def indexes(site) -> dict[str, list[dict]]:
    """locale -> the entries of that language's index."""
    return {locale: json.loads((languages.site_folder(site, locale) / "search" / "search_index.json")
                               .read_text(encoding="utf-8"))["docs"] for locale in languages.LANGUAGES}


def is_code(entry: dict) -> bool:
    return "#cell-" in entry["location"]


def plain(text: str) -> str:
    """Index text as a reader sees it: tags out, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", text))


def squeeze(text: str) -> str:
    """Text without white space (the indexer turns a formula's thin spaces into plain ones)."""
    return re.sub(r"\s+", "", text)


class Formulas(HTMLParser):
    """The text of each formula's MathML on a page, without its TeX annotation."""

    def __init__(self, html: str):
        super().__init__()
        self.open: list[bool] = []  # per open element: whether it is in a formula's text
        self.found: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        inside = bool(self.open and self.open[-1])
        if tag == "math":
            self.found.append("")
            inside = True
        elif tag == "annotation":
            inside = False
        self.open.append(inside)

    def handle_endtag(self, tag):
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1]:
            self.found[-1] += data


def page_url(site: Path, html: Path) -> str:
    rel = html.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_no_tex_and_no_copy_button_text_in_the_index(indexes, locale):
    index = indexes[locale]
    assert index
    prose = [e for e in index if not is_code(e)]
    for e in prose:
        text = re.sub(r"<(pre|code)>.*?</\1>", "", e["text"], flags=re.S)  # code may hold a backslash
        assert not TEX.search(e["title"] + " " + plain(text)), (e["location"], TEX.search(plain(text)))
        assert "¶" not in e["title"], e["location"]
    assert not [e["location"] for e in index if "Copied!" in e["text"]]


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_each_formula_is_indexed_as_the_text_of_its_mathml_without_its_tex(site, indexes, locale):
    """Each formula is MathML with its TeX source as an annotation; the index holds the MathML's text
    (what a screen reader reads) and not the TeX. Each language's index holds its own pages."""
    index, home = indexes[locale], languages.site_folder(site, locale)
    checked = 0
    for html in languages.built_pages(site, locale):
        url = page_url(home, html)
        text = squeeze(" ".join(plain(e["text"]) for e in index if e["location"].split("#")[0] == url))
        for mathml in (squeeze(m) for m in Formulas(html.read_text(encoding="utf-8")).found):
            assert mathml in text, f"{url}: formula {mathml!r} is not in the index"
            checked += 1
    assert checked > 300


@pytest.mark.parametrize(("locale", "name"), EXPERIMENTS, ids=[p.stem for p in SOURCES])
def test_notebook_code_is_indexed_once_per_cell_and_ranks_below_prose(site, indexes, locale, name):
    """Each code cell is one entry, anchored at its cell, boosted so that no number of repetitions
    of a word in code outweighs one mention in prose; headings each start a prose entry."""
    index = indexes[locale]
    executed = name if locale == languages.DEFAULT else f"{name}.{locale}"  # as `make figures` names it
    cells = json.loads((EXECUTED / f"{executed}.ipynb").read_text(encoding="utf-8"))["cells"]
    url = f"experiments/{name}/"
    page = (languages.site_folder(site, locale) / url / "index.html").read_text(encoding="utf-8")
    prose_boost = min(e.get("boost", 1) for e in index if not is_code(e))
    code = [e for e in index if is_code(e) and e["location"].startswith(url + "#")]
    sources = ["".join(c["source"]).strip() for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert len(code) == len(sources), f"{url}: {len(sources)} code cells, {len(code)} code entries"
    for source in sources:
        needle = escape(source, quote=False)
        holders = [(e["location"], e["text"].count(needle)) for e in index if needle in e["text"]]
        assert len(holders) == 1 and holders[0][1] == 1, f"{url}: a code cell is indexed as (entry, times) {holders}, not once"
        entry = next(e for e in code if needle in e["text"])
        assert f'id="{entry["location"].split("#")[1]}"' in page, f"{entry['location']} is not an anchor on the page"
        assert entry["boost"] * (K1 + 1) < prose_boost, f"{entry['location']} can outrank prose"
    # every heading of the notebook's text starts an entry of its own, the first is the page's
    # (a translated heading's `{#id}` keeps the English anchor and is not part of its title)
    headings = [re.sub(r"\s*\{#[\w-]+\}$", "", line.lstrip("#").strip()) for c in cells if c["cell_type"] == "markdown"
                for line in "".join(c["source"]).splitlines() if line.startswith("#")]
    titles = {e["title"]: e for e in index if e["location"].split("#")[0] == url and not is_code(e)}
    assert headings and all(h in titles for h in headings), (headings, list(titles))
    assert titles[headings[0]]["location"] == url and titles[headings[0]]["text"].startswith("<p>")
