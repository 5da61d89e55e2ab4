"""MkDocs hook: a page's first figure loads with the page, not when it is scrolled to.

Figures load lazily (figure_snippets.figure_markdown): a lazy image is asked for only once the page
has been laid out, which on a phone comes late, and an activation page's plot, near the top, is the
largest thing on its first screen. So the first figure before the page's second section loads
eagerly, in both schemes (a few KiB; the scheme is chosen by the reader's browser). A figure with a
separate phone layout stays lazy: an eager image is fetched even where it is not displayed.
"""

from __future__ import annotations

import re

IMAGE = re.compile(r"<img\b[^>]*>")
FIGURE = re.compile(r'src="([^"]*generated/figures/[^"]*?)-(?:light|dark)\.svg#only-(?:light|dark)"')
LAZY = ' loading="lazy"'


def eager_first_figure(html: str) -> str:
    """The page's HTML with the lazy loading taken off the first figure before its second <h2>."""
    headings = [m.start() for m in re.finditer(r"<h2\b", html)]
    first_screen = html if len(headings) < 2 else html[:headings[1]]
    for image in IMAGE.finditer(first_screen):
        figure = FIGURE.search(image.group())
        if figure is None or LAZY not in image.group():
            continue
        if re.search(r'class="[^"]*figure-(?:wide|phone)', image.group()):
            return html
        stem = figure.group(1)
        twins = re.compile(rf'<img\b[^>]*src="{re.escape(stem)}-(?:light|dark)\.svg#only-(?:light|dark)"[^>]*>')
        return first_screen[:image.start()] + twins.sub(
            lambda m: m.group().replace(LAZY, ""), first_screen[image.start():]) + html[len(first_screen):]
    return html


def on_page_content(html: str, page, config, files) -> str:
    return eager_first_figure(html)
