"""What the package exports: every registry function under its own name, and nothing else."""

import ast
import inspect
from pathlib import Path

import activations
from activations import REGISTRY

NOT_FUNCTIONS = {"FAMILIES", "REGISTRY", "SMOOTHNESS", "Activation"}


def _registry_functions() -> dict[str, object]:
    return {f.__name__: f for a in REGISTRY.values() for f in (a.fn, a.derivative) if f is not None}


def test_every_registry_function_is_exported_under_its_own_name():
    for name, f in _registry_functions().items():
        assert name in activations.__all__, f"{name} is not in activations.__all__"
        assert getattr(activations, name) is f, f"activations.{name} is not the registry's {name}"


def test_the_package_exports_the_registry_functions_and_nothing_else():
    assert not [n for n in activations.__all__ if n.startswith("_")], "a private name is exported"
    assert set(activations.__all__) == set(_registry_functions()) | NOT_FUNCTIONS
    assert len(activations.__all__) == len(set(activations.__all__)), "a name is exported twice"
    namespace: dict[str, object] = {}
    exec("from activations import *", namespace)  # what a star import really binds
    assert set(namespace) - {"__builtins__"} == set(activations.__all__)


def test_each_module_with_a_registry_function_lists_exactly_its_public_functions():
    """A module's __all__ is where a new function is added; one it forgot would not be exported."""
    for module in {inspect.getmodule(f) for f in _registry_functions().values()}:
        tree = ast.parse(Path(module.__file__).read_text())
        # (names with __mutmut_ are the copies `make mutation` writes next to each function)
        defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
                   and "__mutmut_" not in n.name]
        assert getattr(module, "__all__", None) == defined, f"{module.__name__}: __all__ is not {defined}"
