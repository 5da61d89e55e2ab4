# %% [markdown]
# # 죽은 ReLU {#dying-relu}
#
# 모든 학습 입력에서 활성화 전 값(pre-activation)이 음수인 ReLU 유닛(unit)은 그 모든 입력에서 0을 출력하고,
# 자기 가중치(weight)와 편향(bias)에 대한 손실(loss)의 기울기(gradient)는 정확히 0입니다. 평범한 신경망의 첫
# 층에서는 입력이 고정된 학습 데이터이므로, 그러면 이 유닛을 다시 움직일 수 있는 것이 아무것도 없습니다. 이
# 유닛은 영영 죽은 유닛(dead unit)이 됩니다. 더 깊은 층의 유닛은 입력이 아래층들의 출력이고 아래층들은 계속 학습하므로,
# 되살아날 수 있습니다. 이 실험은 여러 학습률(learning rate)로 신경망을 학습시키면서 그런 유닛을 층별로 세고,
# 되살아나는 유닛을 세고, 흔히 쓰는 처방이 무엇을 바꾸는지, 곧 어떤 유닛이 여전히 기울기를 받는지, 어떤 유닛이
# 되살아나는지, 정확도는 어떤지를 잽니다.
#
# 활성화 전 값이 $z = xw + b$인 유닛에서 $w$에 대한 손실의 기울기는
# $\sum_i \frac{\partial L}{\partial h_i}\,\phi'(z_i)\,x_i$입니다. ReLU는 $z < 0$에서 $\phi'(z) = 0$이고, 같은 구간에서
# leaky ReLU는 작은 상수 기울기 $a$, ELU($\alpha = 1$일 때)는 $e^{z}$입니다. 모든 $z_i$가 음수일 때 합이 정확히
# 0이 되는 것은 ReLU뿐입니다.
#
# [이 노트북을 내려받아](../../generated/notebooks/dying-relu.ipynb) 직접 실행해 볼 수 있습니다.
# 필요한 것은 마지막 절에서 설명합니다.

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
# ## 학습률에 따른 침묵 유닛 {#silent-units-against-the-learning-rate}
#
# "침묵(silent)"은 모든 학습 입력에서 활성화 전 값이 0 이하라는 뜻입니다. 침묵하는 ReLU 유닛은
# 자기 가중치에 대한 기울기를 받지 못하지만, 침묵하는 leaky ReLU나 ELU 유닛은 여전히 받습니다. 각 신경망은
# 층 크기가 `SIZES`이고, 같은 He 초기화(initialisation)에서 출발해 전체 배치(full-batch) 단계를 `STEPS`번
# 밟습니다. 마지막 구성은 활성화 함수(activation function) 앞에 층 정규화(layer normalisation)를 넣은
# ReLU입니다. 층 정규화는 각 입력의 활성화 전 값을 그 층의 유닛들에 걸쳐 표준화합니다([Ba et al., 2016](../../references/#ba2016)).
# 표는 각 구성에 대해 처음과 끝의 침묵 유닛,
# 어떤 단계에서 침묵했다가 이후 단계에서 활성 상태였던 유닛, 끝에서 가중치가 기울기를 받지 못하는 유닛,
# 그리고 학습 정확도를 보여 줍니다. 유닛 수는 은닉층별로 "첫째 층 + 둘째 층" 꼴로 적습니다.

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
# ## 죽은 유닛의 모습 {#what-a-dead-unit-looks-like}
#
# 침묵 유닛을 가장 많이 남긴 학습률로 학습한 ReLU 신경망을 봅니다. 죽은 유닛은 모든 입력에서 활성화 전 값이
# 0보다 작으므로 출력이 어디서나 0이고, 들어오는 가중치 하나하나의 기울기가 정확히 0입니다.

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
# ## 처방이 바꾸는 것 {#what-the-remedies-change}
#
# 위의 수치를 처방별로 정리하면 다음과 같습니다.

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
# 침묵하게 된 첫 층 ReLU 유닛은 어떤 학습률에서도 되살아나지 않았습니다. 맨 위에서 설명한 대로, 그런 유닛은
# 되살아날 수 없습니다. 둘째 층 유닛은 실제로 되살아났는데, 아래층이 계속 바뀌었기 때문입니다.
# 둘째 층 유닛 가운데 일부는 첫 단계 전부터 침묵하므로, 가장 작은 학습률들에서 센 수가 모두 학습률
# 탓은 아닙니다.
# 여기서 잰 처방은 저마다 다른 일을 합니다.
#
# - **더 작은 학습률**은 여기서 첫 층 유닛이 죽지 않게 막는 처방입니다. 작은 학습률들에서는 첫 층 ReLU
#   유닛이 하나도 죽지 않았습니다.
# - **leaky ReLU**는 모든 유닛에 기울기를 남기므로, 엄밀한 뜻으로 죽은 유닛은 없습니다. 그러나 침묵 유닛의
#   기울기에는 음수 쪽의 작은 기울기가 곱해지고, 이번 실행들에서 침묵하게 된 첫 층 leaky ReLU 유닛은 하나도
#   되살아나지 않았습니다. 가장 큰 학습률에서는 끝날 때 ReLU와 거의 같은 수의 침묵 유닛이 남습니다.
# - **ELU**는 학습이 된 어느 실행에서도 끝날 때 침묵 유닛을 남기지 않았고, 실행 도중 침묵하게 된 첫 층
#   유닛이 되살아나기도 했습니다. 가장 큰 두 학습률에서는 학습이 발산했습니다.
# - ReLU 앞에 넣은 **층 정규화**는 가장 큰 학습률에서 침묵 유닛을 훨씬 적게 남겼고, 첫 층 유닛이
#   되살아났습니다. 정규화가 각 유닛의 출력을 같은 층의 다른 유닛들과 묶으므로, 침묵 유닛도 기울기를
#   받습니다.
#   배치 정규화(batch normalisation, [Ioffe and Szegedy, 2015](../../references/#ioffe2015))는 여기서 시험하지
#   않았는데, 대신 각 유닛을 배치에 걸쳐 표준화하므로, 학습되는 이동(shift)이 더해지기 전에는 어떤 유닛도
#   배치의 모든 입력에서 음수일 수 없습니다.
#
# 이 작은 과제에서 침묵 유닛은 학습 정확도를 조금도 떨어뜨리지 않았습니다. 더 큰 학습률들에서 학습한 신경망은
# 모두 남은 유닛들만으로 학습 데이터에 맞춰집니다. 영영 죽은 유닛은 신경망이 더는 쓰지 않는 용량(capacity)입니다.
#
# 함께 보기: [ReLU](../../activations/relu/), [leaky ReLU](../../activations/leaky-relu/),
# [ELU](../../activations/elu/).

