"""Every page of the built site in a real browser (Debian's Chromium through Playwright).

Each page is opened once, checked in the light scheme, switched to the dark one with its palette
toggle and checked again; what the visit saw in each (console, requests, rendered math, visible
figures, axe findings) is recorded, and the tests below assert on it.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import require_tool
from serve_site import page_urls, serving
from tests import languages

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCHEMES = ("light", "dark")

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the pinned test dependencies include it
    sync_playwright = None


@dataclass
class Visit:
    url: str
    scheme: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    math_sources: int = 0
    math_rendered: int = 0
    raw_math: list[str] = field(default_factory=list)
    figures: dict[str, bool] = field(default_factory=dict)  # src -> visible
    violations: list[dict] = field(default_factory=list)
    fonts_preloaded: list[str] = field(default_factory=list)
    fonts_used: list[str] = field(default_factory=list)


def page_paths(site: Path) -> list[str]:
    """Every page of every language, and each language's 404 page."""
    return page_urls(site) + [f"{languages.prefix(locale)}404.html" for locale in languages.LANGUAGES]


@pytest.fixture(scope="module")
def browser():
    require_tool("Chromium with Playwright", sync_playwright is not None and Path(CHROMIUM).is_file()
                 and shutil.which(CHROMIUM) is not None,
                 f"Install Debian's browser (`sudo apt-get install chromium`) or set CHROMIUM to a Chromium binary; "
                 f"no browser download is needed. Looked for {CHROMIUM}.")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def served(site):
    with serving(site) as url:
        yield url


MATH_CHECK = """() => {
  const content = document.querySelector('.md-content');
  const clone = content.cloneNode(true);
  clone.querySelectorAll('pre, code, .katex-mathml, .clipboard-copy-txt, script, style').forEach(n => n.remove());
  const text = clone.textContent;
  const raw = [];
  for (const token of ['\\\\(', '\\\\)', '\\\\[', '\\\\]', '$']) if (text.includes(token)) raw.push(token);
  return {sources: document.querySelectorAll('.arithmatex').length,
          rendered: document.querySelectorAll('.arithmatex .katex').length, raw};
}"""

FONTS = """() => ({
  preloaded: Array.from(document.querySelectorAll('link[rel=preload][as=font]')).map(l => l.href.split('/').pop()),
  used: Array.from(document.fonts).filter(f => f.status === 'loaded' && f.family.startsWith('KaTeX')).map(f => {
    const bold = f.weight === '700' || f.weight === 'bold', italic = f.style === 'italic';
    const style = bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Regular';
    return `${f.family.replace(/"/g, '')}-${style}.woff2`;
  }),
})"""

# (A figure's phone layout, shown only on narrow screens, is checked by test_phone_figures.py.)
FIGURES = """() => Array.from(document.querySelectorAll('img[src*="#only-"]:not(.figure-phone)')).map(img => {
  const r = img.getBoundingClientRect();
  return [img.getAttribute('src'), getComputedStyle(img).display !== 'none' && r.width > 0 && r.height > 0];
})"""


def open_settled(page, url: str):
    """Go to url and return its response once the document has loaded and the network is quiet."""
    # Playwright's "networkidle" is computed apart from "load": on a busy machine it can fire while
    # the parser is still in <head> (no request in flight for 500 ms), so wait for both, in order.
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return response


EAGER_IMAGES = """() => document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')"""
IMAGES_LOADED = "Array.from(document.images).every(img => img.complete)"
# The palette toggle a reader clicks: the one label of the palette form that is not hidden.
PALETTE_TOGGLE = "form[data-md-component=palette] label:not([hidden])"
SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}  # Material's names, set on <body>
COLOUR_RULES = ("color-contrast", "link-in-text-block")  # the axe rules whose outcome depends on colours


