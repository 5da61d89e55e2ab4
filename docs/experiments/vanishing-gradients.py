# %% [markdown]
# # Vanishing and exploding gradients
#
# In a deep network the gradient reaches the first layers only after being multiplied by one
# activation derivative and one weight matrix per layer. This experiment measures how large it
# still is, layer by layer, in deep networks (`DEPTH` layers) of sigmoid, tanh, ReLU and GELU units, with
# weights drawn without scaling and with the initialisation made for each activation.
#
# Back-propagation through layer $l$ with pre-activation $z_l = h_{l-1}W_l + b_l$ and
# $h_l = \phi(z_l)$ gives
#
# $$\frac{\partial L}{\partial z_{l-1}} = \Big(\frac{\partial L}{\partial z_l} W_l^\top\Big) \odot \phi'(z_{l-1}),$$
#
# so after $n$ layers the gradient carries a product of $n$ derivatives. Sigmoid's derivative is
# at most $0.25$, which bounds that product by $0.25^n$.
#
# [Download this notebook](../../generated/notebooks/vanishing-gradients.ipynb) to run it yourself
# (it needs this repository installed: `make install`).

# %%
import numpy as np

from figure_style.notebook import show
from activations import REGISTRY
from tinynet import MLP, accuracy, cross_entropy_grad, init_layers, train

DEPTH, WIDTH, INPUTS, BATCH = 20, 32, 16, 128
ACTIVATIONS = ["sigmoid", "tanh", "relu", "gelu"]
# Glorot and Bengio (2010) derived their scale for sigmoid and tanh, He et al. (2015) theirs for ReLU.
FITTING = {"sigmoid": "xavier", "tanh": "xavier", "relu": "he", "gelu": "he"}
INIT_NAMES = {"standard": "N(0, 1)", "xavier": "Glorot", "he": "He"}

rng = np.random.default_rng(0)
x = rng.normal(size=(BATCH, INPUTS))
y = (x @ rng.normal(size=INPUTS) > 0).astype(int)  # a task a linear model could learn
sizes = [INPUTS] + [WIDTH] * DEPTH + [2]


def gradient_norms(net):
    """Norm of d(loss)/d(pre-activation) at every layer, first layer first."""
    net.backward(cross_entropy_grad(net.forward(x), y))
    return np.array([np.linalg.norm(g) for g in net.signals])


# %% [markdown]
# ## At initialisation
#
# "Standard" draws every weight from $N(0, 1)$. Glorot (Xavier) draws from
# $N\big(0, \tfrac{2}{n_\text{in} + n_\text{out}}\big)$ and He from $N\big(0, \tfrac{2}{n_\text{in}}\big)$,
# scales chosen to keep the size of the signal the same from layer to layer
# ([Glorot and Bengio, 2010](../../references/#glorot2010); [He et al., 2015](../../references/#he2015)).

# %%
at_init = {(a, init): gradient_norms(MLP(init_layers(sizes, init, seed=1), a))
           for a in ACTIVATIONS for init in ("standard", FITTING[a])}

print(f"{'activation':10} {'init':9} {'layer 1':>10} {'last layer':>11} {'ratio':>10} {'per layer':>10}")
for (a, init), g in at_init.items():
    ratio = g[0] / g[-1]
    print(f"{a:10} {init:9} {g[0]:10.2e} {g[-1]:11.2e} {ratio:10.2e} {ratio ** (1 / (DEPTH - 1)):10.3f}")

# %% [markdown]
# The last column is the average factor by which the gradient grows (above 1) or shrinks (below 1)
# per layer. Without scaling, the tanh, ReLU and GELU networks explode: their gradients grow layer by
# layer towards the input. Sigmoid shrinks under both initialisations.

# %%
ratio = {key: g[0] / g[-1] for key, g in at_init.items()}
assert ratio["sigmoid", "xavier"] < 1e-6  # the first layer gets less than a millionth of the last one's gradient
assert all(ratio[a, "standard"] > 1e3 for a in ("tanh", "relu", "gelu"))
assert all(1e-2 < ratio[a, FITTING[a]] < 1e2 for a in ("tanh", "relu"))

# %% [markdown]
# ## Sigmoid against its derivative bound
#
# The bound $0.25^n$ counts the derivatives alone; the weight matrices multiply the gradient too.
# With Glorot weights their effect is close to neutral, and the measured decay follows the bound;
# with unscaled weights they amplify it, and the decay is slower, though still vanishing.

# %%
n = np.arange(DEPTH + 1)[::-1]  # layers between each layer and the last one


