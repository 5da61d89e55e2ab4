"""The built site in a real browser (Debian's Chromium through Playwright), for the browser tests.

`visit_all` opens every page once, as a reader browsing the site does (in one tab of each browser,
page after page): in the light scheme on a wide screen, then at a phone's width, then switched to
the dark scheme with the page's own palette toggle, wide and at the phone's width again. What it saw
in each scheme (console, requests, rendered math, figures, layout, axe findings) is kept in a
`Visit`; tests/test_browser.py and tests/test_phone_figures.py assert on it. The fixtures that hold
them are in tests/conftest.py.

Imported as `tests.browsing`, like the tests' other helpers.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from urllib.parse import urlsplit

from tests import languages

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Any host but the site's own resolves to nothing, so a request that would leave the site fails in
# the browser (and is reported) instead of reaching the network.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
SCHEMES = ("light", "dark")
SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}  # Material's names, set on <body>
# The palette toggle a reader clicks: the one label of the palette form that is not hidden.
PALETTE_TOGGLE = "form[data-palette] label:not([hidden])"
WIDE = {"width": 1280, "height": 900}
PHONE = 390  # CSS px: the width of a common phone held upright
NARROW = 360  # CSS px: the narrowest phone the pages are made for

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the pinned test dependencies include it
    sync_playwright = None


def available() -> bool:
    import shutil

    return sync_playwright is not None and Path(CHROMIUM).is_file() and shutil.which(CHROMIUM) is not None


# ---------------------------------------------------------------------------------------------
# Opening a page and waiting until it has done what it does on load

EAGER_IMAGES = """() => document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')"""
IMAGES_LOADED = "Array.from(document.images).every(img => img.complete)"
# (A lazy image the reader has not scrolled to is not loading, and need not have loaded.)
EAGER_IMAGES_LOADED = "Array.from(document.images).every(img => img.complete || img.loading === 'lazy')"
# Material's search index loads in a web worker; until it has, the meta line says "Initializing search".
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return !meta || (meta.textContent !== '' && !/initializing/i.test(meta.textContent));
}"""
QUIET = 0.1  # s with no request in flight and none started: the page's scripts have fetched what they fetch


class Network:
    """The requests of a page still in flight, counted from its events."""

    def __init__(self, page):
        self.pending, self.started = set(), 0
        page.on("request", self._start)
        page.on("requestfinished", lambda r: self.pending.discard(r))
        page.on("requestfailed", lambda r: self.pending.discard(r))

    def _start(self, request):
        self.pending.add(request)
        self.started += 1


def settle(page, network: Network, scripts: bool = True, timeout: float = 30.0) -> None:
    """After "load": every image that is not lazy complete, the search index loaded, and no request
    in flight for QUIET seconds. (Playwright's "networkidle" waits 500 ms after the last request.)"""
    if scripts:  # (without scripts the page can run none of these checks)
        page.wait_for_function(EAGER_IMAGES_LOADED)
        page.wait_for_function(SEARCH_READY, timeout=15_000)
    deadline = time.monotonic() + timeout
    while True:
        started = network.started
        if not network.pending:
            page.wait_for_timeout(QUIET * 1000)
            if not network.pending and network.started == started:
                return
        else:
            page.wait_for_timeout(20)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url}: requests still in flight: {[r.url for r in network.pending]}")


def open_settled(page, url: str, scripts: bool = True):
    """Go to url and return its response once the page has loaded and settled (see settle)."""
    network = Network(page)
    response = page.goto(url, wait_until="load")
    settle(page, network, scripts)
    return response


# ---------------------------------------------------------------------------------------------
# axe

@cache
def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


