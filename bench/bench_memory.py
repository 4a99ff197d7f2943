"""Resident memory of a review-page kernel against an empty one, this tree and a baseline.

For each source tree (this one, and the baseline commit unpacked with ``git
archive`` into a temporary folder) a Python process does what a review kernel
does and prints its resident memory (VmRSS), twice: on a fresh screening cache
(the first page of a server: it screens, and builds the list index), then on the
cache that run left (every later page: another kernel's screenings and index
are on disk):

- empty: ipykernel and ipywidgets imported (a plain process, not a served kernel;
  the served figures below measure an empty Voila kernel);
- page: the review page built (``build_app``'s App), shown to a browser, and its
  background work (lists, matcher, screening ahead) ended;
- pick: the first proposal of the picker screened and shown;
- ahead: once the background work the pick started has ended.

Then the page's growth above the empty kernel against the target (≤ 150 MB) for
both trees, and their ratio. Then, for this tree, served pages in headless
Chromium (:mod:`served_kernels`): an empty Voila kernel, a review page kernel
after a pick, and the first pick made the instant the page appears with the
kernel pool off and on (``WORKBENCH_KERNEL_POOL`` 0 and 1, alternately, in the
same run). Asserts nothing; loopback and local files only.
Usage: ``python bench/bench_memory.py [BASELINE_COMMIT] [--no-served]`` (default 599078b).
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
sys.path.insert(0, str(ROOT / "bench"))
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
ws = Workspace(settings)
app = page.App(settings, ws, background=True, prefetch=True)
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
ws.flush(300)
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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    baseline = args[0] if args else BASELINE
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
            for cache in ("fresh cache", "shared cache"):  # the second reads the first's
                rows[f"{name}, {cache}"] = measure(tree, work)
        served = None
        if "--no-served" not in sys.argv:
            from served_kernels import measure as measure_served

            served = measure_served(base)
    for name, f in rows.items():
        print(f"{name}: page code from {f.pop('source')}")
    print(f"Review kernel resident memory (MB; demo proposals; load {os.getloadavg()[0]:.2f})")
    print(f"{'':36} {'empty':>7} {'page':>7} {'pick':>7} {'ahead':>7} {'above empty':>12}")
    growth = {}
    for name, f in rows.items():
        growth[name] = f["ahead"] - f["empty"]
        print(
            f"{name:36} {f['empty']:7.0f} {f['page']:7.0f} {f['pick']:7.0f} {f['ahead']:7.0f}"
            f" {growth[name]:12.0f}"
        )
    for name, g in growth.items():
        verdict = "within" if g <= TARGET_MB else "over"
        print(f"{name}: {g:.0f} MB above an empty kernel, {verdict} the {TARGET_MB} MB target")
    for cache in ("fresh cache", "shared cache"):
        base_g, this_g = (g for name, g in growth.items() if name.endswith(cache))
        print(f"growth ratio this tree / baseline, {cache}: {this_g / base_g:.2f}")
    if served is not None:
        from served_kernels import report

        report(served, TARGET_MB)


if __name__ == "__main__":
    main()
