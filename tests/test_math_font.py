"""The site's math font (docs/assets/fonts/, made by scripts/tools/vendor_math_font.py) has every
character the formulas on the built site draw, with the MATH table a browser lays MathML out with."""

from __future__ import annotations

import html
import re

import pytest
from fontTools.ttLib import TTFont

from conftest import ROOT

FONT = ROOT / "docs" / "assets" / "fonts" / "STIXTwoMath-Regular.woff2"
TOKEN = re.compile(r"<(mi|mn|mo|mtext)\b([^>]*)>([^<]*)</\1>")


def _italic() -> dict[str, str]:
    """MathML Core's italic mapping (its table of text-transform: math-auto), which browsers apply to
    a one-letter <mi>: Latin and Greek letters to the Mathematical Italic block, h to U+210E PLANCK
    CONSTANT (the block has a hole there), and the Greek symbol variants and dotless i and j."""
    table = {chr(ord("A") + i): chr(0x1D434 + i) for i in range(26)}
    table |= {chr(ord("a") + i): chr(0x1D44E + i) for i in range(26)} | {"h": "\u210e"}
    table |= {chr(0x391 + i): chr(0x1D6E2 + i) for i in range(25) if i != 17}
    table |= {chr(0x3B1 + i): chr(0x1D6FC + i) for i in range(25)}
    table |= {"\u2207": "\U0001D6FB", "\u2202": "\U0001D715", "\u03f5": "\U0001D716", "\u03d1": "\U0001D717",
              "\u03f0": "\U0001D718", "\u03d5": "\U0001D719", "\u03f1": "\U0001D71A", "\u03d6": "\U0001D71B",
              "\u0131": "\U0001D6A4", "\u0237": "\U0001D6A5"}
    return table


def drawn(page_html: str) -> set[str]:
    """The characters a browser draws for the formulas in page_html: their tokens' text, a one-letter
    <mi> in its italic form, and no TeX annotation nor Hangul (a Korean word in \\text{} is set in
    the page's font: the math font has no Hangul)."""
    chars, italic = set(), _italic()
    for formula in re.findall(r"<math\b.*?</math>", page_html, re.S):
        for tag, attrs, text in TOKEN.findall(re.sub(r"<annotation\b.*?</annotation>", "", formula, flags=re.S)):
            text = html.unescape(text)
            if tag == "mi" and len(text) == 1 and "mathvariant" not in attrs:
                text = italic.get(text, text)
            chars |= {c for c in text if not ("\uac00" <= c <= "\ud7a3") and not c.isspace()}
    return chars


@pytest.fixture(scope="module")
def font() -> TTFont:
    return TTFont(FONT)


def test_the_font_has_a_math_table_and_is_small(font):
    assert "MATH" in font
    assert FONT.stat().st_size < 64 * 1024


def test_every_character_of_every_formula_is_in_the_math_font(site, font):
    cmap, seen, pages = font.getBestCmap(), set(), 0
    for page in site.rglob("*.html"):
        found = drawn(page.read_text(encoding="utf-8"))
        seen |= found
        pages += bool(found)
        missing = sorted(c for c in found if ord(c) not in cmap)
        assert not missing, f"{page.relative_to(site)}: {[f'U+{ord(c):04X} {c}' for c in missing]} not in {FONT.name}: " \
                            "add them to scripts/tools/vendor_math_font.py and run `make vendor-math-font`"
    assert pages > 50 and "\U0001D465" in seen and "\u03c3" not in seen  # italic x; σ is drawn italic


def test_the_check_sees_what_a_browser_draws():
    page = ('<math><mi>h</mi><mi mathvariant="normal">Φ</mi><mi>ReLU</mi><mtext>값 if</mtext>'
            '<annotation encoding="application/x-tex">\\alpha</annotation></math>')
    assert drawn(page) == {"\u210e", "Φ", "R", "e", "L", "U", "i", "f"}


def _sizes(font: TTFont, char: str) -> tuple[list[int], bool]:
    """The heights (font units) of char's size variants in the font's MATH table, and whether it has
    the pieces to build any taller one."""
    variants = font["MATH"].table.MathVariants
    glyph = font.getBestCmap()[ord(char)]
    construction = variants.VertGlyphConstruction[variants.VertGlyphCoverage.glyphs.index(glyph)]
    return [r.AdvanceMeasurement for r in construction.MathGlyphVariantRecord], construction.GlyphAssembly is not None


def test_the_font_stretches_only_as_far_as_chromium_draws_without_a_gap(font):
    """Chromium reserves a stretchy operator's widest size before it knows which it draws: the radical
    keeps its base size only, parentheses and brackets their sizes up to 2em (\\Big is 1.8em), braces and
    bars every size (cases)."""
    radical, radical_pieces = _sizes(font, "√")
    assert len(radical) == 1 and not radical_pieces
    for char in "()[]⟨⟩":
        sizes, pieces = _sizes(font, char)
        assert 1 < len(sizes) and max(sizes) <= 2000 and not pieces, char
    braces, brace_pieces = _sizes(font, "{")
    assert max(braces) > 3000 and brace_pieces


def test_text_fractions_sit_where_tex_puts_them(font):
    """TeX's num2 and denom2 (0.394em, 0.345em), not the font's own 0.585em."""
    constants = font["MATH"].table.MathConstants
    assert (constants.FractionNumeratorShiftUp.Value, constants.FractionDenominatorShiftDown.Value) == (394, 345)
    assert constants.FractionRuleThickness.Value == 54
    # p_i hangs as x_i does (TeX ignores a letter's depth), and a radicand clears the root's bar
    assert constants.SubscriptBaselineDropMin.Value == 50 and constants.RadicalVerticalGap.Value == 130
    assert font["head"].unitsPerEm == 1000


def test_no_formula_asks_for_a_size_the_font_no_longer_has(site):
    """What the font's limits leave out: a root over anything taller than a line (a fraction, a table, a
    sum with limits), a parenthesis or bracket stretched beyond 2em (\\bigg, \\Bigg, \\left( around a tall
    formula)."""
    tall = re.compile(r"<msqrt>(?:(?!</msqrt>).)*<(?:mfrac|mtable|munderover|munder)\b", re.S)
    stretched = re.compile(r'<mo\b[^>]*\bmaxsize="([\d.]+)em"[^>]*>([()\[\]⟨⟩])</mo>')
    fences = re.compile(r'<mo\b(?![^>]*stretchy="false")[^>]*\bfence="true"[^>]*>([()\[\]⟨⟩])</mo>')
    seen = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not tall.search(text), f"{page.relative_to(site)}: a square root over a tall formula"
        for size, char in stretched.findall(text):
            seen += 1
            assert float(size) <= 2.0, f"{page.relative_to(site)}: {char} at {size}em"
        for m in fences.finditer(text):
            assert "maxsize" in m.group(0), f"{page.relative_to(site)}: \\left{m.group(1)} stretches without a bound"
    assert seen > 50  # \bigl( and \Bigl( are common: the check reads them
