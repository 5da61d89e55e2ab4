"""Every column of the properties tables, and the facts in the figures' alt text, against values
this test computes itself: closed forms derived by hand, mpmath at 50 digits, and facts stated
literally. Nothing here calls scripts/generators/properties.py to get an expected value."""

from __future__ import annotations

import re

import mpmath as mp
import pytest

import generated
from activation_figures import alt_text
from activations import REGISTRY
from exact import ELEMENTWISE as EXACT
from exact import SELU_ALPHA, SELU_SCALE, cdf, phi, sigmoid, softplus
from registry_outputs import MEAN, columns, properties_row
from outputs import ROOT

mp.mp.dps = 50
ELEMENTWISE = [slug for slug, a in REGISTRY.items() if a.elementwise]
INF, ROOT2PI = mp.inf, mp.sqrt(2 * mp.pi)


def four(v) -> str:
    """v to 4 significant digits, trailing zeros kept: how the tables print an inexact number."""
    return mp.nstr(mp.mpf(v), 4, strip_zeros=False)


def normal_mean(f, cuts=()) -> mp.mpf:
    """E[f(z)], z ~ N(0, 1), by mpmath's quadrature at 50 digits, split at the kinks."""
    return mp.quad(lambda z: f(z) * phi(z), [-INF, *sorted({0, *cuts}), INF])


def root(g, x0) -> mp.mpf:
    return mp.findroot(g, mp.mpf(x0))


def d2(slug):
    """The exact second derivative, from the exact first derivative by mpmath's differentiation."""
    d = EXACT[slug][1]
    return lambda x: mp.diff(d, x)


def minimum(slug, x0):
    """(value, x) of f's minimum: f' = 0, f' from tests/exact.py."""
    f, d = EXACT[slug]
    x = root(d, x0)
    return f(x), x


def derivative_max(slug, x0):
    """(value, x) where f' is stationary near x0: f'' = 0."""
    x = root(d2(slug), x0)
    return EXACT[slug][1](x), x


# Hand-derived closed forms of the means (z ~ N(0, 1), phi and Phi its density and distribution):
#   ReLU: int_0^inf z phi = phi(0) = 1/sqrt(2 pi); leaky ReLU with slope a: (1 - a)/sqrt(2 pi).
#   GELU: E[z Phi(z)] = E[phi(z)] (Stein's lemma) = int phi^2 = 1/(2 sqrt(pi)).
#   ELU(alpha): 1/sqrt(2 pi) + alpha (sqrt(e) Phi(-1) - 1/2), since e^z phi(z) = sqrt(e) phi(z - 1).
#   ReLU6: int_0^6 z phi + 6 P(z > 6) = phi(0) - phi(6) + 6 (1 - Phi(6)).
#   Hard swish: (1/6) int_-3^3 (z^2 + 3z) phi + int_3^inf z phi = (2 Phi(3) - 1 - 6 phi(3))/6 + phi(3).
#   Sigmoid, hard sigmoid, binary step: f - 1/2 is odd (away from 0), so 1/2; tanh-like: 0.
#   SELU: lambda (phi(0) + alpha (sqrt(e) Phi(-1) - 1/2)), 0 for the published constants.
ELU1 = 1 / ROOT2PI + mp.sqrt(mp.e) * cdf(-1) - mp.mpf(1) / 2
SELU_MEAN = SELU_SCALE * (1 / ROOT2PI + SELU_ALPHA * (mp.sqrt(mp.e) * cdf(-1) - mp.mpf(1) / 2))
LEAKY, PRELU = mp.mpf("0.01"), mp.mpf("0.25")  # PyTorch's defaults, which the registry follows
RRELU = (mp.mpf(1) / 8 + mp.mpf(1) / 3) / 2  # RReLU's evaluation slope with PyTorch's lower 1/8 and upper 1/3

