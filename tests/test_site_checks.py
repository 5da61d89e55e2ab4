"""Checks over the whole built site: links (linkchecker) and anchors, HTML validity, reproducible builds."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT, late_job, mkdocs_build, require_tool
from serve_site import serving

VNU = ROOT / "scripts" / "tools" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors the HTML validator reports in markup that Material's own templates write, which we
# cannot change without forking those templates. Everything else fails the test.
MATERIAL_ERRORS = {
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off", which
    # stops Firefox from restoring their checked state on back/forward navigation.
    "Attribute “autocomplete” is only allowed when the input type is",
    # partials/nav-item.html: section labels that are not links get tabindex="" (meaning: not
    # focusable) under the navigation.sections feature.
    "Bad value “” for attribute “tabindex” on element “label”",
}


class _Anchors(HTMLParser):
    """A page's anchors (id and a[name]) and the href of each of its links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.ids.update(v for k, v in attrs.items() if v and (k == "id" or (k == "name" and tag == "a")))
        if tag in ("a", "area") and attrs.get("href"):
            self.links.append(attrs["href"])


def broken_anchors(site: Path) -> list[str]:
    """Every link from a page of site to #id of a page of site that has no element with that id,
    as "page -> link"; a link whose page is missing is linkchecker's to report."""
    pages = {}
    for path in site.rglob("*.html"):
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        url = "/" + path.relative_to(site).as_posix()
        pages[url.removesuffix("index.html")] = parser
        pages[url] = parser
    broken = []
    for url, parser in pages.items():
        if url.endswith("index.html"):
            continue  # the same page as its folder's URL
        for href in parser.links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            page = pages.get(unquote(parts.path))
            if page is not None and unquote(parts.fragment) not in page.ids:
                broken.append(f"{url} -> {href}")
    return sorted(broken)


def test_every_link_to_an_anchor_finds_its_element(site):
    assert broken_anchors(site) == []


def test_a_missing_anchor_is_found_on_the_page_and_across_pages_and_languages(tmp_path):
    pages = {
        "index.html": '<h2 id="top">x</h2><a href="#top">ok</a> <a href="#gone">same page</a> <a href="a/#sec">ok</a>'
                      ' <a href="https://example.org/#x">other site</a>',
        "a/index.html": '<a name="sec"></a><a href="../#top">ok</a> <a href="../ko/a/#sec">Korean twin</a>',
        "ko/a/index.html": '<h2 id="other">x</h2><a href="../../a/#missing">English page</a>',
    }
    for rel, html in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"<!doctype html><html><body>{html}</body></html>")
    assert broken_anchors(tmp_path) == ["/ -> #gone", "/a/ -> ../ko/a/#sec", "/ko/a/ -> ../../a/#missing"]


def _linkchecker() -> str | None:
    return shutil.which("linkchecker", path=str(Path(sys.executable).parent))


@late_job
def links(site: Path, _tmp) -> subprocess.CompletedProcess | None:
    """linkchecker over the served site (None without linkchecker)."""
    exe = _linkchecker()
    if exe is None:
        return None
    with serving(site, fast_link_checks=True) as url:
        return subprocess.run([exe, "--config", str(ROOT / "tests" / "linkcheckerrc"), url],
                              capture_output=True, text=True, timeout=300)


@pytest.mark.late("links")
def test_every_internal_link_resolves(late):
    require_tool("linkchecker", _linkchecker() is not None, "Run `make install` to install the pinned test dependencies.")
    summary = [ln for ln in late.stdout.splitlines() if "links in" in ln]
    assert late.returncode == 0, late.stdout[-6000:]
    assert summary and " 0 warnings found" in summary[0] and " 0 errors found" in summary[0], summary


def _validator() -> bool:
    return shutil.which("java") is not None and VNU.is_file()


@late_job
def validated(site: Path, _tmp) -> subprocess.CompletedProcess | None:
    """The HTML validator over every page (None without Java or the validator)."""
    if not _validator():
        return None
    return subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--format", "json", str(site)],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.late("validated")
def test_html_is_valid_apart_from_materials_known_errors(site, late):
    require_tool("The HTML validator (Java and scripts/tools/node)", _validator(),
                 "Install Java 17+ (`sudo apt-get install default-jre-headless`) and run `make install`.")
    assert late.returncode in (0, 1), late.stderr[-2000:]  # 1: errors were found, 2+: it did not run
    messages = json.loads(late.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    unexpected = [f'{m["url"].split(str(site))[-1]}:{m.get("lastLine")}: {m["message"]}' for m in errors
                  if not any(m["message"].startswith(known) for known in MATERIAL_ERRORS)]
    assert not unexpected, "\n".join(unexpected)


@late_job
def built_again(_site, tmp) -> Path:
    """A second clean build of the same sources."""
    return mkdocs_build(tmp.mktemp("again"))


@pytest.mark.late("built_again")
def test_two_clean_builds_are_byte_identical(site, late):
    def differences(cmp: filecmp.dircmp, prefix: str = "") -> list[str]:
        out = [prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out += [prefix + n for n in mismatch + errors]
        for name, sub in cmp.subdirs.items():
            out += differences(sub, f"{prefix}{name}/")
        return out

    assert differences(filecmp.dircmp(site, late)) == []
