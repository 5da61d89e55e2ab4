"""Origins and the bibliography: every cited work, linked to its paper, with the pages that cite it.

An activation's origin cites works as [@key] (src/activations/references.py); an authored page or
an experiment cites one by linking to its entry on the references page (`references.md#key`).
"""

from __future__ import annotations

import re
from pathlib import Path

from activations import REGISTRY
from activations.references import REFERENCES, expand
from formatting import generated
from outputs import GENERATORS, ROOT, Output
from registry_outputs import link

SOURCE = "scripts/generators/references_outputs.py"
DOCS = ROOT / "docs"
PKG = ROOT / "src" / "activations"
# A page's citation: a Markdown link to an entry of the references page, from any folder depth.
PAGE_CITATION = re.compile(r"\]\((?:\.\./)*references(?:\.md|/)#([a-z0-9-]+)\)")


def authored_pages() -> list[Path]:
    """The authored Markdown pages and the experiments' sources, which can cite works."""
    pages = [p for p in sorted(DOCS.rglob("*.md"))
             if not {"generated", "overrides", "assets"} & set(p.relative_to(DOCS).parts) and p.name != "references.md"]
    return pages + sorted((DOCS / "experiments").glob("*.py"))


def page_link(path: Path) -> str:
    """A Markdown link to the page made from an authored file, titled by its first heading."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":  # jupytext: the title is the first Markdown cell's "# # Title"
        title = re.search(r"^# # (.+)$", text, re.M).group(1)
        target = f"/experiments/{path.stem}.ipynb"
    else:
        title = re.search(r"^# (.+)$", text, re.M).group(1)
        target = "/" + path.relative_to(DOCS).as_posix()
    return f"[{title.strip()}]({target})"


def citations() -> dict[str, list[str]]:
    """For every cited key, links to the pages that cite it: activation pages first, in registry order."""
    cited: dict[str, list[str]] = {}
    for a in REGISTRY.values():
        for key in a.references:
            cited.setdefault(key, []).append(link(a))
    for path in authored_pages():
        for key in dict.fromkeys(PAGE_CITATION.findall(path.read_text(encoding="utf-8"))):
            cited.setdefault(key, []).append(page_link(path))
    return {key: list(dict.fromkeys(links)) for key, links in cited.items()}


def sort_key(key: str) -> tuple[str, int, str]:
    r = REFERENCES[key]
    return (r.authors.split()[0].rstrip(",").casefold(), r.year, key)


def bibliography() -> bytes:
    """One list item per cited work, anchored by its key; a citation of an unknown key raises KeyError."""
    cited = citations()
    items = []
    for key in sorted(cited, key=sort_key):
        r = REFERENCES[key]
        items.append(f"- {r.authors} ({r.year}). [*{r.title}*]({r.link}). {r.venue}. "
                     f"Cited on: {', '.join(cited[key])}.\n{{ #{key} }}")
    return generated(SOURCE, "\n".join(items) + "\n")


def origin(slug: str) -> bytes:
    return generated(SOURCE, f"**Origin:** {expand(REGISTRY[slug].origin)}.\n")


def outputs() -> list[Output]:
    deps = (Path(__file__), GENERATORS / "formatting.py", GENERATORS / "registry_outputs.py",
            *sorted(PKG.glob("*.py")))
    out = [Output("references/bibliography.md", bibliography, (*deps, *authored_pages()))]
    out += [Output(f"origins/{slug}.md", lambda slug=slug: origin(slug), deps) for slug in REGISTRY]
    return out
