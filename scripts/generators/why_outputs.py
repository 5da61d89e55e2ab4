"""Why non-linearity: stacked linear maps stay linear, and XOR needs a hidden non-linearity."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, partial
from pathlib import Path

import numpy as np

import figure_style as style
from figure_snippets import figure_markdown, svg_outputs
from formatting import generated, short, table
from messages import N_, _, current
from outputs import GENERATORS, ROOT, Output
from tinynet import MLP, accuracy, init_layers, train

HERE = Path(__file__)
SOURCE = "scripts/generators/why_outputs.py"
SEED = 7
COMPOSITION_INPUTS = 1000
STEPS, LEARNING_RATE = 2000, 1.0
XOR_SIZE = (6.4, 3.6)  # inches: two square panels side by side
XOR_PHONE_SIZE = (style.PHONE_WIDTH, 7.4)  # on a phone: one above the other
CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR = np.array([0, 1, 1, 0])
# (label, hidden activation, hidden width): the models compared on the page; a label is translated where it is shown
MODELS = [
    (N_("linear model (logistic regression)"), None, 0),
    (N_("two linear layers, no activation"), None, 8),
    (N_("one hidden layer with sigmoid"), "sigmoid", 8),
    (N_("one hidden layer with ReLU"), "relu", 8),
]


def xor_data(n_per_corner: int = 50, spread: float = 0.12):
    """Noisy copies of the four XOR corners, from a fixed seed."""
    rng = np.random.default_rng(SEED)
    x = np.repeat(CORNERS, n_per_corner, axis=0) + rng.normal(0, spread, (4 * n_per_corner, 2))
    return x, np.repeat(XOR, n_per_corner)


def best_line_accuracy(n_directions: int = 3600) -> float:
    """Best accuracy of any line (any direction, any offset) on the four XOR corners."""
    best = 0.0
    for angle in np.linspace(0, 2 * np.pi, n_directions, endpoint=False):
        proj = CORNERS @ np.array([np.cos(angle), np.sin(angle)])
        cuts = np.concatenate([[proj.min() - 1], (np.sort(proj)[:-1] + np.sort(proj)[1:]) / 2, [proj.max() + 1]])
        for c in cuts:
            best = max(best, float(np.mean((proj > c) == (XOR == 1))))
    return best


def fit(x, y, hidden: str | None, width: int) -> MLP:
    """Train a model of MODELS; width 0 is a linear model (logistic regression over two classes)."""
    sizes = [2, 2] if width == 0 else [2, width, 2]
    net = MLP(init_layers(sizes, "xavier", SEED), hidden or "identity")
    return train(net, x, y, steps=STEPS, lr=LEARNING_RATE)


@cache
def trained_models():
    x, y = xor_data()
    return x, y, [(label, fit(x, y, hidden, width)) for label, hidden, width in MODELS]


def linear_composition_gap() -> float:
    """Largest difference between two stacked linear layers and the single layer they equal."""
    rng = np.random.default_rng(SEED)
    w1, b1, w2, b2 = rng.normal(size=(2, 8)), rng.normal(size=8), rng.normal(size=(8, 3)), rng.normal(size=3)
    x = rng.normal(size=(COMPOSITION_INPUTS, 2))
    stacked = (x @ w1 + b1) @ w2 + b2
    single = x @ (w1 @ w2) + (b1 @ w2 + b2)
    return float(np.max(np.abs(stacked - single)))


def facts() -> bytes:
    gap = linear_composition_gap()
    composition = _("For {n} random inputs through random layers, the two sides differ by at most {gap}, which is "
                    "rounding error in float64 arithmetic.").format(n=f"{COMPOSITION_INPUTS:,}", gap=short(gap))
    best_line = _("Trying every direction and offset, the best a straight line can do on the four XOR points is "
                  "{percent} % correct.").format(percent=short(100 * best_line_accuracy()))
    body = (f"<!-- --8<-- [start:composition] -->\n{composition}\n<!-- --8<-- [end:composition] -->\n"
            f"<!-- --8<-- [start:best-line] -->\n{best_line}\n<!-- --8<-- [end:best-line] -->\n")
    return generated(SOURCE, body)


def accuracy_table() -> bytes:
    x, y, models = trained_models()
    rows = [[_(label), f"{short(100 * accuracy(net, x, y))} %"] for label, net in models]
    return generated(SOURCE, table([_("model"), _("training accuracy on noisy XOR")], rows, "lr"))


def draw(theme: style.Theme, phone: bool = False) -> bytes:
    """The decision boundaries of the linear model and of the ReLU network, in the language being rendered."""
    x, y, models = trained_models()
    shown = [models[0], models[-1]]
    grid = np.linspace(-0.5, 1.5, 201)
    gx, gy = np.meshgrid(grid, grid)
    flat = np.column_stack([gx.ravel(), gy.ravel()])
    with style.themed(theme, current()):
        width, height = XOR_PHONE_SIZE if phone else XOR_SIZE
        fig, axes = style.new_figure(theme, width=width, height=height, **({"nrows": 2} if phone else {"ncols": 2}),
                                     sharex=True, sharey=True)
        for ax, (label, net) in zip(axes, shown):
            logits = net.forward(flat)
            margin = (logits[:, 1] - logits[:, 0]).reshape(gx.shape)  # > 0 where class 1 is more likely
            ax.contourf(gx, gy, margin > 0, levels=[-0.5, 0.5, 1.5], colors=[theme.primary, theme.secondary], alpha=0.18)
            ax.contour(gx, gy, margin, levels=[0], colors=[theme.text], linewidths=1.4)
            for cls, marker, color in ((0, "o", theme.primary), (1, "s", theme.secondary)):
                pts = x[y == cls]
                ax.scatter(pts[:, 0], pts[:, 1], s=12, marker=marker, color=color, label=_("class {n}").format(n=cls))
            ax.set_title(_("{model}\naccuracy {percent} %").format(model=_(label), percent=short(100 * accuracy(net, x, y))),
                         fontsize=style.SMALL)
            ax.set_xlim(-0.5, 1.5)
            ax.set_ylim(-0.5, 1.5)
            ax.set_xticks([0, 1])  # the XOR corners; no labels meeting in the plot's corner
            ax.set_yticks([0, 1])
            ax.set_aspect("equal")
            ax.grid(False)
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=style.SMALL)
        return style.svg_bytes(fig, _("XOR: a linear model against one hidden layer"))


def alt_text() -> str:
    x, y, models = trained_models()
    (l0, n0), (l1, n1) = models[0], models[-1]
    return _("Two panels with the same noisy XOR data: class 0 near the corners (0, 0) and (1, 1), class 1 near "
             "(0, 1) and (1, 0). In the first, the {first} draws one straight boundary and gets {first_percent} % "
             "right. In the second, the model with {second} bends its boundary around the corners and gets "
             "{second_percent} % right.").format(
        first=_(l0), first_percent=short(100 * accuracy(n0, x, y)),
        second=_(l1), second_percent=short(100 * accuracy(n1, x, y)))


def outputs() -> list[Output]:
    pkg = ROOT / "src" / "activations"
    deps = (HERE, *sorted((ROOT / "src" / "tinynet").glob("*.py")), GENERATORS / "formatting.py",
            *sorted(pkg.glob("*.py")))
    out = [
        Output("facts/why.md", facts, deps),
        Output("tables/xor-accuracy.md", accuracy_table, deps),
        Output("figures/xor.md", lambda: figure_markdown("xor", alt_text(), SOURCE, *XOR_SIZE, phone=XOR_PHONE_SIZE,
                                                         words=True),
               (*deps, GENERATORS / "figure_snippets.py")),
    ]
    out += svg_outputs("xor", draw, (*deps, Path(style.__file__)), words=True)
    out += svg_outputs("xor", partial(draw, phone=True), (*deps, Path(style.__file__)), suffix="-phone", words=True)
    # one process renders them all (their translations too): the models are trained once (trained_models);
    # about a second and a half in all, so the group starts early (Output.cost)
    return [replace(o, group="why", cost=1.5) for o in out]
