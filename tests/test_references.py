"""References: every origin links its papers, the bibliography lists exactly the works cited, and the
header links to the repository named at build time (and to nothing when none is named)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from activations import REGISTRY
from activations.references import REFERENCES
from conftest import ROOT, build_site, require_tool

DOCS = ROOT / "docs"
# Crossref's pattern for modern DOIs; arXiv's identifiers YYMM.NNNN up to 2014, YYMM.NNNNN since.
DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")
ARXIV = re.compile(r"^(?:(0[7-9]|1[0-4])(0[1-9]|1[0-2])\.\d{4}|(1[5-9]|[2-9]\d)(0[1-9]|1[0-2])\.\d{5})$")
KEY = re.compile(r"^[a-z]+(\d{4})$")
ORIGIN_CITATION = re.compile(r"\[@([^\]]*)\]")
PAGE_CITATION = re.compile(r"\[([^\]]*)\]\(((?:\.\./)*)references(\.md|/)#([^)]*)\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def expected_link(r) -> str:
    return {"doi": f"https://doi.org/{r.doi}", "arxiv": f"https://arxiv.org/abs/{r.arxiv}"}.get(
        "doi" if r.doi else "arxiv" if r.arxiv else "", r.url)


def origin_keys(text: str) -> list[str]:
    return ORIGIN_CITATION.findall(text)


def authored_sources() -> list[Path]:
    md = [p for p in DOCS.rglob("*.md") if not {"generated", "overrides", "assets"} & set(p.relative_to(DOCS).parts)]
    return sorted(md) + sorted((DOCS / "experiments").glob("*.py"))


def pages_read_in(locale: str) -> list[Path]:
    english = [p for p in authored_sources() if len(p.suffixes) == 1]
    if locale == "en":
        return english
    translated = [p.with_name(f"{p.stem}.{locale}{p.suffix}") for p in english]
    return [t if t.is_file() else p for p, t in zip(english, translated)]


def markdown_text(path: Path) -> str:
    """What a reader reads: a page's Markdown, or the Markdown cells of an experiment."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    cells = re.split(r"^# %%", text, flags=re.M)
    return "\n".join(re.sub(r"^# ?", "", line) for cell in cells if cell.startswith(" [markdown]")
                     for line in cell.splitlines()[1:])


def page_citations(locale: str | None = None) -> dict[str, set[str]]:
    """key -> the authored files that cite it by a link to the references page: all of them, or those a reader of
    `locale` reads (a page's translation, relu.ko.md, else its English file)."""
    found: dict[str, set[str]] = {}
    for path in authored_sources() if locale is None else pages_read_in(locale):
        for _, _, _, key in PAGE_CITATION.findall(markdown_text(path)):
            found.setdefault(key, set()).add(path.relative_to(DOCS).as_posix())
    return found


# --- the data ------------------------------------------------------------------------------------

def test_no_work_is_entered_twice():
    """A second entry under the same key would silently replace the first."""
    from activations.references import _WORKS

    keys = [w.key for w in _WORKS]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    assert len(REFERENCES) == len(keys)


def test_every_origin_cites_a_known_work():
    for slug, entry in REGISTRY.items():
        keys = origin_keys(entry.origin)
        assert keys, f"{slug}: its origin cites no work ([@key])"
        for key in keys:
            assert key in REFERENCES, f"{slug}: origin cites unknown work {key!r}"


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_every_work_links_its_paper_by_doi_or_arxiv_or_a_marked_url(key):
    r = REFERENCES[key]
    assert r.key == key and KEY.match(key) and int(KEY.match(key).group(1)) == r.year, key
    assert r.authors and r.title and r.venue and 1800 < r.year < 2100
    assert sum(map(bool, (r.doi, r.arxiv, r.url))) == 1, f"{key}: give exactly one of doi, arxiv, url"
    if r.doi:
        assert DOI.match(r.doi), f"{key}: {r.doi!r} is not a DOI"
    if r.arxiv:
        assert ARXIV.match(r.arxiv), f"{key}: {r.arxiv!r} is not an arXiv id"
        assert 0 <= r.year - (2000 + int(r.arxiv[:2])) <= 1, f"{key}: posted in 20{r.arxiv[:2]}, cited as {r.year}"
    if r.url:
        assert r.no_identifier, f"{key}: a URL in place of a DOI or arXiv id must say why the work has neither"
        assert re.match(r"^https?://[^/\s]+/\S+$", r.url) and not re.search(r"doi\.org|arxiv\.org", r.url), r.url
    else:
        assert not r.no_identifier, f"{key}: has an identifier, so it needs no excuse"
    assert r.link == expected_link(r)


