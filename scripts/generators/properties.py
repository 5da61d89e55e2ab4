"""Properties of an elementwise activation, computed from the function itself."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.integrate import quad
from scipy.optimize import brentq

from activations import REGISTRY, Activation
from formatting import DIGITS, show
from messages import _, current

STEP = 0.0005
SPAN = 50.0
DENSE = np.linspace(-SPAN, SPAN, int(round(2 * SPAN / STEP)) + 1)  # finds interior extrema and flat pieces
NEAR = np.linspace(-8.0, 8.0, 16_001)  # a bound reached on this interval is attained, not a limit
FAR = 1e300  # every function here has reached its limit, in float64, long before this
GROWTH = 1e20  # where f(2x) / f(x) gives the power of an unbounded f: 2 for x, 4 for x^2
EDGE = 40.0  # beyond +-40 the normal density is below the smallest float: the mean needs no more
QUAD = {"limit": 200, "epsabs": 1e-15, "epsrel": 1e-13}


@dataclass(frozen=True)
class Extremum:
    value: float
    closed: bool  # attained at some finite x
    where: str  # "" for a limit, "x = ..." or "x ≤ 0" where attained; its words in the language being rendered


@dataclass(frozen=True)
class Limit:
    """How f or f' behaves as x goes to one infinity: f ~ slope * x^power, or f tends to value."""

    slope: float  # 0 where the limit is finite
    value: float  # the finite limit, or +-inf
    exact: str  # "" or where the value is taken exactly, as "x ≤ 0"
    power: int = 1  # f ~ slope * x^power where it grows (2 for squared ReLU)
    # where g repeats for ever and so has no limit: the lowest and highest values it keeps returning to
    between: tuple[float, float] | None = None


@dataclass(frozen=True)
class Mean:
    """E[f(z)] for z ~ N(0, 1)."""

    value: float
    tolerance: float  # 0 where exact (f - c odd), else a bound on the quadrature error


@dataclass(frozen=True)
class Properties:
    lower: Extremum
    upper: Extremum
    values: tuple[float, ...] | None  # the range, where f takes only these values
    monotonic: bool
    f0: float
    d0: float
    max_slope: float
    mean: Mean
    left: tuple[Limit, Limit]  # f and f' as x -> -infinity
    right: tuple[Limit, Limit]  # f and f' as x -> +infinity
    minimum: Extremum | None  # the global minimum, if one is attained
    # open intervals between the two sides of a jump that f takes no value in, each with whether its
    # ends are values of f: (lo, lo taken, hi, hi taken)
    gaps: tuple[tuple[float, bool, float, bool], ...] = ()


def jumps_at(f, k: float) -> bool:
    """Whether f's one-sided limits at k differ (the derivative at a kink is then a convention)."""
    return abs(float(f(k - 1e-9)) - float(f(k + 1e-9))) > 1e-6


def cuts(entry: Activation) -> list[float]:
    """Kinks and jumps, each once, in order."""
    return sorted(set(entry.kinks) | set(entry.jumps))


def conventions(entry: Activation) -> list[float]:
    """Where f' has no value (f' or f jumps there), so the implementation's value is a convention."""
    return [k for k in cuts(entry) if k in entry.jumps or jumps_at(entry.derivative, k)]


def one_sided(g, k: float, side: float) -> float:
    """The limit of g at k from the left (side -1) or right (side 1). g is evaluated 1e-12 away,
    which is within about 1e-12 of the limit for every function here, and rounded to 9 digits
    (a limit of 0 to 9 decimals: rounding to 9 digits would keep the 1e-12 a slope leaves)."""
    value = float(g(k + side * 1e-12))
    return 0.0 if abs(value) < 1e-9 else float(f"{value:.9g}") + 0.0


def convention_text(entry: Activation, k: float) -> str:
    """The one way every page writes a derivative's conventional value."""
    return _("f'({x}) = {value} (convention)").format(x=show(k), value=show(float(entry.derivative(k))))


def _root(g, a: float, b: float) -> float:
    """A zero of g in [a, b], where g changes sign, by Brent's method to float precision. A root
    finder stops within its tolerance of the zero; where g is exactly 0 at the short decimal
    next to that point, the zero is that decimal."""
    if float(g(a)) == 0.0:
        return a
    if float(g(b)) == 0.0:
        return b
    r = brentq(lambda t: float(g(t)), a, b, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=200)
    snapped = round(r, 10)
    return snapped if float(g(snapped)) == 0.0 else r


