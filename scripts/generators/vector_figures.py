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
from activation_figures import and_list, module_files, place_legend
from activations import REGISTRY, Activation
from figure_snippets import figure_markdown, svg_outputs
from messages import _
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
    for _step in range(80):
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


def draw_gated(entry: Activation, theme: style.Theme) -> bytes | None:
    if theme is style.PLACEHOLDER:
        return None  # its colour map is an image: drawn in each theme (style.in_every_theme)
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
        ax.set_xlabel("a")  # the value; the alt text says so
        ax.set_ylabel("b")  # the gate input
        return style.svg_bytes(fig, "")  # every language's figure: no title in one of them


def _region(b0: float, b1: float, lo: float, hi: float) -> str:
    """A band of the square where the unit is 0 throughout, as a place."""
    if b0 == lo and b1 == hi:
        return _("on the whole square")
    if b0 == lo:
        return _("on the whole half-plane b ≤ {edge}").format(edge=show(b1))
    if b1 == hi:
        return _("on the whole half-plane b ≥ {edge}").format(edge=show(b0))
    return _("on the whole band {low} ≤ b ≤ {high}").format(low=show(b0), high=show(b1))


def _hatched(regions: int, edges: list[str]) -> str:
    """How the regions where the unit is 0 are drawn: hatched, with their edges inside the square dark."""
    if not edges:
        return _("the region hatched") if regions == 1 else _("the regions hatched")
    edge = and_list([f"b = {e}" for e in edges])
    if len(edges) == 1:
        if regions == 1:
            return _("the region hatched with its edge {edges} drawn dark").format(edges=edge)
        return _("the regions hatched with its edge {edges} drawn dark").format(edges=edge)
    if regions == 1:
        return _("the region hatched with its edges {edges} drawn dark").format(edges=edge)
    return _("the regions hatched with its edges {edges} drawn dark").format(edges=edge)


def zero_set_text(entry: Activation) -> str:
    """Where the heat map says the unit is 0, and how it is drawn, in words."""
    lo, hi = entry.x_range
    along_a0, lines, closed = zero_set(entry)
    names = (["a = 0"] if along_a0 else []) + [f"b = {show(k)}" for k in lines]
    where = []
    if names:
        where.append((_("on the line {lines}") if len(names) == 1 else _("on the lines {lines}")).format(
            lines=and_list(names)))
    where += [_region(b0, b1, lo, hi) for b0, b1 in closed]
    places = and_list(where) if where else ""
    if not closed:
        if not lines:
            return _("It is 0 only {where} (its gate is 0 nowhere on the square), drawn as a dark line.").format(
                where=places)
        if len(names) == 1:
            return _("It is 0 only {where}, drawn as a dark line.").format(where=places)
        return _("It is 0 only {where}, drawn as dark lines.").format(where=places)
    hatched = _hatched(len(closed), [show(e) for b0, b1 in closed for e in (b0, b1) if lo < e < hi])
    if not names:
        return _("It is 0 only {where}: {hatched}.").format(where=places, hatched=hatched)
    if len(names) == 1:
        return _("It is 0 only {where}: the line drawn dark, {hatched}.").format(where=places, hatched=hatched)
    return _("It is 0 only {where}: the lines drawn dark, {hatched}.").format(where=places, hatched=hatched)


def gated_alt(entry: Activation) -> str:
    """What a gated unit's heat map shows, with its numbers."""
    lo, hi = entry.x_range
    corners = {(a, b): float(entry.fn([a, b])[0]) for a in (lo, hi) for b in (lo, hi)}
    return " ".join([
        _("Heat map of {name}(a, b), where a is the value and b the gate input, for a and b from {low} to {high}, "
          "blue for negative and red for positive values.").format(name=entry.name, low=f"{lo:g}", high=f"{hi:g}"),
        _("{name} {summary}.").format(name=entry.name, summary=_(entry.summary)),
        zero_set_text(entry),
        _("At the corners: {corners}.").format(corners="; ".join(
            _("a = {a}, b = {b} gives {value}").format(a=f"{a:g}", b=f"{b:g}", value=show(v))
            for (a, b), v in corners.items())),
    ])


def two_class(entry: Activation) -> tuple[np.ndarray, np.ndarray]:
    d = np.linspace(*entry.x_range, 1201)
    return d, entry.fn(np.stack([d, np.zeros_like(d)], axis=-1))[:, 0]


