"""MkDocs hook: the header links to the source repository named by SITE_REPO_URL, if any.

The site does not know where its repository lives: `make` sets SITE_REPO_URL from the git remote
(scripts/hooks/repo_url.py) and the publishing workflow from GitHub's context. Without it the header has
no repository link rather than a guessed one. docs/overrides/partials/source.html shows the link
without fetching anything from the repository's host.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # MkDocs loads a hook by path, not as a package
import plain_url  # noqa: E402

VARIABLE = "SITE_REPO_URL"


def on_config(config):
    """Set repo_url from the environment; refuse anything but a plain http(s) URL."""
    url = plain_url.from_environment(VARIABLE)
    if url:
        config["repo_url"] = url
    return config
