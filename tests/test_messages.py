"""The translation catalogues: up to date with the generators, complete, and faithful to their placeholders."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "tools"))
import update_messages as tool  # noqa: E402  scripts/tools/update_messages.py: `make messages`

from messages import LOCALES, TRANSLATED  # noqa: E402  (scripts/generators/messages.py, put on the path by the tool)

DOMAINS = tool.domains()


def catalogue(locale: str, domain: str):
    with (LOCALES / locale / "LC_MESSAGES" / f"{domain}.po").open("rb") as f:
        return read_po(f, locale=locale)


def fields(text: str) -> list[str]:
    """The str.format fields of a message, in order: "{name} at {x}" -> ["name", "x"]."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_some_generator_text_is_translated():
    assert DOMAINS, "no generator module marks text with _(): the catalogues would be empty"


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_catalogue_has_exactly_the_messages_of_its_module(locale, domain):
    po = LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
    assert po.is_file(), f"{po.relative_to(ROOT)} is missing: run `make messages`"
    assert po.read_bytes() == tool.updated(domain, DOMAINS[domain], locale), (
        f"{po.relative_to(ROOT)} is not up to date with {DOMAINS[domain].relative_to(ROOT)}: run `make messages`")


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_every_message_is_translated_with_the_same_placeholders(locale, domain):
    untranslated, wrong = [], []
    for message in catalogue(locale, domain):
        if not message.id:
            continue
        if not message.string or message.fuzzy:
            untranslated.append(message.id)
        elif fields(message.id) != fields(message.string):
            wrong.append(f"{message.id!r} -> {message.string!r}")
    assert not untranslated, f"{domain}.po ({locale}) has no translation for: {untranslated}"
    assert not wrong, f"{domain}.po ({locale}): translations that change the placeholders: {wrong}"


def test_no_message_is_built_at_run_time():
    """gettext finds only literal messages: _(f"...") or _(a + b) would never be translated."""
    built = [f"{path.relative_to(ROOT)}:{n}" for path in DOMAINS.values()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\b_\(\s*(?:f[\"']|[a-z]\w*\s*[+%])", line)]
    assert not built, f"messages built at run time, which no catalogue can hold: {built}"
