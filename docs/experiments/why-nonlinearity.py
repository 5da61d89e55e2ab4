# %% [markdown]
# # Why non-linearity
#
# A stack of linear layers is one linear layer; on XOR and on two interleaved moons it cannot do
# better than a straight line. One hidden layer with a non-linear activation solves both.
#
# [Download this notebook](../../generated/notebooks/why-nonlinearity.ipynb) to run it yourself.

# %%
import numpy as np

from activations import softmax
from tinynet import MLP, cross_entropy_grad, init_layers

rng = np.random.default_rng(0)
x = rng.uniform(-1, 1, (400, 2))
y = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(int)


def train(activation, sizes, steps=3000, lr=0.5, seed=1):
    net = MLP(init_layers(sizes, "xavier", seed), activation)
    for _ in range(steps):
        net.step(net.backward(cross_entropy_grad(net.forward(x), y)), lr)
    return float(np.mean(np.argmax(net.forward(x), axis=1) == y))


for name, sizes, act in [("linear", [2, 2], "identity"), ("two linear layers", [2, 16, 2], "identity"),
                         ("ReLU hidden layer", [2, 16, 2], "relu"), ("tanh hidden layer", [2, 16, 2], "tanh")]:
    print(f"{name:20} accuracy {train(act, sizes):.3f}")
