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

import generate
from conftest import ROOT
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


def test_an_edited_generator_changes_the_served_page_and_only_its_outputs(tmp_path):
    generate.main()  # docs/generated as `make serve` starts from it (`make figures` first)
    repo = _copy_of_the_repository(tmp_path / "repo")
    generated = repo / "docs" / "generated"
    port, log = _free_port(), tmp_path / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(repo / "src"), "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/glossary/"
        page = _wait_for(lambda: _page(url), 240, log)
        assert ">Note</th>" in page and ">Remark</th>" not in page
        before = {p: p.stat().st_mtime_ns for p in generated.rglob("*.md")}
        source = repo / EDITED
        assert source.read_text().count(BEFORE) == 1
        source.write_text(source.read_text().replace(BEFORE, AFTER))
        page = _wait_for(lambda: (lambda p: p if p and ">Remark</th>" in p else None)(_page(url)), 240, log)
        assert ">Note</th>" not in page
        rewritten = sorted(p.relative_to(generated).as_posix() for p, t in before.items() if p.stat().st_mtime_ns != t)
        assert rewritten == ["ko/tables/glossary.md", "tables/glossary.md"]
    finally:
        server.terminate()
        server.wait(timeout=30)
