"""Work Material's script did on each page load, done before the page is drawn: tables wrapped at build time
(scripts/hooks/material_load_hook.py), the class swap on <html> in the head (docs/overrides/main.html), the
palette chosen while the page is parsed (docs/overrides/partials/javascripts/palette.html). The rules on
sample input, the built site, and in Chromium: tables look as Material draws them, the palette toggle
works as Material's did, and no script makes the browser restyle the whole page again as it loads."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from material_load_hook import SITE_CSS, TABLE_CLASS, TABLES_COMMENT, WRAP_CLOSE, WRAP_OPEN, table_rules, wrap_tables
from tests.browsing import PALETTE_TOGGLE, open_settled

# ---------------------------------------------------------------------------------------------
# The rules, on sample input


def test_a_table_without_a_class_is_wrapped_as_materials_script_wraps_it_and_marked():
    html = "<p>a</p><table><tr><td>1</td></tr></table><p>b</p>"
    assert wrap_tables(html) == (f'<p>a</p>{WRAP_OPEN}<table class="{TABLE_CLASS}"><tr><td>1</td></tr></table>'
                                 f"{WRAP_CLOSE}<p>b</p>")
    # what Material's script builds around a table: its function Un in the bundle
    assert WRAP_OPEN == '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


@pytest.mark.parametrize(("html", "expected"), [
    # a table with a class is one Material's script leaves alone, and so does the build
    ('<table class="dataframe"><tr><td>1</td></tr></table>', '<table class="dataframe"><tr><td>1</td></tr></table>'),
    # other attributes stay; a table inside a cell is wrapped on its own
    ('<table style="x"><tr><td><table><tr><td>1</td></tr></table></td></tr></table>',
     f'{WRAP_OPEN}<table class="{TABLE_CLASS}" style="x"><tr><td>{WRAP_OPEN}<table class="{TABLE_CLASS}">'
     f"<tr><td>1</td></tr></table>{WRAP_CLOSE}</td></tr></table>{WRAP_CLOSE}"),
    # a table with a class inside one without: only the outer is wrapped
    ('<table><tr><td><table class="c"></table></td></tr></table>',
     f'{WRAP_OPEN}<table class="{TABLE_CLASS}"><tr><td><table class="c"></table></td></tr></table>{WRAP_CLOSE}'),
    ("<p>no tables</p>", "<p>no tables</p>"),
])
def test_only_tables_without_a_class_are_wrapped(html, expected):
    assert wrap_tables(html) == expected


def test_an_unclosed_table_is_an_error():
    with pytest.raises(ValueError, match="without its"):
        wrap_tables("<table><tr><td>1</td></tr>")


def test_materials_table_rules_are_carried_over_inside_their_at_rules_and_nothing_else_is():
    css = (".md-typeset table:not([class]){display:inline-block}"
           "@media print{.md-typeset table:not([class]){display:table}.md-header{display:none}}"
           ".md-typeset table:not([class]) td,.md-typeset .other td{padding:1em}"
           ".md-typeset table:not([class]):empty{}"
           "@media screen{@supports (x:y){.md-typeset table:not([class]) th{color:red}}}")
    assert table_rules(css) == (f".md-typeset table.{TABLE_CLASS}{{display:inline-block}}\n"
                                f"@media print{{.md-typeset table.{TABLE_CLASS}{{display:table}}}}\n"
                                f".md-typeset table.{TABLE_CLASS} td{{padding:1em}}\n"
                                f"@media screen{{@supports (x:y){{.md-typeset table.{TABLE_CLASS} th{{color:red}}}}}}\n")
    with pytest.raises(ValueError, match="no rule for"):
        table_rules(".md-typeset table{color:red}")


# ---------------------------------------------------------------------------------------------
# The built site


class _Tables(HTMLParser):
    """Each <table>'s class and its two nearest ancestors' classes."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.open, self.tables = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append((attrs.get("class"), [c for _, c in self.open[-2:]]))
        self.open.append((tag, attrs.get("class")))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_table_on_the_site_has_a_class_and_each_marked_one_sits_in_materials_two_boxes(site):
    marked = 0
    for page in _pages(site):
        html = page.read_text()
        article = html[html.index("<article"):html.index("</article>")] if "<article" in html else html
        found = _Tables()
        found.feed(article)
        for cls, ancestors in found.tables:
            assert cls, f"{page}: a table without a class, which Material's script would move at load"
            if cls == TABLE_CLASS:
                marked += 1
                assert ancestors == ["md-typeset__scrollwrap", "md-typeset__table"], (page, ancestors)
    assert marked >= 40, marked  # the catalogue, the home page's tables and the activation pages' tables


