"""A small fully connected network in numpy with forward and backward passes written out by hand.

The hidden activation and its derivative come from the `activations` registry, so experiments
run on exactly the functions the site documents and tests.
"""

from .mlp import MLP, cross_entropy_grad, init_layers

__all__ = ["MLP", "cross_entropy_grad", "init_layers"]
