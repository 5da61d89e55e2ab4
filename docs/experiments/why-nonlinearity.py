# %% [markdown]
# # Why non-linearity
#
# Networks without activation functions, however many layers deep, can only draw a straight
# boundary: here they end at chance on XOR and misclassify part of two interleaved moons, while one
# hidden layer of ReLU, tanh or sigmoid units classifies nearly every training point of both. This
# experiment trains them side by side and draws their decision boundaries.
#
# A layer without an activation function computes an affine map $xW + b$, and stacking such layers
# gives another affine map, $(xW_1 + b_1)W_2 + b_2 = x(W_1W_2) + (b_1W_2 + b_2)$, so a network of
# them can only split the plane with a straight line. Every network here is the
# same small numpy MLP, trained by full-batch gradient descent on the cross-entropy, with the
# activation functions and derivatives of this site's library.
#
# [Download this notebook](../../generated/notebooks/why-nonlinearity.ipynb) to run it yourself; the
# last section says what it needs.

# %%
import numpy as np

from activations import sigmoid_derivative
from figure_style.notebook import show
from figure_style.text import N_, pad, table, tr  # words printed and drawn in the reader's language
from tinynet import MLP, accuracy, init_layers, moons, train, xor_blobs

DATA = {"XOR": xor_blobs(per_corner=50, spread=0.2, seed=0), N_("moons"): moons(n=100, noise=0.1, seed=0)}
# (name, layer sizes, hidden activation, learning rate); N_ marks a name the tables show in the reader's language
MODELS = [
    (N_("linear model"), [2, 2], "identity", 1.0),
    (N_("two linear layers"), [2, 16, 2], "identity", 1.0),
    ("ReLU", [2, 16, 2], "relu", 1.0),
    ("tanh", [2, 16, 2], "tanh", 1.0),
    (N_("sigmoid"), [2, 16, 2], "sigmoid", 1.0 / float(sigmoid_derivative(0.0))),  # makes up for the peak slope
]
STEPS = 1000

# %% [markdown]
# Sigmoid's derivative is at most $\sigma'(0)$, so every gradient that passes through it is
# multiplied by at most that much (divided by at least $1 / \sigma'(0)$); its network gets a learning rate $1 / \sigma'(0)$ times larger to make up
# for it. Weights start from Glorot (Xavier) initialisation, or He initialisation for ReLU.

# %%
nets, scores = {}, {}
for data_name, (x, y) in DATA.items():
    for name, sizes, activation, lr in MODELS:
        net = MLP(init_layers(sizes, "he" if activation == "relu" else "xavier", seed=1), activation)
        nets[data_name, name] = train(net, x, y, steps=STEPS, lr=lr)
        scores[data_name, name] = accuracy(net, x, y)

print(table([[tr("model"), *(tr(d) for d in DATA)]]
            + [[tr(name), *(f"{scores[d, name]:.1%}" for d in DATA)] for name, *_ in MODELS], "<>>"))

# %% [markdown]
# The two linear networks score the same on each problem, and for a reason: both compute the same
# family of functions, affine maps of the input, so they can only draw a straight boundary, and with
# two classes the prediction depends only on the difference of the two output columns, a single
# direction in the plane. Training both on the same loss brings them to the same boundary here: the
# two-layer network's product $W_1W_2$ points the same way as the linear model's $W$. Here are both,
# for the moons:

# %%
(w1, b1), (w2, b2) = nets["moons", "two linear layers"].layers
(w, b), = nets["moons", "linear model"].layers
stacked = np.append((w1 @ w2)[:, 1] - (w1 @ w2)[:, 0], (b1 @ w2 + b2)[1] - (b1 @ w2 + b2)[0])
single = np.append(w[:, 1] - w[:, 0], b[1] - b[0])
for name, values in (("two linear layers", stacked), ("linear model", single)):
    print(pad(tr(name) + ":", 18), tr("class-1 minus class-0 weights and bias"), values.round(3))
