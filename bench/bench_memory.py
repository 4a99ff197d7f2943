"""Resident memory of a review-page kernel against an empty one, this tree and a baseline.

For each source tree (this one, and the baseline commit unpacked with ``git
archive`` into a temporary folder) a fresh Python process, with a fresh screening
cache, does what a review kernel does and prints its resident memory (VmRSS):

- empty: ipykernel and ipywidgets imported (what an empty Voila kernel holds);
- page: the review page built (``build_app``'s App), shown to a browser, and its
  background work (lists, matcher, screening ahead) ended;
- pick: the first proposal of the picker screened and shown;
- ahead: once the background work the pick started has ended.

Then the page's growth above the empty kernel against the target (≤ 150 MB) for
both trees, and their ratio. Asserts nothing; loopback and local files only.
Usage: ``python bench/bench_memory.py [BASELINE_COMMIT]`` (default 599078b).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 150
BASELINE = "599078b"

PROBE = r"""
import json, sys
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
out = {}
import ipykernel.ipkernel, ipywidgets
out["empty"] = rss()
import widgets.review.app as page
from workbench.settings import Settings
from workbench.session.workspace import Workspace
settings = Settings.from_env()
app = page.App(settings, Workspace(settings), background=True, prefetch=True)
out["source"] = page.__file__
app.page_shown.shown = True
app.idle(600)
out["page"] = rss()
ids = [str(e["id"]) for e in app.picker.entries if not e.get("error")]
app.screening.open_proposal(ids[0])
app.screening.wait(600)
out["pick"] = rss()
app.idle(600)
out["ahead"] = rss()
app.stop()
print(json.dumps(out))
"""


def measure(tree: Path, work: Path) -> dict[str, float]:
    """The probe's figures for the source ``tree`` (fresh cache and store under ``work``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "WORKBENCH"))}
    env |= {
        "PYTHONPATH": str(tree),
        "WORKBENCH_DATA_DIR": str(ROOT / "data" / "demo" / "proposals"),
        "WORKBENCH_CACHE_DIR": str(work / "cache"),
        "WORKBENCH_DB_URL": f"sqlite:///{work / 'workbench.db'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=tree, capture_output=True, timeout=1200
    )
    lines = done.stdout.decode().strip().splitlines()
    if done.returncode or not lines:
        raise SystemExit(f"probe failed in {tree}:\n{done.stderr.decode()[-2000:]}")
    figures: dict[str, float] = json.loads(lines[-1])
    return figures


def unpack(commit: str, into: Path) -> Path:
    """The project's files at ``commit`` (with this tree's demo data)."""
    archive = subprocess.run(
        ["git", "archive", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> None:
    baseline = sys.argv[1] if len(sys.argv) > 1 else BASELINE
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        base = Path(tmp)
        trees = {
            f"baseline {baseline}": unpack(baseline, base / "baseline"),
            "this tree": ROOT,
        }
        rows = {}
        for name, tree in trees.items():
            work = base / name.replace(" ", "-")
            work.mkdir()
            rows[name] = measure(tree, work)
    for name, f in rows.items():
        print(f"{name}: page code from {f.pop('source')}")
    print("Review kernel resident memory (MB; fresh screening cache; demo proposals)")
    print(f"{'':22} {'empty':>7} {'page':>7} {'pick':>7} {'ahead':>7} {'above empty':>12}")
    growth = {}
    for name, f in rows.items():
        growth[name] = f["ahead"] - f["empty"]
        print(
            f"{name:22} {f['empty']:7.0f} {f['page']:7.0f} {f['pick']:7.0f} {f['ahead']:7.0f}"
            f" {growth[name]:12.0f}"
        )
    for name, g in growth.items():
        verdict = "within" if g <= TARGET_MB else "over"
        print(f"{name}: {g:.0f} MB above an empty kernel, {verdict} the {TARGET_MB} MB target")
    base_g, this_g = growth.values()
    print(f"growth ratio this tree / baseline: {this_g / base_g:.2f}")


if __name__ == "__main__":
    main()
