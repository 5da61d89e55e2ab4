"""Figure of every registry entry: function and derivative on shared axes, light and dark."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np

import style
from activations import REGISTRY, Activation
from figure_snippets import figure_markdown
from outputs import ROOT, Output

HERE = Path(__file__)
SAMPLES = 1601  # points per curve: smooth at any zoom, small SVG after path simplification


def module_files(entry: Activation) -> tuple[Path, ...]:
    """The source files an entry's figures and tables are computed from."""
    pkg = ROOT / "src" / "activations"
    return (pkg / entry.source, pkg / "_arrays.py", pkg / "registry.py")


def _fmt(v: float) -> str:
    return f"{v:.4g}"


def derivative_peak(entry: Activation) -> tuple[float, float] | None:
    """(x, f'(x)) of the derivative's maximum on the plotted range, if it is one isolated point."""
    x = np.linspace(*entry.x_range, SAMPLES)
    d = entry.derivative(x)
    top = np.max(d)
    near = np.flatnonzero(d >= top - 1e-9 * max(1.0, abs(top)))
    if len(near) != 1 or near[0] in (0, len(x) - 1):
        return None
    return float(x[near[0]]), float(top)


def _segments(entry: Activation, x: np.ndarray):
    """Pieces of the derivative between kinks, so no line is drawn across a jump."""
    if entry.kink is None:
        return [x]
    return [x[x < entry.kink], x[x > entry.kink]]


def draw(entry: Activation, theme: style.Theme) -> bytes:
    with style.themed(theme):
        fig, ax = style.new_figure(theme)
        x = np.linspace(*entry.x_range, SAMPLES)
        if entry.kink is not None and entry.kink not in x:
            x = np.sort(np.append(x, entry.kink))
        ax.plot(x, entry.fn(x), color=theme.primary, label=f"{entry.name}(x)")
        for i, seg in enumerate(_segments(entry, x)):
            ax.plot(seg, entry.derivative(seg), color=theme.secondary, linestyle="--",
                    label=f"{entry.name}'(x)" if i == 0 else None)
        if entry.kink is not None:
            k, eps = entry.kink, 1e-9
            value = float(entry.derivative(k))
            for side in (float(entry.derivative(k - eps)), float(entry.derivative(k + eps))):
                if side != value:  # the one-sided limit is not the value: an open end
                    ax.plot([k], [side], "o", markersize=7, markerfacecolor="none",
                            markeredgecolor=theme.secondary, markeredgewidth=1.8)
            ax.plot([k], [value], "o", markersize=7, color=theme.secondary)
            ax.annotate(f"{entry.name}'({_fmt(k)}) = {_fmt(value)} (convention)", (k, value),
                        xytext=(12, 22), textcoords="offset points", color=theme.text, fontsize=10,
                        arrowprops={"arrowstyle": "-", "color": theme.muted, "linewidth": 0.8})
        peak = derivative_peak(entry)
        if peak is not None:
            px, py = peak
            ax.plot([px], [py], "o", markersize=7, color=theme.accent)
            ax.annotate(f"max {entry.name}'(x) = {_fmt(py)} at x = {_fmt(px)}", (px, py),
                        xytext=(14, 10), textcoords="offset points", color=theme.text, fontsize=10)
        ax.axhline(0, color=theme.axis, linewidth=0.9)
        ax.axvline(0, color=theme.axis, linewidth=0.9)
        ax.set_xlim(*entry.x_range)
        ax.set_xlabel("x")
        ax.legend(loc="upper left")
        return style.svg_bytes(fig, f"{entry.name} and its derivative")


def alt_text(entry: Activation) -> str:
    lo, hi = entry.x_range
    fx = entry.fn(np.linspace(lo, hi, SAMPLES))
    text = (f"Plot of {entry.name} (solid line) and its derivative (dashed line) for x from "
            f"{_fmt(lo)} to {_fmt(hi)}. {entry.name} {entry.summary}; on this interval it goes from "
            f"{_fmt(fx[0])} to {_fmt(fx[-1])}.")
    peak = derivative_peak(entry)
    if peak is not None:
        text += f" The derivative is largest, {_fmt(peak[1])}, at x = {_fmt(peak[0])}, and falls towards 0 on both sides."
    if entry.kink is not None:
        k = entry.kink
        left, right = (float(entry.derivative(k + s)) for s in (-1e-9, 1e-9))
        text += (f" The derivative jumps from {_fmt(left)} to {_fmt(right)} at x = {_fmt(k)}, where it takes the "
                 f"value {_fmt(float(entry.derivative(k)))} by convention.")
    return text


def outputs() -> list[Output]:
    out = []
    for entry in REGISTRY.values():
        if not entry.elementwise:
            continue  # vector functions get their own pictures (see softmax_outputs.py)
        deps = (*module_files(entry), HERE, ROOT / "scripts" / "style.py")
        for name, theme in style.THEMES.items():
            out.append(Output(f"figures/{entry.slug}-{name}.svg", partial(draw, entry, theme), deps))
        out.append(Output(
            f"figures/{entry.slug}.md",
            lambda e=entry: figure_markdown(e.slug, alt_text(e), "scripts/activation_figures.py", style.WIDTH, style.HEIGHT),
            (*deps, ROOT / "scripts" / "figure_snippets.py"),
        ))
    return out
