"""pytest plugin for `make mutation` (mutmut): the page generators imported as `scripts.<name>`,
and no test that needs a built site.

mutmut names a mutant after its file (scripts/properties.py gives `scripts.properties`) and
switches it on only inside the module of that name, while the scripts and the tests import one
another as top-level modules (`from properties import compute`). Here every top-level import of
a script returns the module `scripts.<name>` itself, one module object under both names, so the
mutants of the generators are switched on wherever they are called.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
NAMES = frozenset(p.stem for p in SCRIPTS.glob("*.py"))


class ScriptsAsPackage(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds `name` for a script name, and loads it as the already imported `scripts.name`."""

    def find_spec(self, name, path=None, target=None):
        if path is None and name in NAMES:
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return importlib.import_module(f"scripts.{spec.name}")

    def exec_module(self, module):
        pass  # create_module returned a module that has already run


def pytest_configure(config):
    sys.path.insert(0, str(SCRIPTS))  # as tests/conftest.py does, for `examples`
    sys.meta_path.insert(0, ScriptsAsPackage())


def pytest_collection_modifyitems(config, items):
    # A site build takes minutes: far too long to run once per mutant.
    slow = [item for item in items if "site" in getattr(item, "fixturenames", ())]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]
