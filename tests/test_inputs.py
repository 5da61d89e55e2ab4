"""What every public function accepts, returns and refuses."""

import warnings

import numpy as np
import pytest

from conftest import PUBLIC

FUNCTIONS = list(PUBLIC.items())
ids = [name for name, _ in FUNCTIONS]
GATED = {"glu", "geglu", "swiglu", "reglu"}  # split the last axis in halves, so it must have even length
NOT_GATED = [(n, f) for n, f in FUNCTIONS if n not in GATED]


def even(name, x):
    """x itself, or for a gated unit x with a second half appended along its last axis."""
    if name not in GATED:
        return x
    x = np.asarray(x)
    return np.concatenate([x, x[..., ::-1]], axis=-1)


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
@pytest.mark.parametrize("x", [[0.5, -1.0], (0.5, -1.0), [[1.0, 2.0], [3.0, -4.0]]], ids=["list", "tuple", "nested"])
def test_array_likes_equal_arrays(name, f, x):
    np.testing.assert_array_equal(f(x), f(np.array(x)))


@pytest.mark.parametrize(("name", "f"), NOT_GATED, ids=[n for n, _ in NOT_GATED])
def test_scalars_give_numpy_scalars(name, f):
    for x in (0.5, np.float64(0.5), np.array(0.5)):
        y = f(x)
        assert np.ndim(y) == 0 and isinstance(y, np.float64)


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_float_dtype_is_kept(name, f, dtype):
    x = np.linspace(-3, 3, 12, dtype=dtype).reshape(3, 4)
    y = f(x)
    assert y.dtype == dtype and y.shape == ((3, 2) if name in GATED else x.shape)


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
def test_float16_is_computed_without_overflow(name, f):
    x = even(name, np.array([-60000.0, -20.0, 0.0, 20.0, 60000.0], dtype=np.float16))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = f(x)
    assert y.dtype == np.float16
    assert not np.any(np.isnan(y))


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64, np.uint8, bool])
def test_integers_become_float64(name, f, dtype):
    x = even(name, np.array([0, 1, 1], dtype=dtype))
    y = f(x)
    assert y.dtype == np.float64
    np.testing.assert_array_equal(y, f(x.astype(np.float64)))


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 4), (2, 0, 3)])
def test_empty_in_empty_out(name, f, shape):
    x = even(name, np.empty(shape, dtype=np.float32))
    y = f(x)
    half = (*x.shape[:-1], x.shape[-1] // 2)
    assert y.shape == (half if name in GATED else shape) and y.dtype == np.float32


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64])
def test_input_is_never_mutated(name, f, dtype):
    x = np.array([[1010, 1000, 990, 4], [-3, 0, 2, 5]], dtype=dtype)
    before = x.copy()
    f(x)
    np.testing.assert_array_equal(x, before)
    as_list = [[1010.0, 1000.0, 990.0, 4.0]]
    f(as_list)
    assert as_list == [[1010.0, 1000.0, 990.0, 4.0]]


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
def test_output_is_not_a_view_of_the_input(name, f):
    x = np.array([1.0, 2.0, -3.0, 4.0])
    y = f(x)
    y[...] = 42.0
    np.testing.assert_array_equal(x, [1.0, 2.0, -3.0, 4.0])


BAD_TYPES = [
    ("None", None),
    ("str", "1.0"),
    ("bytes", b"1"),
    ("list of str", ["a", "b"]),
    ("list with None", [1.0, None]),
    ("object array", np.array([1.0, "x"], dtype=object)),
    ("complex", np.array([1 + 2j])),
    ("datetime", np.array(["2020-01-01"], dtype="datetime64[D]")),
    ("dict", {"a": 1}),
]


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
@pytest.mark.parametrize(("kind", "bad"), BAD_TYPES, ids=[k for k, _ in BAD_TYPES])
def test_bad_types_raise_a_clear_type_error(name, f, kind, bad):
    with pytest.raises(TypeError, match=rf"^{name}: "):
        f(bad)


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
def test_ragged_input_raises_value_error(name, f):
    with pytest.raises(ValueError, match=rf"^{name}: input is not a rectangular array"):
        f([[1.0, 2.0], [3.0]])


