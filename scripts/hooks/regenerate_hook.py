"""MkDocs hook: under `mkdocs serve`, bring docs/generated/ up to date before each rebuild.

`make serve` watches src/, the generators, hooks and examples in scripts/, and locale/ as well as docs/
(mkdocs.yml `watch`); an edit there starts a rebuild, and this hook first runs scripts/generate.py in a fresh interpreter (so that it sees
the edited code), which renders only the outputs whose inputs changed; the browser then reloads
with them. With nothing changed, that run ends in a tenth of a second (generators/freshness.py).
`mkdocs build` is left alone: `make site` has generated everything before it starts.

What this hook writes into docs/generated/ does not start another rebuild: the server watches docs/ but
that folder, which changes only as the watched sources do.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from watchdog.events import FileSystemEvent, FileSystemEventHandler

GENERATE = Path(__file__).resolve().parents[1] / "generate.py"
_serving = False


def on_startup(command, dirty):  # noqa: ARG001 - MkDocs hook signature
    global _serving
    _serving = command == "serve"


def on_pre_build(config):  # noqa: ARG001 - MkDocs hook signature
    if not _serving:
        return
    # No .pyc files: written into the __pycache__ folders of the watched src/ and scripts/, they would
    # start a second rebuild (the kernels that run the experiments inherit this too).
    result = subprocess.run([sys.executable, str(GENERATE)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    print(result.stdout.rstrip(), flush=True)
    if result.returncode != 0:  # the page would show what it showed before: say why instead
        raise PluginError(f"scripts/generate.py failed:\n{result.stderr[-4000:]}")


def on_serve(server, config, builder):  # noqa: ARG001 - MkDocs hook signature
    """docs/ watched as MkDocs watches it, but for docs/generated/: a rebuild regenerated it, and a second
    rebuild (and reload) of the same sources would follow every edit. (`mkdocs serve --clean` does not
    regenerate, and watches it as usual.)"""
    if not _serving:
        return server
    docs = os.path.abspath(config.docs_dir)
    generated = os.path.join(docs, "generated") + os.sep

    def authored(event: FileSystemEvent) -> None:
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if event.is_directory or all(os.fsdecode(p).startswith(generated) for p in paths):
            return
        with server._rebuild_cond:  # what MkDocs' own watcher does (mkdocs/livereload LiveReloadServer.watch)
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    server.unwatch(docs)
    handler = FileSystemEventHandler()
    handler.on_any_event = authored
    server._watch_refs[docs] = server.observer.schedule(handler, docs, recursive=True)
    server._watched_paths[docs] = 1  # listed again in "Watching paths for changes", and unwatch() still works
    return server
