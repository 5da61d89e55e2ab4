"""The experiments: each jupytext source in docs/experiments/ becomes two notebooks.

- `notebooks/<name>.ipynb`, without outputs: the download offered on the page.
- `executed/experiments/<name>.ipynb`, executed here with our kernel: what the page shows (the notebook hook
  hands it to mkdocs-jupyter). It is executed again only when the source, the code it imports or
  the library versions change, like every other generated output.

A translation, `<name>.<locale>.py`, runs the same code in a kernel whose LANGUAGE is its locale, so
what it prints and draws comes out in that language (src/figure_style/text.py, from
locale/<locale>/LC_MESSAGES/experiments.po); an English one runs with LANGUAGE=en, whatever the
machine's own locale.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import jupytext
import nbformat
from jupyter_client import KernelClient, KernelManager
from nbclient import NotebookClient

from figure_style import text
from figure_style.notebook import SITE_ENV
from outputs import ROOT, Output, group_context

HERE = Path(__file__)
SOURCES = ROOT / "docs" / "experiments"
# What an experiment may import from this repository: a change in any of it re-executes them.
IMPORTED = ("activations", "tinynet", "figure_style")
KERNEL = "python3"
TIMEOUT = 120  # seconds per cell
EXPLICIT_ID = re.compile(r"[ \t]*\{#[\w-]+\}[ \t]*$", re.M)  # `## 결정 경계 {#decision-boundaries}`


def language(source: Path) -> str:
    """The language of an experiment: `ko` for <name>.ko.py, English for <name>.py."""
    return source.suffixes[-2].lstrip(".") if len(source.suffixes) > 1 else "en"


def catalogue(source: Path) -> tuple[Path, ...]:
    """The catalogue an experiment's words come from when it runs: none for English."""
    lang = language(source)
    return () if lang == "en" else (text.LOCALES / lang / "LC_MESSAGES" / f"{text.DOMAIN}.po",)


def notebook(source: Path) -> nbformat.NotebookNode:
    """The jupytext source as a notebook with numbered cell ids (jupytext would draw random ones)."""
    nb = jupytext.reads(source.read_text(encoding="utf-8"), fmt="py:percent")
    for i, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{i}"
    nb.metadata = {"kernelspec": {"name": KERNEL, "display_name": "Python 3", "language": "python"},
                   "language_info": {"name": "python"}}
    return nb


def for_download(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without the `{#id}` that fixes a translated heading's anchor on the site: Jupyter
    would show it as text."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = EXPLICIT_ID.sub("", cell.source)
    return nb


def _bytes(nb: nbformat.NotebookNode) -> bytes:
    return (nbformat.writes(nb) + "\n").encode()


@contextmanager
def kernel(lang: str):
    """A kernel that prints and draws in language `lang`, in docs/experiments/, and a client connected to
    it (a (manager, client) pair), shut down on leaving."""
    with tempfile.TemporaryDirectory() as sockets:
        # Local sockets rather than TCP ports: nothing listens on the network while it runs.
        manager = KernelManager(kernel_name=KERNEL, transport="ipc", ip=os.path.join(sockets, "kernel"))
        manager.start_kernel(env={**os.environ, SITE_ENV: "1", "PYTHONHASHSEED": "0", "LANGUAGE": lang},
                             cwd=str(SOURCES))
        client = manager.client()
        try:
            client.start_channels()
            client.wait_for_ready(timeout=TIMEOUT)
            yield manager, client
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def executed(source: Path, running: tuple[KernelManager, KernelClient] | None = None) -> nbformat.NotebookNode:
    """The notebook run top to bottom, stopping at the first failing cell, in the kernel of its language
    (`running`, from kernel(); a new one if none is given) with the kernel's namespace emptied first: what
    an earlier notebook defined is gone, the modules it imported stay imported, which saves each
    experiment after the first a second of starting a kernel and importing numpy and matplotlib."""
    if running is None:
        with kernel(language(source)) as running:
            return executed(source, running)
    nb = notebook(source)
    client = NotebookClient(nb, km=running[0], timeout=TIMEOUT, record_timing=False, allow_errors=False)
    client.kc = running[1]
    reply = client.wait_for_reply(client.kc.execute("get_ipython().reset(new_session=True)", silent=True))
    assert reply is not None and reply["content"]["status"] == "ok", reply
    client.execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = merged_streams(cell.outputs)
    return nb


def merged_streams(outputs: list) -> list:
    """Adjacent stdout (or stderr) outputs as one: how the kernel batches a cell's printing into
    messages depends on timing, and would make two runs differ."""
    merged = []
    for out in outputs:
        if merged and out.output_type == "stream" and merged[-1].output_type == "stream" and merged[-1].name == out.name:
            merged[-1].text += out.text
        else:
            merged.append(out)
    return merged


def imported_files() -> list[Path]:
    return sorted(p for pkg in IMPORTED for p in (ROOT / "src" / pkg).glob("*.py"))


def outputs() -> list[Output]:
    out = []
    for src in sorted(SOURCES.glob("*.py")):
        out.append(Output(f"notebooks/{src.stem}.ipynb", lambda s=src: _bytes(for_download(notebook(s))), (src, HERE)))
        # The experiments of a language run one after another in one kernel (a render group), and
        # before every other output, since they take longest (seconds each).
        lang = language(src)
        in_kernel = partial(group_context, ("kernel", lang), partial(kernel, lang))
        out.append(Output(f"executed/experiments/{src.stem}.ipynb", lambda s=src, k=in_kernel: _bytes(executed(s, k())),
                          (src, HERE, *imported_files(), *catalogue(src)), f"experiments {lang}", cost=5.0))
    return out
