"""Activation functions in numpy: numerically stable, dtype-preserving, fully tested."""

from importlib import import_module as _import_module

# Each module lists its public functions in its own __all__; the package exports them all.
from .elu import *  # noqa: F403
from .gated import *  # noqa: F403
from .linear import *  # noqa: F403
from .periodic import *  # noqa: F403
from .registry import FAMILIES, REGISTRY, SMOOTHNESS, Activation
from .relu import *  # noqa: F403
from .shrink import *  # noqa: F403
from .sigmoid import *  # noqa: F403
from .smooth_relu import *  # noqa: F403
from .softmax import *  # noqa: F403
from .tanh import *  # noqa: F403

_FUNCTION_MODULES = ("elu", "gated", "linear", "periodic", "relu", "shrink", "sigmoid", "smooth_relu", "softmax",
                     "tanh")

__all__ = sorted(["FAMILIES", "REGISTRY", "SMOOTHNESS", "Activation",
                  *(name for m in _FUNCTION_MODULES for name in _import_module(f".{m}", __name__).__all__)])
