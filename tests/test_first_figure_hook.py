"""A page's first figure loads with the page when it is on the first screen (scripts/hooks/first_figure_hook.py)."""

from __future__ import annotations

import re

import pytest

from activations import REGISTRY
from first_figure_hook import eager_first_figure


def _img(stem: str, theme: str, extra: str = "") -> str:
    return (f'<img alt="a plot" height="346" loading="lazy" src="../../generated/figures/{stem}-{theme}.svg'
            f'#only-{theme}" width="538"{extra} />')


def _lazy(html: str) -> dict[str, bool]:
    return {m.group(2): "loading=\"lazy\"" in m.group(0)
            for m in re.finditer(r'<img\b[^>]*?(figures/)([^"]*?\.svg)[^>]*>', html)}


def test_the_first_figure_before_the_second_section_loads_eagerly_in_both_schemes_and_later_ones_lazily():
    html = ("<h1>ReLU</h1><p>intro</p><h2>Definition</h2>" + '<img alt="logo" src="x.png" loading="lazy" />'
            + _img("relu", "light") + _img("relu", "dark") + _img("relu-zoom", "light") + _img("relu-zoom", "dark")
            + "<h2>Properties</h2>" + _img("relu-grad", "light") + _img("relu-grad", "dark"))
    assert _lazy(eager_first_figure(html)) == {
        "relu-light.svg": False, "relu-dark.svg": False,
        "relu-zoom-light.svg": True, "relu-zoom-dark.svg": True, "relu-grad-light.svg": True, "relu-grad-dark.svg": True}
    assert 'src="x.png" loading="lazy"' in eager_first_figure(html)  # not a figure: left alone


@pytest.mark.parametrize("html", [
    # the first figure comes after the second section begins: it is not on the first screen
    "<h2>A</h2><p>text</p><h2>B</h2>" + _img("elu", "light") + _img("elu", "dark"),
    # a figure with a phone layout: an eager image is fetched even where it is not shown
    "<h2>A</h2>" + _img("xor", "light", ' class="figure-wide"') + _img("xor", "dark", ' class="figure-wide"')
    + _img("xor-phone", "light", ' class="figure-phone"') + _img("xor-phone", "dark", ' class="figure-phone"'),
])
def test_figures_off_the_first_screen_or_with_a_phone_layout_stay_lazy(html):
    assert eager_first_figure(html) == html


def test_on_the_built_site_each_activation_page_loads_its_first_figure_with_the_page_and_nothing_else_eagerly(site):
    pages = {entry.page_slug for entry in REGISTRY.values()}
    for page in pages:
        html = (site / "activations" / page / "index.html").read_text()
        article = html[html.index("<article"):]
        lazy = _lazy(article)
        eager = sorted(name for name, is_lazy in lazy.items() if not is_lazy)
        first = next(iter(lazy)).removesuffix("-light.svg").removesuffix("-dark.svg")
        assert eager == [f"{first}-dark.svg", f"{first}-light.svg"], (page, eager)
        second_section = [m.start() for m in re.finditer("<h2", article)][1]
        assert article.index(f"{first}-dark.svg") < second_section, page
