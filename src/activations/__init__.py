"""Activation functions in numpy: numerically stable, dtype-preserving, fully tested."""

from .elu import celu, celu_derivative, elu, elu_derivative, selu, selu_derivative
from .gated import geglu, glu, swiglu
from .linear import binary_step, binary_step_derivative, identity, identity_derivative
from .registry import FAMILIES, REGISTRY, SMOOTHNESS, Activation
from .relu import (leaky_relu, leaky_relu_derivative, prelu, prelu_derivative, relu, relu6, relu6_derivative,
                   relu_derivative)
from .sigmoid import (hard_sigmoid, hard_sigmoid_derivative, log_sigmoid, log_sigmoid_derivative, sigmoid,
                      sigmoid_derivative)
from .smooth_relu import (gelu, gelu_derivative, gelu_tanh, gelu_tanh_derivative, hard_swish, hard_swish_derivative,
                          mish, mish_derivative, silu, silu_derivative, softplus, softplus_derivative)
from .softmax import log_softmax, softmax
from .tanh import hard_tanh, hard_tanh_derivative, softsign, softsign_derivative, tanh, tanh_derivative

__all__ = sorted([
    "FAMILIES", "REGISTRY", "SMOOTHNESS", "Activation",
    "binary_step", "binary_step_derivative", "celu", "celu_derivative", "elu", "elu_derivative",
    "geglu", "gelu", "gelu_derivative", "gelu_tanh", "gelu_tanh_derivative", "glu",
    "hard_sigmoid", "hard_sigmoid_derivative", "hard_swish", "hard_swish_derivative",
    "hard_tanh", "hard_tanh_derivative", "identity", "identity_derivative",
    "leaky_relu", "leaky_relu_derivative", "log_sigmoid", "log_sigmoid_derivative", "log_softmax",
    "mish", "mish_derivative", "prelu", "prelu_derivative", "relu", "relu6", "relu6_derivative",
    "relu_derivative", "selu", "selu_derivative", "sigmoid", "sigmoid_derivative", "silu",
    "silu_derivative", "softmax", "softplus", "softplus_derivative", "softsign", "softsign_derivative",
    "swiglu", "tanh", "tanh_derivative",
])
