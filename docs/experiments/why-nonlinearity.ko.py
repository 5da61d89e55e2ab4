# %% [markdown]
# # 비선형성이 필요한 이유 {#why-non-linearity}
#
# 활성화 함수(activation function)가 없는 신경망은 층을 아무리 깊이 쌓아도 직선 경계밖에 그리지
# 못합니다. 여기서 그런 신경망은 XOR에서는 무작위로 고르는 수준에 그치고, 서로 맞물린 두 반달(moons)에서는
# 점 일부를 잘못 분류합니다. 반면 ReLU, tanh 또는 시그모이드(sigmoid) 유닛(unit)으로 된 은닉층(hidden
# layer) 하나만 있으면 두 데이터 모두에서 학습 데이터의 점을 거의 전부 맞게 분류합니다. 이 실험은 이
# 신경망들을 나란히 학습시키고 각각의 결정 경계(decision boundary)를 그립니다.
#
# 활성화 함수가 없는 층은 아핀 변환(affine map) $xW + b$를 계산하고, 이런 층을 쌓아도 또 하나의 아핀 변환이
# 될 뿐입니다. $(xW_1 + b_1)W_2 + b_2 = x(W_1W_2) + (b_1W_2 + b_2)$이므로 이런 층으로만 된 신경망은 평면을
# 직선 하나로만 나눌 수 있습니다. 여기 나오는 신경망은 모두 같은 작은 numpy MLP이며,
# 교차 엔트로피(cross-entropy)를 전체 배치 경사 하강법(full-batch gradient descent)으로 최소화해 학습하고,
# 활성화 함수와 그 도함수(derivative)는 이 사이트의 라이브러리에 있는 것을 씁니다.
#
# [이 노트북을 내려받아](../../generated/notebooks/why-nonlinearity.ipynb) 직접 실행해 볼 수 있습니다.
# 필요한 것은 마지막 절에서 설명합니다.

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
# 시그모이드의 도함수는 최대 $\sigma'(0)$이므로, 시그모이드를 거치는 기울기(gradient)에는 모두 그 값 이하의
# 수가 곱해집니다(즉 적어도 $1 / \sigma'(0)$로 나뉩니다). 이를 보충하려고 시그모이드 신경망에는 $1 / \sigma'(0)$배 큰
# 학습률(learning rate)을 줍니다. 가중치(weight)는 Glorot(Xavier) 초기화(initialisation)로 시작하며, ReLU에는
# He 초기화를 씁니다.

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
# 두 선형 신경망은 각 문제에서 같은 정확도를 얻는데, 여기에는 이유가 있습니다. 둘 다 같은 함수족, 곧 입력의
# 아핀 변환을 계산하므로 직선 경계만 그릴 수 있고, 클래스가 둘이면 예측은 두 출력 열의 차이,
# 곧 평면 위의 한 방향에만 달려 있습니다. 같은 손실(loss)로 둘을 학습시키면 여기서는 같은 경계에 이릅니다.
# 2층 신경망의 곱 $W_1W_2$는 선형 모델의 $W$와 같은 방향을 가리킵니다. 반달 데이터에서 둘을 나란히 보면
# 다음과 같습니다.

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
# ## 결정 경계 {#decision-boundaries}
#
# 각 패널은 평면의 각 위치를 학습된 신경망이 그곳에서 예측하는 클래스의 색으로 칠합니다. 선은 두 클래스의
# 확률이 같아지는 곳입니다.

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
# ## 은닉층이 하는 일 {#what-the-hidden-layer-does}
#
# ReLU 층은 평면을 접습니다. 각 유닛은 어떤 직선의 한쪽에서는 0이고 다른 쪽에서는 선형으로 커집니다.
# 출력층(output layer)은 이렇게 접힌 좌표에 대해 선형이므로, 출력층이 입력 평면에 그리는 경계는 직선
# 조각들로 이루어지고, 어떤 유닛의 접는 선을 지나는 곳에서만 방향이 바뀝니다. tanh나 시그모이드처럼
# 매끄러운(smooth) 활성화 함수는 평면을 한 직선을 따라 접는 대신 휘게 하며, 그래서 위의 경계들이 곡선입니다.
#
# 함께 보기: [활성화 함수가 필요한 이유](../../why-activation-functions/), [ReLU](../../activations/relu/),
# [tanh](../../activations/tanh/), [시그모이드](../../activations/sigmoid/).

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
# 이 노트북의 코드는 저장소의 `docs/experiments/why-nonlinearity.py`와 같으며,
# `.venv/bin/python docs/experiments/why-nonlinearity.py`는 같은 코드를 모든 검사와 함께 스크립트로
# 실행합니다. 이때는 표만 출력하고 그림은 그리지 않습니다.
