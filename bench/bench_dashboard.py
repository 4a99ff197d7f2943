"""Review page speed in a real browser: time to interactive, and switching proposals.

Serves, with Voila (the flags of ``make serve``; a fresh server for each
measurement, as kernels of closed pages go on working in the background), a
folder holding the review notebook and an empty notebook, and drives headless
Chromium through Playwright:

1. time to interactive of the review page (proposal list shown) against the
   empty notebook (its one output shown) on the same server, a fresh server for
   each pair, median of a few pairs, and the ratio (target <= 1.3); a page holding
   one ipywidgets Label is measured beside them, the widget framework's own share.
   Measured in the page, from the navigation's start to the first frame showing the
   element (:data:`READY_MARK`), each page opened once the server has settled. Twice:
   without kernels started ahead, and as ``make serve`` serves (one kernel preheated
   per notebook, ``WORKBENCH_KERNEL_POOL=1``; the pages opened once the review page's
   kernel has warmed up and screened ahead);
2. time to switch to the demo proposal with the most works (~3,000) until its
   findings and network are shown (target < 1 s):

   - *cold, at once*: empty screening cache (``WORKBENCH_CACHE_DIR`` in a fresh
     folder), picked the moment the page is up, while the page still loads the
     lists, plotly and the matcher in the background: screened on demand;
   - *cold, a moment later*: empty cache, picked once the page has begun screening
     ahead (largest proposals first);
   - *reopened*: a new page session after one has screened every proposal (read
     back from the disk cache), at once and a moment later;
   - *warm*: in memory, what a reviewer moving through a call sees (once the page
     has screened ahead, the two proposals switched between are the last four);

3. the server-side breakdown of a cold switch (this process, no browser): load
   the works, screen, build the graph, lay it out, view, show it in the explorer;
   then the same proposal read back from the disk cache and from memory.

Prints the figures; asserts nothing. Needs /usr/bin/chromium and the demo data
(``make bench`` generates it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from conftest import CHROMIUM, CHROMIUM_ARGS, DEMO, start_voila, stop  # noqa: E402

RUNS = 3
#: time to interactive: pairs (empty notebook, review page), each on a server of its own
TTI_RUNS = 5
#: the targets, as the README states them
RATIO_TARGET = 1.3
SWITCH_TARGET_S = 1.0
#: the README's row of the page's time to interactive: review s, empty s, ratio
README_TTI = re.compile(
    r"reviewer page time to interactive vs an empty Voila notebook[^|]*\| "
    r"([\d.]+) s vs ([\d.]+) s: ratio ([\d.]+)[^|]*\| ≤ ([\d.]+)( \(not met\))? \|"
)


def _runs(values: list[float]) -> str:
    return ", ".join(f"{x:.2f}" for x in values)


def readme_tti() -> tuple[float, float, float, float, bool]:
    """The README's figures for the page: review s, empty s, ratio, target, said to be met."""
    found = README_TTI.search((ROOT / "README.md").read_text(encoding="utf-8"))
    if found is None:
        raise ValueError("README.md no longer states the page's time to interactive")
    review, empty, ratio, target = (float(g) for g in found.groups()[:4])
    return review, empty, ratio, target, found.group(5) is None


def _against_readme(ratio: float) -> None:
    _, _, stated, target, met = readme_tti()
    holds = (ratio <= target) == met
    print(
        f"README states ratio {stated:.2f} ({'met' if met else 'not met'}); this run "
        f"{ratio:.2f}: {'agrees' if holds else 'DISAGREES — measure again, then update the README'}"
    )


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


#: the one-label page: the widget framework with a single widget and nothing of the project
LABEL_CELL = "import ipywidgets\nipywidgets.Label('ready', _dom_classes=['wb-label'])"


def _empty_notebook(path: Path, source: str = "print('ready')") -> None:
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "id": "empty-1",
        "metadata": {},
        "outputs": [],
        "source": [source],
    }
    nb = {
        "cells": [cell],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb))


def _largest_proposal() -> tuple[str, int]:
    best = ("", -1)
    for folder in sorted(p for p in DEMO.iterdir() if p.is_dir()):
        works = folder / "works.json"
        if works.is_file():
            data = json.loads(works.read_text())
            n = len(data["results"] if isinstance(data, dict) else data)
            if n > best[1]:
                best = (folder.name, n)
    return best


