"""Softmax tables and figures: the worked example, overflow, shift invariance, common mistakes."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from pathlib import Path

import numpy as np

import figure_style as style
from activation_figures import module_files
from activations import REGISTRY, log_softmax, sigmoid, softmax
from examples.pitfalls import in_place_softmax, naive_softmax, whole_array_softmax
from figure_snippets import figure_markdown
from formatting import fixed, generated, sci, short, table
from outputs import GENERATORS, ROOT, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/softmax_outputs.py"
ENTRY = REGISTRY["softmax"]

# The worked example: a four-class classifier's scores for one image.
CLASSES = [("개", "dog"), ("고양이", "cat"), ("강아지", "puppy"), ("사람", "person")]
SCORES = [2, 10, 1, 4]
OVERFLOW = [1010, 1000, 990]
SHIFTS = [0, 4, 10, -1000, 1000]  # 10 is the largest score
BATCH = [[1.0, 2.0, 3.0], [1.0, 2.0, 7.0]]


def seed_table() -> bytes:
    p = softmax(SCORES)
    rows = [[f"{ko} ({en})", str(s), fixed(v)] for (ko, en), s, v in zip(CLASSES, SCORES, p)]
    rows.append(["**sum**", "", fixed(float(np.sum(p)))])
    body = table(["Class", "Score", "Probability"], rows, "lrr")
    shown = sum(Decimal(fixed(v)) for v in p)  # what a reader gets adding up the printed column
    if shown != Decimal(fixed(float(np.sum(p)))):
        body += (f"\nThe sum row adds the unrounded probabilities; the six-decimal entries as printed add "
                 f"to {shown}, since each is rounded on its own.\n")
    return generated(SOURCE, body)


def overflow_table() -> bytes:
    with np.errstate(over="ignore", invalid="ignore"):  # the point is to show what naive code does
        exp = np.exp(np.array(OVERFLOW, dtype=float))
        naive = naive_softmax(np.array(OVERFLOW, dtype=float))
    stable = softmax(OVERFLOW)
    rows = [[str(x), str(e), sci(n), sci(s)] for x, e, n, s in zip(OVERFLOW, exp, naive, stable)]
    body = table(["x", "exp(x)", "naive: exp(x) / sum", "softmax (max subtracted)"], rows, "rrrr")
    limit = np.log(np.finfo(np.float64).max)
    body += (f"\nIn float64, `exp(x)` is finite only for x up to {fixed(limit, 2)}, the logarithm of the "
             f"largest float64 number.\n")
    return generated(SOURCE, body)


def shift_table() -> bytes:
    """The textbook formula on x - c: the same probabilities for moderate c, and only c = max
    keeps every exponential in [0, 1]; a c far from the scores overflows or underflows."""
    x = np.array(SCORES, dtype=float)
    base = naive_softmax(x)
    rows = []
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):  # the failures are the point
        for c in SHIFTS:
            e = np.exp(x - c)
            p = naive_softmax(x - c)
            change = float(np.max(np.abs(p - base)))
            eps = float(np.finfo(np.float64).eps)
            rows.append([f"{c}" + (" (the maximum)" if c == max(SCORES) else ""), short(float(np.max(e))),
                         short(float(np.sum(e))), ", ".join(fixed(v) if np.isfinite(v) else str(v) for v in p),
                         "nan" if not np.isfinite(change) else "0" if change == 0
                         else "0 to within rounding (below 1e-15)" if change < 4 * eps else short(change)])
    return generated(SOURCE, table(["c", "largest e<sup>x - c</sup>", "sum", "textbook formula on x - c",
                                    "largest change from c = 0"], rows, "rrrlr"))


def in_place_table() -> bytes:
    caller = np.array(OVERFLOW)
    softmax(caller)
    after_ours = caller.tolist()
    in_place_softmax(caller)
    rows = [["before any call", str(OVERFLOW)], ["after `softmax(a)`", str(after_ours)],
            ["after `in_place_softmax(a)`", str(caller.tolist())]]
    return generated(SOURCE, table(["moment", "the caller's array `a`"], rows, "ll"))


def batch_table() -> bytes:
    batch = np.array(BATCH)
    wrong, right = whole_array_softmax(batch), softmax(batch)
    rows = [[str(row), fixed(float(w.sum()), 4), fixed(float(r.sum()), 4)]
            for row, w, r in zip(BATCH, wrong, right)]
    return generated(SOURCE, table(["row", "sum of `whole_array_softmax` row", "sum of `softmax` row"], rows, "lrr"))


def facts() -> bytes:
    z = np.linspace(-40, 40, 8001)
    two_class = softmax(np.column_stack([z, np.zeros_like(z)]))[:, 0]
    gap = float(np.max(np.abs(two_class - sigmoid(z))))
    example = [1000.0, 0.0]
    body = (f"<!-- --8<-- [start:two-class] -->\nOn a grid of {len(z):,} score differences from {short(z[0])} to "
            f"{short(z[-1])}, the two sides differ by at most {short(gap)}.\n<!-- --8<-- [end:two-class] -->\n"
            f"<!-- --8<-- [start:log-softmax] -->\nFor scores {example}, `log_softmax` returns "
            f"{log_softmax(example).tolist()}, exactly; `np.log(softmax(x))` returns "
            f"{_log_of_softmax(example)}, because the smaller probability underflows to 0 first.\n"
            f"<!-- --8<-- [end:log-softmax] -->\n")
    return generated(SOURCE, body)


def _log_of_softmax(x) -> list[float]:
    with np.errstate(divide="ignore"):  # log(0), the failure being shown
        return np.log(softmax(x)).tolist()


def draw(theme: style.Theme) -> bytes:
    p = softmax(SCORES)
    labels = [en for _, en in CLASSES]
    rows = np.arange(len(labels))
    with style.themed(theme):
        # Horizontal bars: each class name has a line of its own, however narrow the screen.
        fig, (left, right) = style.new_figure(theme, ncols=2, sharey=True)
        left.barh(rows, SCORES, color=theme.primary)
        left.set_yticks(rows, labels)
        left.invert_yaxis()  # the first class on top, as in the table
        left.set_title("scores")
        right.barh(rows, p, color=theme.secondary)
        right.set_title("softmax probabilities")
        right.set_xlim(0, 1.6)  # room for the value after the longest bar
        right.set_xticks([0, 0.5, 1])
        for i, v in enumerate(p):
            right.annotate(fixed(v), (v, i), xytext=(4, 0), textcoords="offset points", va="center",
                           fontsize=style.SMALL, color=theme.text)
        for ax in (left, right):
            ax.grid(axis="y", visible=False)
        return style.svg_bytes(fig, "Softmax of four class scores")


def alt_text() -> str:
    p = softmax(SCORES)
    pairs = ", ".join(f"{en} {s} becomes {fixed(v)}" for (_, en), s, v in zip(CLASSES, SCORES, p))
    return (f"Two horizontal bar charts side by side. Left: the scores of four classes. Right: their softmax "
            f"probabilities: {pairs}. "
            f"The largest score takes almost all of the probability.")


def outputs() -> list[Output]:
    deps = (*module_files(ENTRY), HERE, GENERATORS / "formatting.py", ROOT / "scripts" / "examples" / "pitfalls.py")
    out = [
        Output("facts/softmax.md", facts, deps),
        Output("tables/softmax-seed.md", seed_table, deps),
        Output("tables/softmax-overflow.md", overflow_table, deps),
        Output("tables/softmax-shift.md", shift_table, deps),
        Output("tables/softmax-in-place.md", in_place_table, deps),
        Output("tables/softmax-batch.md", batch_table, deps),
        Output("figures/softmax.md",
               lambda: figure_markdown("softmax", alt_text(), SOURCE, style.WIDTH, style.HEIGHT),
               (*deps, GENERATORS / "figure_snippets.py")),
    ]
    for name, theme in style.THEMES.items():
        out.append(Output(f"figures/softmax-{name}.svg", partial(draw, theme), (*deps, Path(style.__file__))))
    return out
