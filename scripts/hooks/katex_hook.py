"""MkDocs hook: render every formula to MathML at build time with the site's own copy of KaTeX.

pymdownx.arithmatex (generic mode) wraps math as <span class="arithmatex">\\(...\\)</span> and
<div class="arithmatex">\\[...\\]</div>. This hook runs docs/assets/katex/katex.min.js in an
embedded JavaScript engine (QuickJS) and replaces each formula with KaTeX's MathML, which every
current browser lays out natively: readers' browsers run no script for math, and a page holds each
formula once, not also as KaTeX's HTML drawing of it, whose many nested elements made the pages with
many formulas slow to lay out on a phone. A formula KaTeX cannot parse fails the build, and so does one it would only warn
about (strict mode, e.g. Hangul in math mode outside \\text{}): the engine has no console to show a warning.

The browser draws MathML with a math font: the site's STIX Two Math (docs/assets/fonts/, see
scripts/tools/vendor_math_font.py), which each page with a formula preloads, so that it arrives
with the stylesheets; discovered late, it would re-flow the text around the formulas.
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
MATH_FONT = "assets/fonts/STIXTwoMath-Regular.woff2"
VARIANT = re.compile(r'<(mi|mn|mo|mtext) mathvariant="(?!normal")([^"]+)">([^<]*)</\1>')
# MathML Core, which browsers implement, draws `mathvariant` only as "normal"; a bold letter is its own
# Unicode character (U+1D400 MATHEMATICAL BOLD CAPITAL A, ...), which the math font has. As in LaTeX,
# \\mathbf leaves lower-case Greek as it is.
BOLD = {**{chr(ord("A") + i): chr(0x1D400 + i) for i in range(26)},
        **{chr(ord("a") + i): chr(0x1D41A + i) for i in range(26)},
        **{chr(ord("0") + i): chr(0x1D7CE + i) for i in range(10)},
        **{chr(0x391 + i): chr(0x1D6A8 + i) for i in range(25) if i != 17}}  # U+03A2 is no letter
# f' is KaTeX's <msup><mi>f</mi><mo>′</mo></msup>; the prime glyph already sits high, and raised as
# a superscript it floats above the letter. Set after the letter, it reads as f′.
TOKEN = r"<(?:mi|mn|mo)\b[^>]*>[^<]*</(?:mi|mn|mo)>"
PRIMED = re.compile(rf"<msup>({TOKEN}|<mrow>(?:{TOKEN})+</mrow>)(<mo\b[^>]*>[′″‴]</mo>|<mrow>(?:<mo\b[^>]*>′</mo>)+</mrow>)</msup>")


@cache
def _engine() -> quickjs.Context:
    ctx = quickjs.Context()
    ctx.eval("var self = globalThis, window = globalThis;")  # KaTeX's UMD wrapper looks for one
    ctx.eval(KATEX.read_text(encoding="utf-8"))
    return ctx


@cache
def render(tex: str, display: bool) -> str:
    """KaTeX's MathML for one formula; raises ValueError with the formula if KaTeX rejects it or would warn."""
    options = json.dumps({"displayMode": display, "throwOnError": True, "strict": "error", "output": "mathml"})
    try:
        return _engine().eval(f"katex.renderToString({json.dumps(tex)}, {options})")
    except quickjs.JSException as err:
        raise ValueError(f"KaTeX cannot render {tex!r}: {err}") from None


def core_mathml(mathml: str) -> str:
    """KaTeX's mathml as MathML Core draws it right: primes after their letter, and each bold token
    in Unicode's bold letters (a formula with another variant, \\mathbb, \\mathcal, ..., fails the
    build until a table for it is added here)."""

    def replace(m: re.Match) -> str:
        tag, variant, text = m.groups()
        if variant != "bold":
            raise ValueError(f"no Unicode letters for mathvariant={variant!r} ({m.group()}): add them to katex_hook.py")
        return f"<{tag}>{''.join(BOLD.get(c, c) for c in text)}</{tag}>"

    return PRIMED.sub(r"<mrow>\1\2</mrow>", VARIANT.sub(replace, mathml))


def render_math(page_html: str) -> str:
    """Replace every arithmatex formula in page_html by its rendered form."""

    def replace(m: re.Match) -> str:
        tag, display = m.group(1), m.group(2) == "["
        return f'<{tag} class="arithmatex">{core_mathml(render(html.unescape(m.group(3)), display))}</{tag}>'

    return MATH.sub(replace, page_html)


def on_page_content(html: str, page, config, files) -> str:  # noqa: ARG001 - MkDocs hook signature
    return render_math(html)


def on_post_page(output: str, page, config) -> str:  # noqa: ARG001 - MkDocs hook signature
    if 'class="katex"' not in output:
        return output
    # The stylesheet link tells us the relative path from this page to the site's assets.
    prefix = re.search(r'href="([^"]*)assets/stylesheets/extra\.css"', output).group(1)
    link = f'<link rel="preload" href="{prefix}{MATH_FONT}" as="font" type="font/woff2" crossorigin>'
    return output.replace("</head>", link + "</head>", 1)
