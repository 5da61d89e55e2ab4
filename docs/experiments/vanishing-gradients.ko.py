# %% [markdown]
# # 기울기 소실과 기울기 폭주 {#vanishing-and-exploding-gradients}
#
# 깊은 신경망에서 기울기(gradient)는 층마다 활성화 함수(activation function)의 도함수(derivative) 하나와
# 가중치(weight) 행렬 하나가 곱해진 뒤에야 첫 층들에 도달합니다. 이 실험은 시그모이드(sigmoid), tanh, ReLU,
# GELU 유닛(unit)으로 된 깊은 신경망(`DEPTH`개 층)에서 층마다 기울기가 얼마나 남아 있는지 잽니다. 가중치를
# 스케일 조정 없이 뽑은 경우와 각 활성화 함수에 맞게 만든 초기화(initialisation)로 뽑은 경우를 재고, 이어서
# 실무자들이 깊은 신경망에 덧붙이는 두 장치인 잔차 연결(residual connection)과 정규화(normalisation)를 넣은
# 경우도 잽니다.
#
# 층 $l$의 활성화 전 값(pre-activation)을 $z_l = h_{l-1}W_l + b_l$, 출력을
# $h_l = \phi(z_l)$라 하면, 이 층을 거치는 역전파(backpropagation)는 다음과 같습니다.
#
# $$\frac{\partial L}{\partial z_{l-1}} = \Big(\frac{\partial L}{\partial z_l} W_l^\top\Big) \odot \phi'(z_{l-1}),$$
#
# 따라서 $n$개 층을 지나면 기울기에는 도함수 $n$개의 곱이 실립니다. 시그모이드의 도함수는
# 0에서 가장 크므로 모든 $z$에 대해 $\sigma'(z) \le \sigma'(0)$이고, 그래서 그 곱은 $\sigma'(0)^n$을 넘지 못합니다.
#
# [이 노트북을 내려받아](../../generated/notebooks/vanishing-gradients.ipynb) 직접 실행해 볼 수 있습니다.
# 필요한 것은 마지막 절에서 설명합니다.

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
# ## 초기화 직후 {#at-initialisation}
#
# 표는 가중치를 뽑는 방식으로 이름을 붙입니다. $N(0, 1)$은 스케일 조정 없이 모든 가중치를 $N(0, 1)$에서
# 뽑는 것이고, Glorot(Xavier) 초기화는
# $N\big(0, \tfrac{2}{n_\text{in} + n_\text{out}}\big)$에서, He 초기화는 $N\big(0, \tfrac{2}{n_\text{in}}\big)$에서 뽑습니다.
# 두 스케일은 신호의 크기가 층에서 층으로 갈 때 그대로 유지되도록 정한
# 것입니다([Glorot & Bengio, 2010](../../references/#glorot2010); [He et al., 2015](../../references/#he2015)).

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
# 마지막 열은 마지막 층에서 첫 층까지 거슬러 올라가는 `DEPTH` 단계 동안 기울기가 층마다 평균적으로 커지는(1보다 큼)
# 또는 작아지는(1보다 작음) 배율입니다. 스케일 조정이 없으면 tanh, ReLU, GELU 신경망에서는 기울기 폭주(exploding
# gradient)가 일어납니다. 입력 쪽으로 갈수록 기울기가 층마다 커집니다. 시그모이드 신경망의 기울기는 두 초기화
# 모두에서 작아집니다.

# %%
ratio = {key: g[0] / g[-1] for key, g in at_init.items()}
assert ratio["sigmoid", "xavier"] < 1e-6  # the first layer gets less than a millionth of the last one's gradient
assert all(ratio[a, "standard"] > 1e3 for a in ("tanh", "relu", "gelu"))
assert all(1e-2 < ratio[a, FITTING[a]] < 1e2 for a in ("tanh", "relu"))

