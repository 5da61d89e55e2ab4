"""Generated outputs: what each one depends on, and writing it only when its bytes change.

Every output records a fingerprint of its inputs (the files it depends on, the library
versions) in a stamp file. A run renders an output only when that fingerprint changed, the
file is missing, or the file no longer matches what was written; a rendered output is written
only when its bytes differ from the file on disk, so unchanged files keep their timestamps.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from freshness import RECORD, STAMPS, VERSIONED as _VERSIONED, forget

ROOT = Path(__file__).resolve().parents[2]
GENERATORS = Path(__file__).resolve().parent  # this folder: an output names the generator modules it depends on
GENERATED = ROOT / "docs" / "generated"


@dataclass(frozen=True)
class Output:
    """One generated file: where it goes, how to make its bytes, and what it is made from."""

    path: str  # relative to the generated folder, with forward slashes
    render: Callable[[], bytes]
    deps: tuple[Path, ...]  # source files whose content decides the bytes
    # Outputs of one group are rendered by one process, one after the other, so that work they
    # have in common (a figure laid out once, see `shared`) is done once. "" is the group named by
    # the output's own path, which its translations join (messages.translated_twins).
    group: str = ""
    # A rough guess of the seconds rendering takes, for the few outputs that take a second or more: the
    # groups with the costliest outputs start first, so that a long render does not start last and end
    # the run alone.
    cost: float = 0.0


@dataclass
class Report:
    written: list[str] = field(default_factory=list)  # rendered, and the bytes changed
    unchanged: list[str] = field(default_factory=list)  # rendered, same bytes: not touched
    fresh: list[str] = field(default_factory=list)  # fingerprint matched: not even rendered
    removed: list[str] = field(default_factory=list)  # no output of that name any more
    seconds: dict[str, float] = field(default_factory=dict)  # how long each rendered output took
    processes: int = 0  # how many processes rendered them


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def versions() -> str:
    """The versions of the libraries that can change an output's bytes, as fingerprints hash them."""
    return "".join(f"{dist}=={metadata.version(dist)}" for dist in _VERSIONED)


def fingerprint(output: Output, file_digests: dict[Path, str] | None = None, library_versions: str | None = None) -> str:
    """Hash of everything the output's bytes depend on; file_digests caches each file's hash
    within one run, since most outputs share their dependencies, and library_versions is versions(),
    looked up once per run (a lookup reads the installed packages' metadata: 1.5 ms each)."""
    digests = {} if file_digests is None else file_digests
    h = hashlib.sha256(output.path.encode())
    for dep in sorted(set(output.deps)):
        if dep not in digests:
            digests[dep] = _sha(dep.read_bytes())
        h.update(f"{dep.relative_to(ROOT)}={digests[dep]}".encode())
    h.update((versions() if library_versions is None else library_versions).encode())
    return h.hexdigest()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write data to path unless the file already holds exactly these bytes; True if written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


_PENDING: list[list[Output]] = []  # what the forked workers render, by group index (renderers are closures)
_SHARED: dict | None = None  # work the outputs of a group share, while a run renders (None outside one)


def shared(key, compute: Callable[[], object]):
    """compute(), done once per key in each process of a run: what several outputs of one group
    need (their figure's layout, say) is computed by the first and reused by the others."""
    if _SHARED is None:
        return compute()
    if key not in _SHARED:
        _SHARED[key] = compute()
    return _SHARED[key]


_GROUP: dict = {}  # what the group being rendered holds open (group_context), by key
_GROUP_EXIT = contextlib.ExitStack()  # closes it when the group is done, or at exit outside a run
atexit.register(_GROUP_EXIT.close)


def group_context(key, opener: Callable[[], contextlib.AbstractContextManager]):
    """The value of the context manager opener(), entered once per key by the outputs of the group being
    rendered and exited when the group is done: what its outputs use in turn, such as the kernel a
    language's experiments run in."""
    if key not in _GROUP:
        _GROUP[key] = _GROUP_EXIT.enter_context(opener())
    return _GROUP[key]


def _render_group(i: int) -> tuple[int, list[tuple[bytes, float]]]:
    """Group i's outputs rendered, each with the seconds it took."""
    done = []
    try:
        for o in _PENDING[i]:
            start = time.perf_counter()
            data = o.render()
            done.append((data, time.perf_counter() - start))
    finally:
        _GROUP.clear()
        _GROUP_EXIT.close()
    return i, done


