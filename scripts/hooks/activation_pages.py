"""The activation pages and their navigation, as the registry defines them.

Every registry entry is documented on the page activations/<page_slug>.md. Where docs/ holds that
page, it is authored and used as written; otherwise its Markdown is page_markdown(), the standard
sections every page has, assembled from the fragments that scripts/generate.py writes into
docs/generated/ and from the implementation's own source. Its words are translated with the generators'
catalogues (scripts/generators/messages.py; this module's own are locale/<lang>/LC_MESSAGES/activation_pages.po),
and a translated heading keeps the English one's anchor, which links point at.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from activations import FAMILIES, REGISTRY
from activations.registry import Activation

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "scripts" / "generators"))  # the catalogues' reader; appended, so it shadows nothing
from messages import DEFAULT, _, current, language  # noqa: E402

PAGES = "activations/"  # the pages' folder, under docs/
FIGURES = ROOT / "docs" / "generated" / "figures"


def page_path(page_slug: str) -> str:
    """The page's path under docs/."""
    return f"{PAGES}{page_slug}.md"


def pages() -> dict[str, list[Activation]]:
    """Page slug -> the entries it documents, first the one it is named after, in registry order."""
    by_page: dict[str, list[Activation]] = {}
    for a in REGISTRY.values():
        by_page.setdefault(a.page_slug, []).append(a)
    for entries in by_page.values():
        entries.sort(key=lambda a: a.slug != a.page_slug)
    return by_page


def family_nav() -> list[dict[str, list[str]]]:
    """The navigation's activation sections: one per family, in FAMILIES order, its pages in registry order.

    Pages carry no nav title here: MkDocs then takes the page's own title (front matter `title:`, else
    its heading), so the navigation names each page as the page names itself.
    """
    families: dict[str, list[str]] = {f: [] for f in FAMILIES}
    for page_slug, entries in pages().items():
        families[entries[0].family].append(page_path(page_slug))
    return [{family: paths} for family, paths in families.items() if paths]


def _snippet(path: str) -> str:
    return f'--8<-- "{path}"'


def _code(fn) -> str:
    module = fn.__module__.rsplit(".", 1)[-1]
    return f"```python\n{_snippet(f'src/activations/{module}.py:{fn.__name__}')}\n```"


def _figure(a: Activation) -> str:
    # Elementwise and gated functions have a figure of their own; the other vector functions are
    # drawn for two classes, against the difference of the two scores.
    two_classes = f"{a.slug}-two-classes"
    stem = two_classes if not a.elementwise and (FIGURES / f"{two_classes}.md").is_file() else a.slug
    return _snippet(f"docs/generated/figures/{stem}.md")


def _definition(a: Activation) -> list[str]:
    return [_snippet(f"docs/generated/formulas/{a.slug}.md"), _figure(a), _snippet(f"docs/generated/origins/{a.slug}.md")]


def _implementation(a: Activation) -> list[str]:
    blocks = [_code(a.fn), _snippet(f"docs/generated/accuracy/{a.slug}.md")]
    if a.derivative is not None:
        blocks.append(_code(a.derivative))
    return blocks


def _description(a: Activation) -> str:
    if a.elementwise:
        return _("{name} - definition, derivative, properties computed from the function, framework defaults, "
                 "and a numerically careful numpy implementation.").format(name=_(a.name))
    return _("{name} - definition, derivatives, framework defaults and a tested numpy implementation.").format(
        name=_(a.name))


def _lead(a: Activation) -> str:
    return _("{name}: {summary}.").format(name=_(a.name), summary=_(a.summary))


def _section(title: str, anchor: str) -> str:
    """A standard section's heading (`title` in the language being rendered): a translated one keeps the
    English heading's id."""
    return f"## {title}" if current() == DEFAULT else f"## {title} {{#{anchor}}}"


def page_markdown(entries: list[Activation], locale: str = DEFAULT) -> str:
    """The page of entries (the first names it) in `locale`: title, summary, and the standard sections,
    which include the generated fragments of that language (docs/generated/ko/... for Korean)."""
    with language(locale):
        return _in_language(_page_markdown(entries), locale)


def _in_language(markdown: str, locale: str) -> str:
    if locale == DEFAULT:
        return markdown
    return markdown.replace('--8<-- "docs/generated/', f'--8<-- "docs/generated/{locale}/')


def _page_markdown(entries: list[Activation]) -> str:
    first, *others = entries
    front = f"---\ndescription: {json.dumps(_description(first), ensure_ascii=False)}\n---\n\n"
    blocks = [f"# {_(first.name)}", _lead(first), _section(_("Definition"), "definition"), *_definition(first)]
    if first.elementwise:
        blocks += [_section(_("Properties"), "properties"), _snippet(f"docs/generated/properties/{first.slug}.md")]
    blocks += [_section(_("In your framework"), "in-your-framework"),
               _snippet(f"docs/generated/frameworks/{first.slug}.md"),
               _section(_("Implementation"), "implementation"), *_implementation(first)]
    for a in others:  # an entry documented on another's page gets a section, which links to it point at
        blocks += [f"## {_(a.name)} {{ #{a.slug} }}", _lead(a), *_definition(a)]
        if a.elementwise:
            blocks.append(_snippet(f"docs/generated/properties/{a.slug}.md"))
        blocks += [_snippet(f"docs/generated/frameworks/{a.slug}.md"), *_implementation(a)]
    return front + "\n\n".join(blocks) + "\n"
