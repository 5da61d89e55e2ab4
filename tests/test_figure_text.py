"""The figures in every language: alt text with the same numbers as the English and no English words
left, drawn words in the reader's language (no English in a Korean figure, no Hangul in an English one),
Hangul laid out with the pinned font.

Each figure fragment of activation_figures.py and vector_figures.py has a twin per language
(docs/generated/<locale>/figures/...), rendered from the catalogues; a message the code does not
mark, a cached English text or a number typed into a translation shows up here.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np
import pytest
from matplotlib import font_manager

import activation_figures
import figure_style
import generated
import softmax_outputs
import vector_figures
from activations import REGISTRY
from messages import TRANSLATED, _, language

FRAGMENTS = sorted(o.path for module in (activation_figures, vector_figures) for o in module.outputs()
                   if o.path.endswith(".md"))
WORD = re.compile(r"[A-Za-z]{2,}")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
# Words that are the same in every language: the functions' names, softmax as written in a formula,
# and the parameters' names (as the code calls them) where a value is given, "lambd = 0.5".
NAMES = sorted({a.name for a in REGISTRY.values()} | {"softmax"}, key=len, reverse=True)
# The functions as the code names them (log_softmax, softmin), which read alike in every language.
CODE_NAMES = sorted({a.fn.__name__ for a in REGISTRY.values()}, key=len, reverse=True)
SETTING = re.compile(r"\b(?:" + "|".join(sorted({re.escape(p) for a in REGISTRY.values() for p in a.params},
                                                   key=len, reverse=True)) + r") = ")


def kept_names(locale: str) -> list[str]:
    """The functions' names a language keeps as they are (ReLU); not those it translates (Sigmoid: 시그모이드)."""
    with language(locale):
        return [name for name in NAMES if _(name) == name]


def translated_names(locale: str) -> list[str]:
    """The functions' names a language translates (Sigmoid: 시그모이드), longest first."""
    kept = kept_names(locale)
    return [name for name in NAMES if name not in kept]


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
    # a translated summary keeps the names its English one mentions (JAX, SIREN, tanh); no other of its words
    with language(locale):
        kept = {w for a in REGISTRY.values() for w in set(WORD.findall(a.summary)) & set(WORD.findall(_(a.summary)))}
    # a name the language translates must be translated ("항등 함수", not "Identity")
    for name in sorted(kept | set(kept_names(locale)), key=len, reverse=True):
        text = text.replace(name, "")
    text = SETTING.sub("", text)
    assert not WORD.findall(text), (rel, text)


# --- the words drawn in the figures -----------------------------------------------------------------
# A figure is symbols and numbers where that reads well, its words in the alt text; a figure that needs
# words is drawn once per language (figure_snippets.svg_outputs), and each language's fragment shows its
# own. The SVGs keep their text as text (svg.fonttype 'none'), so what a reader reads is each <text>.

SVG_TEXT = "{http://www.w3.org/2000/svg}text"
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
# Words of mathematics that are the same in every language: the maximum, and softmax as a formula writes it.
MATH_WORDS = ("max", "softmax")
PARAMS = re.compile(r"\b(?:" + "|".join(sorted({re.escape(p) for a in REGISTRY.values() for p in a.params},
                                                 key=len, reverse=True)) + r")\b")
FIGURE_FRAGMENTS = sorted(p.relative_to(generated.GENERATED).as_posix()
                          for p in (generated.GENERATED / "figures").glob("*.md"))


def drawn_texts(svg: str) -> list[str]:
    """Every text a reader sees in an SVG: each <text>, its <tspan>s (mathtext) joined."""
    root = ET.fromstring(svg)
    return [t for t in ("".join(e.itertext()).strip() for e in root.iter(SVG_TEXT)) if t]


def figure_svgs(rel: str) -> list[str]:
    """The SVGs (paths in docs/generated/) a figure fragment shows."""
    return sorted(set(re.findall(r"\]\(/generated/([^)#]+\.svg)", generated.read(rel))))


def english_words(text: str) -> list[str]:
    """The words of a figure's text that are neither a function's or a parameter's name nor mathematics."""
    # log_softmax before the names, which would leave its log_; sigmoid after them, or it would leave Hard
    for code_names in ([n for n in CODE_NAMES if "_" in n], NAMES, [n for n in CODE_NAMES if "_" not in n]):
        for name in code_names:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)" if name in CODE_NAMES else re.escape(name), "", text)
    text = PARAMS.sub("", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in MATH_WORDS]


def test_every_figure_of_the_pages_is_checked():
    assert len(FIGURE_FRAGMENTS) > len(REGISTRY) // 2, FIGURE_FRAGMENTS
    assert all(figure_svgs(rel) for rel in FIGURE_FRAGMENTS)


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("rel", FIGURE_FRAGMENTS)
def test_translated_figures_draw_no_english_words(locale, rel):
    drawn = {svg: drawn_texts(generated.read(svg)) for svg in figure_svgs(f"{locale}/{rel}")}
    words = {svg: found for svg, texts in drawn.items() if (found := english_words(" | ".join(texts)))}
    assert not words, (rel, words)


