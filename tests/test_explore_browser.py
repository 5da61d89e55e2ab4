"""The figures a reader can explore, driven in a real browser (the fixtures of test_browser.py):
the keyboard and the pointer move the readout, what it shows is the module's value at the x it
shows, sliders redraw for the parameter values the module computed, the controls pass axe in both
schemes, and without JavaScript the static figure stays."""

from __future__ import annotations

import itertools
import json
import math
import re

import numpy as np
import pytest

from activations import REGISTRY
from formatting import show
from tests.browsing import SCHEMES, axe, open_settled

READOUT = re.compile(r"x = (\S+): (.+)\(x\) = (\S+), (.+)'\(x\) = (\S+)( \(convention\))?")
CONVENTION = " (convention)"
KOREAN = "ko/"  # where the Korean pages are, under the site's root


def _messages(locale: str = "") -> dict:
    """The words the widgets show in a language, as the generator wrote them for the pages."""
    import generated

    return json.loads(generated.read(f"{locale}interactive/messages.json"))


def _english_words(text: str, allowed=()) -> list[str]:
    """The words of two or more Latin letters in `text`, but the names in `allowed` (an activation's
    name, a parameter's): what a Korean reader would find untranslated."""
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def _widget_text(locator) -> str:
    """Everything a widget shows or announces: its text, option texts, and accessible names and values."""
    return locator.evaluate("""root => [root.innerText,
      ...Array.from(root.querySelectorAll('option'), o => o.textContent),
      ...Array.from(root.querySelectorAll('[aria-label], [aria-valuetext]'),
                    e => `${e.getAttribute('aria-label') || ''} ${e.getAttribute('aria-valuetext') || ''}`)].join('\\n')""")


def _close(shown: str, exact: float) -> bool:
    value = float(shown.removesuffix(CONVENTION).replace("∞", "inf"))
    if math.isinf(exact) or exact == 0:
        return value == exact
    return abs(value - exact) <= 5.01e-4 * abs(exact)


def _open(browser, served, slug: str, scheme: str = "light", locale: str = "", **context):
    """The entry's page (in the language under `locale`, "ko/"; English at the root by default)."""
    entry = REGISTRY[slug]
    context.setdefault("viewport", {"width": 1280, "height": 900})
    ctx = browser.new_context(color_scheme=scheme, **context)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    open_settled(page, f"{served}{locale}activations/{entry.page_slug}/", scripts=context.get("java_script_enabled", True))
    return ctx, page, errors


def _shown(page, overlay, entry, params: dict, readout=None) -> float:
    """The x the readout shows, after checking its f(x) and f'(x) against the module."""
    text = overlay.get_attribute("aria-valuetext")
    visible = (readout or page.locator(".af-readout").first).text_content()
    assert text == visible, (text, visible)
    m = READOUT.fullmatch(text)
    assert m and m.group(2) == m.group(4) == entry.name, text
    x = float(m.group(1))
    assert _close(m.group(3), float(entry.fn(x, **params))), (text, params)
    assert _close(m.group(5), float(entry.derivative(x, **params))), (text, params)
    assert float(overlay.get_attribute("aria-valuenow")) == x
    return x


@pytest.mark.parametrize(("slug", "locale"), [("elu", KOREAN), ("sigmoid", ""), ("binary-step", "")])
def test_the_readout_follows_the_arrow_keys_and_the_pointer_and_shows_the_modules_values(browser, served, slug, locale):
    """On a Korean page (ELU's) the same numbers, and every word the figure shows or announces, its
    sliders' and the properties' beside them, in Korean."""
    entry = REGISTRY[slug]
    lo, hi = entry.x_range
    step = (hi - lo) / 200
    ctx, page, errors = _open(browser, served, slug, locale=locale)
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
    # the overlay covers exactly the figure's plotted area (the image's axes box, which the data
    # test matches to the SVG's ticks), so what is read and drawn sits where the figure has it
    img = page.locator("img[data-explore]:visible").first.bounding_box()
    up = "../" * locale.count("/")
    axes = page.evaluate(f"fetch('{up}../../generated/interactive/{slug}.json').then(r => r.json()).then(d => d.box)")
    for got, want in ((box["x"], img["x"] + axes[0] * img["width"]), (box["y"], img["y"] + axes[1] * img["height"]),
                      (box["width"], axes[2] * img["width"]), (box["height"], axes[3] * img["height"])):
        assert got == pytest.approx(want, abs=1.0), (box, img, axes)
    if locale:
        _check_translated(page, entry, locale)
    ctx.close()
    assert not errors, errors


