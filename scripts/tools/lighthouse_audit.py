"""Lighthouse on every page of the built site, mobile and desktop: `make audit`.

The site is served the way a static host serves it (gzip, cache headers; see serve_site.py)
and Lighthouse drives Debian's Chromium (CHROME_PATH). Prints the four category scores and the
transfer size per page and exits 1 if any page misses a budget. Each measurement is the median of three runs
(AUDIT_RUNS). Reports go to .audit/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from serve_site import page_urls, serving

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "scripts" / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / ".audit"
# Paint holding off, as Playwright has it: Lighthouse opens each page from about:blank, and with paint
# holding this headless Chromium kept a page's first frame from the screen for 1-2 s after the page had
# painted it (the trace shows its first paint at ~0.3 s, then no frame from the compositor until ~1.3 or
# ~2.3 s, the main thread idle): in a third of the runs (every run on some pages) Lighthouse then counted
# the first paint a second late, and with it all the page's later work as blocking it.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--disable-features=PaintHolding")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lowest acceptable score per category and form factor, and the largest transfer per page.
BUDGETS = {
    "mobile": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
    "desktop": {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100},
}
MAX_TRANSFER_KIB = 350
# Lighthouse's performance score varies from run to run (by 10 points and more on a busy
# 2-core machine), so each page is measured RUNS times and the median run counts.
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))


def run(url: str, form_factor: str, report: Path) -> dict:
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(cmd, check=True, env=env, timeout=300)
    data = json.loads(report.read_text())
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failed = [a["id"] for a in data["audits"].values()
              if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "metricSavings")
              and any(a["id"] in [r["id"] for r in data["categories"][c]["auditRefs"]] for c in CATEGORIES[1:])]
    return {**scores, "kib": data["audits"]["total-byte-weight"]["numericValue"] / 1024, "failed": failed}


def median_run(url: str, form_factor: str, report: Path) -> dict:
    runs = sorted((run(url, form_factor, report.with_suffix(f".{i}.json")) for i in range(RUNS)),
                  key=lambda r: r["performance"])
    return {**runs[len(runs) // 2], "all": [r["performance"] for r in runs]}


def main(site: Path = ROOT / "site") -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `make audit`, which installs it with npm.", file=sys.stderr)
        return 2
    REPORTS.mkdir(exist_ok=True)
    misses = []
    header = f"{'page':<30} {'form':<8} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'KiB':>7}  perf of each run"
    print(header + "\n" + "-" * len(header))
    with serving(site) as base:
        for page in page_urls(site):
            for form in ("mobile", "desktop"):
                name = (page.strip("/").replace("/", "-") or "home") + f"-{form}"
                r = median_run(base + page, form, REPORTS / f"{name}.json")
                print(f"{'/' + page:<30} {form:<8} {r['performance']:>5} {r['accessibility']:>5} "
                      f"{r['best-practices']:>5} {r['seo']:>5} {r['kib']:>7.1f}  {r['all']}", flush=True)
                misses += [f"/{page} {form}: {c} {r[c]} < {b}" for c, b in BUDGETS[form].items() if r[c] < b]
                if r["kib"] > MAX_TRANSFER_KIB:
                    misses.append(f"/{page} {form}: transfer {r['kib']:.0f} KiB > {MAX_TRANSFER_KIB} KiB")
                if r["failed"]:
                    misses.append(f"/{page} {form}: failing audits {', '.join(r['failed'])}")
    print("\n" + ("\n".join(misses) if misses else "every page is within budget"))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
