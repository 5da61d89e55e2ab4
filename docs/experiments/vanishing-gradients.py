# %% [markdown]
# # Vanishing and exploding gradients
#
# In a deep network the gradient reaches the first layers only after being multiplied by one
# activation derivative and one weight matrix per layer. This experiment measures how large it
# still is, layer by layer, in deep networks (`DEPTH` layers) of sigmoid, tanh, ReLU and GELU units, with
# weights drawn without scaling and with the initialisation made for each activation, and then with
# the two devices practitioners add to deep networks: residual connections and normalisation.
#
# Back-propagation through layer $l$ with pre-activation $z_l = h_{l-1}W_l + b_l$ and
# $h_l = \phi(z_l)$ gives
#
# $$\frac{\partial L}{\partial z_{l-1}} = \Big(\frac{\partial L}{\partial z_l} W_l^\top\Big) \odot \phi'(z_{l-1}),$$
#
# so after $n$ layers the gradient carries a product of $n$ derivatives. Sigmoid's derivative is
# largest at 0, so $\sigma'(z) \le \sigma'(0)$ for every $z$, which bounds that product by $\sigma'(0)^n$.
#
# [Download this notebook](../../generated/notebooks/vanishing-gradients.ipynb) to run it yourself; the
# last section says what it needs.

# %%
import numpy as np

from figure_style.notebook import show
from figure_style.text import N_, pad, table, tr, width  # words printed and drawn in the reader's language
from activations import REGISTRY, sigmoid_derivative
from tinynet import MLP, accuracy, cross_entropy_grad, init_layers, train

DEPTH, WIDTH, INPUTS, BATCH = 20, 32, 16, 128
ACTIVATIONS = ["sigmoid", "tanh", "relu", "gelu"]
# Glorot and Bengio (2010) derived their scale for sigmoid and tanh, He et al. (2015) theirs for ReLU.
FITTING = {"sigmoid": "xavier", "tanh": "xavier", "relu": "he", "gelu": "he"}
INIT_NAMES = {"standard": "N(0, 1)", "xavier": "Glorot", "he": "He"}
NAMES = {a: tr(REGISTRY[a].name) for a in ACTIVATIONS}  # as the site names them, in the reader's language

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
# The tables name the weights by how they are drawn: $N(0, 1)$, without scaling, for every weight;
# Glorot (Xavier) draws from
# $N\big(0, \tfrac{2}{n_\text{in} + n_\text{out}}\big)$ and He from $N\big(0, \tfrac{2}{n_\text{in}}\big)$,
# scales chosen to keep the size of the signal the same from layer to layer
# ([Glorot and Bengio, 2010](../../references/#glorot2010); [He et al., 2015](../../references/#he2015)).

# %%
at_init = {(a, init): gradient_norms(MLP(init_layers(sizes, init, seed=1), a))
           for a in ACTIVATIONS for init in ("standard", FITTING[a])}

rows = [[tr("activation"), tr("weights"), tr("layer 1"), tr("last layer"), tr("ratio"), tr("per layer")]]
for (a, init), g in at_init.items():
    ratio = g[0] / g[-1]
    steps = len(g) - 1  # DEPTH + 1 layers, so DEPTH steps back from the last one to the first
    rows.append([NAMES[a], INIT_NAMES[init], f"{g[0]:.2e}", f"{g[-1]:.2e}", f"{ratio:.2e}", f"{ratio ** (1 / steps):.3f}"])
print(table(rows, "<<>>>>"))
assert steps == DEPTH

# %% [markdown]
# The last column is the average factor by which the gradient grows (above 1) or shrinks (below 1)
# per layer, over the `DEPTH` steps from the last layer back to the first. Without scaling, the tanh,
# ReLU and GELU networks explode: their gradients grow layer by layer towards the input. Sigmoid
# shrinks under both initialisations.

# %%
ratio = {key: g[0] / g[-1] for key, g in at_init.items()}
assert ratio["sigmoid", "xavier"] < 1e-6  # the first layer gets less than a millionth of the last one's gradient
assert all(ratio[a, "standard"] > 1e3 for a in ("tanh", "relu", "gelu"))
assert all(1e-2 < ratio[a, FITTING[a]] < 1e2 for a in ("tanh", "relu"))

