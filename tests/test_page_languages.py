"""Each built page speaks its own language: a Korean page shows no generated English sentence, an
English page no Korean beyond the seed's class names it quotes.

Generated text reaches pages through the gettext catalogues (locale/<lang>/LC_MESSAGES/*.po); a
Korean page that shows a catalogue's English text has included an English fragment, or drawn text
that skipped `_()`. The pages are the ones the session's build wrote (the `site` fixture).
"""

from __future__ import annotations

import html
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

from activations import REGISTRY
from conftest import ROOT
from tests import languages

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
# The seed's softmax example names its classes in Korean; the English softmax page quotes them.
SEED_CLASSES = {"개", "고양이", "강아지", "사람"}
# The page that lists the Korean terms, in both languages.
GLOSSARY = "glossary"
WORD = re.compile(r"[A-Za-z]{2,}")
MIN_WORDS = 3  # words of two letters or more; a shorter piece of a message ("at x =") is no sentence a reader would notice as English


class Text(HTMLParser):
    """The text a reader reads in a page's content: no scripts, no code (nor the hidden copy of a
    notebook cell's code), no math's TeX source, no language menu."""

    SKIP = {"script", "style", "pre", "code", "annotation", "math"}
    SKIP_CLASSES = {"md-select", "clipboard-copy-txt"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if self._skip or tag in self.SKIP or self.SKIP_CLASSES.intersection(classes.split()):
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.parts))


def page_text(path: Path) -> str:
    return Text(path.read_text(encoding="utf-8")).text()


def pieces(message: str) -> list[str]:
    """The runs of plain English a message shows a reader: its text between fields, math, code and
    Markdown marks, each at least MIN_WORDS words long."""
    plain = re.sub(r"\$[^$]*\$|`[^`]*`|\]\([^)]*\)|\{[^}]*\}", "|", message)
    runs = re.split(r"[|*_\[\]()<>:;=\"]+", plain)
    return [" ".join(run.split()).strip(" ,.") for run in runs if len(WORD.findall(run)) >= MIN_WORDS]


@cache
def translated_messages(locale: str) -> dict[str, list[str]]:
    """English message -> its plain runs, for every message the catalogues of `locale` translate."""
    found = {}
    for po in sorted((ROOT / "locale" / locale / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as f:
            for message in read_po(f, locale=locale):
                if message.id and message.string and message.string != message.id and (runs := pieces(message.id)):
                    found[message.id] = runs
    return found


def test_the_check_sees_what_it_looks_for():
    assert pieces("{name} jumps at x = {x}, and its derivative is never zero there") == \
        ["and its derivative is never zero there"]
    assert translated_messages(languages.KOREAN), "no translated message to look for"
    assert Text('<p>a <code>relu(x)</code> <math><mi>e</mi><mi>x</mi></math>b</p>').text() == "a b"


def test_korean_pages_show_no_generated_english(site):
    shown = {}
    for page in languages.built_pages(site, languages.KOREAN):
        text = page_text(page)
        for message, runs in translated_messages(languages.KOREAN).items():
            if found := [run for run in runs if run in text]:
                shown.setdefault(page.relative_to(site).as_posix(), []).append(found[0])
    assert not shown, f"English generated text on Korean pages (include the ko/ fragment, or pass the text through _()): {shown}"


MATH = re.compile(r"<math\b.*?</math>", re.S)
MTEXT = re.compile(r"<mtext\b[^>]*>([^<]*)</mtext>")
# Words a formula keeps in every language: names of functions and parameters (GELU's tanh, RReLU's lower
# and upper) and the in and out of n_in and n_out, the fan-in and fan-out.
FORMULA_SYMBOLS = ({w.lower() for a in REGISTRY.values() for w in WORD.findall(f"{a.fn.__name__} {' '.join(a.params)}")}
                   | {"in", "out"})


def formula_words(path: Path) -> list[str]:
    """The words a page's formulas write out (\\text{...}, drawn as MathML's <mtext>)."""
    return [w for formula in MATH.findall(path.read_text(encoding="utf-8"))
            for inside in MTEXT.findall(formula) for w in WORD.findall(html.unescape(inside))]


def test_korean_formulas_say_their_words_in_korean(site):
    """\\text{otherwise} in a formula is English a Korean reader reads (그 외): the registry's formulas on
    the Korean pages come through the catalogue, and the authored pages write theirs in Korean."""
    english = {w for page in languages.built_pages(site, languages.DEFAULT) for w in formula_words(page)}
    assert {"otherwise", "learned"} <= english, "the check reads no words in the English pages' formulas"
    found = {}
    for page in languages.built_pages(site, languages.KOREAN):
        if words := [w for w in formula_words(page) if w.lower() not in FORMULA_SYMBOLS]:
            found[page.relative_to(site).as_posix()] = sorted(set(words))
    assert not found, f"English words in formulas on Korean pages: {found}"


def test_english_pages_show_no_korean_but_the_seeds_class_names(site):
    found = {}
    for page in languages.built_pages(site, languages.DEFAULT):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(f"{GLOSSARY}/"):
            continue
        if korean := set(HANGUL.findall(page_text(page))) - SEED_CLASSES:
            found[relative] = sorted(korean)[:10]
    assert not found, f"Korean on English pages: {found}"
    glossary = page_text(site / GLOSSARY / "index.html")
    assert HANGUL.search(glossary), "the glossary page lists no Korean term: the check above skips the wrong page"


def test_every_english_page_has_its_translation():
    """A page without a translation falls back to English on the Korean site: name every one."""
    docs = ROOT / "docs"
    sources = [p for p in (*docs.rglob("*.md"), *(docs / "experiments").glob("*.py"))
               if "generated" not in p.relative_to(docs).parts and "overrides" not in p.relative_to(docs).parts]
    english = languages.english(sources)
    assert len(english) >= 30, "the English pages were not found"
    for locale in languages.LANGUAGES[1:]:
        missing = sorted(p.relative_to(docs).as_posix() for p in english if not languages.translation(p, locale).is_file())
        assert not missing, f"pages with no {locale} translation (write docs/<page>.{locale}.md): {missing}"


# The words of the page's controls that the theme, the Markdown extensions and mkdocs-jupyter write:
# what holds them, found in the built HTML.
CONTROLS = {
    "palette toggle": re.compile(r'<label class="md-header__button md-icon" title="([^"]*)" for="__palette_'),
    "heading's permanent link": re.compile(r'<a class="headerlink" href="[^"]*" title="([^"]*)"'),
    "notebook cell's copy button": re.compile(r'<clipboard-copy [^>]*aria-label="([^"]*)"'),
    "copy button's notice": re.compile(r'<span class="notice"[^>]*>([^<]*)</span>'),
}


def test_the_controls_speak_the_pages_language(site):
    """On a Korean page every control's words are Korean; on an English page, English."""
    seen, wrong = set(), {}
    for locale in languages.LANGUAGES:
        for page in languages.built_pages(site, locale):
            source = page.read_text(encoding="utf-8")
            for control, pattern in CONTROLS.items():
                for words in pattern.findall(source):
                    seen.add((locale, control))
                    korean = bool(HANGUL.search(words)) and not WORD.search(words)
                    if korean != (locale == "ko"):
                        wrong.setdefault(page.relative_to(site).as_posix(), set()).add(f"{control}: {words!r}")
    assert not wrong, f"controls in the other language: {wrong}"
    assert seen == {(locale, control) for locale in languages.LANGUAGES for control in CONTROLS}, (
        "a control was not found on any page of a language: the check looks at the wrong markup")
