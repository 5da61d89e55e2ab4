"""The built site: strict build, one page per registry entry, figures, seed table, no external requests."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from activations import FAMILIES, REGISTRY
from conftest import ROOT

DOCS = ROOT / "docs"
SITE_DESCRIPTION = " ".join(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_description"].split())


class Page(HTMLParser):
    """Collects the tags and visible text of one HTML page."""

    def __init__(self, path: Path):
        super().__init__()
        self.path, self.tags, self.text, self._skip = path, [], [], 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    def visible_text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def pages(site: Path) -> list[Page]:
    return [Page(p) for p in sorted(site.rglob("*.html"))]


def resolve(site: Path, page: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)
    return (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path).resolve()


def nav_files(nav) -> list[str]:
    files = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files += nav_files(value) if isinstance(value, list) else [value]
    return files


def test_every_registry_entry_has_a_page_in_the_nav_and_every_page_an_entry():
    nav = nav_files(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["nav"])
    in_nav = [Path(f).stem for f in nav if f.startswith("activations/")]
    on_disk = {p.stem for p in (DOCS / "activations").glob("*.md")}
    assert len(in_nav) == len(set(in_nav))
    assert set(in_nav) == on_disk == {a.page_slug for a in REGISTRY.values()}


def test_nav_groups_activations_by_family():
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["nav"]
    groups = {next(iter(item)): nav_files(next(iter(item.values()))) for item in nav
              if isinstance(item, dict) and isinstance(next(iter(item.values())), list)}
    groups = {name: files for name, files in groups.items() if any(f.startswith("activations/") for f in files)}
    assert list(groups) == list(FAMILIES)
    for family, files in groups.items():
        assert {Path(f).stem for f in files} == {a.page_slug for a in REGISTRY.values() if a.family == family}


def figure_stem(entry) -> str:
    if entry.elementwise or entry.family == "Gated" or entry.slug == "softmax":
        return entry.slug
    return f"{entry.slug}-two-classes"


@pytest.mark.parametrize("slug", list(REGISTRY))
def test_activation_page_shows_its_figures_formulas_tables_and_code(site, slug):
    entry = REGISTRY[slug]
    page = Page(site / "activations" / entry.page_slug / "index.html")
    images = [a["src"] for t, a in page.tags if t == "img"]
    for theme in ("light", "dark"):
        src = next(s for s in images if s.endswith(f"generated/figures/{figure_stem(entry)}-{theme}.svg#only-{theme}"))
        assert resolve(site, page.path, src).is_file()
    html = page.path.read_text()
    assert html.count('class="arithmatex"') >= 2
    text = page.visible_text()
    assert f"def {entry.fn.__name__}(" in text, "the implementation is not included"
    assert "Origin:" in text and "PyTorch" in text and "JAX" in text
    if entry.elementwise:
        assert "global minimum" in text and "smoothness" in text


def test_every_framework_row_belongs_to_an_entry():
    from frameworks import FRAMEWORKS

    assert set(FRAMEWORKS) == set(REGISTRY)


def test_all_activations_page_lists_every_entry_in_a_sortable_table(site):
    page = Page(site / "all-activations" / "index.html")
    html = page.path.read_text()
    assert '<div class="sortable">' in html
    for a in REGISTRY.values():
        assert f">{a.name}</a>" in html, a.name
    assert any(t == "img" and "all-activations-light.svg" in a.get("src", "") for t, a in page.tags)


def test_every_image_exists_and_has_alt_text_and_size(site):
    count = 0
    for page in pages(site):
        for tag, attrs in page.tags:
            if tag == "img":
                count += 1
                assert resolve(site, page.path, attrs["src"]).is_file(), (page.path, attrs["src"])
                assert len(attrs.get("alt", "")) > 20, (page.path, attrs["src"])
                assert attrs.get("width") and attrs.get("height"), (page.path, attrs["src"])
    assert count >= 2 * len({a.page_slug for a in REGISTRY.values()})


def test_softmax_page_contains_the_seed_table(site):
    text = Page(site / "activations" / "softmax" / "index.html").visible_text()
    for cls, score, p in [("개 (dog)", 2, "0.000334"), ("고양이 (cat)", 10, "0.997071"),
                          ("강아지 (puppy)", 1, "0.000123"), ("사람 (person)", 4, "0.002471")]:
        assert f"{cls} {score} {p}" in text
    for v in ("9.99954600e-01", "4.53978686e-05", "2.06106005e-09"):
        assert v in text


def test_nothing_is_loaded_from_another_host(site):
    external = re.compile(r"^(https?:)?//", re.I)
    for page in pages(site):
        for tag, attrs in page.tags:
            urls = []
            if tag in ("script", "img", "iframe", "source", "audio", "video"):
                urls.append(attrs.get("src") or "")
            if tag == "link" and set((attrs.get("rel") or "").split()) & {"stylesheet", "preload", "icon", "modulepreload"}:
                urls.append(attrs.get("href") or "")
            for url in urls:
                assert not external.match(url), f"{page.path.relative_to(site)}: <{tag}> loads {url}"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text()):
            assert not external.match(url), f"{css.relative_to(site)} loads {url}"
            if not url.startswith("data:"):
                assert resolve(site, css, url).is_file(), f"{css.relative_to(site)}: missing {url}"


def test_every_page_has_a_description_and_title(site):
    for page in pages(site):
        if page.path.name == "404.html":
            continue
        metas = {a.get("name"): a.get("content") for t, a in page.tags if t == "meta"}
        assert metas.get("description"), page.path
        # a page whose front matter does not parse falls back to the site's description and
        # shows its front matter as text
        assert metas["description"] != SITE_DESCRIPTION or page.path.parent == site, page.path
        assert "description:" not in page.visible_text(), page.path


# --- authored pages: numbers come from generated snippets, not from the keyboard ---------------

DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+")


def _prose(md: str) -> str:
    md = re.sub(r"^---\n.*?\n---\n", "", md, flags=re.S)  # front matter
    md = re.sub(r"```.*?```", "", md, flags=re.S)  # code blocks
    md = re.sub(r"\$\$.*?\$\$", "", md, flags=re.S)  # display math
    md = re.sub(r"\$[^$\n]+\$", "", md)  # inline math
    md = re.sub(r"`[^`\n]+`", "", md)  # inline code
    return "\n".join(ln for ln in md.splitlines() if "--8<--" not in ln)


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
                                        if "generated" not in p.parts))
def test_no_hand_typed_decimal_numbers(page):
    found = DECIMAL.findall(_prose((DOCS / page).read_text()))
    assert not found, f"{page} types {found}: generate these numbers in scripts/ and include them"