@pytest.mark.parametrize("rel", FIGURE_FRAGMENTS)
def test_english_figures_draw_no_hangul(rel):
    drawn = {svg: drawn_texts(generated.read(svg)) for svg in figure_svgs(rel)}
    assert not {svg: texts for svg, texts in drawn.items() if HANGUL.search(" ".join(texts))}, rel


def names_in(texts: list[str], locale: str) -> list[str]:
    """The functions' names in a figure's texts that the language translates: an SVG shared by every
    language draws none of them (softmax([d, 0])₁ as the code names it, not Softmax([d, 0])₁)."""
    text = " | ".join(texts)
    return [name for name in translated_names(locale)
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]


def test_a_figure_with_words_is_drawn_in_each_language_and_one_without_is_shared():
    """Each language's fragment shows its own SVGs exactly where they differ: a Korean fragment that
    showed a shared SVG with words or with a name the language translates (Sigmoid: 시그모이드), or an
    SVG of its own that says the same as the English, fails."""
    for rel in FIGURE_FRAGMENTS:
        english = figure_svgs(rel)
        for locale in TRANSLATED:
            translated = figure_svgs(f"{locale}/{rel}")
            assert len(translated) == len(english), rel
            for en, tr in zip(english, translated):
                en_texts, tr_texts = drawn_texts(generated.read(en)), drawn_texts(generated.read(tr))
                if en == tr:
                    assert not english_words(" | ".join(en_texts)), (rel, en)
                    assert not names_in(en_texts, locale), (rel, en, names_in(en_texts, locale))
                else:
                    assert tr.replace(f"-{locale}-", "-", 1) == en, (en, tr)  # beside it: figures/xor-ko-light.svg
                    assert tr_texts != en_texts and HANGUL.search(" ".join(tr_texts)), (en, tr, tr_texts)


def test_hangul_is_laid_out_with_the_pinned_font_whatever_the_machine_has(tmp_path):
    """A NanumGothic the machine has (here a copy registered ahead of the pinned file, as matplotlib's
    font list holds a system font) is never the one that lays out a figure's Hangul."""
    manager = font_manager.fontManager
    pinned = figure_style.font_file("ko")
    decoy = tmp_path / "NanumGothic.ttf"
    shutil.copyfile(pinned, decoy)
    before = list(manager.ttflist)
    try:
        manager.addfont(decoy)
        manager.ttflist.insert(0, manager.ttflist.pop())  # found first, as a system font would be
        names = figure_style.register_font("ko")
        assert names == ["NanumGothic"]
        assert manager.findfont(font_manager.FontProperties(family=names)) == pinned
    finally:
        manager.ttflist = before
        manager._findfont_cached.cache_clear()


def test_a_figure_drawn_in_korean_has_its_words_in_korean_and_twice_the_same_bytes():
    """The seed's worked example, drawn in Korean: the classes by the seed's own names, laid out with the
    pinned font (a glyph missing from the fonts would warn, and warnings fail the tests), and named
    to the browser after DejaVu Sans; drawn twice, the same bytes."""
    theme = figure_style.THEMES["light"]
    with language("ko"):
        first, second = softmax_outputs.draw(theme), softmax_outputs.draw(theme)
    assert first == second
    texts = drawn_texts(first.decode())
    assert [korean for korean, _english in softmax_outputs.CLASSES] == [t for t in texts if HANGUL.search(t)]
    assert "font-family: 'DejaVu Sans', 'NanumGothic', sans-serif" in first.decode()
    assert "NanumGothic" not in softmax_outputs.draw(theme).decode()  # English needs no other font


def _panel(svg: str) -> list[float]:
    """The corners of a figure's first panel (its axes rectangle), in pt."""
    path = re.search(r'<g id="axes_1">\s*<g id="patch_2">\s*<path d="([^"]+)"', svg).group(1)
    return [float(v) for v in re.findall(r"-?[\d.]+", path)]


@pytest.mark.parametrize("locale", TRANSLATED)
def test_an_explorable_figure_drawn_per_language_keeps_its_panel_where_the_data_puts_it(locale):
    """The page's script maps the pointer to x and y with one panel box per function (from the English
    layout, interactive/<slug>.json); a translated legend below the panel may move it by a line's
    height difference, never by a pixel."""
    checked = 0
    for rel in FIGURE_FRAGMENTS:
        if "data-explore" not in generated.read(rel):
            continue
        for en, tr in zip(figure_svgs(rel), figure_svgs(f"{locale}/{rel}")):
            if en != tr:
                checked += 1
                gaps = np.abs(np.subtract(_panel(generated.read(en)), _panel(generated.read(tr))))
                assert gaps.max() < 0.75, (en, tr, gaps.max())  # pt: 1 CSS px
    assert checked
