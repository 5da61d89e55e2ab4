# %% [markdown]
# # Dying ReLU
#
# A ReLU unit whose pre-activation is negative for every training input outputs zero on all of
# them, and the gradient of the loss with respect to its own weights and bias is exactly zero. In
# the first layer of a plain network, whose inputs are the fixed training data, nothing can then
# move the unit again: it is dead for good. A deeper unit's inputs are the outputs of the layers below, which keep
# learning, so it can come back. This experiment trains networks at different learning rates,
# counts such units layer by layer, counts the ones that come back, and measures what the usual
# remedies change: which units still receive a gradient, which come back, and the accuracy.
#
# For a unit with pre-activation $z = xw + b$, the gradient of the loss with respect to $w$ is
# $\sum_i \frac{\partial L}{\partial h_i}\,\phi'(z_i)\,x_i$. ReLU has $\phi'(z) = 0$ for $z < 0$, leaky
# ReLU has a small constant slope $a$ and ELU (with $\alpha = 1$) has $e^{z}$: only ReLU's sum is
# exactly zero when every $z_i$ is negative.
#
# [Download this notebook](../../generated/notebooks/dying-relu.ipynb) to run it yourself; the
# last section says what it needs.

# %%
import numpy as np

from figure_style.notebook import show
from figure_style.text import table, tr  # words printed and drawn in the reader's language
from activations import REGISTRY
from tinynet import MLP, accuracy, cross_entropy_grad, init_layers, moons

x, y = moons(n=100, noise=0.1, seed=0)
SIZES = [2, 32, 32, 2]
ACTIVATIONS = ["relu", "leaky-relu", "elu"]
RATES = [0.01, 0.1, 0.5, 1.0, 2.0, 3.0]
STEPS = 200
print(tr("leaky ReLU's slope for z < 0: {slope}   ELU's alpha: {alpha}").format(
    slope=REGISTRY["leaky-relu"].params["negative_slope"], alpha=REGISTRY["elu"].params["alpha"]))


def silent(net):
    """Per hidden layer and unit, whether its last forward pass gave a pre-activation <= 0 on every input."""
    return np.array([np.all(z <= 0, axis=0) for _, z in net.cache[:-1]])


def run(activation, lr, norm=False):
    """Train from He initialisation, noting the silent units before every step; None if the weights overflowed."""
    net = MLP(init_layers(SIZES, "he", seed=1), activation, norm=norm)
    history = []
    try:
        with np.errstate(over="raise", invalid="raise"):
            for step in range(STEPS + 1):
                logits = net.forward(x)
                history.append(silent(net))
                grads = net.backward(cross_entropy_grad(logits, y))
                if step < STEPS:
                    net.step(grads, lr)
    except FloatingPointError:
        return None
    no_gradient = np.array([~np.any(dw != 0, axis=0) & (db == 0) for dw, db in grads[:-1]])
    return {"net": net, "history": np.array(history), "no_gradient": no_gradient, "accuracy": accuracy(net, x, y)}


def came_back(history):
    """Per layer and unit: silent at some step and not silent at a later one."""
    step = np.arange(len(history))[:, None, None]
    first_silent = np.where(history, step, len(history)).min(axis=0)
    last_active = np.where(history, -1, step).max(axis=0)
    return last_active > first_silent


# %% [markdown]
# ## Silent units against the learning rate
#
# "Silent" means a pre-activation at or below zero on every training input. A silent ReLU unit
# gets no gradient for its weights; a silent leaky ReLU or ELU unit still does. Each network has
# the layer sizes `SIZES` and takes `STEPS` full-batch steps from the same He
# initialisation. The last configuration is ReLU with layer normalisation before the activation
# (each input's pre-activations standardised over the layer's units,
# [Ba et al., 2016](../../references/#ba2016)). For each, the table gives the silent units
# at the start and at the end, the units that were silent at some step and active at a later one,
# the units whose weights get no gradient at the end, and the training accuracy. Each count of
# units is given per hidden layer, first + second.