SILU_MIN_X = root(lambda x: 1 + x * (1 - sigmoid(x)), -1.3)  # SiLU' = sigma (1 + x (1 - sigma))
SILU_DMAX_X = root(lambda x: x * mp.tanh(x / 2) - 2, 2.4)  # SiLU'' = sigma' (2 - x tanh(x/2))
GELU_MIN_X = root(lambda x: cdf(x) + x * phi(x), -0.75)
GELU_D2 = lambda x: phi(x) * (2 - x * x)  # noqa: E731  GELU'' = 2 phi + x phi' = phi (2 - x^2)


def gelu_min():
    return GELU_MIN_X * cdf(GELU_MIN_X), GELU_MIN_X


def expected_rows() -> dict[str, dict[str, str]]:
    """Each elementwise entry's row, computed here."""
    rows = {}

    def row(slug, rng, below, above, mono, f0, d0, slope, minimum_, mean, sat, smooth, kinks="—"):
        rows[slug] = dict(zip(COLUMNS_ORDER, [rng, below, above, mono, f0, d0, slope, minimum_, mean, sat,
                                             smooth, kinks]))

    smooth = "C<sup>∞</sup>: smooth"
    row("identity", "(-∞, ∞)", "no", "no", "yes", "0", "1", "1", "none", "0", "no", smooth)
    row("binary-step", "{0, 1}", "yes", "yes", "yes", "1", "0 (convention)", "0", "0 at x < 0", "0.5",
        "left (f' = 0 for x < 0), right (f' = 0 for x > 0)", "discontinuous: f jumps at x = 0",
        "f'(0) = 0 (convention)")
    row("sigmoid", "(0, 1)", "yes", "yes", "yes", "0.5", "0.25", "0.25", "none", "0.5", "left, right", smooth)
    row("tanh", "(-1, 1)", "yes", "yes", "yes", "0", "1", "1", "none", "0", "left, right", smooth)
    row("hard-sigmoid", "[0, 1]", "yes", "yes", "yes", "0.5", four(mp.mpf(1) / 6), four(mp.mpf(1) / 6),
        "0 at x ≤ -3", "0.5", "left (f' = 0 for x < -3), right (f' = 0 for x > 3)",
        "C<sup>0</sup>: continuous, f' jumps at x = -3, 3", "f'(-3) = 0 (convention); f'(3) = 0 (convention)")
    row("hard-tanh", "[-1, 1]", "yes", "yes", "yes", "0", "1", "1", "-1 at x ≤ -1", "0",
        "left (f' = 0 for x < -1), right (f' = 0 for x > 1)", "C<sup>0</sup>: continuous, f' jumps at x = -1, 1",
        "f'(-1) = 0 (convention); f'(1) = 0 (convention)")
    row("softsign", "(-1, 1)", "yes", "yes", "yes", "0", "1", "1", "none", "0", "left, right",
        "C<sup>1</sup>: f' continuous, f'' jumps at x = 0")
    row("log-sigmoid", "(-∞, 0)", "no", "yes", "yes", four(-mp.log(2)), "0.5", "1", "none",
        four(-normal_mean(lambda z: softplus(-z))), "right", smooth)
    row("relu", "[0, ∞)", "yes", "no", "yes", "0", "0 (convention)", "1", "0 at x ≤ 0", four(1 / ROOT2PI),
        "left (f' = 0 for x < 0)", "C<sup>0</sup>: continuous, f' jumps at x = 0", "f'(0) = 0 (convention)")
    row("leaky-relu", "(-∞, ∞)", "no", "no", "yes", "0", "0.01 (convention)", "1", "none",
        four((1 - LEAKY) / ROOT2PI), "no", "C<sup>0</sup>: continuous, f' jumps at x = 0",
        "f'(0) = 0.01 (convention)")
    row("prelu", "(-∞, ∞)", "no", "no", "yes", "0", "0.25 (convention)", "1", "none",
        four((1 - PRELU) / ROOT2PI), "no", "C<sup>0</sup>: continuous, f' jumps at x = 0",
        "f'(0) = 0.25 (convention)")
    row("rrelu", "(-∞, ∞)", "no", "no", "yes", "0", f"{four(RRELU)} (convention)", "1", "none",
        four((1 - RRELU) / ROOT2PI), "no", "C<sup>0</sup>: continuous, f' jumps at x = 0",
        f"f'(0) = {four(RRELU)} (convention)")
    # Squared ReLU: f' = 2x grows without bound; E[max(z, 0)^2] = E[z^2] / 2 = 1/2 by symmetry.
    row("squared-relu", "[0, ∞)", "yes", "no", "yes", "0", "0", "∞", "0 at x ≤ 0", four(mp.mpf(1) / 2),
        "left (f' = 0 for x ≤ 0)", "C<sup>1</sup>: f' continuous, f'' jumps at x = 0")
    row("relu6", "[0, 6]", "yes", "yes", "yes", "0", "0 (convention)", "1", "0 at x ≤ 0",
        four(phi(0) - phi(6) + 6 * (1 - cdf(6))), "left (f' = 0 for x < 0), right (f' = 0 for x > 6)",
        "C<sup>0</sup>: continuous, f' jumps at x = 0, 6", "f'(0) = 0 (convention); f'(6) = 0 (convention)")
    # Threshold with its defaults, threshold 0 and value 0, is ReLU, row for row.
    row("threshold", "[0, ∞)", "yes", "no", "yes", "0", "0 (convention)", "1", "0 at x ≤ 0", four(1 / ROOT2PI),
        "left (f' = 0 for x < 0)", "C<sup>0</sup>: continuous, f' jumps at x = 0", "f'(0) = 0 (convention)")
    for slug in ("elu", "celu"):
        row(slug, "(-1, ∞)", "yes", "no", "yes", "0", "1", "1", "none", four(ELU1), "left",
            "C<sup>1</sup>: f' continuous, f'' jumps at x = 0")
    la = SELU_SCALE * SELU_ALPHA
    row("selu", f"({four(-la)}, ∞)", "yes", "no", "yes", "0", f"{four(la)} (convention)", four(la), "none",
        "0 to within", "left", "C<sup>0</sup>: continuous, f' jumps at x = 0", f"f'(0) = {four(la)} (convention)")
    gv, gx = gelu_min()
    gelu_dmax = cdf(mp.sqrt(2)) + mp.sqrt(2) * phi(mp.sqrt(2))  # at x = sqrt 2, where GELU'' = 0
    row("gelu", f"[{four(gv)}, ∞)", "yes", "no", "no", "0", "0.5", four(gelu_dmax),
        f"{four(gv)} at x = {four(gx)}", four(1 / (2 * mp.sqrt(mp.pi))), "left", smooth)
    tv, tx = minimum("gelu-tanh", -0.75)
    row("gelu-tanh", f"[{four(tv)}, ∞)", "yes", "no", "no", "0", "0.5", four(derivative_max("gelu-tanh", 1.4)[0]),
        f"{four(tv)} at x = {four(tx)}", four(normal_mean(EXACT["gelu-tanh"][0])), "left", smooth)
    row("silu", f"[{four(SILU_MIN_X + 1)}, ∞)", "yes", "no", "no", "0", "0.5",
        four(EXACT["silu"][1](SILU_DMAX_X)), f"{four(SILU_MIN_X + 1)} at x = {four(SILU_MIN_X)}",
        four(normal_mean(EXACT["silu"][0])), "left", smooth)
    mv, mx = minimum("mish", -1.2)
    row("mish", f"[{four(mv)}, ∞)", "yes", "no", "no", "0", "0.6",  # tanh(log 2) = 3/5
        four(derivative_max("mish", 1.5)[0]), f"{four(mv)} at x = {four(mx)}",
        four(normal_mean(EXACT["mish"][0])), "left", smooth)
    row("softplus", "(0, ∞)", "yes", "no", "yes", four(mp.log(2)), "0.5", "1", "none",
        four(normal_mean(softplus)), "left", smooth)
    # Squareplus, b = 4: f(0) = sqrt(4) / 2 = 1, f'(0) = 1/2, f' rises to 1 only in the limit; the mean
    # is E[sqrt(z^2 + 4)] / 2, since E[z] = 0.
    row("squareplus", "(0, ∞)", "yes", "no", "yes", "1", "0.5", "1", "none",
        four(normal_mean(lambda z: mp.sqrt(z * z + 4)) / 2), "left", smooth)
    row("hard-swish", "[-0.375, ∞)", "yes", "no", "no", "0", "0.5", "1.5", "-0.375 at x = -1.5",
        four((2 * cdf(3) - 1 - 6 * phi(3)) / 6 + phi(3)), "left (f' = 0 for x < -3)",
        "C<sup>0</sup>: continuous, f' jumps at x = -3, 3", "f'(-3) = -0.5 (convention); f'(3) = 1.5 (convention)")
    # The shrinks, lambda = 1/2, are odd, so their means are 0. Hardshrink takes x for |x| > 1/2 and 0
    # elsewhere: it never takes the values strictly between 0 and +-1/2, nor +-1/2 themselves. Both
    # have f' = 1 outside [-1/2, 1/2], 0 inside, and 0 at +-1/2 as PyTorch's backward gives.
    shrink_kinks = "f'(-0.5) = 0 (convention); f'(0.5) = 0 (convention)"
    row("hardshrink", "(-∞, -0.5) ∪ {0} ∪ (0.5, ∞)", "no", "no", "yes", "0", "0", "1", "none", "0", "no",
        "discontinuous: f jumps at x = -0.5, 0.5", shrink_kinks)
    row("softshrink", "(-∞, ∞)", "no", "no", "yes", "0", "0", "1", "none", "0", "no",
        "C<sup>0</sup>: continuous, f' jumps at x = -0.5, 0.5", shrink_kinks)
    # Tanhshrink: odd; f' = tanh^2 x, 0 at 0, below 1 everywhere and 1 only in the limit.
    row("tanhshrink", "(-∞, ∞)", "no", "no", "yes", "0", "0", "1", "none", "0", "no", smooth)
    # Sine: -1 at x = -pi/2 and every 2 pi from there; odd, so its mean is 0; |cos| <= 1, 1 at 0.
    row("sine", "[-1, 1]", "yes", "yes", "no", "0", "1", "1",
        f"-1 at x = {four(-mp.pi / 2)} + {four(2 * mp.pi)} k (k any integer)", "0", "no", smooth)
    # Snake, a = 1: f' = 1 + sin 2x lies in [0, 2], 2 at x = pi/4; f ~ x at both ends, so no minimum;
    # E[z + sin^2 z] = E[sin^2 z] = (1 - E[cos 2z]) / 2 = (1 - e^-2) / 2, as E[cos tz] = e^(-t^2/2).
    row("snake", "(-∞, ∞)", "no", "no", "yes", "0", "1", "2", "none", four((1 - mp.exp(-2)) / 2), "no", smooth)
    return rows


