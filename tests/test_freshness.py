"""The no-op `make figures`: nothing changed is known before any generator is imported, and any change
to an input or an output is seen (generators/freshness.py)."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from importlib import metadata

import pytest

import freshness
import generate
import outputs as outputs_module
from conftest import ROOT
from outputs import GENERATED, Output
from outputs import generate as run

HEAVY = ("matplotlib", "scipy", "nbclient", "jupytext", "numpy", "babel", "activations")


def test_a_second_run_imports_no_generator_and_touches_nothing():
    generate.main()  # as `make figures` left it (a no-op when it did)
    before = {p: p.stat().st_mtime_ns for p in GENERATED.rglob("*") if p.is_file()}
    probe = ("import runpy, sys\nsys.argv = ['generate.py']\ntry:\n    runpy.run_path(sys.argv[1], run_name='__main__')\n"
             "except SystemExit:\n    pass\nprint(sorted({m.split('.')[0] for m in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", probe.replace("sys.argv[1]", repr(str(ROOT / "scripts" / "generate.py")))],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    said, imported = result.stdout.strip().splitlines()[-2:]
    assert "up to date, nothing changed" in said, result.stdout
    assert not set(HEAVY) & set(ast.literal_eval(imported)), imported
    assert {p: p.stat().st_mtime_ns for p in GENERATED.rglob("*") if p.is_file()} == before


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A repository of three files (a generator, a package module, a page an output reads) and a
    generated folder a full run left: (root, out, the dependency)."""
    root = tmp_path / "repo"
    for rel in ("scripts/generators/gen.py", "src/pkg/mod.py", "docs/page.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"{rel}\n")
    monkeypatch.setattr(freshness, "ROOT", root)
    monkeypatch.setattr(outputs_module, "ROOT", root)  # the outputs' own stamps name their inputs from there too
    out, dep = tmp_path / "generated", root / "docs" / "page.md"
    outputs = [Output("a.txt", lambda: b"a", (dep,)), Output("b/c.txt", lambda: b"c", (dep,))]
    inputs = freshness.inputs_digest([dep])
    run(outputs, out)
    freshness.record(out, [dep], inputs)
    assert freshness.up_to_date(out) == 2
    return root, out, dep


@pytest.mark.parametrize("change", ["generator", "package", "new module", "dependency", "deleted dependency", "version"])
def test_a_changed_input_means_work(tree, monkeypatch, change):
    root, out, dep = tree
    if change == "generator":
        (root / "scripts/generators/gen.py").write_text("changed\n")
    elif change == "package":
        (root / "src/pkg/mod.py").write_text("changed\n")
    elif change == "new module":  # a new experiment or generator makes new outputs
        (root / "src/pkg/new.py").write_text("")
    elif change == "dependency":
        dep.write_text("changed\n")
    elif change == "deleted dependency":
        dep.unlink()
    else:
        real = metadata.version
        monkeypatch.setattr(freshness.metadata, "version", lambda d: "0.0" if d == "numpy" else real(d))
    assert freshness.up_to_date(out) is None


@pytest.mark.parametrize("change", ["edited", "deleted", "stray", "no record", "partial run"])
def test_a_changed_output_folder_means_work(tree, change):
    _root, out, dep = tree
    if change == "edited":
        (out / "b/c.txt").write_bytes(b"C")
    elif change == "deleted":
        (out / "a.txt").unlink()
    elif change == "stray":
        (out / "b/d.txt").write_bytes(b"d")
    elif change == "no record":
        (out / freshness.RECORD).unlink()
    else:  # a run of some outputs only leaves the folder other than a full run: it is no longer known complete
        run([Output("a.txt", lambda: b"a", (dep,))], out)
    assert freshness.up_to_date(out) is None


def test_the_record_names_every_dependency_of_the_full_run():
    record = json.loads((GENERATED / freshness.RECORD).read_text())
    deps = {d.relative_to(ROOT).as_posix() for o in generate.all_outputs() for d in o.deps}
    assert set(record["deps"]) == deps


def _run_generate(out, *args, tty=False, command=None):
    command = command or [sys.executable, str(ROOT / "scripts" / "generate.py"), str(out), *args]
    if not tty:
        return subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    import pty

    primary, secondary = pty.openpty()
    process = subprocess.Popen(command, stdout=secondary, stderr=secondary, cwd=ROOT)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait() == 0
    os.close(primary)
    return b"".join(chunks).decode(errors="replace")


@pytest.fixture
def stale_copy(tmp_path):
    """docs/generated as `make figures` left it, less two outputs (a figure and a table) and the record."""
    out = tmp_path / "generated"
    import shutil

    generate.main()
    shutil.copytree(GENERATED, out)
    for rel in (freshness.RECORD, "figures/relu-dark.svg", "properties/relu.md"):
        (out / rel).unlink()
    return out


def test_a_run_says_one_line_per_stage_and_names_files_only_when_asked(stale_copy):
    said = _run_generate(stale_copy)
    lines = {line.split()[0]: line for line in said.splitlines() if line.startswith("  ")}
    assert set(lines) == {"experiments", "figures", "interactive", "tables"}, said
    assert " 1 rendered,    1 written" in lines["figures"] and " 1 rendered,    1 written" in lines["tables"], said
    assert " 0 rendered" in lines["experiments"] and " 0 rendered" in lines["interactive"], said
    assert "written:" not in said and "━" not in said  # no file list, no bar: not a terminal
    (stale_copy / "figures/relu-dark.svg").unlink()
    (stale_copy / freshness.RECORD).unlink()
    assert "  written: figures/relu-dark.svg" in _run_generate(stale_copy, "--verbose").splitlines()


def test_on_a_terminal_a_run_draws_a_bar_per_stage_it_renders(stale_copy):
    said = _run_generate(stale_copy, tty=True)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", said).replace("\r", "\n")  # colours and cursor moves out
    bars = [line for line in plain.splitlines() if "━" in line and "1/1" in line]
    assert {line.split()[0] for line in bars} == {"figures", "tables"}, said


def test_on_a_terminal_the_outputs_render_in_worker_processes(stale_copy, tmp_path):
    """The bars' refresh thread starts once the workers are forked: a run that drew them rendered everything in
    one process (a process with a thread does not fork), and a cold `make figures` took twice as long."""
    (stale_copy / "tables/softmax-seed.md").unlink()  # with the relu figure and table: two render groups
    processes = min(len(os.sched_getaffinity(0)), 8, 2)
    log, driver = tmp_path / "pids", tmp_path / "driver.py"
    driver.write_text(f"""import os, sys
from pathlib import Path
sys.path[:0] = [{str(ROOT / "scripts")!r}, {str(ROOT / "scripts" / "generators")!r}]
import generate, outputs
render = outputs._render_group
def logged(i):
    with open({str(log)!r}, "a") as f:
        f.write(f"{{os.getpid()}}\\n")
    return render(i)
outputs._render_group = logged
print("run by", os.getpid())
sys.exit(generate.main(Path({str(stale_copy)!r})))
""")
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", _run_generate(stale_copy, tty=True, command=[sys.executable, str(driver)]))
    assert "━" in plain  # the bars were drawn
    parent = re.search(r"run by (\d+)", plain).group(1)
    renderers = set(log.read_text().split())
    summary = next(line for line in plain.splitlines() if line.startswith("figures and tables:"))
    assert "3 written" in summary, plain
    if processes > 1:
        assert len(renderers) == processes and parent not in renderers, (parent, renderers)
        assert f"rendered in {processes} processes: a stage's seconds are their sum" in summary, plain
    else:
        assert renderers == {parent} and "processes" not in summary, plain


def test_an_edit_made_while_a_run_imports_and_renders_is_left_for_the_next_run(tree):
    root, out, dep = tree
    known = freshness.watched_digests()  # what generate.py takes before it imports the generators
    (root / "src/pkg/mod.py").write_text("edited while the run was rendering\n")
    freshness.record(out, [dep], freshness.inputs_digest([dep], known))
    assert freshness.up_to_date(out) is None
