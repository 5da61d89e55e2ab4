# %% [markdown]
# # Softmax and its numerics
#
# Softmax turns scores into probabilities, and its textbook formula breaks in floating point long
# before the scores are unreasonable. This experiment shows what temperature does to the output,
# finds where the textbook formula overflows and underflows in float16, float32 and float64, and
# builds the stable forms: shifted softmax, log-sum-exp and the cross-entropy computed from logits.
#
# $$\operatorname{softmax}(z)_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}$$
#
# [Download this notebook](../../generated/notebooks/softmax-numerics.ipynb) to run it yourself; the
# last section says what it needs.

# %%
import numpy as np

from activations import log_softmax, softmax
from figure_style.notebook import show
from figure_style.text import N_, table, tr  # words printed and drawn in the reader's language

CLASSES = [N_("dog"), N_("cat"), N_("puppy"), N_("person")]  # N_: shown in the reader's language, with tr()
SCORES = np.array([2.0, 10.0, 1.0, 4.0])

# %% [markdown]
# ## Temperature
#
# Dividing the scores by a temperature $T$ before softmax sharpens the distribution for $T < 1$
# and flattens it for $T > 1$; the order of the classes never changes.

# %%
TEMPERATURES = [0.25, 0.5, 1, 2, 5, 20]
probs = {t: softmax(SCORES / t) for t in TEMPERATURES}


def entropy(p):
    """Shannon entropy in bits; 0 for a certain outcome, log2(4) = 2 for four equal ones."""
    return float(-np.sum(p[p > 0] * np.log2(p[p > 0])))


print(table([["T", *(tr(c) for c in CLASSES), tr("entropy")]]
            + [[str(t), *(f"{v:.6f}" for v in p), f"{entropy(p):.3g}"] for t, p in probs.items()],  # 3 digits, however small
            ">" * (len(CLASSES) + 2)))

assert np.allclose(probs[1].round(6), [0.000334, 0.997071, 0.000123, 0.002471])  # the seed's table
assert probs[0.25].max() > 0.999999 and entropy(probs[20]) > 1.9
assert all((np.argsort(p) == np.argsort(SCORES)).all() for p in probs.values())


# %%
def draw_temperature(fig, ax, theme):
    ts = np.geomspace(0.1, 100, 200)
    curves = softmax(SCORES[None, :] / ts[:, None], axis=-1)
    for i, (name, color, style) in enumerate(zip(CLASSES, (theme.primary, theme.secondary, theme.accent, theme.muted),
                                                  ("-", "--", "-.", ":"))):
        ax.semilogx(ts, curves[:, i], color=color, linestyle=style,
                    label=tr("{name} (score {score:g})").format(name=tr(name), score=SCORES[i]))
    ax.axhline(1 / len(SCORES), color=theme.axis, linewidth=1, linestyle=(0, (6, 3)), label=f"1/{len(SCORES)}")
    ax.set(xlabel=tr("temperature T"), ylabel=tr("probability"), ylim=(0, 1))
    ax.legend(fontsize=11)


top = int(np.argmax(SCORES))
show(draw_temperature, tr("Probabilities of the four classes against the temperature, on a log axis from 0.1 to 100. "
                          "At low temperature the highest-scoring class, {top}, takes nearly all the probability (all "
                          "but {rest:.0e} at T = 0.25); as T grows all four curves approach 1/4.").format(
         top=tr(CLASSES[top]), rest=1 - probs[0.25][top]),
     phone=dict(width=4, height=3.4))

# %% [markdown]
# ## Where the textbook formula breaks
#
# $e^{z}$ overflows to infinity once $z$ passes the logarithm of the largest finite number, and
# then the quotient is $\infty/\infty = $ nan. At the other end, once every $e^{z_j}$ underflows
# to zero the quotient is $0/0 = $ nan. The thresholds below are found by bisection on the
# textbook formula itself, for the scores $(c, c - 1, c - 2)$, and compared with the logarithm of
# the largest finite number of each type and of half its smallest positive number (an exact
# result at or below that half rounds to zero). Those logarithms are taken in float64 for every type, so
# float16's own rounding does not blur the reference.

# %%
def textbook_softmax(z):
    e = np.exp(z)
    return e / e.sum()


def works(c, dtype):
    with np.errstate(all="ignore"):  # the formula is meant to fail here: keep the nan, not the warning
        return bool(np.all(np.isfinite(textbook_softmax(np.array([c, c - 1, c - 2], dtype=dtype)))))


def edge(dtype, good, bad):
    """The boundary between a c that works and one that does not, to the resolution of dtype."""
    for _ in range(200):
        mid = (good + bad) / 2
        if mid in (good, bad):
            break
        good, bad = (mid, bad) if works(mid, dtype) else (good, mid)
    return good


