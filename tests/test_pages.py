"""Activation pages follow the registry: every entry has a page, authored or generated, in the nav under its family."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from activations import FAMILIES, REGISTRY
from conftest import ROOT
from messages import _, language
from test_site import Page, resolve
from tests import languages

DOCS = ROOT / "docs"
AUTHORED = sorted((DOCS / "activations").glob("*.md"))  # English and translated
# The navigation around the activation sections, as mkdocs.yml lists it.
BEFORE = ["Home", "Why activation functions", "Which activation should I use?", "All activations", "Experiments"]
AFTER = ["References", "Korean terms"]


def entries_by_page() -> dict[str, list]:
    """Page slug -> its entries, in registry order."""
    out: dict[str, list] = {}
    for a in REGISTRY.values():
        out.setdefault(a.page or a.slug, []).append(a)
    return out


class Nav(HTMLParser):
    """The primary navigation of a built page: [(title, href)] for links, [(title, [...])] for sections."""

    def __init__(self, html: str):
        super().__init__()
        self.tree: list = []
        self._stack = [self.tree]
        self._depth = 0  # <nav> elements open inside the primary navigation
        self._text: str | None = None
        self._href: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "nav" and ("md-nav--primary" in classes or self._depth):
            self._depth += 1
        if not self._depth:
            return
        if tag == "ul" and self._depth > 1:  # a section's list: its items go under the section's title
            title, items = self.tree_top()[-1][0], []
            self.tree_top()[-1] = (title, items)
            self._stack.append(items)
        if tag in ("a", "label") and "md-nav__link" in classes:
            self._text, self._href = "", attrs.get("href")

    def tree_top(self) -> list:
        return self._stack[-1]

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "ul" and len(self._stack) > 1 and self._depth > 1:
            self._stack.pop()
        if tag in ("a", "label") and self._text is not None:
            self.tree_top().append((" ".join(self._text.split()), self._href))
            self._text = None
        if tag == "nav":
            self._depth -= 1

    def handle_data(self, data):
        if self._text is not None:
            self._text += data


def page_title(page_slug: str, docs: Path, locale: str = languages.DEFAULT) -> str:
    """A page's title: `title:` in an authored page's front matter, else (a translation) its heading, else the
    name of the entry it is named after, in `locale`."""
    path = languages.translation(docs / "activations" / f"{page_slug}.md", locale)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        front = re.match(r"^---\n(.*?)\n---\n", text, re.S)
        if front and "title" in (meta := yaml.safe_load(front.group(1))):
            return meta["title"]
        if locale != languages.DEFAULT:  # an English page's heading is its entry's name, a translation's is not
            return re.search(r"^# (.+?)(?:\s*\{#[\w-]+\})?$", text, re.M).group(1)
    with language(locale):
        return _(next(a.name for a in REGISTRY.values() if a.slug == page_slug))


def nav_title(title: str, locale: str) -> str:
    """An item of mkdocs.yml's nav as the `locale` site names it."""
    return languages.SETTINGS[locale].get("nav_translations", {}).get(title, title)


def check_navigation(site: Path, docs: Path = DOCS, locale: str = languages.DEFAULT) -> None:
    """The built nav of a language: mkdocs.yml's items around one section per family, each with its entries' pages."""
    home = languages.site_folder(site, locale)
    nav = Nav((home / "404.html").read_text(encoding="utf-8")).tree  # a page that opens no section
    families = [f for f in FAMILIES if any(a.family == f for a in REGISTRY.values())]
    assert [title for title, _ in nav] == [nav_title(t, locale) for t in BEFORE + families + AFTER]
    sections = dict(nav)
    for family in families:
        expected = [(page_title(slug, docs, locale), f"/{languages.prefix(locale)}activations/{slug}/")
                    for slug, entries in entries_by_page().items() if entries[0].family == family]
        assert sections[nav_title(family, locale)] == expected, family
    for slug, entries in entries_by_page().items():
        assert all(a.family == entries[0].family for a in entries), f"{slug} documents entries of two families"
        assert (home / "activations" / slug / "index.html").is_file(), slug


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_the_nav_has_a_section_per_family_with_every_entry_s_page(site, locale):
    check_navigation(site, locale=locale)


def test_every_authored_page_documents_a_registry_entry():
    assert languages.english(AUTHORED), "docs/activations/ holds the authored pages"
    stray = [p.name for p in languages.english(AUTHORED) if p.stem not in entries_by_page()]
    assert not stray, f"pages without a registry entry (name a page after an entry's slug or `page`): {stray}"
    # x.ko.md is the Korean page of x: it documents x's entries
    assert languages.korean(AUTHORED), "docs/activations/ holds the Korean pages, <slug>.ko.md"
    stray = [p.name for p in AUTHORED if p not in languages.english(AUTHORED)
             and languages.stem(p) not in entries_by_page()]
    assert not stray, f"translated pages without a registry entry (name a page <slug>.<locale>.md): {stray}"


