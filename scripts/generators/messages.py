"""The generated text in every language of the site: gettext catalogues, one per generator module.

English is the text in the code. `_("...")` returns it in the language being rendered: Korean from
locale/ko/LC_MESSAGES/<domain>.po (standard gettext catalogues, read with Babel; no compiled .mo
files are kept). Every Markdown output has a twin under <locale>/ (ko/properties/relu.md), rendered
with that language; Korean pages include the twins.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from outputs import ROOT, Output

LOCALES = ROOT / "locale"
DEFAULT = "en"
TRANSLATED = ("ko",)  # the languages the site has besides English
HERE = Path(__file__)

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


def catalogue_files(locale: str) -> list[Path]:
    """The .po files of a language, one per domain (generator module)."""
    # experiments.po is the experiments' own, read where they run (src/figure_style/text.py)
    return sorted(p for p in (LOCALES / locale / "LC_MESSAGES").glob("*.po") if p.stem != "experiments")


@cache
def _translations(locale: str) -> gettext.NullTranslations:
    if locale == DEFAULT:
        return gettext.NullTranslations()
    merged = Catalog(locale=locale)
    for po in catalogue_files(locale):
        with po.open("rb") as f:
            for message in read_po(f, locale=locale):
                if message.id and message.string and not message.fuzzy:
                    merged.add(message.id, message.string)
    mo = BytesIO()
    write_mo(mo, merged)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def current() -> str:
    """The language being rendered."""
    return _language.get()


@contextmanager
def language(locale: str) -> Iterator[None]:
    """Render in `locale` inside the block."""
    token = _language.set(locale)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """`message` in the language being rendered (itself in English, or when it has no translation)."""
    return _translations(_language.get()).gettext(message)


def N_(message: str) -> str:
    """`message` itself, marked for the catalogue: text held in data and translated where it is shown, with `_()`."""
    return message


def translated_twins(outputs: list[Output]) -> list[Output]:
    """For each Markdown output, its twin in every other language: <locale>/<path>, rendered in it."""
    def rendered_in(locale: str, render):
        def render_twin() -> bytes:
            with language(locale):
                return render()
        return render_twin

    # a twin is rendered by the process that renders its original, so that what they compute alike
    # (a model trained, a function's properties) is computed once where the generators cache it
    return [Output(f"{locale}/{o.path}", rendered_in(locale, o.render), (*o.deps, HERE, *catalogue_files(locale)),
                   o.group or o.path)
            for locale in TRANSLATED for o in outputs if o.path.endswith(".md")]
