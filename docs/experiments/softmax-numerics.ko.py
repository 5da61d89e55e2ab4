# %% [markdown]
# # 소프트맥스와 수치 계산 {#softmax-and-its-numerics}
#
# 소프트맥스(softmax)는 점수(score)를 확률로 바꾸는데, 교과서 공식은 점수가 터무니없이 커지기 훨씬 전에
# 부동소수점(floating point)에서 깨집니다. 이 실험은 온도(temperature)가 출력을 어떻게 바꾸는지 보이고,
# float16, float32, float64에서 교과서 공식이 어디서 오버플로(overflow)와 언더플로(underflow)를 일으키는지
# 찾은 다음, 안정된 형태들, 곧 이동(shift)한 소프트맥스, log-sum-exp, 그리고 로짓(logit)에서 계산하는
# 교차 엔트로피(cross-entropy)를 만듭니다.
#
# $$\operatorname{softmax}(z)_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}$$
#
# [이 노트북을 내려받아](../../generated/notebooks/softmax-numerics.ipynb) 직접 실행해 볼 수 있습니다.
# 필요한 것은 마지막 절에서 설명합니다.

# %%
import numpy as np

from activations import log_softmax, softmax
from figure_style.notebook import show
from figure_style.text import N_, table, tr  # words printed and drawn in the reader's language

CLASSES = [N_("dog"), N_("cat"), N_("puppy"), N_("person")]  # N_: shown in the reader's language, with tr()
SCORES = np.array([2.0, 10.0, 1.0, 4.0])

# %% [markdown]
# ## 온도 {#temperature}
#
# 소프트맥스에 넣기 전에 점수를 온도 $T$로 나누면, $T < 1$에서는 분포가 뾰족해지고 $T > 1$에서는
# 평평해집니다. 클래스의 순서는 결코 바뀌지 않습니다.

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
# ## 교과서 공식이 깨지는 곳 {#where-the-textbook-formula-breaks}
#
# $e^{z}$는 $z$가 가장 큰 유한수의 로그를 넘는 순간 무한대로 오버플로하고, 그러면 몫은
# $\infty/\infty = $ nan이 됩니다. 반대쪽 끝에서는 모든 $e^{z_j}$가 0으로 언더플로하면 몫이 $0/0 = $ nan이
# 됩니다. 아래 임곗값(threshold)은 점수 $(c, c - 1, c - 2)$에 대해 교과서 공식 자체를 이분법(bisection)으로
# 조사해 찾은 것이며, 각 자료형의 가장 큰 유한수의 로그, 그리고 가장 작은 양수의 절반의 로그와
# 비교합니다(정확한 결과가 그 절반 이하이면 0으로 반올림됩니다). 이 로그들은 모든 자료형에 대해 float64로 계산하므로,
# float16 자체의 반올림이 기준값을 흐리지 않습니다.

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
# 요즘 많은 신경망이 계산에 쓰는 자료형인 float16에서는 교과서 공식이 열둘도 채 안 되는 그리 크지 않은 점수에서도
# 실패합니다. 해결책은 뺄셈 한 번입니다. 어떤 상수 $m$에 대해서도 $\operatorname{softmax}(z) =
# \operatorname{softmax}(z - m)$이므로, $m = \max_j z_j$를 뺍니다. 그러면 가장 큰 지수 값은 $e^0 = 1$이어서
# 아무것도 오버플로하지 않고, 합은 1 이상이므로 결코 0이 되지 않습니다.

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
# 이동은 nan을 없애지만 언더플로까지 없애지는 않습니다. float16에서 가장 작은 확률은 이 자료형의 가장 작은
# 양수보다 작아서 여전히 0으로 나옵니다.

# %% [markdown]
# ## log-sum-exp와 안정된 교차 엔트로피 {#log-sum-exp-and-a-stable-cross-entropy}
#
# 분류에 쓰는 손실 함수(loss function)에는 $\log \operatorname{softmax}(z)_y$가 필요한데, 언더플로한 확률의
# 로그를 취하면 $-\infty$가 나옵니다. 대신 로짓으로 쓰면
#
# $$\log \operatorname{softmax}(z)_y = z_y - \operatorname{LSE}(z), \qquad
# \operatorname{LSE}(z) = m + \log \sum_j e^{z_j - m},\quad m = \max_j z_j,$$
#
# 유한한 점수에 대해 모든 항이 유한합니다.

# %%
logits, label = np.array([0.0, 800.0]), 0  # a confident, wrong prediction
with np.errstate(all="ignore"):
    naive_loss = -np.log(softmax(logits)[label])
stable_loss = -log_softmax(logits)[label]
print(table([[tr("cross-entropy from probabilities:"), str(naive_loss)],
             [tr("cross-entropy from logits:"), str(stable_loss)]], "<<"))

assert np.isinf(naive_loss) and stable_loss == 800.0

# %% [markdown]
# ## 최댓값을 제자리에서 빼기 {#subtracting-the-maximum-in-place}
#
# 이동을 흔히 `x -= np.max(x)`로 씁니다. 무해해 보이지만, `-=`는 호출한 쪽이 넘겨준 배열에 그대로
# 덮어씁니다. 호출이 끝나면 호출한 쪽의 점수는 사라지고 없습니다.

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
# 대신 `x = x - np.max(x)`로 쓰면 새 배열이 만들어집니다. 축에도 같은 주의가 필요합니다. 점수 벡터들을 모은
# 배치에서는 최댓값과 합을 배치 전체가 아니라 각 행을 따라 구해야 합니다.
#
# 함께 보기: [소프트맥스](../../activations/softmax/), [로그 소프트맥스](../../activations/log-softmax/).

# %% [markdown]
# ## 직접 실행하기 {#run-it-yourself}
#
# 이 노트북은 numpy 외에, PyPI가 아니라 이 사이트의 소스 코드에 포함된 패키지
# 두 개를 가져옵니다. 각각
# `activations`(활성화 함수), `figure_style`(matplotlib으로 그리는 그림)입니다.
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
# 이 노트북의 코드는 저장소의 `docs/experiments/softmax-numerics.py`와 같으며,
# `.venv/bin/python docs/experiments/softmax-numerics.py`는 같은 코드를 모든 검사와 함께 스크립트로
# 실행합니다. 이때는 표만 출력하고 그림은 그리지 않습니다.