def visit(browser, base: str, path: str) -> dict[str, Visit]:
    """Open a page once in the light scheme, check it, switch to the dark scheme with the page's own
    palette toggle, as a reader does, and check it again: scheme -> what each check saw."""
    from axe_playwright_python.sync_playwright import Axe

    origin = urlsplit(base).netloc
    visits = {scheme: Visit(base + path, scheme) for scheme in SCHEMES}
    now = [visits[SCHEMES[0]]]  # what the page does is charged to the scheme shown at the time
    context = browser.new_context(color_scheme=SCHEMES[0], viewport={"width": 1280, "height": 900})

    def route(r):
        if urlsplit(r.request.url).netloc != origin:
            now[0].external.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: now[0].console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: now[0].console_errors.append(str(e)))
    page.on("request", lambda r: now[0].requests.append(r.url))
    page.on("requestfailed", lambda r: now[0].failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: now[0].failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
    first = visits[SCHEMES[0]]
    response = page.goto(first.url, wait_until="load")
    if Path(path).name == "404.html":
        first.failed = [f for f in first.failed if not f.startswith(first.url)]  # the 404 page itself is meant to be a 404
    elif response is None or response.status != 200:
        first.failed.append(f"{first.url} (HTTP {response.status if response else '?'})")
    if not page.evaluate("document.body !== null"):
        # Without a body the checks below mean nothing: report what arrived instead.
        ctype = response.headers.get("content-type") if response else None
        first.failed.append(f"{first.url} has no <body> after load ({ctype}): {page.content()[:300]!r}")
        context.close()
        return visits
    # Every figure of both schemes now, not when scrolled to: their requests are checked too.
    page.evaluate(EAGER_IMAGES)
    page.wait_for_function(IMAGES_LOADED)
    page.wait_for_load_state("networkidle")
    fonts = page.evaluate(FONTS)
    for scheme in SCHEMES:
        v = now[0] = visits[scheme]
        if scheme != SCHEMES[0]:
            v.requests.append(first.url)  # the page itself, loaded once for both schemes
            page.click(PALETTE_TOGGLE)
            page.wait_for_function(f"document.body.dataset.mdColorScheme === '{SCHEME_ATTRIBUTE[scheme]}'")
            page.wait_for_function(IMAGES_LOADED)
        math = page.evaluate(MATH_CHECK)
        v.math_sources, v.math_rendered, v.raw_math = math["sources"], math["rendered"], math["raw"]
        v.figures = dict(page.evaluate(FIGURES))
        v.fonts_preloaded, v.fonts_used = sorted(fonts["preloaded"]), sorted(set(fonts["used"]))
        # The page's structure (names, roles, landmarks, alt text) is the same in both schemes; only
        # colours change, so the second scheme runs axe's rules about colour alone. Only violations
        # are asserted on: axe then skips listing every node that passed, slow on long pages.
        options = {"resultTypes": ["violations"]}
        if scheme != SCHEMES[0]:
            options["runOnly"] = list(COLOUR_RULES)
        v.violations = Axe().run(page, options=options).response["violations"]
    context.close()
    return visits


WORKERS = 2  # visits spend much of their time waiting for the network to go idle, so two overlap well


def _visit_chunk(base: str, chunk: list[str]) -> dict[tuple[str, str], Visit]:
    # Playwright objects belong to the thread that made them: each worker has its own browser.
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            return {(path, scheme): v for path in chunk for scheme, v in visit(b, base, path).items()}
        finally:
            b.close()


@pytest.fixture(scope="module")
def visits(browser, served, site) -> dict[tuple[str, str], Visit]:
    paths = page_paths(site)
    with ThreadPoolExecutor(WORKERS) as pool:
        parts = pool.map(partial(_visit_chunk, served), [paths[i::WORKERS] for i in range(WORKERS)])
        return {key: v for part in parts for key, v in part.items()}


def _each(visits):
    return sorted(visits.items())


def test_every_page_loads_cleanly(visits):
    problems = {f"{p or '/'} [{s}]": (v.console_errors, v.failed) for (p, s), v in _each(visits)
                if v.console_errors or v.failed}
    assert not problems, problems


def test_no_request_leaves_the_site(visits):
    assert all(v.requests for v in visits.values())
    leaks = {f"{p or '/'} [{s}]": v.external for (p, s), v in _each(visits) if v.external}
    assert not leaks, leaks


def test_math_is_rendered(visits):
    pages_with_math = 0
    for (p, s), v in _each(visits):
        assert v.math_rendered == v.math_sources, f"{p or '/'} [{s}]: {v.math_rendered}/{v.math_sources} rendered"
        assert not v.raw_math, f"{p or '/'} [{s}]: raw TeX delimiters in the text: {v.raw_math}"
        pages_with_math += v.math_sources > 0
    assert pages_with_math >= 4


def test_only_the_schemes_figures_are_visible(visits):
    checked = 0
    for (p, s), v in _each(visits):
        for src, visible in v.figures.items():
            assert visible == src.endswith(f"#only-{s}"), f"{p} [{s}]: {src} visible={visible}"
            checked += 1
    assert checked >= 2 * 2 * 4  # at least four figures per scheme, each in two variants


def test_each_page_preloads_exactly_the_math_fonts_it_uses(visits):
    """A font found late re-flows the text after the first paint; a preloaded one left unused
    is wasted bytes. The build's list (scripts/hooks/katex_hook.py) must match what the browser used."""
    for (p, s), v in _each(visits):
        assert v.fonts_preloaded == v.fonts_used, f"{p or '/'} [{s}]: preloaded {v.fonts_preloaded}, used {v.fonts_used}"
    assert any(v.fonts_used for v in visits.values())


def test_axe_finds_no_violations(visits):
    found = {f"{p or '/'} [{s}]": [(x["id"], len(x["nodes"]), x["nodes"][0]["target"]) for x in v.violations]
             for (p, s), v in _each(visits) if v.violations}
    assert not found, found


# What a reader types, and the page that treats it; the reasons are the pages' own contents.
SEARCHES = [
    ("softmax", "activations/softmax/"),  # the function's page (log-softmax and the experiment use the word throughout)
    ("sigmoid", "activations/sigmoid/"),  # the function's page (hard sigmoid and log-sigmoid use it throughout)
    ("relu", "activations/relu/"),  # the function's page, not ReLU6 or leaky ReLU
    ("tanh", "activations/tanh/"),  # the function's page, not hard tanh
    ("gelu", "activations/gelu/"),  # the page of GELU (exact and tanh); GeGLU only gates with it
    # The experiment of that name counts dead units and measures the remedies; the ReLU page
    # only summarises it and links to it.
    ("dying relu", "experiments/dying-relu/"),
    # The experiment measures the gradient layer by layer; the sigmoid page's section states the
    # bound and links to it.
    ("vanishing gradient", "experiments/vanishing-gradients/"),
    # The softmax page computes log-softmax with the log-sum-exp identity and names the function
    # `logsumexp` of SciPy, PyTorch and JAX; log-softmax's page only refers to it.
    ("logsumexp", "activations/softmax/"),
    # The sigmoid page explains saturation (a derivative far smaller in the tails than at its
    # peak) and what it does to training; other pages only list which side saturates.
    ("saturation", "activations/sigmoid/"),
    # The softmax experiment has a section on temperature with its table and figure; the
    # softmax page mentions it in one sentence.
    ("temperature", "experiments/softmax-numerics/"),
    ("swish", "activations/silu/"),  # SiLU's page, under its other name; hard swish is a variant
    # The softmax page's section "Overflow, and why subtracting the maximum fixes it" explains it
    # and the fix; the experiment measures where each dtype overflows, and links back.
    ("overflow", "activations/softmax/"),
]


# The Korean site searches its own pages: the same topics, asked as a Korean reader asks.
SEARCHES_KO = [
    ("시그모이드", "ko/activations/sigmoid/"),
    ("소프트맥스", "ko/activations/softmax/"),
    ("기울기 소실", "ko/experiments/vanishing-gradients/"),
    # The ReLU page's section of that name explains how a unit dies, and links to the experiment.
    ("죽은 ReLU", "ko/activations/relu/"),
    ("오버플로", "ko/activations/softmax/"),
    ("활성화 함수", "ko/choosing/"),  # the page titled "어떤 활성화 함수를 쓸까?"
]


def first_results(browser, served, queries: list[str], locale: str) -> dict[str, dict | str]:
    """query -> the first search result (its link, text, and whether it shows code), or the meta line
    when there is none: each query typed with real keystrokes into one page of the language's site,
    the search box cleared between them."""
    context = browser.new_context()
    page = context.new_page()
    open_settled(page, served + languages.prefix(locale))
    page.focus(".md-search__input")
    # The index loads in a web worker; until it is ready the meta line says "Initializing search".
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta')?.textContent || '';
        return meta !== '' && !/initializing/i.test(meta);
    }""", timeout=15_000)
    found = {}
    box = page.locator(".md-search__input")
    for query in queries:
        box.fill("")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.press_sequentially(query, delay=20)  # real keystrokes, as a reader types
        if locale != languages.DEFAULT:
            page.keyboard.press("End")  # Playwright types Hangul without a keyup, which is what starts a search
        # Results arrive from the worker; wait until the meta line counts them (or finds none), then
        # let the last keystroke's results replace the ones before it.
        page.wait_for_function("""() => /\\d|no matching|일치/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')""",
                               timeout=15_000)
        page.wait_for_timeout(300)
        found[query] = page.evaluate("""() => {
            const item = document.querySelector('.md-search-result__item');
            if (!item) return null;
            const article = item.querySelector('article');
            return {href: item.querySelector('a').getAttribute('href'), text: article.textContent,
                    code: article.querySelector('pre') !== null};
        }""") or page.locator(".md-search-result__meta").text_content().strip()
    context.close()
    return found


