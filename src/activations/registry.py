"""The one list of activations: every figure, table and page is driven from here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from .relu import relu, relu_derivative
from .sigmoid import sigmoid, sigmoid_derivative
from .softmax import log_softmax, softmax


@dataclass(frozen=True)
class Activation:
    """What the site needs to know about one activation."""

    slug: str  # page name and figure file stem
    name: str  # display name
    fn: Callable
    derivative: Callable | None  # None where the function is not elementwise
    latex: str  # the function, as LaTeX for the page
    derivative_latex: str | None
    x_range: tuple[float, float]  # the interval the figure shows
    elementwise: bool
    summary: str  # one sentence, used in tables and figure alt text
    kink: float | None = None  # where the derivative is a chosen convention, if anywhere
    # Largest error, in units in the last place, that the tests allow against 50-digit values
    # wherever the exact result is a normal float (0 means exact).
    ulp_bound: float = 0.0
    derivative_ulp_bound: float | None = None

    @property
    def source(self) -> str:
        """File name of the module that implements it, relative to src/activations/."""
        return self.fn.__module__.rsplit(".", 1)[-1] + ".py"


_ENTRIES = (
    Activation(
        slug="sigmoid",
        name="Sigmoid",
        fn=sigmoid,
        derivative=sigmoid_derivative,
        latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        derivative_latex=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        x_range=(-8.0, 8.0),
        elementwise=True,
        summary="squashes any real number into the open interval between 0 and 1",
        ulp_bound=2.0,
        derivative_ulp_bound=4.0,
    ),
    Activation(
        slug="relu",
        name="ReLU",
        fn=relu,
        derivative=relu_derivative,
        latex=r"\operatorname{ReLU}(x) = \max(0, x)",
        derivative_latex=r"\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        x_range=(-4.0, 4.0),
        elementwise=True,
        summary="passes positive inputs through unchanged and sets negative inputs to 0",
        kink=0.0,
        derivative_ulp_bound=0.0,
    ),
    Activation(
        slug="softmax",
        name="Softmax",
        fn=softmax,
        derivative=None,
        latex=r"\operatorname{softmax}(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j} e^{x_j}}",
        derivative_latex=r"\frac{\partial\, \operatorname{softmax}(\mathbf{x})_i}{\partial x_j}"
        r" = p_i\,(\delta_{ij} - p_j)",
        x_range=(-6.0, 6.0),
        elementwise=False,
        summary="turns a vector of scores into probabilities that are positive and sum to 1",
        ulp_bound=4.0,
    ),
)

REGISTRY: MappingProxyType[str, Activation] = MappingProxyType({a.slug: a for a in _ENTRIES})
