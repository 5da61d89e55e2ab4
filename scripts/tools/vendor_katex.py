"""Refresh the copy of KaTeX in docs/assets/katex/ (`make vendor-katex`; needs npm).

Formulas are rendered to MathML at build time by scripts/hooks/katex_hook.py, which runs
katex.min.js; pages load none of KaTeX (their math font is vendor_math_font.py's). Kept: the
minified script and the licence.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.16.47"
DEST = Path(__file__).resolve().parents[2] / "docs" / "assets" / "katex"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"katex@{VERSION}", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        with tarfile.open(next(Path(tmp).glob("katex-*.tgz"))) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        if DEST.exists():
            shutil.rmtree(DEST)
        DEST.mkdir(parents=True)
        shutil.copy(pkg / "dist" / "katex.min.js", DEST)
        shutil.copy(pkg / "LICENSE", DEST / "LICENSE")
    print(f"KaTeX {VERSION} copied to {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
