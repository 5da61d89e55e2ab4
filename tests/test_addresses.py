"""Where the site says it lives, and how a page names its translation.

The publishing workflow gives the build the site's public address (SITE_URL): every page then names
its canonical address, and the sitemap lists every page of every language with its translations as
hreflang alternates, which is where a search engine learns that /ko/activations/relu/ is the Korean
/activations/relu/. No build puts hreflang <link> tags in a page: Material fetches a sitemap.xml next
to the address of each such tag, so tags naming the same page in the other language would make a
failed request on every page. The language menu leads to the same page in the other language.

The expected addresses are worked out from the built folders, not from the hooks.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT, late_job, mkdocs_build
from tests.languages import LANGUAGES, built_pages, prefix, site_folder

BASE = "https://example.org/activation-functions/"  # below a path, as a project's GitHub Pages site is
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ALTERNATE_LINK = re.compile(r'<link\b[^>]*\brel="alternate"[^>]*>')
MENU_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link">')


@late_job
def published(_site, tmp) -> Path:
    """The site as the publishing workflow builds it (GitHub gives the address without its final "/")."""
    return mkdocs_build(tmp.mktemp("published"), site_url=BASE.rstrip("/"))


def pages(site: Path) -> list[tuple[str, str, Path]]:
    """(locale, the page's path inside its language's tree, its index.html) for every built page."""
    out = []
    for locale in LANGUAGES:
        for page in built_pages(site, locale):
            rel = page.parent.relative_to(site_folder(site, locale)).as_posix()
            out.append((locale, "" if rel == "." else rel + "/", page))
    return out


@pytest.mark.late("published")
def test_the_sitemap_lists_every_page_of_every_language_with_its_translations(late):
    published = late
    entries = {}
    for url in ET.parse(published / "sitemap.xml").getroot().findall("s:url", SITEMAP):
        loc = url.find("s:loc", SITEMAP).text.strip()
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = {link.get("hreflang"): link.get("href")
                        for link in url.findall("x:link", SITEMAP) if link.get("rel") == "alternate"}
    expected = {BASE + prefix(locale) + rel: {other: BASE + prefix(other) + rel for other in LANGUAGES}
                for locale, rel, _ in pages(published)}
    assert len(expected) >= 2 * 30, "the built pages were not found"
    assert entries == expected


@pytest.mark.late("published")
def test_every_page_names_its_own_address_as_canonical(late):
    published = late
    for locale, rel, page in pages(published):
        html = page.read_text(encoding="utf-8")
        assert re.findall(r'<link rel="canonical" href="([^"]*)">', html) == [BASE + prefix(locale) + rel], page


@pytest.mark.late("published")
@pytest.mark.parametrize("build", ["site", "published"])
def test_no_page_has_link_tags_that_make_material_fetch_a_sitemap_next_to_them(build, site, late):
    site = {"site": site, "published": late}[build]
    found = {page.relative_to(site).as_posix(): ALTERNATE_LINK.findall(page.read_text(encoding="utf-8"))
             for page in site.rglob("*.html")}
    assert len(found) >= 2 * 30
    assert {page: tags for page, tags in found.items() if tags} == {}


@pytest.mark.late("published")
@pytest.mark.parametrize("build", ["site", "published"])
def test_the_language_menu_leads_to_the_same_page_in_each_language(build, site, late):
    site = {"site": site, "published": late}[build]
    for _locale, rel, page in pages(site):
        menu = dict((lang, href) for href, lang in MENU_LINK.findall(page.read_text(encoding="utf-8")))
        assert sorted(menu) == sorted(LANGUAGES), page
        address = urljoin("https://host/x/", page.relative_to(site).parent.as_posix() + "/")
        for lang, href in menu.items():
            assert not href.startswith("/"), f"{page}: {href} breaks on a site served below a path"
            assert urljoin(address, href) == "https://host/x/" + prefix(lang) + rel, f"{page}: {lang} -> {href}"


@pytest.mark.late("published")
def test_the_404_pages_load_everything_from_below_the_sites_path(late):
    """A 404 page is served at any depth, so its links start at the site's root: the path of SITE_URL."""
    path = urlsplit(BASE).path
    for locale in LANGUAGES:
        html = (site_folder(late, locale) / "404.html").read_text(encoding="utf-8")
        local = [ref for ref in re.findall(r'(?:href|src)="([^"#]+)"', html)
                 if not ref.startswith(("http://", "https://", "data:", "mailto:"))]
        assert len(local) >= 5 and [ref for ref in local if not ref.startswith(path)] == [], locale
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
        assert config["base"].rstrip("/") + "/" == path + prefix(locale), locale


@pytest.mark.late("published")
@pytest.mark.parametrize("build", ["site", "published"])
def test_the_language_menu_of_a_404_page_leads_to_each_languages_home_page(build, site, late):
    site, path = {"site": (site, "/"), "published": (late, urlsplit(BASE).path)}[build]
    for locale in LANGUAGES:
        html = (site_folder(site, locale) / "404.html").read_text(encoding="utf-8")
        menu = {lang: href for href, lang in MENU_LINK.findall(html)}
        assert menu == {lang: path + prefix(lang) for lang in LANGUAGES}, locale


def test_the_publishing_workflow_builds_the_site_it_uploads_with_the_address_github_gives():
    steps = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())["jobs"]["build"]["steps"]
    configure = [step for step in steps if step.get("uses", "").startswith("actions/configure-pages@")]
    build = [step for step in steps if step.get("run") == "make site"]
    assert len(configure) == 1 and len(build) == 1
    assert build[0]["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % configure[0]["id"]
    assert steps.index(configure[0]) < steps.index(build[0])


@pytest.mark.parametrize("value, expected", [
    ("https://example.org", "https://example.org/"),
    ("https://octocat.github.io/my-repo", "https://octocat.github.io/my-repo/"),
    (" http://example.org/docs/ ", "http://example.org/docs/"),
    ("", None),
])
def test_the_address_hook_takes_a_plain_address(monkeypatch, value, expected):
    import site_url_hook

    monkeypatch.setenv("SITE_URL", value)
    assert site_url_hook.on_config({"site_url": None})["site_url"] == expected


@pytest.mark.parametrize("value", ["ftp://example.org/", "https://user:token@example.org/", "https://example.org/?a=1",
                                   "https://example.org/#top", "example.org", "https://"])
def test_the_address_hook_refuses_what_is_not_a_plain_address(monkeypatch, value):
    import site_url_hook

    monkeypatch.setenv("SITE_URL", value)
    with pytest.raises(ValueError, match="SITE_URL"):
        site_url_hook.on_config({"site_url": None})
