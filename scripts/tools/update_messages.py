"""Bring the translation catalogues up to date with the generators' text: `make messages`.

Every string a generator module passes to `_()` is a message of that module's domain; so is every
string of a MkDocs hook module that renders text with scripts/generators/messages.py (the generated
activation pages: scripts/hooks/activation_pages.py). For each
language in messages.TRANSLATED this writes locale/<lang>/LC_MESSAGES/<module>.po: messages the code
gained are added untranslated, messages it dropped are removed, translations of the others are kept.
A translator then fills in the empty `msgstr`s (tests/test_messages.py names every one left empty).
"""

from __future__ import annotations

import ast
import importlib
import sys
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
GENERATORS = ROOT / "scripts" / "generators"
HOOKS = ROOT / "scripts" / "hooks"
sys.path.insert(0, str(GENERATORS))
from messages import LOCALES, TRANSLATED  # noqa: E402

KEYWORDS = {"_": None, "N_": None}  # N_ marks text held in data, translated with _() where it is shown


def domains() -> dict[str, Path]:
    """Module name -> its file, for every generator module that marks text for translation and every hook
    module that translates with the generators' catalogues."""
    found = {p.stem: p for p in sorted(GENERATORS.glob("*.py"))
             if p.name != "messages.py" and "_(" in p.read_text(encoding="utf-8")}
    hooks = {p.stem: p for p in sorted(HOOKS.glob("*.py")) if "from messages import" in p.read_text(encoding="utf-8")}
    assert not found.keys() & hooks.keys(), f"a hook and a generator share a catalogue: {found.keys() & hooks.keys()}"
    return found | hooks


def data_messages(path: Path) -> list[tuple[str, str, str]]:
    """Messages a module translates from data held elsewhere (the registry's origins), listed by its
    `messages_from_data()` as (message, the file holding it, a note for the translator)."""
    if "def messages_from_data(" not in path.read_text(encoding="utf-8"):
        return []
    return importlib.import_module(path.stem).messages_from_data()


def template(path: Path) -> Catalog:
    """The messages of one module, in the order they appear, then those it translates from data."""
    catalog = Catalog(project="activation-functions", fuzzy=False)
    for lineno, message, comments, context in extract_from_file("python", str(path), keywords=KEYWORDS,
                                                               comment_tags=("TRANSLATORS:",)):
        catalog.add(message, locations=[(path.relative_to(ROOT).as_posix(), lineno)], auto_comments=comments,
                    context=context)
    for message, where, note in data_messages(path):
        catalog.add(message, locations=[(where, None)], auto_comments=[note])
    return catalog


# The experiments' words (docs/experiments/*.py, which src/figure_style/text.py translates when they run) are
# one domain of their own. They are marked with tr(), not _, which IPython sets to the last result; a
# translation, <name>.<locale>.py, has the same code, so only the English files are read.
EXPERIMENTS = ROOT / "docs" / "experiments"
EXPERIMENT_DOMAIN = "experiments"
EXPERIMENT_KEYWORDS = {"tr": None, "N_": None}


def experiment_sources() -> list[Path]:
    """The English experiments, whose code their translations share."""
    return [p for p in sorted(EXPERIMENTS.glob("*.py")) if len(p.suffixes) == 1]


def named_activations(path: Path) -> list[str]:
    """The registry's slugs an experiment that reads the registry names in its code ("sigmoid",
    "leaky-relu"), each once: it shows their names with tr(REGISTRY[a].name), which no extractor can read."""
    from activations import REGISTRY

    code = path.read_text(encoding="utf-8")
    if "REGISTRY[" not in code:
        return []
    literals = [node.value for node in ast.walk(ast.parse(code))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return list(dict.fromkeys(s for s in literals if s in REGISTRY))


def experiment_template() -> Catalog:
    """The messages of every experiment, file by file in the order they appear, then the names of the
    activations the experiments name."""
    from activations import REGISTRY

    catalog = Catalog(project="activation-functions", fuzzy=False)
    for path in experiment_sources():
        for lineno, message, comments, context in extract_from_file("python", str(path), keywords=EXPERIMENT_KEYWORDS,
                                                                   comment_tags=("TRANSLATORS:",)):
            catalog.add(message, locations=[(path.relative_to(ROOT).as_posix(), lineno)], auto_comments=comments,
                        context=context)
    slugs = dict.fromkeys(slug for path in experiment_sources() for slug in named_activations(path))
    for slug in slugs:
        catalog.add(REGISTRY[slug].name, locations=[("src/activations/registry.py", None)],
                    auto_comments=[f"the name of {slug}, as registry_outputs.po translates it (the pages name it so)"])
    return catalog


FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def po_bytes(catalog: Catalog, path: Path) -> bytes:
    out = BytesIO()
    catalog.header_comment = (f"# {catalog.locale_identifier} text of {path.relative_to(ROOT).as_posix()}: "
                              "`make messages` adds and removes messages; translate each msgstr.")
    catalog.fuzzy = False
    # fixed dates, no line numbers, no wrapping: the file changes only when the text does
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.project, catalog.version = "Activation Functions, computed", ""
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = ""
    write_po(out, catalog, width=0, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def updated(domain: str, path: Path, locale: str) -> bytes:
    po = LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
    catalog = Catalog(locale=locale)
    if po.is_file():
        with po.open("rb") as f:
            catalog = read_po(f, locale=locale)
    catalog.update(experiment_template() if path == EXPERIMENTS else template(path), no_fuzzy_matching=True)
    return po_bytes(catalog, path)


def main() -> int:
    for locale in TRANSLATED:
        for domain, path in {**domains(), EXPERIMENT_DOMAIN: EXPERIMENTS}.items():
            po = LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"
            data = updated(domain, path, locale)
            if not po.is_file() or po.read_bytes() != data:
                po.parent.mkdir(parents=True, exist_ok=True)
                po.write_bytes(data)
                print(f"  updated: {po.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
