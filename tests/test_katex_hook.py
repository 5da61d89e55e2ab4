"""The formulas rendered at build time (scripts/hooks/katex_hook.py): what KaTeX would only warn about
fails the build, since its engine has no console to show the warning; the MathML is what MathML Core
(the browsers') draws right."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

import katex_hook


def test_hangul_in_text_renders():
    assert "값" in katex_hook.render(r"x = \text{값}", False)


@pytest.mark.parametrize("display", [False, True])
def test_hangul_outside_text_fails_the_build(display):
    """Hangul in math mode is set in a math font, letter by letter, or not at all: KaTeX warns, and a
    warning nobody sees must be an error."""
    with pytest.raises(ValueError, match="unicodeTextInMathMode"):
        katex_hook.render("x = 값", display)


def test_bold_is_written_in_unicode_bold_letters_which_mathml_core_draws():
    mathml = katex_hook.core_mathml(katex_hook.render(r"\mathbf{x} + \mathbf{W}_2 + \mathbf{\Sigma}", False))
    assert "mathvariant=\"bold\"" not in mathml
    assert "<mi>\U0001D431</mi>" in mathml and "<mi>\U0001D416</mi>" in mathml  # bold x, bold W
    assert "<mi>\U0001D6BA</mi>" in mathml  # bold capital sigma


def test_a_variant_without_unicode_letters_here_fails_the_build():
    with pytest.raises(ValueError, match="double-struck"):
        katex_hook.core_mathml(katex_hook.render(r"\mathbb{R}", False))


def _parse(fragment: str) -> list[ET.Element]:
    return [ET.fromstring(m.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', ""))
            for m in re.findall(r"<math\b.*?</math>", fragment, re.S)]


def mathml(tex: str, display: bool = False) -> list[ET.Element]:
    """The <math> elements the hook draws for tex (one, or one per piece of a long inline formula)."""
    out = katex_hook.core_mathml(katex_hook.render(tex, display))
    pieces = re.search(r'<span class="katex-pieces" aria-hidden="true">(.*?)</span>', out, re.S)
    return _parse(pieces.group(1) if pieces else out)


def tokens(tex: str) -> list[ET.Element]:
    return [el for m in mathml(tex) for el in m.iter() if el.tag in ("mi", "mn", "mo", "mspace", "mtext")]


def parent_of(root: ET.Element, child: ET.Element) -> ET.Element:
    return next(p for p in root.iter() if child in list(p))


@pytest.mark.parametrize("tex", ["f'(x)", "\\sigma'(x)", "f''(x)", "\\operatorname{GELU}'(x)", "f'_i(x)"])
def test_a_prime_follows_its_letter_instead_of_being_raised_again(tex):
    """The prime glyph already sits high: raised again as a superscript it floats above the letter."""
    (root,) = mathml(tex)
    assert not any(el.tag == "msup" for el in root.iter())
    primes = [el for el in root.iter() if el.tag == "mo" and el.text == "′"]
    assert primes
    for prime in primes if "_i" not in tex else []:
        row = list(parent_of(root, prime))
        before = row[: row.index(prime)]
        assert before and "".join(before[0].itertext()).lstrip("′") in {"f", "σ", "GELU\u2061"}, tex
    if "_i" in tex:  # under a subscript the prime stays a superscript, lowered: TeX stacks them
        (both,) = [el for el in root.iter() if el.tag == "msubsup"]
        assert both[0].text == "f" and both[1].text == "i"
        assert both[2].tag == "mpadded" and both[2].get("voffset") == katex_hook.PRIME_DROP and both[2][0].text == "′"


def test_a_raised_power_stays_raised():
    (root,) = mathml("e^x")
    assert [(el.tag, [c.text for c in el]) for el in root.iter("msup")] == [("msup", ["e", "x"])]


def spaced(tex: str, text: str) -> list[tuple[str | None, str | None]]:
    """(lspace, rspace) of each operator text in tex, as written for the browser (None: its default)."""
    return [(el.get("lspace"), el.get("rspace")) for el in tokens(tex) if el.tag == "mo" and el.text == text]


@pytest.mark.parametrize(("tex", "unary"), [
    ("-x", [True]), ("a = -b", [True]), ("\\max(x, -1)", [True]), ("e^{-x}", [True]), ("(-x)", [True]),
    ("a - b", [False]), ("f(x) - 1", [False]), ("\\lvert x \\rvert - 1", [False]), ("\\lvert -x \\rvert", [True]),
    ("f' - g", [False]), ("x_i - x", [False]), ("-a - b", [True, False]), ("a = -\\log b", [True]),
])
def test_a_sign_with_no_operand_before_it_has_no_space_around_it(tex, unary):
    """TeX sets a binary operator with nothing to its left as a sign (-x, a = -b); MathML Core's
    operator dictionary spaces every minus in a row as binary unless it is told."""
    assert [s[0] == "0" and s[1] in ("0", "0.1667em") for s in spaced(tex, "−")] == unary
    assert all(s in (("0", "0"), (None, None)) for s in spaced(tex, "−") if "log" not in tex)
    if "log" in tex:  # -log b: the sign is an ordinary symbol, a thin space before the operator name
        assert spaced(tex, "−") == [("0", "0.1667em")]


def test_absolute_value_bars_hug_their_content_and_mid_keeps_its_space():
    assert spaced("\\lvert x \\rvert", "∣") == [("0", "0")] * 2
    assert spaced("\\left\\lvert x \\right\\rvert", "∣") == [("0", "0")] * 2
    assert spaced("\\lVert x \\rVert", "∥") == [("0", "0")] * 2
    assert spaced("\\{x \\mid x > 0\\}", "∣") == [(None, None)]


@pytest.mark.parametrize(("tex", "space"), [
    ("\\log x", True), ("\\log \\sigma(x)", True), ("\\log(x)", False), ("\\log\\bigl(1 + e^x\\bigr)", False),
    ("\\operatorname{ReLU}(x)", False), ("\\tanh x", True),
])
def test_an_operator_name_is_followed_by_a_thin_space_unless_a_bracket_follows(tex, space):
    """log x, but log(x): TeX's thin space between an operator and an ordinary symbol."""
    assert spaced(tex, "\u2061") == [(None, "0.1667em" if space else None)]


