"""What `make figures` makes against what the pages include, without rendering anything: every
fragment a page includes is an output the generator lists, every Markdown output is included by a
page, and every output can be rendered and knows what it is made from. A misnamed, dropped or
orphaned output fails here in a second, before a build would."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import generate
import generated
from activation_pages import page_markdown, page_path, pages
from outputs import ROOT
from tests import languages

DOCS = ROOT / "docs"
INCLUDE = re.compile(r'--8<-- "docs/generated/([^":]+)(?::[\w-]+)?"')
SECTION_INCLUDE = re.compile(r'--8<-- "docs/generated/([^":]+):([\w-]+)"')


def _page_texts() -> dict[str, str]:
    """Every page as MkDocs gets it, in every language: the authored ones, and the generated activation pages."""
    texts = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
             for p in DOCS.rglob("*.md") if "generated" not in p.relative_to(DOCS).parts}
    texts.update({p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
                  for p in (DOCS / "experiments").glob("*.py")})
    for slug, entries in pages().items():
        if page_path(slug) in texts:
            continue  # an authored page; a language that has not translated it shows the English one
        texts[page_path(slug)] = page_markdown(entries)
        for locale in languages.LANGUAGES[1:]:
            texts.setdefault(languages.translation(page_path(slug), locale), page_markdown(entries, locale))
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


# Function scope: under `make mutation` each test that reads the outputs must render them itself, or
# only the first test to ask is mapped to the generators it calls.
@pytest.fixture
def markdown() -> dict[str, str]:
    return {o.path: generated.read(o.path) for o in generate.all_outputs() if o.path.endswith(".md")}


def test_every_section_a_page_includes_is_in_its_fragment(markdown):
    """A page that includes `file.md:name` shows nothing if the generator renamed the section."""
    wanted = {(rel, name, page) for page, text in _page_texts().items() for rel, name in SECTION_INCLUDE.findall(text)}
    assert wanted, "no page includes a named section: the pattern no longer matches the pages"
    missing = sorted(f"{page} includes {rel}:{name}" for rel, name, page in wanted
                     if rel.endswith(".md") and not re.search(rf"\[start:{re.escape(name)}\] -->\n.*?<!-- --8<-- "
                                                               rf"\[end:{re.escape(name)}\]", markdown.get(rel, ""), re.S))
    assert not missing, "sections the generated files do not have:\n" + "\n".join(missing)


def test_every_image_a_fragment_shows_is_an_output(markdown):
    """A figure whose file the generator does not write is a broken image on the page."""
    made = {o.path for o in generate.all_outputs()}
    shown = {(path, src) for path, text in markdown.items() for src in re.findall(r"\]\(/generated/([^)#\s]+)", text)}
    assert shown, "no fragment shows an image: the pattern no longer matches the figure Markdown"
    missing = sorted(f"{path} shows {src}" for path, src in shown if src not in made)
    assert not missing, "images that make figures does not write:\n" + "\n".join(missing)


def test_every_generated_file_names_the_module_that_wrote_it(markdown):
    """The first line of a generated Markdown file is where a reader of the source looks first; it names
    the module whose outputs() lists the file (a translation's: the one that lists its original)."""
    listed_by = {o.path: Path(m.__file__).relative_to(ROOT).as_posix() for m in generate.modules() for o in m.outputs()}
    for path, text in markdown.items():
        first = text.split("\n", 1)[0]
        match = re.fullmatch(r"<!-- generated by (\S+); edit that script, not this file -->", first)
        assert match and match.group(1) == listed_by[path.removeprefix("ko/")], f"{path}: {first}"


@pytest.mark.parametrize(("file", "writer"), [
    ("docs/generated/figures/relu-dark.svg", "activation_figures.py"),
    ("interactive/elu.json", "interactive_figures.py"),
    ("docs/generated/ko/tables/glossary.md", "glossary_outputs.py"),
    ("docs/generated/ko/interactive/elu.props.json", "interactive_figures.py"),  # Korean, but no Markdown twin
    ("executed/experiments/dying-relu.ko.ipynb", "notebook_outputs.py"),
    ("figures/softmax-simplex-light.svg", "vector_figures.py"),
    ("figures/softmax-ko-light.svg", "softmax_outputs.py"),
])
def test_which_names_the_generator_of_any_generated_file(file, writer):
    """`scripts/generate.py --which FILE`: where a figure, data file or notebook on a page comes from, which
    (unlike a Markdown fragment) cannot say it in a first line."""
    said = subprocess.run([sys.executable, str(ROOT / "scripts/generate.py"), "--which", file], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout
    assert said == f"scripts/generators/{writer}\n"


@pytest.mark.parametrize(("file", "error"), [
    ("docs/index.md", "no generator writes docs/index.md"),
    ("docs/generated/ko/figures/relu-dark.svg", "no generator writes"),  # only Markdown has Korean twins
    ("docs/generated/figures", "--which takes a file under docs/generated/, not docs/generated/figures"),
    ("", "--which takes a file under docs/generated/, not nothing"),
])
def test_which_refuses_what_no_generator_writes(file, error):
    said = subprocess.run([sys.executable, str(ROOT / "scripts/generate.py"), "--which", file], cwd=ROOT,
                          capture_output=True, text=True)
    assert said.returncode == 1 and error in said.stderr and not said.stdout, said


NUMBER = re.compile(r"[-−]?(\d[\d,]*(\.\d+)?(e[+-]?\d+)?|∞|inf|nan)( %)?")


def test_columns_of_numbers_are_right_aligned(markdown):
    """Digits line up under each other only in a right-aligned column."""
    for path, text in markdown.items():
        lines = [ln for ln in text.splitlines() if ln.startswith("|")]
        if len(lines) < 3:
            continue
        cells = [[c.strip() for c in re.split(r"(?<!\\)\|", ln.strip())[1:-1]] for ln in lines]
        assert len(cells[1]) == len(cells[0]), f"{path}: {len(cells[0])} columns but {len(cells[1])} alignments"
        for j, mark in enumerate(cells[1]):
            column = [row[j] for row in cells[2:]]
            if all(NUMBER.fullmatch(c) for c in column):
                assert mark == "--:", f"{path}: column {cells[0][j]!r} holds numbers but is aligned {mark}"
