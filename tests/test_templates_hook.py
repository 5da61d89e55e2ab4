"""The theme's templates are compiled once per process (scripts/hooks/templates_hook.py)."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

import templates_hook


def _env(source: str) -> Environment:
    env = Environment(loader=DictLoader({"page.html": source}))
    return templates_hook.on_env(env, config=None, files=None)


def test_a_later_build_renders_from_the_compiled_templates_and_an_edited_one_is_compiled_anew(monkeypatch):
    templates_hook.CACHE.clear()
    assert _env("{{ 1 + 1 }} {{ title }}").get_template("page.html").render(title="a") == "2 a"

    again = _env("{{ 1 + 1 }} {{ title }}")  # the next build: a new environment, the same template
    monkeypatch.setattr(again, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert again.get_template("page.html").render(title="b") == "2 b"

    edited = _env("{{ title }}!")
    assert edited.get_template("page.html").render(title="c") == "c!"


def test_a_second_notebook_conversion_compiles_no_template(monkeypatch):
    """mkdocs-jupyter makes a new exporter, so a new Jinja environment, for every notebook it converts."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A"), nbformat.v4.new_code_cell("1 + 1")])
    first, _ = HTMLExporter().from_notebook_node(nb)

    second = HTMLExporter()
    monkeypatch.setattr(second.environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert second.from_notebook_node(nb)[0] == first
