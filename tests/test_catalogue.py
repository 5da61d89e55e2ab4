"""Known facts of the catalogue, computed from the functions, and each entry's declared smoothness."""

import inspect

import numpy as np
import pytest

import activations as A
from activations import REGISTRY, SMOOTHNESS
from catalogue_facts import normal_moments
from properties import compute

ELEMENTWISE = [a for a in REGISTRY.values() if a.elementwise]


def test_sigmoid_derivative_peaks_at_a_quarter_and_tanh_derivative_at_one():
    assert compute(REGISTRY["sigmoid"]).max_slope == 0.25 and A.sigmoid_derivative(0.0) == 0.25
    assert compute(REGISTRY["tanh"]).max_slope == 1.0 and A.tanh_derivative(0.0) == 1.0


def test_tanh_is_a_rescaled_sigmoid():
    x = np.linspace(-20, 20, 4001)
    np.testing.assert_allclose(A.tanh(x), 2 * A.sigmoid(2 * x) - 1, rtol=0, atol=4e-16)


def test_selu_keeps_mean_zero_and_variance_one():
    mean, var = normal_moments(A.selu)
    assert abs(mean) < 1e-9 and abs(var - 1) < 1e-9


@pytest.mark.parametrize(("slug", "x", "value"), [
    ("gelu", -0.751791524693564457, -0.169971207499171),
    ("silu", -1.27846454276107380, -0.278464542761074),
    ("mish", -1.19228408900000000, -0.308843413),
    ("hard-swish", -1.5, -0.375),
])
def test_minima_of_the_non_monotonic_functions(slug, x, value):
    m = compute(REGISTRY[slug]).minimum
    assert m is not None and m.value == pytest.approx(value, abs=1e-9)
    assert float(m.where.split("= ")[1]) == pytest.approx(x, abs=1e-3)


def test_framework_defaults_that_differ():
    assert A.leaky_relu(-1.0) == -0.01 and A.leaky_relu(-1.0, negative_slope=0.2) == -0.2
    assert A.relu_derivative(0.0) == 0.0
    assert A.gelu(1.0) != A.gelu_tanh(1.0)


def _max_jump(f, x):
    return float(np.max(np.abs(np.diff(f(x)))))


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda a: a.slug)
def test_declared_smoothness_holds(entry):
    """Discontinuous: f jumps. C0: f continuous, f' jumps at a kink. C1: f' continuous, f''
    jumps at a kink. C-infinity: f' continuous everywhere with no kink (f'' checked near 0)."""
    assert entry.smoothness in SMOOTHNESS
    h = 1e-7
    f, d = entry.fn, entry.derivative
    x = np.linspace(-10, 10, 200_001)
    if entry.smoothness == "discontinuous":
        assert any(abs(float(f(k + h)) - float(f(k - h))) > 0.1 for k in entry.jumps)
        return
    assert not entry.jumps
    # continuous: no step between grid points 1e-4 apart larger than the steepest slope allows
    # (squared ReLU climbs 2e-3 per step at x = 10)
    assert _max_jump(f, x) < max(1e-3, 2 * (x[1] - x[0]) * float(np.max(np.abs(d(x)))))
    fd_jumps = [abs(float(d(k + h)) - float(d(k - h))) for k in entry.kinks]
    if entry.smoothness == "C0":
        assert any(j > 1e-3 for j in fd_jumps), "declared C0 but the derivative does not jump"
        return
    assert _max_jump(d, x) < 1e-3  # derivative continuous
    if entry.smoothness == "C1":
        second = [abs((float(d(k + 2 * h)) - float(d(k + h))) - (float(d(k - h)) - float(d(k - 2 * h)))) / h
                  for k in entry.kinks]
        assert any(s > 1e-3 for s in second), "declared C1 but the second derivative does not jump"
    else:
        assert not entry.kinks


# Not parameters of the curve: the axis of the vector functions, and RReLU's switch to random
# training-mode slopes with the generator that draws them.
NOT_CURVE_PARAMETERS = {"axis", "training", "rng"}


def _keyword_defaults(f) -> dict[str, object]:
    return {n: p.default for n, p in inspect.signature(f).parameters.items()
            if p.default is not inspect.Parameter.empty and n not in NOT_CURVE_PARAMETERS}


@pytest.mark.parametrize("entry", REGISTRY.values(), ids=lambda a: a.slug)
def test_declared_defaults_are_the_signature_defaults(entry):
    """`params` lists every parameter of the function and its derivative (the axis of the vector
    functions is not a parameter of the curve) with the default the signature gives it, and every
    name a variant sets is one of them."""
    for f in (entry.fn, entry.derivative):
        if f is None:
            continue
        defaults = _keyword_defaults(f)
        assert dict(entry.params) == defaults, f"{entry.slug}: registry {dict(entry.params)}, {f.__name__} {defaults}"
        for v in entry.variants:
            assert set(v) <= set(defaults), f"{entry.slug}: variant {dict(v)} names no parameter of {f.__name__}"


def test_every_parameterised_function_draws_its_default():
    for a in ELEMENTWISE:
        if a.variants:
            assert dict(a.params) in [dict(v) for v in a.variants], a.slug


def test_gelu_keeps_the_left_tail_that_the_textbook_formula_loses():
    import mpmath as mp

    from catalogue_facts import GELU_TAIL, naive_gelu

    mp.mp.dps = 50
    for x in GELU_TAIL:
        exact = mp.mpf(x) * mp.erfc(-mp.mpf(x) / mp.sqrt(2)) / 2
        assert abs(A.gelu(x) - exact) / abs(exact) < 8 * 2.0**-52
        if x <= -10:
            assert naive_gelu(x) == 0.0  # every digit lost, as the page's table shows


def _our_defaults(entry) -> dict[str, object]:
    """The registry's defaults, and the axis the vector functions work along."""
    axis = inspect.signature(entry.fn).parameters.get("axis")
    return dict(entry.params) | ({"axis": axis.default} if axis else {})


def test_framework_defaults_equal_ours_or_are_known_differences():
    compared = set()
    for slug, entry in REGISTRY.items():
        ours = _our_defaults(entry)
        for cell in entry.frameworks.cells():
            for call in cell.calls:
                shared = call.shared_defaults()
                for name, value in shared.items():
                    if name not in ours:
                        continue
                    compared.add((slug, call.name, name))
                    if name in call.differs:
                        assert value != ours[name], f"{slug}: {call.name} {name}={value} is listed as different but is ours"
                    else:
                        assert value == ours[name], f"{slug}: {call.name} documents {name}={value!r}, ours is {ours[name]!r}"
                stray = set(call.differs) - (set(shared) & set(ours))
                assert not stray, f"{slug}: {call.name} lists a known difference in {stray}, which it documents no default for"
    # the defaults a reader compares most: they must stay data, not prose
    assert {("leaky-relu", "nn.LeakyReLU", "negative_slope"), ("leaky-relu", "jax.nn.leaky_relu", "negative_slope"),
            ("prelu", "nn.PReLU", "weight"), ("hard-tanh", "nn.Hardtanh", "min_val"), ("hard-tanh", "nn.Hardtanh", "max_val"),
            ("softplus", "nn.Softplus", "beta"), ("softmax", "jax.nn.softmax", "axis"), ("glu", "jax.nn.glu", "axis"),
            *((s, c, "alpha") for s in ("elu", "celu") for c in (f"nn.{s.upper()}", f"keras.activations.{s}",
                                                                f"jax.nn.{s}"))} <= compared
