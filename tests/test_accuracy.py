"""Accuracy against 50-digit values from mpmath, in units in the last place (ULP)."""

from __future__ import annotations

from functools import cache, partial

import mpmath as mp
import numpy as np
import pytest
import scipy.special

from activations import REGISTRY, log_softmax, softmax, softmin, sparsemax
from accuracy_grid import exact_value, grid, series
from exact import ELEMENTWISE, GATES, PARAMETRISED, softmax_rows, softmin_rows, sparsemax_row, ulp_error, ulp_errors

ELEMENTWISE_ENTRIES = [a for a in REGISTRY.values() if a.elementwise]
DTYPES = [np.float64, np.float32]


def test_every_elementwise_entry_has_a_reference():
    assert {a.slug for a in ELEMENTWISE_ENTRIES} == set(ELEMENTWISE)


def condition(g, x) -> float:
    """|x g'(x) / g(x)|: how much a relative change of x is magnified in g(x)."""
    # mp.diff's step is absolute: at 50 digits it vanishes next to a huge x, and the slope of a
    # function that oscillates there (sin x at x = 1e200) came out as 0. Carry the digits of x too.
    with mp.workdps(mp.mp.dps + max(0, int(mp.log10(abs(x))) if x else 0)):
        gx = g(x)
        return float(abs(x * mp.diff(g, x) / gx)) if gx != 0 else float("inf")


def check_errors(errors: np.ndarray, g, bound: float, x: np.ndarray, exact_at, dtype, name: str) -> None:
    """Every point within `bound` ULP, or within bound * k where g's condition number k > 1
    (errors: exact.ulp_errors at the points x; exact_at(i): the exact value at x[i])."""
    assert np.sum(np.isfinite(errors)) > len(x) // 4, "too few points where the exact value is a normal float"
    for i in np.flatnonzero(errors > bound):
        assert exact_at(i) != 0, f"{name}({x[i]!r}) should be exactly 0"
        k = condition(g, mp.mpf(float(x[i])))
        assert errors[i] <= bound * max(1.0, k), (
            f"{name}({x[i]!r}) ({dtype.__name__}): {errors[i]:.3f} ULP > {bound} x condition {k:.3g}")


def check_ulp(f, g, bound: float, x: np.ndarray, exact: list, dtype, name: str | None = None) -> None:
    check_errors(ulp_errors(f(x), exact, dtype), g, bound, x, exact.__getitem__, dtype, name or f.__name__)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("which", [0, 1], ids=["function", "derivative"])
@pytest.mark.parametrize("entry", ELEMENTWISE_ENTRIES, ids=lambda a: a.slug)
def test_ulp_bound(entry, which, dtype, grid_ulp_errors):
    """On the dense grid; the errors come from tests/accuracy_grid.py, computed while other tests ran."""
    f, bound = (entry.fn, entry.ulp_bound) if which == 0 else (entry.derivative, entry.derivative_ulp_bound)
    x = grid(dtype)
    check_errors(grid_ulp_errors[series(entry, which, dtype)], ELEMENTWISE[entry.slug][which], bound, x,
                 lambda i: exact_value(entry.slug, which, x[i]), dtype, f.__name__)


# --- the other parameter values the figures draw ---------------------------------------------

VARIANTS = [(a, dict(v)) for a in ELEMENTWISE_ENTRIES for v in a.variants if dict(v) != dict(a.params)]


def _variant_id(case) -> str:
    entry, params = case
    return entry.slug + "-" + ",".join(f"{k}={v:g}" for k, v in params.items())


def test_every_parameterised_entry_has_a_parameterised_reference():
    assert {a.slug for a in ELEMENTWISE_ENTRIES if a.params} == set(PARAMETRISED)
    assert VARIANTS, "no entry draws a non-default parameter value"


