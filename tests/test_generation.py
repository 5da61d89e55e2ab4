"""The generator: deterministic outputs, written only when their bytes change, tracked by inputs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generate
from activations import REGISTRY
from test_site import figure_stem
from freshness import RECORD
from outputs import GENERATED, ROOT, STAMPS, Output, generate as run


@pytest.fixture(scope="module")
def outputs():
    return generate.all_outputs()


# first_run (tests/conftest.py): the generator command run into an empty folder, as `make figures` runs it.


def _mtimes(folder: Path) -> dict[str, int]:
    """Each file's modification time, but the record of the last full run (which a run drops)."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file() and p.name != RECORD}


def test_first_run_writes_every_output(first_run, outputs):
    out, written = first_run
    assert sorted(written) == sorted(o.path for o in outputs)
    assert all((out / o.path).stat().st_size > 0 for o in outputs)


def test_second_run_rewrites_nothing(tmp_path, first_run, outputs):
    out = tmp_path / "generated"
    shutil.copytree(first_run[0], out)
    before = _mtimes(out)
    report = run(outputs, out)
    assert report.written == [] and report.unchanged == [] and report.removed == []
    assert len(report.fresh) == len(outputs)
    assert _mtimes(out) == before


def test_deleting_one_output_regenerates_exactly_it(tmp_path, first_run, outputs):
    out = tmp_path / "generated"
    shutil.copytree(first_run[0], out)
    victim = "figures/relu-dark.svg"
    data = (out / victim).read_bytes()
    (out / victim).unlink()
    report = run(outputs, out)
    assert report.written == [victim]
    assert (out / victim).read_bytes() == data


def test_hand_edited_output_is_restored(tmp_path, first_run, outputs):
    out = tmp_path / "generated"
    shutil.copytree(first_run[0], out)
    target = out / "tables/softmax-seed.md"
    original = target.read_bytes()
    target.write_bytes(b"edited by hand\n")
    report = run(outputs, out)
    assert report.written == ["tables/softmax-seed.md"] and target.read_bytes() == original


def test_changed_inputs_rerender_only_that_output_and_keep_equal_bytes(tmp_path, first_run, outputs):
    out = tmp_path / "generated"
    shutil.copytree(first_run[0], out)
    stamps = json.loads((out / STAMPS).read_text())
    stamps["figures/sigmoid-light.svg"]["inputs"] = "something else"  # as if sigmoid.py had changed
    (out / STAMPS).write_text(json.dumps(stamps))
    before = _mtimes(out)
    report = run(outputs, out)
    assert report.unchanged == ["figures/sigmoid-light.svg"] and report.written == []
    assert _mtimes(out)["figures/sigmoid-light.svg"] == before["figures/sigmoid-light.svg"]


def test_a_new_library_version_rerenders_what_it_draws(tmp_path, monkeypatch):
    import outputs as outputs_module

    out, one = tmp_path / "generated", [Output("a.txt", lambda: b"a", (ROOT / "src/activations/relu.py",))]
    assert run(one, out).written == ["a.txt"] and run(one, out).fresh == ["a.txt"]
    real = outputs_module.metadata.version
    monkeypatch.setattr(outputs_module.metadata, "version", lambda d: "0.0" if d == "matplotlib" else real(d))
    report = run(one, out)
    assert report.fresh == [] and report.unchanged == ["a.txt"]


def test_outputs_nobody_makes_are_removed(tmp_path, first_run, outputs):
    out = tmp_path / "generated"
    shutil.copytree(first_run[0], out)
    (out / "figures" / "old-activation-light.svg").write_text("<svg/>")
    report = run(outputs, out)
    assert report.removed == ["figures/old-activation-light.svg"]


def test_each_output_depends_on_the_function_it_shows_and_not_on_others(outputs):
    src = ROOT / "src" / "activations"
    elementwise = [a for a in REGISTRY.values() if a.elementwise]
    for entry in elementwise:
        own = src / entry.source
        figure = next(o for o in outputs if o.path == f"figures/{entry.slug}-light.svg")
        assert own in figure.deps
        imported = {src / f"{m}.py" for m in re.findall(r"^from \.(\w+) import", own.read_text(), re.M)}
        assert imported <= set(figure.deps), f"{figure.path} would not be redrawn when a module it uses changes"
        others = {src / a.source for a in elementwise} - {own} - imported
        assert not others & set(figure.deps), f"{figure.path} would be redrawn when another function changes"


