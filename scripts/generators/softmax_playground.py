"""Data of the softmax playground: the worked example's classes, a few sets of scores to start
from and the temperatures its slider steps through, with the module's probabilities for each."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import numpy as np

from activation_figures import module_files
from activations import REGISTRY, softmax
from formatting import show
from messages import N_, TRANSLATED, _, catalogue_files, language
from outputs import GENERATORS, Output
from softmax_outputs import CLASSES, OVERFLOW, SCORES, class_label

HERE = Path(__file__)
TEMPERATURES = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)  # softmax(x / T): below 1 sharper, above 1 flatter
# Scores to start from: the worked example, a close call, a tie, and scores so large that exp
# overflows unless the maximum is subtracted (the overflow example's, with a fourth class).
PRESETS = ((N_("the worked example"), tuple(SCORES)), (N_("a close call"), (3.0, 3.5, 1.0, 3.25)),
           (N_("all equal"), (1.0, 1.0, 1.0, 1.0)), (N_("very large scores"), (*OVERFLOW, OVERFLOW[1])))


def data() -> dict:
    """Classes, presets and temperatures, with the module's probabilities for every pair; the
    classes and the presets named in the language being rendered."""
    table = []
    for _name, scores in PRESETS:
        rows = []
        for t in TEMPERATURES:
            p = softmax(np.array(scores, dtype=float) / t)
            rows.append({"p": [float(v) for v in p], "shown": [show(float(v)) for v in p]})
        table.append(rows)
    return {
        "classes": [class_label(ko, en) for ko, en in CLASSES],
        "presets": [{"name": _(name), "scores": [float(s) for s in scores]} for name, scores in PRESETS],
        "temperatures": list(TEMPERATURES), "default": TEMPERATURES.index(1.0), "table": table,
    }


def ui() -> dict:
    """The words the playground shows or announces, in the language being rendered; {name} and the
    like are filled in by the page."""
    return {
        "intro": _("Try other scores, and a temperature T that divides them before the softmax:"),
        "scores": _("Scores"),
        "own": _("your own (type them below)"),
        "temperature": _("Temperature T"),
        "caption": _("softmax(scores / T), one probability per class"),
        "class": _("Class"), "score": _("Score"), "probability": _("Probability"),
        # TRANSLATORS: the accessible name of the score input of one class
        "score_of": _("Score of {name}"),
        "not_a_number": _("Every score must be a finite number."),
        "most_probable": _("Most probable: {name}."),
        "module": _("These probabilities were computed by the site's tested module."),
        "browser": _("Computed in your browser: the maximum is subtracted before exponentiating, so no score overflows."),
    }


def render() -> bytes:
    """The data as compact JSON, in the language being rendered."""
    return (json.dumps(data(), ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def render_in(locale: str) -> bytes:
    """The data with its classes and presets named in `locale`."""
    with language(locale):
        return render()


def outputs() -> list[Output]:
    """The data, and its twin in each translated language (<locale>/interactive/softmax-playground.json),
    with the same numbers."""
    deps = (*module_files(REGISTRY["softmax"]), HERE, GENERATORS / "softmax_outputs.py", GENERATORS / "formatting.py")
    return [Output("interactive/softmax-playground.json", render, deps),
            *(Output(f"{locale}/interactive/softmax-playground.json", partial(render_in, locale),
                     (*deps, GENERATORS / "messages.py", *catalogue_files(locale))) for locale in TRANSLATED)]
