"""An http(s) address given to the build in an environment variable (SITE_URL, SITE_REPO_URL)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit


def from_environment(variable: str) -> str:
    """The variable's address, or "" when it is unset or blank; a ValueError for anything but a plain
    http(s) URL (no credentials, query or fragment)."""
    url = os.environ.get(variable, "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or "@" in parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{variable} must be a plain http(s) URL, without credentials, query or fragment")
    return url
