"""`make mutation` copies the project into mutants/ as [tool.mutmut] lists it: a generator missing
from both lists is absent there, and the run stops before testing a single mutant."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_generator_is_mutated_or_copied_and_every_listed_path_exists():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    listed = set(config["source_paths"]) | set(config["also_copy"])
    for path in sorted(listed):
        assert (ROOT / path).exists(), f"[tool.mutmut] lists {path}, which does not exist"
    for folder in ("scripts/generators", "scripts/hooks"):
        for script in sorted((ROOT / folder).glob("*.py")):
            rel = script.relative_to(ROOT).as_posix()
            assert rel in listed or folder in listed, f"{rel} is neither mutated nor copied by make mutation"
    for test in config["pytest_add_cli_args_test_selection"]:
        assert (ROOT / test).is_file(), test
