"""The experiments' MLP: hand-written backward pass against finite differences, data and training."""

from __future__ import annotations

import numpy as np
import pytest

from tinynet import MLP, accuracy, cross_entropy, cross_entropy_grad, init_layers, moons, train, xor_blobs


def _loss(net, x, y):
    return cross_entropy(net.forward(x), y)


OPTIONS = [{}, {"residual": True}, {"norm": True}, {"residual": True, "norm": True}]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "+".join(o) or "plain")
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "gelu", "elu", "identity"])
def test_backward_matches_finite_differences(activation, options):
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(7, 3)), rng.integers(0, 2, 7)
    net = MLP(init_layers([3, 5, 4, 4, 4, 2], "xavier", seed=2), activation, **options)
    grads = net.backward(cross_entropy_grad(net.forward(x), y))
    h = 1e-6
    for layer, (dw, db) in enumerate(grads):
        for param, grad in ((0, dw), (1, db)):
            value = net.layers[layer][param]
            numeric = np.zeros_like(value)
            for idx in np.ndindex(value.shape):
                old = value[idx]
                value[idx] = old + h
                up = _loss(net, x, y)
                value[idx] = old - h
                down = _loss(net, x, y)
                value[idx] = old
                numeric[idx] = (up - down) / (2 * h)
            np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)


def test_signals_are_the_gradients_at_each_pre_activation():
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=(6, 2)), rng.integers(0, 2, 6)
    net = MLP(init_layers([2, 3, 2], "he", seed=0), "relu")
    grads = net.backward(cross_entropy_grad(net.forward(x), y))
    assert len(net.signals) == 2
    for (h, _), g, (dw, db) in zip(net.cache, net.signals, grads):
        np.testing.assert_allclose(dw, h.T @ g)
        np.testing.assert_allclose(db, g.sum(axis=0))


def test_residual_layers_add_their_input_where_the_widths_match():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(4, 3))
    layers = init_layers([3, 5, 5, 2], "he", seed=1)
    (w1, b1), (w2, b2), (w3, b3) = layers
    h1 = np.maximum(x @ w1 + b1, 0)  # 3 -> 5: no skip possible
    h2 = h1 + np.maximum(h1 @ w2 + b2, 0)  # 5 -> 5: skip
    np.testing.assert_allclose(MLP(layers, "relu", residual=True).forward(x), h2 @ w3 + b3, rtol=1e-12)


def test_layer_norm_standardises_each_hidden_pre_activation_over_its_units():
    rng = np.random.default_rng(6)
    x = 10 + 5 * rng.normal(size=(6, 3))
    net = MLP(init_layers([3, 8, 8, 2], "standard", seed=2), "identity", norm=True)
    net.forward(x)
    for _, a in net.cache[:-1]:
        np.testing.assert_allclose(a.mean(axis=1), 0, atol=1e-12)
        np.testing.assert_allclose(a.std(axis=1), 1, rtol=1e-3)  # 1 up to the variance's small epsilon


def test_cross_entropy_grad_is_softmax_minus_one_hot_over_n_and_leaves_logits_alone():
    logits = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    before = logits.copy()
    g = cross_entropy_grad(logits, np.array([2, 0]))
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(g, (p - np.eye(3)[[2, 0]]) / 2)
    np.testing.assert_array_equal(logits, before)


def test_cross_entropy_is_finite_for_confident_wrong_logits():
    assert cross_entropy(np.array([[0.0, 800.0]]), np.array([0])) == 800.0


@pytest.mark.parametrize("init, scale", [("standard", 1.0), ("xavier", np.sqrt(2 / 300)), ("he", np.sqrt(2 / 100))])
def test_initialisations_draw_their_scale(init, scale):
    (w, b), = init_layers([100, 200], init, seed=0)
    assert w.std() == pytest.approx(scale, rel=0.02) and not b.any()


def test_datasets_are_deterministic_and_balanced():
    for make, kwargs in ((xor_blobs, {"per_corner": 10, "spread": 0.1}), (moons, {"n": 20, "noise": 0.1})):
        (x1, y1), (x2, y2) = make(**kwargs, seed=5), make(**kwargs, seed=5)
        np.testing.assert_array_equal(x1, x2)
        assert x1.shape == (len(y1), 2) and np.bincount(y1).tolist() == [len(y1) // 2] * 2
    x, y = xor_blobs(per_corner=10, spread=0.0, seed=0)
    assert ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(int).tolist() == y.tolist()


def test_training_lowers_the_loss_and_fits_xor():
    x, y = xor_blobs(per_corner=20, spread=0.1, seed=0)
    net = MLP(init_layers([2, 8, 2], "xavier", seed=0), "tanh")
    before = _loss(net, x, y)
    train(net, x, y, steps=300, lr=1.0)
    assert _loss(net, x, y) < before / 10 and accuracy(net, x, y) == 1.0