COLOUR_RULES = ("color-contrast", "link-in-text-block")  # the axe rules whose outcome depends on colours
# Code blocks and formulas hold most of a long page's text nodes (a notebook page: 1,900 of its
# 3,800 elements), and their colours repeat: within a code block each token class has one colour
# on one background, and a formula's glyphs take the colour of the text around them. axe's
# colour-contrast rule hit-tests every text node, so in them it checks one node for each distinct
# colour, size, weight and background (REPRESENTATIVES), and every other text node as usual.
# Which node of the alike it checks matters: like every text node, it must be one axe can judge.
REPEATED = (".highlight", ".highlight-ipynb", ".katex")
# The site's frame - header, tabs, both sidebars, footer - is the same markup on the same stylesheet
# on every page of a language, only with other words and another item marked current. Its colours
# are checked on the pages in FRAME_PAGES, in both schemes; on the others the colour rules look at
# the content alone. (The other rules look at the whole of every page: landmarks, names and roles
# are about where the frame sits on that page.)
FRAME = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer")
FRAME_PAGES = {languages.prefix(locale) for locale in languages.LANGUAGES}  # each language's home page
REPRESENTATIVES = """(selectors, root) => {
  const picked = new Map();
  const background = el => {
    for (; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.backgroundImage !== 'none') return el;
    }
    return null;
  };
  for (const el of root.querySelectorAll(selectors.flatMap(s => [s, s + ' *']).join(', '))) {
    // text of its own, shown (a formula's TeX source, its MathML annotation, is drawn nowhere)
    if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (el.closest('annotation') || el.getClientRects().length === 0) continue;
    const s = getComputedStyle(el), bg = background(el), b = bg && getComputedStyle(bg);
    const key = [s.color, s.fontSize, s.fontWeight, s.opacity, s.textShadow,
                 bg && [bg.tagName, bg.className, b.backgroundColor, b.backgroundImage, b.opacity].join()].join('|');
    // axe judges no text of one character or of symbols alone ("too short", "non-text"): of the
    // nodes alike, the one with the most letters and digits is the one it can judge
    const score = (el.textContent.match(/[\\p{L}\\p{N}]/gu) || []).length;
    if (!picked.has(key) || score > picked.get(key)[0]) picked.set(key, [score, el]);
  }
  return Array.from(picked.values(), ([, el]) => el);
}"""


def axe(page, rules: tuple[str, ...] | None = None, within: str | None = None, frame: bool = True) -> list[dict]:
    """axe's violations on the page (or the element `within` selects): every rule, or only `rules`;
    without `frame`, the colour rules leave out the site's frame (FRAME).
    axe is injected once per page, from the copy the pinned axe-playwright-python ships."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    # Each run walks the whole page first, so the rules share as few runs as they can: colour-contrast
    # in its own context (REPEATED left out but for their representatives, which axe then includes
    # again, being deeper than what excludes them), the other rules in the plain one.
    # (link-in-text-block looks at links, and code blocks and formulas hold none.)
    contrast = ["color-contrast"] if rules is None else [r for r in rules if r in COLOUR_RULES]
    others = None if rules is None else [r for r in rules if r not in COLOUR_RULES]
    root = f"document.querySelector({within!r})" if within else "document"
    runs = []
    if others is None or others:
        options = "{rules: {'color-contrast': {enabled: false}}}" if others is None else f"{{runOnly: {others!r}}}"
        runs.append(f"axe.run({root}, {{resultTypes: ['violations'], ...{options}}})")
    if contrast:
        runs.append(f"""axe.run({{include: [{root}, ...({REPRESENTATIVES})({list(REPEATED)!r}, {root})],
                                 exclude: {[[s] for s in REPEATED + (() if frame else FRAME)]!r}}},
                                {{resultTypes: ['violations'], runOnly: {contrast!r}}})""")
    found = []
    for script in runs:
        found += page.evaluate(f"() => {script}.then(r => r.violations)")
    return found


# ---------------------------------------------------------------------------------------------
# What a visit records

MATH_CHECK = """() => {
  const content = document.querySelector('.md-content');
  const clone = content.cloneNode(true);
  clone.querySelectorAll('pre, code, annotation, .clipboard-copy-txt, script, style').forEach(n => n.remove());
  const text = clone.textContent;
  const raw = [];
  for (const token of ['\\\\(', '\\\\)', '\\\\[', '\\\\]', '$']) if (text.includes(token)) raw.push(token);
  return {sources: document.querySelectorAll('.arithmatex').length,
          rendered: document.querySelectorAll('.arithmatex .katex').length, raw};
}"""

FONTS = """() => ({
  preloaded: Array.from(document.querySelectorAll('link[rel=preload][as=font]')).map(l => l.href.split('/').pop()),
  // the site's own fonts (the math font) that the page has loaded, by file name: "STIX Two Math" -> STIXTwoMath-Regular.woff2
  used: Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => {
    const bold = f.weight === '700' || f.weight === 'bold', italic = f.style === 'italic';
    const style = bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Regular';
    return `${f.family.replace(/["\\s]/g, '')}-${style}.woff2`;
  }),
})"""

# Every figure of the page, shown or not: the SVG it shows, its class, whether it is displayed at
# this width and scheme, and its width there.
FIGURES_ON_PAGE = """() => Array.from(document.querySelectorAll('.md-content img')).filter(img =>
  /\\.svg(#|$)|^data:image\\/svg\\+xml/.test(img.src)).map(img => {
  const r = img.getBoundingClientRect(), shown = getComputedStyle(img).display !== 'none' && r.width > 0;
  const layout = ['figure-phone', 'figure-wide'].find(c => img.classList.contains(c)) || '';
  return {src: img.src, layout, shown, width: r.width};
})"""

# Each table of the page: whether it is wider than the text column, and whether the nearest box
# around it that scrolls sideways does scroll, stays on the screen (on phones Material lets it use
# the column's margins too) and can be reached by keyboard (it or something in it takes focus).
WIDE_TABLES = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  const tables = Array.from(document.querySelectorAll('.md-content table')).map(table => {
    let box = table.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    const r = (box || table).getBoundingClientRect();
    const focusable = !!box && (box.tabIndex >= 0 || box.querySelector('a[href], button, [tabindex]') !== null);
    return {head: table.querySelector('th, td')?.textContent.trim().slice(0, 30), wide: table.scrollWidth > column.width + 1,
            scrolls: !!box && box.scrollWidth > box.clientWidth, focusable,
            fits: r.left >= -1 && r.right <= window.innerWidth + 1};
  });
  return {page: document.scrollingElement.scrollWidth, tables};
}"""

