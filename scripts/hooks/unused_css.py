"""Drop the CSS a set of pages cannot use: rules whose selectors name classes none of them has, and
custom properties nothing reads.

Written for nbconvert's stylesheet (JupyterLab's whole theme, most of it for widgets a static page
never shows). It is deliberately conservative: a selector is dropped only when it names a class
missing from the pages, outside :not(...); at-rules other than @media and @supports are kept.
"""

from __future__ import annotations

import re

COMMENT = re.compile(r"/\*.*?\*/", re.S)
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
CUSTOM = re.compile(r"^\s*(--[\w-]+)\s*:")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
GROUPING = ("@media", "@supports")
EMPTY = re.compile(r"(?<=[{};])[^{};@]*\{\s*;*\s*\}|@(?:media|supports)[^{};]*\{\s*\}")


def _split(text: str, sep: str) -> list[str]:
    """text split at sep where it is outside brackets, parentheses and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; body None for a statement such as @charset."""
    out, i, n = [], 0, len(css)
    while i < n:
        brace, semi = css.find("{", i), css.find(";", i)
        if brace == -1 and semi == -1:
            break
        if semi != -1 and (brace == -1 or semi < brace) and css[i:semi].strip().startswith("@"):
            out.append((css[i:semi].strip(), None))
            i = semi + 1
            continue
        depth, j, quote = 1, brace + 1, ""
        while depth and j < n:
            ch = css[j]
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            j += 1
        out.append((css[i:brace].strip(), css[brace + 1:j - 1]))
        i = j
    return out


def _selector_used(selector: str, classes: set[str]) -> bool:
    return all(c in classes for c in CLASS.findall(NOT.sub("", selector)))


def _prune_rules(css: str, classes: set[str]) -> list[tuple[str, str | None]]:
    kept = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@charset"):
            continue  # only valid first in a file, and the file is served as UTF-8 anyway
        if body is None or prelude.startswith("@") and not prelude.startswith(GROUPING):
            kept.append((prelude, body))
        elif prelude.startswith(GROUPING):
            inner = _prune_rules(body, classes)
            if inner:
                kept.append((prelude, _join(inner)))
        else:
            selectors = [s.strip() for s in _split(prelude, ",") if _selector_used(s, classes)]
            if selectors and body.strip():
                kept.append((",".join(selectors), body))
    return kept


def _join(blocks: list[tuple[str, str | None]]) -> str:
    return "".join(f"{p};" if b is None else f"{p}{{{b}}}" for p, b in blocks)


def _drop_unread_properties(css: str) -> str:
    """Remove custom property declarations that no var() reads, until none is left to remove."""
    while True:
        read = set(VAR.findall(css))

        def strip(body: str) -> str:
            return ";".join(d for d in _split(body, ";") if not ((m := CUSTOM.match(d)) and m.group(1) not in read))

        new = re.sub(r"\{([^{}]*)\}", lambda m: "{" + strip(m.group(1)) + "}", css)
        new = EMPTY.sub("", new)
        if new == css:
            return new
        css = new


def prune(css: str, classes: set[str]) -> str:
    """css without the rules that need a class outside `classes`, nor custom properties never read."""
    return _drop_unread_properties(_join(_prune_rules(COMMENT.sub("", css), classes)))


def classes_in(html: str) -> set[str]:
    """Every class named in class="..." attributes of html."""
    return {c for value in re.findall(r'class="([^"]*)"', html) for c in value.split()}