rows = {}
for dtype in (np.float16, np.float32, np.float64):
    info = np.finfo(dtype)
    rows[dtype.__name__] = (edge(dtype, 0.0, 1e6), float(np.log(float(info.max))),
                            edge(dtype, 0.0, -1e6), float(np.log(float(info.smallest_subnormal)) - np.log(2.0)))

# numpy's finfo.tiny is the smallest normal number; the reference here is half the smallest subnormal
print(table([[tr("type"), tr("overflow above"), tr("log(max)"), tr("underflow below"), tr("log(smallest/2)")]]
            + [[name, *(f"{v:.3f}" for v in row)] for name, row in rows.items()], ">>>>>"))

# Each threshold lies within two steps of its type's number grid from the logarithm.
for dtype in (np.float16, np.float32, np.float64):
    over, log_max, under, log_tiny = rows[dtype.__name__]
    assert abs(over - log_max) <= 2 * np.spacing(dtype(log_max)) and abs(under - log_tiny) <= 2 * abs(np.spacing(dtype(log_tiny)))
assert rows["float16"][0] < 12  # float16's textbook formula fails for scores above about a dozen

# %% [markdown]
# In float16, the type many networks now compute in, the textbook formula fails for scores as
# modest as a dozen. The fix costs one subtraction: since $\operatorname{softmax}(z) =
# \operatorname{softmax}(z - m)$ for any constant $m$, subtract $m = \max_j z_j$. The largest
# exponent is then $e^0 = 1$, nothing overflows, and the sum is at least 1, so it is never zero.

# %%
seed_scores = np.array([1010.0, 1000.0, 990.0])
with np.errstate(all="ignore"):
    lines = [[tr("textbook:"), str(textbook_softmax(seed_scores))], [tr("shifted:"), str(softmax(seed_scores))]]
for dtype in (np.float16, np.float32):
    lines.append([tr("shifted, {dtype}:").format(dtype=dtype.__name__), str(softmax(seed_scores.astype(dtype)))])
print(table(lines, "<<"))

assert np.allclose(softmax(seed_scores), [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-8)
with np.errstate(all="ignore"):
    assert np.isnan(textbook_softmax(seed_scores)).all()
assert softmax(seed_scores.astype(np.float16))[-1] == 0  # below float16's smallest positive number

# %% [markdown]
# The shift removes the nan, not the underflow: in float16 the smallest probability is below the
# type's smallest positive number and still comes out as 0.

# %% [markdown]
# ## Log-sum-exp and a stable cross-entropy
#
# Classification losses need $\log \operatorname{softmax}(z)_y$, and taking the log of a
# probability that underflowed gives $-\infty$. Written from the logits instead,
#
# $$\log \operatorname{softmax}(z)_y = z_y - \operatorname{LSE}(z), \qquad
# \operatorname{LSE}(z) = m + \log \sum_j e^{z_j - m},\quad m = \max_j z_j,$$
#
# every term is finite for finite scores.

# %%
logits, label = np.array([0.0, 800.0]), 0  # a confident, wrong prediction
with np.errstate(all="ignore"):
    naive_loss = -np.log(softmax(logits)[label])
stable_loss = -log_softmax(logits)[label]
print(table([[tr("cross-entropy from probabilities:"), str(naive_loss)],
             [tr("cross-entropy from logits:"), str(stable_loss)]], "<<"))

assert np.isinf(naive_loss) and stable_loss == 800.0

# %% [markdown]
# ## Subtracting the maximum in place
#
# A common way to write the shift is `x -= np.max(x)`. It looks harmless, but `-=` writes into
# the array the caller passed in: after the call the caller's scores are gone.

# %%
def softmax_in_place(x):
    x -= np.max(x)  # the slip: modifies the argument
    e = np.exp(x)
    return e / e.sum()


scores = np.array([1010, 1000, 990])
probabilities = softmax_in_place(scores)
print(tr("result: {result}   caller's array afterwards: {scores}").format(result=probabilities, scores=scores))
assert scores.tolist() == [0, -10, -20]

scores = np.array([1010, 1000, 990])
probabilities = softmax(scores)  # the library's softmax computes the shift in a new array
print(tr("result: {result}   caller's array afterwards: {scores}").format(result=probabilities, scores=scores))
assert scores.tolist() == [1010, 1000, 990]

# %% [markdown]
# Writing `x = x - np.max(x)` instead makes a new array. The same care applies to the axis: a
# batch of score vectors needs the maximum and the sum taken along each row, not over the whole
# batch.
#
# See also: [softmax](../../activations/softmax/), [log-softmax](../../activations/log-softmax/).

# %% [markdown]
# ## Run it yourself
#
# This notebook imports numpy and two packages that come with this site's source
# code, not from PyPI:
# `activations` (the activation functions)
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
# The notebook is made from `docs/experiments/softmax-numerics.py` in the repository, and
# `.venv/bin/python docs/experiments/softmax-numerics.py` runs the same code, with every check, as a
# script: it prints the tables, not the figures.