@pytest.mark.parametrize("at", [0.2, 0.75])
def test_on_a_phone_a_tap_on_the_figure_reads_x_where_the_finger_touched(browser, served, at):
    entry = REGISTRY["gelu"]
    lo, hi = entry.x_range
    ctx, page, errors = _open(browser, served, "gelu", viewport={"width": 412, "height": 823}, is_mobile=True,
                              has_touch=True, device_scale_factor=2)
    overlay = page.locator(".af-overlay").first
    overlay.scroll_into_view_if_needed()
    box = overlay.bounding_box()
    page.touchscreen.tap(box["x"] + at * box["width"], box["y"] + box["height"] / 2)
    assert abs(_shown(page, overlay, entry, {}) - (lo + at * (hi - lo))) <= (hi - lo) / 200 + (hi - lo) / box["width"]
    ctx.close()
    assert not errors, errors


def _check_translated(page, entry, locale: str) -> None:
    """The explorable figure on a page in another language: its words are that language's messages,
    the properties beside its sliders are translated, and no English word is left (the activation's
    and its parameters' names apart)."""
    t, english = _messages(locale)["explore"], _messages()["explore"]
    figure = _figure(page, entry.slug)
    overlay = figure.locator(".af-overlay")
    assert overlay.get_attribute("aria-label") == t["position"].format(name=entry.name) != english["position"].format(name=entry.name)
    assert figure.locator(".af-legend").text_content() == t["default"] != english["default"]
    words = [what for what, _ in _props(page).items()]
    assert words[:2] == [f"{entry.name}(0)", f"{entry.name}'(0)"] and len(words) == 4, words
    assert not set(words) & {"range", "minimum"}, words
    assert figure.locator(".af-controls input").count() == len(entry.params)
    left = _english_words(_widget_text(figure), (entry.name, *entry.params))
    assert not left, left


def test_without_javascript_the_static_figure_stays(browser, served):
    ctx, page, _ = _open(browser, served, "elu", java_script_enabled=False)
    assert page.locator("img[data-explore]").first.is_visible()
    assert page.locator(".af-overlay, .af-readout, .af-controls").count() == 0
    ctx.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_controls_in_use_pass_axe_in_both_schemes(browser, served, scheme):
    """axe on the figure with its readout and sliders, in use (the page around it passes in
    test_browser.py)."""
    ctx, page, errors = _open(browser, served, "hard-tanh", scheme)
    page.locator(".af-overlay").first.focus()
    page.keyboard.press("ArrowRight")
    controls = page.locator(".af-overlay, .af-controls input")
    assert controls.count() >= 1
    for i in range(controls.count()):  # every control has a name a screen reader announces
        name = controls.nth(i).evaluate("e => e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || ''")
        assert name.strip(), controls.nth(i).evaluate("e => e.outerHTML")
    _figure(page, "hard-tanh").evaluate("e => e.setAttribute('data-axe-scope', '')")
    violations = axe(page, within="[data-axe-scope]")
    ctx.close()
    assert not violations, [(v["id"], v["nodes"][0]["target"]) for v in violations]
    assert not errors, errors


def _props(page) -> dict[str, str]:
    text = page.locator(".af-props").first.text_content()
    return dict(part.split(" = ", 1) for part in text.split(": ", 1)[1].split("; "))


def _curve_point(page, cls: str) -> tuple[float, float]:
    """The first point of a curve drawn over the figure, in its 0..1000 box."""
    d = page.locator(f"path.{cls}").first.get_attribute("d")
    x, y = re.match(r"M([-\d.]+) ([-\d.]+)", d).groups()
    return float(x), float(y)


@pytest.mark.parametrize(("slug", "moves"), [("elu", {"alpha": ["Home", "ArrowRight"]}),
                                             ("softplus", {"beta": ["End"]}),
                                             ("hard-tanh", {"min_val": ["End"], "max_val": ["Home"]})])
