"""The shared look of every figure (site pages and notebooks): a light and a dark theme, deterministic SVG."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import metadata

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.ticker import LogFormatterSciNotation

# Figures are drawn at this size (inches) unless a figure asks for another.
WIDTH, HEIGHT = 5.6, 3.6
CSS_PX_PER_INCH = 96
# The narrowest a figure is shown is the 358 CSS px column of a 390 px phone. A WIDTH-inch figure
# there keeps text of SMALL points (the smallest any figure uses) above 9 CSS px; a figure with
# several columns of panels has a second layout for phones, PHONE_WIDTH inches wide, shown there
# at about its own size (tests/test_phone_figures.py measures both).
SMALL = 11
PHONE_WIDTH = 4.0


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    grid: str
    axis: str
    primary: str  # the function
    secondary: str  # its derivative
    accent: str  # marked points
    muted: str
    background: str  # the page behind the transparent figure, for label boxes over curves


_COLOURS = ("text", "grid", "axis", "primary", "secondary", "accent", "muted", "background")


# Colours keep at least 4.5:1 contrast against Material's light (white) and dark (slate)
# page backgrounds, since the figures have transparent backgrounds.
THEMES = {
    "light": Theme("light", text="#1f2328", grid="#d0d7de", axis="#57606a",
                   primary="#0550ae", secondary="#a0400c", accent="#6639ba", muted="#57606a",
                   background="#ffffff"),
    "dark": Theme("dark", text="#e6edf3", grid="#3d444d", axis="#9198a1",
                  primary="#79c0ff", secondary="#ffa657", accent="#d2a8ff", muted="#9198a1",
                  background="#1e2129"),
}

# A theme whose colours stand in for the real ones: a figure drawn once with it becomes each theme's
# SVG by putting that theme's colours in their place (in_every_theme). One stand-in per pair of light
# and dark colours, so colours a theme shares stay shared; #fe00.. is no colour a figure would choose.
_PAIRS = sorted({(getattr(THEMES["light"], f), getattr(THEMES["dark"], f)) for f in _COLOURS})
PLACEHOLDER = Theme("placeholder", **{f: f"#fe{_PAIRS.index((getattr(THEMES['light'], f), getattr(THEMES['dark'], f))):04x}"
                                      for f in _COLOURS})
_SLOTS = {getattr(PLACEHOLDER, f): {name: getattr(theme, f) for name, theme in THEMES.items()} for f in _COLOURS}
_HEX_COLOUR = re.compile(rb"#[0-9a-fA-F]{6}\b")


def in_every_theme(draw: Callable[[Theme], bytes | None]) -> dict[str, bytes]:
    """The SVG of draw(theme) for every theme, by name: drawn once with PLACEHOLDER and given each
    theme's colours, which is the same picture at half the cost. A drawing with a colour that is not a
    placeholder (a constant, a mix computed from a theme's colour) or with a raster image (whose pixels
    no text substitution reaches) is drawn in each theme instead; draw(PLACEHOLDER) may return None to
    say so before saving (has_raster)."""
    svg = draw(PLACEHOLDER)
    if svg is None or b"<image" in svg or any(c.decode() not in _SLOTS for c in _HEX_COLOUR.findall(svg)):
        return {name: draw(theme) for name, theme in THEMES.items()}
    return {name: _HEX_COLOUR.sub(lambda m: _SLOTS[m.group().decode()][name].encode(), svg) for name in THEMES}


def has_raster(fig: Figure) -> bool:
    """Whether a figure will have raster parts in its SVG (an image, or artists drawn rasterized)."""
    return any(isinstance(a, AxesImage) or a.get_rasterized() for a in fig.findobj())


# The font that lays out each language's script where DejaVu Sans has no glyph, as (package, file in it):
# NanumGothic (SIL Open Font License) from the pinned koreanize-matplotlib, which is never imported (importing
# it changes matplotlib's settings). Text stays text in the SVG, but its layout comes from these metrics, so
# the font is this file on every machine, never one the machine happens to have.
FONTS = {"ko": ("koreanize-matplotlib", "koreanize_matplotlib/fonts/NanumGothic.ttf")}


def font_file(language: str) -> str | None:
    """The path of the pinned font that lays out `language`'s script, if it needs one besides DejaVu Sans."""
    if language not in FONTS:
        return None
    package, file = FONTS[language]
    return str(metadata.distribution(package).locate_file(file))


