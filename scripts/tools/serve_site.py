"""Serve a built site on 127.0.0.1 the way a static host does: gzip for text, cache headers.

Used by `make audit` (Lighthouse) and the browser tests: `python scripts/tools/serve_site.py site 8000`.
"""

from __future__ import annotations

import gzip
import re
import sys
import threading
from contextlib import contextmanager
from functools import partial
from io import BytesIO
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Material names its bundles with a content hash (main.57a0d79d.min.css); only those can be
# cached for good. Our own CSS/JS and KaTeX keep their names across changes, so they revalidate.
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "image/svg+xml", "text/plain", "application/xml", "text/xml"}


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".svg": "image/svg+xml",
                      ".woff2": "font/woff2", ".json": "application/json", ".xml": "application/xml"}
    _gzip_cache: dict[tuple[str, int], bytes] = {}
    # linkchecker waits between requests to one host unless the host answers with this header
    # (its documented opt-in for faster checking); only the link tests turn it on.
    allow_fast_link_checks = False

    def log_message(self, *args):  # quiet: tests and audits print their own summaries
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the standard redirect to the trailing slash
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file():
            self.send_error(404)
            return None
        if ctype not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns)
        if key not in self._gzip_cache:
            self._gzip_cache[key] = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        body = self._gzip_cache[key]
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith("text/") else ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return BytesIO(body)

    def end_headers(self):
        hashed = HASHED.search(self.path.split("?")[0])
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if hashed else "no-cache")
        if self.allow_fast_link_checks:
            self.send_header("LinkChecker", "local")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as static hosts do.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def page_urls(site: Path) -> list[str]:
    """The URL path (relative to the site root) of every page of a built site: "", "a/b/", ..."""
    site = Path(site)
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))


@contextmanager
def serving(directory: Path, port: int = 0, fast_link_checks: bool = False):
    """Serve directory on 127.0.0.1 (a free port unless given) in a thread; yields the base URL."""
    handler = type("SiteHandler", (Handler,), {"allow_fast_link_checks": fast_link_checks})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000  # 0: a free port, named in the first line printed
    with serving(directory, port) as url:
        print(f"serving {directory} on {url} (Ctrl-C to stop)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
