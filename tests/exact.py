"""50-digit reference versions of every registry entry, for the accuracy tests, and the distance
of a result from them in units in the last place (ULP)."""

from __future__ import annotations

import mpmath as mp
import numpy as np

mp.mp.dps = 50

ZERO, ONE = mp.mpf(0), mp.mpf(1)
SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
SELU_SCALE = mp.mpf("1.0507009873554804934193349852946")
GELU_C = mp.sqrt(2 / mp.pi)
GELU_K = mp.mpf("0.044715")


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def sigmoid_d(x):
    return mp.exp(-abs(x)) / (1 + mp.exp(-abs(x))) ** 2


def softplus(x):
    return max(x, ZERO) + mp.log1p(mp.exp(-abs(x)))


def phi(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def cdf(x):
    if abs(x) > 10**5:  # mpmath's erfc cannot take such arguments; Phi is 0 or 1 to any float
        return ZERO if x < 0 else ONE
    return mp.erfc(-x / mp.sqrt(2)) / 2


def gelu_tanh_v(x):  # 2u
    return 2 * GELU_C * (x + GELU_K * x**3)


def elu(x, a=ONE):
    return x if x > 0 else a * mp.expm1(x)


def step(cond):
    return ONE if cond else ZERO


def _mpf(value) -> mp.mpf:
    """A parameter as the decimal it is written as (0.2, not the float64 nearest to it)."""
    return mp.mpf(repr(float(value)))


def leaky(slope):
    a = _mpf(slope)
    return (lambda x: x if x > 0 else a * x), (lambda x: ONE if x > 0 else a)


def elu_pair(alpha):
    a = _mpf(alpha)
    return (lambda x: elu(x, a)), (lambda x: ONE if x > 0 else a * mp.exp(x))


def celu_pair(alpha):
    a = _mpf(alpha)
    return (lambda x: x if x > 0 else a * mp.expm1(x / a)), (lambda x: ONE if x > 0 else mp.exp(x / a))


def softplus_pair(beta):
    b = _mpf(beta)
    return (lambda x: softplus(b * x) / b), (lambda x: sigmoid(b * x))


def rrelu_pair(lower, upper):
    """Evaluation mode: leaky ReLU with the mean slope (lower + upper) / 2, of the decimals given."""
    a = (_mpf(lower) + _mpf(upper)) / 2
    return (lambda x: x if x > 0 else a * x), (lambda x: ONE if x > 0 else a)


def _extra_digits(x):
    """Digits to add for x + sqrt(x^2 + b): the sum cancels about 2 log10|x| digits for x << 0."""
    return 10 + 2 * max(0, int(mp.log10(abs(x)))) if x else 10


def squareplus_pair(b):
    """The textbook formulas, at enough digits that their cancellation for x << 0 costs nothing."""
    b = _mpf(b)

    def f(x):
        with mp.extradps(_extra_digits(x)):  # extra, not fixed: mp.diff works at raised precision
            return (x + mp.sqrt(x * x + b)) / 2

    def d(x):
        with mp.extradps(_extra_digits(x)):
            return (1 + x / mp.sqrt(x * x + b)) / 2
    return f, d


def sine_pair(omega_0):
    w = _mpf(omega_0)
    return (lambda x: mp.sin(w * x)), (lambda x: w * mp.cos(w * x))


def snake_pair(a):
    a = _mpf(a)
    return (lambda x: x + mp.sin(a * x) ** 2 / a), (lambda x: 1 + mp.sin(2 * a * x))


def threshold_pair(threshold, value):
    t, v = _mpf(threshold), _mpf(value)
    return (lambda x: x if x > t else v), (lambda x: step(x > t))


def hard_shrink_pair(lambd):
    lam = _mpf(lambd)
    return (lambda x: x if abs(x) > lam else ZERO), (lambda x: step(abs(x) > lam))


def soft_shrink_pair(lambd):
    lam = _mpf(lambd)
    return (lambda x: x - lam if x > lam else (x + lam if x < -lam else ZERO)), (lambda x: step(abs(x) > lam))


def tanh_shrink(x):
    """x - tanh x, at enough digits that the difference keeps 50 near 0, where it is x^3 / 3 and
    the two terms agree in about 2 log10(1/|x|) leading digits."""
    extra = 2 * max(0, int(-mp.log10(abs(x)))) if 0 < abs(x) < 1 else 0
    with mp.workdps(mp.mp.dps + 10 + extra):
        return x - mp.tanh(x)


def hard_tanh_pair(min_val, max_val):
    lo, hi = _mpf(min_val), _mpf(max_val)
    return (lambda x: min(max(x, lo), hi)), (lambda x: step(lo < x < hi))


# slug -> (function, derivative) on one mpmath number; every elementwise registry entry needs one.
# The derivative's value at a kink is the convention the registry states.
ELEMENTWISE = {
    "identity": (lambda x: x, lambda x: ONE),
    "binary-step": (lambda x: step(x >= 0), lambda x: ZERO),
    "sigmoid": (sigmoid, sigmoid_d),
    "tanh": (mp.tanh, lambda x: 4 * sigmoid_d(2 * x)),
    "hard-sigmoid": (lambda x: min(max((x + 3) / 6, ZERO), ONE), lambda x: mp.mpf(1) / 6 if -3 < x < 3 else ZERO),
    "hard-tanh": hard_tanh_pair(-1, 1),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
    "log-sigmoid": (lambda x: -softplus(-x), lambda x: sigmoid(-x)),
    "relu": (lambda x: max(ZERO, x), lambda x: step(x > 0)),
    "leaky-relu": leaky(0.01),
    "prelu": leaky(0.25),
    # PyTorch's defaults 1/8 and 1/3 as the fractions they stand for: the mean slope is 11/48.
    "rrelu": (lambda x: x if x > 0 else mp.mpf(11) / 48 * x, lambda x: ONE if x > 0 else mp.mpf(11) / 48),
    "squared-relu": (lambda x: max(x, ZERO) ** 2, lambda x: 2 * max(x, ZERO)),
    "relu6": (lambda x: min(max(x, ZERO), mp.mpf(6)), lambda x: step(0 < x < 6)),
    "threshold": threshold_pair(0, 0),
    "elu": elu_pair(1),
    "selu": (lambda x: SELU_SCALE * elu(x, SELU_ALPHA),
             lambda x: SELU_SCALE * (ONE if x > 0 else SELU_ALPHA * mp.exp(x))),
    "celu": celu_pair(1),
    "gelu": (lambda x: x * cdf(x), lambda x: cdf(x) + x * phi(x)),
    "gelu-tanh": (lambda x: x * sigmoid(gelu_tanh_v(x)),
                  lambda x: sigmoid(gelu_tanh_v(x))
                  + x * 2 * GELU_C * (1 + 3 * GELU_K * x * x) * sigmoid_d(gelu_tanh_v(x))),
    "silu": (lambda x: x * sigmoid(x), lambda x: sigmoid(x) * (1 + x * sigmoid(-x))),
    "mish": (lambda x: x * mp.tanh(softplus(x)),
             lambda x: mp.tanh(softplus(x)) + x * 4 * sigmoid_d(2 * softplus(x)) * sigmoid(x)),
    "softplus": softplus_pair(1),
    "squareplus": squareplus_pair(4),
    "hard-swish": (lambda x: x * min(max((x + 3) / 6, ZERO), ONE),
                   lambda x: ZERO if x < -3 else (ONE if x > 3 else (2 * x + 3) / 6)),
    "hardshrink": hard_shrink_pair(0.5),
    "softshrink": soft_shrink_pair(0.5),
    "tanhshrink": (tanh_shrink, lambda x: mp.tanh(x) ** 2),
    "sine": sine_pair(1),
    "snake": snake_pair(1),
}

# slug -> (keyword parameters -> (function, derivative)), for the entries with parameters;
# the defaults above are written out, not read from the registry, so a wrong default shows.
PARAMETRISED = {
    "hard-tanh": hard_tanh_pair,
    "leaky-relu": lambda negative_slope: leaky(negative_slope),
    "prelu": lambda weight: leaky(weight),
    "rrelu": rrelu_pair,
    "elu": lambda alpha: elu_pair(alpha),
    "celu": lambda alpha: celu_pair(alpha),
    "softplus": lambda beta: softplus_pair(beta),
    "squareplus": lambda b: squareplus_pair(b),
    "sine": lambda omega_0: sine_pair(omega_0),
    "snake": lambda a: snake_pair(a),
    "threshold": threshold_pair,
    "hardshrink": lambda lambd: hard_shrink_pair(lambd),
    "softshrink": lambda lambd: soft_shrink_pair(lambd),
}

# slug -> gate on one mpmath number, for the gated units a * gate(b)
GATES = {"glu": sigmoid, "geglu": lambda b: b * cdf(b), "swiglu": lambda b: b * sigmoid(b),
         "reglu": lambda b: max(b, ZERO)}


def softmax_rows(rows, log: bool = False) -> list[list]:
    """Exact softmax (or log-softmax) of each row; -inf scores get probability 0."""
    out = []
    for row in rows:
        finite = [mp.mpf(float(v)) for v in row if v != float("-inf")]
        m = max(finite)
        log_sum = m + mp.log(mp.fsum(mp.exp(v - m) for v in finite))
        values = []
        for v in row:
            if v == float("-inf"):
                values.append(mp.mpf("-inf") if log else mp.mpf(0))
            else:
                lp = mp.mpf(float(v)) - log_sum
                values.append(lp if log else mp.exp(lp))
        out.append(values)
    return out


def softmin_rows(rows) -> list[list]:
    """Exact softmin of each row, exp(-x_i) / sum_j exp(-x_j); +inf scores get probability 0."""
    return softmax_rows([[-v for v in row] for row in rows])


def sparsemax_row(row) -> tuple[list, mp.mpf, int]:
    """Exact sparsemax of one row of finite or -inf scores, with its threshold tau and support size.

    Not the sort-and-sum algorithm: tau is found by bisection on the decreasing function
    sum_i max(x_i - tau, 0) - 1, the support is read off it, tau is then solved exactly on that
    support, and the optimality (KKT) conditions of the projection are checked.
    """
    finite = [mp.mpf(float(v)) for v in row if v != float("-inf")]
    top = max(finite)
    # the scores relative to the maximum, exactly (a float minus a float needs no rounding here)
    d = [mp.fsub(mp.mpf(float(v)), top, exact=True) if v != float("-inf") else mp.mpf("-inf") for v in row]
    lo, hi = mp.mpf(-1), ZERO  # the excess is >= 0 at -1 (the maximum alone gives 1) and -1 at 0
    for _ in range(120):
        mid = (lo + hi) / 2
        if mp.fsum(max(v - mid, ZERO) for v in d) > 1:
            lo = mid
        else:
            hi = mid
    support = [v for v in d if v > hi]
    tau = (mp.fsum(support) - 1) / len(support)
    assert all(v > tau for v in support) and all(v <= tau for v in d if v <= hi), "KKT conditions fail"
    return [max(v - tau, ZERO) for v in d], top + tau, len(support)


def ulp_errors(got: np.ndarray, exact: list, dtype) -> np.ndarray:
    """|got - exact| in ULPs of the exact value (rounded to dtype), point by point; nan where
    the exact value is not a normal float of dtype, inf where an exact zero came out nonzero."""
    info = np.finfo(dtype)
    out = np.full(len(exact), np.nan)
    for i, (g, e) in enumerate(zip(np.ravel(got), exact)):
        fe = float(e)
        if e == 0:
            out[i] = 0.0 if g == 0 else np.inf
            continue
        if not np.isfinite(fe) or not float(info.tiny) <= abs(fe) <= float(info.max):
            continue
        if np.isnan(g):  # nan where the exact value is a number is as wrong as a result can be
            out[i] = np.inf
            continue
        # one ULP of a normal number in [2^(e-1), 2^e): 2^(e - 1 - mantissa bits)
        unit = float(np.ldexp(1.0, int(np.frexp(dtype(abs(fe)))[1]) - 1 - info.nmant))
        out[i] = float(abs(mp.mpf(float(g)) - e)) / unit
    return out


def ulp_error(got: np.ndarray, exact: list, dtype) -> tuple[float, int]:
    """Largest ULP error over points where the exact value is a normal float, and how many
    points that was. An exact zero must come out as zero."""
    errors = ulp_errors(got, exact, dtype)
    used = errors[~np.isnan(errors)]
    return (float(np.max(used)) if len(used) else 0.0), int(np.sum(np.isfinite(errors)))
