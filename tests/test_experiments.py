"""The experiments (docs/experiments/*.py): each runs as a test, and its page is the executed notebook.

Each source is run here as the plain Python file it is; the assertions inside it check its own
claims, and the tests below check the key outcomes from what it computed. A translation,
<name>.<locale>.py, has the same code cell for cell (checked below), so only the English one runs.
"""

from __future__ import annotations

import base64
import json
import re
import runpy
from pathlib import Path

import jupytext
import nbformat
import numpy as np
import pytest
import yaml

import notebook_outputs
from conftest import ROOT
from figure_style import notebook as nb_figures
from svg_ids import ids_numbered
from test_site import DECIMAL, Page, _prose, nav_files, resolve, typed_numbers
from tests import languages

SOURCES = sorted((ROOT / "docs" / "experiments").glob("*.py"))  # English and translated
ENGLISH = languages.english(SOURCES)
TRANSLATED = [s for s in SOURCES if s not in ENGLISH]
GENERATED = ROOT / "docs" / "generated"
EXPLICIT_ID = re.compile(r"[ \t]*\{#([\w-]+)\}[ \t]*$", re.M)  # `## 결정 경계 {#decision-boundaries}`


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    """Every experiment run once as a script, with figures shown the way Jupyter shows them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(nb_figures.SITE_ENV, raising=False)
        return {source.stem: runpy.run_path(str(source), run_name="__main__") for source in ENGLISH}


def test_there_are_four_experiments():
    assert [s.stem for s in ENGLISH] == ["dying-relu", "softmax-numerics", "vanishing-gradients", "why-nonlinearity"]
    # each may have a translation, <name>.<locale>.py, of a built language
    assert all(languages.english_source(s) in ENGLISH and languages.locale_of(s) in languages.LANGUAGES
               for s in TRANSLATED), [s.name for s in TRANSLATED]
    assert languages.korean(SOURCES), "the Korean experiments are docs/experiments/<name>.ko.py"


def test_nonlinearity_solves_what_linear_models_cannot(results):
    scores = results["why-nonlinearity"]["scores"]
    assert scores["XOR", "linear model"] <= 0.75 and scores["XOR", "two linear layers"] <= 0.75
    assert all(scores["XOR", m] == 1.0 for m in ("ReLU", "tanh", "sigmoid"))
    assert all(scores["moons", m] >= 0.98 for m in ("ReLU", "tanh", "sigmoid")) and scores["moons", "linear model"] < 0.9


def test_sigmoid_gradients_vanish_and_unscaled_weights_explode(results):
    ratio = results["vanishing-gradients"]["ratio"]  # first layer's gradient norm / last layer's
    assert ratio["sigmoid", "xavier"] < 1e-6
    assert ratio["relu", "standard"] > 1e6 and ratio["gelu", "standard"] > 1e6
    assert 0.1 < ratio["relu", "he"] < 10 and 0.1 < ratio["tanh", "xavier"] < 10
    acc = results["vanishing-gradients"]["trained_accuracy"]
    assert acc["relu"] > 0.95 > 0.6 > acc["sigmoid"]
    assert acc["gelu"] < 0.6


def test_larger_weights_do_not_make_deep_sigmoid_learn(results):
    r = results["vanishing-gradients"]
    scaled = r["scaled"]  # factor -> (first / last gradient at init, median slope, accuracy)
    assert scaled[max(scaled)][0] > 1 and scaled[1][0] < 1e-6
    assert max(acc for _, _, acc in scaled.values()) < 0.85


def test_residual_connections_and_normalisation_fix_what_the_text_says(results):
    r = results["vanishing-gradients"]
    ratio, acc = r["fixed_ratio"], r["fixed_accuracy"]
    steps, longer, shorter = r["STEPS"], r["LONGER"], r["SHORTER"]
    assert ratio["sigmoid", "residual"] > 1e-2 and ratio["sigmoid", "layer norm"] < 1e-6
    assert ratio["relu", "residual"] > 1e3 and ratio["gelu", "residual"] > 1e3
    assert all(0.1 < ratio[a, "both"] < 10 for a in ("sigmoid", "tanh", "relu", "gelu"))
    assert acc["sigmoid", "residual", longer] > 0.95 and acc["sigmoid", "plain", longer] < 0.6
    assert acc["sigmoid", "residual", steps] < 0.6
    assert acc["gelu", "layer norm", shorter] > 0.95 and acc["gelu", "plain", steps] < 0.6 and shorter < steps


def test_large_learning_rates_kill_relu_units_and_not_elu_units(results):
    r = results["dying-relu"]
    fraction, rates = r["fraction"], r["RATES"]
    assert fraction["relu", rates[-1]] > 0.25 > 0.1 > fraction["relu", rates[0]]
    assert all(f == 0 for (a, _), f in fraction.items() if a == "elu" and f is not None)
    assert (r["grad_w"][:, r["dead"]] == 0).all()


def _came_back_counts(history) -> list[int]:
    """Per layer, units silent at some step and active at a later one, by walking the steps."""
    counts = []
    for layer in range(history.shape[1]):
        n = 0
        for unit in range(history.shape[2]):
            seen_silent = False
            for silent in history[:, layer, unit]:
                if seen_silent and not silent:
                    n += 1
                    break
                seen_silent = seen_silent or silent
        counts.append(n)
    return counts


def test_dead_first_layer_relu_units_stay_dead_and_deeper_ones_come_back(results):
    r = results["dying-relu"]
    relu = [r["runs"]["relu", lr, False] for lr in r["RATES"]]
    for run in relu:
        # a unit silent on every input gets exactly zero gradient: recompute it from the trained network
        net = run["net"]
        net.backward(r["cross_entropy_grad"](net.forward(r["x"]), r["y"]))
        for (h, z), g in zip(net.cache[:-1], net.signals[:-1]):
            dead = np.all(z <= 0, axis=0)
            assert (h.T @ g)[:, dead].tolist() == np.zeros((h.shape[1], dead.sum())).tolist()
        assert _came_back_counts(run["history"])[0] == 0
    assert _came_back_counts(relu[-1]["history"])[1] > 0


def test_each_dying_relu_remedy_shows_what_the_text_says(results):
    r = results["dying-relu"]
    runs, rates = r["runs"], r["RATES"]
    silent_end = {key: int(run["history"][-1].sum()) for key, run in runs.items() if run is not None}
    # leaky ReLU: every unit keeps a gradient, no first-layer unit comes back, as many silent as ReLU
    for lr in rates:
        leaky = runs["leaky-relu", lr, False]
        assert not leaky["no_gradient"].any() and _came_back_counts(leaky["history"])[0] == 0
    assert abs(silent_end["leaky-relu", rates[-1], False] - silent_end["relu", rates[-1], False]) <= 2
    # ELU: diverges at the two largest rates, no silent unit where it trains
    assert [runs["elu", lr, False] is None for lr in rates] == [False] * (len(rates) - 2) + [True, True]
    assert all(silent_end["elu", lr, False] == 0 for lr in rates[:-2])
    # ... and a first-layer unit that fell silent came back
    assert sum(_came_back_counts(runs["elu", lr, False]["history"])[0] for lr in rates[:-2]) >= 1
    # layer norm: a quarter or less of ReLU's silent units at the largest rate
    assert 4 * silent_end["relu", rates[-1], True] < silent_end["relu", rates[-1], False]
    # the accuracy claim: every run at rates from the third on fits the training set
    assert all(run["accuracy"] == 1.0 for (_, lr, _), run in runs.items() if run is not None and lr >= rates[2])


def test_textbook_softmax_breaks_where_the_exponential_does(results):
    import mpmath as mp

    rows = results["softmax-numerics"]["rows"]
    assert set(rows) == {"float16", "float32", "float64"}
    # largest finite (2 - 2^-m) 2^e and smallest subnormal 2^(1 - bias - m) of each type, in exact arithmetic
    formats = {"float16": (10, 15, 24), "float32": (23, 127, 149), "float64": (52, 1023, 1074)}
    with mp.workdps(30):  # local: a global setting would leak into every later mpmath test
        for name, (mant, emax, tiny_exp) in formats.items():
            over, log_max, under, log_half_tiny = rows[name]
            assert log_max == pytest.approx(float(mp.log((2 - mp.mpf(2) ** -mant) * mp.mpf(2) ** emax)), rel=1e-15)
            assert log_half_tiny == pytest.approx(float(mp.log(mp.mpf(2) ** (-tiny_exp - 1))), rel=1e-15)
            step = {"float16": 2.0 ** -6, "float32": 2.0 ** -16, "float64": 2.0 ** -42}[name]  # the grid near these values
            assert abs(over - log_max) <= step and abs(under - log_half_tiny) <= step
    assert rows["float16"][0] < 12  # float16 overflows for scores of about a dozen


def test_show_draws_both_schemes_for_the_site_and_one_figure_elsewhere(monkeypatch, capsys):
    from IPython.display import HTML, SVG

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    draw = lambda fig, ax, theme: ax.plot([0, 1], [0, 1], color=theme.primary)  # noqa: E731
    monkeypatch.setenv(nb_figures.SITE_ENV, "1")
    nb_figures.show(draw, "A rising line from (0, 0) to (1, 1).")
    monkeypatch.delenv(nb_figures.SITE_ENV)
    nb_figures.show(draw, "A rising line from (0, 0) to (1, 1).")
    site, elsewhere = shown
    assert isinstance(site, HTML) and isinstance(elsewhere, SVG)
    imgs = re.findall(r"<img [^>]+>", site.data)
    assert [re.search(r'#only-(\w+)"', i).group(1) for i in imgs] == ["light", "dark"]
    assert all('alt="A rising line from (0, 0) to (1, 1)."' in i and 'width="' in i for i in imgs)


@pytest.mark.parametrize("raster", [False, True], ids=["vector", "with a raster part"])
def test_the_site_s_figure_in_each_scheme_is_the_one_drawn_in_that_theme(monkeypatch, raster):
    """Both schemes' SVGs come from one drawing in placeholder colours (figure_style.in_every_theme), or,
    with a raster part whose pixels recolouring cannot reach, from a drawing in each theme."""
    from figure_style import THEMES, new_figure, svg_bytes, themed

    def draw(fig, ax, theme):
        ax.plot([0, 1], [0, 1], color=theme.primary, label="f")
        ax.fill_between([0, 1], [0, 0], [0, 1], color=theme.secondary, alpha=0.2, rasterized=raster)
        ax.legend()

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    monkeypatch.setenv(nb_figures.SITE_ENV, "1")
    nb_figures.show(draw, "A line over a band.")
    svgs = [base64.b64decode(s) for s in re.findall(r'base64,([A-Za-z0-9+/=]+)#only-', shown[0].data)]
    assert len(svgs) == len(THEMES)
    for svg, theme in zip(svgs, THEMES.values()):
        with themed(theme):
            fig, ax = new_figure(theme)
            draw(fig, ax, theme)
            direct = svg_bytes(fig, "A line over a band.")
        assert (svg == direct) == raster  # drawn in the theme only where recolouring cannot make it
        assert ids_numbered(svg) == ids_numbered(direct)


# --- the notebooks the build makes -----------------------------------------------------------


def test_every_experiment_is_in_the_nav_and_every_nav_experiment_exists():
    nav = nav_files(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["nav"])
    listed = sorted(f for f in nav if f.startswith("experiments/"))
    assert listed == sorted(f"experiments/{s.stem}.ipynb" for s in ENGLISH)  # a translation is that page in its language


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.stem)
def test_executed_notebook_has_every_cell_run_in_order_without_errors(source):
    nb = nbformat.read(GENERATED / "executed" / "experiments" / f"{source.stem}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert [c.id for c in nb.cells] == [f"cell-{i}" for i in range(1, len(nb.cells) + 1)]
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    figures = [o for o in outputs if "text/html" in o.get("data", {})]
    assert figures and all("#only-light" in f.data["text/html"] and "#only-dark" in f.data["text/html"] for f in figures)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.stem)
def test_download_is_the_source_without_outputs(source):
    nb = json.loads((GENERATED / "notebooks" / f"{source.stem}.ipynb").read_text())
    assert all(not c.get("outputs") for c in nb["cells"])
    expected = notebook_outputs.notebook(source)
    if source in TRANSLATED:  # without the `{#id}` that keeps a translated heading's anchor: Jupyter would show it
        assert any(EXPLICIT_ID.search(c.source) for c in expected.cells if c.cell_type == "markdown"), source.name
        for cell in expected.cells:
            if cell.cell_type == "markdown":
                cell.source = EXPLICIT_ID.sub("", cell.source)
        assert not [c for c in nb["cells"] if "{#" in "".join(c["source"])], f"{source.stem}.ipynb shows {{#id}}"
    assert nbformat.writes(expected) + "\n" == (GENERATED / "notebooks" / f"{source.stem}.ipynb").read_text()


def test_adjacent_prints_become_one_output_however_the_kernel_batched_them():
    out = lambda kind, **kw: nbformat.from_dict({"output_type": kind, **kw})  # noqa: E731
    split = [out("stream", name="stdout", text="a\n"), out("stream", name="stdout", text="b\n"),
             out("display_data", data={"text/plain": "figure"}, metadata={}),
             out("stream", name="stdout", text="c\n"), out("stream", name="stderr", text="d\n")]
    merged = notebook_outputs.merged_streams(split)
    assert [(o.output_type, o.get("text")) for o in merged] == [
        ("stream", "a\nb\n"), ("display_data", None), ("stream", "c\n"), ("stream", "d\n")]


def test_a_notebook_run_after_another_in_its_kernel_finds_none_of_its_names(tmp_path):
    """The experiments of a language share a kernel (notebook_outputs.executed): a name one defines must not
    reach the next, which would then pass here and fail for a reader who runs it alone; the modules
    stay imported."""
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    first.write_text("# %%\nimport json\nleftover = 1\nprint('first')\n")
    second.write_text("# %%\nimport sys\nprint(sorted(n for n in ('leftover', 'json') if n in globals()), 'json' in sys.modules)\n"
                      "# %%\nprint(1 + 1)\n")
    with notebook_outputs.kernel("en") as kernel:
        assert notebook_outputs.executed(first, kernel).cells[0].outputs[0].text == "first\n"
        again = notebook_outputs.executed(second, kernel)
    assert [c.outputs[0].text for c in again.cells] == ["[] True\n", "2\n"]
    assert [c.execution_count for c in again.cells] == [1, 2]


def test_executed_notebooks_are_redone_when_the_code_they_import_changes():
    deps = {o.path: set(o.deps) for o in notebook_outputs.outputs()}
    for source in SOURCES:
        own = deps[f"executed/experiments/{source.stem}.ipynb"]
        assert source in own
        for package in ("activations", "tinynet", "figure_style"):
            assert set((ROOT / "src" / package).glob("*.py")) <= own, package
        # a translation prints and draws the words of its language's catalogue
        catalogue = ROOT / "locale" / languages.locale_of(source) / "LC_MESSAGES" / "experiments.po"
        assert (catalogue in own) == (source in TRANSLATED), source.name


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.stem)
def test_experiment_page_shows_rendered_math_both_figure_schemes_and_the_download(site, source):
    name = languages.stem(source)
    page = Page(languages.site_folder(site, languages.locale_of(source)) / "experiments" / name / "index.html")
    html = page.path.read_text()
    srcs = [a["src"] for t, a in page.tags if t == "img"]
    assert srcs and sum(s.endswith("#only-light") for s in srcs) == sum(s.endswith("#only-dark") for s in srcs)
    assert not any(s.startswith("data:") for s in srcs)  # figures are files, cached across pages
    assert all(a.get("loading") == "lazy" for t, a in page.tags if t == "img")  # fetched only if shown
    prose = re.findall(r'<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown.*?</div>', html, re.S)
    assert 'class="katex"' in html and not [p for p in prose if "$" in re.sub(r"<[^>]+>", "", p)]
    links = [a.get("href", "") for t, a in page.tags if t == "a"]
    # The i18n plugin publishes <name>.ko.ipynb as ko/generated/notebooks/<name>.ipynb, so every
    # language's page links <name>.ipynb, and that link must give its own language's notebook.
    link = f"../../generated/notebooks/{name}.ipynb"
    assert link in links
    assert (site / "generated" / "notebooks" / f"{name}.ipynb").is_file()
    download = resolve(site, page.path, link)
    assert download.is_file() and download.read_bytes() == (GENERATED / "notebooks" / f"{source.stem}.ipynb").read_bytes(), \
        f"{page.path.relative_to(site)} offers another language's notebook"
    assert 'id="cell-1"' in html and "cell-id=" not in html
    # the notebook's stylesheet is found with the others, not one request later in the article
    head, body = html.split("</head>", 1)
    [sheet] = re.findall(r'<link rel="stylesheet" href="([^"]*notebook\.[0-9a-f]+\.css)">', head)
    assert resolve(site, page.path, sheet).is_file() and "stylesheet" not in body.split("<article", 1)[1].split("</article>")[0]


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.stem)
def test_no_hand_typed_decimal_numbers_in_experiment_prose(source):
    cells = re.findall(r"^# %% \[markdown\]\n((?:#.*\n?)+)", source.read_text(), re.M)
    text = "\n".join(re.sub(r"^# ?", "", line) for cell in cells for line in cell.splitlines())
    prose = _prose(text)
    assert not DECIMAL.findall(prose), f"{source.name} types {DECIMAL.findall(prose)} in its text"
    # numbers in math and integer claims too (the allowed, defining ones are listed in test_site.py)
    found = typed_numbers(text, f"experiments/{source.name}")
    assert not found, f"{source.name} types {found} in its text: print them from the code instead"


REPO_PACKAGES = {p.name for p in (ROOT / "src").iterdir() if (p / "__init__.py").is_file()}


# The section "Run it yourself" in each language: its heading, and how it names the kernel and the repository.
RUN_IT_YOURSELF = {
    "en": ("# ## Run it yourself", "kernel `python3`", "repository (linked at the top of every page)"),
    "ko": ("# ## 직접 실행하기 {#run-it-yourself}", "커널 `python3`", "저장소(모든 페이지 위쪽에 링크가 있습니다)"),
}


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.stem)
def test_each_notebook_says_how_to_get_everything_it_imports(source):
    heading, kernel, repository = RUN_IT_YOURSELF[languages.locale_of(source)]
    text = source.read_text()
    run = text[text.index(heading):]
    imported = set(re.findall(r"^(?:from|import) (\w+)", text, re.M)) - {"__future__"}
    for package in imported & REPO_PACKAGES:
        assert f"`{package}`" in run, f"{source.name} imports {package} but does not say where it comes from"
    assert "numpy" in imported and "numpy" in run
    lock = (ROOT / "requirements.lock").read_text()
    for named in re.findall(r"(numpy|matplotlib|ipykernel)", run):
        assert re.search(rf"^{named}==", lock, re.M), f"{named} is said to be pinned but is not in requirements.lock"
    assert "`figure_style`" not in run or "matplotlib" in run
    # the steps are the Makefile's own, and the Python version is the one pyproject.toml requires
    makefile = (ROOT / "Makefile").read_text()
    assert "-r requirements.lock" in makefile and "--no-deps -e ." in makefile and "--name python3" in makefile
    assert "`.venv/bin/pip install -r requirements.lock`" in run and "`.venv/bin/pip install --no-deps -e .`" in run
    assert kernel in run and repository in run
    requires = re.search(r'requires-python = "([^"]+)"', (ROOT / "pyproject.toml").read_text()).group(1)
    assert f"Python `{requires}`" in run
    # a translation's code is its English source's, cell for cell: that file runs it as a script
    assert f"`.venv/bin/python docs/experiments/{languages.english_source(source).name}`" in run


# --- translations ---------------------------------------------------------------------------------


def _code_cells(source: Path) -> list[str]:
    return [c.source for c in jupytext.read(source).cells if c.cell_type == "code"]


@pytest.mark.parametrize("source", TRANSLATED, ids=lambda s: s.stem)
def test_a_translated_experiment_runs_its_english_code_cell_for_cell(source):
    """A translation changes the text, never the code: the numbers on both pages are the same run's."""
    english, translated = _code_cells(languages.english_source(source)), _code_cells(source)
    differ = [i for i, (e, t) in enumerate(zip(english, translated), start=1) if e != t]
    assert len(translated) == len(english), f"{source.name} has {len(translated)} code cells, its English {len(english)}"
    assert not differ, f"{source.name}: code cells {differ} differ from {languages.english_source(source).name}'s"