@pytest.fixture(scope="module")
def searched(browser, served) -> dict[str, dict | str]:
    """The first result of every query of SEARCHES (on the English site) and SEARCHES_KO (on the Korean one)."""
    return {**first_results(browser, served, [q for q, _ in SEARCHES], languages.DEFAULT),
            **first_results(browser, served, [q for q, _ in SEARCHES_KO], languages.KOREAN)}


@pytest.mark.parametrize(("query", "expected"), [*SEARCHES, *SEARCHES_KO])
def test_search_finds_the_right_page_first(searched, query, expected):
    """The first result is the page that treats the query, and what it shows is prose, not code."""
    first = searched[query]
    assert isinstance(first, dict), f"no result for {query!r} ({first})"
    assert urlsplit(first["href"]).path.endswith(expected), f"first result for {query!r} is {first['href']}"
    assert not first["code"] and "Copied!" not in first["text"], f"first result for {query!r} shows code: {first['text'][:200]}"


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_search_and_navigation_are_reachable_with_tab(browser, served, locale):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_settled(page, served + languages.prefix(locale) + "activations/relu/")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("""() => {
            const e = document.activeElement;
            if (e.matches('.md-search__input')) return 'search';
            if (e.closest('.md-nav--primary') && e.matches('a')) return 'nav:' + e.getAttribute('href');
            return e.tagName;
        }"""))
    context.close()
    assert "search" in reached
    assert any(r.startswith("nav:") and "softmax" in r for r in reached), reached


@pytest.mark.parametrize("locale", languages.LANGUAGES)
def test_the_comparison_table_sorts_by_any_column_with_the_keyboard(browser, served, locale):
    context = browser.new_context()
    page = context.new_page()
    open_settled(page, served + languages.prefix(locale) + "all-activations/")
    table = page.locator(".sortable table")
    headers = [t.strip() for t in table.locator("thead th").all_inner_texts()]
    column = next(i for i, h in enumerate(headers) if h.startswith("max |f'|"))
    button = table.locator("thead th").nth(column).locator("button")

    def column_values() -> list[float]:
        cells = table.locator(f"tbody tr td:nth-child({column + 1})").all_inner_texts()
        return [float(c.replace("∞", "inf")) for c in cells if c.strip() not in ("—", "vector")]

    original = column_values()
    button.focus()
    page.keyboard.press("Enter")
    assert table.locator("thead th").nth(column).get_attribute("aria-sort") == "ascending"
    assert column_values() == sorted(original)
    page.keyboard.press("Enter")
    assert column_values() == sorted(original, reverse=True)
    assert column_values() != original or len(set(original)) == 1
    context.close()
