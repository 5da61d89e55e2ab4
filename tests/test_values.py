"""Known values and edge cases of the public functions."""

import numpy as np
import pytest

from activations import (log_softmax, reglu, relu, relu_derivative, sigmoid, sigmoid_derivative, softmax, softmin,
                         sparsemax)

INF, NAN = np.inf, np.nan


def test_sigmoid_stays_in_the_open_interval_until_rounding():
    x = np.linspace(-30, 30, 6001)
    s = sigmoid(x)
    assert np.all((s > 0) & (s < 1))


def test_sigmoid_tails():
    assert sigmoid(-745.0) == 5e-324  # the smallest subnormal, not a spurious 0
    assert sigmoid(-1000.0) == 0.0
    assert sigmoid(1000.0) == 1.0
    # accurate in the left tail, where 1 - 1 / (1 + e^x) would cancel to 0
    assert sigmoid(-40.0) == pytest.approx(4.248354255291589e-18, rel=4e-16)
    assert sigmoid(0.0) == 0.5


def test_infinities_and_nan():
    np.testing.assert_array_equal(sigmoid([-INF, INF]), [0.0, 1.0])
    np.testing.assert_array_equal(sigmoid_derivative([-INF, INF]), [0.0, 0.0])
    np.testing.assert_array_equal(relu([-INF, INF]), [0.0, INF])
    np.testing.assert_array_equal(relu_derivative([-INF, INF]), [0.0, 1.0])
    for f in (sigmoid, sigmoid_derivative, relu, relu_derivative):
        assert np.isnan(f(NAN))


def test_huge_and_tiny_inputs():
    big = np.finfo(np.float64).max
    tiny = 5e-324
    np.testing.assert_array_equal(sigmoid([-big, big]), [0.0, 1.0])
    assert sigmoid(tiny) == 0.5 and sigmoid(-tiny) == 0.5
    assert sigmoid_derivative(big) == 0.0 and sigmoid_derivative(tiny) == 0.25
    assert relu(big) == big and relu(tiny) == tiny and relu(-tiny) == 0.0


def test_relu_derivative_convention_at_zero():
    assert relu_derivative(0.0) == 0.0
    assert relu_derivative(-0.0) == 0.0
    assert relu_derivative(1e-300) == 1.0


def test_relu_of_negative_zero_is_positive_zero():
    assert np.signbit(relu(-0.0)) == False  # noqa: E712


def test_sigmoid_derivative_peak():
    assert sigmoid_derivative(0.0) == 0.25


def test_softmax_seed_example():
    p = softmax([2, 10, 1, 4])
    np.testing.assert_array_equal(np.round(p, 6), [0.000334, 0.997071, 0.000123, 0.002471])


def test_softmax_overflow_example():
    p = softmax([1010, 1000, 990])
    expected = ["9.99954600e-01", "4.53978686e-05", "2.06106005e-09"]
    assert [np.format_float_scientific(v, precision=8, unique=False, exp_digits=2) for v in p] == expected


def test_log_softmax_uses_log_sum_exp():
    np.testing.assert_array_equal(log_softmax([1000.0, 0.0]), [0.0, -1000.0])


def test_softmax_normalises_each_row():
    batch = np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 7.0], [-5.0, 0.0, 5.0]])
    np.testing.assert_allclose(softmax(batch).sum(axis=-1), 1.0, rtol=0, atol=2e-16)
    np.testing.assert_array_equal(softmax(batch)[1], softmax(batch[1]))
    np.testing.assert_allclose(softmax(batch, axis=0).sum(axis=0), 1.0, rtol=0, atol=2e-16)


def test_softmax_axis_none_is_one_vector():
    batch = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(softmax(batch, axis=None), softmax(batch.ravel()).reshape(2, 2))


