"""MkDocs hook: the search index holds what a reader reads, once.

Material's search plugin indexes each page's HTML as rendered. Here that HTML holds every formula
three times (KaTeX's HTML, its MathML, and the TeX source in a MathML annotation), and each notebook
code cell twice (the visible cell, and the hidden text its copy button copies, next to the button's
"Copied!"). The notebook's cells are nested, so the indexer also files every code cell under the
page's first entry, which then matches the page title with a snippet of imports.

This hook hands Material's own indexer a view of each page instead: formulas once, as the text of
their MathML; no copy-button text; notebook prose flattened, so each heading starts an entry; and
each code cell, with what it printed, an entry of its own (anchored at the cell), boosted below prose.
The index is written again after the search plugin wrote its own, so the site has one index.
"""

from __future__ import annotations

import os
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs import utils
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads a hook by path, not as a package
import languages  # noqa: E402

# lunr (b = 0: no length normalisation) weights a term by (k1 + 1) * tf / (k1 + tf) with k1 = 1.2, so
# however often a code cell repeats a word it weighs at most 2.2 single mentions; at this boost it
# stays below any prose entry that has the word once, even on the least boosted page (the glossary, 0.1).
CODE_BOOST = 0.04
CODE_TITLE = "Code"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# (tag, class) of the elements whose text a reader does not read: a formula's TeX source (its MathML
# stays), the pieces a long formula is drawn in (its whole copy stays) and the permalink signs of notebook headings. (A notebook's copy buttons and their hidden
# text lie outside what is read of its cells.)
DROP = {("annotation", None), ("a", "anchor-link"), ("span", "katex-pieces")}

_pages: list[SimpleNamespace] = []  # what the indexer reads of each page, in build order
_cells: dict[str, list[tuple[str, str]]] = {}  # notebook page URL -> (cell id, entry text) per code cell


class _View(HTMLParser):
    """Re-emit a page's HTML without the dropped elements; on a notebook page, emit only the
    Markdown cells and collect each code cell's source and printed output."""

    def __init__(self, notebook: bool):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.cells: list[tuple[str, list[str], list[str]]] = []  # (cell id, source, output)
        # per open element: its tag, whether it was emitted, and what becomes of its content
        # (emit, silent, drop, or collect as code or output)
        self.open = [("", False, "silent" if notebook else "emit")]

    def _content(self, tag: str, attrs: dict[str, str | None]) -> str:
        mode, classes = self.open[-1][2], (attrs.get("class") or "").split()
        if mode == "drop" or any(t == tag and (c is None or c in classes) for t, c in DROP):
            return "drop"
        if "jp-CodeCell" in classes and attrs.get("id"):
            self.cells.append((attrs["id"], [], []))
        if "jp-RenderedMarkdown" in classes:
            return "emit"  # the cell's own <div> stays out: its headings must be top-level to start entries
        if "highlight-ipynb" in classes:
            return "code"
        if "jp-OutputArea-output" in classes:
            return "output"
        return mode

    def handle_starttag(self, tag, attrs):
        parent, content = self.open[-1][2], self._content(tag, dict(attrs))
        emitted = parent == "emit" and content != "drop"
        if emitted:
            rendered = "".join(f' {k}="{escape(v)}"' if v is not None else f" {k}" for k, v in attrs)
            self.out.append(f"<{tag}{rendered}>")
        if tag not in VOID:
            self.open.append((tag, emitted, content))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in [t for t, _, _ in self.open[1:]]:
            return  # a stray end tag
        while True:  # an element left open inside this one ends with it, as in a browser
            closed, emitted, _ = self.open.pop()
            if emitted:
                self.out.append(f"</{closed}>")
            if closed == tag:
                return

    def handle_data(self, data):
        mode = self.open[-1][2]
        if mode == "emit":
            self.out.append(escape(data, quote=False))
        elif mode in ("code", "output") and self.cells:
            self.cells[-1][1 if mode == "code" else 2].append(data)


def search_view(html: str, notebook: bool) -> tuple[str, list[tuple[str, str]]]:
    """The HTML the indexer should read, and (cell id, entry text) for each notebook code cell."""
    view = _View(notebook)
    view.feed(html)
    view.close()
    cells = []
    for cell, source, output in view.cells:
        text = "".join(f"<pre>{escape(part.strip(chr(10)), quote=False)}</pre>" for part in ("".join(source), "".join(output))
                       if part.strip())
        if text:
            cells.append((cell, text))
    # leading white space would open an untitled entry ahead of the first heading
    return "".join(view.out).lstrip(), cells


def on_pre_build(config) -> None:
    _pages.clear()  # `mkdocs serve` rebuilds in the same process
    _cells.clear()
    search = config.plugins.get("material/search")
    if search is not None and getattr(search, "search_index", None) is not None:
        # The search plugin would index each page as rendered, only for on_post_build below to replace
        # its index: it keeps its other work on a page (and writes an empty index first), not that.
        search.search_index.add_entry_from_context = lambda page: None


def on_page_context(context, page, config, nav):  # noqa: ARG001 - MkDocs hook signature
    notebook = page.file.src_uri.endswith(".ipynb")
    content, cells = search_view(page.content or "", notebook)
    _pages.append(SimpleNamespace(content=content, toc=page.toc, url=page.url, meta=page.meta, title=page.title))
    _cells[page.url] = cells
    return context


@event_priority(-50)  # after the search plugin wrote its index, which this one replaces
def on_post_build(config) -> None:
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled:
        return
    index = SearchIndex(**search.config)
    for page in _pages:
        index.add_entry_from_context(page)  # Material's own sectioning, titles, tags and boosts
        if (page.meta.get("search") or {}).get("exclude"):
            continue
        index.entries += [{"location": f"{page.url}#{cell}", "title": CODE_TITLE, "text": text, "boost": CODE_BOOST}
                          for cell, text in _cells[page.url]]
    # Each language has its own index under its folder (ko/search/...), with addresses from that folder.
    folder = languages.prefix(languages.current(config))
    for entry in index.entries:
        entry["location"] = entry["location"].removeprefix(folder)
    data = index.generate_search_index(None)
    utils.write_file(data.encode("utf-8"), os.path.join(config.site_dir, folder, "search", "search_index.json"))
