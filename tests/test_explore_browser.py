"""The figures a reader can explore, driven in a real browser (the fixtures of test_browser.py):
the keyboard and the pointer move the readout, what it shows is the module's value at the x it
shows, sliders redraw for the parameter values the module computed, the controls pass axe in both
schemes, and without JavaScript the static figure stays."""

from __future__ import annotations

import math
import re

import pytest

from activations import REGISTRY
from test_browser import SCHEMES, browser, served  # noqa: F401 (fixtures)

READOUT = re.compile(r"x = (\S+): (.+)\(x\) = (\S+), (.+)'\(x\) = (\S+)")


def _close(shown: str, exact: float) -> bool:
    value = float(shown.replace("∞", "inf"))
    if math.isinf(exact) or exact == 0:
        return value == exact
    return abs(value - exact) <= 5.01e-4 * abs(exact)


def _open(browser, served, slug: str, scheme: str = "light", **context):
    entry = REGISTRY[slug]
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, **context)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.goto(f"{served}activations/{entry.page_slug}/", wait_until="networkidle")
    return ctx, page, errors


def _shown(page, overlay, entry, params: dict) -> float:
    """The x the readout shows, after checking its f(x) and f'(x) against the module."""
    text = overlay.get_attribute("aria-valuetext")
    visible = page.locator(".af-readout").first.text_content()
    assert text == visible, (text, visible)
    m = READOUT.fullmatch(text)
    assert m and m.group(2) == m.group(4) == entry.name, text
    x = float(m.group(1))
    assert _close(m.group(3), float(entry.fn(x, **params))), (text, params)
    assert _close(m.group(5), float(entry.derivative(x, **params))), (text, params)
    assert float(overlay.get_attribute("aria-valuenow")) == x
    return x


@pytest.mark.parametrize("slug", ["elu", "sigmoid", "binary-step"])
def test_the_readout_follows_the_arrow_keys_and_the_pointer_and_shows_the_modules_values(browser, served, slug):
    entry = REGISTRY[slug]
    lo, hi = entry.x_range
    step = (hi - lo) / 200
    ctx, page, errors = _open(browser, served, slug)
    overlay = page.locator(".af-overlay").first
    overlay.focus()
    page.keyboard.press("Home")
    assert _shown(page, overlay, entry, {}) == lo
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert _shown(page, overlay, entry, {}) == pytest.approx(lo + 3 * step)
    page.keyboard.press("ArrowLeft")
    assert _shown(page, overlay, entry, {}) == pytest.approx(lo + 2 * step)
    page.keyboard.press("End")
    assert _shown(page, overlay, entry, {}) == hi
    page.keyboard.press("PageDown")
    assert _shown(page, overlay, entry, {}) == pytest.approx(hi - 10 * step)
    page.keyboard.press("ArrowRight")  # the marker and its dots are shown while the figure has focus
    assert page.locator(".af-overlay.af-active .af-cursor").first.is_visible()
    # the pointer: a quarter of the way across the plotted area reads x a quarter of the way along
    box = overlay.bounding_box()
    page.mouse.move(box["x"] + 0.25 * box["width"], box["y"] + box["height"] / 2)
    assert abs(_shown(page, overlay, entry, {}) - (lo + 0.25 * (hi - lo))) <= step
    # the overlay covers the figure's plotted area (the image's axes box, which the data test
    # matches to the SVG), so the x read under the pointer is the x the figure has there
    img = page.locator("img[data-explore]:visible").first.bounding_box()
    assert img["x"] < box["x"] < box["x"] + box["width"] <= img["x"] + img["width"] + 1
    ctx.close()
    assert not errors, errors


def test_without_javascript_the_static_figure_stays(browser, served):
    ctx, page, _ = _open(browser, served, "elu", java_script_enabled=False)
    assert page.locator("img[data-explore]").first.is_visible()
    assert page.locator(".af-overlay, .af-readout, .af-controls").count() == 0
    ctx.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_controls_in_use_pass_axe_in_both_schemes(browser, served, scheme):
    from axe_playwright_python.sync_playwright import Axe

    ctx, page, errors = _open(browser, served, "hard-tanh", scheme)
    page.locator(".af-overlay").first.focus()
    page.keyboard.press("ArrowRight")
    controls = page.locator(".af-overlay, .af-controls input")
    assert controls.count() >= 1
    for i in range(controls.count()):  # every control has a name a screen reader announces
        name = controls.nth(i).evaluate("e => e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || ''")
        assert name.strip(), controls.nth(i).evaluate("e => e.outerHTML")
    violations = Axe().run(page).response["violations"]
    ctx.close()
    assert not violations, [(v["id"], v["nodes"][0]["target"]) for v in violations]
    assert not errors, errors
