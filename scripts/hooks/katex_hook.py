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
import xml.etree.ElementTree as ET

KATEX = Path(__file__).resolve().parents[2] / "docs" / "assets" / "katex" / "katex.min.js"
MATH = re.compile(r'<(span|div) class="arithmatex">\\([(\[])(.*?)\\[)\]]</\1>', re.S)
MATH_FONT = "assets/fonts/STIXTwoMath-Regular.woff2"
# MathML Core, which browsers implement, draws `mathvariant` only as "normal"; a bold letter is its own
# Unicode character (U+1D400 MATHEMATICAL BOLD CAPITAL A, ...), which the math font has. As in LaTeX,
# \\mathbf leaves lower-case Greek as it is.
BOLD = {**{chr(ord("A") + i): chr(0x1D400 + i) for i in range(26)},
        **{chr(ord("a") + i): chr(0x1D41A + i) for i in range(26)},
        **{chr(ord("0") + i): chr(0x1D7CE + i) for i in range(10)},
        **{chr(0x391 + i): chr(0x1D6A8 + i) for i in range(25) if i != 17}}  # U+03A2 is no letter
MATHML_NS = ' xmlns="http://www.w3.org/1998/Math/MathML"'
PRIMES = {"′", "″", "‴"}
FUNCTION_APPLICATION = "\u2061"
SIGNS = {"−", "+", "±", "∓"}  # binary operators that are signs where no operand precedes them
BARS = {"∣", "∥"}  # what \\lvert, \\rvert, \\lVert and \\rVert (and \\left| ...) become
CLOSING = {")", "]", "}", "⟩", "⌉", "⌋", *BARS}
# After one of these an operator has an operand before it: x - 1, f(x) - 1, |x| - 1, f' - g.
OPERAND_ENDS = CLOSING - BARS | {"!", *PRIMES}
OPENING = {"(", "[", "{", "⟨", "⌈", "⌊", *BARS}
RELATIONS = {"=", "≠", "<", ">", "≤", "≥", "≈", "≃", "≅", "≡", "∼", "∝", "→", "←", "↦", "⇒", "⇔", "∈", "∉", "⊂", "⊆", ":"}
LARGE = {"∑", "∏", "∫"}
DOTS = {"…", "⋯"}
BREAK_AFTER = RELATIONS | {"+", "−", "±", "∓", "×", "⋅"}
SCRIPTED = ("msub", "msup", "msubsup", "munder", "mover", "munderover")
# An inline formula shorter than this many characters fits on any line; it stays one <math>.
SHORT = 24
THIN_SPACE = "0.1667em"  # TeX's \, : between an operator name and what it applies to (log x)
THICK_SPACE = "0.2778em"  # TeX's \; : around a relation
PRIME_DROP = "-0.3em"  # how far the prime glyph, drawn raised, stands above a superscript's baseline
AXIS = 0.258  # the math font's axis height (em): where a stretched bracket is centred
# KaTeX asks \big's brackets for exactly 1.2em; the font's size is 1.187em, so the browser took the
# next one, 1.427em, half again as tall as a normal bracket. Asked for 1.18em, it draws the 1.187em one.
BIG = {"1.2em": "1.18em"}
NULL_DELIMITER = "0.12em"  # TeX's \nulldelimiterspace, after a table (the missing right brace of cases)
# The spaces KaTeX writes as text for \, \: \; (the math font has no glyph for them), as their TeX widths.
SPACE_WIDTHS = {"\u2009": 0.1667, "\u205f": 0.2222, "\u2005": 0.2778, "\u2004": 0.3333, "\u2002": 0.5, "\u2003": 1.0, " ": 0.25, "\u00a0": 0.25}


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


def _text(el: ET.Element) -> str:
    return "".join(el.itertext())


def _first_token(el: ET.Element) -> ET.Element:
    while el.tag in ("mrow", "mstyle", *SCRIPTED) and len(el):
        el = el[0]
    return el


def _is(el: ET.Element | None, texts: set[str]) -> bool:
    return el is not None and el.tag == "mo" and (el.text or "") in texts


def _core(el: ET.Element) -> ET.Element:
    """The operator an embellished operator (∑ with its limits, ‖ with its square) is spaced by."""
    while el.tag in SCRIPTED and len(el):
        el = el[0]
    return el


def _is_operand(el: ET.Element | None) -> bool:
    """Whether el ends an operand: a sign after it is binary and an operator name a thin space away."""
    if el is None:
        return False
    core = _core(el)
    return core.tag != "mo" or (core.text or "") in OPERAND_ENDS


