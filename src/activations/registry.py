"""The one list of activations: every figure, table and page is driven from here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from math import pi
from types import MappingProxyType

from .elu import celu, celu_derivative, elu, elu_derivative, selu, selu_derivative
from .frameworks import NONE, Call, Cell, Row, bare, fn, layer, prose
from .gated import geglu, glu, reglu, swiglu
from .linear import binary_step, binary_step_derivative, identity, identity_derivative
from .periodic import sine, sine_derivative, snake, snake_derivative
from .references import cited_keys
from .relu import (leaky_relu, leaky_relu_derivative, prelu, prelu_derivative, relu, relu6, relu6_derivative,
                   relu_derivative, rrelu, rrelu_derivative, squared_relu,
                   squared_relu_derivative)
from .shrink import (hard_shrink, hard_shrink_derivative, soft_shrink, soft_shrink_derivative, tanh_shrink,
                     tanh_shrink_derivative, threshold, threshold_derivative)
from .sigmoid import (hard_sigmoid, hard_sigmoid_derivative, log_sigmoid, log_sigmoid_derivative, sigmoid,
                      sigmoid_derivative)
from .smooth_relu import (gelu, gelu_derivative, gelu_tanh, gelu_tanh_derivative, hard_swish, hard_swish_derivative,
                          mish, mish_derivative, silu, silu_derivative, softplus, softplus_derivative, squareplus,
                          squareplus_derivative)
from .softmax import log_softmax, softmax, softmin, sparsemax
from .tanh import hard_tanh, hard_tanh_derivative, softsign, softsign_derivative, tanh, tanh_derivative

# Families, in the order of the navigation.
FAMILIES = ("Linear and step", "Sigmoid-like", "ReLU-like", "Smooth ReLU-like", "Shrinkage", "Periodic", "Gated",
            "Output layers")
# Smoothness classes, from least to most smooth.
SMOOTHNESS = ("discontinuous", "C0", "C1", "C-infinity")


@dataclass(frozen=True)
class Activation:
    """What the site needs to know about one activation."""

    slug: str  # figure file stem and, unless `page` says otherwise, page name
    name: str  # display name
    fn: Callable
    derivative: Callable | None  # None where the function is not elementwise
    latex: str  # the function, as LaTeX for the page
    derivative_latex: str | None
    x_range: tuple[float, float]  # the interval the figure shows
    elementwise: bool
    summary: str  # one sentence, used in tables and figure alt text
    family: str
    origin: str  # where it comes from (Markdown); cites works of references.py as [@key]
    smoothness: str  # one of SMOOTHNESS; checked numerically by the tests
    frameworks: Row  # its names and documented defaults in PyTorch, Keras and JAX (see frameworks.py)
    kinks: tuple[float, ...] = ()  # where the derivative's value is a chosen convention
    jumps: tuple[float, ...] = ()  # where the function itself is discontinuous
    params: Mapping[str, float] = field(default_factory=dict)  # the defaults, as in `fn`
    variants: tuple[Mapping[str, float], ...] = ()  # parameter values drawn side by side
    inset: tuple[tuple[float, float], tuple[float, float]] | None = None  # zoom: (x-range, y-range)
    page: str | None = None  # the page that documents it, when several entries share one
    # Largest error, in units in the last place, that the tests allow against 50-digit values
    # wherever the exact result is a normal float (0 means exact). Where the problem itself is
    # ill-conditioned (condition number k > 1), the allowance is k times the bound.
    ulp_bound: float = 0.0
    derivative_ulp_bound: float | None = None
    accuracy_note: str = ""  # why a bound is larger than usual
    # For an f whose derivative repeats for ever: the period of f' and of f minus its linear part, at the
    # default parameters; the properties are then found on one period, since nothing has a limit far out.
    period: float | None = None

    @property
    def source(self) -> str:
        """File name of the module that implements it, relative to src/activations/."""
        return self.fn.__module__.rsplit(".", 1)[-1] + ".py"

    @property
    def page_slug(self) -> str:
        return self.page or self.slug

    @property
    def references(self) -> tuple[str, ...]:
        """Keys of the works its origin cites."""
        return cited_keys(self.origin)


_PIECEWISE_LINEAR = "piecewise linear"

_ENTRIES = (
    Activation(
        slug="identity", name="Identity", fn=identity, derivative=identity_derivative,
        latex=r"f(x) = x", derivative_latex=r"f'(x) = 1",
        x_range=(-4.0, 4.0), elementwise=True, family="Linear and step", smoothness="C-infinity",
        summary="returns its input unchanged; the output activation of regression",
        origin="the adaptive linear neuron (ADALINE), trained on its linear output: [@widrow1960]",
        derivative_ulp_bound=0.0,
        frameworks=Row(layer("nn.Identity"), bare("keras.activations.linear"), prose("no function: `lambda x: x`")),
    ),
    Activation(
        slug="binary-step", name="Binary step", fn=binary_step, derivative=binary_step_derivative,
        latex=r"H(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}",
        derivative_latex=r"H'(x) = 0 \quad (x \ne 0)",
        x_range=(-4.0, 4.0), elementwise=True, family="Linear and step", smoothness="discontinuous",
        summary="outputs 1 for inputs at or above 0 and 0 below; the unit of the perceptron",
        origin="the threshold neuron of [@mcculloch1943] and the perceptron of [@rosenblatt1958]",
        kinks=(0.0,), jumps=(0.0,), derivative_ulp_bound=0.0,
        frameworks=Row(prose("`torch.heaviside(x, values)`: the value at 0 is an argument, no default"), prose(NONE),
                       prose("`jnp.heaviside(x, x0)`: the value at 0 is an argument")),
    ),
    Activation(
        slug="sigmoid", name="Sigmoid", fn=sigmoid, derivative=sigmoid_derivative,
        latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        derivative_latex=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        x_range=(-8.0, 8.0), elementwise=True, family="Sigmoid-like", smoothness="C-infinity",
        summary="squashes any real number into the open interval between 0 and 1",
        origin="the logistic curve, which Verhulst introduced for population growth in the 1830s; in backpropagation since [@rumelhart1986]",
        ulp_bound=2.0, derivative_ulp_bound=4.0,
        frameworks=Row(Cell((Call("nn.Sigmoid"), Call("torch.sigmoid", bare=True))), bare("keras.activations.sigmoid"),
                       bare("jax.nn.sigmoid")),
    ),
    Activation(
        slug="tanh", name="Tanh", fn=tanh, derivative=tanh_derivative,
        latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1",
        derivative_latex=r"\tanh'(x) = 1 - \tanh^2(x)",
        x_range=(-4.0, 4.0), elementwise=True, family="Sigmoid-like", smoothness="C-infinity",
        summary="squashes any real number into the open interval between -1 and 1, centred on 0",
        origin="recommended over the logistic sigmoid for hidden layers by [@lecun1998]",
        ulp_bound=2.0, derivative_ulp_bound=4.0,
        frameworks=Row(Cell((Call("nn.Tanh"), Call("torch.tanh", bare=True))), bare("keras.activations.tanh"),
                       bare("jax.nn.tanh")),
    ),
    Activation(
        slug="hard-sigmoid", name="Hard sigmoid", fn=hard_sigmoid, derivative=hard_sigmoid_derivative,
        latex=r"\operatorname{hardsigmoid}(x) = \min\bigl(\max\bigl(\tfrac{x + 3}{6}, 0\bigr), 1\bigr)",
        derivative_latex=r"\operatorname{hardsigmoid}'(x) = \begin{cases} \tfrac16 & -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}",
        x_range=(-5.0, 5.0), elementwise=True, family="Sigmoid-like", smoothness="C0",
        summary="a piecewise-linear sigmoid: a ramp from 0 at x = -3 to 1 at x = 3",
        origin="a hard sigmoid of slope 1/2 in [@courbariaux2015]; the slope-1/6 form used here, written with ReLU6, in [@howard2019]",
        kinks=(-3.0, 3.0), inset=((-3.6, -2.4), (-0.02, 0.12)), ulp_bound=2.0, derivative_ulp_bound=1.0,
        frameworks=Row(layer("nn.Hardsigmoid", "{0}: ReLU6(x + 3) / 6"),
                       bare("keras.activations.hard_sigmoid",
                            text="{0}: ReLU6(x + 3) / 6 in Keras 3; Keras 2 used 0.2 x + 0.5"),
                       bare("jax.nn.hard_sigmoid", text="{0}: ReLU6(x + 3) / 6")),
    ),
    Activation(
        slug="hard-tanh", name="Hard tanh", fn=hard_tanh, derivative=hard_tanh_derivative,
        latex=r"\operatorname{hardtanh}(x) = \min(\max(x, -1), 1)",
        derivative_latex=r"\operatorname{hardtanh}'(x) = \begin{cases} 1 & -1 < x < 1 \\ 0 & \text{otherwise} \end{cases}",
        x_range=(-3.0, 3.0), elementwise=True, family="Sigmoid-like", smoothness="C0",
        summary="clips its input to the interval from -1 to 1",
        origin="[@collobert2004]",
        kinks=(-1.0, 1.0), params={"min_val": -1.0, "max_val": 1.0}, derivative_ulp_bound=0.0,
        frameworks=Row(layer("nn.Hardtanh", min_val=-1.0, max_val=1.0), bare("keras.activations.hard_tanh"),
                       bare("jax.nn.hard_tanh")),
    ),
    Activation(
        slug="softsign", name="Softsign", fn=softsign, derivative=softsign_derivative,
        latex=r"\operatorname{softsign}(x) = \frac{x}{1 + \lvert x \rvert}",
        derivative_latex=r"\operatorname{softsign}'(x) = \frac{1}{(1 + \lvert x \rvert)^2}",
        x_range=(-8.0, 8.0), elementwise=True, family="Sigmoid-like", smoothness="C1",
        summary="squashes into the interval from -1 to 1 like tanh, but approaches the bounds only polynomially",
        origin="[@elliott1993]; under the name softsign, compared with tanh in deep networks by [@glorot2010]",
        kinks=(0.0,), ulp_bound=2.0, derivative_ulp_bound=4.0,
        frameworks=Row(layer("nn.Softsign"), bare("keras.activations.softsign"), bare("jax.nn.soft_sign")),
    ),
    Activation(
        slug="log-sigmoid", name="Log-sigmoid", fn=log_sigmoid, derivative=log_sigmoid_derivative,
        latex=r"\log\sigma(x) = -\log\bigl(1 + e^{-x}\bigr)",
        derivative_latex=r"(\log\sigma)'(x) = 1 - \sigma(x) = \sigma(-x)",
        x_range=(-6.0, 6.0), elementwise=True, family="Output layers", smoothness="C-infinity",
        summary="the logarithm of the sigmoid: the log-probability of class 1 for a binary classifier",
        origin="the log-likelihood of logistic regression, [@cox1958]",
        ulp_bound=2.0, derivative_ulp_bound=2.0,
        frameworks=Row(layer("nn.LogSigmoid"), bare("keras.activations.log_sigmoid"), bare("jax.nn.log_sigmoid")),
    ),
    Activation(
        slug="relu", name="ReLU", fn=relu, derivative=relu_derivative,
        latex=r"\operatorname{ReLU}(x) = \max(0, x)",
        derivative_latex=r"\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        x_range=(-4.0, 4.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="passes positive inputs through unchanged and sets negative inputs to 0",
        origin="the rectifying units of [@fukushima1969]; named rectified linear units by [@nair2010]; shown to train deep networks well by [@glorot2011]",
        kinks=(0.0,), derivative_ulp_bound=0.0,
        frameworks=Row(layer("nn.ReLU", "{0}; ReLU'(0) = 0"),
                       fn("keras.activations.relu", negative_slope=0.0, max_value=None, threshold=0.0),
                       bare("jax.nn.relu", text="{0}; ReLU'(0) = 0")),
    ),
    Activation(
        slug="leaky-relu", name="Leaky ReLU", fn=leaky_relu, derivative=leaky_relu_derivative,
        latex=r"\operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}",
        derivative_latex=r"\operatorname{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        x_range=(-4.0, 4.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="like ReLU, but negative inputs keep a small slope a instead of 0",
        origin="[@maas2013]",
        kinks=(0.0,), params={"negative_slope": 0.01},
        variants=({"negative_slope": 0.01}, {"negative_slope": 0.2}, {"negative_slope": 0.3}),
        inset=((-1.0, 0.25), (-0.04, 0.02)), ulp_bound=1.0, derivative_ulp_bound=0.5,
        frameworks=Row(layer("nn.LeakyReLU", negative_slope=0.01),
                       Cell((Call("keras.layers.LeakyReLU", {"negative_slope": 0.3},
                                  differs={"negative_slope": "Keras's layer keeps the 0.3 of Keras 2"}),
                             Call("keras.activations.leaky_relu", {"negative_slope": 0.2}, takes_x=True,
                                  differs={"negative_slope": "Keras's function defaults to 0.2"})),
                            "{0}, but {1}"),
                       fn("jax.nn.leaky_relu", "{0}; slope 1 at 0 (x >= 0 is the linear side)", negative_slope=0.01)),
    ),
    Activation(
        slug="prelu", name="PReLU", fn=prelu, derivative=prelu_derivative,
        latex=r"\operatorname{PReLU}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}\quad (a \text{ learned})",
        derivative_latex=r"\frac{\partial \operatorname{PReLU}}{\partial x} = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases},"
        r"\qquad \frac{\partial \operatorname{PReLU}}{\partial a} = \min(x, 0)",
        x_range=(-4.0, 4.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="a leaky ReLU whose negative slope a is learned with the weights",
        origin="[@he2015]",
        kinks=(0.0,), params={"weight": 0.25}, variants=({"weight": 0.0}, {"weight": 0.25}, {"weight": 0.5}),
        ulp_bound=1.0, derivative_ulp_bound=0.5,
        frameworks=Row(Cell((Call("nn.PReLU", {"num_parameters": 1, "init": 0.25}, ours={"init": "weight"}),)),
                       Cell((Call("keras.layers.PReLU", {"alpha_initializer": "Zeros"},
                                  ours={"alpha_initializer": "weight"}, meaning={"Zeros": 0.0},
                                  differs={"weight": "Keras starts the learned slope at 0, as a ReLU"}),),
                            "{0}: starts as ReLU"),
                       prose("no function in `jax.nn`; Flax has a `PReLU` layer")),
    ),
    Activation(
        slug="rrelu", name="RReLU", fn=rrelu, derivative=rrelu_derivative,
        latex=r"\operatorname{RReLU}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases},\quad "
        r"a = \tfrac{l + u}{2} \text{ in evaluation},\ a \sim U(l, u) \text{ in training}",
        derivative_latex=r"\operatorname{RReLU}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        x_range=(-4.0, 4.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="a leaky ReLU whose negative slope is drawn at random during training and fixed at its mean for evaluation",
        origin="[@xu2015], after the winning entry of the Kaggle National Data Science Bowl. The paper divides each "
        "negative input by a number drawn from U(3, 8), and in evaluation by the middle of that interval; PyTorch "
        "draws the slope itself, between the reciprocals 1/8 and 1/3, and evaluates with their mean, a steeper slope "
        "than one over the paper's middle divisor",
        kinks=(0.0,), params={"lower": 0.125, "upper": 1 / 3},
        ulp_bound=1.0, derivative_ulp_bound=0.5,
        accuracy_note="These are the bounds of evaluation mode, whose slope is fixed; in training mode each negative "
        "input is multiplied by its drawn slope and rounded once.",
        frameworks=Row(Cell((Call("nn.RReLU", {"lower": 0.125, "upper": 1 / 3}),
                             Call("F.rrelu", {"lower": 0.125, "upper": 1 / 3, "training": False}, takes_x=True)),
                            "{0}: random slopes while the module is in training mode; {1}: the mean slope unless "
                            "`training=True`"),
                       prose(NONE + " in Keras 3 (TensorFlow Addons had `tfa.activations.rrelu`)"),
                       prose("no function in `jax.nn`")),
    ),
    Activation(
        slug="squared-relu", name="Squared ReLU", fn=squared_relu, derivative=squared_relu_derivative,
        latex=r"\operatorname{ReLU}^2(x) = \max(0, x)^2",
        derivative_latex=r"(\operatorname{ReLU}^2)'(x) = 2 \max(0, x)",
        x_range=(-3.0, 3.0), elementwise=True, family="ReLU-like", smoothness="C1",
        summary="the square of ReLU: 0 for negative inputs and x squared for positive ones; the feed-forward activation of Primer",
        origin="[@so2021], whose search for cheaper Transformers found it",
        kinks=(0.0,), ulp_bound=0.5, derivative_ulp_bound=0.0,
        frameworks=Row(prose(NONE + " (write `torch.relu(x) ** 2`)"),
                       prose(NONE + " (write `keras.ops.square(keras.activations.relu(x))`)"),
                       prose(NONE + " (write `jnp.square(jax.nn.relu(x))`)")),
    ),
    Activation(
        slug="relu6", name="ReLU6", fn=relu6, derivative=relu6_derivative,
        latex=r"\operatorname{ReLU6}(x) = \min(\max(0, x), 6)",
        derivative_latex=r"\operatorname{ReLU6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}",
        x_range=(-3.0, 9.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="ReLU capped at 6, so the output fits a small fixed-point range",
        origin="[@krizhevsky2010], which caps rectified units at 6; used for its robustness in low-precision computation by [@sandler2018]",
        kinks=(0.0, 6.0), derivative_ulp_bound=0.0,
        frameworks=Row(layer("nn.ReLU6"), bare("keras.activations.relu6"), bare("jax.nn.relu6")),
    ),
    Activation(
        slug="threshold", name="Threshold", fn=threshold, derivative=threshold_derivative,
        latex=r"\operatorname{Threshold}_{\theta, v}(x) = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}",
        derivative_latex=r"\operatorname{Threshold}_{\theta, v}'(x) = \begin{cases} 1 & x > \theta \\ 0 & x < \theta \end{cases}",
        x_range=(-3.0, 3.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="keeps the inputs above a threshold and replaces the others by a fixed value; with the defaults "
        "here, threshold 0 and value 0, it is ReLU, and any value other than the threshold makes it jump there",
        origin="the `Threshold` module of the `nn` package of Lua Torch, described in [@collobert2011], which "
        "PyTorch kept; it has no paper of its own that we know of. PyTorch and Keras give neither argument a default: the defaults here "
        "are ours, chosen so that the function is ReLU",
        kinks=(0.0,), params={"threshold": 0.0, "value": 0.0},
        variants=({"threshold": 0.0, "value": -1.0}, {"threshold": 0.0, "value": 0.0},
                  {"threshold": 0.0, "value": 1.0}),
        derivative_ulp_bound=0.0,
        frameworks=Row(prose("`nn.Threshold(threshold, value)`, `F.threshold(x, threshold, value)`: no defaults"),
                       prose("`keras.activations.threshold(x, threshold, default_value)`: no defaults"),
                       prose(NONE + " in `jax.nn` (write `jnp.where(x > threshold, x, value)`)")),
    ),
    Activation(
        slug="elu", name="ELU", fn=elu, derivative=elu_derivative,
        latex=r"\operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        derivative_latex=r"\operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
        x_range=(-5.0, 3.0), elementwise=True, family="ReLU-like", smoothness="C1",
        summary="identity for positive inputs and a smooth exponential approach to -alpha for negative ones",
        origin="[@clevert2015]",
        kinks=(0.0,), params={"alpha": 1.0}, variants=({"alpha": 0.5}, {"alpha": 1.0}, {"alpha": 2.0}),
        ulp_bound=2.0, derivative_ulp_bound=2.0,
        frameworks=Row(layer("nn.ELU", alpha=1.0), fn("keras.activations.elu", alpha=1.0),
                       fn("jax.nn.elu", alpha=1.0)),
    ),
    Activation(
        slug="selu", name="SELU", fn=selu, derivative=selu_derivative,
        latex=r"\operatorname{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        derivative_latex=r"\operatorname{SELU}'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
        x_range=(-5.0, 3.0), elementwise=True, family="ReLU-like", smoothness="C0",
        summary="an ELU scaled by constants that keep activations at mean 0 and variance 1 through the layers",
        origin="[@klambauer2017]",
        kinks=(0.0,), ulp_bound=4.0, derivative_ulp_bound=4.0,
        frameworks=Row(layer("nn.SELU"), bare("keras.activations.selu"), bare("jax.nn.selu")),
    ),
    Activation(
        slug="celu", name="CELU", fn=celu, derivative=celu_derivative,
        latex=r"\operatorname{CELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x/\alpha} - 1) & x \le 0 \end{cases}",
        derivative_latex=r"\operatorname{CELU}'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & x \le 0 \end{cases}",
        x_range=(-5.0, 3.0), elementwise=True, family="ReLU-like", smoothness="C1",
        summary="an ELU reparameterised so that its derivative is continuous at 0 for every alpha",
        origin="[@barron2017]",
        kinks=(0.0,), params={"alpha": 1.0}, variants=({"alpha": 0.5}, {"alpha": 1.0}, {"alpha": 2.0}),
        ulp_bound=2.0, derivative_ulp_bound=2.0,
        frameworks=Row(layer("nn.CELU", alpha=1.0), fn("keras.activations.celu", alpha=1.0),
                       fn("jax.nn.celu", alpha=1.0)),
    ),
    Activation(
        slug="gelu", name="GELU", fn=gelu, derivative=gelu_derivative,
        latex=r"\operatorname{GELU}(x) = x\,\Phi(x) = \frac{x}{2}\operatorname{erfc}\Bigl(-\frac{x}{\sqrt2}\Bigr)",
        derivative_latex=r"\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x)",
        x_range=(-4.0, 3.0), elementwise=True, family="Smooth ReLU-like", smoothness="C-infinity",
        summary="weights its input by the probability that a standard normal variable is below it",
        origin="[@hendrycks2016]",
        inset=((-2.6, 0.2), (-0.2, 0.05)), ulp_bound=8.0, derivative_ulp_bound=8.0,
        accuracy_note="The bound for GELU is 8 rather than 4 because `scipy.special.erfc` and `erfcx`, "
        "which compute the normal distribution here, are themselves off by several ULP for moderately "
        "negative x; the tail, where common implementations lose every digit, is as accurate as elsewhere.",
        frameworks=Row(layer("nn.GELU", "{0}: exact by default", approximate="none"),
                       fn("keras.activations.gelu", "{0}: exact by default", approximate=False),
                       fn("jax.nn.gelu", "{0}: the tanh approximation by default", approximate=True)),
    ),
    Activation(
        slug="gelu-tanh", name="GELU (tanh)", fn=gelu_tanh, derivative=gelu_tanh_derivative, page="gelu",
        latex=r"\operatorname{GELU}_{\text{tanh}}(x) = \frac{x}{2}\Bigl(1 + \tanh\Bigl(\sqrt{2/\pi}\,\bigl(x + 0.044715\,x^3\bigr)\Bigr)\Bigr)",
        derivative_latex=r"\operatorname{GELU}_{\text{tanh}}'(x) = \sigma(2u) + 2x\,u'(x)\,\sigma'(2u),\quad u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)",
        x_range=(-4.0, 3.0), elementwise=True, family="Smooth ReLU-like", smoothness="C-infinity",
        summary="the tanh approximation of GELU, the default of JAX and of the original BERT and GPT-2 code",
        origin="[@hendrycks2016], section 2",
        inset=((-2.6, 0.2), (-0.2, 0.05)), ulp_bound=4.0, derivative_ulp_bound=8.0,
        frameworks=Row(layer("nn.GELU", approximate="tanh"), fn("keras.activations.gelu", approximate=True),
                       prose("`jax.nn.gelu(x)` (the default)")),
    ),
    Activation(
        slug="silu", name="SiLU / Swish", fn=silu, derivative=silu_derivative,
        latex=r"\operatorname{SiLU}(x) = x\,\sigma(x)",
        derivative_latex=r"\operatorname{SiLU}'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
        x_range=(-6.0, 3.0), elementwise=True, family="Smooth ReLU-like", smoothness="C-infinity",
        summary="its input times the sigmoid of its input: a smooth ReLU with a small negative dip",
        origin="named SiLU in [@hendrycks2016]; used by [@elfwing2017]; found again by automated search, as Swish, by [@ramachandran2017]",
        inset=((-3.4, 0.2), (-0.32, 0.05)), ulp_bound=4.0, derivative_ulp_bound=8.0,
        frameworks=Row(layer("nn.SiLU"), bare("keras.activations.silu", text="{0} (alias `swish`)"),
                       bare("jax.nn.silu", text="{0} (alias `swish`)")),
    ),
    Activation(
        slug="mish", name="Mish", fn=mish, derivative=mish_derivative,
        latex=r"\operatorname{Mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)",
        derivative_latex=r"\operatorname{Mish}'(x) = \tanh(s) + x\,\operatorname{sech}^2(s)\,\sigma(x),\quad s = \operatorname{softplus}(x)",
        x_range=(-6.0, 3.0), elementwise=True, family="Smooth ReLU-like", smoothness="C-infinity",
        summary="its input times tanh of softplus of its input, close to SiLU with a slightly deeper dip",
        origin="[@misra2019]",
        inset=((-3.4, 0.2), (-0.35, 0.05)), ulp_bound=4.0, derivative_ulp_bound=8.0,
        frameworks=Row(layer("nn.Mish"), bare("keras.activations.mish"), bare("jax.nn.mish")),
    ),
    Activation(
        slug="softplus", name="Softplus", fn=softplus, derivative=softplus_derivative,
        latex=r"\operatorname{softplus}(x) = \frac{1}{\beta}\log\bigl(1 + e^{\beta x}\bigr)",
        derivative_latex=r"\operatorname{softplus}'(x) = \sigma(\beta x)",
        x_range=(-5.0, 5.0), elementwise=True, family="Smooth ReLU-like", smoothness="C-infinity",
        summary="a smooth, always positive version of ReLU whose derivative is the sigmoid",
        origin="[@dugas2001]",
        params={"beta": 1.0}, variants=({"beta": 0.5}, {"beta": 1.0}, {"beta": 4.0}),
        ulp_bound=2.0, derivative_ulp_bound=4.0,
        frameworks=Row(layer("nn.Softplus", "{0}: returns x itself where beta x > 20", beta=1.0, threshold=20.0),
                       bare("keras.activations.softplus"), bare("jax.nn.softplus")),
    ),
    Activation(
        slug="squareplus", name="Squareplus", fn=squareplus, derivative=squareplus_derivative,
        latex=r"\operatorname{squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}",
        derivative_latex=r"\operatorname{squareplus}'(x) = \frac12\Bigl(1 + \frac{x}{\sqrt{x^2 + b}}\Bigr)",
        x_range=(-5.0, 5.0), elementwise=True, family="Smooth ReLU-like", smoothness="C-infinity",
        summary="a softplus-like smooth ReLU built from a square root alone, with no exponential or logarithm",
        origin="[@barron2021]",
        params={"b": 4.0}, variants=({"b": 1.0}, {"b": 4.0}, {"b": 16.0}),
        ulp_bound=2.0, derivative_ulp_bound=3.0,
        accuracy_note="For x < 0 squareplus is computed as b / (2 (sqrt(x^2 + b) - x)), which does not cancel; "
        "its sum and divisions each round once, which is what the bounds allow for.",
        frameworks=Row(prose(NONE + " (write it out; the implementation below shows how to avoid its cancellation for x < 0)"),
                       fn("keras.activations.squareplus", b=4), fn("jax.nn.squareplus", b=4)),
    ),
    Activation(
        slug="hard-swish", name="Hard swish", fn=hard_swish, derivative=hard_swish_derivative,
        latex=r"\operatorname{hardswish}(x) = x\,\frac{\operatorname{ReLU6}(x + 3)}{6}",
        derivative_latex=r"\operatorname{hardswish}'(x) = \begin{cases} 0 & x < -3 \\ \tfrac{2x + 3}{6} & -3 \le x \le 3 \\ 1 & x > 3 \end{cases}",
        x_range=(-5.0, 4.0), elementwise=True, family="Smooth ReLU-like", smoothness="C0",
        summary="a piecewise-quadratic SiLU that needs no exponential",
        origin="[@howard2019]",
        kinks=(-3.0, 3.0), inset=((-3.5, 0.2), (-0.42, 0.05)), ulp_bound=2.0, derivative_ulp_bound=2.0,
        frameworks=Row(layer("nn.Hardswish"), bare("keras.activations.hard_silu", text="{0} (alias `hard_swish`)"),
                       bare("jax.nn.hard_silu", text="{0} (alias `hard_swish`)")),
    ),
    Activation(
        slug="hardshrink", name="Hardshrink", fn=hard_shrink, derivative=hard_shrink_derivative,
        latex=r"\operatorname{hardshrink}_\lambda(x) = \begin{cases} x & \lvert x \rvert > \lambda \\ 0 & \lvert x \rvert \le \lambda \end{cases}",
        derivative_latex=r"\operatorname{hardshrink}_\lambda'(x) = \begin{cases} 1 & \lvert x \rvert > \lambda \\ 0 & \lvert x \rvert < \lambda \end{cases}",
        x_range=(-3.0, 3.0), elementwise=True, family="Shrinkage", smoothness="discontinuous",
        summary="sets the inputs within lambda of 0 to 0 and passes the others through unchanged, so it jumps at "
        "minus and plus lambda",
        origin="hard thresholding, the keep-or-kill rule for noisy wavelet coefficients of [@donoho1994]",
        kinks=(-0.5, 0.5), jumps=(-0.5, 0.5), params={"lambd": 0.5},
        variants=({"lambd": 0.25}, {"lambd": 0.5}, {"lambd": 1.0}), derivative_ulp_bound=0.0,
        frameworks=Row(layer("nn.Hardshrink", lambd=0.5),
                       Cell((Call("keras.activations.hard_shrink", {"threshold": 0.5}, takes_x=True,
                                  ours={"threshold": "lambd"}),), "{0}: lambda is called `threshold`"),
                       prose(NONE + " in `jax.nn` (write `jnp.where(jnp.abs(x) > lambd, x, 0)`)")),
    ),
    Activation(
        slug="softshrink", name="Softshrink", fn=soft_shrink, derivative=soft_shrink_derivative,
        latex=r"\operatorname{softshrink}_\lambda(x) = \operatorname{sign}(x)\,\max(\lvert x \rvert - \lambda, 0)"
        r" = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ 0 & \text{otherwise} \end{cases}",
        derivative_latex=r"\operatorname{softshrink}_\lambda'(x) = \begin{cases} 1 & \lvert x \rvert > \lambda \\ 0 & \lvert x \rvert < \lambda \end{cases}",
        x_range=(-3.0, 3.0), elementwise=True, family="Shrinkage", smoothness="C0",
        summary="moves every input lambda towards 0 and sets the inputs within lambda of 0 to 0",
        origin="soft thresholding, the shrinkage rule for noisy wavelet coefficients analysed by [@donoho1995]",
        kinks=(-0.5, 0.5), params={"lambd": 0.5}, variants=({"lambd": 0.25}, {"lambd": 0.5}, {"lambd": 1.0}),
        ulp_bound=0.5, derivative_ulp_bound=0.0,
        frameworks=Row(layer("nn.Softshrink", lambd=0.5),
                       Cell((Call("keras.activations.soft_shrink", {"threshold": 0.5}, takes_x=True,
                                  ours={"threshold": "lambd"}),), "{0}: lambda is called `threshold`"),
                       prose(NONE + " in `jax.nn` (write `jnp.sign(x) * jax.nn.relu(jnp.abs(x) - lambd)`)")),
    ),
    Activation(
        slug="tanhshrink", name="Tanhshrink", fn=tanh_shrink, derivative=tanh_shrink_derivative,
        latex=r"\operatorname{tanhshrink}(x) = x - \tanh(x)",
        derivative_latex=r"\operatorname{tanhshrink}'(x) = 1 - \tanh'(x) = \tanh^2(x)",
        x_range=(-4.0, 4.0), elementwise=True, family="Shrinkage", smoothness="C-infinity",
        summary="its input minus the tanh of its input: nearly flat around 0, where it grows like the cube of x, "
        "and a shifted copy of x far out",
        origin="no paper introduces it that we know of: it comes from the `nn` package of Lua Torch, described "
        "in [@collobert2011], whose modules PyTorch kept",
        ulp_bound=3.0, derivative_ulp_bound=3.0,
        frameworks=Row(layer("nn.Tanhshrink"), bare("keras.activations.tanh_shrink"),
                       prose(NONE + " in `jax.nn` (write `x - jnp.tanh(x)`)")),
    ),
    Activation(
        slug="sine", name="Sine", fn=sine, derivative=sine_derivative,
        latex=r"f(x) = \sin(\omega_0 x)", derivative_latex=r"f'(x) = \omega_0 \cos(\omega_0 x)",
        x_range=(-7.0, 7.0), elementwise=True, family="Periodic", smoothness="C-infinity",
        summary="the sine of its input times a frequency omega_0; the activation of SIREN networks, which fit "
        "signals such as images and sounds as functions of their coordinates",
        origin="[@sitzmann2020], whose SIREN networks multiply the first layer's weighted sum by ω₀ = 30 so that its "
        "sines span many periods over the inputs; the other layers' weights are scaled at initialisation instead",
        params={"omega_0": 1.0}, variants=({"omega_0": 0.5}, {"omega_0": 1.0}, {"omega_0": 2.0}), period=2 * pi,
        ulp_bound=1.0, derivative_ulp_bound=1.0,
        frameworks=Row(fn("torch.sin", "{0}: a tensor function, no activation layer"),
                       fn("keras.ops.sin", "{0}: an operation, not in `keras.activations`"),
                       fn("jax.numpy.sin", "{0}: not in `jax.nn`")),
    ),
    Activation(
        slug="snake", name="Snake", fn=snake, derivative=snake_derivative,
        latex=r"\operatorname{snake}_a(x) = x + \frac{\sin^2(a x)}{a}",
        derivative_latex=r"\operatorname{snake}_a'(x) = 1 + \sin(2 a x) = \bigl(\sin(a x) + \cos(a x)\bigr)^2",
        x_range=(-6.0, 6.0), elementwise=True, family="Periodic", smoothness="C-infinity",
        summary="the identity plus a periodic ripple: it rises like x but its slope repeats for ever, so that a "
        "network can continue a periodic pattern beyond its training data",
        origin="[@ziyin2020]",
        params={"a": 1.0}, variants=({"a": 0.5}, {"a": 1.0}, {"a": 2.0}), period=pi,
        ulp_bound=2.5, derivative_ulp_bound=1.5,
        frameworks=Row(prose(NONE + " (write `x + torch.sin(a * x) ** 2 / a`)"),
                       Cell((Call("tfa.activations.snake", {"frequency": 1}, takes_x=True, ours={"frequency": "a"}),),
                            NONE + " in Keras 3; TensorFlow Addons, no longer developed, has {0}"),
                       prose(NONE + " (write `x + jnp.sin(a * x) ** 2 / a`)")),
    ),
    Activation(
        slug="glu", name="GLU", fn=glu, derivative=None,
        latex=r"\operatorname{GLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \sigma(\mathbf{b})",
        derivative_latex=r"\frac{\partial \operatorname{GLU}}{\partial a} = \sigma(b),\qquad"
        r"\frac{\partial \operatorname{GLU}}{\partial b} = a\,\sigma'(b)",
        x_range=(-4.0, 4.0), elementwise=False, family="Gated", smoothness="C-infinity",
        summary="splits its input in two halves and lets the sigmoid of one half gate the other",
        origin="[@dauphin2017]",
        ulp_bound=2.5,
        frameworks=Row(layer("nn.GLU", "{0}: first half times sigmoid of the second", dim=-1),
                       fn("keras.activations.glu", axis=-1), fn("jax.nn.glu", axis=-1)),
    ),
    Activation(
        slug="geglu", name="GeGLU", fn=geglu, derivative=None,
        latex=r"\operatorname{GeGLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \operatorname{GELU}(\mathbf{b})",
        derivative_latex=r"\frac{\partial \operatorname{GeGLU}}{\partial a} = \operatorname{GELU}(b),\qquad"
        r"\frac{\partial \operatorname{GeGLU}}{\partial b} = a\,\operatorname{GELU}'(b)",
        x_range=(-4.0, 4.0), elementwise=False, family="Gated", smoothness="C-infinity",
        summary="multiplies one half of the input by GELU of the other, a gated unit with a GELU gate",
        origin="[@shazeer2020]",
        ulp_bound=8.5, accuracy_note="GeGLU inherits the 8 ULP bound of GELU (see the GELU page).",
        frameworks=Row(prose(NONE + " (write `a * F.gelu(b)`)"), prose(NONE),
                       prose(NONE + " (write `a * jax.nn.gelu(b, approximate=False)`)")),
    ),
    Activation(
        slug="swiglu", name="SwiGLU", fn=swiglu, derivative=None,
        latex=r"\operatorname{SwiGLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \operatorname{SiLU}(\mathbf{b})",
        derivative_latex=r"\frac{\partial \operatorname{SwiGLU}}{\partial a} = \operatorname{SiLU}(b),\qquad"
        r"\frac{\partial \operatorname{SwiGLU}}{\partial b} = a\,\operatorname{SiLU}'(b)",
        x_range=(-4.0, 4.0), elementwise=False, family="Gated", smoothness="C-infinity",
        summary="multiplies one half of the input by SiLU of the other, a gated unit with a SiLU gate; used in the "
        "feed-forward layers of LLaMA and PaLM",
        origin="[@shazeer2020]",
        ulp_bound=4.5,
        frameworks=Row(prose(NONE + " (write `a * F.silu(b)`)"), prose(NONE),
                       prose(NONE + " (write `a * jax.nn.silu(b)`)")),
    ),
    Activation(
        slug="reglu", name="ReGLU", fn=reglu, derivative=None,
        latex=r"\operatorname{ReGLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \max(\mathbf{b}, 0)",
        derivative_latex=r"\frac{\partial \operatorname{ReGLU}}{\partial a} = \max(b, 0),\qquad"
        r"\frac{\partial \operatorname{ReGLU}}{\partial b} = \begin{cases} a & b > 0 \\ 0 & b < 0 \end{cases}",
        x_range=(-4.0, 4.0), elementwise=False, family="Gated", smoothness="C0",
        summary="multiplies one half of the input by the positive part of the other, a gated unit with a ReLU gate",
        origin="[@shazeer2020]",
        ulp_bound=0.5,
        frameworks=Row(prose(NONE + " (write `a * F.relu(b)`)"), prose(NONE),
                       prose(NONE + " (write `a * jax.nn.relu(b)`)")),
    ),
    Activation(
        slug="softmax", name="Softmax", fn=softmax, derivative=None,
        latex=r"\operatorname{softmax}(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j} e^{x_j}}",
        derivative_latex=r"\frac{\partial\, \operatorname{softmax}(\mathbf{x})_i}{\partial x_j}"
        r" = p_i\,(\delta_{ij} - p_j)",
        x_range=(-6.0, 6.0), elementwise=False, family="Output layers", smoothness="C-infinity",
        summary="turns a vector of scores into probabilities that are positive and sum to 1",
        origin="[@bridle1990]",
        ulp_bound=4.0,
        frameworks=Row(prose("`nn.Softmax(dim)`, `F.softmax(x, dim)`: no usable default axis"),
                       fn("keras.activations.softmax", axis=-1), fn("jax.nn.softmax", axis=-1)),
    ),
    Activation(
        slug="log-softmax", name="Log-softmax", fn=log_softmax, derivative=None,
        latex=r"\operatorname{logsoftmax}(\mathbf{x})_i = x_i - \log \sum_{j} e^{x_j}",
        derivative_latex=r"\frac{\partial\, \operatorname{logsoftmax}(\mathbf{x})_i}{\partial x_j} = \delta_{ij} - p_j",
        x_range=(-6.0, 6.0), elementwise=False, family="Output layers", smoothness="C-infinity",
        summary="the logarithm of softmax, computed without ever forming the small probabilities",
        origin="the logarithm of the softmax of [@bridle1990], whose negative is the cross-entropy loss it is trained with",
        ulp_bound=4.0,
        frameworks=Row(prose("`nn.LogSoftmax(dim)`, `F.log_softmax(x, dim)`"),
                       fn("keras.activations.log_softmax", axis=-1), fn("jax.nn.log_softmax", axis=-1)),
    ),
    Activation(
        slug="softmin", name="Softmin", fn=softmin, derivative=None,
        latex=r"\operatorname{softmin}(\mathbf{x})_i = \frac{e^{-x_i}}{\sum_{j} e^{-x_j}}"
        r" = \operatorname{softmax}(-\mathbf{x})_i",
        derivative_latex=r"\frac{\partial\, \operatorname{softmin}(\mathbf{x})_i}{\partial x_j}"
        r" = -q_i\,(\delta_{ij} - q_j),\qquad \mathbf{q} = \operatorname{softmin}(\mathbf{x})",
        x_range=(-6.0, 6.0), elementwise=False, family="Output layers", smoothness="C-infinity",
        summary="softmax of the negated scores: probabilities that favour the smallest score",
        origin="the softmax of [@bridle1990] applied to the negated scores",
        ulp_bound=4.0,
        frameworks=Row(prose("`nn.Softmin(dim)`, `F.softmin(x, dim)`: no usable default axis"),
                       prose(NONE + " (write `keras.activations.softmax(-x)`)"),
                       prose(NONE + " (write `jax.nn.softmax(-x)`)")),
    ),
    Activation(
        slug="sparsemax", name="Sparsemax", fn=sparsemax, derivative=None,
        latex=r"\operatorname{sparsemax}(\mathbf{x})_i = \max(x_i - \tau, 0),\qquad"
        r"\tau \text{ such that } \textstyle\sum_i \max(x_i - \tau, 0) = 1",
        derivative_latex=r"\frac{\partial\, \operatorname{sparsemax}(\mathbf{x})_i}{\partial x_j}"
        r" = s_i\,\Bigl(\delta_{ij} - \frac{s_j}{\lvert S \rvert}\Bigr),\qquad"
        r" s_i = \begin{cases} 1 & i \in S \\ 0 & i \notin S \end{cases},\quad S = \{\, i : x_i > \tau \,\}",
        x_range=(-3.0, 3.0), elementwise=False, family="Output layers", smoothness="C0",
        summary="the closest probability vector to the scores: like softmax, but low scores get exactly 0",
        origin="[@martins2016], as the Euclidean projection of the scores onto the probability simplex",
        ulp_bound=2.0,
        accuracy_note=("Each output is a difference, (x<sub>i</sub> - max x) - (τ - max x); near the edge of the "
                       "support, where it is much smaller than those two terms, the allowance grows with their ratio."),
        frameworks=Row(prose(NONE), fn("keras.activations.sparsemax", axis=-1), prose(NONE)),
    ),
)

REGISTRY: MappingProxyType[str, Activation] = MappingProxyType({a.slug: a for a in _ENTRIES})
