"""Review page speed in a real browser: time to interactive, and switching proposals.

Serves, with one Voila (the flags of ``make serve``), a folder holding the
review notebook and an empty notebook, and drives headless Chromium through
Playwright:

1. time to interactive of the review page (proposal list shown) against the
   empty notebook (its one output shown), median of a few runs each, and the
   ratio (target <= 1.5);
2. time to switch to the demo proposal with the most works (~3,000) until its
   findings and network are shown (target < 1 s): once right after the page is
   up (cold: screened on demand) and once after the page has screened the
   proposals ahead (warm: what a reviewer moving through a call sees).

Prints the figures; asserts nothing. Needs /usr/bin/chromium and the demo data
(``make bench`` generates it).
"""

from __future__ import annotations

import json
import os
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


def _runs(values: list[float]) -> str:
    return ", ".join(f"{x:.2f}" for x in values)


def _empty_notebook(path: Path) -> None:
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "id": "empty-1",
        "metadata": {},
        "outputs": [],
        "source": ["print('ready')"],
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


def _time_to_interactive(browser, url: str, ready: str) -> float:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        started = time.perf_counter()
        page.goto(url)
        page.locator(ready).first.wait_for(timeout=120_000)
        return time.perf_counter() - started
    finally:
        page.close()


def _switch(page, folder: str) -> float:
    """Pick ``folder`` and wait until its findings and its network are shown."""
    before = page.locator(".wb-network").inner_text() if page.locator(".wb-network").count() else ""
    labels = [t.replace("\xa0", " ") for t in page.locator(".wb-picker option").all_inner_texts()]
    index = next(i for i, t in enumerate(labels) if folder in t)
    started = time.perf_counter()
    page.locator(".wb-picker select").select_option(index=index)
    page.locator(".wb-status-ok", has_text=folder).wait_for(timeout=120_000)
    page.locator(".wb-findings .wb-count").wait_for()
    page.locator(".wb-network .js-plotly-plot").first.wait_for(timeout=120_000)
    page.wait_for_function(
        "(before) => { const n = document.querySelector('.wb-network');"
        " return n && n.innerText !== before; }",
        arg=before,
        timeout=120_000,
    )
    return time.perf_counter() - started


def main() -> int:
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
        env: dict[str, str | None] = {
            "WORKBENCH_DATA_DIR": str(DEMO),
            "WORKBENCH_DB_URL": f"sqlite:///{tmp / 'bench.db'}",
            "WORKBENCH_LANG": "ja",
            "WORKBENCH_LISTS": None,
            "WORKBENCH_REVIEWER": None,
        }
        proc, url = start_voila(served, env, tmp / "voila.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                empty_url = url + "voila/render/empty.ipynb"
                review_url = url + "voila/render/review.ipynb"
                _time_to_interactive(browser, empty_url, ".jp-OutputArea-output")  # warm the server
                empty, review = [], []
                for _ in range(RUNS):
                    empty.append(_time_to_interactive(browser, empty_url, ".jp-OutputArea-output"))
                    review.append(_time_to_interactive(browser, review_url, ".wb-picker option"))
                e, r = statistics.median(empty), statistics.median(review)
                print(f"time to interactive, empty notebook : {e:.2f} s  (runs {_runs(empty)})")
                print(f"time to interactive, review page    : {r:.2f} s  (runs {_runs(review)})")
                print(f"ratio review / empty                : {r / e:.2f}  (target <= 1.5)")

                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                page.goto(review_url)
                page.locator(".wb-picker option").first.wait_for(timeout=120_000)
                cold = _switch(page, big)
                print(
                    f"switch to {big} ({n_works} works), cold : {cold:.2f} s  (screened on demand)"
                )
                total = len(proposals)
                page.locator(".wb-picker .wb-count", has_text=f"{total} 件は確認済み").wait_for(
                    timeout=600_000
                )
                warm = []
                for _ in range(RUNS):
                    _switch(page, other)
                    warm.append(_switch(page, big))
                print(
                    f"switch to {big} ({n_works} works), warm : {statistics.median(warm):.2f} s "
                    f"(runs {', '.join(f'{x:.2f}' for x in warm)}; target < 1 s)"
                )
                page.close()
                browser.close()
        finally:
            stop(proc)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
