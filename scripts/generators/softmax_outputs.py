"""Softmax tables and figures: the worked example, overflow, shift invariance, common mistakes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np

import figure_style as style
from activation_figures import module_files
from activations import REGISTRY, log_softmax, sigmoid, softmax
from examples.pitfalls import in_place_softmax, naive_softmax, whole_array_softmax
from figure_snippets import figure_markdown, svg_outputs
from formatting import fixed, generated, sci, short, table
from messages import N_, _, current
from outputs import GENERATORS, ROOT, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/softmax_outputs.py"
ENTRY = REGISTRY["softmax"]

# The worked example: a four-class classifier's scores for one image, its classes as the seed post names them
# in Korean, with their English names (translated back to the seed's own names on the Korean pages).
CLASSES = [("개", N_("dog")), ("고양이", N_("cat")), ("강아지", N_("puppy")), ("사람", N_("person"))]
SCORES = [2, 10, 1, 4]
OVERFLOW = [1010, 1000, 990]
SHIFTS = [0, 4, 10, -1000, 1000]  # 10 is the largest score
BATCH = [[1.0, 2.0, 3.0], [1.0, 2.0, 7.0]]


def class_label(korean: str, english: str) -> str:
    """A class as the tables name it: the seed's Korean name, followed by its name in the page's language
    where that differs ("개 (dog)"; "개" on a Korean page)."""
    name = _(english)
    return korean if name == korean else f"{korean} ({name})"


def seed_table() -> bytes:
    p = softmax(SCORES)
    rows = [[class_label(ko, en), str(s), fixed(v)] for (ko, en), s, v in zip(CLASSES, SCORES, p)]
    rows.append([_("**sum**"), "", fixed(float(np.sum(p)))])
    body = table([_("Class"), _("Score"), _("Probability")], rows, "lrr")
    shown = sum(Decimal(fixed(v)) for v in p)  # what a reader gets adding up the printed column
    if shown != Decimal(fixed(float(np.sum(p)))):
        body += "\n" + _("The sum row adds the unrounded probabilities; the six-decimal entries as printed add to "
                         "{shown}, since each is rounded on its own.").format(shown=shown) + "\n"
    return generated(SOURCE, body)


def overflow_table() -> bytes:
    with np.errstate(over="ignore", invalid="ignore"):  # the point is to show what naive code does
        exp = np.exp(np.array(OVERFLOW, dtype=float))
        naive = naive_softmax(np.array(OVERFLOW, dtype=float))
    stable = softmax(OVERFLOW)
    rows = [[str(x), str(e), sci(n), sci(s)] for x, e, n, s in zip(OVERFLOW, exp, naive, stable)]
    body = table(["x", "exp(x)", _("naive: exp(x) / sum"), _("softmax (max subtracted)")], rows, "rrrr")
    limit = np.log(np.finfo(np.float64).max)
    body += "\n" + _("In float64, `exp(x)` is finite only for x up to {limit}, the logarithm of the largest float64 "
                     "number.").format(limit=fixed(limit, 2)) + "\n"
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
            rows.append([_("{c} (the maximum)").format(c=c) if c == max(SCORES) else f"{c}", short(float(np.max(e))),
                         short(float(np.sum(e))), ", ".join(fixed(v) if np.isfinite(v) else str(v) for v in p),
                         "nan" if not np.isfinite(change) else "0" if change == 0
                         else _("0 to within rounding (below 1e-15)") if change < 4 * eps else short(change)])
    return generated(SOURCE, table(["c", _("largest e<sup>x - c</sup>"), _("sum"), _("textbook formula on x - c"),
                                    _("largest change from c = 0")], rows, "rrrlr"))


def in_place_table() -> bytes:
    caller = np.array(OVERFLOW)
    softmax(caller)
    after_ours = caller.tolist()
    in_place_softmax(caller)
    rows = [[_("before any call"), str(OVERFLOW)], [_("after `softmax(a)`"), str(after_ours)],
            [_("after `in_place_softmax(a)`"), str(caller.tolist())]]
    return generated(SOURCE, table([_("moment"), _("the caller's array `a`")], rows, "ll"))


def batch_table() -> bytes:
    batch = np.array(BATCH)
    wrong, right = whole_array_softmax(batch), softmax(batch)
    rows = [[str(row), fixed(float(w.sum()), 4), fixed(float(r.sum()), 4)]
            for row, w, r in zip(BATCH, wrong, right)]
    return generated(SOURCE, table([_("row"), _("sum of `whole_array_softmax` row"), _("sum of `softmax` row")],
                                   rows, "lrr"))


def facts() -> bytes:
    z = np.linspace(-40, 40, 8001)
    two_class = softmax(np.column_stack([z, np.zeros_like(z)]))[:, 0]
    gap = float(np.max(np.abs(two_class - sigmoid(z))))
    example = [1000.0, 0.0]
    two_class_text = _("On a grid of {n} score differences from {start} to {stop}, the two sides differ by at most "
                       "{gap}.").format(n=f"{len(z):,}", start=short(z[0]), stop=short(z[-1]), gap=short(gap))
    log_softmax_text = _("For scores {scores}, `log_softmax` returns {stable}, exactly; `np.log(softmax(x))` returns "
                         "{naive}, because the smaller probability underflows to 0 first.").format(
        scores=example, stable=log_softmax(example).tolist(), naive=_log_of_softmax(example))
    body = (f"<!-- --8<-- [start:two-class] -->\n{two_class_text}\n<!-- --8<-- [end:two-class] -->\n"
            f"<!-- --8<-- [start:log-softmax] -->\n{log_softmax_text}\n<!-- --8<-- [end:log-softmax] -->\n")
    return generated(SOURCE, body)


def _log_of_softmax(x) -> list[float]:
    with np.errstate(divide="ignore"):  # log(0), the failure being shown
        return np.log(softmax(x)).tolist()


def draw(theme: style.Theme) -> bytes:
    """The scores and their softmax as bars, the classes named in the language being rendered (the seed's
    own Korean names in Korean)."""
    p = softmax(SCORES)
    labels = [_(en) for _ko, en in CLASSES]
    rows = np.arange(len(labels))
    with style.themed(theme, current()):
        # Horizontal bars: each class name has a line of its own, however narrow the screen.
        fig, (left, right) = style.new_figure(theme, ncols=2, sharey=True)
        left.barh(rows, SCORES, color=theme.primary)
        left.set_yticks(rows, labels)
        left.invert_yaxis()  # the first class on top, as in the table
        left.set_title("x")  # the scores, as the formula names them
        right.barh(rows, p, color=theme.secondary)
        right.set_title("softmax(x)")
        right.set_xlim(0, 1.6)  # room for the value after the longest bar
        right.set_xticks([0, 0.5, 1])
        for i, v in enumerate(p):
            right.annotate(fixed(v), (v, i), xytext=(4, 0), textcoords="offset points", va="center",
                           fontsize=style.SMALL, color=theme.text)
        for ax in (left, right):
            ax.grid(axis="y", visible=False)
        return style.svg_bytes(fig, _("Softmax of four class scores"))


def alt_text() -> str:
    p = softmax(SCORES)
    pairs = ", ".join(_("{name} {score} becomes {probability}").format(name=_(en), score=s, probability=fixed(v))
                      for (_ko, en), s, v in zip(CLASSES, SCORES, p))
    return _("Two horizontal bar charts side by side. Left: the scores x of four classes. Right: their softmax "
             "probabilities, softmax(x): {pairs}. The largest score takes almost all of the probability.").format(
        pairs=pairs)


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
               lambda: figure_markdown("softmax", alt_text(), SOURCE, style.WIDTH, style.HEIGHT, words=True),
               (*deps, GENERATORS / "figure_snippets.py")),
    ]
    return out + svg_outputs("softmax", draw, (*deps, Path(style.__file__)), words=True)
