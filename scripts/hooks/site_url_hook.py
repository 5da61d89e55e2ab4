"""MkDocs hook: the site's public address, SITE_URL, if the build knows it.

Only the publishing workflow knows where the site will live (GitHub Pages tells it). With the address,
every page names its canonical URL and the sitemap lists every page of every language with its
translations as hreflang alternates (scripts/hooks/languages_hook.py). A build without it - `make site`,
`make serve`, the tests - writes relative links only, and a sitemap with no pages, rather than
guessing an address.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

VARIABLE = "SITE_URL"


def on_config(config):  # before the i18n plugin (-100), which prefixes the language menu with the address's path
    """Set site_url from the environment, ending in "/"; refuse anything but a plain http(s) URL."""
    url = os.environ.get(VARIABLE, "").strip()
    if not url:
        return config
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or "@" in parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{VARIABLE} must be a plain http(s) URL, without credentials, query or fragment")
    config["site_url"] = url.rstrip("/") + "/"
    return config
