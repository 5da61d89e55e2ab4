"""A small fully connected network in numpy with forward and backward passes written out by hand.

The hidden activation and its derivative come from the `activations` registry, so experiments
run on exactly the functions the site documents and tests.
"""

from .data import moons, xor_blobs
from .mlp import MLP, accuracy, cross_entropy, cross_entropy_grad, init_layers, train

__all__ = ["MLP", "accuracy", "cross_entropy", "cross_entropy_grad", "init_layers", "moons", "train", "xor_blobs"]