@pytest.mark.parametrize(("tex", "before"), [
    ("x \\tanh(x)", "x"), ("x \\operatorname{GELU}(x)", "x"), ("a + \\tanh(x)", None), ("\\tanh(x)", None),
])
def test_an_operator_name_after_an_operand_has_a_thin_space_before_it(tex, before):
    toks = tokens(tex)
    name = next(i for i, el in enumerate(toks) if el.text in ("tanh", "GELU"))
    gap = toks[name - 1] if name else None
    if before:
        assert gap.tag == "mspace" and gap.get("width") == "0.1667em" and toks[name - 2].text == before
    else:
        assert gap is None or gap.tag != "mspace"


def test_subscripted_operator_names_space_after_their_scripts():
    toks = tokens("\\max_i x_i")
    assert [el.tag for el in toks] == ["mi", "mo", "mi", "mspace", "mi", "mi"]
    assert [el.tag for el in tokens("\\max_i(x_i)")].count("mspace") == 0


def test_cases_are_left_aligned_with_a_quad_between_columns():
    """MathML Core has no columnalign or columnspacing: cases would be centred and closer together."""
    (root,) = mathml(r"f(x) = \begin{cases} x & x > 0 \\ ax & x \le 0 \end{cases}")
    (table,) = root.iter("mtable")
    assert not {"columnalign", "columnspacing"} & set(table.attrib)
    for row in table:
        first, second = (dict(p.split(": ") for p in td.get("style").split("; ")) for td in row)
        assert first["text-align"] == second["text-align"] == "left"
        left_gap, right_gap = first["padding"].split()[1], second["padding"].split()[3]
        assert left_gap == right_gap == "0.5em"  # together a quad, as in TeX's cases


LONG = r"\operatorname{GELU}(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + \operatorname{erf}\bigl(x/\sqrt{2}\bigr)\Bigr)"