def second_derivative(d, x: float) -> float:
    """f''(x) as a central difference of the analytic f'; its error, near 1e-10, moves a zero of
    f'' by far less than the digits printed."""
    h = 1e-6 * max(1.0, abs(x))
    return (float(d(x + h)) - float(d(x - h))) / (2 * h)


def derivative_extremum(entry: Activation, sign: float, lo: float = -SPAN, hi: float = SPAN) -> tuple[float, float] | None:
    """(x, f'(x)) where f' is largest (sign 1) or smallest (sign -1) on [lo, hi], if that is one
    point: located by a root finder on f'' inside a smooth piece, or a kink where f' is continuous."""
    d = entry.derivative
    if entry.period is not None and hi - lo >= entry.period:
        return None  # f' repeats: its extremes are taken once every period, not at one point
    x = np.linspace(lo, hi, int(round((hi - lo) / STEP)) + 1)
    y = sign * d(x)
    i = int(np.argmax(y))
    near = np.flatnonzero(y >= y[i] - 1e-9 * max(1.0, abs(y[i])))
    if len(near) != 1 or i in (0, len(x) - 1):
        return None  # a flat piece, or the largest value lies at the end of [lo, hi]
    inside = [k for k in cuts(entry) if x[i - 1] <= k <= x[i + 1]]
    if inside:
        k = inside[0]
        return None if k in conventions(entry) else (k, float(d(k)))
    r = _root(lambda t: second_derivative(d, t), float(x[i - 1]), float(x[i + 1]))
    return r, float(d(r))


def _where(x: np.ndarray, hits: np.ndarray) -> str:
    """Where a flat piece lies; a grid end next to a jump is written as a strict inequality."""
    xs = x[hits]
    step = x[1] - x[0]
    lo, hi = float(xs[0]), float(xs[-1])
    if len(xs) == 1:
        return f"x = {show(lo)}"
    upper = f"x ≤ {show(round(hi))}" if abs(hi - round(hi)) < 1e-9 else f"x < {show(round(hi + step, 6))}"
    lower = f"x ≥ {show(round(lo))}" if abs(lo - round(lo)) < 1e-9 else f"x > {show(round(lo - step, 6))}"
    if xs[0] == x[0]:
        return upper
    if xs[-1] == x[-1]:
        return lower
    return _("{lower} and {upper}").format(lower=lower, upper=upper)


def _bound(entry: Activation, y: np.ndarray, sign: float) -> Extremum:
    """Lower (sign = 1) or upper (sign = -1) end of the range."""
    f = entry.fn
    if entry.period is not None and abs(float(f(FAR))) < 1e100:  # f itself repeats: the end is taken every period
        x, value = periodic_extreme(f, entry.derivative, entry.period, -sign)
        return Extremum(value, True, every(x, entry.period))
    limits = [float(f(-np.inf)), float(f(np.inf))]
    i = int(np.argmin(sign * y))
    interior = 0 < i < len(y) - 1 and sign * y[i] < min(sign * v for v in limits) - 1e-12
    if interior:
        flat = y == y[i]
        if np.sum(flat) > 1:
            return Extremum(float(y[i]), True, _where(DENSE, flat))
        x = _root(entry.derivative, float(DENSE[i - 1]), float(DENSE[i + 1]))  # f' = 0 at the extremum
        return Extremum(float(f(x)), True, f"x = {show(x)}")
    value = min(limits, key=lambda v: sign * v)
    near = f(NEAR)
    hits = near == value
    return Extremum(value, bool(np.any(hits)), _where(NEAR, hits) if np.any(hits) else "")


