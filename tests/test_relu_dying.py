"""The ReLU page's dying table and the sentence under it, against the normal distribution's closed forms.

For z = w.x + b with |w| = 1 and x standard normal, z is normal with mean b and standard deviation 1:
the share of inputs with z > 0 is Phi(b), the mean output E[max(z, 0)] is b Phi(b) + phi(b), the
gradient of the mean output for b is the mean slope, Phi(b), and for w it is E[1(z > 0) x] = w phi(b)
(Stein's lemma), of norm phi(b). The table samples 10,000 inputs, so it agrees to sampling error.
"""

from __future__ import annotations

import math
import re

import pytest

import generated
from conftest import ROOT

SAMPLING = 0.02  # several standard errors of a mean over 10,000 draws, for every column here


def phi(b: float) -> float:
    return math.exp(-b * b / 2) / math.sqrt(2 * math.pi)


def big_phi(b: float) -> float:
    return 0.5 * math.erfc(-b / math.sqrt(2))


@pytest.fixture  # per test, so that under `make mutation` each test is mapped to the generator it reads
def rows() -> list[tuple[float, ...]]:
    text = generated.read("tables/relu-dying.md")
    header = next(line for line in text.splitlines() if line.startswith("| bias"))
    assert [c.strip() for c in header.strip("|").split("|")] == [
        "bias b", "inputs with z > 0", "mean output", "gradient for b", "gradient norm for w"]
    body = [line for line in text.splitlines() if re.match(r"\| -?\d", line)]
    return [tuple(float(c.replace("%", "")) for c in line.strip("|").split("|")) for line in body]


def test_each_column_is_its_closed_form_to_sampling_error(rows):
    assert len(rows) >= 5
    for b, active_percent, mean, grad_b, grad_w in rows:
        assert active_percent / 100 == pytest.approx(big_phi(b), abs=SAMPLING)
        assert mean == pytest.approx(b * big_phi(b) + phi(b), abs=SAMPLING)
        assert grad_b == pytest.approx(active_percent / 100, abs=1e-4)  # the mean slope is the active share
        assert grad_w == pytest.approx(phi(b), abs=SAMPLING)


def test_the_sentence_says_what_the_columns_do(rows):
    facts = generated.read("facts/relu.md")
    trend = re.search(r"\[start:trend\] -->\n(.*?)\n<!--", facts, re.S).group(1)
    biases = [r[0] for r in rows]
    assert biases == sorted(biases, reverse=True)  # the bias falls down the table
    grad_b, grad_w = [r[3] for r in rows], [r[4] for r in rows]
    assert grad_b == sorted(grad_b, reverse=True)
    assert "falls with that share" in trend
    # phi peaks at 0: the w column is largest at the table's bias nearest 0, and falls below it
    peak = min(biases, key=abs)
    assert max(zip(grad_w, biases))[1] == peak and f"largest at $b = {peak:g}$" in trend
    below = grad_w[biases.index(peak):]
    assert below == sorted(below, reverse=True)
    # the last row: with 10,000 draws, Phi(b) * 10,000 is far below one active input
    assert big_phi(biases[-1]) * 10_000 < 0.01 and rows[-1][1:] == (0, 0, 0, 0)
    assert f"At $b = {biases[-1]:g}$ no input of the sample is active" in trend


def test_the_relu_page_shows_the_sentence_not_a_hand_written_one():
    page = (ROOT / "docs" / "activations" / "relu.md").read_text()
    assert '--8<-- "docs/generated/facts/relu.md:trend"' in page
    assert "shrinks with them" not in page and "no later update can bring it back" not in page
