"""Figures in the experiment notebooks: on the site one SVG per colour scheme, elsewhere one figure.

The site shows a figure drawn for the light scheme to light-scheme readers and one drawn for the
dark scheme to dark-scheme readers (Material hides an image whose address ends in `#only-dark`
or `#only-light` in the other scheme). A notebook run in Jupyter has no such switch, so there it
shows the light figure alone. A figure with several columns of panels can have a second layout
for phones, which the site shows on narrow screens instead (see docs/assets/stylesheets/extra.css).
A figure is drawn with the fonts of the language its words come out in (figure_style.text).
"""

from __future__ import annotations

import base64
import html
import os
from collections.abc import Callable

from . import (HEIGHT, PLACEHOLDER, THEMES, WIDTH, Theme, has_raster, in_every_theme, new_figure, size_px, svg_bytes,
               themed)
from .text import language

# Set by the site build for the kernel that executes the notebooks.
SITE_ENV = "ACTIVATIONS_SITE_FIGURES"


def site_html(svgs: dict[str, bytes], alt: str, width: float, height: float, css_class: str = "") -> str:
    """One <img> per scheme, each an SVG data URI that Material shows only in its scheme."""
    w, h = size_px(width, height)
    attr = f' class="{css_class}"' if css_class else ""
    return "".join(
        f'<img{attr} src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}#only-{scheme}" '
        f'alt="{html.escape(alt)}" width="{w}" height="{h}">'
        for scheme, svg in svgs.items())


def _draw(draw: Callable[[object, object, Theme], None], alt: str, names, width: float, height: float,
          **subplots) -> dict[str, bytes]:
    def one(theme: Theme) -> bytes | None:
        with themed(theme, language()):
            fig, axes = new_figure(theme, width, height, **subplots)
            draw(fig, axes, theme)
            if theme is PLACEHOLDER and has_raster(fig):
                return None  # drawn in each theme instead (in_every_theme), without saving this one
            return svg_bytes(fig, alt)

    if set(names) == set(THEMES):
        return in_every_theme(one)
    return {name: one(THEMES[name]) for name in names}


def show(draw: Callable[[object, object, Theme], None], alt: str, width: float = WIDTH, height: float = HEIGHT,
         phone: dict | None = None, **subplots) -> None:
    """Display draw(fig, axes, theme) as a figure; alt describes it for readers who cannot see it.

    phone, for a figure with several columns of panels, is the layout for phones on the site: its
    width, height and any arguments of subplots that differ (draw gets axes of that shape there)."""
    from IPython.display import HTML, SVG, display

    if not os.environ.get(SITE_ENV):
        display(SVG(_draw(draw, alt, ["light"], width, height, **subplots)["light"]))
        return
    if phone is None:
        display(HTML(site_html(_draw(draw, alt, THEMES, width, height, **subplots), alt, width, height)))
        return
    narrow = {**subplots, **phone}
    pw, ph = narrow.pop("width"), narrow.pop("height")
    display(HTML(site_html(_draw(draw, alt, THEMES, width, height, **subplots), alt, width, height, "figure-wide")
                 + site_html(_draw(draw, alt, THEMES, pw, ph, **narrow), alt, pw, ph, "figure-phone")))