assert np.allclose(stacked, single, atol=0.02)

# The key outcomes, checked every time the site is built:
for d in DATA:
    assert scores[d, "linear model"] <= 0.9 and abs(scores[d, "two linear layers"] - scores[d, "linear model"]) < 0.02
    assert all(scores[d, name] >= 0.98 for name in ("ReLU", "tanh", "sigmoid"))
assert scores["XOR", "linear model"] <= 0.75 and scores["XOR", "ReLU"] == 1.0
assert all(scores["XOR", m] <= 0.55 for m in ("linear model", "two linear layers"))  # at chance on XOR

# %% [markdown]
# ## Decision boundaries
#
# Each panel colours the plane by the class the trained network predicts there; the line is
# where the two classes are equally likely.

# %%
def draw_boundaries(fig, axes, theme):
    grid = np.linspace(-2.2, 2.2, 101)
    gx, gy = np.meshgrid(grid, grid)
    plane = np.column_stack([gx.ravel(), gy.ravel()])
    by_data = axes if len(axes) == len(DATA) else axes.T  # a row per data set; on a phone, a column
    for row, (data_name, (x, y)) in zip(by_data, DATA.items()):
        for ax, (name, *_) in zip(row, MODELS):
            logits = nets[data_name, name].forward(plane)
            margin = (logits[:, 1] - logits[:, 0]).reshape(gx.shape)
            # the filled regions and thousands of markers as SVG paths would weigh half a megabyte:
            # they are drawn as an image, the boundary line stays a vector
            ax.contourf(gx, gy, margin > 0, levels=[-0.5, 0.5, 1.5], colors=[theme.primary, theme.secondary],
                        alpha=0.2, rasterized=True)
            ax.contour(gx, gy, margin, levels=[0], colors=[theme.text], linewidths=1.2)
            for cls, marker, color in ((0, "o", theme.primary), (1, "s", theme.secondary)):
                ax.scatter(*x[y == cls].T, s=6, marker=marker, color=color, linewidths=0, rasterized=True)
            ax.set_title(f"{tr(name)}\n{tr(data_name)}: {scores[data_name, name]:.1%}", fontsize=11)
            ax.set(xlim=(-2.2, 2.2), ylim=(-2.2, 2.2), xticks=[], yticks=[], aspect="equal")
            ax.grid(False)


show(draw_boundaries, tr("Ten panels, one for each of two data sets, XOR and moons, and five models: the linear model, "
                        "two linear layers, and one hidden layer of ReLU, tanh and sigmoid units. The two linear models "
                        "split the plane with one straight line and misclassify {xor:.0%} of the XOR points and {moons:.0%} "
                        "of the moons; the three non-linear networks bend the boundary around the clusters and classify "
                        "at least {least:.1%} of the points correctly.").format(
         xor=1 - scores["XOR", "linear model"], moons=1 - scores["moons", "linear model"],
         least=min(scores[d, m] for d in DATA for m in ("ReLU", "tanh", "sigmoid"))),
     width=10.5, height=5.2, nrows=2, ncols=5, phone=dict(width=4, height=11, nrows=5, ncols=2))

# %% [markdown]
# ## What the hidden layer does
#
# A ReLU layer folds the plane: each unit is zero on one side of a line and grows linearly on the
# other. The output layer is linear in those folded coordinates, so the boundary it draws in the
# input plane is made of straight pieces, changing direction only where it crosses a unit's fold
# line. Smooth activations such as tanh and sigmoid bend the plane instead of folding it along a
# line, which is why their boundaries above are curved.
#
# See also: [why activation functions](../../why-activation-functions/), [ReLU](../../activations/relu/),
# [tanh](../../activations/tanh/), [sigmoid](../../activations/sigmoid/).

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
# The notebook is made from `docs/experiments/why-nonlinearity.py` in the repository, and
# `.venv/bin/python docs/experiments/why-nonlinearity.py` runs the same code, with every check, as a
# script: it prints the tables, not the figures.
