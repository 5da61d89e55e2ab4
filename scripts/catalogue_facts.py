"""Facts of the catalogue computed from the functions: SELU's self-normalising fixed point."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.integrate import quad

from activation_figures import module_files
from activations import REGISTRY, selu
from formatting import generated
from outputs import ROOT, Output
from sigmoid_outputs import section

HERE = Path(__file__)
SOURCE = "scripts/catalogue_facts.py"


def normal_moments(f) -> tuple[float, float]:
    """Mean and variance of f(z) for z ~ N(0, 1), by numerical integration."""
    density = lambda z: np.exp(-z * z / 2) / np.sqrt(2 * np.pi)  # noqa: E731
    kw = {"limit": 200, "epsabs": 1e-14, "epsrel": 1e-13, "points": [0.0]}
    mean = quad(lambda z: float(f(z)) * density(z), -40, 40, **kw)[0]
    second = quad(lambda z: float(f(z)) ** 2 * density(z), -40, 40, **kw)[0]
    return mean, second - mean * mean


def selu_facts() -> bytes:
    mean, var = normal_moments(selu)
    body = section("fixed-point",
                   f"For $z$ drawn from the standard normal distribution, numerical integration gives "
                   f"$\\operatorname{{E}}[\\operatorname{{SELU}}(z)] = {mean:.2e}$ and "
                   f"$\\operatorname{{Var}}[\\operatorname{{SELU}}(z)] = {var:.12f}$: mean 0 and variance 1 "
                   f"come out of the layer as they went in.")
    return generated(SOURCE, body)


def outputs() -> list[Output]:
    deps = (*module_files(REGISTRY["selu"]), HERE, ROOT / "scripts" / "formatting.py")
    return [Output("facts/selu.md", selu_facts, deps)]