COLUMNS_ORDER = ["range", "bounded below", "bounded above", "monotonic", "f(0)", "f'(0)", "max |f'|",
                 "global minimum", MEAN, "saturates", "smoothness", "derivative at kinks"]
EXPECTED = expected_rows()


def test_every_elementwise_entry_has_an_expected_row():
    assert sorted(EXPECTED) == sorted(ELEMENTWISE)
    assert list(columns()) == COLUMNS_ORDER


@pytest.mark.parametrize("column", COLUMNS_ORDER)
@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_properties_column(slug, column):
    got, want = properties_row(slug)[column], EXPECTED[slug][column]
    if want == "0 to within":  # SELU: a quadrature result that is 0 only to within its error
        m = re.fullmatch(r"0 to within (1e-\d+)", got)
        assert m, got
        assert float(m.group(1)) <= 1e-12 and abs(SELU_MEAN) < float(m.group(1))
    else:
        assert got == want


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_generated_table_is_the_row_and_links_to_the_definitions(slug):
    text = generated.read(f"properties/{slug}.md")
    for column, value in EXPECTED[slug].items():
        cell = value.replace("|", "\\|")
        if value == "0 to within":
            assert re.search(rf"\| {re.escape(column)} \| 0 to within 1e-\d+ \|", text), column
        else:
            assert f"| {column.replace('|', chr(92) + '|')} | {cell} |" in text, (column, value)
    assert "](/all-activations.md#columns)" in text


