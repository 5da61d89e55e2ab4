"""MkDocs hook: the tables Material's script wrapped on every page load are wrapped at build time.

Material wraps each table without a class (``table:not([class])``) in two scroll boxes after the
page has been drawn, moving the whole table, and Chromium then restyles and lays out the whole page
again (measured with a Chromium trace at a phone's CPU speed: about 200 ms on the home page). The
build writes the same wrapper and marks the table with the class ``data-table``, so Material
leaves it alone; Material's rules for such tables are carried over to that class from its own
stylesheet, at the top of the site's stylesheet as it is published (``extra.css``: one request
less than a file of their own, and still before the site's rules, as Material's stood), so a table
looks exactly as it did.

The other whole-page restyles Material's script made on load are avoided in the templates: the
class swap on ``<html>`` (docs/overrides/main.html) and the palette
(docs/overrides/partials/javascripts/palette.html).
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

TABLE_CLASS = "data-table"
MATERIAL_TABLE = "table:not([class])"
SITE_CSS = "assets/stylesheets/extra.css"
TABLES_COMMENT = "/* Material's rules for its tables, for the tables the build wraps (scripts/hooks/material_load_hook.py) */\n"
WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
WRAP_CLOSE = "</div></div>"
TABLE_TAG = re.compile(r"<table\b([^>]*)>|</table>")


def wrap_tables(html: str) -> str:
    """html with each table that has no class wrapped as Material's script would and given TABLE_CLASS."""
    out, depth, wrapped, last = [], 0, [], 0
    for tag in TABLE_TAG.finditer(html):
        out.append(html[last:tag.start()])
        last = tag.end()
        if tag.group().startswith("</"):
            depth -= 1
            out.append(tag.group() + (WRAP_CLOSE if wrapped.pop() else ""))
            continue
        depth += 1
        plain = "class=" not in tag.group(1)
        wrapped.append(plain)
        out.append(f'{WRAP_OPEN}<table class="{TABLE_CLASS}"{tag.group(1)}>' if plain else tag.group())
    if depth:
        raise ValueError("a <table> without its </table>")
    return "".join(out) + html[last:]


def _rules(css: str):
    """(at-rule preludes around it, selector list, body) for each style rule in minified css."""
    stack, start = [], 0
    for brace in re.finditer(r"[{}]", css):
        if brace.group() == "{":
            stack.append(css[start:brace.start()].strip())
            start = brace.end()
            continue
        selector = stack.pop()
        if not selector.startswith("@") and css[start:brace.start()].strip():
            yield tuple(stack), selector, css[start:brace.start()]
        start = brace.end()


def table_rules(material_css: str) -> str:
    """Material's rules for MATERIAL_TABLE, for tables with TABLE_CLASS, in the same at-rules and order."""
    out = []
    for context, selectors, body in _rules(material_css):
        ours = [s.replace(MATERIAL_TABLE, f"table.{TABLE_CLASS}") for s in selectors.split(",") if MATERIAL_TABLE in s]
        if ours:
            out.append("".join(c + "{" for c in context) + ",".join(ours) + "{" + body + "}" + "}" * len(context))
    if not out:
        raise ValueError(f"Material's stylesheet has no rule for {MATERIAL_TABLE}: its tables changed")
    return "\n".join(out) + "\n"


def _theme_stylesheet(files: Files, name: str) -> File:
    [found] = [f for f in files if re.fullmatch(rf"assets/stylesheets/{name}\.[0-9a-f]+\.min\.css", f.src_uri)]
    return found


@event_priority(-100)  # after the i18n plugin, which expects every file to have a source path
def on_files(files: Files, config) -> Files:
    site_css = files.get_file_from_path(SITE_CSS)
    if not site_css.content_string.startswith(TABLES_COMMENT):  # the i18n plugin may hand over the same file again
        main = _theme_stylesheet(files, "main")
        site_css.content_string = TABLES_COMMENT + table_rules(main.content_string) + site_css.content_string
    return files


def on_page_content(html: str, page, config, files) -> str:
    return wrap_tables(html)
