"""Properties that hold for every input, checked on inputs hypothesis chooses."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from activations import log_softmax, relu, relu_derivative, sigmoid, sigmoid_derivative, softmax

# No example database: every run, local or CI, tries exactly the same derandomised examples.
settings.register_profile("project", max_examples=200, deadline=None, derandomize=True, database=None)
settings.load_profile("project")

finite = st.floats(allow_nan=False, allow_infinity=False)
anything = st.floats(allow_nan=True, allow_infinity=True)
vectors = hnp.arrays(np.float64, st.integers(1, 12), elements=st.floats(-700, 700))
batches = hnp.arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 8)), elements=st.floats(-1e3, 1e3))


@given(finite)
def test_sigmoid_symmetry(x):
    # sigma(-x) = 1 - sigma(x); 1 - sigma(x) is exact for sigma(x) >= 1/2, so the difference is
    # the two functions' own errors: the 2 ULP bound of sigma(x) (ULP 2^-53 below 1) and a relative
    # one for the smaller sigma(-x).
    assert abs(sigmoid(-x) - (1 - sigmoid(x))) <= 2 * 2.0**-53 + 4 * 2.0**-53 * min(sigmoid(-x), sigmoid(x))


@given(hnp.arrays(np.float64, st.integers(2, 50), elements=finite))
def test_monotonic(x):
    x = np.sort(x)
    for f in (sigmoid, relu):
        assert np.all(np.diff(f(x)) >= 0)


@given(anything)
def test_sigmoid_in_closed_unit_interval_and_derivative_bounded(x):
    s, d = sigmoid(x), sigmoid_derivative(x)
    if np.isnan(x):
        assert np.isnan(s) and np.isnan(d)
    else:
        assert 0 <= s <= 1 and 0 <= d <= 0.25


@given(finite)
def test_sigmoid_derivative_is_s_times_one_minus_s(x):
    # 1 - s is written as sigmoid(-x): computed as 1 - s it cancels for large x (at x = 11 it
    # already has a relative error near 1e-11), which would make this reference the inaccurate side.
    assert np.isclose(sigmoid_derivative(x), sigmoid(x) * sigmoid(-x), rtol=1e-12, atol=1e-300)


@given(anything)
def test_relu_is_x_or_zero(x):
    r, d = relu(x), relu_derivative(x)
    if np.isnan(x):
        assert np.isnan(r) and np.isnan(d)
    else:
        assert r == (x if x > 0 else 0.0) and d == (1.0 if x > 0 else 0.0)


@given(batches)
def test_softmax_rows_sum_to_one(x):
    p = softmax(x)
    assert np.all(p >= 0)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=0, atol=x.shape[-1] * 2.0**-52)


@given(vectors, st.integers(-10_000, 10_000))
def test_softmax_shift_invariance(x, c):
    # x + c is rounded, which moves each score by up to half an ULP of |x + c|
    shifted = x + c
    tol = 4 * float(np.max(np.spacing(np.abs(shifted)) + np.spacing(np.abs(x)))) + 4 * 2.0**-52
    np.testing.assert_allclose(softmax(shifted), softmax(x), rtol=tol, atol=1e-300)


@given(vectors)
def test_log_softmax_is_log_of_softmax_where_finite(x):
    p = softmax(x)
    ok = p > 1e-300
    np.testing.assert_allclose(log_softmax(x)[ok], np.log(p[ok]), rtol=1e-13, atol=1e-14)


@given(batches)
def test_softmax_keeps_the_order_of_scores(x):
    p = softmax(x)
    order = np.argsort(x, axis=-1, kind="stable")
    assert np.all(np.diff(np.take_along_axis(p, order, axis=-1), axis=-1) >= 0)
