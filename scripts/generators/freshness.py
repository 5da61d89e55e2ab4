"""Whether the generated folder is what the last full run left, decided without importing a generator.

A full run (`make figures` with something to do) records a digest of its inputs: every file a
generator or an output depends on, the library versions. A later run whose inputs hash the same,
and whose folder holds exactly the bytes that run wrote, has nothing to do, and says so before
importing matplotlib, scipy or the notebook machinery (the no-op `make figures`).
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAMPS = ".stamps.json"  # per output: the fingerprint of its inputs and the hash of its bytes (outputs.py)
RECORD = ".inputs.json"  # the last full run's inputs
VERSIONED = ("numpy", "matplotlib")  # libraries whose version can change an output's bytes
# What decides which outputs there are and how each is made: the generators, the packages they
# import, the experiments, the catalogues and the pinned versions. A file in none of these that an
# output depends on is in the record's own list.
WATCHED = ("scripts/generate.py", "scripts/generators", "src", "docs/experiments", "locale", "requirements.lock")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _watched_files() -> list[Path]:
    files = []
    for name in WATCHED:
        path = ROOT / name
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return files


def file_digests(paths: Iterable[Path]) -> dict[Path, str]:
    """Each file's sha256 ("missing" for a file that is not there)."""
    return {p: _sha(p.read_bytes()) if p.is_file() else "missing" for p in paths}


def watched_digests() -> dict[Path, str]:
    """The digests of the watched files: taken before a run imports the generators, so that the run
    is recorded with the code it ran, whatever is edited while it runs."""
    return file_digests(_watched_files())


def inputs_digest(deps: Iterable[Path], known: dict[Path, str] | None = None) -> str:
    """sha256 over the watched files and deps (path and content; a missing file counts as missing),
    the library versions and Python's; known: digests already taken (watched_digests())."""
    digests = dict(known) if known is not None else watched_digests()
    for path in set(_watched_files()) | set(deps):
        if path not in digests:
            digests[path] = file_digests([path])[path]
    h = hashlib.sha256()
    for path in sorted(digests):
        h.update(f"{path.relative_to(ROOT).as_posix()}={digests[path]}\n".encode())
    for dist in VERSIONED:
        h.update(f"{dist}=={metadata.version(dist)}\n".encode())
    h.update(f"python=={platform.python_version()}\n".encode())
    return h.hexdigest()


def record(out_dir: Path, deps: Iterable[Path], inputs: str) -> None:
    """Note the inputs (inputs_digest(deps), taken before it rendered) of the full run that just
    brought out_dir up to date."""
    data = {"inputs": inputs, "deps": sorted({d.relative_to(ROOT).as_posix() for d in deps})}
    (out_dir / RECORD).write_text(json.dumps(data, indent=1) + "\n")


def forget(out_dir: Path) -> None:
    """Drop the record: a run that may leave out_dir other than a full run would is under way."""
    (out_dir / RECORD).unlink(missing_ok=True)


def up_to_date(out_dir: Path) -> int | None:
    """The number of outputs if out_dir is exactly what the last full run left and no input changed
    since; None if a run has work to do."""
    try:
        rec = json.loads((out_dir / RECORD).read_text())
        stamps = json.loads((out_dir / STAMPS).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if rec.get("inputs") != inputs_digest(ROOT / d for d in rec.get("deps", [])):
        return None
    on_disk = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()}
    if on_disk != set(stamps) | {STAMPS, RECORD}:
        return None
    for rel, stamp in stamps.items():
        if _sha((out_dir / rel).read_bytes()) != stamp.get("bytes"):
            return None
    return len(stamps)