# %%
runs = {(a, lr, False): run(a, lr) for a in ACTIVATIONS for lr in RATES}
runs |= {("relu", lr, True): run("relu", lr, norm=True) for lr in RATES}
CONFIGS = [(a, False) for a in ACTIVATIONS] + [("relu", True)]
label = {(a, norm): tr("{activation} + layer norm").format(activation=tr(REGISTRY[a].name)) if norm
         else tr(REGISTRY[a].name) for a, norm in CONFIGS}


def per_layer(mask):
    return " + ".join(f"{n:2d}" for n in mask.sum(axis=-1))


rows = [["", tr("learning rate"), tr("silent at start"), tr("silent at end"), tr("came back"), tr("no gradient"),
         tr("training accuracy")]]
for a, norm in CONFIGS:
    for lr in RATES:
        r = runs[a, lr, norm]
        if r is None:
            rows.append([label[a, norm], str(lr), tr("diverged: the weights overflowed")])
            continue
        h = r["history"]
        rows.append([label[a, norm], str(lr), per_layer(h[0]), per_layer(h[-1]), per_layer(came_back(h)),
                     str(int(r["no_gradient"].sum())), f"{r['accuracy']:.1%}"])
print(table(rows, "<>>>>>>"))

fraction = {(a, lr): None if r is None else float(r["history"][-1].mean()) for (a, lr, norm), r in runs.items() if not norm}
relu = [runs["relu", lr, False] for lr in RATES]
assert fraction["relu", RATES[-1]] > 4 * fraction["relu", RATES[0]]
assert relu[0]["history"][0].any()  # some units are silent before the first step
# A first-layer ReLU unit never comes back; second-layer ones do.
assert not any(came_back(r["history"])[0].any() for r in relu) and came_back(relu[-1]["history"])[1].sum() > 0
# No ReLU unit in the first layer dies at the smaller rates.
calm = [lr for lr, r in zip(RATES, relu) if not r["history"][-1][0].any()]
assert calm == RATES[:len(calm)] and len(calm) >= 4
# A ReLU unit gets no gradient exactly when it is silent; leaky ReLU and ELU units always get one.
assert all(np.array_equal(r["no_gradient"], r["history"][-1]) for r in relu)
assert not any(r["no_gradient"].any() for (a, _, _), r in runs.items() if a != "relu" and r is not None)


# %%
def draw_fraction(fig, ax, theme):
    for a, color, marker in zip(ACTIVATIONS, (theme.primary, theme.secondary, theme.accent), "osD"):
        rates = [lr for lr in RATES if fraction[a, lr] is not None]
        ax.semilogx(rates, [100 * fraction[a, lr] for lr in rates], color=color, marker=marker, label=tr(REGISTRY[a].name))
    ax.set(xlabel=tr("learning rate"), ylabel=tr("silent hidden units (%)"),
           title=tr("after {steps} steps").format(steps=STEPS))
    ax.legend()


worst = max(RATES, key=lambda lr: fraction["relu", lr])
show(draw_fraction, tr("Line chart of the share of silent hidden units against the learning rate, on a log axis "
                        "from {low} to {high}. ReLU rises from {relu_low:.0%} to {relu_high:.0%} and leaky ReLU from "
                        "{leaky_low:.0%} to {leaky_high:.0%}; ELU stays at 0% up to a learning rate of {elu_high}, and "
                        "its training diverges at {diverged}.").format(
         low=RATES[0], high=RATES[-1], relu_low=fraction["relu", RATES[0]], relu_high=fraction["relu", worst],
         leaky_low=fraction["leaky-relu", RATES[0]], leaky_high=fraction["leaky-relu", worst],
         elu_high=max(lr for lr in RATES if fraction["elu", lr] is not None),
         diverged=", ".join(str(lr) for lr in RATES if fraction["elu", lr] is None)),
     phone=dict(width=4, height=3.4))

# %% [markdown]
# ## What a dead unit looks like
#
# Take the ReLU network trained with the learning rate that left the most units silent. A dead
# unit's pre-activations sit below zero for every input, so its output is zero everywhere and the
# gradient of each of its incoming weights is exactly zero.