# %% [markdown]
# ## Sigmoid against its derivative bound
#
# The bound $\sigma'(0)^n$ counts the derivatives alone; the weight matrices multiply the gradient too.
# With Glorot weights their effect is close to neutral, and the measured decay follows the bound;
# with unscaled weights they amplify it, and the decay is slower, though still vanishing.

# %%
n = np.arange(DEPTH + 1)[::-1]  # layers between each layer and the last one


def draw_sigmoid_bound(fig, ax, theme):
    ax.semilogy(n, 0.25 ** n, color=theme.muted, linestyle="--", label="$0.25^n$")
    for init, color in (("standard", theme.secondary), ("xavier", theme.primary)):
        g = at_init["sigmoid", init]
        ax.semilogy(n, g / g[-1], color=color, marker="o", markersize=3,
                    label=tr("measured, {init} weights").format(init=INIT_NAMES[init]))
    ax.set(xlabel=tr("layers below the last one, n"), ylabel=tr("gradient norm / last layer's"),
           xticks=range(0, DEPTH + 1, 4))
    if fig.get_figwidth() < 5:  # the phone layout (show's phone=): no corner is wide enough, so below the plot
        fig.legend(loc="outside lower center")
    else:
        ax.legend()


orders = {key: np.log10(r) for key, r in ratio.items()}  # orders of magnitude gained from last layer to first
assert 0.1 < ratio["sigmoid", "xavier"] / 0.25 ** DEPTH < 10  # Glorot weights: the decay follows the bound
assert ratio["sigmoid", "xavier"] < ratio["sigmoid", "standard"] < 1e-2  # unscaled: slower, still vanishing

show(draw_sigmoid_bound, tr("Semi-log plot against n, the number of layers below the last one, from 0 to {depth}. "
                            "The dashed bound 0.25 to the power n falls to {bound:.1e} at n = {depth}. The measured "
                            "gradient of the sigmoid network with Glorot weights falls almost along it, to {glorot:.1e}; "
                            "with unscaled weights it falls more slowly, to {unscaled:.1e}.").format(
         depth=DEPTH, bound=0.25 ** DEPTH, glorot=ratio["sigmoid", "xavier"], unscaled=ratio["sigmoid", "standard"]),
     phone=dict(width=4, height=4.6))

# %% [markdown]
# ## After training
#
# Each network with its fitting initialisation then takes `STEPS` steps of full-batch gradient descent.

# %%
STEPS, LR = 100, 0.1
after, trained_accuracy, trained = {}, {}, {}
for a in ACTIVATIONS:
    trained[a] = net = train(MLP(init_layers(sizes, FITTING[a], seed=1), a), x, y, steps=STEPS, lr=LR)
    after[a], trained_accuracy[a] = gradient_norms(net), accuracy(net, x, y)
    print(tr("{activation} ({weights}) accuracy after {steps} steps: {accuracy:.1%}").format(
        activation=pad(NAMES[a], max(map(width, NAMES.values()))), weights=INIT_NAMES[FITTING[a]], steps=STEPS,
        accuracy=trained_accuracy[a]))

assert after["sigmoid"][0] / after["sigmoid"][-1] < 1e-6
assert trained_accuracy["sigmoid"] < 0.6 and trained_accuracy["tanh"] > 0.95 and trained_accuracy["relu"] > 0.95
assert trained_accuracy["gelu"] < 0.6  # GELU with He weights does not learn the task in as many steps


