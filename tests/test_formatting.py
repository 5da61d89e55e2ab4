"""The number formats of the pages (CONTRIBUTING, "Numbers on pages"), on the cases where one rule
hands over to the next, with every expected string written out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from formatting import exact_or_short, outward, sci, show
from sigmoid_outputs import first_x_where


@pytest.mark.parametrize(("v", "printed"), [
    (math.inf, "∞"), (-math.inf, "-∞"), (0.0, "0"), (-0.0, "0"),
    (2.0, "2"), (-1.5, "-1.5"), (0.25, "0.25"),
    (0.123456, "0.123456"),   # six digits as written: shown as written
    (0.1234567, "0.1235"),    # seven: four significant digits
    (1 / 3, "0.3333"), (0.1700000001, "0.1700"),  # zeros kept: 4 digits shown, 4 digits meant
    (1e-4, "0.0001"), (1e-5, "1e-05"), (999999.0, "999999"), (1e6, "1e+06"),
    (1234.5678, "1235"),      # no trailing decimal point
    (12345.678, "1.235e+04"),
    (5e-324, "5e-324"), (1e-300, "1e-300"), (2.5e-308, "2.5e-308"),  # subnormals as written too
])
def test_show(v, printed):
    assert show(v) == printed


@pytest.mark.parametrize(("v", "printed"), [
    (0.015625, "0.015625"), (0.0009765625, "0.0009765625"),
    (2.0 ** -13, "0.0001220703125"),  # ten significant digits: still exact
    (2.0 ** -15, "≈ 3.052e-05"),      # eleven: rounded, and marked so
    (1024.0, "1024"), (1e20, "100000000000000000000"),         # integers in full, never 1E+20
])
def test_exact_or_short(v, printed):
    assert exact_or_short(v) == printed


@pytest.mark.parametrize(("v", "direction", "printed"), [
    (1.23421, 1, "1.2343"), (1.23421, -1, "1.2342"), (-1.23421, 1, "-1.2342"), (-1.23421, -1, "-1.2343"),
    (1.0, 1, "1.0000"),                 # exact, and still five digits like every other bound
    (37.42994, 1, "37.430"),            # up, with the zero kept
    (1.23456e-7, 1, "0.00000012346"),   # positional, never 1.2346E-7
    (0.0, 1, "0"), (math.inf, 1, "inf"),
])
def test_outward_rounds_away_from_the_claim(v, direction, printed):
    assert outward(v, direction) == printed
    assert (float(printed) >= v) if direction > 0 else (float(printed) <= v)


@pytest.mark.parametrize(("v", "printed"), [
    (0.9999546, "9.99954600e-01"), (1e-300, "1.00000000e-300"), (-0.0, "-0"), (0.0, "0"),
    (math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf"),
])
def test_sci(v, printed):
    assert sci(v) == printed


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_first_x_where_finds_the_smallest_float_that_satisfies_the_predicate(dtype):
    t = dtype(0.3)  # the float nearest 0.3; the one below it must fail the predicate
    assert first_x_where(lambda x: x >= t, 0, 1, dtype) == float(t)
    assert first_x_where(lambda x: x > t, 0, 1, dtype) == float(np.nextafter(t, dtype(1)))
    assert first_x_where(lambda x: x > 0, 0, 1, dtype) == float(np.nextafter(dtype(0), dtype(1)))
    assert first_x_where(lambda x: x >= 1, 0, 1, dtype) == 1.0