WIDE_FORMULAS = """() => [...document.querySelectorAll('.md-typeset div.arithmatex')]
    .filter((box) => box.scrollWidth > box.clientWidth).map((box) => box.tabIndex)"""

# A notebook's printed table keeps one line per row: its box scrolls instead of wrapping.
PRINTED_OUTPUTS = """() => Array.from(document.querySelectorAll('.jp-OutputArea-output pre')).map(pre => {
  const lines = pre.textContent.replace(/\\n$/, '').split('\\n').length;
  const height = parseFloat(getComputedStyle(pre).lineHeight) * lines;
  return [pre.textContent.slice(0, 40), pre.getBoundingClientRect().height <= height + 1];
})"""


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
    violations: list[dict] = field(default_factory=list)
    fonts_preloaded: list[str] = field(default_factory=list)
    fonts_used: list[str] = field(default_factory=list)
    wide: list[dict] = field(default_factory=list)  # FIGURES_ON_PAGE on a wide screen
    phone: list[dict] = field(default_factory=list)  # FIGURES_ON_PAGE at the phone's width
    layout: dict = field(default_factory=dict)  # in the light scheme: phone_layout()


def page_paths(site: Path) -> list[str]:
    """Every page of every language, and each language's 404 page."""
    from serve_site import page_urls

    return page_urls(site) + [f"{languages.prefix(locale)}404.html" for locale in languages.LANGUAGES]


def phone_layout(page) -> dict:
    """At the phone width: its wide tables and formulas; at the narrowest: whether the page scrolls
    sideways and whether a notebook's printed table wraps."""
    found = {"tables": page.evaluate(WIDE_TABLES), "formulas": page.evaluate(WIDE_FORMULAS)}
    page.set_viewport_size({"width": NARROW, "height": 740})
    page.evaluate(NEXT_FRAME)
    found["narrow"] = {"width": page.evaluate("document.scrollingElement.scrollWidth"),
                       "outputs": page.evaluate(PRINTED_OUTPUTS)}
    return found


# A resize event is dispatched when the browser next renders, before its animation-frame callbacks.
NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def _at(page, width: int) -> None:
    """Resize the window as a reader turns a phone or narrows a window, and wait for what it loads."""
    page.set_viewport_size(WIDE if width == WIDE["width"] else {"width": width, "height": 844})
    page.evaluate(NEXT_FRAME)  # the page's resize handlers have run
    page.wait_for_function(IMAGES_LOADED)
    page.evaluate("document.fonts.ready.then(() => true)")