def test_mkdocs_yml_lists_no_activation_page_by_hand():
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["nav"]
    assert nav.count("activations/") == 1
    assert not re.search(r"activations/[\w-]+\.md", yaml.safe_dump(nav)), "the hook lists the pages"


def test_an_authored_page_without_an_entry_stops_the_build(tmp_path):
    import activation_pages_hook as hook
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File, Files

    (tmp_path / "activations").mkdir()
    (tmp_path / "activations" / "not-an-activation.md").write_text("# Not one\n")
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site")})
    files = Files([File("activations/not-an-activation.md", str(tmp_path), str(tmp_path / "site"), True)])
    with pytest.raises(PluginError, match="not-an-activation"):
        hook.on_files(files, config)


SNIPPET = re.compile(r'^--8<-- "([^":]+)(?::([\w-]+))?"$', re.M)


@pytest.mark.parametrize("page_slug", list(entries_by_page()))
def test_a_generated_page_includes_only_what_exists(page_slug):
    """Any entry's generated page would build: every file and source section it includes exists."""
    from activation_pages import page_markdown

    md = page_markdown(entries_by_page()[page_slug])
    for path, section in SNIPPET.findall(md):
        assert (ROOT / path).is_file(), path
        if section:
            assert f"# --8<-- [start:{section}]" in (ROOT / path).read_text(encoding="utf-8"), (path, section)
    for a in entries_by_page()[page_slug]:
        assert f":{a.fn.__name__}\"" in md and (a.derivative is None or f":{a.derivative.__name__}\"" in md), a.slug


# --- a site in which some entries have no authored page ---------------------------------------------

# one of each kind: elementwise, a page for two entries, gated, a vector output
HIDDEN = ("softsign", "gelu", "swiglu", "log-softmax")
BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config("mkdocs.yml", site_dir=sys.argv[1], docs_dir=sys.argv[2], strict=True))
"""


@pytest.fixture(scope="module")
def generated_site(site, tmp_path_factory) -> Path:
    """The site built from docs/ without the authored pages of HIDDEN, into site/ beside that docs/ folder
    (`site` has generated the fragments)."""
    docs = tmp_path_factory.mktemp("generated") / "docs"
    docs.mkdir()
    for item in DOCS.iterdir():
        if item.name != "activations":
            (docs / item.name).symlink_to(item)
    (docs / "activations").mkdir()
    for page in AUTHORED:
        if languages.stem(page) not in HIDDEN:  # hidden in every language
            (docs / "activations" / page.name).symlink_to(page)
    out = docs.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")}
    result = subprocess.run([sys.executable, "-c", BUILD, str(out), str(docs)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"the build with generated pages failed:\n{result.stderr}"
    return out


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_generated_pages_keep_the_nav(generated_site, locale):
    check_navigation(generated_site, generated_site.parent / "docs", locale)


@pytest.mark.parametrize("locale", languages.LANGUAGES)
@pytest.mark.parametrize("page_slug", HIDDEN)
def test_a_generated_page_has_every_standard_section(generated_site, page_slug, locale):
    first, *others = entries_by_page()[page_slug]
    page = Page(languages.site_folder(generated_site, locale) / "activations" / page_slug / "index.html")
    html = page.path.read_text(encoding="utf-8")
    text = page.visible_text()
    with language(locale):
        assert re.search(rf'<h1 id="[\w-]+">{re.escape(_(first.name))}<', html)
    meta = {a.get("name"): a.get("content") for t, a in page.tags if t == "meta"}
    english = locale == languages.DEFAULT  # the sentences checked word for word below are the English ones
    assert meta["description"].startswith(f"{first.name} - definition") or not english
    headings = re.findall(r'<h2 id="([\w-]+)"', html)
    standard = ["definition", *(["properties"] if first.elementwise else []), "in-your-framework", "implementation"]
    assert headings == standard + [a.slug for a in others]
    images = [a["src"] for t, a in page.tags if t == "img"]
    for a in (first, *others):
        assert f"{a.name}: {a.summary}." in text or not english
        stem = a.slug if a.elementwise or a.family == "Gated" else f"{a.slug}-two-classes"
        for theme in ("light", "dark"):
            src = next(s for s in images if s.endswith(f"generated/figures/{stem}-{theme}.svg#only-{theme}"))
            assert resolve(generated_site, page.path, src).is_file()
        assert f"def {a.fn.__name__}(" in text
        if a.derivative is not None:
            assert f"def {a.derivative.__name__}(" in text
        assert f"The tests compare {a.fn.__name__} with values computed to 50 significant digits" in text or not english
        if a.elementwise and english:
            assert "global minimum" in text and "smoothness" in text
    assert text.count("Origin:") == 1 + len(others) or not english
    assert "PyTorch" in text and "JAX" in text
    assert html.count('class="arithmatex"') >= 2 * (1 + len(others))
