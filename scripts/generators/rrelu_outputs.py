"""RReLU in its two modes: the random slopes of training against the fixed mean slope of evaluation."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import figure_style as style
from activation_figures import module_files
from activations import REGISTRY, rrelu
from figure_snippets import figure_markdown, svg_outputs
from formatting import generated, short, show, table
from messages import _, current
from outputs import GENERATORS, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/rrelu_outputs.py"
ENTRY = REGISTRY["rrelu"]
SEED = 2015  # the generator of every training-mode call on the page
FIGURE_X = np.linspace(-4.0, 4.0, 161)  # the inputs of the figure's one training-mode call
TABLE_X = np.array([-3.0, -1.0, -0.5, 0.0, 2.0])
CALLS = 3  # training-mode calls shown one by one in the table
REPEATS = 100_000  # training-mode calls the table's last column averages


def slopes() -> tuple[float, float, float]:
    """(lower, upper, the evaluation slope) of the defaults, the last read off the function itself."""
    lower, upper = ENTRY.params["lower"], ENTRY.params["upper"]
    return lower, upper, float(-rrelu(-1.0))


def training_calls() -> list[np.ndarray]:
    """CALLS successive training-mode calls on TABLE_X with one generator: each draws new slopes."""
    rng = np.random.default_rng(SEED)
    return [rrelu(TABLE_X, training=True, rng=rng) for _call in range(CALLS)]


def training_mean() -> np.ndarray:
    """The mean of REPEATS training-mode outputs for each input of TABLE_X (a generator of its own)."""
    rng = np.random.default_rng(SEED)
    return rrelu(np.broadcast_to(TABLE_X, (REPEATS, len(TABLE_X))), training=True, rng=rng).mean(axis=0)


def modes_table() -> bytes:
    calls, mean = training_calls(), training_mean()
    header = ["x", _("evaluation, `training=False`"), *(_("training, call {n}").format(n=i + 1) for i in range(CALLS)),
              _("training, mean of {repeats} calls").format(repeats=f"{REPEATS:,}")]
    rows = [[short(x), short(float(rrelu(x))), *(short(float(c[i])) for c in calls), short(float(mean[i]))]
            for i, x in enumerate(TABLE_X)]
    return generated(SOURCE, table(header, rows, "r" * len(header)))


def section(name: str, text: str) -> str:
    return f"<!-- --8<-- [start:{name}] -->\n{text}\n<!-- --8<-- [end:{name}] -->\n"


def facts() -> bytes:
    lower, upper, mean = slopes()
    body = section("modes", _(
        "With the defaults, lower $= {lower}$ and upper $= {upper}$, evaluation mode (`training=False`, the default "
        "here and in PyTorch's `F.rrelu`) multiplies every negative input by the fixed slope "
        "$(\\text{{lower}} + \\text{{upper}}) / 2 = {mean}$: it is a leaky ReLU with that slope, and the same input "
        "always gives the same output. Training mode (`training=True`) draws a new slope for every element from the "
        "uniform distribution between {lower} and {upper}, so the same input gives a different output on every "
        "call.").format(lower=show(lower), upper=show(upper), mean=show(mean)))
    body += section("table", _(
        "Each training column is one call, all three with one generator, `np.random.default_rng({seed})`, which moves "
        "on with every call. The last column averages {repeats} calls: it agrees with the evaluation column to within "
        "sampling error, because the evaluation slope is the mean of the distribution the training slopes are drawn "
        "from. Positive inputs pass unchanged in both modes.").format(seed=SEED, repeats=f"{REPEATS:,}"))
    return generated(SOURCE, body)


def draw(theme: style.Theme) -> bytes:
    """One training-mode call against evaluation mode, the legend in the language being rendered."""
    lower, upper, mean = slopes()
    y = rrelu(FIGURE_X, training=True, rng=np.random.default_rng(SEED))
    neg = FIGURE_X[FIGURE_X <= 0]
    with style.themed(theme, current()):
        fig, ax = style.new_figure(theme)
        ax.plot(neg, upper * neg, ":", color=theme.muted, linewidth=1.4,
                label=_("slopes {lower} and {upper}").format(lower=show(lower), upper=show(upper)))
        ax.plot(neg, lower * neg, ":", color=theme.muted, linewidth=1.4)
        ax.plot(FIGURE_X, rrelu(FIGURE_X), color=theme.primary, label=_("evaluation: slope {slope}").format(slope=show(mean)))
        ax.plot(FIGURE_X, y, "o", color=theme.accent, markersize=3.2, label=_("training: one call"))
        ax.axhline(0, color=theme.axis, linewidth=0.8)
        ax.axvline(0, color=theme.axis, linewidth=0.8)
        ax.set_xlabel("x")
        ax.set_ylabel("RReLU(x)")
        ax.set_xlim(FIGURE_X[0], FIGURE_X[-1])
        ax.legend(loc="upper left", fontsize=style.SMALL)
        return style.svg_bytes(fig, _("RReLU in training and in evaluation mode"))


def alt() -> str:
    lower, upper, mean = slopes()
    y = rrelu(FIGURE_X, training=True, rng=np.random.default_rng(SEED))
    x0 = float(FIGURE_X[0])
    return _("Plot of RReLU for x from {start} to {stop} in its two modes. The solid line is evaluation mode "
             "(training=False): x for x > 0 and {mean} x below, a leaky ReLU. The dots are one call in training mode on "
             "{n} evenly spaced inputs, with np.random.default_rng({seed}): each negative input gets its own slope, "
             "drawn between {lower} and {upper}, so the dots scatter between the dotted lines {lower} x and {upper} x, "
             "around the solid line. At x = {start} the dot is at {dot}, the solid line at {solid}, and the dotted "
             "lines at {upper_line} and {lower_line}. For positive x the dots lie on the solid line.").format(
        start=show(x0), stop=show(float(FIGURE_X[-1])), mean=show(mean), n=len(FIGURE_X), seed=SEED,
        lower=show(lower), upper=show(upper), dot=show(float(y[0])), solid=show(float(rrelu(x0))),
        upper_line=show(upper * x0), lower_line=show(lower * x0))


def outputs() -> list[Output]:
    deps = (*module_files(ENTRY), HERE, GENERATORS / "formatting.py")
    figure_deps = (*deps, Path(style.__file__), GENERATORS / "figure_snippets.py")
    out = [Output("facts/rrelu.md", facts, deps), Output("tables/rrelu-modes.md", modes_table, deps)]
    out += svg_outputs("rrelu-training", draw, figure_deps, words=True)
    out.append(Output("figures/rrelu-training.md",
                      lambda: figure_markdown("rrelu-training", alt(), SOURCE, style.WIDTH, style.HEIGHT, words=True),
                      figure_deps))
    return out