def _heading_ids(html: str) -> list[str]:
    return re.findall(r'<h[1-6] id="([^"]*)"', html)


@pytest.mark.parametrize("source", TRANSLATED, ids=lambda s: s.stem)
def test_a_translated_notebook_keeps_the_english_heading_ids(site, source):
    """Links into an experiment (`#run-it-yourself`) work in every language: each translated heading
    names, with `{#id}`, the id its English heading gets, and the page is built with those ids."""
    headings = [line for c in jupytext.read(source).cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if re.match(r"#{1,6} ", line)]
    marked = [m.group(1) if (m := EXPLICIT_ID.search(h)) else f"(none on {h!r})" for h in headings]
    name = languages.stem(source)
    english = _heading_ids((site / "experiments" / name / "index.html").read_text(encoding="utf-8"))
    assert english and marked == english, f"{source.name}: heading ids {marked}, the English page's {english}"
    built = languages.site_folder(site, languages.locale_of(source)) / "experiments" / name / "index.html"
    assert _heading_ids(built.read_text(encoding="utf-8")) == english


# --- what the code prints and draws, in each language -------------------------------------------

import base64  # noqa: E402
import html as html_text  # noqa: E402
import string  # noqa: E402
from collections import Counter  # noqa: E402

import update_messages  # noqa: E402  scripts/tools/update_messages.py: `make messages`
from babel.messages.pofile import read_po  # noqa: E402

