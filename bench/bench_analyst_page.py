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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "599078b"  # the page that screened every proposal when opened
REDRAW_BASELINE = "50429df"  # the page before filter changes used prepared indexes
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


#: Redraws on the stored tables, in a fresh process: one page's app on the tables, filters
#: changed in turn; every message the widgets send is serialised as the kernel would
#: (jupyter_client's packer), so the time includes building and packing what is sent.
REDRAW = r"""
import json, os, statistics, sys, time
import comm
from comm.base_comm import BaseComm
from jupyter_client.session import json_packer
sent = [0]
class Wire(BaseComm):
    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        sent[0] += len(json_packer({"data": data, "metadata": metadata or {}}))
        sent[0] += sum(len(memoryview(b)) for b in buffers or ())
comm.create_comm = lambda *a, **k: Wire(*a, **k)
from widgets.portfolio import app as page_app
from widgets.portfolio import network_view
from workbench.portfolio import analysis
from workbench.portfolio.tables import PortfolioTables
tables = PortfolioTables.read(sys.argv[1])
rounds = int(sys.argv[2])
app = page_app.PortfolioApp(tables)
charted = [0.0]  # when the charts are done: the network is drawn after them
shown = network_view.NetworkView.show
def show(self, *a, **k):
    charted[0] = time.perf_counter()
    return shown(self, *a, **k)
network_view.NetworkView.show = show
ch = analysis.choices(tables)
changes = [{"call": ch["call"][:1]}, {"call": ch["call"][:2]},
           {"call": ch["call"][:2], "field": ch["field"][:1]}, {"field": ch["field"][:2]},
           {"check": ch["check"][:1]}, {"list": ch["list"][:1]},
           {"outcome": ch["outcome"][-1:]}, {}]
widgets = {**app.charts, "network": app.network.chart}
def figures(since):
    return {n: c.figure for n, c in widgets.items() if c.figure_id != since.get(n)}
drawn = {n: c.figure_id for n, c in widgets.items()}
steps = [figures({})]  # what the browser draws: first every chart, then those re-sent
charts, totals, sizes = [], [], []
for _ in range(rounds):
    for f in changes:
        sent[0] = 0
        t = time.perf_counter()
        app.filters = f
        totals.append(time.perf_counter() - t)
        charts.append(charted[0] - t)
        sizes.append(sent[0])
        if len(sys.argv) > 3 and len(steps) <= len(changes):
            steps.append(figures(drawn))
            drawn = {n: c.figure_id for n, c in widgets.items()}
if len(sys.argv) > 3:
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        json.dump(steps, out)
print(json.dumps({"charts": charts, "totals": totals, "bytes": sizes}))
"""


#: Draws figures as the page's chart widgets do (Plotly.react, plotly's white template
#: for figures sent without one); resolves with the milliseconds until the next frame.
DRAW_JS = """
async (figs) => {
  const t = performance.now();
  await Promise.all(Object.entries(figs).map(([name, fig]) => {
    let div = document.getElementById(name);
    if (!div) {
      div = document.createElement("div");
      div.id = name;
      div.style.width = "900px";
      document.body.appendChild(div);
    }
    const layout = Object.assign({}, fig.layout || {});
    if (!layout.template || !layout.template.layout) {
      layout.template = structuredClone(window.TEMPLATE);
    }
    return Plotly.react(div, fig.data || [], layout, {displaylogo: false});
  }));
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - t;
}
"""


def browser_draws(steps_file: Path, rounds: int) -> list[float]:
    """Milliseconds headless Chromium takes to draw what each filter change sent (the
    first step, every chart, drawn before each round and not counted)."""
    from playwright.sync_api import sync_playwright

    from widgets.portfolio.plot import _TEMPLATE, PLOTLY_JS

    steps = json.loads(steps_file.read_text(encoding="utf-8"))
    times: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.set_content("<html><body></body></html>")
            page.add_script_tag(path=str(PLOTLY_JS))
            page.evaluate(f"window.TEMPLATE = {_TEMPLATE}")
            for _ in range(rounds):
                page.evaluate(DRAW_JS, steps[0])
                times += [float(page.evaluate(DRAW_JS, step)) for step in steps[1:]]
        finally:
            browser.close()
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


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