def test_every_dependency_exists(outputs):
    for o in outputs:
        for dep in o.deps:
            assert dep.is_file(), f"{o.path} depends on missing {dep}"


def test_svgs_have_no_date_or_random_ids(first_run):
    out, _ = first_run
    for svg in (out / "figures").glob("*.svg"):
        text = svg.read_text()
        assert "<dc:date>" not in text, svg.name


def test_generator_command_is_a_no_op_the_second_time(tmp_path, first_run, capsys):
    out = tmp_path / "generated"
    shutil.copytree(first_run[0], out)
    before = _mtimes(out)
    assert generate.main(out) == 0  # the first run's record: nothing changed since, known at once
    assert "nothing changed since the last run" in capsys.readouterr().out
    (out / RECORD).unlink()  # without it, every output's own stamp is checked: all up to date
    assert generate.main(out) == 0
    assert " 0 written, 0 rendered but unchanged" in capsys.readouterr().out
    assert _mtimes(out) == before


def test_every_registry_entry_has_both_figure_variants_and_a_snippet(outputs):
    paths = {o.path for o in outputs}
    for slug, entry in REGISTRY.items():
        stem = figure_stem(entry)
        assert {f"figures/{stem}-light.svg", f"figures/{stem}-dark.svg", f"figures/{stem}.md",
                f"formulas/{slug}.md", f"accuracy/{slug}.md", f"origins/{slug}.md", f"frameworks/{slug}.md"} <= paths, slug
        if entry.elementwise:
            assert f"properties/{slug}.md" in paths, slug


def test_write_only_when_bytes_change(tmp_path):
    from outputs import write_if_changed

    target = tmp_path / "a" / "b.txt"
    assert write_if_changed(target, b"one") is True
    stamp = target.stat().st_mtime_ns
    os.utime(target, ns=(stamp - 10**9, stamp - 10**9))
    assert write_if_changed(target, b"one") is False
    assert target.stat().st_mtime_ns == stamp - 10**9
    assert write_if_changed(target, b"two") is True and target.read_bytes() == b"two"


def test_a_separate_process_writes_identical_bytes(first_run):
    """Same sources, another interpreter: every output byte-identical (no dates, no random ids).
    The other interpreter is `make figures`, which wrote docs/generated/ before the tests ran; run
    again here, it renders only what changed since."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py")], check=True, capture_output=True)
    # (the record of a full run, for the next no-op, is no output of a generator: it is left out)
    first = {p.relative_to(first_run[0]): p.read_bytes() for p in first_run[0].rglob("*") if p.is_file() and p.name != RECORD}
    again = {p.relative_to(GENERATED): p.read_bytes() for p in GENERATED.rglob("*") if p.is_file() and p.name != RECORD}
    assert first.keys() == again.keys()
    assert [str(p) for p in first if first[p] != again[p]] == []


def test_what_shares_work_is_rendered_together_and_the_costliest_first(outputs):
    """Render groups (outputs._groups): a translation with its original, both schemes of a figure together
    (drawn once, figure_style.in_every_theme), a language's experiments in one kernel, and those first."""
    from outputs import _groups

    groups = _groups(outputs)
    group_of = {outputs[i].path: n for n, group in enumerate(groups) for i in group}
    for path in group_of:
        if path.startswith("ko/") and path.endswith(".md"):  # a translated twin (messages.translated_twins)
            assert group_of[path] == group_of[path.removeprefix("ko/")], path
        if path.endswith("-dark.svg"):
            assert group_of[path] == group_of[path.removesuffix("-dark.svg") + "-light.svg"], path
    experiments = {path for path in group_of if path.startswith("executed/experiments/")}
    assert len({group_of[p] for p in experiments}) == 2  # one kernel per language
    assert {group_of[p] for p in experiments} == {0, 1}  # before everything else
