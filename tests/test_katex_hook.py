"""The formulas rendered at build time (scripts/hooks/katex_hook.py): what KaTeX would only warn about
fails the build, since its engine has no console to show the warning; the MathML is what MathML Core
(the browsers') draws right."""

from __future__ import annotations

import re

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


@pytest.mark.parametrize("tex", ["f'(x)", "\\sigma'(x)", "f''(x)", "\\operatorname{GELU}'(x)"])
def test_a_prime_follows_its_letter_instead_of_being_raised_again(tex):
    mathml = katex_hook.core_mathml(katex_hook.render(tex, False))
    assert "<msup>" not in mathml
    name = r"(<mi>[fσ]</mi>|<mrow><mi mathvariant=\"normal\">GELU</mi><mo>\u2061</mo></mrow>)"
    assert re.search(rf"<mrow>{name}(<mo[^>]*>′</mo>|<mrow>(<mo[^>]*>′</mo>){{2}}</mrow>)</mrow>", mathml), mathml


def test_a_raised_power_stays_raised():
    assert "<msup><mi>e</mi><mi>x</mi></msup>" in katex_hook.core_mathml(katex_hook.render("e^x", False))