def code_key(code_dir: Path) -> str:
    """The digest of the screening code in ``code_dir`` (what stored tables are keyed by)."""
    return subprocess.run(
        [sys.executable, "-c", CODE_KEY],
        cwd=code_dir,
        env={**os.environ, "PYTHONPATH": str(code_dir)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


CODE_KEY = "from workbench.session.screening_cache import code_version; print(code_version())"
CLI = "import sys; from workbench.cli import main; sys.exit(main())"


def screen_once(
    folder: Path, data: Path, list_files: list[Path], code_dir: Path
) -> tuple[Path, float]:
    """The tables as ``workbench portfolio screen --out`` of the code in ``code_dir`` writes
    them (a page reads tables screened by other code as stale: it screens them again), and
    the seconds taken (0 when tables screened from these proposals, lists and code are
    there already)."""
    key = code_key(code_dir)
    out = data / f"tables-{key[:12]}"
    marker = out / ".screened"
    stamp = json.dumps(
        [
            str(folder),
            (folder.parent / ".complete").stat().st_mtime_ns,
            *(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in list_files),
        ]
    )
    if (out / "proposals.parquet").is_file() and marker.is_file() and marker.read_text() == stamp:
        return out, 0.0
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            CLI,
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
        cwd=code_dir,
        env={**os.environ, "PYTHONPATH": str(code_dir)},
    )
    if not (out / "proposals.parquet").is_file():
        raise SystemExit("workbench portfolio screen wrote no tables")
    marker.write_text(stamp)
    return out, time.perf_counter() - started


def probe(code_dir: Path, env: dict[str, str], code: str = PROBE, *args: str) -> dict[str, Any]:
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
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def baseline_code(tmp: Path, commit: str) -> Path:
    target = tmp / f"page-{commit}"
    target.mkdir()
    archive = subprocess.run(
        ["git", "archive", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proposals", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each page")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of filter changes per run")
    ap.add_argument(
        "--no-browser",
        dest="browser",
        action="store_false",
        help="skip drawing the figures sent in headless Chromium",
    )
    ap.add_argument(
        "--no-screening-page",
        dest="screening_page",
        action="store_false",
        help=f"skip opening the page at {BASELINE} (it screens every proposal: minutes)",
    )
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "wb-bench-analyst")
    args = ap.parse_args()
    folder = make_data(args.data, args.proposals)
    list_files = lists()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        screening = baseline_code(tmp, BASELINE)
        branched = baseline_code(tmp, REDRAW_BASELINE)
        tables: dict[str, Path] = {}
        for key, code in (("now", ROOT), ("before", branched)):
            tables[key], seconds = screen_once(folder, args.data, list_files, code)
            if seconds:
                print(f"{args.proposals} proposals screened into tables in {seconds:.1f} s")
            else:
                print(f"{args.proposals} proposals: tables screened by an earlier run reused")
        out = tables["now"]
        print(f"load average (1/5/15 min) at the start: {load()}")

        def env(name: str) -> dict[str, str]:
            """Settings of one page: the tables its own code screened (another's are stale
            to it), and its own store (pages of other commits may not read a store a newer
            one wrote)."""
            return {
                "WORKBENCH_DATA_DIR": str(folder),
                "WORKBENCH_LISTS": os.pathsep.join(str(p) for p in list_files),
                "WORKBENCH_DB_URL": f"sqlite:///{tmp / f'{name}.db'}",
                "WORKBENCH_CACHE_DIR": str(tmp / f"cache-{name}"),
                "WORKBENCH_PORTFOLIO_DIR": str(tables.get(name, tmp / name)),
                "WORKBENCH_LANG": "ja",
            }

        runs = [probe(ROOT, env("now")) for _ in range(args.repeat)]
        now = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        nan = {"open": float("nan"), "whole": float("nan")}
        before = probe(screening, env("screening")) if args.screening_page else nan
        opened = [probe(branched, env("before")) for _ in range(args.repeat)]
        branch = {k: statistics.median(r[k] for r in opened) for k in opened[0]}
        # redraws on the same stored tables, the two pages taking turns
        redraws: dict[str, dict[str, list[float]]] = {"now": {}, "before": {}}
        for _ in range(args.repeat):
            for key, code in (("now", ROOT), ("before", branched)):
                sent = tmp / f"sent-{key}.json"
                got = probe(code, env(key), REDRAW, str(out), str(args.rounds), str(sent))
                for k, v in got.items():
                    redraws[key].setdefault(k, []).extend(v)
        drawing: dict[str, list[float]] = {}
        if args.browser:  # the two pages' figures drawn in turns
            for _ in range(args.repeat):
                for key in ("now", "before"):
                    drawing.setdefault(key, []).extend(
                        browser_draws(tmp / f"sent-{key}.json", args.rounds)
                    )
    print(f"load average (1/5/15 min) at the end: {load()}")
    print(
        f"(medians of {args.repeat} runs, each in a fresh process; the page at {BASELINE}, "
        + (
            "which screened every proposal when opened, opened once)"
            if args.screening_page
            else "which screened every proposal when opened, skipped: nan)"
        )
    )
    print(f"\nanalyst page, {now['proposals']:.0f} proposals, {now['findings']:.0f} findings")
    print(f"{'':34}{'now':>9}{f'at {REDRAW_BASELINE}':>13}{f'at {BASELINE}':>13}  target")
    for key, label, target in (
        ("open", "every chart drawn (s)", "< 3 s"),
        ("whole", "page done, network included (s)", ""),
    ):
        print(f"{label:34}{now[key]:9.3f}{branch[key]:13.3f}{before[key]:13.3f}  {target}")
    n = len(redraws["now"]["charts"])
    print(
        f"\nfilter changes: {n} per page ({args.repeat} runs x {args.rounds} rounds x 8 changes), "
        f"the two pages' runs taking turns; every message packed as the kernel sends it"
    )
    print(f"{'':34}{'now':>9}{f'at {REDRAW_BASELINE}':>13}{'ratio':>8}  target")
    for key, label, target in (
        ("charts", "charts redrawn, median (ms)", "< 300 ms"),
        ("charts", "charts redrawn, p95 (ms)", ""),
        ("totals", "network included, median (ms)", ""),
        ("totals", "network included, p95 (ms)", ""),
    ):
        pick = p95 if "p95" in label else statistics.median
        a, b = pick(redraws["now"][key]) * 1000, pick(redraws["before"][key]) * 1000
        print(f"{label:34}{a:9.1f}{b:13.1f}{b / a:7.1f}x  {target}")
    a, b = (statistics.median(redraws[k]["bytes"]) / 1000 for k in ("now", "before"))
    print(f"{'sent to the browser, median (kB)':34}{a:9.1f}{b:13.1f}{b / a:7.1f}x")
    if drawing:
        a, b = statistics.median(drawing["now"]), statistics.median(drawing["before"])
        print(f"{'browser drawing, median (ms)':34}{a:9.1f}{b:13.1f}{b / a:7.1f}x")
        a, b = p95(drawing["now"]), p95(drawing["before"])
        print(f"{'browser drawing, p95 (ms)':34}{a:9.1f}{b:13.1f}{b / a:7.1f}x")
        print(
            "(headless Chromium drawing what each change sent with Plotly.react, until the "
            "next frame; 900 px wide charts)"
        )


if __name__ == "__main__":
    main()
