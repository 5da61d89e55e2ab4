"""The 'Why activation functions' page: what its figures and tables claim, from the code that makes them."""

from __future__ import annotations

import why_outputs
from conftest import ROOT
from tinynet import accuracy


def test_stacked_linear_layers_equal_one_layer_up_to_rounding():
    assert why_outputs.linear_composition_gap() < 1e-12


def test_no_line_gets_more_than_three_of_the_four_xor_points():
    assert why_outputs.best_line_accuracy() == 0.75


def test_only_models_with_a_hidden_activation_solve_noisy_xor():
    x, y, models = why_outputs.trained_models()
    scores = {label: accuracy(net, x, y) for label, net in models}
    linear = [s for (label, hidden, _), s in zip(why_outputs.MODELS, scores.values()) if hidden is None]
    hidden = [s for (label, h, _), s in zip(why_outputs.MODELS, scores.values()) if h is not None]
    assert len(linear) == 2 and max(linear) <= 0.75
    assert len(hidden) == 2 and min(hidden) == 1.0


def test_the_page_shows_those_numbers(site):
    text = (site / "why-activation-functions" / "index.html").read_text()
    assert "75 %" in text and "100 %" in text
