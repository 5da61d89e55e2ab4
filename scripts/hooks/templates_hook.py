"""MkDocs hook: the theme's templates are compiled once per process, not once per build.

Each build makes a new Jinja environment, which compiles every template it renders from source:
the i18n plugin's build of the second language compiled the same templates again, as does every
rebuild under `make serve`. The environments share a cache of the compiled code instead, keyed by
Jinja with each template's name and a checksum of its source, so an edited template is compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache


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