# %%
def draw_layers(fig, axes, theme):
    layer = np.arange(1, DEPTH + 2)
    for ax, a in zip(axes.ravel(), ACTIVATIONS):
        fitting = INIT_NAMES[FITTING[a]]
        ax.semilogy(layer, at_init[a, "standard"], color=theme.secondary, linestyle="--",
                    label=tr("{weights}, at init").format(weights=INIT_NAMES["standard"]))
        ax.semilogy(layer, at_init[a, FITTING[a]], color=theme.primary, label=tr("{weights}, at init").format(weights=fitting))
        ax.semilogy(layer, after[a], color=theme.accent, linestyle=":",
                    label=tr("{weights}, after {steps} steps").format(weights=fitting, steps=STEPS))
        ax.set_title(tr("{activation}: accuracy {accuracy:.0%} after training").format(
            activation=NAMES[a], accuracy=trained_accuracy[a]), fontsize=11)
        ax.set_xticks([1, 5, 10, 15, 21])
        if axes.ndim == 1:  # one panel a row (phones): the legend goes under its panel, clear of the lines
            ax.legend(fontsize=11, loc="upper center", bbox_to_anchor=(0.5, -0.16), frameon=False)
        else:
            ax.legend(fontsize=11, loc="best")
        if ax.get_subplotspec().is_last_row():
            ax.set_xlabel(tr("layer"))
        if ax.get_subplotspec().is_first_col():
            ax.set_ylabel(tr("gradient norm"))


show(draw_layers, tr("Four semi-log panels, one per activation, of the gradient norm at each of the {layers} layers. "
                     "Sigmoid with Glorot weights: from the last layer to the first the gradient falls by {sigmoid:.0f} "
                     "orders of magnitude at initialisation, and stays as small after training. Unscaled weights: it "
                     "rises towards the first layer by {tanh:.0f} (tanh), {relu:.0f} (ReLU) and {gelu:.0f} (GELU) orders "
                     "of magnitude. Glorot weights for tanh and He weights for ReLU keep it within a factor of "
                     "{factor:.0f}, and those networks learn the task; GELU with He weights still loses {gelu_he:.0f} "
                     "orders of magnitude and does not learn it in {steps} steps.").format(
         layers=DEPTH + 1, sigmoid=-orders["sigmoid", "xavier"], tanh=orders["tanh", "standard"],
         relu=orders["relu", "standard"], gelu=orders["gelu", "standard"],
         factor=np.ceil(max(max(r, 1 / r) for r in (ratio["tanh", "xavier"], ratio["relu", "he"]))),  # "within": rounded up
         gelu_he=-orders["gelu", "he"], steps=STEPS),
     width=9, height=6.4, nrows=2, ncols=2, phone=dict(width=4, height=17, nrows=4, ncols=1))

# %% [markdown]
# ## Larger weights for sigmoid
#
# Each weight matrix multiplies the gradient as well, so larger weights work against the
# derivative bound. Here the sigmoid network's Glorot weights are multiplied by a factor; the
# table gives the first layer's gradient over the last one's at initialisation, the median of
# $\sigma'(z)$ over every hidden pre-activation, and the accuracy after `STEPS` steps.

# %%
FACTORS = [1, 4, 16]
scaled = {}
for f in FACTORS:
    net = MLP([(f * w, b) for w, b in init_layers(sizes, "xavier", seed=1)], "sigmoid")
    g = gradient_norms(net)
    median_slope = float(np.median(np.concatenate([sigmoid_derivative(z).ravel() for _, z in net.cache[:-1]])))
    acc = trained_accuracy["sigmoid"] if f == 1 else accuracy(train(net, x, y, steps=STEPS, lr=LR), x, y)
    scaled[f] = (g[0] / g[-1], median_slope, acc)

print(table([[tr("factor"), tr("layer 1 / last"), tr("median slope"), tr("accuracy")]]
            + [[str(f), f"{r:.2e}", f"{slope:.4f}", f"{acc:.1%}"] for f, (r, slope, acc) in scaled.items()], ">>>>"))

# The first layer's share grows with the weights until it no longer vanishes ...
assert all(scaled[f][0] < scaled[g][0] for f, g in zip(FACTORS, FACTORS[1:])) and scaled[FACTORS[-1]][0] > 1
# ... while the units saturate: the median slope falls from near the peak to under a hundredth ...
assert scaled[1][1] > 0.2 and scaled[FACTORS[-1]][1] < 0.01
# ... and at no factor does the network learn the task as the tanh and ReLU networks do.
assert max(acc for _, _, acc in scaled.values()) < min(trained_accuracy["tanh"], trained_accuracy["relu"]) - 0.1