def test_a_long_inline_formula_is_split_where_katex_lets_it_break():
    """A <math> is one box that never breaks across lines; KaTeX's HTML broke an inline formula after a
    top-level relation or binary operator, and so may the pieces, without changing what is drawn."""
    pieces = mathml(LONG)
    whole = katex_hook.render(LONG, False)
    text = lambda els: "".join("".join(m.itertext()) for m in els)  # noqa: E731
    assert len(pieces) == 4
    drawn = re.sub(r"<[^>]+>", "", re.sub(r"<annotation.*?</annotation>", "", whole)).replace("&lt;", "<")
    assert text(pieces) == drawn.replace("\u2009", "")  # \, is an <mspace> of its width
    for piece in pieces[:-1]:
        last = list(piece[0])[-1]
        assert last.tag == "mo" and last.text in ("=", "+")
    out = katex_hook.core_mathml(whole)
    assert "<wbr>" in out
    # a screen reader gets the formula whole, with its TeX, from a copy hidden from sight; the pieces are hidden from it
    (copy,) = _parse(re.search(r'<span class="katex-whole">(.*?)</span><span class="katex-pieces" aria-hidden="true">', out, re.S).group(1))
    assert text([copy]).replace(LONG, "") == text(pieces) and copy.find("semantics/annotation").text == LONG


@pytest.mark.parametrize(("tex", "display"), [(LONG, True), ("a = b + c - d = e", False), ("x = -1", False)])
def test_short_and_displayed_formulas_stay_one_math_element(tex, display):
    assert len(mathml(tex, display)) == 1


def test_a_sign_never_ends_a_piece():
    pieces = mathml(r"\operatorname{softmax}(x) = \operatorname{exp}(x) = -\log y = -a + b")
    assert all(list(p[0])[-1].get("lspace") != "0" for p in pieces)
    assert ["".join(p.itertext())[-1] for p in pieces] == ["=", "=", "=", "+", "b"]


@pytest.mark.parametrize(("tex", "spaced_kinds"), [
    (r"\tfrac{x}{2}\Bigl(1 + x\Bigr)", ["after"]), (r"\frac{x}{2}(1 + x)", ["after"]), (r"\frac{1}{k},", ["after"]),
    (r"\lambda \begin{cases} x & x > 0 \\ 0 & x \le 0 \end{cases}, a", ["before", "after"]),
    (r"a = \frac{1}{2}", []), (r"\frac{1}{2} = a", []), (r"\bigl(\frac{1}{2}\bigr)", []),
])
def test_fractions_and_cases_are_a_thin_space_from_their_neighbours(tex, spaced_kinds):
    """TeX's inner atoms: a thin space from an ordinary symbol before them and from what follows (a bracket,
    a comma), none where a relation or bracket already sets the space."""
    (root,) = mathml(tex, display=True)
    row = list(root[0][0])
    at = next(i for i, el in enumerate(row) if el.tag in ("mfrac", "mstyle") or (el.tag == "mrow" and any(c.tag == "mtable" for c in el)))
    kinds = [k for k, j in (("before", at - 1), ("after", at + 1)) if 0 <= j < len(row) and row[j].tag == "mspace"]
    assert kinds == spaced_kinds
    assert all(row[j].get("width") == "0.1667em" for j in (at - 1, at + 1) if 0 <= j < len(row) and row[j].tag == "mspace")


def test_a_big_bracket_asks_for_the_fonts_size_and_its_power_clears_it():
    """\\bigl( is 1.2em in KaTeX; the font's size is 1.187em, so the browser took the 1.427em one. The
    power on \\bigr) hangs on a base as tall as the bracket (axis + half its size), as TeX raises it."""
    (root,) = mathml(r"\bigl(1 + x\bigr)^2")
    brackets = [el for el in root.iter("mo") if el.text in "()"]
    assert [(b.get("minsize"), b.get("maxsize")) for b in brackets] == [("1.18em", "1.18em")] * 2
    (power,) = root.iter("msup")
    assert power[0].tag == "mspace" and float(power[0].get("height")[:-2]) == pytest.approx(katex_hook.AXIS + 0.6)


def test_partial_is_slanted_as_in_tex():
    assert [el.text for el in tokens(r"\partial_x f") if el.tag == "mi"][0] == "\U0001D715"


def test_nothing_before_a_formula_that_starts_with_a_relation():
    assert spaced("= 0.125", "=") == [("0", None)]
    assert spaced("a = 1", "=") == [(None, None)]