def test_sliders_redraw_the_curves_and_readouts_with_the_modules_values(browser, served, slug, moves):
    """Each slider is driven with the keyboard; the value it announces, the curves drawn, the
    readout and the listed properties are checked against the module at that value."""
    import json

    entry = REGISTRY[slug]
    ctx, page, errors = _open(browser, served, slug)
    params = dict(entry.params)
    for name, keys in moves.items():
        slider = page.get_by_label(name, exact=True)
        slider.focus()
        for key in keys:
            page.keyboard.press(key)
        announced = slider.get_attribute("aria-valuetext")
        assert announced.startswith(f"{name} = "), announced
        params[name] = float(announced.split(" = ")[1])
    assert params != dict(entry.params)
    # the values reached are the ends (or the second step) of what the sliders offer
    data = json.loads(page.evaluate(f"fetch('../../generated/interactive/{slug}.json').then(r => r.text())"))
    offered = {p["name"]: [float(v) for v in p["values"]] for p in data["params"]}
    for name, keys in moves.items():
        expected = {"Home": 0, "End": -1}[keys[0]] + (1 if keys[1:] == ["ArrowRight"] else 0)
        assert params[name] == offered[name][expected], (name, params[name], offered[name])
    props = _props(page)
    assert _close(props[f"{entry.name}(0)"], float(entry.fn(0.0, **params))), props
    assert _close(props[f"{entry.name}'(0)"], float(entry.derivative(0.0, **params))), props
    # the curves drawn start at (x0, f(x0)) and (x0, f'(x0)) for these parameters, on the figure's axes
    (x0, x1), (y0, y1) = data["xlim"], data["ylim"]
    lo = entry.x_range[0]
    for cls, g in (("af-curve-f", entry.fn), ("af-curve-d", entry.derivative)):
        px, py = _curve_point(page, cls)
        assert px == pytest.approx(1000 * (lo - x0) / (x1 - x0), abs=0.1)
        assert py == pytest.approx(1000 * (y1 - float(g(lo, **params))) / (y1 - y0), abs=1.0), cls
    # and the readout along the figure now reads the curve for these parameters
    overlay = page.locator(".af-overlay").first
    overlay.focus()
    page.keyboard.press("Home")
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    _shown(page, overlay, entry, params)
    ctx.close()
    assert not errors, errors


def _show(v) -> str:
    """formatting.show, the site's number format, which the playground's table uses."""
    return show(float(v))


def _playground(browser, served, scheme: str = "light", locale: str = ""):
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    open_settled(page, f"{served}{locale}activations/softmax/")
    page.locator("[data-playground] .af-p").first.wait_for()
    return ctx, page, errors


def _table(page) -> tuple[list[float], list[str], list[float]]:
    """Scores, shown probabilities and the full probabilities behind them."""
    root = page.locator("[data-playground]")
    scores = [float(v) for v in root.locator("input[type=number]").evaluate_all("l => l.map(i => i.value)")]
    shown = root.locator(".af-p").all_inner_texts()
    full = [float(v) for v in root.locator(".af-p").evaluate_all("l => l.map(c => c.dataset.p)")]
    return scores, shown, full


def test_softmax_playground_in_the_browser_agrees_with_the_module_to_1e_12(browser, served):
    """A few hundred random scores typed into the playground (at every temperature), and rows of
    other lengths given to its function, the seed's overflow example among them."""
    from activations import softmax
    from softmax_playground import TEMPERATURES
    from softmax_outputs import OVERFLOW

    rng = np.random.default_rng(2026)
    scales = [1.0, 10.0, 100.0, 700.0]
    typed = [[[float(v) for v in rng.normal(rng.choice([0.0, 1000.0, -500.0]), rng.choice(scales), 4)],
              int(rng.integers(len(TEMPERATURES)))] for _ in range(300)]
    typed += [[[1010.0, 1000.0, 990.0, 1000.0], 2], [[3.0, 3.0, 3.0, 3.0], 0], [[-1e5, 1e5, 0.0, 1e-300], 5]]
    rows = [[float(v) for v in rng.normal(0, rng.choice(scales), int(rng.integers(1, 9)))] for _ in range(200)]
    rows += [[float(v) for v in OVERFLOW], [-1000.0, -1000.0], [0.0]]
    ctx, page, errors = _playground(browser, served)
    got_typed = page.evaluate("""(cases) => {
      const root = document.querySelector('[data-playground]');
      const inputs = root.querySelectorAll('input[type=number]'), temp = root.querySelector('input[type=range]');
      return cases.map(([scores, k]) => {
        temp.value = k; temp.dispatchEvent(new Event('input'));
        scores.forEach((s, i) => { inputs[i].value = String(s); inputs[i].dispatchEvent(new Event('input')); });
        return Array.from(root.querySelectorAll('.af-p')).map(c => [Number(c.dataset.p), c.textContent]);
      });
    }""", typed)
    got_rows = page.evaluate("rows => rows.map(r => document.querySelector('[data-playground]').softmax(r))", rows)
    ctx.close()
    assert not errors, errors
    worst = 0.0
    for (scores, k), got in zip(typed, got_typed):
        want = softmax(np.array(scores) / TEMPERATURES[k])
        p = np.array([g[0] for g in got])
        worst = max(worst, float(np.max(np.abs(p - want))))
        assert all(_close(text, w) for (_, text), w in zip(got, want)), (scores, got, want)
    for row, got in zip(rows, got_rows):
        worst = max(worst, float(np.max(np.abs(np.array(got) - softmax(row)))))
    assert worst <= 1e-12, worst
    assert got_rows[-3] == pytest.approx(softmax(OVERFLOW).tolist(), abs=1e-12) and np.all(np.isfinite(got_rows[-3]))