from activations import REGISTRY  # noqa: E402
from figure_style import text  # noqa: E402

CATALOGUE = text.LOCALES / "ko" / "LC_MESSAGES" / f"{text.DOMAIN}.po"
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def _site_names(locale: str) -> dict[str, str]:
    """Each activation's name as the site's pages in `locale` name it (registry_outputs.po), by its English name."""
    with (text.LOCALES / locale / "LC_MESSAGES" / "registry_outputs.po").open("rb") as f:
        translated = {m.id: m.string for m in read_po(f) if m.id and m.string and not m.fuzzy}
    return {a.name: translated.get(a.name, a.name) for a in REGISTRY.values()}


# Words a Korean output keeps: the activation functions' names as the Korean pages write them (ReLU, not
# Sigmoid, which they call 시그모이드), their parameters' names, the initialisations named after their
# authors, the XOR task, numpy's float types and special values, and log() in a formula.
KEPT = ({w.lower() for name in _site_names("ko").values() for w in re.findall(r"[A-Za-z]{2,}", name)}
        | {w.lower() for a in REGISTRY.values() for p in a.params for w in re.findall(r"[A-Za-z]{2,}", p)}
        | {"xor", "glorot", "he", "float", "nan", "inf", "log"})


def _executed(source: Path) -> nbformat.NotebookNode:
    return nbformat.read(GENERATED / "executed" / "experiments" / f"{source.stem}.ipynb", as_version=4)


