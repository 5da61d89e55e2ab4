"""MkDocs hook: experiment pages are the executed notebooks, and behave like every other page.

Each experiment's source is docs/experiments/<name>.py; its page, experiments/<name>.ipynb in the
nav, is rendered by mkdocs-jupyter from the notebook that scripts/generators/notebook_outputs.py
executed into docs/generated/executed/experiments/<name>.ipynb.

nbconvert's output carries an empty MathJax <script src="">, a Mermaid loader that would fetch
from a CDN, JupyterLab's whole stylesheet (600 kB) inline on every notebook page, figures inlined as
base64, TeX left for MathJax and ids that repeat between cells and copy buttons. This hook removes
the scripts, moves the CSS the pages use and the figures into cached files, hands the TeX to the KaTeX hook and
numbers cells and copy buttons.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs_jupyter.plugin import NotebookFile, _compute_cache_key, _get_cache_path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads a hook by path, not as a package
import languages  # noqa: E402
from unused_css import classes_in, prune  # noqa: E402

NOTEBOOKS = "experiments/"
LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"  # the pinned versions of everything the build runs
EXECUTED = "generated/executed/"
FIGURE = re.compile(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)(#only-(?:light|dark))"')
MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$([^$]+?)\$", re.S)
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
EXPLICIT_ID = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)\s*\{#([\w-]+)\}<a class="anchor-link" href="#[^"]*">(.*?)</a></h\1>', re.S)
DROP = [
    re.compile(r'<script src="">\s*</script>'),
    re.compile(r'<!-- MathJax configuration -->\s*<script type="text/x-mathjax-config">.*?</script>', re.S),
    re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*'
               r'const diagrams = document\.querySelectorAll\("\.jp-Mermaid.*?</script>', re.S),
]
_css: dict[str, str] = {}  # file name -> CSS, written once after the build
_figures: dict[str, bytes] = {}  # file name -> SVG
_classes: set[str] = set()  # every class on a notebook page: the CSS they cannot use is dropped
_links: dict[str, str] = {}  # notebook page -> the <link> to its stylesheet, put in its <head>


@event_priority(-110)  # after the i18n plugin, which rebuilds every file from docs/ and would lose these pages
def on_files(files: Files, config) -> Files:
    """Each experiment's page, experiments/<name>.ipynb in the nav, comes from its executed notebook:
    <name>.<locale>.ipynb for a language that has its own, else the English <name>.ipynb."""
    for f in list(files):
        if f.src_uri.startswith(EXECUTED) or (f.src_uri.startswith(NOTEBOOKS) and ".py" in f.src_uri):
            files.remove(f)  # sources and executed copies are reached only through the pages
    executed = Path(config["docs_dir"]) / EXECUTED
    locale = languages.current(config)
    for source in sorted((Path(config["docs_dir"]) / NOTEBOOKS).glob("*.py")):
        if len(source.suffixes) > 1:
            continue  # <name>.ko.py: the Korean text of <name>.py
        uri = f"{NOTEBOOKS}{source.stem}.ipynb"
        own = f"{NOTEBOOKS}{source.stem}.{locale}.ipynb"
        notebook = own if locale != languages.DEFAULT and (executed / own).is_file() else uri
        if not (executed / notebook).is_file():
            raise FileNotFoundError(f"{executed / notebook} is missing: `make figures` executes the experiments")
        page = NotebookFile(File(notebook, str(executed), config["site_dir"], config["use_directory_urls"]),
                            **config)
        page.dest_uri = NotebookFile(File(uri, None, config["site_dir"], config["use_directory_urls"]), **config).dest_uri
        files.append(languages.localise(page, config, uri))
    return files


def _math(cell: str) -> str:
    """TeX in a Markdown cell, in the form pymdownx.arithmatex gives the KaTeX hook."""
    cell = DISPLAY_MATH.sub(lambda m: f'<span class="arithmatex">\\[{m.group(1)}\\]</span>', cell)  # inside a <p>
    return INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m.group(1)}\\)</span>', cell)


def _figure(m: re.Match, depth: int) -> str:
    svg = base64.b64decode(m.group(1))
    name = f"{hashlib.sha256(svg).hexdigest()[:16]}.svg"
    _figures[name] = svg
    # Lazy, like every figure on the site: of the four copies a figure has (light and dark, wide and phone)
    # the browser then fetches only the one it shows, and only when the reader comes to it.
    return f'loading="lazy" src="{"../" * depth}assets/experiments/{name}{m.group(2)}"'


def _is_notebook(page) -> bool:
    return page.file.src_uri.startswith(NOTEBOOKS) and page.file.src_uri.endswith(".ipynb")


@event_priority(-10)  # after mkdocs-jupyter's own, which forgets the conversions its last build used
def on_pre_build(config) -> None:
    _css.clear()  # `mkdocs serve` rebuilds in the same process: keep only this build's files
    _links.clear()
    _figures.clear()
    _classes.clear()
    _keep_every_language_in_the_cache(config)


def _keep_every_language_in_the_cache(config) -> None:
    """mkdocs-jupyter caches each notebook's conversion (in .cache/mkdocs-jupyter) and, after a build, evicts
    what that build did not convert. The i18n plugin builds each language apart, so each build evicted
    the other language's notebooks and no build ever found one cached (2 s of each rebuild). The notebooks
    of every language count as used in each build: only conversions of notebooks that are gone are evicted."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"]:
        return
    # Its keys are the notebook and the plugin's options, not the versions that convert it: a folder per
    # requirements.lock keeps an upgrade's build from showing what the old versions converted.
    plugin.cache_base = getattr(plugin, "cache_base", plugin.config["cache_dir"])  # as mkdocs.yml has it
    versions = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:12]
    plugin.config["cache_dir"] = str(Path(plugin.cache_base) / versions)
    for old in Path(plugin.cache_base).glob("*"):  # what earlier versions converted: never read again
        if old.is_dir() and old.name != versions:
            shutil.rmtree(old)
        elif old.is_file():
            old.unlink()
    for notebook in sorted((Path(config["docs_dir"]) / EXECUTED / NOTEBOOKS).glob("*.ipynb")):
        key = _compute_cache_key(str(notebook), plugin.config, plugin.config["execute"])
        plugin._used_cache_paths.add(_get_cache_path(plugin.config["cache_dir"], key))


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
    html = FIGURE.sub(lambda m: _figure(m, depth), html)
    html = MARKDOWN_CELL.sub(lambda m: m.group(1) + _math(m.group(2)) + m.group(3), html)
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
    html = re.sub(r'id="cell-id=([^"]+)"',
                  lambda m: f'id="cell-{numbers.setdefault(m.group(1), len(numbers) + 1)}"', html)
    # code that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable)
    html = html.replace('<div class="highlight-ipynb hl-python">', '<div class="highlight-ipynb hl-python" tabindex="0">')
    html = _explicit_ids(html, page.toc)
    page.title = re.sub(r"\s*\{#[\w-]+\}$", "", page.title or "")
    _classes.update(classes_in(html))
    _links[page.file.src_uri] = link
    return html