# %%
net = runs["relu", worst, False]["net"]
net.backward(cross_entropy_grad(net.forward(x), y))
x_in, z = net.cache[0]  # input and pre-activations of the first hidden layer
dead = np.flatnonzero(np.all(z <= 0, axis=0))
alive = np.flatnonzero(np.any(z > 0, axis=0))
grad_w = x_in.T @ net.signals[0]  # d(loss)/d(first layer weights), one column per unit
print(tr("first hidden layer: {dead} dead units of {units}").format(dead=len(dead), units=z.shape[1]))
print(tr("a dead unit:  pre-activation from {low} to {high}  weight gradient {gradient}").format(
    low=z[:, dead[0]].min().round(3), high=z[:, dead[0]].max().round(3), gradient=grad_w[:, dead[0]]))
print(tr("a live unit:  pre-activation from {low} to {high}  weight gradient {gradient}").format(
    low=z[:, alive[0]].min().round(3), high=z[:, alive[0]].max().round(3), gradient=grad_w[:, alive[0]].round(6)))

assert len(dead) > 0 and np.all(grad_w[:, dead] == 0) and np.any(grad_w[:, alive] != 0)

# The same look at leaky ReLU: its silent units still get a gradient, but a small one.
leaky = runs["leaky-relu", worst, False]["net"]
leaky.backward(cross_entropy_grad(leaky.forward(x), y))
quiet = np.all(leaky.cache[0][1] <= 0, axis=0)
leaky_grad = np.abs(leaky.cache[0][0].T @ leaky.signals[0]).max(axis=0)  # largest weight gradient of each unit
print(tr("leaky ReLU: {silent} silent first-layer units; their largest weight gradient is {largest:.1e}, against a "
         "median of {median:.1e} for the active ones").format(
    silent=quiet.sum(), largest=leaky_grad[quiet].max(), median=np.median(leaky_grad[~quiet])))
assert quiet.any() and np.all(leaky_grad[quiet] > 0) and leaky_grad[quiet].max() < np.median(leaky_grad[~quiet]) / 10


# %%
def draw_unit(fig, ax, theme):
    bins = np.linspace(min(z[:, dead[0]].min(), z[:, alive[0]].min()), max(z[:, dead[0]].max(), z[:, alive[0]].max()), 40)
    ax.hist(z[:, dead[0]], bins=bins, color=theme.secondary, alpha=0.7, label=tr("dead unit"))
    ax.hist(z[:, alive[0]], bins=bins, color=theme.primary, alpha=0.7, label=tr("live unit"))
    ax.axvline(0, color=theme.text, linewidth=1)
    ax.set(xlabel=tr("pre-activation z over the training inputs"), ylabel=tr("inputs"))
    ax.legend()


show(draw_unit, tr("Histogram of the pre-activations of two first-layer units over the {inputs} training inputs. The "
                   "dead unit's values lie between {dead_low:.2f} and {dead_high:.2f}, all left of zero; the live "
                   "unit's spread from {live_low:.2f} to {live_high:.2f}, across zero.").format(
    inputs=len(x), dead_low=z[:, dead[0]].min(), dead_high=z[:, dead[0]].max(),
    live_low=z[:, alive[0]].min(), live_high=z[:, alive[0]].max()), phone=dict(width=4, height=3.4))

# %% [markdown]
# ## What the remedies change
#
# The numbers above, remedy by remedy:

# %%
leaky = [runs["leaky-relu", lr, False] for lr in RATES]
elu = {lr: runs["elu", lr, False] for lr in RATES}
normed = [runs["relu", lr, True] for lr in RATES]
print(tr("smaller learning rate: no first-layer ReLU unit dies at rates up to {rate}").format(rate=max(calm)))
print(tr("leaky ReLU at rate {rate}: {silent} silent units at the end (ReLU: {relu}), none without a gradient, "
         "first-layer units that came back: {back}").format(
    rate=RATES[-1], silent=int(leaky[-1]["history"][-1].sum()), relu=int(relu[-1]["history"][-1].sum()),
    back=int(came_back(leaky[-1]["history"])[0].sum())))