def _shown(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """What a reader of the executed notebook reads that its code wrote: printed text, each figure's
    alt text (once a figure), and the words drawn in its figures."""
    printed, alts, drawn = [], [], []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                printed.append(out.text)
            page = out.get("data", {}).get("text/html", "")
            alts += sorted({html_text.unescape(a) for a in re.findall(r'alt="([^"]*)"', page)})
            for svg in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page):
                drawn += [html_text.unescape(t) for t in re.findall(r">([^<>]+)</text>", base64.b64decode(svg).decode())]
    return {"printed": printed, "alt": alts, "drawn": drawn}


def test_the_reader_s_language_is_found_as_gettext_finds_it(monkeypatch):
    for name in text.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    assert text.languages() == [] and text.language() == "en"
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert text.languages() == ["ko"] and text.language() == "ko"
    monkeypatch.setenv("LC_ALL", "C")  # LC_ALL comes before LANG, and C means the code's own text
    assert text.languages() == [] and text.language() == "en"
    monkeypatch.setenv("LANGUAGE", "fr:ko")  # LANGUAGE before both: a list, the first with a catalogue wins
    assert text.languages() == ["fr", "ko"] and text.language() == "ko"
    monkeypatch.setenv("LANGUAGE", "en_GB:ko")
    assert text.language() == "en"


