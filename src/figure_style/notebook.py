"""Figures in the experiment notebooks: on the site one SVG per colour scheme, elsewhere one figure.

The site shows a figure drawn for the light scheme to light-scheme readers and one drawn for the
dark scheme to dark-scheme readers (Material hides an image whose address ends in `#only-dark`
or `#only-light` in the other scheme). A notebook run in Jupyter has no such switch, so there it
shows the light figure alone.
"""

from __future__ import annotations

import base64
import html
import os
from collections.abc import Callable

from . import HEIGHT, THEMES, WIDTH, Theme, new_figure, size_px, svg_bytes, themed

# Set by the site build for the kernel that executes the notebooks.
SITE_ENV = "ACTIVATIONS_SITE_FIGURES"


def site_html(svgs: dict[str, bytes], alt: str, width: float, height: float) -> str:
    """One <img> per scheme, each an SVG data URI that Material shows only in its scheme."""
    w, h = size_px(width, height)
    return "".join(
        f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}#only-{scheme}" '
        f'alt="{html.escape(alt)}" width="{w}" height="{h}">'
        for scheme, svg in svgs.items())


def show(draw: Callable[[object, object, Theme], None], alt: str, width: float = WIDTH, height: float = HEIGHT,
         **subplots) -> None:
    """Display draw(fig, axes, theme) as a figure; alt describes it for readers who cannot see it."""
    from IPython.display import HTML, SVG, display

    on_site = bool(os.environ.get(SITE_ENV))
    svgs = {}
    for name in ("light", "dark") if on_site else ("light",):
        theme = THEMES[name]
        with themed(theme):
            fig, axes = new_figure(theme, width, height, **subplots)
            draw(fig, axes, theme)
            svgs[name] = svg_bytes(fig, alt)
    display(HTML(site_html(svgs, alt, width, height)) if on_site else SVG(svgs["light"]))
