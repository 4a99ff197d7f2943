"""Served review pages in headless Chromium: their kernels' memory and the first pick.

Used by ``bench_memory.py``. One Voila server (``python -m serving``, loopback)
at a time, on the demo proposals, for each source tree given (this one and a
baseline commit's files), the trees alternating round by round so the
machine's load falls on each alike:

- an empty notebook served by Voila: its kernel's resident memory;
- per tree and way of :data:`VARIANTS`: a fresh page opened (time to
  interactive: until the picker lists the proposals), a proposal picked the
  instant the picker shows, the time until its findings and network are shown,
  then the page kernel's resident memory once the kernels have gone quiet
  (screening ahead ended). *In the cache*: every screening already in the
  shared disk cache (as another reviewer's page leaves it); *not screened*: the
  proposal picked is in nobody's cache (a fresh cache folder each time).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_dashboard import _switch  # noqa: E402
from bench_team import _empty_kernel_mb, _kernels, _rss_kb  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, DEMO, start_voila, stop  # noqa: E402

QUIET_S = 3.0
WAIT_S = 180.0
FIRST_PICK_TARGET_S = 1.0


def _cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total


def _quiet(kernels: Callable[[], list[int]], at_least: int = 1) -> None:
    """Wait (bounded) until ``at_least`` kernels run and none used CPU for QUIET_S seconds."""
    deadline = time.monotonic() + WAIT_S
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        pids = kernels()
        ticks = _cpu_ticks(pids) if len(pids) >= at_least else -1
        if ticks != last:
            last, since = ticks, time.monotonic()
        elif ticks >= 0 and time.monotonic() - since >= QUIET_S:
            return
        time.sleep(0.5)  # polling processes, not waiting on a page


def _filled(log: Path, pool: int) -> None:
    """Wait (bounded) until Voila says its pool holds ``pool`` preheated kernels."""
    deadline = time.monotonic() + WAIT_S
    while f"is filled with {pool} kernel(s)" not in log.read_text(errors="replace"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the kernel pool was not filled within {WAIT_S:.0f} s")
        time.sleep(0.5)  # polling the server's log, not waiting on a page


def _warm_cache(env: dict[str, str]) -> None:
    """Screen every demo proposal into the shared cache, as the pages will ask for them."""
    import subprocess

    code = (
        "from workbench.settings import Settings\n"
        "from workbench.session.workspace import Workspace\n"
        "ws = Workspace(Settings.from_env())\n"
        "ws.prepare_index()\n"
        "for f in ws.folders():\n"
        "    ws.screen(f.id)\n"
        "assert ws.flush(300)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, timeout=900)


def _one_page(browser: Any, url: str, proc: Any, folder: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        started = time.perf_counter()
        page.goto(url)
        page.locator(".wb-picker option").first.wait_for(timeout=WAIT_S * 1000)
        tti = time.perf_counter() - started
        pick = _switch(page, folder, {})  # picked the instant the picker shows
        _quiet(lambda: _kernels(proc.pid))
        kernels = [_rss_kb(k) / 1024 for k in _kernels(proc.pid)]
        return {
            "tti": tti,
            "pick": pick,
            "kernel": max(kernels),
            "kernels": sum(kernels),
            "errors": len(errors),
        }
    finally:
        page.close()


#: The ways a page is served and picked from: the kernel pool (Voila's preheating) off,
#: as by default, or on; the proposal picked in the shared disk cache or not.
VARIANTS = {
    "in the cache": {"WORKBENCH_KERNEL_POOL": "0"},
    "not screened": {"WORKBENCH_KERNEL_POOL": "0", "fresh": "1"},
    "in the cache, pool 1": {"WORKBENCH_KERNEL_POOL": "1"},
}


def measure(
    tmp: Path, trees: dict[str, Path], rounds: int = 3, pooled: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The figures above for each of ``trees`` (name → source folder), with the servers'
    files in ``tmp``; the pool variant only for the trees named in ``pooled``."""
    from playwright.sync_api import sync_playwright

    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "WORKBENCH"))}
    env |= {
        "WORKBENCH_DATA_DIR": str(DEMO),
        "WORKBENCH_CACHE_DIR": str(tmp / "served-cache"),
        "WORKBENCH_DB_URL": f"sqlite:///{tmp / 'served.db'}",
    }
    _warm_cache(env)
    folders = sorted(p.name for p in DEMO.iterdir() if p.is_dir())
    runs: dict[str, list[dict[str, float]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        empty = _empty_kernel_mb(browser, tmp)
        n = 0
        for _ in range(rounds):  # trees and variants alternate: the load falls on each
            for variant, setting in VARIANTS.items():
                for tree_name, tree in trees.items():
                    if "pool 1" in variant and tree_name not in pooled:
                        continue
                    log = tmp / f"served-{n}.log"
                    extra: dict[str, str | None] = {
                        **env,
                        "WORKBENCH_KERNEL_POOL": setting["WORKBENCH_KERNEL_POOL"],
                    }
                    if setting.get("fresh"):
                        extra["WORKBENCH_CACHE_DIR"] = str(tmp / f"fresh-cache-{n}")
                    notebook = tree / "notebooks" / "review.ipynb"
                    proc, url = start_voila(notebook, extra, log, tree=tree)
                    try:
                        pool = int(setting["WORKBENCH_KERNEL_POOL"])
                        if pool:  # the pool's kernel has run the page before anyone asks
                            _filled(log, pool)
                            _quiet(lambda proc=proc: _kernels(proc.pid), at_least=pool)
                        folder = folders[n % len(folders)]
                        one = _one_page(browser, url, proc, folder)
                        runs.setdefault(f"{tree_name}: {variant}", []).append(one)
                    finally:
                        stop(proc)
                    n += 1
        browser.close()
    return {"empty": empty, "runs": runs, "load": os.getloadavg()}


def report(figures: dict[str, Any], target_mb: float) -> None:
    empty = figures["empty"]
    print(
        f"\nServed pages (Voila + headless Chromium, a proposal picked the instant the picker "
        f"shows; load average at the end {', '.join(f'{x:.2f}' for x in figures['load'])})"
    )
    print(f"empty Voila kernel (an empty notebook served): {empty:.0f} MB")
    print(
        f"{'':44} {'TTI s':>6} {'first pick s (runs)':>27} {'kernel MB':>10} "
        f"{'above empty':>12} {'errors':>7}"
    )
    medians: dict[str, dict[str, float]] = {}
    for name, runs in figures["runs"].items():
        medians[name] = {k: statistics.median(r[k] for r in runs) for k in ("tti", "pick")}
        medians[name]["kernel"] = statistics.median(r["kernel"] for r in runs)
        m = medians[name]
        picks = ", ".join(f"{r['pick']:.2f}" for r in runs)
        print(
            f"{name:44} {m['tti']:6.2f} {m['pick']:8.2f} ({picks:>16})"
            f" {m['kernel']:10.0f} {m['kernel'] - empty:12.0f}"
            f" {sum(int(r['errors']) for r in runs):7d}"
        )
    for name, m in medians.items():
        growth = m["kernel"] - empty
        verdict = "within" if growth <= target_mb else "over"
        if "pool" not in name:
            print(
                f"{name}: page kernel {growth:.0f} MB above the empty Voila kernel, {verdict} "
                f"the {target_mb:.0f} MB target"
            )
        if "not screened" not in name:
            met = "met" if m["pick"] < FIRST_PICK_TARGET_S else "not met"
            print(f"{name}: first pick {m['pick']:.2f} s, target < 1 s {met}")
    trees = {name.split(": ")[0] for name in medians}
    bases = sorted(t for t in trees if t != "this tree")
    if not bases or "this tree" not in trees:
        return
    for variant in VARIANTS:
        a, b = medians.get(f"{bases[0]}: {variant}"), medians.get(f"this tree: {variant}")
        if a and b:
            print(
                f"this tree / {bases[0]}, {variant}: first pick {b['pick'] / a['pick']:.2f}, "
                f"time to interactive {b['tti'] / a['tti']:.2f}; kernel above empty "
                f"{b['kernel'] - empty:.0f} MB vs {a['kernel'] - empty:.0f} MB"
            )
