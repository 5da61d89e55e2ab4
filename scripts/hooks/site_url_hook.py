"""MkDocs hook: the site's public address, SITE_URL, if the build knows it.

Only the publishing workflow knows where the site will live (GitHub Pages tells it). With the address,
every page names its canonical URL and the sitemap lists every page of every language with its
translations as hreflang alternates (scripts/hooks/languages_hook.py). A build without it - `make site`,
`make serve`, the tests - writes relative links only, and a sitemap with no pages, rather than
guessing an address.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads a hook by path, not as a package
import plain_url  # noqa: E402

VARIABLE = "SITE_URL"


def on_config(config):  # before the i18n plugin (-100), which prefixes the language menu with the address's path
    """Set site_url from the environment, ending in "/"; refuse anything but a plain http(s) URL."""
    url = plain_url.from_environment(VARIABLE)
    if url:
        config["site_url"] = url.rstrip("/") + "/"
    return config