def test_materials_table_rules_open_the_published_site_stylesheet_once_and_cost_no_request_of_their_own(site):
    [material] = (site / "assets" / "stylesheets").glob("main.*.min.css")
    published = (site / SITE_CSS).read_text()
    authored = (Path(__file__).resolve().parents[1] / "docs" / SITE_CSS).read_text()
    assert published.startswith(TABLES_COMMENT) and published.endswith(authored)
    assert published.count(TABLES_COMMENT) == 1
    carried = published[len(TABLES_COMMENT):-len(authored)]
    # read back, each carried rule is one of Material's own, and every mention Material makes is carried
    css = material.read_text()
    for line in carried.splitlines():
        inner = re.sub(r"^(@[^{]*\{)+", "", line.replace(f"table.{TABLE_CLASS}", "table:not([class])"))
        inner = inner[:len(inner) - (len(line) - len(line.rstrip("}")) - 1)]  # the at-rules' closing braces
        assert inner in css, line
    assert carried.count(f"table.{TABLE_CLASS}") == css.count("table:not([class])") > 0
    html = (site / "activations" / "relu" / "index.html").read_text()
    assert len(re.findall(r'<link rel="stylesheet"', html)) == 4  # Material's two, the site's two


def test_every_page_swaps_no_js_in_its_head_and_leaves_its_palette_to_its_own_script(site):
    for page in _pages(site):
        html = page.read_text()
        head = html[:html.index("</head>")]
        assert 'classList.replace("no-js", "js")' in head, page
        assert 'add("js-focus-visible")' in head, page
        assert 'data-md-component="palette"' not in html, page  # Material's script would take it over
        assert html.count("<form class=\"md-header__option\" data-palette>") == 1, page


