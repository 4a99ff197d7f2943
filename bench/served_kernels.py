"""Served review pages in headless Chromium: their kernels' memory and the first pick.

Used by ``bench_memory.py``. One Voila server (``python -m serving``, loopback)
at a time, on the demo proposals with every screening already in the shared
disk cache (screened here first, as another reviewer's page would have):

- an empty notebook served by Voila: its kernel's resident memory;
- the review page served the ways of :data:`VARIANTS`, alternately, ``rounds``
  times each: a fresh page opened, a proposal picked the instant the picker
  shows, the time until its findings and network are shown, then the page
  kernel's resident memory once the kernels have gone quiet (screening ahead
  ended).
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
        pick = _switch(page, folder)  # picked the instant the picker shows
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


#: The page served with the kernel pool (Voila's preheating) off, as by default, and on.
VARIANTS = {
    "kernel pool 0": {"WORKBENCH_KERNEL_POOL": "0"},
    "kernel pool 1": {"WORKBENCH_KERNEL_POOL": "1"},
}


def measure(tmp: Path, rounds: int = 3) -> dict[str, Any]:
    """The figures above, with the server's environment in ``tmp``."""
    from playwright.sync_api import sync_playwright

    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "WORKBENCH"))}
    env |= {
        "WORKBENCH_DATA_DIR": str(DEMO),
        "WORKBENCH_CACHE_DIR": str(tmp / "served-cache"),
        "WORKBENCH_DB_URL": f"sqlite:///{tmp / 'served.db'}",
    }
    _warm_cache(env)
    folders = sorted(p.name for p in DEMO.iterdir() if p.is_dir())
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in VARIANTS}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        empty = _empty_kernel_mb(browser, tmp)
        n = 0
        for _ in range(rounds):  # the variants alternate: the machine's load falls on each
            for name, setting in VARIANTS.items():
                log = tmp / f"served-{n}.log"
                extra: dict[str, str | None] = {**env, **setting}
                proc, url = start_voila(ROOT / "notebooks" / "review.ipynb", extra, log)
                try:
                    pool = int(setting["WORKBENCH_KERNEL_POOL"])
                    if pool:  # the pool's kernel has run the page before anyone asks
                        _filled(log, pool)
                        _quiet(lambda proc=proc: _kernels(proc.pid), at_least=pool)
                    runs[name].append(_one_page(browser, url, proc, folders[n % len(folders)]))
                finally:
                    stop(proc)
                n += 1
        browser.close()
    return {"empty": empty, "runs": runs}


def report(figures: dict[str, Any], target_mb: float) -> None:
    empty = figures["empty"]
    print(
        f"\nServed pages (Voila + headless Chromium, every screening in the disk cache; "
        f"load average {os.getloadavg()[0]:.2f})"
    )
    print(f"empty Voila kernel (an empty notebook served): {empty:.0f} MB")
    print(
        f"{'':22} {'TTI s':>6} {'first pick s (runs)':>26} {'page kernel MB':>15} "
        f"{'above empty':>12} {'errors':>7}"
    )
    medians = {}
    for name, runs in figures["runs"].items():

        def med(k: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[k] for r in runs)

        picks = ", ".join(f"{r['pick']:.2f}" for r in runs)
        medians[name] = med("pick")
        print(
            f"{name:22} {med('tti'):6.2f} {med('pick'):8.2f} ({picks:>15})"
            f" {med('kernel'):15.0f} {med('kernel') - empty:12.0f}"
            f" {sum(int(r['errors']) for r in runs):7d}"
        )
    base, *changed = medians
    kernel = statistics.median(r["kernel"] for r in figures["runs"][base])
    verdict = "within" if kernel - empty <= target_mb else "over"
    print(
        f"review page kernel ({base}) after a pick and its screening ahead: "
        f"{kernel - empty:.0f} MB above the empty Voila kernel, {verdict} the "
        f"{target_mb:.0f} MB target (with a pool: the largest of the page's kernel and "
        f"the pool's next one)"
    )
    for name in changed:
        met = "met" if medians[name] < 1 else "not met"
        print(
            f"first pick, {name} / {base}: {medians[name] / medians[base]:.2f}"
            f" (median {medians[name]:.2f} s; target < 1 s {met})"
        )


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-served-") as tmp:
        report(measure(Path(tmp)), 150)