#: Seconds left between two pages on one server: closing a page shuts its kernel down,
#: which would otherwise share the machine with the next page's start.
SETTLE_S = 2.0

#: Marks, in the page, the first frame in which ``selector`` is shown (a box of some size,
#: not hidden), in ms from the navigation's start. Playwright's own wait polls the page
#: at growing intervals (every 500 ms after the first 270 ms), which would round a
#: page's time up by as much as half a second, more for a slower page than a faster one.
READY_MARK = """
(() => {
  const selector = %s;
  const check = () => {
    const el = document.querySelector(selector);
    if (el) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden") {
        window.__wbShown = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


def _time_to_interactive(browser, url: str, ready: str) -> float:
    """Seconds from opening ``url`` until ``ready`` is first shown, measured in the page."""
    time.sleep(SETTLE_S)
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        page.add_init_script(READY_MARK % json.dumps(ready))
        page.goto(url)
        page.locator(ready).first.wait_for(timeout=120_000)
        page.wait_for_function("window.__wbShown !== undefined", timeout=120_000)
        return float(page.evaluate("window.__wbShown")) / 1000
    finally:
        page.close()


def _proposal_id(folder: str) -> str:
    data = json.loads((DEMO / folder / "proposal.json").read_text(encoding="utf-8"))
    return str(data["proposal_id"])


def _network_text(page) -> str:  # type: ignore[no-untyped-def]
    net = page.locator(".wb-network")
    return str(net.first.inner_text()) if net.count() else ""


def _switch(page, folder: str, seen: dict[str, str]) -> float:  # type: ignore[no-untyped-def]
    """Pick ``folder`` and wait until its findings and its network are shown.

    The proposal shown is known by its id in the overview and in the status line
    (said once every part is set); its network by a change of the explorer's text, or
    (when the two proposals' networks read alike) by the text first seen for it
    (``seen``, folder → text).
    """
    before = _network_text(page)
    pid = _proposal_id(folder)
    labels = [t.replace("\xa0", " ") for t in page.locator(".wb-picker option").all_inner_texts()]
    index = next(i for i, t in enumerate(labels) if folder in t)
    started = time.perf_counter()
    page.locator(".wb-picker select").select_option(index=index)
    page.locator(".wb-status-ok", has_text=pid).wait_for(timeout=120_000)
    page.locator(".wb-overview", has_text=pid).wait_for(timeout=120_000)
    page.locator(".wb-findings .wb-count").wait_for()
    page.locator(".wb-network .js-plotly-plot").first.wait_for(timeout=120_000)
    page.wait_for_function(
        "([want, before]) => { const n = document.querySelector('.wb-network');"
        " return n && (n.innerText !== before || (want !== null && n.innerText === want)); }",
        arg=[seen.get(folder), before],
        timeout=120_000,
    )
    took = time.perf_counter() - started
    seen.setdefault(folder, _network_text(page))
    return took


def _open_page(browser, url: str):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(url)
    page.locator(".wb-picker option").first.wait_for(timeout=120_000)
    return page


def _cached(folder: Path, n: int, timeout: float = 120.0) -> None:
    """Wait (bounded) until ``n`` screenings are in the disk cache ``folder``."""
    deadline = time.monotonic() + timeout
    while len(list(folder.glob("*.pickle"))) < n:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{folder}: fewer than {n} screenings written")
        time.sleep(0.2)  # polling files another process writes


def _all_prepared(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page has screened ahead all it screens ahead."""
    from workbench.session.prefetch import AHEAD

    page.locator(".wb-picker .wb-count", has_text=f"{AHEAD} 件は照合済み").wait_for(timeout=120_000)


def _some_prepared(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page has screened at least one proposal ahead."""
    page.locator(".wb-picker .wb-count", has_text="件は照合済み").wait_for(timeout=120_000)


def _server_side(folder: str, cache: Path) -> None:
    """The steps of a cold switch in this process, as the page runs them; then read-backs.

    The page imports plotly, makes its explorer and builds the matcher in the
    background once it is shown; a switch then screens (or reads back) the
    proposal and shows it in that explorer. The disk cache is written after.
    """
    from widgets.network.explorer import NetworkExplorer, sample_graph, warm_up
    from workbench.session.workspace import Workspace
    from workbench.settings import Settings

    settings = Settings.from_env(
        {
            "WORKBENCH_DATA_DIR": str(DEMO),
            "WORKBENCH_DB_URL": f"sqlite:///{cache.parent / 'server.db'}",
            "WORKBENCH_CACHE_DIR": str(cache),
        }
    )
    ws = Workspace(settings)
    started = time.perf_counter()
    ws.matcher()
    lists = time.perf_counter() - started
    started = time.perf_counter()
    warm_up()
    plotly = time.perf_counter() - started
    started = time.perf_counter()
    explorer = NetworkExplorer(sample_graph())
    made = time.perf_counter() - started
    print(
        f"  page start, in the background: lists + matcher {lists:.2f} s, "
        f"plotly {plotly:.2f} s, explorer made ahead {made:.2f} s"
    )
    ws.idle.clear()  # a reviewer is waiting: the disk cache is written afterwards
    started = time.perf_counter()
    s = ws.screen(folder)
    screened = time.perf_counter() - started
    started = time.perf_counter()
    explorer.show(s.graph, s.network)
    drawn = time.perf_counter() - started
    steps = ", ".join(f"{k} {v:.3f}" for k, v in s.timings.items())
    print(f"  cold   : {screened + drawn:.2f} s = screen {screened:.2f} ({steps})")
    print(f"           + show in the explorer {drawn:.2f}")
    ws.idle.set()
    ws.flush()
    again = Workspace(settings)
    again.lists()
    started = time.perf_counter()
    s = again.screen(folder)
    read = time.perf_counter() - started
    started = time.perf_counter()
    explorer.show(s.graph, s.network)
    drawn = time.perf_counter() - started
    print(f"  disk   : {read + drawn:.2f} s (read back {read:.2f}, show {drawn:.2f})")
    started = time.perf_counter()
    again.screen(folder)
    print(f"  memory : {time.perf_counter() - started:.3f} s")
    ws.db.close()
    again.db.close()


def _report_tti(runs: list[tuple[float, float, float]], how: str, readme: bool) -> None:
    """Print the times to interactive of (empty, one-label, review) ``runs``, and the ratio."""
    empty, label = [e for e, _, _ in runs], [la for _, la, _ in runs]
    review = [r for _, _, r in runs]
    ratios = [r / e for e, _, r in runs]
    e, r, la = statistics.median(empty), statistics.median(review), statistics.median(label)
    print(f"time to interactive, {how}:")
    print(f"  empty notebook : {e:.2f} s  (runs {_runs(empty)})")
    print(
        f"  one-label page : {la:.2f} s  (runs {_runs(label)}); "
        f"ratio {la / e:.2f}: the widget framework's own share"
    )
    print(f"  review page    : {r:.2f} s  (runs {_runs(review)})")
    print(
        f"  ratio review / empty: {r / e:.2f} of the medians; "
        f"{statistics.median(ratios):.2f} median of the runs' ({_runs(ratios)}); "
        f"target <= {RATIO_TARGET}"
    )
    if readme:
        _against_readme(r / e)
    print(f"  load average (1, 5, 15 min): {_load()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        choices=["interactive", "switch", "server"],
        help="run one part: time to interactive (1), switching (2) or the server side (3)",
    )
    only = parser.parse_args(argv).only
    if not CHROMIUM.exists():
        print("bench_dashboard: /usr/bin/chromium is absent; skipped")
        return 0
    if not (DEMO / ".complete").exists():
        print("bench_dashboard: demo data absent (run `make demo`); skipped")
        return 0
    from playwright.sync_api import sync_playwright

    big, n_works = _largest_proposal()
    proposals = sorted(p.name for p in DEMO.iterdir() if p.is_dir())
    other = next(p for p in proposals if p != big)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        served = tmp / "served"
        served.mkdir()
        shutil.copy(ROOT / "notebooks" / "review.ipynb", served / "review.ipynb")
        _empty_notebook(served / "empty.ipynb")
        _empty_notebook(served / "label.ipynb", LABEL_CELL)
        env: dict[str, str | None] = {
            "WORKBENCH_DATA_DIR": str(DEMO),
            "WORKBENCH_DB_URL": f"sqlite:///{tmp / 'bench.db'}",
            "WORKBENCH_LANG": "ja",
            "WORKBENCH_LISTS": None,
            "WORKBENCH_REVIEWER": None,
            "WORKBENCH_KERNEL_POOL": None,
        }

        def serve(cache: str, pool: int = 0):  # type: ignore[no-untyped-def]
            env["WORKBENCH_CACHE_DIR"] = str(tmp / cache)
            env["WORKBENCH_KERNEL_POOL"] = str(pool) if pool else None
            return start_voila(served, env, tmp / f"voila-{cache}.log")

        def session(cache: str, work, pool: int = 0):  # type: ignore[no-untyped-def]
            """Run ``work(browser, review_url, base_url)`` against a Voila of its own.

            Every measurement gets a fresh server: kernels of pages closed earlier
            keep screening ahead in the background and would share the machine. With
            ``pool``, once the review page's preheated kernel has screened ahead.
            """
            proc, url = serve(cache, pool)
            try:
                if pool:
                    from workbench.session.prefetch import AHEAD

                    _cached(tmp / cache, AHEAD, timeout=300)
                    time.sleep(SETTLE_S)
                with sync_playwright() as p:
                    browser = p.chromium.launch(
                        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                    )
                    try:
                        return work(browser, url + "voila/render/review.ipynb", url)
                    finally:
                        browser.close()
            finally:
                stop(proc)

        def interactive(pool: int):  # type: ignore[no-untyped-def]
            def work(browser, review_url: str, url: str) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
                """The empty notebook, a one-label page, then the review page; without a
                pool, on a server warmed by one empty page first."""
                empty_url = url + "voila/render/empty.ipynb"
                if not pool:
                    _time_to_interactive(browser, empty_url, ".jp-OutputArea-output")
                empty = _time_to_interactive(browser, empty_url, ".jp-OutputArea-output")
                label = _time_to_interactive(browser, url + "voila/render/label.ipynb", ".wb-label")
                return empty, label, _time_to_interactive(browser, review_url, ".wb-picker option")

            return work

        def cold_then_warm(browser, review_url: str, _url: str) -> None:  # type: ignore[no-untyped-def]
            page = _open_page(browser, review_url)
            seen: dict[str, str] = {}
            cold = _switch(page, big, seen)
            print(f"{head}, cold, at once        : {cold:.2f} s  (screened on demand)")
            # the page has screened ahead (its memory keeps the last four), then holds both
            _all_prepared(page)
            _switch(page, other, seen)
            _switch(page, big, seen)
            warm, back = [], []
            for _ in range(RUNS):
                back.append(_switch(page, other, seen))
                warm.append(_switch(page, big, seen))
            print(
                f"{head}, warm                 : {statistics.median(warm):.2f} s "
                f"(runs {_runs(warm)}; target < {SWITCH_TARGET_S:g} s; from memory)"
            )
            print(
                f"switch to {other}, warm              : {statistics.median(back):.2f} s "
                f"(runs {_runs(back)}; from memory)"
            )
            _cached(tmp / "cache-a", 2)  # written to disk once the page is idle
            page.close()

        def one_switch(later: bool):  # type: ignore[no-untyped-def]
            def work(browser, review_url: str, _url: str) -> float:  # type: ignore[no-untyped-def]
                page = _open_page(browser, review_url)
                if later:
                    _some_prepared(page)
                took = _switch(page, big, {})
                page.close()
                return took

            return work

        head = f"switch to {big} ({n_works} works)"
        if only in (None, "interactive"):
            # a server per pair: the kernel of a review page closed earlier goes on
            # working (statuses, lists, screening ahead) and would slow the next pages
            for pool, how in ((0, "no kernel started ahead"), (1, "as `make serve` serves")):
                runs = [
                    session(f"cache-tti-{pool}-{i}", interactive(pool), pool)
                    for i in range(TTI_RUNS)
                ]
                _report_tti(runs, how, readme=not pool)
        if only in (None, "switch"):
            session("cache-a", cold_then_warm)  # leaves both proposals in cache-a
            for when, later in (("at once", False), ("a moment later", True)):
                runs = [session("cache-a", one_switch(later)) for _ in range(RUNS)]
                print(
                    f"{head}, reopened, {when:<14}: {statistics.median(runs):.2f} s "
                    f"(runs {_runs(runs)}; from the disk cache)"
                )
            later = session("cache-b", one_switch(True))
            print(f"{head}, cold, a moment later : {later:.2f} s  (the next few screened ahead)")
            print(f"load average (1, 5, 15 min)         : {_load()}")
        if only in (None, "server"):
            print("server side, this process (no browser):")
            _server_side(big, tmp / "cache-server")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