def test_comparison_table_repeats_the_rows_and_links_to_the_definitions():
    text = generated.read("tables/all-activations.md")
    assert "](/all-activations.md#columns)" in text
    for slug in ELEMENTWISE:
        line = next(ln for ln in text.splitlines() if f"(/activations/{REGISTRY[slug].page_slug}.md" in ln
                    and f"[{REGISTRY[slug].name}]" in ln)
        for column in ("range", "f'(0)", "global minimum", "saturates"):
            assert f"| {EXPECTED[slug][column]} |" in line, (slug, column)
        assert "| yes |" in line if EXPECTED[slug]["monotonic"] == "yes" else "| no |" in line


def test_all_activations_page_defines_every_column_under_a_stable_anchor():
    page = (ROOT / "docs" / "all-activations.md").read_text()
    assert re.search(r"^## What each column means \{ #columns \}$", page, re.M)
    assert '--8<-- "docs/generated/tables/property-columns.md"' in page.split("{ #columns }")[1]
    definitions = generated.read("tables/property-columns.md")
    for column in COLUMNS_ORDER:
        assert f"- **{column}**: " in definitions, column


# --- alt text: limits at both infinities, extrema of f and f', conventions -------------------------

# (f as x -> -inf, f' as x -> -inf, f as x -> +inf, f' as x -> +inf), from each definition.
LIMITS = {
    "identity": ("falls without bound like x", "tends to 1", "grows without bound like x", "tends to 1"),
    "binary-step": ("tends to 0 (it is 0 for x < 0)", "tends to 0 (it is 0 for x < 0)",
                    "tends to 1 (it is 1 for x ≥ 0)", "tends to 0 (it is 0 for x > 0)"),
    "sigmoid": ("tends to 0", "tends to 0", "tends to 1", "tends to 0"),
    "tanh": ("tends to -1", "tends to 0", "tends to 1", "tends to 0"),
    "hard-sigmoid": ("tends to 0 (it is 0 for x ≤ -3)", "tends to 0 (it is 0 for x < -3)",
                     "tends to 1 (it is 1 for x ≥ 3)", "tends to 0 (it is 0 for x > 3)"),
    "hard-tanh": ("tends to -1 (it is -1 for x ≤ -1)", "tends to 0 (it is 0 for x < -1)",
                  "tends to 1 (it is 1 for x ≥ 1)", "tends to 0 (it is 0 for x > 1)"),
    "softsign": ("tends to -1", "tends to 0", "tends to 1", "tends to 0"),
    "log-sigmoid": ("falls without bound like x", "tends to 1", "tends to 0", "tends to 0"),
    "relu": ("tends to 0 (it is 0 for x ≤ 0)", "tends to 0 (it is 0 for x < 0)", "grows without bound like x",
             "tends to 1 (it is 1 for x > 0)"),
    "leaky-relu": ("falls without bound like 0.01 x", "tends to 0.01 (it is 0.01 for x < 0)",
                   "grows without bound like x", "tends to 1 (it is 1 for x > 0)"),
    "prelu": ("falls without bound like 0.25 x", "tends to 0.25 (it is 0.25 for x < 0)",
              "grows without bound like x", "tends to 1 (it is 1 for x > 0)"),
    "rrelu": (f"falls without bound like {four(RRELU)} x", f"tends to {four(RRELU)} (it is {four(RRELU)} for x < 0)",
              "grows without bound like x", "tends to 1 (it is 1 for x > 0)"),
    "squared-relu": ("tends to 0 (it is 0 for x ≤ 0)", "tends to 0 (it is 0 for x ≤ 0)", "grows without bound like x²",
                     "grows without bound like 2 x"),
    "relu6": ("tends to 0 (it is 0 for x ≤ 0)", "tends to 0 (it is 0 for x < 0)", "tends to 6 (it is 6 for x ≥ 6)",
              "tends to 0 (it is 0 for x > 6)"),
    "threshold": ("tends to 0 (it is 0 for x ≤ 0)", "tends to 0 (it is 0 for x < 0)", "grows without bound like x",
                  "tends to 1 (it is 1 for x > 0)"),
    "elu": ("tends to -1", "tends to 0", "grows without bound like x", "tends to 1 (it is 1 for x ≥ 0)"),
    "celu": ("tends to -1", "tends to 0", "grows without bound like x", "tends to 1 (it is 1 for x ≥ 0)"),
    "selu": (f"tends to {four(-SELU_SCALE * SELU_ALPHA)}", "tends to 0",
             f"grows without bound like {four(SELU_SCALE)} x",
             f"tends to {four(SELU_SCALE)} (it is {four(SELU_SCALE)} for x > 0)"),
    "gelu": ("tends to 0", "tends to 0", "grows without bound like x", "tends to 1"),
    "gelu-tanh": ("tends to 0", "tends to 0", "grows without bound like x", "tends to 1"),
    "silu": ("tends to 0", "tends to 0", "grows without bound like x", "tends to 1"),
    "mish": ("tends to 0", "tends to 0", "grows without bound like x", "tends to 1"),
    "softplus": ("tends to 0", "tends to 0", "grows without bound like x", "tends to 1"),
    "squareplus": ("tends to 0", "tends to 0", "grows without bound like x", "tends to 1"),
    "hard-swish": ("tends to 0 (it is 0 for x ≤ -3)", "tends to 0 (it is 0 for x < -3)",
                   "grows without bound like x", "tends to 1 (it is 1 for x > 3)"),
    "hardshrink": ("falls without bound like x", "tends to 1 (it is 1 for x < -0.5)", "grows without bound like x",
                   "tends to 1 (it is 1 for x > 0.5)"),
    "softshrink": ("falls without bound like x", "tends to 1 (it is 1 for x < -0.5)", "grows without bound like x",
                   "tends to 1 (it is 1 for x > 0.5)"),
    "tanhshrink": ("falls without bound like x", "tends to 1", "grows without bound like x", "tends to 1"),
    "sine": ("keeps swinging between -1 and 1 without a limit",) * 4,
    "snake": ("falls without bound like x", "keeps swinging between 0 and 2 without a limit",
              "grows without bound like x", "keeps swinging between 0 and 2 without a limit"),
}


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_alt_text_states_the_limits_at_both_infinities(slug):
    a, (fl, dl, fr, dr) = REGISTRY[slug], LIMITS[slug]
    text = alt_text(a)
    assert f"As x goes to minus infinity, {a.name} {fl} and its derivative {dl}; " in text
    assert f"as x goes to plus infinity, {a.name} {fr} and its derivative {dr}." in text
    assert "on both sides" not in text