print(tr("ELU: {silent} silent units at the end at any rate it trains at, first-layer units that came back: {back}; "
         "diverged at rates {rates}").format(
    silent=max(int(r["history"][-1].sum()) for r in elu.values() if r),
    back=sum(int(came_back(r["history"])[0].sum()) for r in elu.values() if r),
    rates=", ".join(str(lr) for lr, r in elu.items() if r is None)))
print(tr("ReLU + layer norm at rate {rate}: {silent} silent units at the end").format(
    rate=RATES[-1], silent=int(normed[-1]["history"][-1].sum())))
print(tr("lowest training accuracy of any run at rates {rate} and above: {accuracy:.1%}").format(
    rate=RATES[2], accuracy=min(r["accuracy"] for (_, lr, _), r in runs.items() if r and lr >= RATES[2])))

# Leaky ReLU: every unit keeps a gradient, yet in these runs no silent first-layer unit came back,
# and it ends with about as many silent units as ReLU.
assert not any(came_back(r["history"])[0].any() for r in leaky)
assert abs(int(leaky[-1]["history"][-1].sum()) - int(relu[-1]["history"][-1].sum())) <= 2
# ELU: no unit silent at the end of a run that trained; its training diverges at the two largest rates.
assert all(not r["history"][-1].any() for r in elu.values() if r) and [elu[lr] is None for lr in RATES[-2:]] == [True, True]
assert sum(int(came_back(r["history"])[0].sum()) for r in elu.values() if r) >= 1  # in the first layer
# Layer norm: far fewer silent units than plain ReLU at the largest rate; every unit keeps a gradient
# (the normalisation ties each unit to the others in its layer), and first-layer units come back.
assert 4 * normed[-1]["history"][-1].sum() < relu[-1]["history"][-1].sum()
assert not any(r["no_gradient"].any() for r in normed) and came_back(normed[-1]["history"])[0].sum() > 0
# On this task the silent units cost no training accuracy once the rate is large enough to fit it.
assert all(r["accuracy"] == 1.0 for (_, lr, _), r in runs.items() if r and lr >= RATES[2])

# %% [markdown]
# A first-layer ReLU unit that fell silent never came back, at any rate, as the argument at the
# top says it cannot; second-layer units did come back, because the layer below them kept changing.
# Some second-layer units are silent before the first step, so the counts at the smallest rates
# are not all the learning rate's doing.
# Each remedy measured here does something different:
#
# - **A smaller learning rate** is the one that prevents first-layer deaths here: at the smaller
#   rates no first-layer ReLU unit died.
# - **Leaky ReLU** keeps a gradient in every unit, so no unit is dead in the strict sense. But the
#   gradient of a silent unit is scaled by the small slope, and in these runs no silent first-layer
#   leaky ReLU unit came back: at the largest rate it ends with about as many silent units as ReLU.
# - **ELU** left no unit silent at the end of any run that trained, and a first-layer unit that
#   fell silent during a run came back; its training diverged at the two largest rates.
# - **Layer normalisation** before ReLU left far fewer silent units at the largest rate, and
#   first-layer units came back: the normalisation ties each unit's output to the other units of
#   its layer, so even a silent unit receives a gradient.
#   Batch normalisation ([Ioffe and Szegedy, 2015](../../references/#ioffe2015)), not tried
#   here, standardises each unit over the batch instead, so before its learned shift no unit can be
#   negative on every input of a batch.
#
# On this small task the silent units cost no training accuracy: every network that trained at the
# larger rates fits the training set, with the units that remain. A unit that is dead for good is
# capacity the network no longer uses.
#
# See also: [ReLU](../../activations/relu/), [leaky ReLU](../../activations/leaky-relu/),
# [ELU](../../activations/elu/).

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
# The notebook is made from `docs/experiments/dying-relu.py` in the repository, and
# `.venv/bin/python docs/experiments/dying-relu.py` runs the same code, with every check, as a
# script: it prints the tables, not the figures.
