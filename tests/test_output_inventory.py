"""What `make figures` makes against what the pages include, without rendering anything: every
fragment a page includes is an output the generator lists, every Markdown output is included by a
page, and every output can be rendered and knows what it is made from. A misnamed, dropped or
orphaned output fails here in a second, before a build would."""

from __future__ import annotations

import re
from pathlib import Path

import generate
from activation_pages import page_markdown, page_path, pages
from outputs import ROOT

DOCS = ROOT / "docs"
INCLUDE = re.compile(r'--8<-- "docs/generated/([^":]+)(?::[\w-]+)?"')


def _page_texts() -> dict[str, str]:
    """Every page as MkDocs gets it: the authored ones, and the generated activation pages."""
    texts = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
             for p in DOCS.rglob("*.md") if "generated" not in p.relative_to(DOCS).parts}
    texts.update({p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
                  for p in (DOCS / "experiments").glob("*.py")})
    for slug, entries in pages().items():
        texts.setdefault(page_path(slug), page_markdown(entries))
    return texts


def test_pages_include_only_outputs_and_every_fragment_is_included():
    made = {o.path for o in generate.all_outputs()}
    included = {rel: page for page, text in _page_texts().items() for rel in INCLUDE.findall(text)}
    missing = sorted(f"{page} includes {rel}" for rel, page in included.items() if rel not in made)
    assert not missing, "pages include fragments that make figures does not write:\n" + "\n".join(missing)
    orphans = sorted(p for p in made if p.endswith(".md") and p not in included)
    assert not orphans, f"written but included by no page: {orphans}"


def test_every_output_has_a_unique_path_a_renderer_and_its_sources():
    outputs = generate.all_outputs()
    paths = [o.path for o in outputs]
    assert len(paths) == len(set(paths)), "two outputs write the same file"
    for o in outputs:
        assert isinstance(o.path, str) and o.path == o.path.strip("/") and not Path(o.path).is_absolute(), o.path
        assert callable(o.render), o.path
        assert o.deps, f"{o.path} names no source: it would never be redrawn"
        for dep in o.deps:
            assert isinstance(dep, Path) and dep.is_file(), f"{o.path} depends on {dep!r}, which is not a file"