@cache
def variant_grid(dtype, kinks: tuple[float, ...]) -> np.ndarray:
    """A thinner grid than grid() (every 0.02 on [-40, 40] and 300 magnitudes per sign out to the
    largest float), with the whole log-spaced approach to each kink kept."""
    info = np.finfo(dtype)
    dense = np.linspace(-40, 40, 4001)
    with np.errstate(over="ignore"):
        wide = np.geomspace(float(info.tiny), float(info.max), 300).astype(dtype)
    wide[-1] = info.max
    near = np.geomspace(float(info.eps), 1.0, 200)
    at_kinks = [k + s * near for k in kinks for s in (-1, 1)]
    return np.unique(np.concatenate([dense.astype(dtype), wide, -wide, *(np.asarray(a, dtype) for a in at_kinks)]))


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("which", [0, 1], ids=["function", "derivative"])
@pytest.mark.parametrize("case", VARIANTS, ids=_variant_id)
def test_ulp_bound_of_the_other_drawn_parameter_values(case, which, dtype):
    entry, params = case
    f, bound = (entry.fn, entry.ulp_bound) if which == 0 else (entry.derivative, entry.derivative_ulp_bound)
    g = PARAMETRISED[entry.slug](**params)[which]
    x = variant_grid(dtype, entry.kinks)
    exact = [g(mp.mpf(float(v))) for v in x]
    check_ulp(partial(f, **params), g, bound, x, exact, dtype, name=f"{f.__name__}(..., {_variant_id(case)})")


@pytest.mark.parametrize("case", VARIANTS, ids=_variant_id)
def test_derivative_of_the_other_drawn_parameter_values_is_the_derivative(case):
    entry, params = case
    f, d = PARAMETRISED[entry.slug](**params)
    x = np.linspace(-12.34, 12.34, 41)
    for k in entry.kinks:
        x = x[np.abs(x - k) > 1e-3]
    exact = [mp.diff(f, mp.mpf(float(v))) for v in x]
    check_ulp(partial(entry.derivative, **params), d, max(entry.derivative_ulp_bound, 0.5), x, exact, np.float64,
              name=entry.derivative.__name__)


GATED = [a for a in REGISTRY.values() if a.family == "Gated"]


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("entry", GATED, ids=lambda a: a.slug)
def test_gated_units_ulp_bound(entry, dtype):
    rng = np.random.default_rng(20261127)
    a = np.concatenate([rng.normal(0, 3, 400), np.geomspace(1e-30, 1e30, 100)]).astype(dtype)
    b = np.concatenate([rng.normal(0, 3, 400), np.linspace(-30, 30, 100)]).astype(dtype)
    gate = GATES[entry.slug]
    exact = [mp.mpf(float(u)) * gate(mp.mpf(float(v))) for u, v in zip(a, b)]
    errors = ulp_errors(entry.fn(np.stack([a, b], axis=-1)), exact, dtype)
    for i in np.flatnonzero(errors > entry.ulp_bound):  # only b matters to the conditioning
        assert exact[i] != 0, f"{entry.slug}({a[i]}, {b[i]}) should be exactly 0"
        k = condition(gate, mp.mpf(float(b[i])))
        assert errors[i] <= entry.ulp_bound * max(1.0, k), f"{entry.slug}({a[i]}, {b[i]}): {errors[i]:.2f} ULP"


@pytest.mark.parametrize("entry", ELEMENTWISE_ENTRIES, ids=lambda a: a.slug)
def test_derivative_is_the_derivative(entry):
    """Against mpmath's numerical differentiation of the 50-digit function, away from kinks."""
    f = ELEMENTWISE[entry.slug][0]
    x = np.linspace(-12.34, 12.34, 41)
    for k in entry.kinks:
        x = x[np.abs(x - k) > 1e-3]
    exact = [mp.diff(f, mp.mpf(float(v))) for v in x]
    check_ulp(entry.derivative, ELEMENTWISE[entry.slug][1], max(entry.derivative_ulp_bound, 0.5), x, exact, np.float64)


# --- softmax and log_softmax: rows, compared with scipy.special -------------------------------

def _rows(dtype):
    rng = np.random.default_rng(20260427)
    with_inf = rng.normal(0, 3, (40, 8))
    with_inf[rng.random(with_inf.shape) < 0.3] = -np.inf
    with_inf[:, 0] = rng.normal(0, 3, 40)  # at least one finite score per row
    return {
        "N(0, 1)": rng.normal(0, 1, (200, 10)).astype(dtype),
        "N(0, 30^2)": rng.normal(0, 30, (200, 10)).astype(dtype),
        "seed rows": np.array([[2, 10, 1, 4, 0, 0], [1010, 1000, 990, 1010, 1000, 990]], dtype=dtype),
        "rows with -inf": with_inf.astype(dtype),
    }