def draw_two_class(entry: Activation, theme: style.Theme) -> bytes:
    d, p = two_class(entry)
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        # its first entry, the function named as the code names it, which reads alike in every language
        ax.plot(d, p, color=theme.primary, label=f"{entry.fn.__name__}([d, 0])₁")
        ax.axhline(0, color=theme.axis, linewidth=0.9)
        ax.axvline(0, color=theme.axis, linewidth=0.9)
        ax.set_xlim(*entry.x_range)
        ax.set_xlabel("d = x₁ − x₂")  # the scores of class 1 and class 2
        place_legend(fig, ax, ax.legend())
        return style.svg_bytes(fig, "")  # every language's figure: no title in one of them


def two_class_alt(entry: Activation) -> str:
    """What the two-class figure of a vector function shows, with its numbers."""
    d, p = two_class(entry)
    return _("Plot of the first output of {name} for two classes with scores d and 0, for d from {low} to {high}, "
             "where d = x₁ − x₂ is the score of class 1 minus the score of class 2: it goes from {start} to {end} and "
             "depends only on the difference of the scores, so two classes need only one number.").format(name=_(entry.name), low=f"{d[0]:g}", high=f"{d[-1]:g}", start=show(p[0]),
                                   end=show(p[-1]))


SIMPLEX_SCORES = ([2.0, 1.0, 0.0], [3.0, 3.0, 0.0], [-1.0, 0.5, 2.5])  # three score vectors to follow
TEMPERATURES = np.geomspace(0.05, 50.0, 400)
CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, np.sqrt(3) / 2]])  # class 1, 2, 3: (1, 0, 0), (0, 1, 0), (0, 0, 1)


def simplex_paths(entry: Activation) -> list[np.ndarray]:
    """For each score vector z, softmax(z / T) for every temperature T, as rows of probabilities."""
    return [entry.fn(np.array(z)[None, :] / TEMPERATURES[:, None]) for z in SIMPLEX_SCORES]


def draw_simplex(entry: Activation, theme: style.Theme) -> bytes:
    colours = (theme.primary, theme.secondary, theme.accent)
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        ax.fill(CORNERS[:, 0], CORNERS[:, 1], facecolor="none", edgecolor=theme.axis, linewidth=1.2)
        # each corner is the probability vector certain of its class
        for (cx, cy), label, dy in zip(CORNERS, ("(1, 0, 0)", "(0, 1, 0)", "(0, 0, 1)"), (-0.07, -0.07, 0.03)):
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
                            title=f"softmax(z / T)\n{TEMPERATURES[0]:g} ≤ T ≤ {TEMPERATURES[-1]:g}",
                            title_fontsize=style.SMALL, alignment="left")
        legend.get_title().set_color(theme.text)
        return style.svg_bytes(fig, "")  # every language's figure: no title in one of them


def _vector(values, digits: str) -> str:
    return ", ".join(f"{v:{digits}}" for v in values)


def simplex_alt(entry: Activation) -> str:
    """What the simplex figure shows: where softmax(z / T) runs as the temperature T changes."""
    sentences = [_("A triangle whose corners are the three certain outcomes, class 1, 2 or 3, the probability vectors "
                   "(1, 0, 0), (0, 1, 0) and (0, 0, 1), and whose points are all probability vectors of three classes; "
                   "the centre, marked, is the uniform distribution.")]
    for z, probs in zip(SIMPLEX_SCORES, simplex_paths(entry)):
        sentences.append(_("For scores ({scores}) the curve of softmax(z / T) runs from ({cold}) at T = {t_low} to "
                           "({hot}) at T = {t_high}, passing ({at_one}) at T = 1 (dot).").format(
            scores=_vector(z, "g"), cold=_vector(probs[0], ".2f"), t_low=f"{TEMPERATURES[0]:g}",
            hot=_vector(probs[-1], ".2f"), t_high=f"{TEMPERATURES[-1]:g}",
            at_one=_vector(entry.fn(np.array(z)), ".2f")))
    sentences.append(_("Low temperature moves towards the corner of the largest score, high temperature towards "
                       "the centre."))
    return " ".join(sentences)


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
        out += svg_outputs(stem, partial(draw, entry), deps)
        out.append(Output(f"figures/{stem}.md",
                          lambda e=entry, a=alt, s=stem: figure_markdown(s, a(e), SOURCE, style.WIDTH, style.HEIGHT),
                          (*deps, GENERATORS / "figure_snippets.py")))
    entry = REGISTRY["softmax"]
    deps = (*module_files(entry), HERE, Path(style.__file__), GENERATORS / "activation_figures.py")
    out += svg_outputs("softmax-simplex", partial(draw_simplex, entry), deps)
    out.append(Output("figures/softmax-simplex.md",
                      lambda: figure_markdown("softmax-simplex", simplex_alt(entry), SOURCE, style.WIDTH, style.HEIGHT),
                      (*deps, GENERATORS / "figure_snippets.py")))
    return out
