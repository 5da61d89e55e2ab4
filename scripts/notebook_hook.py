"""MkDocs hook: make executed notebook pages (mkdocs-jupyter) behave like every other page.

nbconvert's output carries an empty MathJax <script src="">, a Mermaid loader that would fetch
from a CDN, half a megabyte of inline CSS repeated on every notebook page, and random cell ids.
This hook removes the scripts, moves the CSS into one cached stylesheet, and numbers the cells.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

NOTEBOOKS = "experiments/"
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
DROP = [
    re.compile(r'<script src="">\s*</script>'),
    re.compile(r'<!-- MathJax configuration -->\s*<script type="text/x-mathjax-config">.*?</script>', re.S),
    re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*'
               r'const diagrams = document\.querySelectorAll\("\.jp-Mermaid.*?</script>', re.S),
]
_css: dict[str, str] = {}  # file name -> CSS, written once after the build


def _is_notebook(page) -> bool:
    return page.file.src_uri.startswith(NOTEBOOKS) and page.file.src_uri.endswith((".py", ".ipynb"))


def on_page_content(html: str, page, config, files) -> str:
    if not _is_notebook(page):
        return html
    # A notebook has no front matter: its first paragraph is the page's meta description.
    first = re.search(r"<p>(.*?)</p>", html, re.S)
    if first and "description" not in page.meta:
        page.meta["description"] = " ".join(re.sub(r"<[^>]+>", "", first.group(1)).split())
    for pattern in DROP:
        html = pattern.sub("", html)
    css = "\n".join(m.group(1) for m in STYLE.finditer(html))
    name = f"notebook.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    _css[name] = css
    depth = page.url.count("/")
    link = f'<link rel="stylesheet" href="{"../" * depth}assets/stylesheets/{name}">'
    html = STYLE.sub("", html)
    # mkdocs-jupyter gives each copy button's hidden text an id like the cells', and writes a stray
    # `,=""` attribute and an aria-label the element's role does not allow: give them their own.
    copies: dict[str, int] = {}
    html = re.sub(r'<clipboard-copy ,="" aria-label="Copy to Clipboard" for="([^"]+)">',
                  lambda m: f'<clipboard-copy role="button" tabindex="0" aria-label="Copy to clipboard" '
                            f'for="copy-{copies.setdefault(m.group(1), len(copies) + 1)}">', html)
    html = re.sub(r'<div class="clipboard-copy-txt" id="([^"]+)">',
                  lambda m: f'<div class="clipboard-copy-txt" id="copy-{copies.setdefault(m.group(1), len(copies) + 1)}">',
                  html)
    numbers: dict[str, int] = {}
    html = re.sub(r'id="cell-id=([0-9a-f-]+)"',
                  lambda m: f'id="cell-{numbers.setdefault(m.group(1), len(numbers) + 1)}"', html)
    # code that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable)
    html = html.replace('<div class="highlight-ipynb hl-python">', '<div class="highlight-ipynb hl-python" tabindex="0">')
    return link + html


def on_post_build(config) -> None:
    out = Path(config["site_dir"]) / "assets" / "stylesheets"
    out.mkdir(parents=True, exist_ok=True)
    for name, css in _css.items():
        (out / name).write_text(css, encoding="utf-8")
