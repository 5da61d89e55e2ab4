"""The generated files the pages include, read as the tests check them: docs/generated/<rel>.

Every test reads them through `read` (called as `generated.read`, so that `make mutation`'s plugin
can hand the tests what the generator renders under each mutant instead of the file on disk).
"""

from __future__ import annotations

from conftest import ROOT

GENERATED = ROOT / "docs" / "generated"


def read(rel: str) -> str:
    """The whole file, header line included, as `make figures` wrote it."""
    return (GENERATED / rel).read_text(encoding="utf-8")