def test_tr_gives_the_catalogue_s_korean_and_the_code_s_english(monkeypatch):
    with CATALOGUE.open("rb") as f:
        korean = {m.id: m.string for m in read_po(f) if m.id}
    monkeypatch.setenv("LANGUAGE", "ko")
    assert all(text.tr(english) == translated for english, translated in korean.items())
    monkeypatch.setenv("LANGUAGE", "en")
    assert all(text.tr(english) == english for english in korean)
    # a copy of the package without the repository's locale/ folder prints the English
    monkeypatch.setenv("LANGUAGE", "ko")
    monkeypatch.setattr(text, "LOCALES", CATALOGUE.parent / "missing")
    text._catalogue.cache_clear()
    try:
        assert text.language() == "en" and text.tr("learning rate") == "learning rate"
    finally:
        monkeypatch.undo()
        text._catalogue.cache_clear()


def test_an_experiment_names_each_activation_as_the_site_does(monkeypatch):
    """The names the experiments show with tr(REGISTRY[a].name) are in their catalogue, translated as the
    Korean pages translate them (시그모이드 in a notebook's table as on the sigmoid page)."""
    named = {REGISTRY[s].name for path in ENGLISH for s in update_messages.named_activations(path)}
    assert {"Sigmoid", "ReLU", "Leaky ReLU", "ELU"} <= named, named
    monkeypatch.setenv("LANGUAGE", "ko")
    site = _site_names("ko")
    assert {name: text.tr(name) for name in named} == {name: site[name] for name in named}
    assert text.tr("Sigmoid") == "시그모이드"


