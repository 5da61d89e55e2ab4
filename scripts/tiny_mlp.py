"""A one-hidden-layer network trained by full-batch gradient descent, written out by hand.

Forward and backward passes use the registry's functions and derivatives, so the networks on
the pages run on exactly the code the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from activations import REGISTRY, sigmoid


@dataclass
class MLP:
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    hidden: str | None  # registry slug of the hidden activation; None: no activation at all

    def _act(self, z):
        return z if self.hidden is None else REGISTRY[self.hidden].fn(z)

    def _act_grad(self, z):
        return np.ones_like(z) if self.hidden is None else REGISTRY[self.hidden].derivative(z)

    def logits(self, x: np.ndarray) -> np.ndarray:
        return self._act(x @ self.w1 + self.b1) @ self.w2 + self.b2

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probability of class 1 for each row of x."""
        return sigmoid(self.logits(x))


def train(x: np.ndarray, y: np.ndarray, hidden: str | None, width: int, seed: int,
          steps: int = 2000, lr: float = 0.5) -> MLP:
    """Fit an MLP with binary cross-entropy; width 0 means a linear model (logistic regression)."""
    rng = np.random.default_rng(seed)
    if width == 0:
        net = MLP(np.eye(x.shape[1]), np.zeros(x.shape[1]), rng.normal(0, 0.5, (x.shape[1], 1)), np.zeros(1), None)
    else:
        net = MLP(rng.normal(0, 1.0, (x.shape[1], width)), rng.normal(0, 0.5, width),
                  rng.normal(0, 1.0, (width, 1)), np.zeros(1), hidden)
    n = len(x)
    for _ in range(steps):
        z1 = x @ net.w1 + net.b1
        h = net._act(z1)
        p = sigmoid(h @ net.w2 + net.b2)
        g_out = (p - y[:, None]) / n  # d(mean cross-entropy) / d(logit)
        g_h = (g_out @ net.w2.T) * net._act_grad(z1)
        net.w2 -= lr * h.T @ g_out
        net.b2 -= lr * g_out.sum(axis=0)
        if width:
            net.w1 -= lr * x.T @ g_h
            net.b1 -= lr * g_h.sum(axis=0)
    return net


def accuracy(net: MLP, x: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((net.predict(x)[:, 0] >= 0.5) == (y == 1)))