def test_softmax_playground_presets_temperature_and_typed_scores_work_with_the_keyboard(browser, served):
    from activations import softmax
    from softmax_outputs import SCORES

    ctx, page, errors = _playground(browser, served)
    scores, shown, _ = _table(page)
    assert scores == SCORES and shown == [_show(v) for v in softmax(SCORES)]  # the worked example, T = 1
    page.get_by_label("Scores", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the next preset
    scores, shown, _ = _table(page)
    assert scores != SCORES and shown == [_show(v) for v in softmax(scores)], (scores, shown)
    slider = page.get_by_label("Temperature T")
    slider.focus()
    page.keyboard.press("ArrowRight")
    t = float(slider.get_attribute("aria-valuetext").split(" = ")[1])
    assert t == 2
    scores, shown, _ = _table(page)
    assert shown == [_show(v) for v in softmax(np.array(scores) / t)], (scores, shown)
    first = page.locator("[data-playground] input[type=number]").first
    first.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("1234.5")
    scores, shown, full = _table(page)
    assert scores[0] == 1234.5 and page.get_by_label("Scores", exact=True).input_value() == "own"
    assert np.max(np.abs(np.array(full) - softmax(np.array(scores) / t))) <= 1e-12
    assert "your browser" in page.locator(".af-playground-source").text_content()
    ctx.close()
    assert not errors, errors


@pytest.mark.parametrize("scheme", SCHEMES)
def test_softmax_playground_passes_axe_in_both_schemes(browser, served, scheme):
    ctx, page, errors = _playground(browser, served, scheme)
    page.get_by_label("Temperature T").focus()
    violations = axe(page, within="[data-playground]")
    ctx.close()
    assert not violations, [(v["id"], v["nodes"][0]["target"]) for v in violations]
    assert not errors, errors


def test_without_javascript_the_playground_is_absent(browser, served):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    open_settled(page, f"{served}activations/softmax/", scripts=False)
    assert page.locator("[data-playground]").inner_text() == ""
    assert page.locator("[data-playground] input, [data-playground] select").count() == 0
    ctx.close()


def _open_compare(browser, served):
    """The all-activations page with its comparison drawn: (context, page, widget, page errors)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_settled(page, f"{served}all-activations/")
    root = page.locator("[data-compare]")
    root.locator("svg path.af-cmp-curve").first.wait_for()
    return ctx, page, root, errors


def test_compare_draws_the_picked_activations_on_shared_axes_with_the_keyboard(browser, served):
    """Pick activations with the keyboard; the legend, the curves drawn and the values read at x
    follow, and the values are the module's."""
    ctx, page, root, errors = _open_compare(browser, served)
    picker = page.get_by_label("Activation 3")
    picker.focus()
    page.keyboard.press("End")  # the last activation in the list
    picker4 = page.get_by_label("Activation 4")
    picker4.focus()
    page.keyboard.press("ArrowDown")  # from (none) to the first activation
    slugs = [page.get_by_label(f"Activation {k}").input_value() for k in (1, 2, 3, 4)]
    assert len(set(slugs)) == 4 and all(slugs), slugs
    names = [REGISTRY[s].name for s in slugs]
    assert [t.strip() for t in root.locator(".af-compare-legend li").all_inner_texts()] == names
    for which in ("f", "d"):  # one curve per activation in each panel
        assert root.locator(f"svg.af-compare-chart >> nth={0 if which == 'f' else 1}").locator("path").count() == 4
    x_slider = page.get_by_label("Read at x")
    x_slider.focus()
    page.keyboard.press("Home")
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    x = float(x_slider.get_attribute("aria-valuetext").split(" = ")[1])
    rows = root.locator(".af-compare-table tbody tr")
    assert rows.count() == 4
    for k, slug in enumerate(slugs):
        name, fx, dx = rows.nth(k).locator("td").all_inner_texts()
        entry = REGISTRY[slug]
        assert name == entry.name
        assert _close(fx, float(entry.fn(x))) and _close(dx, float(entry.derivative(x))), (slug, x, fx, dx)
    # each curve starts at f(-4), or f'(-4), of its activation, on its panel's fixed axes
    for panel, g, (y0, y1) in ((0, "fn", (-2, 4)), (1, "derivative", (-1.5, 2.5))):
        for slug in slugs:
            d = root.locator("svg.af-compare-chart").nth(panel).locator(f'path[data-slug="{slug}"]').get_attribute("d")
            px, py = (float(v) for v in re.match(r"M([-\d.]+) ([-\d.]+)", d).groups())
            y = min(max(float(getattr(REGISTRY[slug], g)(-4.0)), y0 - 1), y1 + 1)
            assert px == pytest.approx(34, abs=0.1), (slug, g)
            assert py == pytest.approx(22 + (y1 - y) / (y1 - y0) * 214, abs=0.1), (slug, g, y)
    ctx.close()
    assert not errors, errors


def test_compare_marks_f_prime_as_a_convention_where_the_derivative_does_not_exist(browser, served):
    """ReLU, the threshold and hardshrink picked, read with the keyboard at x = 0 and x = 0.5: by
    hand, ReLU and the threshold have no derivative at 0 (a kink; a jump of f'), hardshrink none at
    +-0.5 (f jumps there); their f'(x) there says (convention), in the table the screen reader is
    told of, and nowhere else."""
    ctx, page, root, errors = _open_compare(browser, served)
    for k, slug in enumerate(("relu", "threshold", "hardshrink", "")):
        page.get_by_label(f"Activation {k + 1}").select_option(slug)
    assert root.locator(".af-compare-table tbody").get_attribute("aria-live") == "polite"
    x_slider = page.get_by_label("Read at x")
    x_slider.focus()
    page.keyboard.press("Home")
    seen = {}
    for _ in range(int(x_slider.get_attribute("max"))):
        page.keyboard.press("ArrowRight")
        x = float(x_slider.get_attribute("aria-valuetext").split(" = ")[1])
        rows = root.locator(".af-compare-table tbody tr").all_inner_texts()
        seen[x] = {line.split("\t")[0]: line.split("\t")[2] for line in rows}
    relu, thr, hs = (REGISTRY[s].name for s in ("relu", "threshold", "hardshrink"))
    assert seen[0.0] == {relu: "0 (convention)", thr: "0 (convention)", hs: "0"}, seen[0.0]
    assert seen[0.5] == {relu: "1", thr: "1", hs: "0 (convention)"}, seen[0.5]
    assert seen[-0.5][hs] == "0 (convention)", seen[-0.5]
    marked = sorted((x, name) for x, row in seen.items() for name, d in row.items() if d.endswith("(convention)"))
    assert marked == [(-0.5, hs), (0.0, relu), (0.0, thr), (0.5, hs)], marked
    ctx.close()
    assert not errors, errors


@pytest.mark.parametrize(("scheme", "locale"), list(zip(SCHEMES, ("", KOREAN))))
def test_compare_passes_axe_in_both_schemes(browser, served, scheme, locale):
    """In the dark scheme on the Korean page, whose comparison speaks Korean, the activations' names too."""

    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    open_settled(page, f"{served}{locale}all-activations/")
    page.locator("[data-compare] svg path.af-cmp-curve").first.wait_for()
    page.get_by_label(_messages(locale)["compare"]["picker"].format(n=4), exact=True).focus()
    page.keyboard.press("ArrowDown")
    violations = axe(page, within="[data-compare]")
    if locale:
        page.get_by_label(_messages(locale)["compare"]["picker"].format(n=1), exact=True).select_option("relu")
        x = page.get_by_label(_messages(locale)["compare"]["read"], exact=True)
        import generated

        _to(page, x, json.loads(generated.read("interactive/compare.json"))["x"].index("0"))  # ReLU's f'(0): a convention
        convention = _messages(locale)["compare"]["convention"].format(value="0")
        assert convention in page.locator(".af-compare-table").inner_text()
        # the activations by their Korean names (Sigmoid as 시그모이드), in the pickers, legend, table and labels
        names = _messages(locale)["names"]
        options = page.get_by_label(_messages(locale)["compare"]["picker"].format(n=1), exact=True).locator("option")
        data = json.loads(generated.read("interactive/compare.json"))
        assert options.all_inner_texts() == [names[e["slug"]] for e in data["entries"]]
        assert names["sigmoid"] != REGISTRY["sigmoid"].name
        left = _english_words(_widget_text(page.locator("[data-compare]")), names.values())
        assert not left, left
    ctx.close()
    assert not violations, [(v["id"], v["nodes"][0]["target"]) for v in violations]


def test_numbers_typed_into_the_playground_are_printed_as_the_site_prints_them(browser, served):
    """explore.js's show() against formatting.show, on the cases where one rule hands over to the
    next: a probability of 1e-30 must not read 0.000000. On the Korean page, whose playground is
    in Korean: the seed's class names, the labels and what it announces, with the same numbers."""
    from activations import softmax
    from softmax_outputs import CLASSES, SCORES

    values = [1.0, 0.5, 0.25, 1e-4, 1e-5, 123456.0, 1e6, 0.1234567, 1 / 3, 1234.5678, 12345.678, 1.2e-25,
              0.999999999, 0.6652409557748219, 1e-300, 5e-324, 0.0001234567, 0.0]
    ctx, page, errors = _playground(browser, served, locale=KOREAN)
    assert page.evaluate(f"{values!r}.map(show)") == [_show(v) for v in values]
    t = _messages(KOREAN)["playground"]
    root = page.locator("[data-playground]")
    assert root.locator("tbody td:first-child").all_inner_texts() == [ko for ko, _ in CLASSES]
    slider = page.get_by_label(t["temperature"], exact=True)
    assert slider.get_attribute("aria-valuetext") == "T = 1"
    assert page.get_by_label(t["scores"], exact=True).input_value() == "0"
    first = page.get_by_label(t["score_of"].format(name=CLASSES[0][0]), exact=True)
    scores, shown, _ = _table(page)
    assert first.input_value() == "2" and scores == SCORES and shown == [_show(v) for v in softmax(SCORES)]
    assert root.locator(".af-playground-source").text_content().startswith(t["most_probable"].format(name=CLASSES[1][0]))
    left = _english_words(_widget_text(root))
    assert not left, left
    assert not errors, errors
    ctx.close()


def _figure(page, slug: str):
    """The element holding one entry's explorable figure, its readout and its controls."""
    return page.locator(f".af-frame:has(img[data-explore='{slug}'])").locator("xpath=..")


def _to(page, slider, position: int) -> None:
    """Move a range input to a position with the keyboard."""
    slider.focus()
    page.keyboard.press("Home")
    for _ in range(position):
        page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("slug", sorted(e.slug for e in REGISTRY.values() if e.elementwise and e.params))
def test_every_position_the_sliders_reach_draws_the_modules_curve(browser, served, slug):
    """Each parameter's slider moves on its own over all its positions: every combination of
    positions, reached with the keyboard, must draw a curve (no empty figure) and read the module's
    values for the parameters the sliders announce; where the curve leaves the figure's y axis, the
    legend says so and only then."""
    entry = REGISTRY[slug]
    ctx, page, errors = _open(browser, served, slug)
    figure = _figure(page, slug)
    overlay, readout = figure.locator(".af-overlay"), figure.locator(".af-readout")
    data = json.loads(page.evaluate(f"fetch('../../generated/interactive/{slug}.json').then(r => r.text())"))
    (y0, y1) = data["ylim"]
    x = np.array([float(v) for v in data["x"]])
    sliders = {name: figure.get_by_label(name, exact=True) for name in entry.params}
    positions = [range(int(s.get_attribute("max")) + 1) for s in sliders.values()]
    assert all(len(r) >= 3 for r in positions), positions
    seen = 0
    for combo in itertools.product(*positions):
        for (name, slider), k in zip(sliders.items(), combo):
            _to(page, slider, k)
        # the values announced, and the exact ones behind them (1/3 is announced as 0.3333)
        for p, k, (name, slider) in zip(data["params"], combo, sliders.items()):
            assert slider.get_attribute("aria-valuetext") == f"{name} = {p['values'][k]}"
        params = {p["name"]: p["exact"][k] for p, k in zip(data["params"], combo)}
        shown = [p["values"][k] for p, k in zip(data["params"], combo)]
        assert shown in [c["params"] for c in data["curves"]], f"{slug}: no curve for {params}, an empty figure"
        overlay.focus()
        page.keyboard.press("Home")
        for key in ["PageUp"] * 3 + ["ArrowRight"] * 7:  # to the 37th sample, ten at a time, then one
            page.keyboard.press(key)
        _shown(page, overlay, entry, params, readout)
        legend = figure.locator(".af-legend").text_content()
        if params == dict(entry.params):
            assert figure.locator("path.af-curve-f").count() == 0 and legend.startswith("The default values"), legend
        else:
            d = figure.locator("path.af-curve-f").get_attribute("d")
            assert d.startswith("M") and d.count("L") > 100, (params, d[:80])
            y = np.concatenate([entry.fn(x, **params), entry.derivative(x, **params)])
            leaves = not np.all((y >= y0) & (y <= y1))
            assert ("leaves the figure's y axis is cut off" in legend) == leaves, (params, legend)
        seen += 1
    ctx.close()
    assert seen == math.prod(len(r) for r in positions)
    assert not errors, errors


def _walk(page, overlay) -> list[str]:
    """What the readout announces at every sample, from the left end to the right (End's x)."""
    overlay.focus()
    page.keyboard.press("End")
    last = overlay.get_attribute("aria-valuetext")
    page.keyboard.press("Home")
    said = [overlay.get_attribute("aria-valuetext")]
    while said[-1] != last:
        page.keyboard.press("ArrowRight")
        said.append(overlay.get_attribute("aria-valuetext"))
        assert said[-1] != said[-2], said[-2:]  # each key moves on
    return said


@pytest.mark.parametrize(("slug", "setting", "kinks"), [
    ("relu", {}, [0.0]),  # f' jumps from 0 to 1
    ("hardshrink", {"lambd": 0.3}, [-0.3, 0.3]),  # its jumps move with lambda
    ("hard-tanh", {"min_val": -0.75, "max_val": 0.75}, [-0.75, 0.75]),  # the knees move with the bounds
    ("elu", {"alpha": 0.5}, [0.0]),  # f' jumps from alpha to 1
    ("elu", {}, []),  # alpha = 1: f' is continuous at 0, so 0 is no kink
])
def test_the_readout_says_convention_where_the_derivative_does_not_exist(browser, served, slug, setting, kinks):
    """Keyboard to each x: f'(x) is marked '(convention)', on screen and for a screen reader,
    exactly at the kinks and jumps of the function for the sliders' values, hand-derived here."""
    entry = REGISTRY[slug]
    ctx, page, errors = _open(browser, served, slug)
    figure = _figure(page, slug)
    data = json.loads(page.evaluate(f"fetch('../../generated/interactive/{slug}.json').then(r => r.text())"))
    offered = {p["name"]: p["exact"] for p in data["params"]}
    params = {**entry.params, **setting}
    for name, value in setting.items():
        slider = figure.get_by_label(name, exact=True)
        _to(page, slider, offered[name].index(value))
        assert slider.get_attribute("aria-valuetext") == f"{name} = {show(value)}"
    overlay = figure.locator(".af-overlay")
    said = _walk(page, overlay)
    marked = [float(READOUT.fullmatch(t).group(1)) for t in said if t.endswith(CONVENTION)]
    assert marked == kinks, (params, marked)
    for k in kinks:  # at the kink: the module's conventional value, in the visible readout too
        overlay.focus()
        page.keyboard.press("Home")
        for _ in range(said.index(next(t for t in said if t.startswith(f"x = {show(k)}:")))):
            page.keyboard.press("ArrowRight")
        text = figure.locator(".af-readout").text_content()
        assert text == overlay.get_attribute("aria-valuetext")
        name = entry.name
        assert text == (f"x = {show(k)}: {name}(x) = {show(float(entry.fn(k, **params)))}, "
                        f"{name}'(x) = {show(float(entry.derivative(k, **params)))}{CONVENTION}"), text
    ctx.close()
    assert not errors, errors


@pytest.mark.parametrize(("slug", "kinks"), [
    ("hardshrink", [-0.5, 0.5]),  # lambda = 0.5: f jumps from -0.5 to 0 and from 0 to 0.5
    ("softshrink", [-0.5, 0.5]),  # lambda = 0.5: f' steps between 1 and 0
    ("hard-tanh", [-1.0, 1.0]),  # the bounds -1 and 1: f' steps between 0 and 1
])
def test_at_the_defaults_the_keyboard_and_the_pointer_reach_each_kink_and_say_convention(browser, served, slug, kinks):
    """At the default parameters, with no slider moved, the arrow keys stop at each kink or jump
    (found by hand here), and so does the pointer held over it: the readout there gives the module's
    values with f'(x) marked '(convention)', and nowhere else."""
    entry = REGISTRY[slug]
    ctx, page, errors = _open(browser, served, slug)
    figure = _figure(page, slug)
    overlay, readout = figure.locator(".af-overlay"), figure.locator(".af-readout")

    def expected(k: float) -> str:
        name = entry.name
        return (f"x = {show(k)}: {name}(x) = {show(float(entry.fn(k)))}, "
                f"{name}'(x) = {show(float(entry.derivative(k)))}{CONVENTION}")

    said = _walk(page, overlay)
    assert [float(READOUT.fullmatch(t).group(1)) for t in said if t.endswith(CONVENTION)] == kinks, said
    for k in kinks:
        assert expected(k) in said, (k, [t for t in said if t.endswith(CONVENTION)])
    (x0, x1) = entry.x_range
    box = overlay.bounding_box()
    for k in kinks:  # the pointer over the kink's x on the figure
        page.mouse.move(box["x"] + (k - x0) / (x1 - x0) * box["width"], box["y"] + box["height"] / 2)
        assert overlay.get_attribute("aria-valuetext") == readout.text_content() == expected(k)
    ctx.close()
    assert not errors, errors


def _points(d: str) -> list[tuple[str, float, float]]:
    """A drawn path's commands, each with its point in the 0..1000 box."""
    return [(c, float(x), float(y)) for c, x, y in re.findall(r"([ML])([-\d.]+) ([-\d.]+)", d)]


@pytest.mark.parametrize(("slug", "setting", "jumps"), [
    # lambda = 1: f jumps from -1 to 0 at -1 and from 0 to 1 at 1; f' from 1 to 0, then 0 to 1
    ("hardshrink", {"lambd": 1.0}, {"f": [(-1.0, -1.0, 0.0), (1.0, 0.0, 1.0)], "d": [(-1.0, 1.0, 0.0), (1.0, 0.0, 1.0)]}),
    # threshold 0.5, value 0: f jumps from 0 to 0.5 at 0.5, f' from 0 to 1
    ("threshold", {"threshold": 0.5}, {"f": [(0.5, 0.0, 0.5)], "d": [(0.5, 0.0, 1.0)]}),
    # lambda = 0.2: jumps of 0.2, small beside the y span, are jumps all the same
    ("hardshrink", {"lambd": 0.2}, {"f": [(-0.2, -0.2, 0.0), (0.2, 0.0, 0.2)], "d": [(-0.2, 1.0, 0.0), (0.2, 0.0, 1.0)]}),
])
def test_a_jump_is_drawn_at_its_x_between_the_two_limits(browser, served, slug, setting, jumps):
    """Moved off the default, the curves drawn over the figure jump where the function does: the
    line reaches the jump's x at the limit from the left and goes on from the same x at the limit
    from the right (each jump (x, left, right) derived by hand), and is lifted nowhere else."""
    ctx, page, errors = _open(browser, served, slug)
    figure = _figure(page, slug)
    data = json.loads(page.evaluate(f"fetch('../../generated/interactive/{slug}.json').then(r => r.text())"))
    offered = {p["name"]: p["exact"] for p in data["params"]}
    for name, value in setting.items():
        _to(page, figure.get_by_label(name, exact=True), offered[name].index(value))
    (x0, x1), (y0, y1) = data["xlim"], data["ylim"]
    for key, cls in (("f", "af-curve-f"), ("d", "af-curve-d")):
        points = _points(figure.locator(f"path.{cls}").get_attribute("d"))
        assert points[0][0] == "M" and len(points) > 100, points[:3]
        # every place where the line is lifted: (x where it was, y where it was, x and y where it goes on)
        lifted = [(a[1], a[2], b[1], b[2]) for a, b in zip(points, points[1:]) if b[0] == "M"]
        hand = [(1000 * (k - x0) / (x1 - x0), 1000 * (y1 - lo) / (y1 - y0), 1000 * (k - x0) / (x1 - x0),
                 1000 * (y1 - hi) / (y1 - y0)) for k, lo, hi in jumps[key]]
        assert len(lifted) == len(hand) and all(
            all(abs(g - w) <= 0.1 for g, w in zip(got, want)) for got, want in zip(sorted(lifted), sorted(hand))
        ), (key, lifted, hand)
    ctx.close()
    assert not errors, errors


@pytest.mark.parametrize("back", [False, True])
def test_a_reader_who_reloads_or_comes_back_sees_the_place_they_left_though_the_sliders_are_drawn_late(browser, served, back):
    """The browser restores the scroll position before the sliders and their properties are drawn above
    it; without the script's own restoring, the heading the reader had at 200 px came back 152 px higher
    on a phone. A new visit to the page starts at its top, and each visit in the history keeps its own place."""
    ctx, page, errors = _open(browser, served, "elu", viewport={"width": 412, "height": 823}, is_mobile=True,
                              has_touch=True)
    heading = page.locator("h2").nth(1)
    assert page.locator(".af-controls").count() == 1

    def drawn():
        page.locator(".af-controls").wait_for()
        page.wait_for_timeout(500)

    page.evaluate("(h) => scrollTo(0, h.getBoundingClientRect().top + scrollY - 200)", heading.element_handle())
    page.wait_for_timeout(300)
    assert heading.bounding_box()["y"] == pytest.approx(200, abs=1)
    if back:
        page.goto(served + "choosing/", wait_until="load")
        page.go_back(wait_until="load")
    else:
        page.reload(wait_until="load")
    drawn()
    assert heading.bounding_box()["y"] == pytest.approx(200, abs=1)
    # a new visit to the page starts at its top; coming back to each visit finds that visit's place
    page.goto(served + "choosing/", wait_until="load")
    page.goto(served + "activations/elu/", wait_until="load")
    drawn()
    assert page.evaluate("scrollY") == 0
    page.evaluate("scrollTo(0, 400)")
    page.wait_for_timeout(500)
    page.goto(served + "choosing/", wait_until="load")
    page.go_back(wait_until="load")
    drawn()
    assert page.evaluate("scrollY") == 400
    page.go_back(wait_until="load")  # choosing/
    page.go_back(wait_until="load")  # the first visit
    drawn()
    assert heading.bounding_box()["y"] == pytest.approx(200, abs=1)
    ctx.close()
    assert not errors, errors