def _columns(line: str) -> int:
    """Columns a line takes in a terminal: two for a Hangul syllable, one for an ASCII character."""
    assert all(ord(c) < 128 or "\uac00" <= c <= "\ud7a3" for c in line), line
    return sum(2 if "\uac00" <= c <= "\ud7a3" else 1 for c in line)


def test_printed_tables_line_up_with_hangul():
    rows = [["", "학습률", "rate", "정확도"], ["ReLU + 층 정규화", "0.01", "0 +  1", "83.5%"],
            ["ELU", "2.0", "발산: 가중치가 오버플로됨"], ["ReLU", "3.0", "13 + 18", "100.0%"]]
    lines = text.table(rows, "<>>>").splitlines()
    full = [line for line, row in zip(lines, rows) if len(row) == 4]
    for i in (1, 2, 3):  # right-aligned: every full row's cell i ends in the same column
        ends = {_columns(line[:line.index(row[i]) + len(row[i])]) for line, row in zip(full, [r for r in rows if len(r) == 4])}
        assert len(ends) == 1, (i, lines)
    assert lines[2].endswith("발산: 가중치가 오버플로됨") and _columns(lines[2][:lines[2].index("2.0") + 3]) == _columns(
        lines[1][:lines[1].index("0.01") + 4])
    assert _columns(text.pad("층 정규화", 12)) == 12 and text.pad("ab", 5, "^") == " ab  "


