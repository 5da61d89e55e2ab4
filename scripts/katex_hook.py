"""MkDocs hook: render every formula to HTML at build time with the site's own copy of KaTeX.

pymdownx.arithmatex (generic mode) wraps math as <span class="arithmatex">\\(...\\)</span> and
<div class="arithmatex">\\[...\\]</div>. This hook runs docs/assets/katex/katex.min.js in an
embedded JavaScript engine (QuickJS) and replaces each formula with KaTeX's HTML and MathML,
so readers' browsers run no script for math, and the page does not shift when it renders.
A formula KaTeX cannot parse fails the build.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import quickjs

KATEX = Path(__file__).resolve().parent.parent / "docs" / "assets" / "katex" / "katex.min.js"
MATH = re.compile(r'<(span|div) class="arithmatex">\\([(\[])(.*?)\\[)\]]</\1>', re.S)


@cache
def _engine() -> quickjs.Context:
    ctx = quickjs.Context()
    ctx.eval("var self = globalThis, window = globalThis;")  # KaTeX's UMD wrapper looks for one
    ctx.eval(KATEX.read_text(encoding="utf-8"))
    return ctx


@cache
def render(tex: str, display: bool) -> str:
    """KaTeX's HTML for one formula; raises ValueError with the formula if KaTeX rejects it."""
    options = json.dumps({"displayMode": display, "throwOnError": True, "output": "htmlAndMathml"})
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


def on_page_content(html: str, page, config, files) -> str:  # noqa: ARG001 - MkDocs hook signature
    return render_math(html)