@pytest.mark.parametrize("name", sorted(GATED))
def test_gated_units_need_an_even_axis(name):
    f = PUBLIC[name]
    with pytest.raises(ValueError, match=rf"^{name}: the size along axis -1 must be even"):
        f([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=rf"^{name}: input must have at least one dimension"):
        f(1.0)
    with pytest.raises(ValueError, match=rf"^{name}: axis 2 is out of range"):
        f([[1.0, 2.0]], axis=2)
    with pytest.raises(TypeError, match=rf"^{name}: axis must be an int"):
        f([1.0, 2.0], axis=0.5)
    x = np.array([[1.0, 2.0, 3.0], [-4.0, 5.0, -6.0]])
    np.testing.assert_array_equal(f(x, axis=0), f(x.T).T)


PARAMETERISED = [("leaky_relu", "negative_slope", False), ("prelu", "weight", False), ("elu", "alpha", False),
                 ("celu", "alpha", True), ("softplus", "beta", True), ("hard_tanh", "min_val", False),
                 ("rrelu", "lower", False), ("rrelu", "upper", False), ("squareplus", "b", True),
                 ("sine", "omega_0", True), ("snake", "a", True), ("hard_shrink", "lambd", False),
                 ("soft_shrink", "lambd", False), ("threshold", "threshold", False), ("threshold", "value", False)]


@pytest.mark.parametrize(("name", "param", "positive"), PARAMETERISED, ids=[p[0] for p in PARAMETERISED])
def test_bad_parameters(name, param, positive):
    for f in (PUBLIC[name], PUBLIC[f"{name}_derivative"]):
        fname = f.__name__
        with pytest.raises(TypeError, match=rf"^{fname}: {param} must be a real number"):
            f([1.0], **{param: "0.1"})
        with pytest.raises(TypeError, match=rf"^{fname}: {param} must be a real number"):
            f([1.0], **{param: True})
        with pytest.raises(ValueError, match=rf"^{fname}: {param} must be finite"):
            f([1.0], **{param: np.nan})
        if positive:
            with pytest.raises(ValueError, match=rf"^{fname}: {param} must be > 0"):
                f([1.0], **{param: 0.0})


def test_hard_tanh_bounds_must_be_ordered():
    with pytest.raises(ValueError, match=r"^hard_tanh: min_val must be less than max_val"):
        PUBLIC["hard_tanh"]([0.0], min_val=1.0, max_val=-1.0)


@pytest.mark.parametrize("name", ["softmax", "log_softmax", "softmin", "sparsemax"])
def test_bad_axis(name):
    f = PUBLIC[name]
    with pytest.raises(ValueError, match=rf"^{name}: axis 2 is out of range"):
        f([[1.0, 2.0]], axis=2)
    with pytest.raises(TypeError, match=rf"^{name}: axis must be an int"):
        f([1.0, 2.0], axis=1.5)
    with pytest.raises(TypeError, match=rf"^{name}: axis must be an int"):
        f([1.0, 2.0], axis=True)


@pytest.mark.parametrize(("name", "f"), FUNCTIONS, ids=ids)
def test_no_floating_point_warnings_anywhere(name, f):
    info = np.finfo(np.float64)
    x = np.array([-np.inf, -info.max, -1e300, -1000.0, -745.2, -40.0, -info.tiny, -5e-324, -0.0, 0.0,
                  5e-324, info.tiny, 40.0, 1000.0, 1e300, info.max, np.inf, np.nan])
    with np.errstate(over="ignore"):
        x32 = x.astype(np.float32)  # float64's extremes become float32's +-inf
    # Any overflow, invalid operation (inf - inf, 0 / 0) or division by zero raises. Underflow
    # is allowed: a result too small to represent rounds to 0 correctly.
    pairs = np.stack(np.broadcast_arrays(x[:, None], x[None, :]), axis=-1).reshape(-1, 2)
    with np.errstate(over="ignore"):
        pairs32 = pairs.astype(np.float32)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        if name in GATED:  # every value against every gate value, as (a, b) pairs
            y = f(pairs)
            f(pairs32)
            a, b = pairs[:, 0], pairs[:, 1]
            bad_in = np.isnan(a) | np.isnan(b) | (np.isinf(a) & (np.isinf(b) & (b < 0)))  # nan or inf * 0
            if name != "glu":  # GELU and SiLU are exactly 0 at 0 and infinite at inf
                bad_in |= (np.isinf(a) & (b == 0)) | ((a == 0) & (b == np.inf))
            if name == "reglu":  # ReLU is exactly 0 for every b <= 0
                bad_in |= np.isinf(a) & (b <= 0)
            assert not np.any(np.isnan(y.ravel()[~bad_in]))
            return
        y = f(x.reshape(-1, 1))  # one score per row for the vector functions
        f(x32)
    finite_in = np.isfinite(x)
    # Sine and the derivatives that repeat for ever have no limit at +-inf: nan is their value there.
    undefined = np.isnan(x) | (np.isinf(x) & (name in ("sine", "sine_derivative", "snake_derivative")))
    assert not np.any(np.isnan(y.ravel()[~undefined]))
    # these overflow to -inf or inf for finite inputs whose exact result exceeds the largest float
    if name not in ("log_softmax", "log_sigmoid", "selu", "squared_relu", "squared_relu_derivative"):
        assert np.all(np.isfinite(y.ravel()[finite_in]))
