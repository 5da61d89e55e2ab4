"""`make serve` regenerates what an edited source makes, and serves the page with it
(scripts/hooks/regenerate_hook.py, mkdocs.yml `watch`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, late_job
from outputs import GENERATED

EDITED = "scripts/generators/glossary_outputs.py"
BEFORE, AFTER = '_("Note")', '_("Remark")'  # the last column's header of the glossary's table


def _copy_of_the_repository(to: Path) -> Path:
    """The repository's files (as a clean clone has them, with uncommitted edits) and docs/generated."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split("\0")
    for rel in filter(None, listed):
        if (ROOT / rel).is_file() and not rel.startswith("docs/generated/"):
            (to / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, to / rel)
    shutil.copytree(GENERATED, to / "docs" / "generated")
    return to


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()
    except OSError:
        return None


def _wait_for(check, seconds: float, log: Path) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"not seen within {seconds} s; the server said:\n{log.read_text()[-4000:]}")


@late_job
def served_edit(_site, tmp) -> dict:
    """`mkdocs serve` on a copy of the repository (whose docs/generated the session brought up to date,
    as `make figures` does before `make serve`): the glossary page it serves, before and after an edit
    to the generator of the glossary's table, and the outputs the edit rewrote."""
    tmp_path = tmp.mktemp("serve")
    repo = _copy_of_the_repository(tmp_path / "repo")
    generated = repo / "docs" / "generated"
    port, log = _free_port(), tmp_path / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(repo / "src"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a contributor's machine: Python writes .pyc files
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/glossary/"
        before_page = _wait_for(lambda: _page(url), 240, log)
        before = {p: p.stat().st_mtime_ns for p in generated.rglob("*.md")}
        source = repo / EDITED
        assert source.read_text().count(BEFORE) == 1, f"{EDITED} no longer writes {BEFORE} once"
        said_before = len(log.read_text())
        source.write_text(source.read_text().replace(BEFORE, AFTER))
        after_page = _wait_for(lambda: (lambda p: p if p and ">Remark</th>" in p else None)(_page(url)), 240, log)
        rewritten = sorted(p.relative_to(generated).as_posix() for p, t in before.items() if p.stat().st_mtime_ns != t)
        _wait_for(lambda: "Reloading browsers" in log.read_text()[said_before:], 60, log)
        # A rebuild started by the first one's own writes would begin at once, as the first one ends.
        time.sleep(3)
        said_after = log.read_text()[said_before:]
        page = repo / "docs" / "glossary.md"  # a page's own source, under the docs/ the server watches but for generated/
        page.write_text(page.read_text() + "\nA sentence written while the site was served.\n")
        edited_page = _wait_for(lambda: (lambda p: p if p and "written while the site was served" in p else None)(_page(url)),
                                240, log)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"before": before_page, "after": after_page, "rewritten": rewritten, "said after the edit": said_after,
            "after a page edit": edited_page,
            "watching": next(line for line in log.read_text().splitlines() if "Watching paths for changes" in line)}


@pytest.mark.late("served_edit")
def test_an_edited_generator_changes_the_served_page_and_only_its_outputs(late):
    assert ">Note</th>" in late["before"] and ">Remark</th>" not in late["before"]
    assert ">Note</th>" not in late["after"]
    assert late["rewritten"] == ["ko/tables/glossary.md", "tables/glossary.md"]


@pytest.mark.late("served_edit")
def test_an_edit_rebuilds_and_reloads_once_and_an_edited_page_is_served(late):
    said = late["said after the edit"]
    assert said.count("Detected file changes") == 1 and said.count("Reloading browsers") == 1, said
    assert ">Remark</th>" in late["after a page edit"]
    assert "'docs'" in late["watching"], late["watching"]  # still said to be watched


@pytest.mark.late("served_edit")
def test_a_rebuild_takes_every_languages_notebooks_from_the_cache(late):
    """mkdocs-jupyter's cache of converted notebooks: each language's build evicted the other's, so none was
    ever found (scripts/hooks/notebook_hook.py)."""
    said, notebooks = late["said after the edit"], len(list((GENERATED / "executed" / "experiments").glob("*.ipynb")))
    assert notebooks == 8 and said.count("Cache hit") == notebooks, said
    assert "Cache miss" not in said and "Evicted" not in said, said


def test_the_notebook_cache_has_a_folder_per_set_of_pinned_versions(tmp_path, monkeypatch):
    """Its keys hold the notebook and the plugin's options only: an upgrade must not be served old conversions."""
    import hashlib
    from types import SimpleNamespace

    import notebook_hook

    class Config(dict):
        plugins: dict

    lock = tmp_path / "requirements.lock"
    monkeypatch.setattr(notebook_hook, "LOCK", lock)
    plugin = SimpleNamespace(config={"cache": True, "cache_dir": ".cache/mkdocs-jupyter", "execute": False},
                             _used_cache_paths=set())
    config = Config(docs_dir=str(tmp_path))
    config.plugins = {"mkdocs-jupyter": plugin}
    monkeypatch.chdir(tmp_path)  # the cache folder is relative to where MkDocs runs
    (tmp_path / ".cache/mkdocs-jupyter/0123456789ab").mkdir(parents=True)  # converted by older versions
    (tmp_path / ".cache/mkdocs-jupyter/0123456789ab/key.json").write_text("{}")
    (tmp_path / ".cache/mkdocs-jupyter/key.json").write_text("{}")  # from before there were folders
    folders = []
    for pins in ("nbconvert==7.16.6\n", "nbconvert==7.16.6\n", "nbconvert==7.17.0\n"):  # a build, a rebuild, an upgrade
        lock.write_text(pins)
        notebook_hook._keep_every_language_in_the_cache(config)
        folders.append(plugin.config["cache_dir"])
    old, new = (hashlib.sha256(pins.encode()).hexdigest()[:12] for pins in ("nbconvert==7.16.6\n", "nbconvert==7.17.0\n"))
    assert folders == [f".cache/mkdocs-jupyter/{old}", f".cache/mkdocs-jupyter/{old}", f".cache/mkdocs-jupyter/{new}"]
    (tmp_path / folders[-1]).mkdir()
    (tmp_path / folders[-1] / "key.json").write_text("{}")
    notebook_hook._keep_every_language_in_the_cache(config)  # the next build keeps only the current folder
    assert [p.relative_to(tmp_path).as_posix() for p in (tmp_path / ".cache").rglob("*")] == [
        ".cache/mkdocs-jupyter", folders[-1], f"{folders[-1]}/key.json"]
