"""The site's languages as the tests see them: which sources and built pages are in which language.

docs/<page>.md is English and docs/<page>.<locale>.md its translation (an experiment:
docs/experiments/<name>.py and <name>.<locale>.py); English is built at the site's root, every other
language under <locale>/. The languages are those mkdocs.yml gives the i18n plugin.

The tests import this file as `tests.languages`: the build's scripts/hooks/languages.py, which
tests/conftest.py puts on the path, already has the top-level name `languages`.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Iterable, TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
_I18N = next(p["i18n"] for p in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
             if isinstance(p, dict) and "i18n" in p)
DEFAULT = next(lang["locale"] for lang in _I18N["languages"] if lang.get("default"))
LANGUAGES = (DEFAULT, *(lang["locale"] for lang in _I18N["languages"] if lang["locale"] != DEFAULT))
KOREAN = "ko"
SETTINGS = {lang["locale"]: lang for lang in _I18N["languages"]}  # locale -> its `languages` item in mkdocs.yml

P = TypeVar("P", str, Path)


def locale_of(path: str | Path) -> str:
    """The language of a source: `relu.ko.md` is Korean, `relu.md` English."""
    suffixes = PurePosixPath(str(path)).suffixes
    marker = suffixes[-2].lstrip(".") if len(suffixes) > 1 else DEFAULT
    return marker if marker in LANGUAGES else DEFAULT


def in_language(paths: Iterable[P], locale: str) -> list[P]:
    """The sources among `paths` that are in `locale`, in their order."""
    return [p for p in paths if locale_of(p) == locale]


def english(paths: Iterable[P]) -> list[P]:
    """The English sources among `paths`."""
    return in_language(paths, DEFAULT)


def korean(paths: Iterable[P]) -> list[P]:
    """The Korean sources among `paths`."""
    return in_language(paths, KOREAN)


def english_source(path: P) -> P:
    """The English source that `path` translates (an English source is its own): relu.ko.md -> relu.md."""
    locale = locale_of(path)
    if locale == DEFAULT:
        return path
    pure = PurePosixPath(str(path))
    return type(path)(pure.with_name(pure.name.replace(f".{locale}.", ".", 1)))


def translation(path: P, locale: str = KOREAN) -> P:
    """The `locale` twin of the English source `path` (it may not exist): relu.md -> relu.ko.md."""
    assert locale_of(path) == DEFAULT, f"{path} is not an English source"
    if locale == DEFAULT:
        return path
    pure = PurePosixPath(str(path))
    return type(path)(pure.with_name(f"{pure.stem}.{locale}{pure.suffix}"))


def stem(path: str | Path) -> str:
    """The name a source's pages share in every language: `dying-relu` for dying-relu.ko.py."""
    return PurePosixPath(str(english_source(path))).stem


def prefix(locale: str) -> str:
    """Where a language's pages are, relative to the site's root: "" for English, "ko/" for Korean."""
    return "" if locale == DEFAULT else f"{locale}/"


def site_folder(site: Path, locale: str) -> Path:
    """The folder of a built site that holds `locale`'s pages."""
    return site / prefix(locale) if prefix(locale) else site


def built_pages(site: Path, locale: str) -> list[Path]:
    """Every index.html of `locale`'s pages (English ones are at the root, outside the other languages' folders)."""
    others = [site / prefix(other) for other in LANGUAGES if other != locale and prefix(other)]
    return sorted(p for p in site_folder(site, locale).rglob("index.html")
                  if not any(p.is_relative_to(folder) for folder in others))