def _leading_name(el: ET.Element) -> bool:
    """Whether el starts with an operator name applied to what follows (tanh, GELU′, max_i, sech²)."""
    while el.tag in ("mrow", *SCRIPTED) and len(el):
        if el.tag == "mrow" and len(el) >= 2 and el[0].tag == "mi" and len(el[0].text or "") > 1 and _is(el[1], {FUNCTION_APPLICATION}):
            return True
        el = el[0]
    return False


def _name_at(children: list[ET.Element], i: int) -> bool:
    """Whether children[i] starts an operator name applied to what follows: tanh before its ⁡, or a
    row or scripted name that starts with one (_leading_name)."""
    el = children[i]
    if el.tag == "mi":
        return len(el.text or "") > 1 and i + 1 < len(children) and _is(children[i + 1], {FUNCTION_APPLICATION})
    return _leading_name(el)


def _argument(el: ET.Element | None) -> bool:
    """Whether el is an argument an operator name takes without brackets (log x): no operator, no bracket."""
    return el is not None and _first_token(el).tag != "mo"


def _bold(el: ET.Element) -> None:
    if el.tag == "mi" and el.text == "∂" and el.get("mathvariant") == "normal":
        del el.attrib["mathvariant"]
        el.text = "\U0001D715"  # TeX's \partial is slanted: MATHEMATICAL ITALIC PARTIAL DIFFERENTIAL
    variant = el.get("mathvariant")
    if variant in (None, "normal"):
        return
    if variant != "bold":
        raise ValueError(f"no Unicode letters for mathvariant={variant!r} ({ET.tostring(el, encoding='unicode')}): add them to katex_hook.py")
    del el.attrib["mathvariant"]
    el.text = "".join(BOLD.get(c, c) for c in el.text or "")


def _unraise_primes(parent: ET.Element) -> None:
    """f' is <msup><mi>f</mi><mo>′</mo></msup>; the prime glyph already sits high, and raised as a
    superscript it floats above the letter. Set after its letter, it reads as f′; under a subscript
    (snake_a') it stays a superscript, lowered by PRIME_DROP, so that the two stack as in TeX."""
    for i, el in enumerate(parent):
        if el.tag in ("msup", "msubsup") and len(el) == (2 if el.tag == "msup" else 3):
            script = el[-1]
            tokens = list(script) if script.tag == "mrow" else [script]
            if tokens and all(_is(t, PRIMES) for t in tokens):
                row = ET.Element("mrow")
                row.append(el[0])
                row.extend(tokens)
                if el.tag == "msup":
                    parent[i] = row
                else:  # snake_a': the prime stays above the subscript, lowered by what it stands raised
                    lowered = ET.Element("mpadded", voffset=PRIME_DROP)
                    lowered.extend(tokens)
                    el[2] = lowered


def _detach_scripts(parent: ET.Element) -> None:
    """(x)^2 and softmax(x)_i: KaTeX hangs the script on the closing bracket, and MathML Core places it by
    the bracket's own height and depth (a subscript far below, a power too high; a stretched bracket does
    not stretch at all). TeX places a script on a single character as on any letter: here it hangs on an
    empty base right after the bracket."""
    for i in range(len(parent) - 1, -1, -1):
        el = parent[i]
        if el.tag in ("msub", "msup", "msubsup") and len(el) and _is(el[0], CLOSING):
            bracket = el[0]
            el.remove(bracket)
            size = bracket.get("maxsize")
            # a \bigr) stands above the line: the base is as tall, so that the power clears it, as in TeX
            base = ET.Element("mspace", height=f"{AXIS + float(size[:-2]) / 2:.4g}em") if size and size.endswith("em") else ET.Element("mrow")
            el.insert(0, base)
            parent.insert(i, bracket)


def _spaces(parent: ET.Element) -> None:
    """KaTeX writes \\, and \\; as text of Unicode spaces, which the math font has no glyph for: each
    becomes an <mspace> of its TeX width."""
    for i, el in enumerate(parent):
        if el.tag == "mtext" and el.text and not len(el) and all(c in SPACE_WIDTHS for c in el.text):
            parent[i] = ET.Element("mspace", width=f"{sum(SPACE_WIDTHS[c] for c in el.text):.4g}em")