def _groups(outputs: list[Output]) -> list[list[int]]:
    """Indices of outputs, one list per group: the costliest groups first, the others in the order
    each group first appears."""
    groups: dict[str, list[int]] = {}
    for i, o in enumerate(outputs):
        groups.setdefault(o.group or o.path, []).append(i)
    return sorted(groups.values(), key=lambda group: -max(outputs[i].cost for i in group))


def _render_all(outputs: list[Output], done: Callable[[Output, float], None] | None = None,
                started: Callable[[int], None] | None = None) -> list[bytes]:
    """Render outputs, group by group, in forked worker processes when there are several and fork
    exists; started(processes) is called once the workers exist, done(output, seconds) as each
    group's outputs come back."""
    global _SHARED
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)
    groups = _groups(outputs)
    out: list[bytes] = [b""] * len(outputs)
    _SHARED = {}
    _PENDING[:] = [[outputs[i] for i in group] for group in groups]
    try:
        # Forking a process that runs other threads can deadlock (and warns from Python 3.12 on), so
        # a threaded caller, such as a test session with a server running, renders in-process. The
        # caller's own progress display starts its thread only once the workers are forked (started).
        processes = min(workers, len(groups))
        if processes < 2 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
            results = map(_render_group, range(len(groups)))
            pool, processes = None, 1
        else:
            pool = multiprocessing.get_context("fork").Pool(processes)
            results = pool.imap_unordered(_render_group, range(len(groups)), chunksize=1)
        if started is not None:
            started(processes)
        try:
            for g, rendered in results:
                for i, (data, seconds) in zip(groups[g], rendered):
                    out[i] = data
                    if done is not None:
                        done(outputs[i], seconds)
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
    finally:
        _PENDING.clear()
        _SHARED = None
    return out


def generate(outputs: Iterable[Output], out_dir: Path = GENERATED, done: Callable[[Output, float], None] | None = None,
             stale_found: Callable[[list[Output]], None] | None = None, known: dict[Path, str] | None = None) -> Report:
    """Bring out_dir up to date with outputs and remove files that no output produces; stale_found
    is told which outputs will be rendered once the processes that render them exist (a progress
    display may then start a thread), done(output, seconds) as each one is rendered; known:
    the digests of files taken before the generators were imported (the code that runs)."""
    outputs = list(outputs)
    names = [o.path for o in outputs]
    if len(set(names)) != len(names):
        raise ValueError("two outputs share a path: " + ", ".join(sorted({n for n in names if names.count(n) > 1})))
    stamp_file = out_dir / STAMPS
    if out_dir.is_dir():
        forget(out_dir)  # whatever this run leaves, only a full run (generate.py) records it as complete
    try:
        stamps = json.loads(stamp_file.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        stamps = {}
    new_stamps, report, file_digests = {}, Report(), dict(known or {})
    library_versions = versions()
    keys = {o.path: fingerprint(o, file_digests, library_versions) for o in outputs}
    stale = []
    for output in outputs:
        target = out_dir / output.path
        old = stamps.get(output.path, {})
        if old.get("inputs") == keys[output.path] and target.is_file() and _sha(target.read_bytes()) == old.get("bytes"):
            report.fresh.append(output.path)
            new_stamps[output.path] = {"inputs": keys[output.path], "bytes": old["bytes"]}
        else:
            stale.append(output)

    def started(processes: int) -> None:
        report.processes = processes if stale else 0
        if stale_found is not None:
            stale_found(stale)

    def rendered(output: Output, seconds: float) -> None:
        report.seconds[output.path] = seconds
        if done is not None:
            done(output, seconds)

    for output, data in zip(stale, _render_all(stale, rendered, started)):
        (report.written if write_if_changed(out_dir / output.path, data) else report.unchanged).append(output.path)
        new_stamps[output.path] = {"inputs": keys[output.path], "bytes": _sha(data)}
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file()) if out_dir.is_dir() else []:
        rel = path.relative_to(out_dir).as_posix()
        if rel not in (STAMPS, RECORD) and rel not in new_stamps:
            path.unlink()
            report.removed.append(rel)
    write_if_changed(stamp_file, (json.dumps(new_stamps, indent=1, sort_keys=True) + "\n").encode())
    return report
