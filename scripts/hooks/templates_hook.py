"""MkDocs hook: the theme's and the notebook converter's templates are compiled once per process.

Each build makes a new Jinja environment, which compiles every template it renders from source:
the i18n plugin's build of the second language compiled the same templates again, as does every
rebuild under `make serve`; and mkdocs-jupyter makes a new nbconvert exporter, with a new environment,
for each notebook it converts (eight a build, 0.6 s of compiling). The environments share a cache of the
compiled code instead, keyed by Jinja with each template's name and a checksum of its source, so an
edited template is compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from nbconvert.exporters.templateexporter import TemplateExporter


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process's memory."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.code.clear()


CACHE = MemoryBytecodeCache()


def on_env(env, config, files):  # noqa: ARG001 - MkDocs hook signature
    env.bytecode_cache = CACHE
    return env


def _nbconvert_environment(create):
    """nbconvert's _create_environment, with the environment it makes reading from and adding to CACHE."""
    def create_environment(exporter):
        env = create(exporter)
        env.bytecode_cache = CACHE
        return env

    create_environment.shares_compiled_templates = True
    return create_environment


# Once, though a process may import this file twice (MkDocs loads it by path, the tests by name).
if not getattr(TemplateExporter._create_environment, "shares_compiled_templates", False):
    TemplateExporter._create_environment = _nbconvert_environment(TemplateExporter._create_environment)
