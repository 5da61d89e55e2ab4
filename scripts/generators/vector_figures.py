"""Pictures of the functions of several inputs: gated units as heat maps over their two inputs,
softmax and log-softmax of two classes against the score difference, softmax of three classes
on the probability simplex."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.patches import Rectangle

from formatting import show

import figure_style as style
from activation_figures import module_files, place_legend
from activations import REGISTRY, Activation
from figure_snippets import figure_markdown
from outputs import GENERATORS, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/vector_figures.py"
GRID = 241  # points per axis of a heat map


# The zero set lies where the diverging colour map is palest, in either scheme: a near-black line
# keeps well over 3:1 against it (tests/test_figures.py measures it in the SVG).
ZERO_INK = "#1f2328"


def _refine(g, inside: float, outside: float) -> float:
    """The edge between a point where g is exactly 0 (or changes sign) and its neighbour, by
    bisection to float precision, to 9 decimals (the edges here are short decimals)."""
    zero = (lambda t: float(g(t)) == 0.0) if float(g(inside)) == 0.0 else (lambda t: np.sign(g(t)) == np.sign(g(inside)))
    for _ in range(80):
        mid = (inside + outside) / 2
        if mid in (inside, outside):
            break
        inside, outside = (mid, outside) if zero(mid) else (inside, mid)
    return round(float(inside), 9) + 0.0


def zero_set(entry: Activation) -> tuple[bool, list[float], list[tuple[float, float]]]:
    """Where a gated unit a * g(b) is 0 on its plotted square, found from the module: whether it is
    0 all along a = 0, the values of b where the gate is 0 at one point (a line b = const), and
    the intervals of b where the gate is 0 throughout (a band of the square, hatched)."""
    lo, hi = entry.x_range
    b = np.linspace(lo, hi, GRID)
    along_a0 = bool(np.all(entry.fn(np.stack([np.zeros_like(b), b], axis=-1)) == 0))
    gate = lambda t: entry.fn(np.stack([np.ones_like(t), t], axis=-1))[..., 0]  # noqa: E731
    g = gate(b)
    closed, lines = [], []
    i = 0
    while i < len(b):
        if g[i] == 0 and i + 1 < len(b) and g[i + 1] == 0:  # a run of zeros: the gate is closed there
            j = i
            while j + 1 < len(b) and g[j + 1] == 0:
                j += 1
            closed.append((lo if i == 0 else _refine(gate, b[i], b[i - 1]),
                           hi if j == len(b) - 1 else _refine(gate, b[j], b[j + 1])))
            i = j + 1
            continue
        if g[i] == 0:
            lines.append(float(b[i]) + 0.0)
        elif i + 1 < len(b) and g[i] * g[i + 1] < 0:
            lines.append(_refine(gate, b[i], b[i + 1]))
        i += 1
    return along_a0, lines, closed


def draw_gated(entry: Activation, theme: style.Theme) -> bytes:
    lo, hi = entry.x_range
    v = np.linspace(lo, hi, GRID)
    a, b = np.meshgrid(v, v, indexing="xy")  # a across, b up
    z = entry.fn(np.stack([a, b], axis=-1))[..., 0]
    along_a0, lines, closed = zero_set(entry)
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        limit = float(np.max(np.abs(z)))
        image = ax.imshow(z, origin="lower", extent=(lo, hi, lo, hi), cmap="RdBu_r", vmin=-limit, vmax=limit,
                          aspect="auto", interpolation="nearest")
        # The zero set drawn from where it is, not contoured: a contour of a function that is 0 on a
        # whole region is ambiguous, and matplotlib's leaves out part of the region's edge.
        open_b = [lo]
        for b0, b1 in closed:
            ax.add_patch(Rectangle((lo, b0), hi - lo, b1 - b0, fill=False, hatch="//", hatchcolor=ZERO_INK,
                                   linewidth=0))
            lines += [e for e in (b0, b1) if lo < e < hi]
            open_b += [b0, b1]
        open_b.append(hi)
        for k in lines:
            ax.plot([lo, hi], [k, k], color=ZERO_INK, linewidth=1.4)
        if along_a0:  # where the gate is closed the whole band is already marked
            for b0, b1 in zip(open_b[::2], open_b[1::2]):
                if b1 > b0:
                    ax.plot([0.0, 0.0], [b0, b1], color=ZERO_INK, linewidth=1.4)
        ax.set(xlim=(lo, hi), ylim=(lo, hi))
        ax.grid(False)  # grid lines would read as contours
        bar = fig.colorbar(image, ax=ax)
        bar.set_label(f"{entry.name}(a, b)", labelpad=8)  # a word space clear of the tick labels
        ax.set_xlabel("a (the value)")
        ax.set_ylabel("b (the gate input)")
        return style.svg_bytes(fig, f"{entry.name} over its two inputs")


def zero_set_text(entry: Activation) -> str:
    """Where the heat map says the unit is 0, and how it is drawn, in words."""
    lo, hi = entry.x_range
    along_a0, lines, closed = zero_set(entry)
    names = (["a = 0"] if along_a0 else []) + [f"b = {show(k)}" for k in lines]
    regions = []
    for b0, b1 in closed:
        if b0 == lo and b1 == hi:
            regions.append("on the whole square")
        elif b0 == lo:
            regions.append(f"on the whole half-plane b ≤ {show(b1)}")
        elif b1 == hi:
            regions.append(f"on the whole half-plane b ≥ {show(b0)}")
        else:
            regions.append(f"on the whole band {show(b0)} ≤ b ≤ {show(b1)}")
    edges = [show(e) for b0, b1 in closed for e in (b0, b1) if lo < e < hi]
    where = []
    if names:
        where.append(f"on the line{'s' if len(names) > 1 else ''} {' and '.join(names)}")
    where += regions
    text = f"It is 0 only {' and '.join(where)}"
    if not regions:
        nowhere = "" if lines else " (its gate is 0 nowhere on the square)"
        return text + f"{nowhere}, drawn as {'dark lines' if len(names) > 1 else 'a dark line'}."
    drawn = f"the line{'s' if len(names) > 1 else ''} drawn dark, " if names else ""
    edge = f" with {'its edge' if len(edges) == 1 else 'its edges'} b = {' and b = '.join(edges)} drawn dark" if edges else ""
    return text + f": {drawn}the {'region' if len(regions) == 1 else 'regions'} hatched{edge}."


def gated_alt(entry: Activation) -> str:
    lo, hi = entry.x_range
    corners = {(a, b): float(entry.fn([a, b])[0]) for a in (lo, hi) for b in (lo, hi)}
    text = (f"Heat map of {entry.name}(a, b) for a and b from {lo:g} to {hi:g}, blue for negative and red for "
            f"positive values. {entry.name} {entry.summary}. {zero_set_text(entry)} ")
    text += "At the corners: " + "; ".join(f"a = {a:g}, b = {b:g} gives {show(v)}" for (a, b), v in corners.items()) + "."
    return text


def two_class(entry: Activation) -> tuple[np.ndarray, np.ndarray]:
    d = np.linspace(*entry.x_range, 1201)
    return d, entry.fn(np.stack([d, np.zeros_like(d)], axis=-1))[:, 0]


def draw_two_class(entry: Activation, theme: style.Theme) -> bytes:
    d, p = two_class(entry)
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        ax.plot(d, p, color=theme.primary, label=f"{entry.name}([d, 0]) first entry")
        ax.axhline(0, color=theme.axis, linewidth=0.9)
        ax.axvline(0, color=theme.axis, linewidth=0.9)
        ax.set_xlim(*entry.x_range)
        ax.set_xlabel("d = score of class 1 - score of class 2")
        place_legend(fig, ax, ax.legend())
        return style.svg_bytes(fig, f"{entry.name} of two classes")


def two_class_alt(entry: Activation) -> str:
    d, p = two_class(entry)
    return (f"Plot of the first output of {entry.name} for two classes with scores d and 0, for d from "
            f"{d[0]:g} to {d[-1]:g}: it goes from {show(p[0])} to {show(p[-1])} and depends only on the difference "
            f"of the scores, so two classes need only one number.")


SIMPLEX_SCORES = ([2.0, 1.0, 0.0], [3.0, 3.0, 0.0], [-1.0, 0.5, 2.5])  # three score vectors to follow
TEMPERATURES = np.geomspace(0.05, 50.0, 400)
CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, np.sqrt(3) / 2]])  # class 1, 2, 3


def simplex_paths(entry: Activation) -> list[np.ndarray]:
    """For each score vector z, softmax(z / T) for every temperature T, as rows of probabilities."""
    return [entry.fn(np.array(z)[None, :] / TEMPERATURES[:, None]) for z in SIMPLEX_SCORES]


def draw_simplex(entry: Activation, theme: style.Theme) -> bytes:
    colours = (theme.primary, theme.secondary, theme.accent)
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        ax.fill(CORNERS[:, 0], CORNERS[:, 1], facecolor="none", edgecolor=theme.axis, linewidth=1.2)
        for (cx, cy), label, dy in zip(CORNERS, ("class 1", "class 2", "class 3"), (-0.07, -0.07, 0.03)):
            ax.text(cx, cy + dy, label, ha="center", va="bottom" if dy > 0 else "top", color=theme.text)
        centre = CORNERS.mean(axis=0)
        ax.plot(*centre, "o", color=theme.muted, markersize=5)
        for z, probs, colour in zip(SIMPLEX_SCORES, simplex_paths(entry), colours):
            xy = probs @ CORNERS
            ax.plot(xy[:, 0], xy[:, 1], color=colour, linewidth=1.8,
                    label=f"z = ({', '.join(f'{v:g}' for v in z)})")
            at_one = entry.fn(np.array(z)) @ CORNERS
            ax.plot(*at_one, "o", color=colour, markersize=6)
        ax.set_aspect("equal")
        ax.set(xlim=(-0.15, 1.15), ylim=(-0.13, 0.96))  # room for the corner labels
        ax.axis("off")
        legend = fig.legend(loc="outside right upper", fontsize=style.SMALL,
                            title=f"softmax(z / T)\nT from {TEMPERATURES[0]:g} to {TEMPERATURES[-1]:g}",
                            title_fontsize=style.SMALL, alignment="left")
        legend.get_title().set_color(theme.text)
        return style.svg_bytes(fig, f"{entry.name} of three classes on the probability simplex")


def simplex_alt(entry: Activation) -> str:
    text = ("A triangle whose corners are the three certain outcomes (class 1, 2 or 3) and whose points are all "
            "probability vectors of three classes; the centre, marked, is the uniform distribution. ")
    for z, probs in zip(SIMPLEX_SCORES, simplex_paths(entry)):
        p1 = entry.fn(np.array(z))
        text += (f"For scores ({', '.join(f'{v:g}' for v in z)}) the curve of softmax(z / T) runs from "
                 f"({', '.join(f'{v:.2f}' for v in probs[0])}) at T = {TEMPERATURES[0]:g} to "
                 f"({', '.join(f'{v:.2f}' for v in probs[-1])}) at T = {TEMPERATURES[-1]:g}, passing "
                 f"({', '.join(f'{v:.2f}' for v in p1)}) at T = 1 (dot). ")
    return text + "Low temperature moves towards the corner of the largest score, high temperature towards the centre."


def outputs() -> list[Output]:
    out = []
    for entry in REGISTRY.values():
        if entry.elementwise:
            continue
        if entry.family == "Gated":
            stem, draw, alt = entry.slug, draw_gated, gated_alt
        else:
            stem, draw, alt = f"{entry.slug}-two-classes", draw_two_class, two_class_alt
        deps = (*module_files(entry), HERE, Path(style.__file__), GENERATORS / "activation_figures.py")
        for name, theme in style.THEMES.items():
            out.append(Output(f"figures/{stem}-{name}.svg", partial(draw, entry, theme), deps))
        out.append(Output(f"figures/{stem}.md",
                          lambda e=entry, a=alt, s=stem: figure_markdown(s, a(e), SOURCE, style.WIDTH, style.HEIGHT),
                          (*deps, GENERATORS / "figure_snippets.py")))
    entry = REGISTRY["softmax"]
    deps = (*module_files(entry), HERE, Path(style.__file__), GENERATORS / "activation_figures.py")
    for name, theme in style.THEMES.items():
        out.append(Output(f"figures/softmax-simplex-{name}.svg", partial(draw_simplex, entry, theme), deps))
    out.append(Output("figures/softmax-simplex.md",
                      lambda: figure_markdown("softmax-simplex", simplex_alt(entry), SOURCE, style.WIDTH, style.HEIGHT),
                      (*deps, GENERATORS / "figure_snippets.py")))
    return out
