"""Refresh the copy of KaTeX in docs/assets/katex/ (`make vendor-katex`; needs npm).

Formulas are rendered at build time by scripts/hooks/katex_hook.py, which runs katex.min.js; pages
load only the stylesheet and the fonts, from the site itself. Kept: the minified script, the
stylesheet, the woff2 fonts (every browser KaTeX supports reads woff2, so the stylesheet's
woff/ttf fallbacks are dropped) and the licence.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.16.47"
DEST = Path(__file__).resolve().parents[2] / "docs" / "assets" / "katex"


def woff2_only(css: str) -> str:
    """Keep only the woff2 source in each @font-face src list."""
    return re.sub(r'(url\(fonts/[^)]+\.woff2\) format\("woff2"\))(,url\([^)]+\) format\("(?:woff|truetype)"\))+',
                  r"\1", css)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"katex@{VERSION}", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        with tarfile.open(next(Path(tmp).glob("katex-*.tgz"))) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        if DEST.exists():
            shutil.rmtree(DEST)
        (DEST / "fonts").mkdir(parents=True)
        shutil.copy(pkg / "dist" / "katex.min.js", DEST)
        shutil.copy(pkg / "LICENSE", DEST / "LICENSE")
        css = woff2_only((pkg / "dist" / "katex.min.css").read_text())
        if re.search(r"\.(woff|ttf)\)", css):
            raise SystemExit("katex.min.css still names woff/ttf fonts: update woff2_only()")
        (DEST / "katex.min.css").write_text(css)
        for font in sorted((pkg / "dist" / "fonts").glob("*.woff2")):
            shutil.copy(font, DEST / "fonts")
    print(f"KaTeX {VERSION} copied to {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