def periodic_extreme(g, dg, period: float, sign: float) -> tuple[float, float]:
    """(x, g(x)) where g, of the given period, is largest (sign 1) or smallest (sign -1): located by a
    root finder on dg, its derivative, over two periods; of the points where g takes it, the nearest
    to 0 (the positive one on a tie)."""
    x = np.linspace(-period, period, 40_001)
    y = sign * g(x)
    top = np.max(y)
    found = []
    for i in np.flatnonzero((y[1:-1] >= y[:-2]) & (y[1:-1] >= y[2:]) & (y[1:-1] >= top - 1e-6)) + 1:
        r = _root(dg, float(x[i - 1]), float(x[i + 1]))
        found.append((float(g(r)), r))
    value = max(found, key=lambda vr: sign * vr[0])[0]
    where = min((r for v, r in found if sign * v >= sign * value - 1e-12), key=lambda r: (round(abs(r), 9), r < 0))
    # The root finder puts x within about 1e-16 of the extreme, where g is flat: g(x) differs from the
    # extreme by the square of that, far below the 12 decimals kept. An extreme of 0 is then 0, not
    # the 1e-32 that g has at the float next to the exact point.
    return where, round(float(g(where)), 12) + 0.0


def oscillation(entry: Activation, g) -> tuple[float, float]:
    """The lowest and highest values of g (f or f', when it repeats with the entry's period)."""
    dg = entry.derivative if g is entry.fn else (lambda t: second_derivative(entry.derivative, t))
    return periodic_extreme(g, dg, entry.period, -1.0)[1], periodic_extreme(g, dg, entry.period, 1.0)[1]


def every(x: float, period: float) -> str:
    """Where a periodic function takes a value: x and every period from there."""
    return _("x = {x} + {period} k (k any integer)").format(x=show(x), period=show(period))


def limit(entry: Activation, g, side: float) -> Limit:
    """g (f or f') as x -> side * infinity: its value far out, or its slope where it grows."""
    far = float(g(side * FAR))
    if abs(far) > 1e100:  # grows without bound: f ~ slope * x^power, the power read off g(2x) / g(x)
        power = round(math.log2(float(g(side * 2 * GROWTH)) / float(g(side * GROWTH))))
        if power != 1:
            return Limit(float(f"{float(g(side * GROWTH)) / (side * GROWTH) ** power:.12g}"),
                         math.copysign(np.inf, far), "", power)
        return Limit(float(f"{far / (side * FAR):.12g}"), math.copysign(np.inf, far), "")
    if entry.period is not None:  # g repeats for ever: it has no limit, it keeps swinging between its extremes
        return Limit(0.0, math.nan, "", between=oscillation(entry, g))
    # The value at infinity itself, where g gives one: a tail like squareplus's b / (4 |x|) is still
    # 1e-300 at FAR.
    at_inf = float(g(side * np.inf))
    value = (at_inf if math.isfinite(at_inf) else far) + 0.0  # -0.0 from an underflow is 0
    if not cuts(entry):
        return Limit(0.0, value, "")
    k = cuts(entry)[0 if side < 0 else -1]  # beyond the outermost kink, a piecewise f may be constant
    beyond = DENSE[DENSE < k] if side < 0 else DENSE[DENSE > k]
    if not np.all(g(beyond) == value):
        return Limit(0.0, value, "")
    derivative = g is entry.derivative
    closed = float(g(k)) == value and not (derivative and k in conventions(entry))
    op = ("≤" if closed else "<") if side < 0 else ("≥" if closed else ">")
    return Limit(0.0, value, f"x {op} {show(k)}")


