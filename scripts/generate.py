"""Write every figure and table the pages include into docs/generated/: `make figures`.

Each module in generators/ with an outputs() function lists what it writes; an output is rendered
only when what it depends on changed, and written only when its bytes changed (see
generators/outputs.py). When nothing at all changed since the last full run, that is known before
any generator is imported (generators/freshness.py).
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

GENERATORS = Path(__file__).resolve().parent / "generators"
sys.path.insert(0, str(GENERATORS))  # they import one another by name

import freshness  # noqa: E402

GENERATED = freshness.ROOT / "docs" / "generated"


def modules() -> tuple:
    """Every module of generators/ with an outputs() listing what it writes, by name; importing them
    imports matplotlib and the rest."""
    found = (importlib.import_module(path.stem) for path in sorted(GENERATORS.glob("*.py")))
    return tuple(module for module in found if callable(getattr(module, "outputs", None)))


def all_outputs() -> list:
    from messages import translated_twins

    english = [o for module in modules() for o in module.outputs()]
    return english + translated_twins(english)


def writer(path: str) -> Path | None:
    """The generator module that writes docs/generated/<path> (a translation: its original's), if any."""
    from messages import translated_twins

    for module in modules():
        own = module.outputs()
        if any(o.path == path for o in own + translated_twins(own)):
            return Path(module.__file__)
    return None


# What a person waits for, stage by stage: an output's stage is told by its kind of file.
STAGES = (("experiments", (".ipynb",)), ("figures", (".svg",)), ("interactive data", (".json",)), ("tables and text", ()))


def stage(path: str) -> str:
    """The stage an output belongs to: the first whose suffixes match, else the last."""
    return next((name for name, suffixes in STAGES if suffixes and path.endswith(suffixes)), STAGES[-1][0])


def stage_lines(report, outputs: list) -> list[str]:
    """One line per stage: how many outputs it has, how many were rendered and written, and the
    seconds the renderers spent on them (summed over the worker processes)."""
    lines = []
    for name, _ in STAGES:
        paths = [o.path for o in outputs if stage(o.path) == name]
        rendered = [p for p in paths if p in report.seconds]
        written = set(report.written) & set(paths)
        lines.append(f"  {name:<17}{len(paths):>4} outputs: {len(rendered):>4} rendered, {len(written):>4} written "
                     f"({sum(report.seconds[p] for p in rendered):.1f} s rendering)")
    return lines


class _Bars:
    """A live bar per stage on a terminal (rich); nothing until the summary elsewhere (CI, a log)."""

    def __init__(self):
        self.progress = self.tasks = None

    def start(self, stale: list) -> None:
        if not stale or not sys.stdout.isatty():
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("  {task.description:<17}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        counts = {name: sum(stage(o.path) == name for o in stale) for name, _ in STAGES}
        self.tasks = {name: self.progress.add_task(name, total=n) for name, n in counts.items() if n}
        self.progress.start()

    def advance(self, output, _seconds: float) -> None:
        if self.progress is not None:
            self.progress.advance(self.tasks[stage(output.path)])

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def main(out_dir: Path = GENERATED, verbose: bool = False) -> int:
    start = time.perf_counter()
    fresh = freshness.up_to_date(out_dir)
    if fresh is not None:
        print(f"figures and tables: {fresh} up to date, nothing changed since the last run "
              f"({time.perf_counter() - start:.2f} s)")
        return 0
    # The code's digests are taken before it is imported: an edit made while this run imports or
    # renders is then seen by the next run, not recorded as done with the code that ran.
    known = freshness.watched_digests()
    from outputs import generate

    outputs = all_outputs()
    deps = {dep for o in outputs for dep in o.deps}
    inputs = freshness.inputs_digest(deps, known)
    bars = _Bars()
    try:
        report = generate(outputs, out_dir, done=bars.advance, stale_found=bars.start, known=known)
    finally:
        bars.stop()
    freshness.record(out_dir, deps, inputs)
    if verbose:
        for label, paths in (("written", report.written), ("removed", report.removed)):
            for path in paths:
                print(f"  {label}: {path}")
    print("\n".join(stage_lines(report, outputs)))
    processes = f", rendered in {report.processes} processes: a stage's seconds are their sum" if report.processes > 1 else ""
    print(f"figures and tables: {len(report.written)} written, {len(report.unchanged)} rendered but unchanged, "
          f"{len(report.fresh)} up to date, {len(report.removed)} removed "
          f"({time.perf_counter() - start:.2f} s{processes})")
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Bring docs/generated/ up to date (only what changed).")
    parser.add_argument("out_dir", nargs="?", type=Path, default=GENERATED, help="where to write (default: docs/generated)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every file written or removed")
    parser.add_argument("--which", metavar="FILE", help="name the generator that writes FILE (under docs/generated/), "
                        "and do nothing else")
    args = parser.parse_args()
    if args.which is not None:
        full = Path(args.which).resolve()
        if not args.which or full.is_dir():
            sys.exit(f"--which takes a file under docs/generated/, not {args.which or 'nothing'}")
        found = writer(full.relative_to(GENERATED).as_posix() if full.is_relative_to(GENERATED) else Path(args.which).as_posix())
        if found is None:
            sys.exit(f"no generator writes {args.which} (they write the files under docs/generated/)")
        print(found.relative_to(freshness.ROOT))
        sys.exit(0)
    sys.exit(main(args.out_dir, args.verbose))