# %% [markdown]
# ## 직접 실행하기 {#run-it-yourself}
#
# 이 노트북은 numpy 외에, PyPI가 아니라 이 사이트의 소스 코드에 포함된 패키지
# 세 개를 가져옵니다. 각각
# `activations`(활성화 함수), `tinynet`(작은 신경망), `figure_style`(matplotlib으로 그리는 그림)입니다.
# 실행하는 방법은 다음과 같습니다.
#
# 1. 저장소(모든 페이지 위쪽에 링크가 있습니다)를 클론하고 그 폴더에서 터미널을 엽니다.
# 2. Python `>=3.11`로 `make install`을 실행합니다. 이 명령은 가상 환경 `.venv`를 만들고,
#    `requirements.lock`에 고정된 정확한 버전들(numpy, matplotlib, ipykernel 등)과 `src/`에 있는 이
#    저장소의 패키지를 그 안에 설치한 뒤, 이 환경의 Python을 Jupyter 커널 `python3`로 등록합니다. make
#    없이 같은 환경을 만들려면 `python3 -m venv .venv`, 이어서 `.venv/bin/pip install -r requirements.lock`,
#    그다음 `.venv/bin/pip install --no-deps -e .`을 실행합니다.
# 3. Jupyter 자체의 인터페이스는 고정된 패키지에 들어 있지 않습니다. 같은 환경에 하나를
#    설치하고(`.venv/bin/pip install jupyterlab`), 실행한 뒤(`.venv/bin/jupyter lab`), 내려받은 노트북을
#    열어 커널 `python3`를 고릅니다. 이 커널은 "Python 3 (ipykernel)"로 표시됩니다.
#
# 이 노트북이 출력하고 그리는 글은 실행 환경의 언어로 나옵니다. 언어는 gettext와 같은 방식으로
# 정합니다(`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` 가운데 처음으로 설정된 것). 그 언어가 한국어이면,
# 예를 들어 Jupyter를 시작하는 터미널에서 먼저 `export LANGUAGE=ko`를 실행했다면 한국어로, 그 밖에는 영어로
# 나옵니다. 한국어 글은 저장소의 `locale/ko/LC_MESSAGES/experiments.po`에 있으며, `figure_style`이
# 위에서 설치한 패키지를 통해 이 파일을 찾아 Babel로 읽습니다. Babel과 그림에 한글을 그리는 글꼴은 고정된
# 패키지에 들어 있습니다.
#
# 이 노트북의 코드는 저장소의 `docs/experiments/dying-relu.py`와 같으며,
# `.venv/bin/python docs/experiments/dying-relu.py`는 같은 코드를 모든 검사와 함께 스크립트로
# 실행합니다. 이때는 표만 출력하고 그림은 그리지 않습니다.