# %% [markdown]
# ## 도함수 상한과 비교한 시그모이드 {#sigmoid-against-its-derivative-bound}
#
# 상한 $\sigma'(0)^n$은 도함수만 센 것이고, 가중치 행렬도 기울기에 곱해집니다.
# Glorot 가중치에서는 가중치 행렬의 효과가 중립에 가까워서, 측정한 감소가 상한을 따라갑니다.
# 스케일 조정을 하지 않은 가중치에서는 가중치 행렬이 기울기를 키우므로 감소가 더 느리지만, 그래도 기울기
# 소실(vanishing gradient)은 일어납니다.

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
# ## 학습 후 {#after-training}
#
# 이어서 각 신경망을 자기에게 맞는 초기화로 시작해 전체 배치 경사 하강법(full-batch gradient descent)으로 `STEPS` 단계 학습합니다.

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
# ## 시그모이드에 더 큰 가중치 {#larger-weights-for-sigmoid}
#
# 각 가중치 행렬도 기울기에 곱해지므로, 가중치가 크면 도함수 상한의 효과를 거스릅니다. 여기서는 시그모이드
# 신경망의 Glorot 가중치에 배율을 곱합니다. 표는 초기화 직후 첫 층의 기울기를 마지막 층의 기울기로 나눈 값,
# 모든 은닉층(hidden layer) 활성화 전 값에 대한 $\sigma'(z)$의 중앙값, 그리고 `STEPS` 단계 뒤의 정확도를 보여 줍니다.

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
# 가중치가 클수록 기울기 가운데 첫 층에 돌아가는 몫이 커져서, 가장 큰 배율에서는 더 이상 소실되지 않습니다.
# 그러나 큰 가중치는 활성화 전 값을 시그모이드의 꼬리 쪽, 곧 도함수가 아주 작은 곳으로 밀어내며, 이 스케일들
# 가운데 어디서도 신경망은 tanh와 ReLU 신경망처럼 과제를 학습하지 못했습니다.
#
# ## 잔차 연결과 정규화 {#residual-connections-and-normalisation}
#
# 실제로 쓰는 깊은 신경망은 층을 단순히 쌓기만 한 것이 아닙니다.
# 잔차 연결([He et al., 2016](../../references/#he2016))은 각 층의 입력을 그 층의 출력에 더합니다.
# $h_l = h_{l-1} + \phi(z_l)$이므로, 기울기는 항등(identity) 경로를 따라서도, 도함수가 곱해지지 않은 채 아래층에
# 도달합니다. 층 정규화(layer normalisation, [Ba et al., 2016](../../references/#ba2016))는
# 활성화 함수 앞에서 각 입력의 활성화 전 값을 그 층의 유닛들에 걸쳐 표준화하므로(여기서는 학습되는 배율(gain)과
# 이동(shift) 없이), 가중치의 스케일이 더 이상 신호의 크기를 정하지 않습니다. 배치 정규화(batch normalisation,
# [Ioffe & Szegedy, 2015](../../references/#ioffe2015))는 [He et al. (2016)](../../references/#he2016)의
# 잔차 신경망이 쓰는 방식으로, 대신 각 유닛을 배치에 걸쳐 표준화합니다. 여기서는 시험하지 않습니다.
# 각 활성화 함수를 자기에게 맞는 초기화로 시작했을 때, 초기화 직후 첫 층의 기울기를 마지막 층의 기울기로
# 나눈 값은 다음과 같습니다.

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
# 이어서 위에서 학습하지 못한 두 신경망, 곧 잔차 연결을 넣은 시그모이드 신경망과 층 정규화를 넣은 GELU 신경망을
# 잔차 연결도 정규화도 없는 기본(plain) 신경망과 비교하며 학습시킵니다. 시그모이드 신경망들은 두 배 많은
# 단계까지도 학습시키고, 정규화한 GELU 신경망은 절반의 단계만 학습시킵니다.

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
# 잔차 연결은 시그모이드 신경망의 첫 층에 마지막 층과 같은 자릿수의 기울기를 줍니다. `STEPS` 단계 뒤에는 아직
# 과제를 학습하지 못했지만, 더 오래 학습한 뒤에는 학습했고, 기본 신경망은 학습하지 못했습니다. 층
# 정규화만으로는 시그모이드의 기울기를 살리지 못하지만, GELU 신경망은 He 스케일에서도 학습하게 만들며, 기본
# 신경망이 실패한 단계 수의 절반으로 학습합니다. 잔차 연결만 넣으면 ReLU와 GELU의 기울기가 입력 쪽으로 갈수록
# 천 배 넘게 커집니다. 둘 다 넣으면 여기 있는 모든 활성화 함수에서 첫 층의 기울기가 마지막 층 기울기의 열 배
# 이내로 유지됩니다.
#
# 여기서 얻을 교훈은 이렇습니다. 시도한 가중치 스케일 가운데 어느 것도 기본 구조로 깊이 쌓은 시그모이드 신경망이
# 과제를 학습하게 하지 못했습니다. 스케일이 작으면 기울기가 소실되고, 크면 유닛이 포화(saturation)됩니다. 시그모이드가
# 은닉층을 떠나 출력층(output layer)으로 옮겨 간 이유 중 하나가 이것입니다. tanh와 ReLU에서는 초기 가중치의 스케일이
# 기울기가 폭주하느냐, 쓸 만한 크기로 남느냐를 가릅니다. He 스케일은 유닛의 절반이 기울기를 그대로 통과시킨다고
# 가정하는데, 이 가정은 ReLU에서만 정확히 맞으며, 이 스케일에서 GELU 신경망은 기울기를 잃고 학습하지 못했습니다.
# 잔차 연결과 정규화는 각각 학습하지 못한 신경망 하나씩을 살려 냈고, 둘을 함께 쓰면 네 활성화 함수 모두에서
# 기울기가 적절한 범위에 머물렀습니다.
#
# 함께 보기: [시그모이드](../../activations/sigmoid/), [tanh](../../activations/tanh/),
# [ReLU](../../activations/relu/), [GELU](../../activations/gelu/).

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
# 이 노트북의 코드는 저장소의 `docs/experiments/vanishing-gradients.py`와 같으며,
# `.venv/bin/python docs/experiments/vanishing-gradients.py`는 같은 코드를 모든 검사와 함께 스크립트로
# 실행합니다. 이때는 표만 출력하고 그림은 그리지 않습니다.
