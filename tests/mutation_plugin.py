"""pytest plugin for `make mutation` (mutmut): the page generators imported under the names mutmut
gives their mutants (`scripts.generators.<name>`), generated facts and tables rendered afresh where
the tests read them, and no test that needs a built site.

mutmut names a mutant after its file (scripts/generators/properties.py gives
`scripts.generators.properties`) and switches it on only inside the module of that name, while the
scripts and the tests import one another as top-level modules (`from properties import compute`).
Here every top-level import of a script returns the module of its file's dotted path itself, one
module object under both names, so the mutants of the generators are switched on wherever they are
called.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
FOLDERS = ("generators", "hooks", "tools", "")  # the folders tests/conftest.py puts on the path
# a script's top-level name -> the module name mutmut gives its file: properties -> scripts.generators.properties
MODULES = {p.stem: ".".join(("scripts", *p.relative_to(SCRIPTS).with_suffix("").parts))
           for folder in FOLDERS for p in (SCRIPTS / folder).glob("*.py")}


class ScriptsAsPackage(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds `name` for a script name, and loads it as the already imported `scripts.<folder>.name`."""

    def find_spec(self, name, path=None, target=None):
        if path is None and name in MODULES:
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return importlib.import_module(MODULES[spec.name])

    def exec_module(self, module):
        pass  # create_module returned a module that has already run


def pytest_configure(config):
    sys.path.insert(0, str(SCRIPTS))  # as tests/conftest.py does, for `examples`
    sys.meta_path.insert(0, ScriptsAsPackage())
    import accuracy_grid  # (tests/ is on the path: mutmut runs pytest from the repository's copy)

    accuracy_grid.IN_THIS_PROCESS = True  # mutmut must see the accuracy tests call the functions


def _clear_caches():
    """Empty every functools cache of the package and the scripts. Each mutant's tests run in a
    process forked from the one that ran the clean tests, where a cached value (properties_row,
    say) would hide the mutant; and mutmut maps a function to the tests that call it, which a
    cache hit skips."""
    for name, module in list(sys.modules.items()):
        if name.startswith(("scripts.", "activations")):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _rendered(rel: str) -> str:
    """A generated Markdown file as the generator renders it now, under the active mutant, instead
    of the copy on disk that `make figures` wrote from the unmutated code; other files from disk."""
    import generate

    outputs = {o.path: o for o in generate.all_outputs()}
    if not rel.endswith(".md") or rel not in outputs:
        return _ON_DISK(rel)
    return outputs[rel].render().decode()


_ON_DISK = None


_CLEARED_THIS_SESSION = False


def pytest_sessionstart(session):
    global _CLEARED_THIS_SESSION
    _CLEARED_THIS_SESSION = False


def pytest_runtest_setup(item):
    global _ON_DISK, _CLEARED_THIS_SESSION
    from mutmut.mutation.trampoline import get_mutant_under_test

    # While mutmut maps functions to tests ("stats"), every test must compute afresh; under a
    # mutant (one pytest session each) emptying the caches once is enough, and keeps a test run
    # from recomputing every property row for each test.
    if get_mutant_under_test() == "stats" or not _CLEARED_THIS_SESSION:
        _clear_caches()
        _CLEARED_THIS_SESSION = True
    # The tests read the facts and tables the pages include from docs/generated/ through
    # tests/generated.py; a mutant of the script that writes them must reach what they read.
    import generated

    if generated.read is not _rendered:
        _ON_DISK = generated.read
        generated.read = _rendered


def pytest_collection_modifyitems(config, items):
    # A site build takes minutes: far too long to run once per mutant.
    # So does test_generation's first_run, which renders every output, figures included.
    slow = [item for item in items if {"site", "first_run"} & set(getattr(item, "fixturenames", ()))]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]
