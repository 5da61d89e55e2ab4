"""Pictures of the functions of several inputs: gated units as heat maps over their two inputs,
softmax and log-softmax of two classes against the score difference, softmax of three classes
on the probability simplex."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np

from formatting import show

import figure_style as style
from activation_figures import module_files
from activations import REGISTRY, Activation
from figure_snippets import figure_markdown
from outputs import GENERATORS, Output

HERE = Path(__file__)
SOURCE = "scripts/generators/vector_figures.py"
GRID = 241  # points per axis of a heat map


def draw_gated(entry: Activation, theme: style.Theme) -> bytes:
    lo, hi = entry.x_range
    v = np.linspace(lo, hi, GRID)
    a, b = np.meshgrid(v, v, indexing="xy")  # a across, b up
    z = entry.fn(np.stack([a, b], axis=-1))[..., 0]
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        limit = float(np.max(np.abs(z)))
        image = ax.imshow(z, origin="lower", extent=(lo, hi, lo, hi), cmap="RdBu_r", vmin=-limit, vmax=limit,
                          aspect="auto", interpolation="nearest")
        ax.contour(a, b, z, levels=[0.0], colors=[theme.text], linewidths=1.0)
        ax.grid(False)  # grid lines would read as contours
        bar = fig.colorbar(image, ax=ax)
        bar.set_label(f"{entry.name}(a, b)", labelpad=8)  # a word space clear of the tick labels
        ax.set_xlabel("a (the value)")
        ax.set_ylabel("b (the gate input)")
        return style.svg_bytes(fig, f"{entry.name} over its two inputs")


def gated_alt(entry: Activation) -> str:
    lo, hi = entry.x_range
    corners = {(a, b): float(entry.fn([a, b])[0]) for a in (lo, hi) for b in (lo, hi)}
    text = (f"Heat map of {entry.name}(a, b) for a and b from {lo:g} to {hi:g}, blue for negative and red for "
            f"positive values, with the zero contour drawn as a line. {entry.name} {entry.summary}. ")
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
        ax.legend(loc="upper left" if p[0] < p[-1] else "upper right")  # clear of the curve's high end
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
