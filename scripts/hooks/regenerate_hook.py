"""MkDocs hook: under `mkdocs serve`, bring docs/generated/ up to date before each rebuild.

`make serve` watches src/, the generators, hooks and examples in scripts/, and locale/ as well as docs/
(mkdocs.yml `watch`); an edit there starts a rebuild, and this hook first runs scripts/generate.py in a fresh interpreter (so that it sees
the edited code), which renders only the outputs whose inputs changed; the browser then reloads
with them. With nothing changed, that run ends in a tenth of a second (generators/freshness.py).
`mkdocs build` is left alone: `make site` has generated everything before it starts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

GENERATE = Path(__file__).resolve().parents[1] / "generate.py"
_serving = False


def on_startup(command, dirty):  # noqa: ARG001 - MkDocs hook signature
    global _serving
    _serving = command == "serve"


def on_pre_build(config):  # noqa: ARG001 - MkDocs hook signature
    if not _serving:
        return
    result = subprocess.run([sys.executable, str(GENERATE)], capture_output=True, text=True)
    print(result.stdout.rstrip(), flush=True)
    if result.returncode != 0:  # the page would show what it showed before: say why instead
        raise PluginError(f"scripts/generate.py failed:\n{result.stderr[-4000:]}")