def on_post_page(output: str, page, config) -> str:
    """The notebook's stylesheet goes in <head>, after the others: a stylesheet met in the article would be
    fetched only once the parser got there, and nothing after it would be drawn, nor its scripts run, until
    it had loaded (on a phone, the page's first paragraph came one request later than its header)."""
    link = _links.get(page.file.src_uri)
    return output.replace("</head>", link + "</head>", 1) if link else output


def _explicit_ids(html: str, toc) -> str:
    """Headings written `## 결정 경계 {#decision-boundaries}` (a translation keeps the English page's
    anchors) get that id; nbconvert knows no such syntax and would show the braces."""
    def heading(m: re.Match) -> str:
        level, text, anchor = m.group(1), m.group(3), m.group(4)
        return (f'<h{level} id="{anchor}">{text}<a class="anchor-link" href="#{anchor}">'
                f'{m.group(5)}</a></h{level}>')
    html = EXPLICIT_ID.sub(heading, html)

    def titles(items) -> None:
        for item in items:
            m = re.fullmatch(r"(.*?)\s*\{#([\w-]+)\}", item.title)
            if m:
                item.title, item.id = m.group(1), m.group(2)
            titles(item.children)
    titles(toc)
    return html


def on_post_build(config) -> None:
    out = Path(config["site_dir"]) / "assets" / "stylesheets"
    out.mkdir(parents=True, exist_ok=True)
    for name, css in _css.items():
        (out / name).write_text(prune(css, _classes), encoding="utf-8")
    figures = Path(config["site_dir"]) / "assets" / "experiments"
    figures.mkdir(parents=True, exist_ok=True)
    for name, svg in _figures.items():
        (figures / name).write_bytes(svg)
