"""Refresh the math font in docs/assets/fonts/ (`make vendor-math-font`; needs npm).

Formulas are MathML (scripts/hooks/katex_hook.py), which the browser lays out with an OpenType
math font: STIX Two Math (SIL Open Font License), from the npm package of Fontsource. The whole
font is 400 KiB; the site ships the characters in CHARACTERS only, with the size variants and
pieces its MATH table has for them (stretched brackets, radicals, big operators).
tests/test_math_font.py checks that every character of every formula on the site is in it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

VERSION = "5.3.0"
PACKAGE = f"@fontsource/stix-two-math@{VERSION}"
DEST = Path(__file__).resolve().parents[2] / "docs" / "assets" / "fonts"
FONT = "STIXTwoMath-Regular.woff2"


def _span(first: int, last: int) -> set[int]:
    return set(range(first, last + 1))


# The characters the formulas use, and the ones a new formula most likely adds.
OPERATORS = "∀∂∃∅∇∈∉∏∑−∓∖∗∘∙√∝∞∣∥∧∨∩∪∫∼≃≅≈≔≠≡≤≥≪≫⊂⊆⊕⊗⊙⊤⋅⋮⋯⋱¬"
CHARACTERS = (
    _span(0x20, 0x7E) | {0xA0, 0xB1, 0xB7, 0xD7, 0xF7}  # ASCII, no-break space, ± · × ÷
    | _span(0x391, 0x3A9) | _span(0x3B1, 0x3C9) | {0x3D1, 0x3D5, 0x3D6, 0x3F1, 0x3F5}  # Greek and its variant letters
    | {0x2016, 0x2026, 0x2032, 0x2033, 0x2061, 0x2062, 0x2063, 0x2064}  # ‖ … primes, invisible operators
    | {0x210E, 0x2192, 0x2190, 0x2194, 0x21A6, 0x21D2, 0x21D4}  # ℎ (italic h), arrows
    | {ord(c) for c in OPERATORS}
    | _span(0x2308, 0x230B) | {0x27E8, 0x27E9}  # ceilings, floors, angle brackets
    | {0x23DE, 0x23DF}  # over- and underbraces
    | _span(0x1D400, 0x1D433) | _span(0x1D6A8, 0x1D6C0) | _span(0x1D7CE, 0x1D7D7)  # bold Latin, Greek capitals, digits
    | _span(0x1D434, 0x1D467)  # italic Latin: MathML draws a one-letter <mi> in it
    | _span(0x1D6FC, 0x1D71B)  # italic Greek, lower case
)


# Chromium gives a stretchy operator the width of its widest size variant before it knows which size it
# will draw (its intrinsic width), so an inline formula with \\bigl( or \\sqrt was wider than what it drew:
# a gap of up to 0.4em after a square root. Parentheses and brackets keep the sizes up to \\Big's (1.8em:
# the largest the formulas ask for), without the pieces that build taller ones; the radical keeps only
# its base size (every radicand on the site is one line high). Braces and bars keep all their sizes: cases
# stretch them over several rows.
MAX_DELIMITER = 2000  # font units: the tallest size variant kept for ( ) [ ] ⌈ ⌉ ⌊ ⌋ ⟨ ⟩
CAPPED = "()[]⌈⌉⌊⌋⟨⟩"
# TeX's text-style fraction (and MathJax's and KaTeX's after it) sets the numerator 0.394em above and the
# denominator 0.345em below the baseline; STIX Two Math's 0.585em each made an inline fraction half again
# as tall as the line and pushed lines apart. The rule, 0.068em (1.25 CSS px), was drawn 1 or 2 px thick
# depending on where it fell; at 0.054em it is one pixel.
# A subscript on a letter with a descender (p_i) hung from the descender, 0.38em down against 0.22em for
# x_i; TeX ignores a letter's depth (0.05em drop at most). A radicand touched the root's bar at 0.085em.
CONSTANTS = {"FractionNumeratorShiftUp": 394, "FractionDenominatorShiftDown": 345, "FractionRuleThickness": 54,
             "SubscriptBaselineDropMin": 50, "RadicalVerticalGap": 130}


def adjust(font: TTFont) -> None:
    """Apply CAPPED / MAX_DELIMITER, the radical's base size and CONSTANTS to font's MATH table."""
    math = font["MATH"].table
    for name, value in CONSTANTS.items():
        getattr(math.MathConstants, name).Value = value
    cmap = font.getBestCmap()
    capped = {cmap[ord(c)] for c in CAPPED}
    variants = math.MathVariants
    for glyph, construction in zip(variants.VertGlyphCoverage.glyphs, variants.VertGlyphConstruction):
        if glyph in capped or glyph == cmap[ord("√")]:
            keep = 1 if glyph == cmap[ord("√")] else sum(r.AdvanceMeasurement <= MAX_DELIMITER for r in construction.MathGlyphVariantRecord)
            construction.MathGlyphVariantRecord = construction.MathGlyphVariantRecord[:keep]
            construction.VariantCount = keep
            construction.GlyphAssembly = None


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        with tarfile.open(next(Path(tmp).glob("*.tgz"))) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        font = TTFont(next((pkg / "files").glob("stix-two-math-latin-400-normal.woff2")), recalcTimestamp=False)
        if "MATH" not in font:
            raise SystemExit(f"{PACKAGE} has no MATH table: MathML would lay out without one")
        options = subset.Options()
        options.layout_features = ["*"]
        options.notdef_outline = True
        options.flavor = "woff2"
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(CHARACTERS))
        adjust(font)  # first, so that the subset drops the sizes it removes
        subsetter.subset(font)
        DEST.mkdir(parents=True, exist_ok=True)
        font.save(DEST / FONT, reorderTables=False)
        shutil.copy(pkg / "LICENSE", DEST / "LICENSE-STIXTwoMath.txt")
    print(f"{PACKAGE}: {len(CHARACTERS)} characters, {(DEST / FONT).stat().st_size // 1024} KiB in {DEST / FONT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
