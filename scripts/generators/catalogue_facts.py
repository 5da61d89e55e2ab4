"""Facts of the catalogue computed from the functions: SELU's fixed point, GELU's left tail."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from scipy.integrate import quad

from activation_figures import module_files
from scipy.special import erf

from activations import REGISTRY, gelu, selu
from formatting import generated, sci, table
from messages import _
from outputs import GENERATORS, Output
from properties import mean_text, normal_mean
from sigmoid_outputs import section

HERE = Path(__file__)
SOURCE = "scripts/generators/catalogue_facts.py"


def _normal_integral(g) -> tuple[float, float]:
    """E[g(z)] for z ~ N(0, 1) by numerical integration, and quad's bound on its error."""
    density = lambda z: np.exp(-z * z / 2) / np.sqrt(2 * np.pi)  # noqa: E731
    kw = {"limit": 200, "epsabs": 1e-14, "epsrel": 1e-13, "points": [0.0]}
    return quad(lambda z: float(g(z)) * density(z), -40, 40, **kw)


def normal_moments(f) -> tuple[float, float]:
    """Mean and variance of f(z) for z ~ N(0, 1), by numerical integration."""
    mean = _normal_integral(f)[0]
    second = _normal_integral(lambda z: float(f(z)) ** 2)[0]
    return mean, second - mean * mean


def selu_facts() -> bytes:
    mean = normal_moments(selu)[0]
    second, error = _normal_integral(lambda z: float(selu(z)) ** 2)
    var = second - mean * mean
    tolerance = 10.0 ** math.ceil(math.log10(max(error, 1e-16)))  # the quadrature's error, rounded up
    var_text = (_("1 to within {tolerance}").format(tolerance=f"{tolerance:.0e}") if abs(var - 1) <= tolerance
                else f"{var:#.4g}")
    mean_shown = mean_text(normal_mean(REGISTRY["selu"]))  # a residue is 0 to within its error, as in the table
    body = section("fixed-point", _(
        "For $z$ drawn from the standard normal distribution, numerical integration gives "
        "$\\operatorname{{E}}[\\operatorname{{SELU}}(z)]$ = {mean} and $\\operatorname{{Var}}[\\operatorname{{SELU}}(z)]$ = "
        "{variance}: mean 0 and variance 1 come out of the layer as they went in.").format(mean=mean_shown,
                                                                                           variance=var_text))
    return generated(SOURCE, body)


GELU_TAIL = [-5.0, -10.0, -20.0, -30.0, -37.0]


def naive_gelu(x: float) -> float:
    """The textbook formula, x (1 + erf(x / sqrt 2)) / 2, as most code writes it."""
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def gelu_tail_table() -> bytes:
    rows = []
    for x in GELU_TAIL:
        ours, naive = float(gelu(x)), naive_gelu(x)
        rel = abs(naive - ours) / abs(ours)
        rows.append([f"{x:g}", sci(ours), sci(naive), "1" if rel == 1 else f"{rel:.1e}"])
    return generated(SOURCE, table(["x", _("`gelu(x)` (ours)"), "x (1 + erf(x / √2)) / 2", _("its relative error")],
                                   rows, "rrrr"))


def outputs() -> list[Output]:
    deps = (*module_files(REGISTRY["selu"]), HERE, GENERATORS / "formatting.py", GENERATORS / "properties.py")
    gelu_deps = (*module_files(REGISTRY["gelu"]), HERE, GENERATORS / "formatting.py")
    return [Output("facts/selu.md", selu_facts, deps), Output("tables/gelu-tail.md", gelu_tail_table, gelu_deps)]