def test_every_page_defers_every_script_it_fetches_and_keeps_materials_order(site):
    """A script at the end of <body> without defer is fetched at the priority of one that blocks drawing, and
    runs inside the parser's last task, which then also restyles the whole page for it (one long task).
    Deferred, the scripts run in the order written, after parsing, before DOMContentLoaded, as Material's
    script expects."""
    config = yaml.safe_load((Path(__file__).resolve().parents[1] / "mkdocs.yml").read_text(encoding="utf-8"))
    extra = [s if isinstance(s, str) else s["path"] for s in config["extra_javascript"]]
    for page in _pages(site):
        tags = re.findall(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>", page.read_text())
        assert [src.rsplit("/", 1)[-1] for _, src, _ in tags][1:] == [e.rsplit("/", 1)[-1] for e in extra], page
        assert re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", tags[0][1].rsplit("/", 1)[-1]), (page, tags[0])
        for before, src, after in tags:
            attributes = (before + after).split()
            assert "defer" in attributes and "async" not in attributes and 'type="module"' not in attributes, (page, src)


# ---------------------------------------------------------------------------------------------
# In Chromium

STYLE_OF = """(element) => {
  const style = getComputedStyle(element), out = {};
  for (const name of style) {
    // sizes and the origins computed from them depend on what the cells hold, not on the rules
    if (!/(^|-)(width|height|inline-size|block-size|origin)$/.test(name) || name.startsWith('border')
        || name === 'min-width' || name === 'max-width') out[name] = style.getPropertyValue(name);
  }
  return out;
}"""


@pytest.mark.parametrize("path", ["", "all-activations/", "ko/", "ko/all-activations/"])
def test_a_table_the_build_wrapped_is_styled_exactly_as_material_styles_a_table_it_wraps(browser, served, path):
    """A copy of the table without its class, put where Material's script puts a table, gets Material's own
    rules; every computed property of the table, its rows and cells must match the original's."""
    page = browser.new_page()
    open_settled(page, served + path)
    twin = page.evaluate_handle(f"""() => {{
      const table = document.querySelector('article table.{TABLE_CLASS}');
      const copy = table.cloneNode(true);
      copy.removeAttribute('class');
      const wrap = table.closest('.md-typeset__scrollwrap').cloneNode(false);
      const inner = table.parentElement.cloneNode(false);
      inner.appendChild(copy); wrap.appendChild(inner);
      table.closest('.md-typeset__scrollwrap').after(wrap);
      return copy;
    }}""")
    original = page.locator(f"article table.{TABLE_CLASS}").first
    # (a link in a cell too: the Korean pages keep words whole in links, a rule of the site's that must
    # still win over Material's, as it did when Material's table rules came first)
    for part in ("", "thead th", "tbody tr", "tbody td", "tbody td a"):
        ours = original.evaluate(f"(t, s) => ({STYLE_OF})(s ? t.querySelector(s) : t)", part)
        materials = twin.evaluate(f"(t, s) => ({STYLE_OF})(s ? t.querySelector(s) : t)", part)
        differing = {k: (ours[k], materials.get(k)) for k in ours if ours[k] != materials.get(k)}
        assert not differing, (path, part or "table", differing)
    page.close()


def test_after_load_no_table_is_wrapped_twice(browser, served):
    page = browser.new_page()
    open_settled(page, served + "all-activations/")
    counts = page.evaluate(f"""() => ({{
      tables: document.querySelectorAll('article table.{TABLE_CLASS}').length,
      boxes: document.querySelectorAll('.md-typeset__table').length,
      nested: document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length,
      classless: document.querySelectorAll('article table:not([class])').length}})""")
    page.close()
    assert counts["nested"] == 0 and counts["classless"] == 0, counts
    assert counts["boxes"] == counts["tables"] > 0, counts


TRANSITIONS = "document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.transitionProperty)"
PALETTE_STATE = """() => {
  const header = getComputedStyle(document.querySelector('header'));
  const key = Object.keys(localStorage).find(k => k.endsWith('.__palette'));
  return {
    scheme: document.body.getAttribute('data-md-color-scheme'),
    media: document.body.getAttribute('data-md-color-media'),
    shown: Array.from(document.querySelectorAll('form[data-palette] label:not([hidden])'), l => l.htmlFor),
    checked: document.querySelector('form[data-palette] input:checked')?.id,
    colorScheme: Array.from(document.querySelectorAll('meta[name=color-scheme]'), m => m.content),
    themeColor: Array.from(document.querySelectorAll('meta[name=theme-color]'), m => m.content),
    headerScheme: header.colorScheme,
    headerBackground: header.backgroundColor,
    stored: key && JSON.parse(localStorage.getItem(key)),
  };
}"""


def _hex(rgb: str) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in re.findall(r"\d+", rgb)[:3])


def _consistent(state: dict, scheme: str, index: int, media: str) -> None:
    """The page shows palette `index` (Material's `scheme`) everywhere Material's component showed it."""
    assert state["scheme"] == scheme and state["media"] == media, state
    assert state["shown"] == [f"__palette_{(index + 1) % 2}"], state  # the toggle to the other palette
    assert state["checked"] == f"__palette_{index}", state
    assert state["colorScheme"] == [state["headerScheme"]] == [{"default": "light", "slate": "dark"}[scheme]], state
    assert state["themeColor"] == [_hex(state["headerBackground"])], state
    assert state["stored"] == {"index": index, "color": {"media": media, "scheme": scheme,
                                                         "primary": "indigo", "accent": "indigo"}}, state


LIGHT, DARK = "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"