def test_every_work_is_cited_and_every_citation_is_a_work():
    cited = {k for a in REGISTRY.values() for k in origin_keys(a.origin)} | set(page_citations())
    assert cited - set(REFERENCES) == set(), "cited but missing from src/activations/references.py"
    assert set(REFERENCES) - cited == set(), "in src/activations/references.py but cited nowhere"


def test_pages_cite_by_author_and_year_in_a_link_only():
    """An author-year citation or an "et al." in the prose of a page is a link to its reference."""
    citation = re.compile(r"\b[A-Z][a-zà-ÿ]+(?: et al\.| and [A-Z][a-zà-ÿ]+)?,? \(?(?:1[89]|20)\d\d\)?|\bet al\.")
    for path in authored_sources():
        prose = re.sub(r"```.*?```", "", markdown_text(path), flags=re.S)
        prose = PAGE_CITATION.sub("", prose)
        found = [m.group(0) for m in citation.finditer(prose) if not re.fullmatch(r"[A-Z][a-z]+ \d{4}", m.group(0))]
        assert not found, f"{path.relative_to(DOCS)} cites {found} without linking to its reference"


def test_page_citations_are_well_formed_links():
    for path in authored_sources():
        text = markdown_text(path)
        for label, ups, suffix, key in PAGE_CITATION.findall(text):
            where = path.relative_to(DOCS)
            assert key in REFERENCES, f"{where}: cites unknown work {key!r}"
            depth = len(where.parts) - 1
            # Markdown pages link to the source file; notebook text is HTML, one folder deeper
            assert (suffix, len(ups) // 3) == ((".md", depth) if path.suffix == ".md" else ("/", depth + 1)), where
            assert str(REFERENCES[key].year) in label, f"{where}: the link to {key} does not give its year"


# --- the generated origins and bibliography ------------------------------------------------------

@pytest.fixture(scope="module")
def generated():
    import references_outputs

    return references_outputs


def test_every_origin_line_links_each_cited_paper(generated):
    for slug, entry in REGISTRY.items():
        text = generated.origin(slug).decode()
        links = dict((href, label) for label, href in MD_LINK.findall(text))
        keys = origin_keys(entry.origin)
        assert "[@" not in text and text.count("**Origin:**") == 1, slug
        assert set(links) == {expected_link(REFERENCES[k]) for k in keys}, slug
        for k in keys:
            assert links[expected_link(REFERENCES[k])] == f"*{REFERENCES[k].title}*", slug


def heading(path: Path) -> str:
    """A page's title as its reader sees it: the first level-1 heading after the front matter, without its id."""
    text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    title = re.search(r"^# # (.+)$" if path.suffix == ".py" else r"^# (.+)$", text, re.M).group(1)
    return re.sub(r"\s*\{\s*#[^}]*\}$", "", title).strip()


@pytest.mark.parametrize("locale, cited_on_label", [("en", "Cited on: "), ("ko", "인용한 페이지: ")])
def test_bibliography_lists_every_work_once_with_who_cites_it(generated, locale, cited_on_label):
    from messages import language

    with language(locale):
        text = generated.bibliography().decode()
    items = re.findall(r"^- (.*)\n\{ #([a-z0-9-]+) \}$", text, re.M)
    assert len(items) == len({k for _, k in items}), "a work is listed twice"
    assert sorted(k for _, k in items) == sorted(REFERENCES), "the bibliography must list exactly the cited works"
    pages = page_citations(locale)
    english_file = lambda f: re.sub(rf"\.{locale}\.", ".", f)  # noqa: E731  a link names the English file
    for body, key in items:
        r = REFERENCES[key]
        assert f"[*{r.title}*]({expected_link(r)})" in body and f"({r.year})" in body, key
        cited_on = body.split(cited_on_label, 1)[1]
        targets = set(re.findall(r"\]\(/([^)#]+)", cited_on))
        expected = {f"activations/{a.page_slug}.md" for a in REGISTRY.values() if key in origin_keys(a.origin)}
        expected |= {re.sub(r"\.py$", ".ipynb", english_file(f)) for f in pages.get(key, ())}
        assert targets == expected, key
        if locale != "en":  # each page that cites the work, by its heading in that language
            for f in pages.get(key, ()):
                assert f"[{heading(DOCS / f)}](/{re.sub(r'[.]py$', '.ipynb', english_file(f))})" in cited_on, (key, f)
    surnames = [REFERENCES[k].authors.split()[0].rstrip(",") for _, k in items]
    assert surnames == sorted(surnames, key=str.casefold), "the bibliography is sorted by first author"


def test_references_page_is_in_the_nav_and_includes_the_bibliography():
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["nav"]
    assert {"References": "references.md"} in nav
    assert '--8<-- "docs/generated/references/bibliography.md"' in (DOCS / "references.md").read_text()


def test_every_origin_line_in_korean_cites_the_same_works_and_is_korean(generated):
    from messages import language

    for slug, entry in REGISTRY.items():
        english = generated.origin(slug).decode()
        with language("ko"):
            korean = generated.origin(slug).decode()
        assert "[@" not in korean and korean.count("**유래:**") == 1, slug
        assert sorted(MD_LINK.findall(korean)) == sorted(MD_LINK.findall(english)), slug
        if re.search(r"[A-Za-z]", ORIGIN_CITATION.sub("", entry.origin)):  # words beyond its citations
            words = MD_LINK.sub("", korean.split("**유래:**", 1)[1])
            assert re.search(r"[가-힣]", words), f"{slug}: the Korean origin is not translated"


# --- the built site --------------------------------------------------------------------------------

class Links(HTMLParser):
    """The links inside the origin paragraphs of a page, and the header's repository link."""

    def __init__(self, html: str):
        super().__init__()
        self.origins: list[set[str]] = []
        self.source: list[dict] = []
        self._in_p = self._origin = False
        self._hrefs: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            self._in_p, self._origin, self._hrefs = True, False, set()
        if tag == "a" and self._in_p:
            self._hrefs.add(attrs.get("href"))
        if tag == "a" and "md-source" in (attrs.get("class") or "").split():
            self.source.append(attrs)

    def handle_data(self, data):
        if self._in_p and data.startswith("Origin:"):
            self._origin = True

    def handle_endtag(self, tag):
        if tag == "p" and self._in_p:
            if self._origin:
                self.origins.append(self._hrefs)
            self._in_p = False


def test_each_activation_page_links_the_papers_of_its_origins(site):
    for page in {a.page_slug for a in REGISTRY.values()}:
        entries = [a for a in REGISTRY.values() if a.page_slug == page]
        found = Links((site / "activations" / page / "index.html").read_text(encoding="utf-8")).origins
        assert sorted(map(sorted, found)) == sorted(sorted({expected_link(REFERENCES[k]) for k in origin_keys(a.origin)})
                                                    for a in entries), page


def test_references_page_anchors_every_work(site):
    html = (site / "references" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<li id="([a-z0-9-]+)">', html)) == set(REFERENCES)


def _header_site(tmp_path: Path, repo_url: str | None) -> Path:
    """A two-page site built with the site's theme, template overrides and repository hook, and
    SITE_REPO_URL set to repo_url (or unset): what decides the header's repository link, without
    rebuilding every page."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {**config["theme"], "custom_dir": str(ROOT / config["theme"]["custom_dir"])}
    docs = tmp_path / "docs"
    (docs / "activations").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\n[ReLU](activations/relu.md)\n")
    (docs / "activations" / "relu.md").write_text("# ReLU\n")
    hook = next(h for h in config["hooks"] if h.endswith("repo_url_hook.py"))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": config["site_name"], "repo_name": config["repo_name"], "edit_uri": config["edit_uri"],
        "theme": theme, "hooks": [str(ROOT / hook)], "markdown_extensions": ["attr_list"]}))
    env = {k: v for k, v in os.environ.items() if k != "SITE_REPO_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    if repo_url is not None:
        env["SITE_REPO_URL"] = repo_url
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


def test_header_links_the_repository_given_at_build_time_and_fetches_nothing(site, tmp_path):
    url = "https://git.example.org/someone/activation-functions"
    with_url = _header_site(tmp_path / "with", url)
    for page in ("index.html", "activations/relu/index.html"):
        sources = Links((with_url / page).read_text(encoding="utf-8")).source
        assert sources and all(s["href"] == url for s in sources), page
        # Material's script fetches stars and forks for a link marked as its "source" component
        assert all("data-md-component" not in s for s in sources), page
    assert not Links((_header_site(tmp_path / "without", None) / "index.html").read_text(encoding="utf-8")).source
    if not os.environ.get("SITE_REPO_URL"):  # the whole site, as built for these tests
        assert not any(Links((site / page).read_text(encoding="utf-8")).source
                       for page in ("index.html", "activations/relu/index.html", "references/index.html"))


@pytest.mark.parametrize("value", ["git@github.com:o/n.git", "https://user:token@github.com/o/n", "javascript:alert(1)",
                                   "https://github.com/o/n?x=1",
                                   "ftp://github.com/o/n"])
def test_hook_refuses_what_is_not_a_plain_web_address(value, monkeypatch):
    import repo_url_hook

    monkeypatch.setenv("SITE_REPO_URL", value)
    with pytest.raises(ValueError) as error:
        repo_url_hook.on_config({"repo_url": None})
    assert "token" not in str(error.value)


@pytest.mark.parametrize("remote, url", [
    ("git@github.com:owner/name.git", "https://github.com/owner/name"),
    ("ssh://git@github.com/owner/name.git", "https://github.com/owner/name"),
    ("https://x-access-token:secret@github.com/owner/name.git", "https://github.com/owner/name"),
    ("https://gitlab.com/group/sub/name/", "https://gitlab.com/group/sub/name"),
    ("/srv/git/name.git", ""),
    ("file:///srv/git/name.git", ""),
])
def test_remote_becomes_a_web_address_without_credentials(remote, url):
    from repo_url import web_url

    assert web_url(remote) == url


def test_make_passes_the_git_remote_to_the_build(tmp_path):
    require_tool("make and git", bool(shutil.which("make") and shutil.which("git")), "Install make and git.")
    (tmp_path / "scripts" / "hooks").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", tmp_path)
    shutil.copy(ROOT / "scripts" / "hooks" / "repo_url.py", tmp_path / "scripts" / "hooks")
    show = ["make", "-s", f"PYTHON={sys.executable}", "--eval", "show-url: ; @echo \"[$$SITE_REPO_URL]\"", "show-url"]
    env = {k: v for k, v in os.environ.items() if k != "SITE_REPO_URL"}
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert subprocess.run(show, cwd=tmp_path, env=env, capture_output=True, text=True).stdout.strip() == "[]"
    subprocess.run(["git", "remote", "add", "origin", "git@github.com:someone/site.git"], cwd=tmp_path, check=True)
    assert (subprocess.run(show, cwd=tmp_path, env=env, capture_output=True, text=True).stdout.strip()
            == "[https://github.com/someone/site]")


def test_publishing_workflow_names_its_repository():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    assert workflow["jobs"]["build"]["env"]["SITE_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
