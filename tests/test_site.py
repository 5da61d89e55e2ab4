"""The built site: strict build, one page per registry entry, figures, seed table, no external requests."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest
import yaml

from activations import REGISTRY
from conftest import ROOT
from tests import languages

DOCS = ROOT / "docs"
SITE_DESCRIPTION = " ".join(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_description"].split())
# what a translated page falls back to when its front matter does not parse: its language's description
SITE_DESCRIPTIONS = {locale: " ".join(settings.get("site_description", SITE_DESCRIPTION).split())
                     for locale, settings in languages.SETTINGS.items()}


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


# Every entry's page and its place in the nav: tests/test_pages.py.


def figure_stem(entry) -> str:
    if entry.elementwise or entry.family == "Gated" or entry.slug == "softmax":
        return entry.slug
    return f"{entry.slug}-two-classes"


@pytest.mark.parametrize("locale", languages.LANGUAGES)
@pytest.mark.parametrize("slug", list(REGISTRY))
def test_activation_page_shows_its_figures_formulas_tables_and_code(site, slug, locale):
    entry = REGISTRY[slug]
    page = Page(languages.site_folder(site, locale) / "activations" / entry.page_slug / "index.html")
    images = [a["src"] for t, a in page.tags if t == "img"]
    for theme in ("light", "dark"):
        # a figure with words is drawn per language: <stem>-ko-<theme>.svg, shown by the Korean page
        own = f"{figure_stem(entry)}-{locale}-{theme}.svg"
        name = own if locale != languages.DEFAULT and (site / "generated" / "figures" / own).is_file() \
            else f"{figure_stem(entry)}-{theme}.svg"
        src = next((s for s in images if s.endswith(f"generated/figures/{name}#only-{theme}")), None)
        assert src, f"{name} is not on the page: {images}"
        assert resolve(site, page.path, src).is_file()
    html = page.path.read_text()
    assert html.count('class="arithmatex"') >= 2
    text = page.visible_text()
    assert f"def {entry.fn.__name__}(" in text, "the implementation is not included"
    assert "PyTorch" in text and "JAX" in text
    if locale != languages.DEFAULT:
        return  # the labels below are English words of generated fragments, which each language words its own way
    assert "Origin:" in text
    if entry.elementwise:
        assert "global minimum" in text and "smoothness" in text


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


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_every_page_has_a_description_and_title(site, locale):
    home = languages.site_folder(site, locale)
    for page in map(Page, languages.built_pages(site, locale)):
        metas = {a.get("name"): a.get("content") for t, a in page.tags if t == "meta"}
        assert metas.get("description"), page.path
        # a page whose front matter does not parse falls back to the site's description (in its
        # language) and shows its front matter as text
        assert metas["description"] != SITE_DESCRIPTIONS[locale] or page.path.parent == home, page.path
        assert "description:" not in page.visible_text(), page.path
    assert (home / "404.html").is_file()


# --- authored pages: numbers come from generated snippets, not from the keyboard ---------------

DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+")
# A number standing on its own; digits glued to a letter or a command (x_1, \tfrac12, ReLU6,
# float64, GPT-2) are part of a name.
NUMBER = re.compile(r"(?<![\w.\\])(?<!\w-)-?\d+(?:\.\d+)?(?![\w])")
# Numbers that define rather than report, allowed wherever they appear, with either sign:
ALLOWED_IN_MATH = {
    "0": "zero, the threshold, bound or value at the origin that defines a function",
    "1": "one: bounds, class labels, the unit constant in 1 + e^-x and alike",
    "2": "the shape of a formula: x^2, 2x, 1/2, c - 2",
}
ALLOWED_IN_PROSE = {
    "0": "the value 0 of a definition (a bound, a threshold, an exact output such as ReLU's)",
    "1": "the value 1 of a definition (a bound such as tanh's -1 and 1, a class label, a slope of exactly 1)",
}
# A number one page needs by definition: (page, number) -> why, each checked below.
ALLOWED_ON_PAGE = {
    ("activations/relu6.md", "6"): "the cap that names ReLU6",
    ("index.md", "50"): "the digits of the reference values, as tests/exact.py sets them",
    ("activations/sigmoid.md", "1000"): "an example input, x = -1000, chosen beyond the overflow limit",
}
DEFINITIONS = [
    (re.compile(r"(?<=[(, ])(?:1[89]|20)\d\d[a-z]?(?=[)\]])"), "a year in a citation: (2015), [He et al., 2016]"),
    (re.compile(r"^\s*\d+\.(?=\s)", re.M), "the number of a step in a numbered list"),
    (re.compile(r"\bPython \d+\b"), "the name of the Jupyter kernel, Python 3"),
]


def test_numbers_allowed_on_one_page_are_what_they_say():
    assert re.search(r"^mp\.mp\.dps = 50$", (ROOT / "tests" / "exact.py").read_text(), re.M)
    assert 1000 > np.log(np.finfo(np.float64).max)  # e^1000 overflows, as the sigmoid page says
    # and sigma(-1000) < e^-1000 is below half the smallest subnormal, so it rounds to 0
    assert -1000 < np.log(np.finfo(np.float64).smallest_subnormal) - np.log(2)
    assert REGISTRY["sigmoid"].fn(-1000.0) == 0
    assert REGISTRY["relu6"].fn(1e9) == 6


def _without_markup(md: str) -> str:
    md = re.sub(r"^---\n.*?\n---\n", "", md, flags=re.S)  # front matter
    md = re.sub(r"```.*?```", "", md, flags=re.S)  # code blocks
    md = re.sub(r"<!--.*?-->", "", md, flags=re.S)  # comments
    md = re.sub(r"\]\([^)]*\)", "]", md)  # link targets
    md = re.sub(r"<[^>\n]+>", "", md)  # HTML tags and their attributes
    md = re.sub(r"\{[^}\n]*\}(?=\s|$)", "", md)  # attribute lists such as { width="538" }
    return "\n".join(ln for ln in md.splitlines() if "--8<--" not in ln)


def _prose(md: str) -> str:
    md = _without_markup(md)
    md = re.sub(r"\$\$.*?\$\$", "", md, flags=re.S)  # display math
    md = re.sub(r"\$[^$\n]+\$", "", md)  # inline math
    md = re.sub(r"`[^`\n]+`", "", md)  # inline code
    return md


def _math(md: str) -> list[str]:
    md = _without_markup(md)
    display = re.findall(r"\$\$.*?\$\$", md, flags=re.S)
    md = re.sub(r"\$\$.*?\$\$", "", md, flags=re.S)
    return display + re.findall(r"\$[^$\n]+\$", re.sub(r"`[^`\n]+`", "", md))


def typed_numbers(md: str, page: str) -> list[str]:
    """Numbers typed by hand in the prose and math of a page (a translation: as its English page), except those that define."""
    prose = _prose(md)
    for pattern, _ in DEFINITIONS:
        prose = pattern.sub("", prose)
    page = languages.english_source(page)  # a translation says what its English page says, with its numbers
    allowed = lambda n, base: n.lstrip("-") in base or (page, n.lstrip("-")) in ALLOWED_ON_PAGE  # noqa: E731
    found = [f"{n} (in prose)" for n in NUMBER.findall(prose) if not allowed(n, ALLOWED_IN_PROSE)]
    found += [f"{n} (in {m})" for m in _math(md) for n in NUMBER.findall(m) if not allowed(n, ALLOWED_IN_MATH)]
    return found


AUTHORED = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "generated" not in p.parts)


@pytest.mark.parametrize("page", AUTHORED)
def test_no_hand_typed_decimal_numbers(page):
    found = DECIMAL.findall(_prose((DOCS / page).read_text()))
    assert not found, f"{page} types {found}: generate these numbers in scripts/ and include them"


@pytest.mark.parametrize("page", AUTHORED)
def test_no_hand_typed_numbers_in_math_or_integer_claims(page):
    found = typed_numbers((DOCS / page).read_text(), page)
    assert not found, f"{page} types {found}: generate these numbers in scripts/ and include them"


@pytest.mark.parametrize(("text", "caught"), [
    ("The derivative peaks at $0.25$.", True),
    ("It rounds to 1 from $x = 37$ on.", True),
    ("The unit dies after 12 steps.", True),
    ("Its overflow limit is -745 in float64.", True),
    ("$\\sigma(x) = 1 / (1 + e^{-x})$ lies between 0 and 1 [He et al., 2016].", False),
    ("1. Clone the repository.", False),
    ("The layer sizes are `[2, 32, 2]` and ReLU6 caps at float64 precision (2015).", False),
])
def test_the_typed_number_check_catches_results_and_lets_definitions_pass(text, caught):
    assert bool(typed_numbers(text, "example.md")) == caught, typed_numbers(text, "example.md")


@pytest.mark.parametrize(("page", "caught"), [
    ("activations/sigmoid.md", False), ("activations/sigmoid.ko.md", False),
    ("activations/softmax.md", True), ("activations/softmax.ko.md", True),
])
def test_a_number_one_page_needs_is_allowed_on_that_page_and_its_translation_only(page, caught):
    text = "교과서 공식은 $x = -1000$일 때 $e^{1000}$을 계산합니다."
    assert bool(typed_numbers(text, page)) == caught, typed_numbers(text, page)


def test_every_translated_page_translates_an_english_page():
    """A translation without its English page would be allowed no number and would be no page's twin."""
    for locale in languages.LANGUAGES[1:]:
        for page in languages.in_language(AUTHORED, locale):
            assert (DOCS / languages.english_source(page)).is_file(), page
    assert languages.korean(AUTHORED), "the Korean pages are docs/**/*.ko.md"
