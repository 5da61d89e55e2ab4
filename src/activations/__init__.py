"""Activation functions in numpy: numerically stable, dtype-preserving, fully tested."""

from .registry import REGISTRY, Activation
from .relu import relu, relu_derivative
from .sigmoid import sigmoid, sigmoid_derivative
from .softmax import log_softmax, softmax

__all__ = [
    "REGISTRY",
    "Activation",
    "log_softmax",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
]