# %% [markdown]
# Larger weights lift the first layer's share of the gradient until, at the largest factor, it no
# longer vanishes; but they push the pre-activations into the sigmoid's tails, where its derivative
# is tiny, and at none of these scales does the network learn the task as the tanh and ReLU networks
# did.
#
# ## Residual connections and normalisation
#
# Deep networks in practice are not plain stacks. A residual connection
# ([He et al., 2016](../../references/#he2016)) adds each layer's input to its output,
# $h_l = h_{l-1} + \phi(z_l)$, so the gradient also reaches the layers below along the identity,
# with no derivative factor. Layer normalisation ([Ba et al., 2016](../../references/#ba2016))
# standardises each input's pre-activations over the layer's units before the activation (here
# without its learned gain and shift), so the scale of the weights no longer sets the size of the
# signal. Batch normalisation ([Ioffe and Szegedy, 2015](../../references/#ioffe2015)), which the
# residual networks of [He et al. (2016)](../../references/#he2016) use, standardises each unit over the batch instead; it is not tried
# here. The first layer's gradient over the last one's at initialisation, for each activation with
# its fitting initialisation:

# %%
OPTIONS = {N_("plain"): {}, N_("residual"): {"residual": True}, N_("layer norm"): {"norm": True},
           N_("both"): {"residual": True, "norm": True}}
fixed = {(a, o): gradient_norms(MLP(init_layers(sizes, FITTING[a], seed=1), a, **kw))
         for a in ACTIVATIONS for o, kw in OPTIONS.items()}
fixed_ratio = {key: g[0] / g[-1] for key, g in fixed.items()}

print(table([[tr("activation"), tr("weights"), *(tr(o) for o in OPTIONS)]]
            + [[NAMES[a], INIT_NAMES[FITTING[a]], *(f"{fixed_ratio[a, o]:.2e}" for o in OPTIONS)] for a in ACTIVATIONS],
            "<<" + ">" * len(OPTIONS)))

assert fixed_ratio["sigmoid", "residual"] > 1e-2 > 1e-6 > fixed_ratio["sigmoid", "plain"]  # the identity path
assert fixed_ratio["sigmoid", "layer norm"] < 1e-6  # normalisation alone leaves the sigmoid's gradient vanishing
assert 0.1 < fixed_ratio["gelu", "layer norm"] < 10 and fixed_ratio["gelu", "plain"] < 0.1
assert all(fixed_ratio[a, "residual"] > 1e3 for a in ("relu", "gelu"))  # residual alone: exploding
assert all(0.1 < fixed_ratio[a, "both"] < 10 for a in ACTIVATIONS)  # both: within a factor of ten

# %% [markdown]
# Then training, for the two networks that did not learn above: the sigmoid network with a residual
# connection and the GELU network with layer normalisation, against the plain ones. The sigmoid
# networks also train for twice as many steps; the normalised GELU network trains for half
# as many.

# %%
LONGER = 2 * STEPS
residual_sigmoid = train(MLP(init_layers(sizes, "xavier", seed=1), "sigmoid", residual=True), x, y, steps=STEPS, lr=LR)
fixed_accuracy = {("sigmoid", "residual", STEPS): accuracy(residual_sigmoid, x, y),
                  ("sigmoid", "plain", STEPS): trained_accuracy["sigmoid"]}
train(residual_sigmoid, x, y, steps=LONGER - STEPS, lr=LR)
train(trained["sigmoid"], x, y, steps=LONGER - STEPS, lr=LR)  # the plain network, continued
fixed_accuracy["sigmoid", "residual", LONGER] = accuracy(residual_sigmoid, x, y)
fixed_accuracy["sigmoid", "plain", LONGER] = accuracy(trained["sigmoid"], x, y)
SHORTER = STEPS // 2
normed_gelu = train(MLP(init_layers(sizes, "he", seed=1), "gelu", norm=True), x, y, steps=SHORTER, lr=LR)
fixed_accuracy["gelu", "layer norm", SHORTER] = accuracy(normed_gelu, x, y)
fixed_accuracy["gelu", "plain", STEPS] = trained_accuracy["gelu"]
print(table([[NAMES[a], tr(o), tr("accuracy after {steps} steps:").format(steps=steps), f"{acc:.1%}"]
             for (a, o, steps), acc in sorted(fixed_accuracy.items())], "<<>>"))

