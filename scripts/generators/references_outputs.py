"""Origins and the bibliography: every cited work, linked to its paper, with the pages that cite it.

An activation's origin cites works as [@key] (src/activations/references.py); an authored page or
an experiment cites one by linking to its entry on the references page (`references.md#key`).
"""

from __future__ import annotations

import re
from pathlib import Path

from activations import REGISTRY, Activation
from activations.references import CITATION, REFERENCES, expand
from formatting import generated
from messages import DEFAULT, TRANSLATED, _, current
from outputs import GENERATORS, ROOT, Output
from registry_outputs import link

SOURCE = "scripts/generators/references_outputs.py"
DOCS = ROOT / "docs"
PKG = ROOT / "src" / "activations"
# A page's citation: a Markdown link to an entry of the references page, from any folder depth.
PAGE_CITATION = re.compile(r"\]\((?:\.\./)*references(?:\.md|/)#([a-z0-9-]+)\)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)  # its YAML comments are no heading
HEADING_ID = re.compile(r"\s*\{\s*#[^}]*\}\s*$")  # a translated heading's English anchor: {#vanishing-gradients}


def english_pages() -> list[Path]:
    """The English authored Markdown pages and experiments' sources (relu.md, not relu.ko.md)."""
    pages = [p for p in sorted(DOCS.rglob("*.md"))
             if not {"generated", "overrides", "assets"} & set(p.relative_to(DOCS).parts) and p.name != "references.md"]
    pages += sorted((DOCS / "experiments").glob("*.py"))
    return [p for p in pages if len(p.suffixes) == 1]


def translation(path: Path, locale: str) -> Path:
    """Where the page of an English file is in `locale` (relu.md -> relu.ko.md); the file may not exist."""
    return path if locale == DEFAULT else path.with_name(f"{path.stem}.{locale}{path.suffix}")


def authored_pages(locale: str = DEFAULT) -> list[Path]:
    """The pages that can cite works as a reader of `locale` reads them: each page's translation, or the English
    page where it has none (the site shows that one in its place)."""
    return [t if (t := translation(p, locale)).is_file() else p for p in english_pages()]


def page_link(path: Path) -> str:
    """A Markdown link to the page made from an authored file, titled by its first heading."""
    text = FRONT_MATTER.sub("", path.read_text(encoding="utf-8"), count=1)
    english = path.with_name(path.name.split(".")[0] + path.suffix)  # links name the English file in every language
    if path.suffix == ".py":  # jupytext: the title is the first Markdown cell's "# # Title"
        title = re.search(r"^# # (.+)$", text, re.M).group(1)
        target = f"/experiments/{english.stem}.ipynb"
    else:
        title = re.search(r"^# (.+)$", text, re.M).group(1)
        target = "/" + english.relative_to(DOCS).as_posix()
    return f"[{HEADING_ID.sub('', title).strip()}]({target})"


def activation_link(a: Activation, locale: str) -> str:
    """A link to an activation's page, titled by that page's heading in `locale` where the entry has a page of its
    own in that language, else by the entry's name."""
    page = translation(DOCS / "activations" / f"{a.page_slug}.md", locale)
    if locale == DEFAULT or a.page_slug != a.slug or not page.is_file():
        return link(a)
    return page_link(page)


def citations(locale: str = DEFAULT) -> dict[str, list[str]]:
    """For every cited key, links to the pages that cite it in `locale`: activation pages first, in registry order."""
    cited: dict[str, list[str]] = {}
    for a in REGISTRY.values():
        for key in a.references:
            cited.setdefault(key, []).append(activation_link(a, locale))
    for path in authored_pages(locale):
        for key in dict.fromkeys(PAGE_CITATION.findall(path.read_text(encoding="utf-8"))):
            cited.setdefault(key, []).append(page_link(path))
    return {key: list(dict.fromkeys(links)) for key, links in cited.items()}


def sort_key(key: str) -> tuple[str, int, str]:
    r = REFERENCES[key]
    return (r.authors.split()[0].rstrip(",").casefold(), r.year, key)


def bibliography() -> bytes:
    """One list item per cited work, anchored by its key; a citation of an unknown key raises KeyError."""
    cited = citations(current())
    items = []
    for key in sorted(cited, key=sort_key):
        r = REFERENCES[key]
        cited_on = _("Cited on: {pages}.").format(pages=", ".join(cited[key]))
        items.append(f"- {r.authors} ({r.year}). [*{r.title}*]({r.link}). {r.venue}. {cited_on}\n{{ #{key} }}")
    return generated(SOURCE, "\n".join(items) + "\n")


def origin(slug: str) -> bytes:
    # the origin is translated before its citations are expanded: a translation keeps each [@key]
    return generated(SOURCE, _("**Origin:** {origin}.").format(origin=expand(_(REGISTRY[slug].origin))) + "\n")


def messages_from_data() -> list[tuple[str, str, str]]:
    """The registry's origins that say more than their citations, as messages for the catalogue (see
    scripts/tools/update_messages.py): each keeps its [@key] citations, which become author, title and year."""
    return [(a.origin, "src/activations/registry.py", f"the origin of {a.slug}; keep every [@key]")
            for a in REGISTRY.values() if re.search(r"[A-Za-z]", CITATION.sub("", a.origin))]


def outputs() -> list[Output]:
    deps = (Path(__file__), GENERATORS / "formatting.py", GENERATORS / "registry_outputs.py",
            *sorted(PKG.glob("*.py")))
    every_language = sorted({p for locale in (DEFAULT, *TRANSLATED) for p in authored_pages(locale)})
    out = [Output("references/bibliography.md", bibliography, (*deps, *every_language))]
    out += [Output(f"origins/{slug}.md", lambda slug=slug: origin(slug), deps) for slug in REGISTRY]
    return out