@pytest.mark.parametrize(("system", "first"), [("light", 0), ("dark", 1)])
def test_the_palette_toggle_works_as_materials_did(browser, served, system, first):
    """A first visit takes the palette whose media query matches the system's scheme; the toggle switches
    it without fading any colour, the choice is stored and shown on the next page, and Enter on the
    toggle switches back."""
    schemes, medias = ("default", "slate"), (LIGHT, DARK)
    context = browser.new_context(color_scheme=system)
    context.add_init_script("document.addEventListener('DOMContentLoaded', () => window.parsedWith = "
                            "Array.from(document.querySelectorAll('meta[name=color-scheme]'), m => m.content))")
    page = context.new_page()
    open_settled(page, served + "activations/relu/")
    state = page.evaluate(PALETTE_STATE)
    _consistent(state, schemes[first], first, medias[first])
    # the page's colour scheme is known once it is parsed, not only after it has loaded
    assert page.evaluate("window.parsedWith") == state["colorScheme"]

    other = 1 - first
    running = page.evaluate(f"""() => {{
      document.querySelector({PALETTE_TOGGLE!r}).click();
      getComputedStyle(document.querySelector('.md-header')).color;  // the new palette is styled now
      return {TRANSITIONS};
    }}""")
    assert running == []
    _consistent(page.evaluate(PALETTE_STATE), schemes[other], other, medias[other])
    page.wait_for_timeout(200)
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False
    # the control: the same change of scheme made without the pause does fade the header's colours
    faded = page.evaluate(f"""() => {{
      document.body.setAttribute('data-md-color-scheme', {schemes[first]!r});
      getComputedStyle(document.querySelector('.md-header')).color;
      const running = {TRANSITIONS};
      document.body.setAttribute('data-md-color-scheme', {schemes[other]!r});
      return running;
    }}""")
    assert faded, "a palette change without the pause started no transition: the check above proves nothing"

    open_settled(page, served + "activations/gelu/")
    _consistent(page.evaluate(PALETTE_STATE), schemes[other], other, medias[other])
    page.focus(f"#__palette_{other}")
    page.keyboard.press("Enter")
    _consistent(page.evaluate(PALETTE_STATE), schemes[first], first, medias[first])
    assert page.evaluate("document.activeElement.id") == f"__palette_{first}"
    context.close()


@pytest.mark.parametrize("stored", ["{not json", "null", '{"index": "dark"}'])
def test_a_stored_palette_that_is_not_materials_counts_as_a_first_visit(browser, served, stored):
    context = browser.new_context(color_scheme="dark")
    context.add_init_script(f"localStorage.setItem('/.__palette', {stored!r})")
    page = context.new_page()
    open_settled(page, served + "activations/relu/")
    _consistent(page.evaluate(PALETTE_STATE), "slate", 1, DARK)
    page.click(PALETTE_TOGGLE)
    _consistent(page.evaluate(PALETTE_STATE), "default", 0, LIGHT)
    context.close()


@pytest.mark.parametrize("path", ["", "experiments/vanishing-gradients/", "activations/gelu/"])
def test_no_script_makes_the_browser_restyle_the_whole_page_again_as_it_loads(browser, served, path, tmp_path):
    """A style pass over (nearly) the whole page that a script forced, by reading a size or a computed style
    after changing the page, happens at most once: the first style of the page, when the script that forced
    it ran before Chromium got to it. Material's script forced four or five such passes on these pages (the
    class swap on <html>, the table wrapping, the palette's <meta> tags and its attribute on <body>).
    Passes the parser makes on the part of the page it has read are not forced by a script, and not counted."""
    import json

    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    trace = tmp_path / "trace.json"
    browser.start_tracing(page=page, path=str(trace),
                          categories=["devtools.timeline", "disabled-by-default-devtools.timeline.stack"])
    page.goto(served + path, wait_until="load")
    page.wait_for_timeout(1000)
    browser.stop_tracing()
    context.close()
    passes = [e["args"] for e in json.loads(trace.read_text())["traceEvents"]
              if e.get("name") == "UpdateLayoutTree" and e.get("ph") == "X"]
    largest = max(p.get("elementCount") or 0 for p in passes)
    forced = [(p["elementCount"], [f.get("functionName") for f in p["beginData"]["stackTrace"][:2]]) for p in passes
              if (p.get("elementCount") or 0) >= largest / 2 and (p.get("beginData") or {}).get("stackTrace")]
    assert len(forced) <= 1, (path, largest, forced)