def normal_mean(entry: Activation) -> Mean:
    """E[f(z)] for z ~ N(0, 1): exactly c where f - c is odd (z is symmetric), else by adaptive
    quadrature split at the kinks and jumps."""
    f = entry.fn
    x = DENSE[DENSE > 0]
    half = (f(x) + f(-x)) / 2
    c = float(np.median(half))
    if np.all(np.abs(half - c) <= 1e-15 * max(1.0, abs(c))):
        return Mean(round(c, 12) + 0.0, 0.0)
    edges = [-EDGE, *sorted({0.0, *cuts(entry)}), EDGE]
    density = lambda z: math.exp(-z * z / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    total, error = 0.0, 0.0
    for a, b in zip(edges[:-1], edges[1:]):
        v, e = quad(lambda z: float(f(z)) * density(z), a, b, **QUAD)
        total, error = total + v, error + e
    return Mean(total, 10.0 ** math.ceil(math.log10(max(error, 1e-16))))


def mean_text(m: Mean) -> str:
    """The mean as the tables print it; a quadrature result within its error of 0 is 0 to within it."""
    if m.tolerance == 0:
        return show(m.value)
    if abs(m.value) <= m.tolerance:
        return _("0 to within {tolerance}").format(tolerance=f"{m.tolerance:.0e}")
    return f"{m.value:#.{DIGITS}g}"


def max_slope(entry: Activation, left: Limit, right: Limit) -> float:
    """The supremum of |f'|: over a dense grid, at the kinks, in the limits, and at an interior
    maximum or minimum of f' located by a root finder."""
    d = entry.derivative
    candidates = [float(np.max(np.abs(d(DENSE)))), *(abs(float(d(k))) for k in cuts(entry)),
                  *(max(map(abs, lim.between)) if lim.between else abs(lim.value) for lim in (left, right))]
    for sign in (1.0, -1.0):
        ext = derivative_extremum(entry, sign)
        if ext is not None:
            candidates.append(abs(ext[1]))
    return max(candidates)


def compute(entry: Activation) -> Properties:
    """An entry's properties; a registry entry's once per process and language (where a minimum lies is
    written in words), since its table row, its page's table and its figure's alt text all need them."""
    if not any(entry is registered for registered in REGISTRY.values()):
        return _compute(entry)
    key = (id(entry), current())  # a registry entry lives as long as the process: its id stays its own
    if key not in _COMPUTED:
        _COMPUTED[key] = _compute(entry)
    return _COMPUTED[key]


_COMPUTED: dict[tuple[int, str], Properties] = {}


def entry_group(entry: Activation) -> str:
    """The render group (outputs.Output.group) of the outputs made from an entry's properties and its
    figure: rendered by one process, they compute each once."""
    return f"entry {entry.slug}"


def _compute(entry: Activation) -> Properties:
    f, d = entry.fn, entry.derivative
    y = f(DENSE)
    lower, upper = _bound(entry, y, 1.0), _bound(entry, y, -1.0)
    taken = np.unique(np.concatenate([y, f(np.array(cuts(entry), dtype=float))]))
    left = (limit(entry, f, -1.0), limit(entry, d, -1.0))
    right = (limit(entry, f, 1.0), limit(entry, d, 1.0))
    return Properties(
        lower=lower, upper=upper,
        values=tuple(float(v) for v in taken) if len(taken) <= 8 else None,
        monotonic=bool(np.all(np.diff(y) >= 0) or np.all(np.diff(y) <= 0)),
        f0=float(f(0.0)), d0=float(d(0.0)),
        max_slope=max_slope(entry, left[1], right[1]),
        mean=normal_mean(entry),
        left=left, right=right,
        minimum=lower if lower.closed else None,
        gaps=gaps(entry, taken),
    )


def gaps(entry: Activation, taken: np.ndarray) -> tuple[tuple[float, bool, float, bool], ...]:
    """Where f jumps over values it takes nowhere (on the dense grid, and at its kinks and jumps):
    the open interval between the one-sided limits, and whether f takes each end."""
    out = set()
    for k in entry.jumps:
        lo, hi = sorted(one_sided(entry.fn, k, side) for side in (-1, 1))
        if not np.any((taken > lo) & (taken < hi)):
            out.add((lo, bool(np.any(taken == lo)), hi, bool(np.any(taken == hi))))
    return tuple(sorted(out))


def range_text(p: Properties) -> str:
    """The range as an interval, a union of intervals where f jumps over a gap, or a set where f
    takes finitely many values."""
    if p.values is not None:
        return "{" + ", ".join(show(v) for v in p.values) + "}"
    ends = [(p.lower.value, p.lower.closed)]
    for lo, lo_taken, hi, hi_taken in p.gaps:
        ends += [(lo, lo_taken), (hi, hi_taken)]
    ends.append((p.upper.value, p.upper.closed))
    pieces = []
    for (a, a_closed), (b, b_closed) in zip(ends[::2], ends[1::2]):
        if a == b:  # a single value between two gaps
            pieces.append("{" + show(a) + "}")
        else:
            pieces.append(f"{'[' if a_closed else '('}{show(a)}, {show(b)}{']' if b_closed else ')'}")
    return " ∪ ".join(pieces)


def saturation_text(p: Properties) -> str:
    """The sides where f' tends to 0, with where it is exactly 0."""
    sides = []
    for name, lim in ((_("left"), p.left[1]), (_("right"), p.right[1])):
        if lim.slope == 0 and lim.value == 0:
            sides.append(_("{side} (f' = 0 for {where})").format(side=name, where=lim.exact) if lim.exact else name)
    return ", ".join(sides) or _("no")
