"""The analyst page at 1,000 proposals already screened: stored tables vs screening on open.

Data (written once to ``--data``, reused): the demo generator's proposals
(``workbench demo generate``) copied until there are ``--proposals`` of them,
each under its own id and in one of four calls, then screened once into the
portfolio tables, as ``workbench portfolio screen --out`` writes them.

Measured in this run, each page in a fresh Python process on the same data,
lists and (empty) store:

1. the page as it is now: :func:`widgets.portfolio.page.build_app` reads the
   stored tables, screens only proposals missing or stale, and draws every chart;
2. the page as it was at commit ``599078b`` (extracted with ``git archive`` into
   a temporary folder): it screened every proposal when opened;

for each, the seconds from the page's first import until every chart's figure is
on the page (sent to the browser; plotly.js draws on the browser's side), and, with
both pages built on the same stored tables and run in turns (a shared machine's load
changes), the median seconds until every chart is redrawn after a filter change
(calls, then fields, then clearing). The targets are < 3 s and < 300 ms. The network view is
drawn after the charts; the times with it are printed too.

    .venv/bin/python bench/bench_analyst_page.py              # 1,000 proposals
    .venv/bin/python bench/bench_analyst_page.py --proposals 200
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "599078b"
CALLS = (
    "ASPIRE Japan-Netherlands 2023",
    "ASPIRE Japan-Netherlands 2024",
    "ASPIRE Japan-Netherlands 2025",
    "ASPIRE Japan-Netherlands 2026",
)

#: Run in a fresh process with the page's code first on sys.path; prints one JSON line.
PROBE = r"""
import json, statistics, sys, time
started = time.perf_counter()
from widgets.portfolio import app as page_app
from widgets.portfolio.page import build_app
from workbench.settings import Settings
last = page_app.CHARTS[-1]
class Clock:  # when the last chart gets a figure (the charts are drawn in order)
    def __init__(self, app):
        app.charts[last].observe(self.seen, names="figure_id")
        self.at = None
    def seen(self, _change):
        self.at = time.perf_counter()
clocks = []
original_init = page_app.PortfolioApp.__init__
def init(self, *a, **k):
    original_init(self, *a, **k)
    clocks.append(Clock(self))
page_app.PortfolioApp.__init__ = init
app = build_app(Settings.from_env(), wait=True)
clock = clocks[0]
assert app.tables is not None, app.status.value
assert all(app.charts[n].figure_id > 0 for n in page_app.CHARTS)
opened = clock.at - started
whole = time.perf_counter() - started
print(json.dumps({"open": opened, "whole": whole,
                  "proposals": len(app.tables.screened), "findings": len(app.tables.findings)}))
"""


#: Redraws on the stored tables, in a fresh process: both pages' apps built on the same tables.
REDRAW = r"""
import json, statistics, sys, time
from widgets.portfolio import app as page_app
from workbench.portfolio.tables import PortfolioTables
tables = PortfolioTables.read(sys.argv[1])
app = page_app.PortfolioApp(tables)
last, at = page_app.CHARTS[-1], [0.0]
app.charts[last].observe(lambda _c: at.__setitem__(0, time.perf_counter()), names="figure_id")
calls = sorted(set(tables.proposals["call"].dropna()))
fields = sorted(set(tables.proposals["field"].dropna()))
changes = [{"call": calls[:1]}, {"call": calls[:2]}, {"call": calls[:2], "field": fields[:1]},
           {"field": fields[:2]}, {}]
charts, totals = [], []
for _ in range(2):
    for f in changes:
        t = time.perf_counter()
        app.filters = f
        totals.append(time.perf_counter() - t)
        charts.append(at[0] - t)
print(json.dumps({"redraw": statistics.median(charts), "redraw_max": max(charts),
                  "redraw_all": statistics.median(totals)}))
