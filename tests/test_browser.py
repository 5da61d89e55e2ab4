"""Every page of the built site in a real browser (Debian's Chromium through Playwright).

Each page is opened once (tests/browsing.py: `visit`), checked in the light scheme, switched to the
dark one with its palette toggle and checked again; what the visit saw in each (console, requests,
rendered math, visible figures, axe findings) is recorded, and the tests below assert on it. The
browser, the server and the visits are fixtures of tests/conftest.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests import languages
from tests.browsing import COLOUR_RULES, FRAME_PAGES, PALETTE_TOGGLE, axe, open_settled, page_paths


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
        for f in v.wide:  # a figure's phone layout is checked by test_phone_figures.py
            if "#only-" in f["src"] and f["layout"] != "figure-phone":
                assert f["shown"] == f["src"].endswith(f"#only-{s}"), f"{p} [{s}]: {f['src']} shown={f['shown']}"
                checked += 1
    assert checked >= 2 * 2 * 4  # at least four figures per scheme, each in two variants


def test_each_page_preloads_exactly_the_math_fonts_it_uses(visits):
    """A font found late re-flows the text after the first paint; a preloaded one left unused
    is wasted bytes. The build's preload (scripts/hooks/katex_hook.py) must match what the browser used."""
    for (p, s), v in _each(visits):
        assert v.fonts_preloaded == v.fonts_used, f"{p or '/'} [{s}]: preloaded {v.fonts_preloaded}, used {v.fonts_used}"
    assert any(v.fonts_used for v in visits.values())


def test_axe_finds_no_violations(visits):
    found = {f"{p or '/'} [{s}]": [(x["id"], len(x["nodes"]), x["nodes"][0]["target"]) for x in v.violations]
             for (p, s), v in _each(visits) if v.violations}
    assert not found, found



# Colours no reader could read, planted where the visits check colour contrast on a sample of nodes
# alike (tests/browsing.py: REPRESENTATIVES): a code token of a Markdown page, one of a notebook's
# code cells, and formulas in the dark scheme only - all glyphs, and superscripts alone.
PLANTED = [
    ("activations/softmax/", "light", ".md-typeset .highlight .k { color: #e8e8e8 !important }"),
    ("experiments/vanishing-gradients/", "light", "html body div.highlight-ipynb pre span.n.n.n { color: #e0e0e0 !important }"),
    ("activations/sigmoid/", "dark", "[data-md-color-scheme=slate] .katex :is(mi, mn, mo) { color: #3a3a4a !important }"),
    ("activations/sigmoid/", "dark", "[data-md-color-scheme=slate] .katex msup > :last-child { color: #303040 !important }"),
    # ... and in the site's frame, whose colours the visits check on each language's home page (FRAME_PAGES)
    ("", "light", ".md-sidebar--primary .md-nav__link { color: #e4e4e4 !important }"),
    ("ko/", "dark", "[data-md-color-scheme=slate] .md-header__topic { color: #7080d0 !important }"),
]


@pytest.mark.parametrize(("path", "scheme", "css"), PLANTED)
def test_the_sampled_contrast_check_finds_planted_unreadable_code_and_formulas(browser, served, path, scheme, css):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_settled(page, served + path)
    if scheme == "dark":
        page.click(PALETTE_TOGGLE)
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.add_style_tag(content=css)
    found = [v["id"] for v in axe(page, None if scheme == "light" else COLOUR_RULES, frame=path in FRAME_PAGES)]
    context.close()
    assert "color-contrast" in found, (path, scheme, css, found)


def test_the_frames_colours_are_checked_on_a_visited_page_of_each_language(site):
    visited = set(page_paths(site))
    assert FRAME_PAGES <= visited and len(FRAME_PAGES) == len(languages.LANGUAGES), FRAME_PAGES

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


@pytest.mark.parametrize(("path", "button", "target"), [
    # Material's copy button on a code block (the implementation included on an activation page)
    ("activations/relu/", ".md-typeset pre button.md-code__button[data-md-type=copy]", "data-clipboard-target"),
    # the notebook's own copy button on an experiment's code cell
    ("experiments/vanishing-gradients/", "clipboard-copy", "for"),
])
def test_a_code_blocks_copy_button_puts_exactly_its_code_on_the_clipboard(browser, served, path, button, target):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_settled(page, served + path)
    first = page.locator(button).first
    first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    selector = first.get_attribute(target)
    expected = page.locator(selector if target != "for" else "#" + selector).text_content()
    context.close()
    assert copied.strip() and copied.strip() == expected.strip(), (copied[:200], expected[:200])