assert fixed_accuracy["sigmoid", "residual", LONGER] > 0.95 > 0.6 > fixed_accuracy["sigmoid", "plain", LONGER]
assert fixed_accuracy["sigmoid", "residual", STEPS] < 0.6  # it needs the longer run
assert fixed_accuracy["gelu", "layer norm", SHORTER] > 0.95 > 0.6 > fixed_accuracy["gelu", "plain", STEPS]

# %% [markdown]
# A residual connection gives the sigmoid network's first layer a gradient of the same order as the
# last one's. After `STEPS` steps it has not learned the task yet; after the longer run it has, and
# the plain stack has not. Layer normalisation alone does not rescue the
# sigmoid's gradient, but it makes the GELU network learn at He's scale, in half the steps the
# plain one failed in. Residual connections alone make the ReLU and GELU gradients grow more than
# a thousandfold towards the input; with both, every activation here keeps the first layer's
# gradient within a factor of ten of the last one's.
#
# What to take from it: none of the weight scales tried made the plain deep sigmoid stack learn
# the task: small scales let its gradient vanish, large ones saturate its units. That is one reason
# sigmoid left hidden layers for output layers. For tanh and ReLU, the scale of the initial weights
# decides between exploding and usable gradients. He's scale assumes that half of the units pass
# their gradient unchanged, which is exact for ReLU only, and at that scale the GELU network lost
# gradient and did not learn. Residual connections and normalisation each rescued one of the
# networks that did not learn, and together kept the gradient in range for all four activations.
#
# See also: [sigmoid](../../activations/sigmoid/), [tanh](../../activations/tanh/),
# [ReLU](../../activations/relu/), [GELU](../../activations/gelu/).

# %% [markdown]
# ## Run it yourself
#
# This notebook imports numpy and three packages that come with this site's source
# code, not from PyPI:
# `activations` (the activation functions),
# `tinynet` (the small network)
# and `figure_style` (the figures, drawn with matplotlib). To run it:
#
# 1. Clone the repository (linked at the top of every page) and open a terminal in its folder.
# 2. Run `make install`, with Python `>=3.11`. It creates the virtual environment `.venv`, installs
#    into it the exact versions pinned in `requirements.lock` (numpy, matplotlib and ipykernel among
#    them) and this repository's packages from `src/`, and registers the environment's Python as the
#    Jupyter kernel `python3`. Without make, the same environment is
#    `python3 -m venv .venv`, then `.venv/bin/pip install -r requirements.lock`, then
#    `.venv/bin/pip install --no-deps -e .`.
# 3. Jupyter's own interface is not among the pinned packages: install one into the same environment
#    (`.venv/bin/pip install jupyterlab`), start it (`.venv/bin/jupyter lab`), open the downloaded
#    notebook and choose the kernel `python3`, shown as "Python 3 (ipykernel)".
#
# What it prints and draws comes out in the language of the environment it runs in, found the way
# gettext finds it (the first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` that is set): in Korean
# where that is Korean, for example after `export LANGUAGE=ko` in the terminal that starts Jupyter, and
# in English otherwise. The Korean words are the repository's `locale/ko/LC_MESSAGES/experiments.po`,
# which `figure_style` finds through the install above and reads with Babel; Babel and the font
# the figures draw Hangul with are among the pinned packages.
#
# The notebook is made from `docs/experiments/vanishing-gradients.py` in the repository, and
# `.venv/bin/python docs/experiments/vanishing-gradients.py` runs the same code, with every check, as a
# script: it prints the tables, not the figures.