def _space_operators(row: ET.Element, script: bool) -> None:
    """The spacing TeX gives and MathML Core's operator dictionary does not: a sign with nothing before it
    (-x, a = -b, (x, -1)) has no space around it, absolute-value bars and dots none, a colon a relation's, an
    operator name a thin space before an argument that is not in brackets (log x, but log(x)) and after an
    operand before it (x tanh x), a large operator none after a relation; in a script or an inline
    fraction's parts (TeX's script style) no operator has space around it but an operator name's."""
    children = list(row)
    bars = 0

    def zero(el: ET.Element) -> None:
        el.set("lspace", "0")
        el.set("rspace", "0")

    for i, el in enumerate(children):
        before = children[i - 1] if i else None
        after = children[i + 1] if i + 1 < len(children) else None
        core = _core(el)
        if core.tag != "mo":
            continue
        text = core.text or ""
        if text == FUNCTION_APPLICATION:
            if _argument(after):
                core.set("rspace", THIN_SPACE)
        elif text in LARGE:
            if _is(before, RELATIONS | SIGNS | OPENING | {","}):  # a = ∑ x: the relation's space only
                core.set("lspace", "0")
        elif script:
            zero(core)
        elif text in BARS and (core.get("stretchy") == "false" or core.get("fence") == "true"):
            zero(core)
            bars += 1
        elif text in DOTS:
            zero(core)
        elif text == ":":
            core.set("lspace", THICK_SPACE)
            core.set("rspace", THICK_SPACE)
        elif text in SIGNS and el is core:
            if not (_is_operand(before) or (_is(before, BARS) and bars % 2 == 0)):  # |x| - 1, but |-x|
                zero(core)
                if after is not None and _name_at(children, i + 1):
                    core.set("rspace", THIN_SPACE)  # -log x: the sign is an operand, a thin space before log
    # TeX's inner atoms, a fraction and a cases block: a thin space from an operand before them (λ{cases},
    # x ½) and to what follows them (½(...), {cases}, and a comma), except a relation or sign's own space
    if not script:
        for el in list(children):
            fraction = el.tag == "mfrac" or (el.tag == "mstyle" and len(el) == 1 and el[0].tag == "mfrac")  # \tfrac
            inner = fraction or (el.tag == "mrow" and any(c.tag == "mtable" for c in el))
            if not inner:
                continue
            at = list(row).index(el)
            following = row[at + 1] if at + 1 < len(row) else None
            if following is not None and following.tag != "mspace" and not _is(following, BREAK_AFTER | CLOSING):
                row.insert(at + 1, ET.Element("mspace", width=THIN_SPACE))
            preceding = row[at - 1] if at else None
            if preceding is not None and preceding.tag not in ("mspace", "mo") and not (fraction and preceding.tag in ("mfrac", "mstyle")):
                row.insert(at, ET.Element("mspace", width=THIN_SPACE))
    # max_i x_i: an operator name with scripts has its space after them
    for i, el in enumerate(children):
        if el.tag in SCRIPTED and len(el) and el[0].tag == "mrow" and len(el[0]) and _is(el[0][-1], {FUNCTION_APPLICATION}):
            if _argument(children[i + 1] if i + 1 < len(children) else None):
                row.insert(list(row).index(el) + 1, ET.Element("mspace", width=THIN_SPACE))
    # x tanh(x), a GELU′(b): a thin space between an operand and the operator name after it
    for i, el in enumerate(children):
        if i and _name_at(children, i) and _is_operand(children[i - 1]) and children[i - 1].tag != "mspace":
            row.insert(list(row).index(el), ET.Element("mspace", width=THIN_SPACE))


def _half(length: str) -> str:
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", length).groups()
    return f"{float(number) / 2:g}{unit}"


def _align_table(table: ET.Element) -> None:
    """MathML Core has no columnalign, columnspacing or rowspacing: each cell gets them as its style, and
    each row TeX's strut, without which a row is only as tall as its ink and cases' rows nearly touch
    (baselines 1.2 x 1.2em apart in cases, TeX's arraystretch times its baselineskip)."""
    aligns = (table.get("columnalign") or "center").split()
    gap = _half((table.get("columnspacing") or "0.8em").split()[0])
    skip = 1.44 if table.get("rowspacing") == "0.36em" else 1.2  # KaTeX writes 0.36em for cases' 1.2 stretch
    for tr in table:
        cells = list(tr)
        for j, td in enumerate(cells):
            align = aligns[min(j, len(aligns) - 1)]
            left = "0" if j == 0 else gap
            right = NULL_DELIMITER if j == len(cells) - 1 else gap
            td.set("style", f"text-align: {align}; padding: 0 {right} 0 {left}")
            td.insert(0, ET.Element("mspace", height=f"{0.7 * skip:.4g}em", depth=f"{0.3 * skip:.4g}em"))
    for name in ("columnalign", "columnspacing", "rowspacing"):
        table.attrib.pop(name, None)


