"""Properties of an elementwise activation, computed from the function itself."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar

from activations import Activation

DENSE = np.linspace(-50.0, 50.0, 200_001)  # step 0.0005: finds interior extrema and flat pieces
NEAR = np.linspace(-8.0, 8.0, 16_001)  # a bound reached on this interval is attained, not a limit
FAR = 1e3  # the derivative here stands for its limit at +-infinity


@dataclass(frozen=True)
class Extremum:
    value: float
    closed: bool  # attained at some finite x
    where: str  # "" for a limit, "x = ..." or "x <= 0" where attained


@dataclass(frozen=True)
class Properties:
    lower: Extremum
    upper: Extremum
    monotonic: bool
    f0: float
    d0: float
    max_slope: float
    zero_centred: bool
    saturates: str  # "", "left", "right" or "both", with "hard" where the derivative is exactly 0
    minimum: Extremum | None  # the global minimum, if one is attained


def jumps_at(f, k: float) -> bool:
    """Whether f's one-sided limits at k differ (the derivative at a kink is then a convention)."""
    return abs(float(f(k - 1e-9)) - float(f(k + 1e-9))) > 1e-6


def _refine(f, x0: float, sign: float) -> tuple[float, float]:
    """The extremum near x0 (sign = 1 for a minimum, -1 for a maximum), to float precision."""
    res = minimize_scalar(lambda t: sign * float(f(t)), bracket=(x0 - 0.01, x0, x0 + 0.01), tol=1e-12)
    return float(res.x), float(f(res.x))


def _fmt_where(x: np.ndarray, hits: np.ndarray) -> str:
    """Where a flat piece lies; a grid end next to a jump is written as a strict inequality."""
    xs = x[hits]
    step = x[1] - x[0]
    lo, hi = float(xs[0]), float(xs[-1])
    if len(xs) == 1:
        return f"x = {lo:.4g}"
    upper = f"x ≤ {hi:.4g}" if abs(hi - round(hi)) < 1e-9 else f"x < {round(hi + step, 6):.4g}"
    lower = f"x ≥ {lo:.4g}" if abs(lo - round(lo)) < 1e-9 else f"x > {round(lo - step, 6):.4g}"
    if xs[0] == x[0]:
        return upper
    if xs[-1] == x[-1]:
        return lower
    return f"{lower} and {upper}"


def _bound(entry: Activation, y: np.ndarray, sign: float) -> Extremum:
    """Lower (sign = 1) or upper (sign = -1) end of the range."""
    f = entry.fn
    limits = [float(f(-np.inf)), float(f(np.inf))]
    i = int(np.argmin(sign * y))
    interior = 0 < i < len(y) - 1 and sign * y[i] < min(sign * v for v in limits) - 1e-12
    if interior:
        flat = y == y[i]
        if np.sum(flat) > 1:
            return Extremum(float(y[i]), True, _fmt_where(DENSE, flat))
        x, v = _refine(f, float(DENSE[i]), sign)
        return Extremum(v, True, f"x = {x:.4g}")
    value = min(limits, key=lambda v: sign * v)
    near = f(NEAR)
    hits = near == value
    return Extremum(value, bool(np.any(hits)), _fmt_where(NEAR, hits) if np.any(hits) else "")


def compute(entry: Activation) -> Properties:
    f, d = entry.fn, entry.derivative
    y = f(DENSE)
    lower, upper = _bound(entry, y, 1.0), _bound(entry, y, -1.0)
    slopes = np.abs(d(DENSE))
    sides = []
    for side, x in (("left", -FAR), ("right", FAR)):
        if abs(float(d(x))) < 1e-12:  # the derivative tends to 0
            hard = float(d(x / 100)) == 0.0  # and is exactly 0 on a whole half-line
            sides.append(f"{side}{' (exactly 0)' if hard else ''}")
    return Properties(
        lower=lower, upper=upper,
        monotonic=bool(np.all(np.diff(y) >= 0)),
        f0=float(f(0.0)), d0=float(d(0.0)),
        max_slope=float(max(np.max(slopes), abs(float(d(-FAR))), abs(float(d(FAR))))),
        zero_centred=float(f(0.0)) == 0.0 and lower.value < 0 < upper.value,
        saturates=", ".join(sides),
        minimum=lower if lower.closed else None,
    )


def interval(p: Properties) -> str:
    def end(e: Extremum) -> str:
        return "∞" if e.value == np.inf else "-∞" if e.value == -np.inf else f"{e.value:.4g}"
    left = "[" if p.lower.closed else "("
    right = "]" if p.upper.closed else ")"
    return f"{left}{end(p.lower)}, {end(p.upper)}{right}"
