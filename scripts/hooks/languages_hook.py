"""MkDocs hook: each language is a site of its own under its folder (English at /, Korean at /ko/).

The i18n plugin builds every language into one site folder, one after the other. What it leaves
shared, this hook gives each language:
- the 404 page, which each build writes to the site's root: the Korean one moves to ko/, and the
  English one stays at the root;
- the search index: each language searches its own pages only (a merged index answers Korean
  queries with English pages). scripts/hooks/search_hook.py writes one index per language, under
  the language's folder, and the pages of a language look for it there;
- the <link rel="alternate" hreflang> tags, which it removes from every page. Material fetches a
  sitemap.xml next to each alternate's address, so tags naming the same page in the other language
  (what a search engine needs) make a failed request on every page, and tags naming each language's
  root (what Material needs) tell search engines the wrong page. The sitemap carries the alternates
  instead, with absolute addresses, when the build knows the site's address (site_url_hook.py), and
  the language menu leads to the same page in the other language either way;
- the sitemap template: without a `site_url` the plugin's writes "None" for every address, so the
  site keeps MkDocs' own, which lists pages only when their address is known;
- links from pages with no place in the tree (the 404 pages, the language menu of a home page),
  which start at the site's root: the root is the path of `site_url` ("/" without one);
- the words that the Markdown extensions and mkdocs-jupyter write in English whatever the page's
  language (INTERFACE), translated with the generators' catalogues. (Material translates its own;
  the palette toggle's label is set per language in mkdocs.yml.)
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads a hook by path, not as a package
import languages  # noqa: E402

sys.path.append(str(Path(__file__).resolve().parents[1] / "generators"))  # the catalogues' reader; appended, so it shadows nothing
from messages import N_, _, language  # noqa: E402

MOVED = ("404.html",)  # what every language's build writes to the site's root
# ... and Material's own index, which search_hook.py replaces. The sitemap is not among them: the last
# language's build lists the pages of every language, so its sitemap stays at the root.
SHARED = (*MOVED, "search/search_index.json")
HREFLANG = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')
# The language menu's links from a home page: the plugin gives them as absolute paths ("/ko/", or
# "/<path of site_url>/ko/"), which break on a site served below another path; every other page gets
# relative ones.
MENU_LINK = '(<a href="){base}([^"]*)(" hreflang="[^"]+" class="md-select__link">)'
ANY_MENU_LINK = re.compile(r'(<a href=")[^"]*(" hreflang="([^"]+)" class="md-select__link">)')
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')

# (the attribute or element that holds the words, with {} where they go: English -> the English words)
INTERFACE = {
    'class="headerlink" href="{href}" title="{}"': N_("Permanent link"),  # the toc extension's permalinks
    'aria-label="{}"': N_("Copy to clipboard"),  # a notebook cell's copy button (notebook_hook.py)
    '<span class="notice" hidden="">{}</span>': N_("Copied!"),  # ... and what it says once clicked
}

_defaults: dict[str, bytes] = {}  # the default language's files of SHARED, kept while the others build


@event_priority(-110)  # after the i18n plugin configured the build
def on_config(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return config
    # one index per language (search_hook.py): the plugin's merge of all languages' entries is not wanted
    plugin.reconfigure_search_index = lambda config: None
    if not config.get("site_url"):
        config.theme.dirs[:] = [d for d in config.theme.dirs if not d.endswith("custom_i18n_sitemap")]
    return config


def _base(config) -> str:
    """The path of the site's root on its server: that of `site_url`, or "/"."""
    return urlsplit(config.get("site_url") or "/").path.rstrip("/") + "/"


@cache
def _menu_links(base: str) -> re.Pattern:
    """The language menu's links that start at `base`, the path of the site's root."""
    return re.compile(MENU_LINK.format(base=re.escape(base)))


def _root(page) -> str:
    """The relative address of the site's root from `page`."""
    depth = page.url.count("/") if page.url else 0
    return "../" * depth or "./"


def on_post_page(output: str, page, config) -> str:
    root = _root(page)
    output = HREFLANG.sub("", output)
    output = _menu_links(_base(config)).sub(lambda m: m.group(1) + root + m.group(2) + m.group(3), output)
    locale = languages.current(config)
    if locale != languages.DEFAULT:  # Material finds the search index at `base`: the language's root
        output = CONFIG_BASE.sub(lambda m: m.group(1) + root + languages.prefix(locale) + m.group(3),
                                 output, count=1)
        output = _interface_words(output, locale)
    return output


def _interface_words(output: str, locale: str) -> str:
    with language(locale):
        for where, english in INTERFACE.items():
            pattern = re.escape(where).replace(re.escape("{href}"), '[^"]*').replace(re.escape("{}"), re.escape(english))
            words = _(english)
            output = re.sub(pattern, lambda m: m.group(0).replace(english, words), output)
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    """The 404 page has no place in the site's tree: its addresses start at the site's root, and its
    language menu leads to each language's home page (the plugin leaves it the links of the last page
    it rendered)."""
    if template_name != "404.html":
        return output
    output = HREFLANG.sub("", output)
    output = ANY_MENU_LINK.sub(lambda m: m.group(1) + _base(config) + languages.prefix(m.group(3)) + m.group(2), output)
    locale = languages.current(config)
    if locale != languages.DEFAULT:
        output = CONFIG_BASE.sub(lambda m: m.group(1) + _base(config) + languages.prefix(locale) + m.group(3),
                                 output, count=1)
    return output


@event_priority(-90)  # before the i18n plugin (-100) starts the next language's build
def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    locale = languages.current(config)
    if locale == languages.DEFAULT:
        _defaults.clear()
        _defaults.update({name: (site / name).read_bytes() for name in SHARED if (site / name).is_file()})
        return
    for name in SHARED:
        if name in MOVED and (site / name).is_file():
            (site / languages.prefix(locale) / name).write_bytes((site / name).read_bytes())
        if name in _defaults:
            (site / name).write_bytes(_defaults[name])