"""


def make_data(target: Path, proposals: int) -> Path:
    """``proposals`` demo proposals under ``target/proposals`` (kept when already there)."""
    folder = target / "proposals"
    done = target / ".complete"
    if done.is_file() and done.read_text() == str(proposals):
        return folder
    from workbench.demo.generate import generate

    shutil.rmtree(target, ignore_errors=True)
    generate(target / "demo")
    stories = sorted(p for p in (target / "demo" / "proposals").iterdir() if p.is_dir())
    for i in range(proposals):
        source = stories[i % len(stories)]
        pid = f"ASPIRE-S-{i:04d}"
        dest = folder / pid
        shutil.copytree(source, dest)
        data = json.loads((dest / "proposal.json").read_text(encoding="utf-8"))
        data["proposal_id"] = pid
        data["call"] = CALLS[i % len(CALLS)]
        (dest / "proposal.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    done.write_text(str(proposals))
    return folder


def lists() -> list[Path]:
    from workbench.lists import shipped_lists

    return [Path(p) for p in shipped_lists()]


def screen_once(folder: Path, out: Path, list_files: list[Path]) -> float:
    """The tables as ``workbench portfolio screen --out`` writes them; seconds taken."""
    started = time.perf_counter()
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "workbench"),
            "portfolio",
            "screen",
            str(folder),
            "--out",
            str(out),
            "--db",
            "none",
            "--no-progress",
            *[a for p in list_files for a in ("--list", str(p))],
        ],
        check=False,  # exit 3 when some proposals could not be screened
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    if not (out / "proposals.parquet").is_file():
        raise SystemExit("workbench portfolio screen wrote no tables")
    return time.perf_counter() - started


def probe(code_dir: Path, env: dict[str, str], code: str = PROBE, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=code_dir,
        env={**os.environ, **env, "PYTHONPATH": str(code_dir)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"page in {code_dir} failed:\n{result.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def baseline_code(tmp: Path) -> Path:
    target = tmp / "baseline"
    target.mkdir()
    archive = subprocess.run(
        ["git", "archive", BASELINE], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proposals", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the page as it is now")
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "wb-bench-analyst")
    args = ap.parse_args()
    folder = make_data(args.data, args.proposals)
    list_files = lists()
    out = args.data / f"tables-{args.proposals}"
    seconds = screen_once(folder, out, list_files)
    print(f"{args.proposals} proposals screened into tables once in {seconds:.1f} s")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {
            "WORKBENCH_DATA_DIR": str(folder),
            "WORKBENCH_LISTS": os.pathsep.join(str(p) for p in list_files),
            "WORKBENCH_DB_URL": f"sqlite:///{tmp / 'bench.db'}",
            "WORKBENCH_CACHE_DIR": str(tmp / "cache"),
            "WORKBENCH_PORTFOLIO_DIR": str(out),
            "WORKBENCH_LANG": "ja",
        }
        base = baseline_code(tmp)
        runs = [probe(ROOT, env) for _ in range(args.repeat)]
        now = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        before = probe(base, env)
        # redraws measured on the same stored tables, the two pages taking turns
        pairs = [
            (probe(ROOT, env, REDRAW, str(out)), probe(base, env, REDRAW, str(out)))
            for _ in range(args.repeat)
        ]
        for key in ("redraw", "redraw_max", "redraw_all"):
            now[key] = statistics.median(a[key] for a, _ in pairs)
            before[key] = statistics.median(b[key] for _, b in pairs)
    print(
        f"(medians of {args.repeat} runs, each in a fresh process, the two pages' redraws "
        f"taking turns; the page at {BASELINE} opened once, as it screens every proposal)"
    )
    print(f"\nanalyst page, {now['proposals']:.0f} proposals, {now['findings']:.0f} findings")
    print(f"{'':34}{'now':>9}{f'at {BASELINE}':>13}{'ratio':>8}  target")
    for key, label, target in (
        ("open", "every chart drawn (s)", "< 3 s"),
        ("redraw", "filter: charts redrawn (s)", "< 0.3 s"),
        ("redraw_max", "filter: slowest redraw (s)", ""),
    ):
        ratio = before[key] / now[key] if now[key] else float("inf")
        print(f"{label:34}{now[key]:9.3f}{before[key]:13.3f}{ratio:7.1f}x  {target}")
    print(f"{'page done, network included (s)':34}{now['whole']:9.3f}{before['whole']:13.3f}")
    print(
        f"{'filter: network included (s)':34}{now['redraw_all']:9.3f}{before['redraw_all']:13.3f}"
    )


if __name__ == "__main__":
    main()
