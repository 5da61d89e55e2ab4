"""MkDocs hook: the header links to the source repository named by SITE_REPO_URL, if any.

The site does not know where its repository lives: `make` sets SITE_REPO_URL from the git remote
(scripts/hooks/repo_url.py) and the publishing workflow from GitHub's context. Without it the header has
no repository link rather than a guessed one. docs/overrides/partials/source.html shows the link
without fetching anything from the repository's host.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

VARIABLE = "SITE_REPO_URL"


def on_config(config):
    """Set repo_url from the environment; refuse anything but a plain http(s) URL."""
    url = os.environ.get(VARIABLE, "").strip()
    if not url:
        return config
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or "@" in parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{VARIABLE} must be a plain http(s) URL, without credentials, query or fragment")
    config["repo_url"] = url
    return config
