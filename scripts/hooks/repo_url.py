"""Print the web address of this checkout's git remote `origin`, or nothing if it has none.

`make` passes it to the site as SITE_REPO_URL (see scripts/hooks/repo_url_hook.py). An SSH remote
(git@host:owner/name.git, ssh://git@host/owner/name.git) becomes https://host/owner/name; any user
name or token in an https remote is dropped; a remote that is a local path gives nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urlsplit

SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,}):(?!//)(.+)$", re.I)  # git@github.com:owner/name.git


def web_url(remote: str) -> str:
    """The https address of a git remote URL, or "" when it is not on a web host."""
    remote = remote.strip()
    m = SCP_LIKE.match(remote)
    if m:
        host, path = m.groups()
    else:
        parts = urlsplit(remote)
        if parts.scheme not in ("https", "http", "ssh", "git") or not parts.hostname:
            return ""
        host, path = parts.hostname, parts.path
    path = re.sub(r"\.git$", "", path.strip("/")).strip("/")
    return f"https://{host.lower()}/{path}" if path else ""


def main() -> int:
    try:
        remote = subprocess.run(["git", "remote", "get-url", "origin"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return 0  # no git, or no remote called origin: the site gets no repository link
    print(web_url(remote))
    return 0


if __name__ == "__main__":
    sys.exit(main())