def draw_sigmoid_bound(fig, ax, theme):
    ax.semilogy(n, 0.25 ** n, color=theme.muted, linestyle="--", label="$0.25^n$")
    for init, color in (("standard", theme.secondary), ("xavier", theme.primary)):
        g = at_init["sigmoid", init]
        ax.semilogy(n, g / g[-1], color=color, marker="o", markersize=3, label=f"measured, {INIT_NAMES[init]} weights")
    ax.set(xlabel="layers below the last one, $n$", ylabel="gradient norm / last layer's", xticks=range(0, DEPTH + 1, 4))
    ax.legend()


orders = {key: np.log10(r) for key, r in ratio.items()}  # orders of magnitude gained from last layer to first
assert 0.1 < ratio["sigmoid", "xavier"] / 0.25 ** DEPTH < 10  # Glorot weights: the decay follows the bound
assert ratio["sigmoid", "xavier"] < ratio["sigmoid", "standard"] < 1e-2  # unscaled: slower, still vanishing

show(draw_sigmoid_bound, f"Semi-log plot against n, the number of layers below the last one, from 0 to {DEPTH}. The "
     f"dashed bound 0.25 to the power n falls to {0.25 ** DEPTH:.0e} at n = {DEPTH}. The measured gradient of the "
     f"sigmoid network with Glorot weights falls almost along it, to {ratio['sigmoid', 'xavier']:.0e}; with unscaled "
     f"weights it falls more slowly, to {ratio['sigmoid', 'standard']:.0e}.")

# %% [markdown]
# ## After training
#
# Each network with its fitting initialisation then takes `STEPS` steps of full-batch gradient descent.

# %%
STEPS, LR = 100, 0.1
after, trained_accuracy = {}, {}
for a in ACTIVATIONS:
    net = train(MLP(init_layers(sizes, FITTING[a], seed=1), a), x, y, steps=STEPS, lr=LR)
    after[a], trained_accuracy[a] = gradient_norms(net), accuracy(net, x, y)
    print(f"{a:8} ({FITTING[a]}) accuracy after {STEPS} steps: {trained_accuracy[a]:.1%}")

assert after["sigmoid"][0] / after["sigmoid"][-1] < 1e-6
assert trained_accuracy["sigmoid"] < 0.6 and trained_accuracy["tanh"] > 0.95 and trained_accuracy["relu"] > 0.95


# %%
def draw_layers(fig, axes, theme):
    layer = np.arange(1, DEPTH + 2)
    for ax, a in zip(axes.ravel(), ACTIVATIONS):
        fitting = INIT_NAMES[FITTING[a]]
        ax.semilogy(layer, at_init[a, "standard"], color=theme.secondary, linestyle="--", label="N(0, 1), at init")
        ax.semilogy(layer, at_init[a, FITTING[a]], color=theme.primary, label=f"{fitting}, at init")
        ax.semilogy(layer, after[a], color=theme.accent, linestyle=":", label=f"{fitting}, after {STEPS} steps")
        ax.set_title(f"{REGISTRY[a].name}: accuracy {trained_accuracy[a]:.0%} after training", fontsize=10)
        ax.set_xticks([1, 5, 10, 15, 21])
        ax.legend(fontsize=8)
    for ax in axes[1]:
        ax.set_xlabel("layer")
    for ax in axes[:, 0]:
        ax.set_ylabel("gradient norm")


show(draw_layers, f"Four semi-log panels, one per activation, of the gradient norm at each of the {DEPTH + 1} layers. "
     f"Sigmoid with Glorot weights: from the last layer to the first the gradient falls by "
     f"{-orders['sigmoid', 'xavier']:.0f} orders of magnitude at initialisation, and stays as small after training. "
     f"Unscaled weights: it rises towards the first layer by {orders['tanh', 'standard']:.0f} (tanh), "
     f"{orders['relu', 'standard']:.0f} (ReLU) and {orders['gelu', 'standard']:.0f} (GELU) orders of magnitude. "
     f"Glorot weights for tanh and He weights for ReLU keep it within a factor of "
     f"{max(max(r, 1 / r) for r in (ratio['tanh', 'xavier'], ratio['relu', 'he'])):.0f}, and those networks learn the task; GELU with He weights still loses "
     f"{-orders['gelu', 'he']:.0f}.", width=9, height=6.4, nrows=2, ncols=2)

# %% [markdown]
# What to take from it: the derivative bound makes deep sigmoid networks untrainable whatever the
# scale of the weights, which is why sigmoid moved to output layers. For tanh and the ReLU family,
# the scale of the initial weights decides between exploding and usable gradients. He's scale
# assumes that half of the units pass their gradient unchanged, which is exact for ReLU only.
#
# See also: [sigmoid](../../activations/sigmoid/), [tanh](../../activations/tanh/),
# [ReLU](../../activations/relu/), [GELU](../../activations/gelu/).
