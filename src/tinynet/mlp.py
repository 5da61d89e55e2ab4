"""Multi-layer perceptron: dense layers, one registry activation between them, manual backprop."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from activations import REGISTRY, log_softmax, softmax

INITS = {
    "standard": lambda fan_in, fan_out: 1.0,  # N(0, 1): no scaling at all
    "xavier": lambda fan_in, fan_out: np.sqrt(2.0 / (fan_in + fan_out)),  # Glorot and Bengio (2010)
    "he": lambda fan_in, fan_out: np.sqrt(2.0 / fan_in),  # He et al. (2015)
}
NORM_EPS = 1e-5  # added to the variance before the square root, as PyTorch's LayerNorm does


def init_layers(sizes: list[int], init: str, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Weights drawn from N(0, s^2) with the scale s of `init`, zero biases."""
    rng = np.random.default_rng(seed)
    return [(rng.normal(0.0, INITS[init](a, b), (a, b)), np.zeros(b)) for a, b in zip(sizes[:-1], sizes[1:])]


@dataclass
class MLP:
    """Dense layers with `activation` (a registry slug) after every layer but the last.

    `norm` standardises each hidden layer's pre-activation over its units before the activation
    (layer normalisation, Ba et al. 2016, without the learned gain and shift); `residual` adds a
    hidden layer's input to its output wherever the two have the same width (He et al. 2016).
    """

    layers: list[tuple[np.ndarray, np.ndarray]]
    activation: str
    residual: bool = False
    norm: bool = False
    cache: list = field(default_factory=list, repr=False)  # (input, activation's input) of each layer
    signals: list = field(default_factory=list, repr=False)  # d(loss)/d(input @ w + b) of each layer
    scales: list = field(default_factory=list, repr=False)  # each hidden layer's normalising divisor

    def forward(self, x: np.ndarray) -> np.ndarray:
        act = REGISTRY[self.activation].fn
        self.cache, self.scales = [], []
        h = x
        for i, (w, b) in enumerate(self.layers):
            z = h @ w + b
            if i == len(self.layers) - 1:
                self.cache.append((h, z))
                return z
            if self.norm:
                centred = z - z.mean(axis=1, keepdims=True)
                scale = np.sqrt(np.mean(centred**2, axis=1, keepdims=True) + NORM_EPS)
                z = centred / scale
                self.scales.append(scale)
            self.cache.append((h, z))
            h = h + act(z) if self._skips(i) else act(z)
        return h

    def _skips(self, i: int) -> bool:
        w, _ = self.layers[i]
        return self.residual and i != len(self.layers) - 1 and w.shape[0] == w.shape[1]

    def backward(self, grad_out: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Gradients (dW, db) of every layer, given d(loss)/d(output) of the last forward pass;
        the gradient reaching each layer's input @ w + b is kept in `signals`."""
        d_act = REGISTRY[self.activation].derivative
        grads, self.signals = [], []
        g = grad_out
        for i in reversed(range(len(self.layers))):
            h, z = self.cache[i]
            through = g  # d(loss)/d(this layer's output)
            if i != len(self.layers) - 1:
                g = g * d_act(z)
                if self.norm:  # back through (z - mean) / scale, z standardised over axis 1
                    g = (g - g.mean(axis=1, keepdims=True) - z * np.mean(g * z, axis=1, keepdims=True)) / self.scales[i]
            self.signals.append(g)
            w, _ = self.layers[i]
            grads.append((h.T @ g, g.sum(axis=0)))
            g = g @ w.T + through if self._skips(i) else g @ w.T
        self.signals.reverse()
        return grads[::-1]

    def step(self, grads, lr: float) -> None:
        self.layers = [(w - lr * dw, b - lr * db) for (w, b), (dw, db) in zip(self.layers, grads)]


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean softmax cross-entropy, -mean(log_softmax(logits)[i, labels[i]]), stable for any logits."""
    return float(-np.mean(log_softmax(logits)[np.arange(len(labels)), labels]))


def cross_entropy_grad(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """d(mean softmax cross-entropy)/d(logits) = (softmax(logits) - one_hot(labels)) / n."""
    p = softmax(logits)
    p[np.arange(len(labels)), labels] -= 1.0
    return p / len(labels)


def accuracy(net: MLP, x: np.ndarray, labels: np.ndarray) -> float:
    """Fraction of rows of x whose largest logit is at the true label."""
    return float(np.mean(np.argmax(net.forward(x), axis=1) == labels))


def train(net: MLP, x: np.ndarray, labels: np.ndarray, steps: int, lr: float) -> MLP:
    """Full-batch gradient descent on the mean cross-entropy; returns the same network."""
    for _ in range(steps):
        net.step(net.backward(cross_entropy_grad(net.forward(x), labels)), lr)
    return net