def _placeholders(message: str) -> list[tuple[str, str]]:
    return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(message) if name is not None)


def test_the_experiments_catalogue_is_up_to_date_and_complete():
    """`make messages` writes locale/ko/LC_MESSAGES/experiments.po from every tr() and N_() of the English
    experiments; each message has a translation with the same fields, formatted the same way."""
    assert CATALOGUE.read_bytes() == update_messages.updated(
        update_messages.EXPERIMENT_DOMAIN, update_messages.EXPERIMENTS, "ko"), "run `make messages`"
    with CATALOGUE.open("rb") as f:
        messages = [m for m in read_po(f) if m.id]
    assert len(messages) > 50
    assert not [m.id for m in messages if not m.string or m.fuzzy], "untranslated in experiments.po"
    assert not [m.id for m in messages if _placeholders(m.id) != _placeholders(m.string)]
    # gettext finds only literal messages: tr(f"...") or tr(a + b) would never be translated
    built = [f"{path.name}:{n}" for path in ENGLISH for n, line in enumerate(path.read_text().splitlines(), 1)
             if re.search(r"\btr\(\s*(?:f[\"']|[a-z]\w*\s*[+%])", line)]
    assert not built, f"messages built at run time, which no catalogue can hold: {built}"


@pytest.mark.parametrize("source", TRANSLATED, ids=lambda s: s.stem)
def test_a_translated_notebook_prints_and_draws_in_its_language(source):
    shown = _shown(_executed(source))
    assert shown["printed"] and shown["alt"] and shown["drawn"]
    for kind, texts in shown.items():
        english = sorted({w for t in texts for w in re.findall(r"[A-Za-z]{2,}", t) if w.lower() not in KEPT})
        assert not english, f"{source.stem}.ipynb: English words in its {kind} text: {english}"
        assert any(HANGUL.search(t) for t in texts), f"{source.stem}.ipynb: no Korean in its {kind} text"


