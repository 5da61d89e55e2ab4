"""The figures' alt text in every language: the same numbers as the English, and no English words left.

Each figure fragment of activation_figures.py and vector_figures.py has a twin per language
(docs/generated/<locale>/figures/...), rendered from the catalogues; a message the code does not
mark, a cached English text or a number typed into a translation shows up here.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import activation_figures
import generated
import vector_figures
from activations import REGISTRY
from messages import TRANSLATED

FRAGMENTS = sorted(o.path for module in (activation_figures, vector_figures) for o in module.outputs()
                   if o.path.endswith(".md"))
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
# Words that are the same in every language: the functions' names, softmax as written in a formula,
# and the parameters' names (as the code calls them) where a value is given, "lambd = 0.5".
NAMES = sorted({a.name for a in REGISTRY.values()} | {"softmax"}, key=len, reverse=True)
SETTING = re.compile(r"\b(?:" + "|".join(sorted({re.escape(p) for a in REGISTRY.values() for p in a.params},
                                                   key=len, reverse=True)) + r") = ")


def alt(rel: str) -> str:
    """The alt text of the first image of a figure fragment."""
    return re.search(r"!\[(.*?)\]\(", generated.read(rel), re.S).group(1)


def test_every_figure_fragment_is_covered():
    assert len(FRAGMENTS) > len(REGISTRY) // 2, FRAGMENTS


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("rel", FRAGMENTS)
def test_translated_alt_text_states_the_same_numbers(locale, rel):
    english, translated = alt(rel), alt(f"{locale}/{rel}")
    assert translated != english, f"{locale}/{rel} is still the English text"
    assert Counter(NUMBER.findall(translated)) == Counter(NUMBER.findall(english)), (english, translated)


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("rel", FRAGMENTS)
def test_translated_alt_text_has_no_english_words(locale, rel):
    text = alt(f"{locale}/{rel}")
    # the registry's one-line summaries are not yet part of a catalogue: they are left out here
    for a in REGISTRY.values():
        text = text.replace(a.summary, "")
    for name in NAMES:
        text = text.replace(name, "")
    text = SETTING.sub("", text)
    assert not re.findall(r"[A-Za-z]{2,}", text), (rel, text)