def register_font(language: str) -> list[str]:
    """Make matplotlib lay out `language` with its pinned font, and return that font's family name
    (none for a language DejaVu Sans covers): a font of the same name installed on the machine is
    dropped from matplotlib's list first, so it cannot be chosen instead."""
    path = font_file(language)
    if path is None:
        return []
    name = font_manager.FontProperties(fname=path).get_name()
    manager = font_manager.fontManager
    manager.ttflist = [f for f in manager.ttflist if f.fname != path and f.name != name]
    manager.addfont(path)  # also forgets the fonts it had found for each text
    return [name]


@cache
def _fallback(language: str) -> tuple[str, ...]:
    return tuple(register_font(language))


def _rc(theme: Theme, language: str = "en") -> dict:
    return {
        "svg.hashsalt": "activations",  # fixed ids, so the same figure gives the same bytes
        "svg.fonttype": "none",  # text stays text: small files, selectable, scales with the page
        # a language DejaVu Sans lacks glyphs for names its font after it: matplotlib takes each glyph
        # from the first font of this list that has it, and the SVG names both for the browser
        "font.family": [*(("DejaVu Sans", *_fallback(language)) if _fallback(language) else ()), "sans-serif"],
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": 12,
        "mathtext.fontset": "dejavusans",
        "text.color": theme.text,
        "axes.labelcolor": theme.text,
        "axes.edgecolor": theme.axis,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        # x labels start below the lowest y label, so the two never meet in the corner
        "xtick.major.pad": 7,
        "xtick.color": theme.axis,
        "ytick.color": theme.axis,
        "xtick.labelcolor": theme.text,
        "ytick.labelcolor": theme.text,
        "grid.color": theme.grid,
        "grid.linewidth": 0.8,
        "axes.grid": True,
        "axes.axisbelow": True,  # grid lines behind bars and filled areas too, not only behind lines
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "lines.linewidth": 2.2,
        "path.simplify": True,
    }


@contextmanager
def themed(theme: Theme, language: str = "en"):
    """Matplotlib settings reset to the theme, with the fonts `language` needs, for the duration of one figure."""
    with matplotlib.rc_context(_rc(theme, language)):
        yield


def new_figure(theme: Theme, width: float = WIDTH, height: float = HEIGHT, **subplots) -> tuple[Figure, object]:
    """A figure without pyplot (no global state) and its axes."""
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots(**subplots)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_MATHTEXT_POWER = re.compile(r"\$\\mathdefault\{(-?)(?:(\d+)\\times)?(\d+)\^\{(-?\d+)\}\}\$")


class PlainPowers(LogFormatterSciNotation):
    """A log axis's tick labels as text, 10⁻⁴ where matplotlib writes mathtext $10^{-4}$: the same
    label, without parsing mathtext for every label at every layout pass, which took a sixth of the
    time an experiment spent drawing."""

    def __call__(self, x, pos=None) -> str:
        label = super().__call__(x, pos)
        power = _MATHTEXT_POWER.fullmatch(label)
        if power is None:
            return label
        sign, coefficient, base, exponent = power.groups()
        return f"{sign and '−'}{coefficient + '×' if coefficient else ''}{base}{exponent.translate(_SUPERSCRIPT)}"


def _plain_powers(fig: Figure) -> None:
    """Every default log-axis formatter of the figure made a PlainPowers, its settings kept."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for formatter in (axis.get_major_formatter(), axis.get_minor_formatter()):
                if type(formatter) is LogFormatterSciNotation:
                    formatter.__class__ = PlainPowers


def svg_bytes(fig: Figure, title: str) -> bytes:
    """The figure as SVG with no date and a fixed title (none for ""), so equal figures give equal bytes;
    log axes labelled in text (PlainPowers)."""
    _plain_powers(fig)
    buf = io.BytesIO()
    # a figure every language shares has no title: opened on its own, it would say it in one language
    metadata = {"Date": None, "Creator": None, **({"Title": title} if title else {})}
    fig.savefig(buf, format="svg", metadata=metadata)
    return buf.getvalue()


def size_px(width: float = WIDTH, height: float = HEIGHT) -> tuple[int, int]:
    """Width and height in CSS pixels of a figure of this size in inches."""
    return round(width * CSS_PX_PER_INCH), round(height * CSS_PX_PER_INCH)
