# %% [markdown]
# # Dying ReLU
#
# A ReLU unit whose pre-activation is negative for every input outputs zero and receives a zero
# gradient, so gradient descent can never change its weights again: the unit is dead. This
# experiment counts dead units after training at different learning rates, for ReLU, leaky ReLU
# and ELU, and looks inside one dead unit.
#
# For a unit with pre-activation $z = xw + b$, the gradient of the loss with respect to $w$ is
# $\sum_i \frac{\partial L}{\partial h_i}\,\phi'(z_i)\,x_i$. ReLU has $\phi'(z) = 0$ for $z < 0$, leaky
# ReLU has $0.01$ and ELU has $e^{z}$: only ReLU's sum is exactly zero when every $z_i$ is negative.
#
# [Download this notebook](../../generated/notebooks/dying-relu.ipynb) to run it yourself
# (it needs this repository installed: `make install`).

# %%
import numpy as np

from figure_style.notebook import show
from activations import REGISTRY
from tinynet import MLP, accuracy, cross_entropy_grad, init_layers, moons

x, y = moons(n=100, noise=0.1, seed=0)
SIZES = [2, 32, 32, 2]
ACTIVATIONS = ["relu", "leaky-relu", "elu"]
RATES = [0.01, 0.1, 0.5, 1.0, 2.0, 3.0]
STEPS = 200


def silent(net):
    """For each hidden unit, whether its pre-activation is <= 0 on every training input."""
    net.forward(x)
    return np.concatenate([np.all(z <= 0, axis=0) for _, z in net.cache[:-1]])


def run(activation, lr):
    """Train from He initialisation; None if the weights overflowed (the step size diverged)."""
    net = MLP(init_layers(SIZES, "he", seed=1), activation)
    try:
        with np.errstate(over="raise", invalid="raise"):
            for _ in range(STEPS):
                net.step(net.backward(cross_entropy_grad(net.forward(x), y)), lr)
    except FloatingPointError:
        return None
    return net


# %% [markdown]
# ## Silent units against the learning rate
#
# "Silent" means negative on every training input. For ReLU a silent unit is dead; leaky ReLU and
# ELU units can be silent too, but they still receive a gradient.

# %%
nets = {(a, lr): run(a, lr) for a in ACTIVATIONS for lr in RATES}
fraction = {key: None if net is None else float(silent(net).mean()) for key, net in nets.items()}

print(f"{'learning rate':>14}" + "".join(f"{a:>14}" for a in ACTIVATIONS))
for lr in RATES:
    cells = ["diverged" if fraction[a, lr] is None else f"{fraction[a, lr]:.1%}" for a in ACTIVATIONS]
    print(f"{lr:>14}" + "".join(f"{c:>14}" for c in cells))

assert fraction["relu", RATES[-1]] > 4 * fraction["relu", RATES[0]]
assert all(f == 0 for (a, _), f in fraction.items() if a == "elu" and f is not None)


# %%
def draw_fraction(fig, ax, theme):
    for a, color, marker in zip(ACTIVATIONS, (theme.primary, theme.secondary, theme.accent), "osD"):
        rates = [lr for lr in RATES if fraction[a, lr] is not None]
        ax.semilogx(rates, [100 * fraction[a, lr] for lr in rates], color=color, marker=marker, label=REGISTRY[a].name)
    ax.set(xlabel="learning rate", ylabel="silent hidden units (%)", title=f"after {STEPS} steps")
    ax.legend()


worst = max(RATES, key=lambda lr: fraction["relu", lr])
show(draw_fraction, f"Line chart of the share of silent hidden units against the learning rate, on a log axis from "
     f"{RATES[0]} to {RATES[-1]}. ReLU and leaky ReLU rise from {fraction['relu', RATES[0]]:.0%} to "
     f"{fraction['relu', worst]:.0%} and {fraction['leaky-relu', worst]:.0%}; ELU stays at 0 % and its training "
     f"diverges above a learning rate of {max(lr for lr in RATES if fraction['elu', lr] is not None)}.")

# %% [markdown]
# ## What a dead unit looks like
#
# Take the ReLU network trained with the largest learning rate. A dead unit's pre-activations sit
# below zero for every input, so its output is zero everywhere and the gradient of each of its
# incoming weights is exactly zero.

# %%
net = nets["relu", worst]
net.backward(cross_entropy_grad(net.forward(x), y))
x_in, z = net.cache[0]  # input and pre-activations of the first hidden layer
dead = np.flatnonzero(np.all(z <= 0, axis=0))
alive = np.flatnonzero(np.any(z > 0, axis=0))
grad_w = x_in.T @ net.signals[0]  # d(loss)/d(first layer weights), one column per unit
print(f"first hidden layer: {len(dead)} dead units of {z.shape[1]}")
print("a dead unit:  pre-activation from", z[:, dead[0]].min().round(3), "to", z[:, dead[0]].max().round(3),
      " weight gradient", grad_w[:, dead[0]])
print("a live unit:  pre-activation from", z[:, alive[0]].min().round(3), "to", z[:, alive[0]].max().round(3),
      " weight gradient", grad_w[:, alive[0]].round(6))

assert len(dead) > 0 and np.all(grad_w[:, dead] == 0) and np.any(grad_w[:, alive] != 0)

# The same look at leaky ReLU: its silent units still get a gradient, so they can move back.
leaky = nets["leaky-relu", worst]
leaky.backward(cross_entropy_grad(leaky.forward(x), y))
quiet = np.all(leaky.cache[0][1] <= 0, axis=0)
leaky_grad = leaky.cache[0][0].T @ leaky.signals[0]
print(f"leaky ReLU: {quiet.sum()} silent first-layer units, smallest weight gradient among them",
      f"{np.abs(leaky_grad[:, quiet]).max(axis=0).min():.1e}")
assert quiet.any() and np.all(np.abs(leaky_grad[:, quiet]).max(axis=0) > 0)


# %%
def draw_unit(fig, ax, theme):
    bins = np.linspace(min(z[:, dead[0]].min(), z[:, alive[0]].min()), max(z[:, dead[0]].max(), z[:, alive[0]].max()), 40)
    ax.hist(z[:, dead[0]], bins=bins, color=theme.secondary, alpha=0.7, label="dead unit")
    ax.hist(z[:, alive[0]], bins=bins, color=theme.primary, alpha=0.7, label="live unit")
    ax.axvline(0, color=theme.text, linewidth=1)
    ax.set(xlabel="pre-activation z over the training inputs", ylabel="inputs")
    ax.legend()


show(draw_unit, f"Histogram of the pre-activations of two first-layer units over the {len(x)} training inputs. The "
     f"dead unit's values lie between {z[:, dead[0]].min():.2f} and {z[:, dead[0]].max():.2f}, all left of zero; the "
     f"live unit's spread from {z[:, alive[0]].min():.2f} to {z[:, alive[0]].max():.2f}, across zero.")

# %% [markdown]
# A unit in the first layer sees the fixed training inputs, so once dead it stays dead. Deeper units
# can come back if the layers below them change what they receive. The usual remedies are a smaller
# learning rate, an activation with a non-zero slope on the left (leaky ReLU, ELU, GELU, SiLU), and
# normalisation layers that keep pre-activations centred.
#
# See also: [ReLU](../../activations/relu/), [leaky ReLU](../../activations/leaky-relu/),
# [ELU](../../activations/elu/).