def _exact_limit(g, side):
    """g at side * 10^40, at 50 digits: the limit, for the entries whose limits are finite."""
    return g(mp.mpf(side) * mp.mpf(10) ** 40)


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_stated_finite_limits_agree_with_the_exact_functions(slug):
    f, d = EXACT[slug]
    for stated, g, side in zip(LIMITS[slug], (f, d, f, d), (-1, -1, 1, 1)):
        m = re.match(r"tends to (\S+)", stated)
        swings = re.fullmatch(r"keeps swinging between (\S+) and (\S+) without a limit", stated)
        if swings:  # over a stretch far out, g comes within 1e-3 of both bounds and never passes them
            lo, hi = (mp.mpf(v) for v in swings.groups())
            far = [g(mp.mpf(side) * mp.mpf(10) ** 40 + mp.mpf(t) / 100) for t in range(1000)]
            assert lo - 1e-30 <= min(far) < lo + 1e-3 and hi - 1e-3 < max(far) <= hi + 1e-30, stated
        elif m:
            assert abs(_exact_limit(g, side) - mp.mpf(m.group(1))) < 5e-4 * max(1, abs(mp.mpf(m.group(1)))), stated
        else:
            slope, squared = re.search(r"like (\S+ )?x(²?)", stated).groups()
            x = mp.mpf(side) * mp.mpf(10) ** 40
            assert abs(g(x) / x ** (2 if squared else 1) - mp.mpf(slope or 1)) < 5e-4, stated


