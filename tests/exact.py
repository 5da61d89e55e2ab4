"""50-digit reference versions of every registry entry, for the accuracy tests."""

from __future__ import annotations

import mpmath as mp

mp.mp.dps = 50

# slug -> (function, derivative) on one mpmath number; every elementwise registry entry needs one.
ELEMENTWISE = {
    "sigmoid": (lambda x: 1 / (1 + mp.exp(-x)), lambda x: mp.exp(-x) / (1 + mp.exp(-x)) ** 2),
    "relu": (lambda x: max(mp.mpf(0), x), lambda x: mp.mpf(1) if x > 0 else mp.mpf(0)),
}


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
