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
- pick: the proposal in the middle of the picker's list (not among those the page
  screened ahead: on a fresh cache it is screened afresh) screened and shown;
- ahead: once the background work the pick started has ended.

Then the page's growth above the empty kernel against the target (≤ 150 MB) for
both trees, and their ratio. Then served pages of both trees in headless
Chromium (:mod:`served_kernels`): an empty Voila kernel, the review page's
kernel after a pick made the instant the page appears, and that first pick's
time, with the picked proposal in the disk cache or not; and, for this tree,
with the kernel pool on (``WORKBENCH_KERNEL_POOL=1``). Asserts nothing;
loopback and local files only.
The largest child process (``child peak``: screening in a separate process) is
shown beside. Usage: ``python bench/bench_memory.py [BASELINE_COMMIT] [--no-served]``
(default 6407fd3).
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
#: The code before the pick was screened in a child process and plotly.js came with the page.
BASELINE = "6407fd3"

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
app.screening.open_proposal(ids[len(ids) // 2])  # not among those screened ahead
app.screening.wait(600)
out["pick"] = rss()
app.idle(600)
out["ahead"] = rss()
ws.flush(300)
app.stop()
import resource
out["child"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(out))
"""


#: Where a review kernel's memory goes: resident memory after each step of a page's life,
#: then (a second process, as tracing costs memory itself) the live Python allocations
#: by package. The proposal picked first is in the disk cache, the second is not.
WHERE = r"""
import json, sys, tracemalloc
from pathlib import Path
TRACE = sys.argv[1] == "trace"
if TRACE:
    tracemalloc.start()
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
steps = []
def step(name):
    steps.append((name, rss()))
import ipykernel.ipkernel, ipywidgets
step("ipykernel + ipywidgets (empty)")
import widgets.review.app as page
step("page modules imported")
from workbench.settings import Settings
from workbench.session.workspace import Workspace
from widgets.review.parts import warm_network
ws = Workspace(Settings.from_env())
app = page.App(ws.settings, ws, background=True, prefetch=True)
step("page built (picker, overview, findings)")
ws.statuses()
step("store opened (statuses)")
ws.lists()
step("lists read")
warm_network()
step("plotly imported")
app.parts.prepare()
step("review parts and network explorer made")
ids = [str(e["id"]) for e in app.picker.entries if not e.get("error")]
app.screening.open_proposal(ids[0])
app.screening.wait(600)
step("pick read back from the disk cache")
app.screening.open_proposal(ids[-1])
app.screening.wait(600)
step("pick screened in a child process, read back")
out = {"steps": steps}
if TRACE:
    by = {}
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        name = stat.traceback[0].filename
        parts = Path(name).parts
        key = next((parts[i + 1] for i, p in enumerate(parts) if p == "site-packages"
                    and i + 1 < len(parts)), None)
        if key is None:
            key = next((p for p in ("widgets", "workbench") if p in parts), Path(name).name)
        by[key] = by.get(key, 0) + stat.size
    out["python"] = sorted(((k, v / 2**20) for k, v in by.items()), key=lambda x: -x[1])[:14]
app.stop()
print(json.dumps(out))
"""


def where(work: Path) -> None:
    """Print :data:`WHERE`'s figures for this tree (on a cache with the first proposal)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "WORKBENCH"))}
    env |= {
        "WORKBENCH_DATA_DIR": str(ROOT / "data" / "demo" / "proposals"),
        "WORKBENCH_CACHE_DIR": str(work / "cache"),
        "WORKBENCH_DB_URL": f"sqlite:///{work / 'workbench.db'}",
    }
    warm = (
        "from workbench.session.workspace import Workspace\n"
        "from workbench.settings import Settings\n"
        "ws = Workspace(Settings.from_env())\n"
        "ws.screen(ws.folders()[0].id)\n"
        "assert ws.flush(300)\n"
    )
    subprocess.run([sys.executable, "-c", warm], env=env, cwd=ROOT, check=True, timeout=900)
    runs = {}
    for mode in ("rss", "trace"):
        done = subprocess.run(
            [sys.executable, "-c", WHERE, mode],
            env=env,
            cwd=ROOT,
            capture_output=True,
            timeout=1200,
        )
        if done.returncode:
            raise SystemExit(f"probe failed:\n{done.stderr.decode()[-2000:]}")
        runs[mode] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    print(f"\nWhere this tree's review kernel's memory goes (MB; load {os.getloadavg()[0]:.2f})")
    last = None
    for name, mb in runs["rss"]["steps"]:
        grew = "" if last is None else f"{mb - last:+7.1f}"
        print(f"  {name:46} {mb:7.1f} {grew}")
        last = mb
    print("  live Python allocations at the end, by package (tracemalloc):")
    print("   ", ", ".join(f"{k} {v:.1f}" for k, v in runs["trace"]["python"]))


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
        where(base / "where")
        served = None
        if "--no-served" not in sys.argv:
            from served_kernels import measure as measure_served

            served = measure_served(base, trees, pooled=("this tree",))
    for name, f in rows.items():
        print(f"{name}: page code from {f.pop('source')}")
    print(f"Review kernel resident memory (MB; demo proposals; load {os.getloadavg()[0]:.2f})")
    print(
        f"{'':36} {'empty':>7} {'page':>7} {'pick':>7} {'ahead':>7} {'above empty':>12}"
        f" {'child peak':>11}"
    )
    growth = {}
    for name, f in rows.items():
        growth[name] = f["ahead"] - f["empty"]
        print(
            f"{name:36} {f['empty']:7.0f} {f['page']:7.0f} {f['pick']:7.0f} {f['ahead']:7.0f}"
            f" {growth[name]:12.0f} {f['child']:11.0f}"
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
