"""The same function in PyTorch, Keras (TensorFlow) and JAX: names and defaults, as documented
by each framework. Facts, not computations: check them against the framework's own docs.

Each registry entry carries its row; each call carries its documented defaults as data, so the
tests can hold them against the registry's defaults; the page shows them rendered as code.
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
    # our parameter -> why this documented default differs from ours on purpose
    differs: Mapping[str, str] = field(default_factory=dict)

    def shared_defaults(self) -> dict[str, object]:
        """The defaults in our parameter names and terms, for comparison with the registry."""
        return {self.ours.get(k, k): self.meaning.get(v, v) if isinstance(v, str) else v
                for k, v in self.defaults.items()}

    def code(self) -> str:
        """The call as inline Markdown code, with its defaults."""
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
        """The cell as Markdown."""
        codes = [c.code() for c in self.calls]
        return ", ".join(codes) if self.text is None else self.text.format(*codes)


@dataclass(frozen=True)
class Row:
    """One activation in the three frameworks, in the order of FRAMEWORK_NAMES."""

    torch: Cell
    keras: Cell
    jax: Cell

    def cells(self) -> tuple[Cell, Cell, Cell]:
        """The three cells, in the order of FRAMEWORK_NAMES."""
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