@pytest.mark.parametrize("source", ENGLISH, ids=lambda s: s.stem)
def test_an_english_notebook_prints_and_draws_no_hangul(source):
    shown = _shown(_executed(source))
    assert shown["printed"] and shown["alt"] and shown["drawn"]
    assert not [t for texts in shown.values() for t in texts if HANGUL.search(t)]


@pytest.mark.parametrize("source", TRANSLATED, ids=lambda s: s.stem)
def test_a_translated_notebook_shows_the_english_one_s_numbers(source):
    """Both notebooks run the same code: every number the English one prints, draws or describes, the
    translation shows as often."""
    english, translated = _shown(_executed(languages.english_source(source))), _shown(_executed(source))
    for kind in english:
        numbers = [Counter(NUMBER.findall(" ".join(shown[kind]))) for shown in (english, translated)]
        assert numbers[0] == numbers[1], (f"{source.stem}.ipynb, {kind}: missing {numbers[0] - numbers[1]}, "
                                          f"extra {numbers[1] - numbers[0]}")


def test_what_the_vanishing_gradient_figures_say_in_words_holds(results):
    """The alt texts quote the measured ratios: 'within a factor of N' must bound them, and each quoted
    value must read as the printed tables give it (to the digits shown), in both languages."""
    ratio = results["vanishing-gradients"]["ratio"]
    worst = max(max(r, 1 / r) for r in (ratio["tanh", "xavier"], ratio["relu", "he"]))
    depth = results["vanishing-gradients"]["DEPTH"]
    for source in (s for s in SOURCES if s.name.startswith("vanishing-gradients")):
        alts = " ".join(_shown(_executed(source))["alt"])
        factors = {int(n) for n in re.findall(r"(?:within a factor of |기울기가 )(\d+)(?:\b|배)", alts)}
        assert factors and all(worst <= n < worst + 1 for n in factors), (source.name, factors, worst)
        for value in (0.25 ** depth, ratio["sigmoid", "xavier"], ratio["sigmoid", "standard"]):
            assert f"{value:.1e}" in alts, (source.name, f"{value:.1e}")
