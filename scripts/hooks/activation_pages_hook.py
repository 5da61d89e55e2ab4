"""MkDocs hook: every registry entry has a page and a place in the navigation, without a line of YAML.

The item `activations/` in mkdocs.yml's nav stands for the activation sections: one per family, in
the registry's FAMILIES order, each with its pages in registry order. A page that docs/activations/
holds is used as written; for every other entry the page is generated (scripts/hooks/activation_pages.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads a hook by path, not as a package
import languages  # noqa: E402
from activation_pages import PAGES, family_nav, page_markdown, page_path, pages  # noqa: E402


def on_config(config):
    """Put the family sections where the nav says `activations/`."""
    nav = config["nav"] or []
    sections = family_nav()
    if PAGES not in nav and all(section in nav for section in sections):
        return config  # the i18n plugin builds each language from the configuration the first one left
    if nav.count(PAGES) != 1:
        raise PluginError(f"mkdocs.yml's nav must list `{PAGES}` once, where the activation sections go")
    at = nav.index(PAGES)
    config["nav"] = [*nav[:at], *sections, *nav[at + 1:]]
    return config


@event_priority(-110)  # after the i18n plugin, which would drop a page that has no file in docs/
def on_files(files: Files, config) -> Files:
    """Generate the page of every entry that has no authored page; refuse an authored page without an entry."""
    documented = pages()
    for f in files.documentation_pages():
        uri = getattr(f, "norm_src_uri", f.src_uri)  # activations/relu.md for activations/relu.ko.md too
        if uri.startswith(PAGES) and uri.removeprefix(PAGES).removesuffix(".md") not in documented:
            raise PluginError(f"docs/{f.src_uri} documents no registry entry: add the entry, or name the page "
                              "after an entry's slug (or its `page`)")
    for slug, entries in documented.items():
        if files.get_file_from_path(page_path(slug)) is None:
            page = File.generated(config, page_path(slug), content=page_markdown(entries, languages.current(config)))
            files.append(languages.localise(page, config, page_path(slug)))
    return files