# (value, x) of f' at its largest and smallest inside the plotted range, where either is one point.
DERIVATIVE_EXTREMES = {
    "sigmoid": (("0.25", "0"), None),
    "tanh": (("1", "0"), None),
    "softsign": (("1", "0"), None),
    "gelu": ((four(cdf(mp.sqrt(2)) + mp.sqrt(2) * phi(mp.sqrt(2))), four(mp.sqrt(2))),
             (four(cdf(-mp.sqrt(2)) - mp.sqrt(2) * phi(mp.sqrt(2))), four(-mp.sqrt(2)))),
    "gelu-tanh": tuple(tuple(four(v) for v in derivative_max("gelu-tanh", x0)) for x0 in (1.4, -1.4)),
    "silu": ((four(EXACT["silu"][1](SILU_DMAX_X)), four(SILU_DMAX_X)),
             (four(EXACT["silu"][1](-SILU_DMAX_X)), four(-SILU_DMAX_X))),
    "mish": tuple(tuple(four(v) for v in derivative_max("mish", x0)) for x0 in (1.5, -2.2)),
}


def test_gelu_second_derivative_is_phi_times_two_minus_x_squared():
    for x in (-2, -0.5, 0.3, 1.7):
        assert abs(d2("gelu")(mp.mpf(x)) - GELU_D2(mp.mpf(x))) < mp.mpf(10) ** -30
    with mp.workdps(50):
        assert abs(GELU_D2(mp.sqrt(2))) < mp.mpf(10) ** -45  # so the maximum of GELU' is at sqrt 2


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_alt_text_derivative_extremes(slug):
    text = alt_text(REGISTRY[slug])
    number = r"(-?\d+(?:\.\d+)?(?:e-\d+)?)"
    top = re.search(rf"The derivative is largest, {number}, at x = {number}[,.]", text)
    bottom = re.search(rf", and smallest, {number}, at x = {number}\.", text)
    want = DERIVATIVE_EXTREMES.get(slug)
    if want is None:
        assert top is None, text
        return
    assert top and (top.group(1), top.group(2)) == want[0], text
    assert (bottom.groups() if bottom else None) == want[1], text


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_alt_text_minimum_and_range_match_the_table(slug):
    text, row = alt_text(REGISTRY[slug]), EXPECTED[slug]
    assert f"Its range is {row['range']}" in text
    if row["monotonic"] == "no":
        value, where = row["global minimum"].split(" at ")
        assert f"it dips to its minimum, {value}, at {where}." in text


