"""What our MkDocs hooks need to know about the language being built.

The i18n plugin (mkdocs-static-i18n) builds the site once per language: English at the root, every
other language under /<locale>/. It rebuilds every File from a file in docs/, so a page our hooks make
in memory (a generated activation page, an executed notebook) is added after it, with the
attributes the plugin gives its own files: where the page is, and where its other languages are, and
a place in the plugin's list of the language's pages.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File

DEFAULT = "en"


def _plugin(config):
    return config.plugins.get("i18n")


def current(config) -> str:
    """The locale of the build in progress ("en" when the site has one language)."""
    plugin = _plugin(config)
    return plugin.current_language if plugin else DEFAULT


def locales(config) -> list[str]:
    """Every locale the site is built in, the default first."""
    plugin = _plugin(config)
    return [DEFAULT, *(lang for lang in plugin.build_languages if lang != DEFAULT)] if plugin else [DEFAULT]


def prefix(locale: str) -> str:
    """Where a locale's pages live in the site: "" for the default, "ko/" for Korean."""
    return "" if locale == DEFAULT else f"{locale}/"


def localise(file: File, config, src_uri: str) -> File:
    """`file` (made for the build in progress) moved under its locale's folder and tied to its other languages."""
    plugin = _plugin(config)
    if plugin is None:
        return file
    locale = current(config)
    dest_uri = file.dest_uri
    _move(file, prefix(locale) + dest_uri, config)
    alternates = {}
    for other in locales(config):
        twin = File(src_uri, None, config["site_dir"], config["use_directory_urls"])
        alternates[other] = _move(twin, prefix(other) + dest_uri, config)
    alternates[locale] = file
    file.alternates = alternates
    file.locale = file.locale_alternate_of = locale
    file.localization = None if locale == DEFAULT else locale
    file.norm_src_uri = src_uri
    # the plugin's list of each language's pages, from which its sitemap template lists every page
    listed = plugin.i18n_files_per_language.setdefault(locale, [])
    listed[:] = [f for f in listed if f.dest_uri != file.dest_uri] + [file]
    return file


def _move(file: File, dest_uri: str, config) -> File:
    # url and abs_dest_path are computed from dest_uri once and kept: set all three
    file.dest_uri = dest_uri
    file.url = file._get_url(config["use_directory_urls"])
    file.abs_dest_path = os.path.normpath(os.path.join(config["site_dir"], dest_uri))
    return file
