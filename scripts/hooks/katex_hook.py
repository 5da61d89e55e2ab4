"""MkDocs hook: render every formula to HTML at build time with the site's own copy of KaTeX.

pymdownx.arithmatex (generic mode) wraps math as <span class="arithmatex">\\(...\\)</span> and
<div class="arithmatex">\\[...\\]</div>. This hook runs docs/assets/katex/katex.min.js in an
embedded JavaScript engine (QuickJS) and replaces each formula with KaTeX's HTML and MathML,
so readers' browsers run no script for math, and the page does not shift when it renders.
A formula KaTeX cannot parse fails the build, and so does one it would only warn about (strict
mode, e.g. Hangul in math mode outside \\text{}): the engine has no console to show a warning.

Each page also preloads the KaTeX fonts its formulas use (read off KaTeX's stylesheet), so
they arrive with the stylesheets; discovered late, they would re-flow the text around the
formulas after the first paint.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import quickjs

KATEX = Path(__file__).resolve().parents[2] / "docs" / "assets" / "katex" / "katex.min.js"
MATH = re.compile(r'<(span|div) class="arithmatex">\\([(\[])(.*?)\\[)\]]</\1>', re.S)
FONT_RULE = re.compile(r"([^{}]+)\{([^{}]*font-family:KaTeX_(\w+)[^{}]*)\}")


@cache
def _engine() -> quickjs.Context:
    ctx = quickjs.Context()
    ctx.eval("var self = globalThis, window = globalThis;")  # KaTeX's UMD wrapper looks for one
    ctx.eval(KATEX.read_text(encoding="utf-8"))
    return ctx


@cache
def render(tex: str, display: bool) -> str:
    """KaTeX's HTML for one formula; raises ValueError with the formula if KaTeX rejects it or would warn."""
    options = json.dumps({"displayMode": display, "throwOnError": True, "strict": "error", "output": "htmlAndMathml"})
    try:
        return _engine().eval(f"katex.renderToString({json.dumps(tex)}, {options})")
    except quickjs.JSException as err:
        raise ValueError(f"KaTeX cannot render {tex!r}: {err}") from None


def render_math(page_html: str) -> str:
    """Replace every arithmatex formula in page_html by its rendered form."""

    def replace(m: re.Match) -> str:
        tag, display = m.group(1), m.group(2) == "["
        return f'<{tag} class="arithmatex">{render(html.unescape(m.group(3)), display)}</{tag}>'

    return MATH.sub(replace, page_html)


@cache
def font_rules() -> list[tuple[frozenset[str], str]]:
    """(classes an element must have, font file) for every KaTeX rule that picks a font."""
    css = (KATEX.parent / "katex.min.css").read_text(encoding="utf-8")
    rules = []
    for selectors, body, family in FONT_RULE.findall(css):
        if "@font-face" in selectors:
            continue
        bold, italic = "font-weight:700" in body, "font-style:italic" in body
        style = {(True, True): "BoldItalic", (True, False): "Bold", (False, True): "Italic"}.get((bold, italic), "Regular")
        for selector in selectors.split(","):
            # The last compound selector with classes: the element (or, for ".a>span", the
            # parent) whose presence means the font is needed.
            compound = next(c for c in reversed(re.split(r"[\s>+~]+", selector.strip())) if "." in c)
            rules.append((frozenset(c for c in compound.split(".") if c), f"KaTeX_{family}-{style}.woff2"))
    return rules


def fonts_used(page_html: str) -> list[str]:
    """The KaTeX font files the formulas in page_html need."""
    if 'class="katex' not in page_html:
        return []
    elements = {frozenset(c.split()) for c in re.findall(r'class="([^"]+)"', page_html)}
    used = {"KaTeX_Main-Regular.woff2"}  # .katex itself is set in KaTeX_Main
    used |= {font for need, font in font_rules() if any(need <= have for have in elements)}
    return sorted(f for f in used if (KATEX.parent / "fonts" / f).is_file())


def on_page_content(html: str, page, config, files) -> str:  # noqa: ARG001 - MkDocs hook signature
    return render_math(html)


def on_post_page(output: str, page, config) -> str:  # noqa: ARG001 - MkDocs hook signature
    fonts = fonts_used(output)
    if not fonts:
        return output
    # The stylesheet link tells us the relative path from this page to the site's assets.
    prefix = re.search(r'href="([^"]*)assets/katex/katex\.min\.css"', output).group(1)
    links = "".join(f'<link rel="preload" href="{prefix}assets/katex/fonts/{f}" as="font" type="font/woff2" crossorigin>'
                    for f in fonts)
    return output.replace("</head>", links + "</head>", 1)