def test_softmax_rows_with_infinities():
    rows = np.array([[-INF, 0.0, 1.0], [INF, 0.0, 1.0], [INF, INF, 0.0], [-INF, -INF, -INF], [NAN, 0.0, 1.0]])
    p = softmax(rows)
    np.testing.assert_array_equal(p[0], [0.0, *softmax([0.0, 1.0])])
    np.testing.assert_array_equal(p[1], [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(p[2], [0.5, 0.5, 0.0])
    np.testing.assert_array_equal(p[3], [1 / 3] * 3)  # the limit of equal scores
    assert np.all(np.isnan(p[4]))  # nan in, nan out
    lp = log_softmax(rows)
    np.testing.assert_array_equal(lp[0], [-INF, *log_softmax([0.0, 1.0])])
    np.testing.assert_array_equal(lp[1], [0.0, -INF, -INF])
    np.testing.assert_array_equal(lp[2], [-np.log(2), -np.log(2), -INF])
    np.testing.assert_array_equal(lp[3], [-np.log(3)] * 3)
    assert np.all(np.isnan(lp[4]))


def test_softmax_of_a_scalar_is_one():
    for x in (3.0, -np.inf, np.inf):
        assert softmax(x) == 1.0 and log_softmax(x) == 0.0


# --- softmin, sparsemax and ReGLU ---------------------------------------------------------------

def test_softmin_is_softmax_of_the_negated_scores():
    # e^-1 / (e^-1 + e^-2) = 1 / (1 + e^-1), the sigmoid of 1: the smaller score wins
    np.testing.assert_allclose(softmin([1.0, 2.0]), [1 / (1 + np.exp(-1.0)), 1 / (1 + np.e)], rtol=2e-16)
    rows = np.array([[INF, 0.0, 1.0], [-INF, 0.0, 1.0], [-INF, -INF, 5.0], [NAN, 0.0, 1.0]])
    p = softmin(rows)
    np.testing.assert_array_equal(p[0], [0.0, *softmin([0.0, 1.0])])  # +inf is never the smallest
    np.testing.assert_array_equal(p[1], [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(p[2], [0.5, 0.5, 0.0])
    assert np.all(np.isnan(p[3]))
    assert softmin(7.0) == 1.0 and softmin(np.float32(7.0)).dtype == np.float32


# Worked by hand with the definition: tau solves sum_i max(x_i - tau, 0) = 1.
@pytest.mark.parametrize(("x", "p"), [
    ([2, 10, 1, 4], [0, 1, 0, 0]),  # tau = 9: only the cat's score is above it
    ([0.25, 1.25, 0.125, 0.5], [0, 0.875, 0, 0.125]),  # tau = 0.375: (1.25 - t) + (0.5 - t) = 1
    ([0.125, 0.625, 0.0625, 0.25], [0.109375, 0.609375, 0.046875, 0.234375]),  # tau = 0.015625, all four
    ([1.0, 0.0], [1, 0]),  # tau = 0: the second score sits exactly on the edge, and gets exactly 0
    ([0.5, 0.0], [0.75, 0.25]),  # tau = -0.25
    ([3.0, 3.0, 3.0], [1 / 3] * 3),  # equal scores share equally
    ([-1e300, 0.0, 1e300], [0, 0, 1]),  # the gaps pass the largest float
    ([1e300, 1e300, -np.finfo(float).max], [0.5, 0.5, 0]),
])
def test_sparsemax_known_values(x, p):
    assert sparsemax(x).tolist() == p
    assert sparsemax(np.array(x)[::-1]).tolist() == p[::-1]


def test_sparsemax_rows_with_infinities_and_nan():
    rows = np.array([[-INF, 0.0, 0.5], [INF, 0.0, 1.0], [INF, INF, 0.0], [-INF, -INF, -INF], [NAN, 0.0, 1.0]])
    p = sparsemax(rows)
    np.testing.assert_array_equal(p[0], [0.0, 0.25, 0.75])
    np.testing.assert_array_equal(p[1], [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(p[2], [0.5, 0.5, 0.0])
    np.testing.assert_array_equal(p[3], [1 / 3] * 3)
    assert np.all(np.isnan(p[4]))
    assert sparsemax(-INF) == 1.0 and sparsemax(np.float32(2.0)) == np.float32(1.0)


def test_sparsemax_along_an_axis_and_the_whole_array():
    x = np.array([[0.5, 2.0], [0.0, 2.25]])
    np.testing.assert_array_equal(sparsemax(x, axis=0), [[0.75, 0.375], [0.25, 0.625]])
    np.testing.assert_array_equal(sparsemax(x, axis=None), [[0.0, 0.375], [0.0, 0.625]])


def test_reglu_is_the_value_times_the_positive_part_of_the_gate():
    x = np.array([[3.0, -2.0, 2.0, 0.5], [-1.5, 4.0, -0.0, -7.0]])  # halves (a1, a2) and (b1, b2)
    np.testing.assert_array_equal(reglu(x), [[6.0, -1.0], [0.0, 0.0]])
    assert not np.signbit(reglu(x)[1]).any()  # a negative value times a closed gate is 0, not -0
    assert np.isnan(reglu([5.0, NAN])[0]) and np.isnan(reglu([NAN, 1.0])[0])  # nan in the gate or the value
