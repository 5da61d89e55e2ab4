"""The same function in PyTorch, Keras (TensorFlow) and JAX: names and defaults, as documented
by each framework. Facts, not computations: check them against the framework's own docs.

Each call carries its documented defaults as data, so the tests can hold them against the
registry's defaults; the page shows them rendered as code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

NONE = "—"
FRAMEWORK_NAMES = ("PyTorch", "Keras 3 / TensorFlow", "JAX")


@dataclass(frozen=True)
class Call:
    """One documented way to call an activation in a framework, with its default arguments."""

    name: str  # as the framework's documentation spells it, e.g. "nn.LeakyReLU"
    defaults: Mapping[str, object] = field(default_factory=dict)  # in the framework's parameter names
    takes_x: bool = False  # a function of the input, shown as name(x, ...), rather than a layer
    bare: bool = False  # shown as the bare name, without an argument list
    ours: Mapping[str, str] = field(default_factory=dict)  # framework parameter -> ours, where names differ
    # a default that is not a number -> the number it stands for ("Zeros", an initializer, is 0)
    meaning: Mapping[str, float] = field(default_factory=dict)

    def shared_defaults(self) -> dict[str, object]:
        """The defaults in our parameter names and terms, for comparison with the registry."""
        return {self.ours.get(k, k): self.meaning.get(v, v) if isinstance(v, str) else v
                for k, v in self.defaults.items()}

    def code(self) -> str:
        if self.bare:
            return f"`{self.name}`"
        args = (["x"] if self.takes_x else []) + [f"{k}={_literal(v)}" for k, v in self.defaults.items()]
        return f"`{self.name}({', '.join(args)})`"


def _literal(v: object) -> str:
    return f'"{v}"' if isinstance(v, str) else repr(v)


@dataclass(frozen=True)
class Cell:
    """What one framework offers: its calls, set into a sentence (`text`, with {0}, {1}, ... for
    the calls; by default the calls joined by commas)."""

    calls: tuple[Call, ...] = ()
    text: str | None = None

    def render(self) -> str:
        codes = [c.code() for c in self.calls]
        return ", ".join(codes) if self.text is None else self.text.format(*codes)


@dataclass(frozen=True)
class Row:
    torch: Cell
    keras: Cell
    jax: Cell

    def cells(self) -> tuple[Cell, Cell, Cell]:
        return self.torch, self.keras, self.jax

    def texts(self) -> tuple[str, str, str]:
        """The three cells as Markdown, in the order of FRAMEWORK_NAMES."""
        return tuple(c.render() for c in self.cells())


def layer(name: str, text: str | None = None, **defaults) -> Cell:
    """A cell with one layer class, e.g. nn.ELU(alpha=1.0)."""
    return Cell((Call(name, defaults),), text)


def fn(name: str, text: str | None = None, **defaults) -> Cell:
    """A cell with one function of the input, shown with its defaults, e.g. jax.nn.elu(x, alpha=1.0)."""
    return Cell((Call(name, defaults, takes_x=True),), text)


def bare(*names: str, text: str | None = None) -> Cell:
    """A cell naming functions without arguments, e.g. `keras.activations.sigmoid`."""
    return Cell(tuple(Call(n, bare=True) for n in names), text)


def prose(text: str) -> Cell:
    """A cell that names no call with defaults."""
    return Cell((), text)


FRAMEWORKS: dict[str, Row] = {
    "identity": Row(layer("nn.Identity"), bare("keras.activations.linear"), prose("no function: `lambda x: x`")),
    "binary-step": Row(prose("`torch.heaviside(x, values)`: the value at 0 is an argument, no default"), prose(NONE),
                       prose("`jnp.heaviside(x, x0)`: the value at 0 is an argument")),
    "sigmoid": Row(Cell((Call("nn.Sigmoid"), Call("torch.sigmoid", bare=True))), bare("keras.activations.sigmoid"),
                   bare("jax.nn.sigmoid")),
    "tanh": Row(Cell((Call("nn.Tanh"), Call("torch.tanh", bare=True))), bare("keras.activations.tanh"),
                bare("jax.nn.tanh")),
    "hard-sigmoid": Row(layer("nn.Hardsigmoid", "{0}: ReLU6(x + 3) / 6"),
                        bare("keras.activations.hard_sigmoid",
                             text="{0}: ReLU6(x + 3) / 6 in Keras 3; Keras 2 used 0.2 x + 0.5"),
                        bare("jax.nn.hard_sigmoid", text="{0}: ReLU6(x + 3) / 6")),
    "hard-tanh": Row(layer("nn.Hardtanh", min_val=-1.0, max_val=1.0), bare("keras.activations.hard_tanh"),
                     bare("jax.nn.hard_tanh")),
    "softsign": Row(layer("nn.Softsign"), bare("keras.activations.softsign"), bare("jax.nn.soft_sign")),
    "log-sigmoid": Row(layer("nn.LogSigmoid"), bare("keras.activations.log_sigmoid"), bare("jax.nn.log_sigmoid")),
    "relu": Row(layer("nn.ReLU", "{0}; ReLU'(0) = 0"),
                fn("keras.activations.relu", negative_slope=0.0, max_value=None, threshold=0.0),
                bare("jax.nn.relu", text="{0}; ReLU'(0) = 0")),
    "leaky-relu": Row(layer("nn.LeakyReLU", negative_slope=0.01),
                      Cell((Call("keras.layers.LeakyReLU", {"negative_slope": 0.3}),
                            Call("keras.activations.leaky_relu", {"negative_slope": 0.2}, takes_x=True)),
                           "{0}, but {1}"),
                      fn("jax.nn.leaky_relu", "{0}; slope 1 at 0 (x >= 0 is the linear side)", negative_slope=0.01)),
    "prelu": Row(Cell((Call("nn.PReLU", {"num_parameters": 1, "init": 0.25}, ours={"init": "weight"}),)),
                 Cell((Call("keras.layers.PReLU", {"alpha_initializer": "Zeros"},
                            ours={"alpha_initializer": "weight"}, meaning={"Zeros": 0.0}),), "{0}: starts as ReLU"),
                 prose("no function in `jax.nn`; Flax has a `PReLU` layer")),
    "relu6": Row(layer("nn.ReLU6"), bare("keras.activations.relu6"), bare("jax.nn.relu6")),
    "elu": Row(layer("nn.ELU", alpha=1.0), fn("keras.activations.elu", alpha=1.0), fn("jax.nn.elu", alpha=1.0)),
    "selu": Row(layer("nn.SELU"), bare("keras.activations.selu"), bare("jax.nn.selu")),
    "celu": Row(layer("nn.CELU", alpha=1.0), fn("keras.activations.celu", alpha=1.0), fn("jax.nn.celu", alpha=1.0)),
    "gelu": Row(layer("nn.GELU", "{0}: exact by default", approximate="none"),
                fn("keras.activations.gelu", "{0}: exact by default", approximate=False),
                fn("jax.nn.gelu", "{0}: the tanh approximation by default", approximate=True)),
    "gelu-tanh": Row(layer("nn.GELU", approximate="tanh"), fn("keras.activations.gelu", approximate=True),
                     prose("`jax.nn.gelu(x)` (the default)")),
    "silu": Row(layer("nn.SiLU"), bare("keras.activations.silu", text="{0} (alias `swish`)"),
                bare("jax.nn.silu", text="{0} (alias `swish`)")),
    "mish": Row(layer("nn.Mish"), bare("keras.activations.mish"), bare("jax.nn.mish")),
    "softplus": Row(layer("nn.Softplus", "{0}: returns x itself where beta x > 20", beta=1.0, threshold=20.0),
                    bare("keras.activations.softplus"), bare("jax.nn.softplus")),
    "hard-swish": Row(layer("nn.Hardswish"), bare("keras.activations.hard_silu", text="{0} (alias `hard_swish`)"),
                      bare("jax.nn.hard_silu", text="{0} (alias `hard_swish`)")),
    "glu": Row(layer("nn.GLU", "{0}: first half times sigmoid of the second", dim=-1),
               fn("keras.activations.glu", axis=-1), fn("jax.nn.glu", axis=-1)),
    "geglu": Row(prose(NONE + " (write `a * F.gelu(b)`)"), prose(NONE),
                 prose(NONE + " (write `a * jax.nn.gelu(b, approximate=False)`)")),
    "swiglu": Row(prose(NONE + " (write `a * F.silu(b)`)"), prose(NONE), prose(NONE + " (write `a * jax.nn.silu(b)`)")),
    "softmax": Row(prose("`nn.Softmax(dim)`, `F.softmax(x, dim)`: no usable default axis"),
                   fn("keras.activations.softmax", axis=-1), fn("jax.nn.softmax", axis=-1)),
    "log-softmax": Row(prose("`nn.LogSoftmax(dim)`, `F.log_softmax(x, dim)`"), fn("keras.activations.log_softmax", axis=-1),
                       fn("jax.nn.log_softmax", axis=-1)),
}

# Documented defaults that differ from ours on purpose, (slug, call name, our parameter) -> why.
KNOWN_DIFFERENCES: dict[tuple[str, str, str], str] = {
    ("leaky-relu", "keras.layers.LeakyReLU", "negative_slope"): "Keras's layer keeps the 0.3 of Keras 2",
    ("leaky-relu", "keras.activations.leaky_relu", "negative_slope"): "Keras's function defaults to 0.2",
    ("prelu", "keras.layers.PReLU", "weight"): "Keras starts the learned slope at 0, as a ReLU",
}
