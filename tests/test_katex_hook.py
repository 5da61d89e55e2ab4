"""The formulas rendered at build time (scripts/hooks/katex_hook.py): what KaTeX would only warn about
fails the build, since its engine has no console to show the warning."""

from __future__ import annotations

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
