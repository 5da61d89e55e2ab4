"""Two SVGs of one picture compared but for matplotlib's ids, which hash content that includes the colours."""

from __future__ import annotations

import re

ID = re.compile(rb"\b[a-z][0-9a-f]{10}\b")  # an id matplotlib writes: a letter and ten hex digits of a hash


def ids_numbered(svg: bytes) -> bytes:
    """The SVG with each id replaced by the order of its first appearance."""
    seen: dict[bytes, bytes] = {}
    return ID.sub(lambda m: seen.setdefault(m.group(), b"id%d" % len(seen)), svg)