def _space_rows(el: ET.Element, style: str) -> None:
    """Walk el in TeX's styles (display, text, script) and space each row's operators (_space_operators)."""
    if el.tag == "mstyle":
        if el.get("displaystyle") == "true":
            style = "display"
        elif el.get("scriptlevel") not in (None, "0"):
            style = "script"
        elif el.get("displaystyle") == "false":
            style = "text" if style != "script" else style
    if el.tag in ("mrow", "mstyle", "mtd", "msqrt", "math", "semantics", "mpadded", "menclose"):
        _space_operators(el, style == "script")
    for k, child in enumerate(list(el)):
        if el.tag == "mfrac":
            inner = {"display": "text"}.get(style, "script")
        elif el.tag in SCRIPTED and k > 0:
            inner = "script"
        else:
            inner = style
        _space_rows(child, inner)


def _lines(row: ET.Element) -> list[list[ET.Element]]:
    """The formula's top-level pieces, each ending after a relation or a binary operator: where KaTeX
    lets an inline formula break across lines."""
    pieces, piece = [], []
    for el in row:
        piece.append(el)
        if _is(el, BREAK_AFTER) and el.get("lspace") != "0":
            pieces.append(piece)
            piece = []
    if piece:
        pieces.append(piece)
    return pieces


def core_mathml(mathml: str) -> str:
    """KaTeX's mathml as MathML Core draws it right: bold as Unicode's bold letters (another variant,
    \\mathbb, \\mathcal, ..., fails the build until a table for it is added here), primes after their
    letter, scripts on brackets placed as TeX places them, TeX's spacing (_space_operators), table cells
    aligned and spaced, and an inline formula split into one <math> per piece where KaTeX would let it
    break across lines (a <math> never breaks)."""
    m = re.fullmatch(r'(<span class="katex">)<math xmlns="[^"]+"( display="block")?>(.*)</math>(</span>)', mathml, re.S)
    if not m:
        raise ValueError(f"not KaTeX's MathML: {mathml[:200]}")
    opening, display, body, closing = m.groups()
    root = ET.fromstring(f"<math>{body}</math>")
    for el in root.iter():
        if el.tag in ("mi", "mn", "mo", "mtext"):
            _bold(el)
    for el in list(root.iter()):
        _spaces(el)
        _unraise_primes(el)
    for el in list(root.iter()):
        _detach_scripts(el)
    _space_rows(root, "display" if display else "text")
    for el in root.iter("mo"):
        for attr in ("minsize", "maxsize"):
            if el.get(attr) in BIG:
                el.set(attr, BIG[el.get(attr)])
    first = root[0][0][0] if len(root[0]) and root[0][0].tag == "mrow" and len(root[0][0]) else None
    if first is not None and _core(first).tag == "mo" and not _is(_core(first), {FUNCTION_APPLICATION}):
        _core(first).set("lspace", "0")  # nothing before it: TeX puts no space at a formula's start
    for el in list(root.iter("mtable")):
        _align_table(el)
    semantics = root[0]
    row = semantics[0]
    short = len("".join(_text(c) for c in semantics if c.tag != "annotation")) < SHORT
    pieces = _lines(row) if not display and not short and row.tag == "mrow" else []
    if len(pieces) < 2:
        return f"{opening}<math{MATHML_NS}{display or ''}>{_inner(root)}</math>{closing}"
    # A screen reader reads the formula whole, from a copy hidden from sight (as KaTeX hid its MathML); the
    # pieces, which are what is seen, are hidden from it.
    whole = f'<span class="katex-whole"><math{MATHML_NS}>{_inner(root)}</math></span>'
    maths = []
    for piece in pieces:
        wrapper = ET.Element("mrow")
        wrapper.extend(piece)
        maths.append(f"<math{MATHML_NS}>{ET.tostring(wrapper, encoding='unicode', short_empty_elements=False)}</math>")
    return f'{opening}{whole}<span class="katex-pieces" aria-hidden="true">{"<wbr>".join(maths)}</span>{closing}'


def _inner(root: ET.Element) -> str:
    return "".join(ET.tostring(child, encoding="unicode", short_empty_elements=False) for child in root)


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