# One-sided limits of f' at each kink where it jumps, (left, right), from the definitions.
DERIVATIVE_JUMPS = {
    "hard-sigmoid": {-3: ("0", four(mp.mpf(1) / 6)), 3: (four(mp.mpf(1) / 6), "0")},
    "hard-tanh": {-1: ("0", "1"), 1: ("1", "0")},
    "relu": {0: ("0", "1")}, "leaky-relu": {0: ("0.01", "1")}, "prelu": {0: ("0.25", "1")},
    "rrelu": {0: (four(RRELU), "1")},
    "relu6": {0: ("0", "1"), 6: ("1", "0")},
    "selu": {0: (four(SELU_SCALE * SELU_ALPHA), four(SELU_SCALE))},
    "hard-swish": {-3: ("0", "-0.5"), 3: ("1.5", "1")},
    "threshold": {0: ("0", "1")},
    "softshrink": {-0.5: ("1", "0"), 0.5: ("0", "1")},
}


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_alt_text_marks_every_convention_as_the_tables_do(slug):
    text, row = alt_text(REGISTRY[slug]), EXPECTED[slug]
    conventions = [] if row["derivative at kinks"] == "—" else row["derivative at kinks"].split("; ")
    for c in conventions:
        assert c in text, (c, text)
    assert text.count("(convention)") == len(conventions)
    for k, (left, right) in DERIVATIVE_JUMPS.get(slug, {}).items():
        assert f"The derivative jumps from {left} to {right} at x = {k}; " in text
    if slug == "binary-step":
        assert ("The function jumps from 0 to 1 at x = 0, where it takes the value 1; the derivative does not exist "
                "there: f'(0) = 0 (convention).") in text


