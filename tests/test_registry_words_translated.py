"""The registry's own words on the translated pages: names, families, summaries, accuracy notes and the
framework cells' sentences come out of the catalogues, never in English, and the generated activation
pages have translated headings that keep the English ids links point at."""

from __future__ import annotations

import re

import pytest
import yaml

import generated
from activation_pages import page_markdown, pages
from activations import REGISTRY
from messages import TRANSLATED
from outputs import GENERATED, ROOT
from registry_outputs import framework_sentences
from test_generated_facts import table

STANDARD = ("Definition", "Properties", "In your framework", "Implementation")  # the English page's sections


def english_texts() -> list[tuple[str, str]]:
    """(entry, text) for every sentence of the registry that a page shows: summaries, accuracy notes, and the
    framework cells that hold words, as the English page renders them."""
    texts = []
    for a in REGISTRY.values():
        texts.append((a.slug, a.summary))
        if a.accuracy_note:
            texts.append((a.slug, a.accuracy_note))
        sentences = framework_sentences(a)
        texts += [(a.slug, c.render()) for c in a.frameworks.cells() if c.text in sentences]
    return texts


def test_the_registry_has_framework_sentences_to_translate():
    assert len([t for t in english_texts() if "`" in t[1]]) > len(REGISTRY) // 2


@pytest.mark.parametrize("locale", TRANSLATED)
def test_no_registry_sentence_is_left_in_english_in_a_translated_fragment(locale):
    rels = [p.relative_to(GENERATED).as_posix() for p in sorted((GENERATED / locale).rglob("*.md"))]
    assert f"{locale}/tables/activation-index.md" in rels and any(rel.startswith(f"{locale}/figures/") for rel in rels)
    files = {rel: generated.read(rel) for rel in rels}
    left = [(slug, text, rel) for slug, text in english_texts() for rel, body in files.items() if text in body]
    assert not left, f"registry text in English on {locale} pages: {left}"


def nav_translations(locale: str) -> dict[str, str]:
    """The navigation's titles in `locale`, as mkdocs.yml gives them to the i18n plugin."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return next(lang for lang in i18n["languages"] if lang["locale"] == locale).get("nav_translations", {})


def page_title(slug: str, locale: str) -> str | None:
    """The heading of the authored page of `slug` in `locale`, without its {#id}; None where there is none."""
    page = ROOT / "docs" / "activations" / f"{slug}.{locale}.md"
    if not page.is_file():
        return None
    text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.S)
    return re.sub(r"\s*\{[^}]*\}\s*$", "", re.search(r"^# (.+)$", text, re.M).group(1)).strip()


@pytest.mark.parametrize("locale", TRANSLATED)
def test_index_names_families_as_the_translated_pages_and_navigation_do(locale):
    rows = table(f"{locale}/tables/activation-index.md")
    name, family = list(rows[0])[:2]
    families = nav_translations(locale)
    for row, a in zip(rows, REGISTRY.values(), strict=True):
        title = page_title(a.slug, locale) if a.page_slug == a.slug else None
        assert re.fullmatch(r"\[(.+)\]\(.+\)", row[name]).group(1) == (title or a.name), (a.slug, row[name])
        assert row[family] == families[a.family], (a.slug, row[family])


def headings(markdown: str) -> list[tuple[str, str, str | None]]:
    """(level, text, id) of each heading below the title; id as written after it ({#id}), else None."""
    return re.findall(r"^(#{2,}) (.+?)(?: \{ ?#([\w-]+) ?\})?$", markdown, re.M)


def anchor(text: str) -> str:
    """The id MkDocs gives a heading without one of its own: "In your framework" -> "in-your-framework"."""
    return re.sub(r"\W+", "-", text.lower()).strip("-")


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("page_slug", sorted(pages()))
def test_a_generated_page_in_another_language_has_translated_headings_with_the_english_ids(page_slug, locale):
    (en_front, english), (front, translated) = (page_markdown(pages()[page_slug], lang).split("\n---\n", 1)
                                                for lang in ("en", locale))
    en, tr = headings(english), headings(translated)
    assert [(level, given or anchor(text)) for level, text, given in en] == [(level, given) for level, _, given in tr]
    standard = [text for _, text, given in tr if given in {anchor(s) for s in STANDARD}]
    assert len(standard) >= len(STANDARD) - 1, tr
    assert not [text for text in standard if re.search(r"[A-Za-z]{2,}", text)], standard
    assert front != en_front and "definition" not in front, front
    for a in pages()[page_slug]:
        assert f"{a.name}: {a.summary}." in english and a.summary not in translated, a.slug