def _look_wide(page, v: Visit, fonts: dict, violations: list[dict]) -> None:
    math = page.evaluate(MATH_CHECK)
    v.math_sources, v.math_rendered, v.raw_math = math["sources"], math["rendered"], math["raw"]
    v.wide = page.evaluate(FIGURES_ON_PAGE)
    v.fonts_preloaded, v.fonts_used = sorted(fonts["preloaded"]), sorted(set(fonts["used"]))
    v.violations = violations


class Tab:
    """One browser tab on the site at `base` that visits pages one after another, as a reader browsing
    the site does: the browser's cache keeps what an earlier page loaded (each request is still seen:
    the site's server marks all but Material's hashed bundles no-cache, so the browser asks again), and
    what the page does is charged to the visit and scheme being looked at."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(color_scheme=SCHEMES[0], viewport=WIDE)
        self.page = page = self.context.new_page()
        self.network = Network(page)
        self.now: Visit | None = None
        origin = urlsplit(base).netloc

        def request(r):
            self.now.requests.append(r.url)
            if urlsplit(r.url).netloc != origin and not r.url.startswith("data:"):
                self.now.external.append(r.url)

        page.on("console", lambda m: self.now.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.now.console_errors.append(str(e)))
        page.on("request", request)
        page.on("requestfailed", lambda r: self.now.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: self.now.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)


def visit(tab: Tab, path: str) -> dict[str, Visit]:
    """Open a page and look at it in the light scheme, wide and at a phone's width; switch to
    the dark scheme with the page's own palette toggle, as a reader does, and look again at the
    phone's width and wide: scheme -> what each look saw. The structure (names, roles, landmarks, alt text) is the same in both
    schemes, so the dark one runs axe's rules about colour alone."""
    page = tab.page
    visits = {scheme: Visit(tab.base + path, scheme) for scheme in SCHEMES}
    light, dark = (visits[scheme] for scheme in SCHEMES)
    tab.now = light  # what the page does is charged to the scheme shown at the time
    response = page.goto(light.url, wait_until="load")
    if Path(path).name == "404.html":
        light.failed = [f for f in light.failed if not f.startswith(light.url)]  # the 404 page itself is meant to be a 404
    elif response is None or response.status != 200:
        light.failed.append(f"{light.url} (HTTP {response.status if response else '?'})")
    if not page.evaluate("document.body !== null"):
        # Without a body the checks below mean nothing: report what arrived instead.
        ctype = response.headers.get("content-type") if response else None
        light.failed.append(f"{light.url} has no <body> after load ({ctype}): {page.content()[:300]!r}")
        return visits
    # Every figure of both schemes and both widths now, not when scrolled to: their requests are checked too.
    page.evaluate(EAGER_IMAGES)
    settle(page, tab.network)
    fonts = page.evaluate(FONTS)
    frame = path in FRAME_PAGES
    _look_wide(page, light, fonts, axe(page, frame=frame))
    _at(page, PHONE)
    light.phone = page.evaluate(FIGURES_ON_PAGE)
    light.layout = phone_layout(page)
    tab.now = dark  # the reader switches the scheme on the phone, and turns it back to a wide screen
    dark.requests.append(light.url)  # the page itself, loaded once for both schemes
    page.click(PALETTE_TOGGLE)
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{SCHEME_ATTRIBUTE[dark.scheme]}'")
    _at(page, PHONE)
    dark.phone = page.evaluate(FIGURES_ON_PAGE)
    _at(page, WIDE["width"])
    _look_wide(page, dark, fonts, axe(page, COLOUR_RULES, frame=frame))
    # The palette a reader picks is remembered for the next page; each visit starts in the light one.
    page.evaluate("localStorage.clear()")
    return visits


WORKERS = 2  # the browsers' renderers do most of the work, one per core


def _visit_chunk(base: str, chunk: list[str]) -> dict[tuple[str, str], Visit]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            tab = Tab(b, base)
            return {(path, scheme): v for path in chunk for scheme, v in visit(tab, path).items()}
        finally:
            b.close()


def visit_all(base: str, paths: list[str]) -> dict[tuple[str, str], Visit]:
    """(page, scheme) -> Visit, for every page, in WORKERS browsers at once. Each browser is driven
    from a process of its own: in the tests' process, Playwright's Python side would wait for the
    interpreter's lock while the tests compute."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn")) as pool:
        parts = pool.map(partial(_visit_chunk, base), [paths[i::WORKERS] for i in range(WORKERS)])
        return {key: v for part in parts for key, v in part.items()}