def test_alt_text_states_both_jumps_of_hardshrink():
    """Hardshrink, lambda = 1/2: x for |x| > 1/2, 0 at +-1/2 itself, so it jumps between +-1/2 and 0
    there, and its derivative has no value at either point."""
    text = alt_text(REGISTRY["hardshrink"])
    for left, right, k in (("-0.5", "0", "-0.5"), ("0", "0.5", "0.5")):  # each jump and its derivative together
        assert (f"The function jumps from {left} to {right} at x = {k}, where it takes the value 0; the derivative "
                f"does not exist there: f'({k}) = 0 (convention).") in text


@pytest.mark.parametrize("slug", ELEMENTWISE)
def test_the_page_shows_the_alt_text_unchanged(slug):
    """The snippet's Markdown renders to an alt attribute equal to the text checked above, brackets
    included: [0, 1] and (0, 1] are different ranges."""
    import html

    import markdown

    first = next(ln for ln in generated.read(f"figures/{slug}.md").splitlines() if ln.startswith("!["))
    rendered = markdown.markdown(first, extensions=["attr_list"])
    alt = html.unescape(re.search(r'alt="([^"]*)"', rendered).group(1))
    assert alt == alt_text(REGISTRY[slug])


def test_selu_fixed_point_fact_states_a_quadrature_zero_as_zero_within_its_error():
    """Mean and variance of SELU(z) from their closed forms, with the published constants:
    E = lambda (phi(0) + alpha (sqrt(e) Phi(-1) - 1/2)), E[SELU^2] = lambda^2 (1/2 + alpha^2
    (e^2 Phi(-2) - 2 sqrt(e) Phi(-1) + 1/2)); both 0 and 1 to far more digits than printed."""
    from catalogue_facts import selu_facts

    text = selu_facts().decode()
    second = SELU_SCALE**2 * (mp.mpf(1) / 2 + SELU_ALPHA**2 * (mp.e**2 * cdf(-2) - 2 * mp.sqrt(mp.e) * cdf(-1)
                                                                + mp.mpf(1) / 2))
    tolerance = float(re.search(r"\(z\)\]\$ = 0 to within (1e-\d+) and", text).group(1))
    assert abs(SELU_MEAN) < tolerance <= 1e-12
    var_tolerance = float(re.search(r"Var\}\[\\operatorname\{SELU\}\(z\)\]\$ = 1 to within (1e-\d+):", text).group(1))
    assert abs(second - SELU_MEAN**2 - 1) < var_tolerance <= 1e-12
    assert not re.search(r"\d\.\d+e-\d+", text)  # no quadrature residue printed as a result