CASES = [(dt, name) for dt in DTYPES for name in _rows(np.float64)]


@pytest.mark.parametrize(("dtype", "rows"), CASES, ids=[f"{d.__name__}-{n}" for d, n in CASES])
@pytest.mark.parametrize(("ours", "theirs", "log", "bound"), [
    (softmax, scipy.special.softmax, False, REGISTRY["softmax"].ulp_bound),
    (log_softmax, scipy.special.log_softmax, True, REGISTRY["log-softmax"].ulp_bound),
    (softmin, lambda x, axis: scipy.special.softmax(-x, axis=axis), None, REGISTRY["softmin"].ulp_bound),
], ids=["softmax", "log_softmax", "softmin"])
def test_vector_functions_at_least_as_accurate_as_scipy(dtype, rows, ours, theirs, log, bound):
    x = _rows(dtype)[rows]
    if log is None:  # softmin, on the negated rows, so that its rows hold +inf scores, which get 0
        x = -x
        exact = [v for row in softmin_rows(x) for v in row]
    else:
        exact = [v for row in softmax_rows(x, log=log) for v in row]
    mine, _ = ulp_error(ours(x), exact, dtype)
    with np.errstate(divide="ignore", invalid="ignore"):
        ref, _ = ulp_error(theirs(x, axis=-1), exact, dtype)
    message = f"{ours.__name__} on {rows} ({dtype.__name__}): ours {mine:.3f} ULP, scipy {ref:.3f} ULP"
    assert mine <= ref or mine <= 0.5, message
    assert mine <= bound, message


# --- sparsemax: rows, against the bisection-and-KKT reference -----------------------------------

def _sparse_rows(dtype):
    rng = np.random.default_rng(20261128)
    with_inf = rng.normal(0, 0.5, (40, 8))
    with_inf[rng.random(with_inf.shape) < 0.3] = -np.inf
    with_inf[:, 0] = rng.normal(0, 0.5, 40)
    near = rng.normal(0, 0.3, (100, 6))
    return {
        "N(0, 0.3^2)": near.astype(dtype),  # mostly several classes in the support
        "64 scores, N(0, 0.02^2)": rng.normal(0, 0.02, (20, 64)).astype(dtype),  # dozens in the support
        "N(0, 1)": rng.normal(0, 1, (200, 10)).astype(dtype),
        "N(0, 30^2)": rng.normal(0, 30, (100, 10)).astype(dtype),  # mostly one class
        "far from 0": (near + np.array([[1e6], [-1e12], [3e15], [-1e30]] * 25)).astype(dtype),
        "seed rows": np.array([[2, 10, 1, 4], [0.25, 1.25, 0.125, 0.5], [1010, 1000, 990, 1010]], dtype=dtype),
        "rows with -inf": with_inf.astype(dtype),
    }


def sparsemax_condition(row, p: list, tau, i: int) -> float:
    """Sparsemax is computed on the scores less their maximum m, and output i is the difference
    (x_i - m) - (tau - m): where it is much smaller than the two terms, rounding them alone
    changes it by that ratio times their rounding error."""
    m = mp.mpf(float(np.max(row)))
    return float((abs(mp.mpf(float(row[i])) - m) + abs(tau - m)) / p[i]) if p[i] > 0 else 1.0


SPARSE_CASES = [(dt, name) for dt in DTYPES for name in _sparse_rows(np.float64)]


@pytest.mark.parametrize(("dtype", "rows"), SPARSE_CASES, ids=[f"{d.__name__}-{n}" for d, n in SPARSE_CASES])
def test_sparsemax_ulp_bound_and_exact_zeros(dtype, rows):
    x = _sparse_rows(dtype)[rows]
    got = sparsemax(x)
    bound = REGISTRY["sparsemax"].ulp_bound
    for r, row in enumerate(x):
        want, tau, _ = sparsemax_row(row)
        errors = ulp_errors(got[r], want, dtype)
        for i in np.flatnonzero(errors > bound):  # an exact 0 that came out nonzero is inf here
            k = sparsemax_condition(row, want, tau, i)
            assert errors[i] <= bound * max(1.0, k), (
                f"sparsemax({row.tolist()})[{i}] ({dtype.__name__}): {errors[i]:.3f} ULP > {bound} x condition {k:.3g}")
