"""The analyst page at 1,000 proposals already screened: stored tables vs screening on open.

Data (written once to ``--data``, reused): the demo generator's proposals
(``workbench demo generate``) copied until there are ``--proposals`` of them,
each under its own id and in one of four calls, then screened once into the
portfolio tables, as ``workbench portfolio screen --out`` writes them.

Measured in this run, on the same data, lists and (empty) store:

1. in the browser (what the analyst sees): the analyst notebook served by Voila, opened
   in headless Chromium: the page now as ``make serve-portfolio`` serves it (a kernel
   preheated by Voila's pool, :data:`POOL`; only opened), the page now without the pool,
   and the page at :data:`BROWSER_BASELINE` (extracted with ``git archive``) in turns, each
   in a window as opened (1440x1000, the filters at the top) and in one tall enough to show
   every chart: the seconds from opening until every chart is drawn (< 3 s), then for
   filter changes made in the page (choosing values, the clear button) the ms until the
   key figures change, until the last chart on screen is drawn (< 300 ms) and until
   every chart is drawn; each chart's drawing time is printed too. Every
   ``Plotly.react`` of the page is recorded with its chart, whether the chart was on
   screen, and the frame after it; a change is over once nothing was drawn for
   :data:`QUIET_MS`;
2. in the kernel alone (no browser), each page in a fresh Python process: the page as
   it is now, at ``599078b`` (it screened every proposal when opened) and at
   :data:`REDRAW_BASELINE`: the seconds from the page's first import until every
   chart's figure is sent, and the ms until every chart is sent after a filter change
   (calls, then fields, then clearing), every message packed as the kernel sends it.

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
BROWSER_BASELINE = "dfc5394"  # the page before it was served from a preheated kernel
#: the browser's window: as opened (filters at the top), and tall enough to show every chart
VIEWPORTS = {
    "as opened": {"width": 1440, "height": 1000},
    "every chart": {"width": 1440, "height": 5200},
}
#: the kernel pool `make serve-portfolio` serves the page with (WORKBENCH_KERNEL_POOL)
POOL = 1
#: a filter change is over once nothing was drawn for this long (ms)
QUIET_MS = 1500
#: how often the page is asked whether a change is over (ms): the times are taken in the page
#: itself, and asking at every frame (Playwright's default) kept the browser drawing frames
POLL_MS = 100
#: a filter change with nothing drawn after it for this long (ms) is counted as unanswered
UNANSWERED_MS = 30_000
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
charts, totals, sizes = [], [], []
for _ in range(rounds):
    for f in changes:
        sent[0] = 0
        t = time.perf_counter()
        app.filters = f
        totals.append(time.perf_counter() - t)
        charts.append(charted[0] - t)
        sizes.append(sent[0])
print(json.dumps({"charts": charts, "totals": totals, "bytes": sizes}))
"""


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


# ---- the served page in headless Chromium ------------------------------------------------

#: Run in the browser before the page's own scripts: every Plotly.react / newPlot on a
#: figure of the page is recorded with the chart it draws (the card's ``wb-chart-NAME``
#: class, or ``network``), whether the chart was on screen when it began, when it began
#: and when the frame after it ended; a filter change (a ``change`` event on a filter, or
#: a click on the clear button) is recorded with its time, and so is the first change to
#: the key figures after it.
WATCH_JS = """
(() => {
  window.__draws = []; window.__changes = []; window.__kpis = [];
  const chartOf = (div) => {
    const card = div.closest && div.closest('.wb-chart-card, .wb-portfolio-network, .wb-revision');
    if (!card) return '?';
    if (card.classList.contains('wb-portfolio-network')) return 'network';
    if (card.classList.contains('wb-revision')) return 'revision';
    const c = [...card.classList].find(
      (c) => c.startsWith('wb-chart-') && !['wb-chart-card', 'wb-chart-full'].includes(c));
    return c ? c.slice(9) : '?';
  };
  // Whether a chart is on screen, as an IntersectionObserver last said; asked of the page
  // (getBoundingClientRect) only at a chart's first drawing, before the observer has said:
  // asking at every drawing made the browser lay the page out between two charts' drawings,
  // which the page itself never does.
  const onScreen = new WeakMap();
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) onScreen.set(e.target, e.isIntersecting);
  });
  const visible = (div) => {
    if (onScreen.has(div)) return onScreen.get(div);
    seen.observe(div);
    const r = div.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.width > 0;
  };
  const wrap = (fn) => function (div, ...rest) {
    const rec = {chart: chartOf(div), start: performance.now(), end: null, seen: visible(div)};
    window.__draws.push(rec);
    const out = fn.call(this, div, ...rest);
    const done = () => requestAnimationFrame(() => {
      setTimeout(() => { rec.end = performance.now(); }, 0);
    });
    Promise.resolve(out).then(done, done);
    return out;
  };
  let plotly;
  Object.defineProperty(window, 'Plotly', {
    configurable: true,
    get() { return plotly; },
    set(v) {
      if (v && v.react && !v.__watched) {
        v.react = wrap(v.react); v.newPlot = wrap(v.newPlot); v.__watched = true;
      }
      plotly = v;
    },
  });
  const changed = (e) => {
    const t = e.target;
    if (t.closest && t.closest('.wb-filters')) window.__changes.push(performance.now());
  };
  document.addEventListener('change', changed, true);
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('.wb-filters button')) changed(e);
  }, true);
  const kpis = (n) => n.nodeType === 1
    && (n.closest('.wb-kpis') || n.querySelector(':scope > .wb-kpis'));
  new MutationObserver((records) => {
    if (records.some((r) => kpis(r.target))) window.__kpis.push(performance.now());
  }).observe(document, {subtree: true, childList: true});
})();
"""

#: True once the page has been quiet (no draw begun or pending) for ``quiet`` ms since
#: the last filter change, and something was drawn or the key figures changed after it.
QUIET_JS = """
(quiet) => {
  const t0 = window.__changes[window.__changes.length - 1] || 0;
  const after = window.__draws.filter((d) => d.start >= t0);
  if (after.some((d) => d.end === null)) return false;
  const last = Math.max(t0, ...after.map((d) => d.end), ...window.__kpis.filter((k) => k >= t0));
  return performance.now() - last > quiet
    && (after.length > 0 || window.__kpis.some((k) => k >= t0));
}
"""

#: The last filter change: ms from it until the key figures changed, until the last chart
#: on screen was drawn, until every chart was drawn, and each draw (chart, from, to).
TIMES_JS = """
() => {
  const t0 = window.__changes[window.__changes.length - 1];
  const after = window.__draws.filter((d) => d.start >= t0);
  const kpi = window.__kpis.find((k) => k >= t0);
  const k = kpi === undefined ? 0 : kpi - t0;
  const seen = after.filter((d) => d.seen).map((d) => d.end - t0);
  return {
    kpis: k,
    seen: Math.max(k, ...seen),
    all: Math.max(k, ...after.map((d) => d.end - t0)),
    draws: after.map((d) => [d.chart, d.start - t0, d.end - t0, d.seen]),
  };
}
"""


def serve_page(code_dir: Path, env: dict[str, str], log: Path) -> tuple[Any, str]:
    """The analyst notebook of ``code_dir`` served by Voila as `make serve-portfolio` does,
    with that code first on the path; (process, url) once it answers."""
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    from conftest import start_voila

    extra: dict[str, str | None] = dict(env)
    return start_voila(Path("notebooks/portfolio.ipynb"), extra, log, tree=code_dir)


def ui_changes() -> list[tuple[str, list[int]]]:
    """Filter changes an analyst makes one at a time: (filter, positions of the values
    chosen in its list), ``("", [])`` for the clear button."""
    return [
        ("call", [0]),
        ("call", [0, 1]),
        ("field", [0]),
        ("call", []),
        ("field", [0, 1]),
        ("", []),
        ("check", [0]),
        ("", []),
        ("list", [0]),
        ("", []),
        ("outcome", [-1]),
        ("", []),
    ]


def served_runs(
    code_dir: Path,
    env: dict[str, str],
    changes: list[tuple[str, list[int]]],
    viewports: dict[str, dict[str, int]],
    pool: int = 0,
) -> dict[str, Any]:
    """One served page per viewport in headless Chromium: seconds until every chart was
    drawn after opening, and for each filter change the ms until the key figures, the
    charts on screen and every chart were drawn, with each chart's draws. With ``pool``
    (``WORKBENCH_KERNEL_POOL``, as `make serve-portfolio` sets it) the page is opened once
    Voila's pool holds that many preheated kernels and they are idle."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "bench"))
    from served_kernels import _filled, _kernels, _quiet

    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, stop

    from widgets.portfolio.app import CHARTS, FILTER_NAMES

    got: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for name, size in viewports.items():
                for attempt in range(4):
                    log = Path(tmp_name) / f"voila-{name}-{attempt}.log"
                    proc, url = serve_page(
                        code_dir, {**env, "WORKBENCH_KERNEL_POOL": str(pool)}, log
                    )
                    try:
                        if pool:  # the pool's kernels have run the page before anyone asks
                            _filled(log, pool)
                            _quiet(lambda proc=proc: _kernels(proc.pid), at_least=pool)
                        page = browser.new_page(viewport=size)
                        page.set_default_timeout(180_000)
                        page.add_init_script(WATCH_JS)
                        one = one_page(page, url, changes, len(CHARTS) + 1, list(FILTER_NAMES))
                        page.close()
                    finally:
                        stop(proc)
                    if one is not None:
                        got[name] = {**one, "retries": attempt}
                        break
                else:
                    raise SystemExit(f"the page in {code_dir} never offered its filters' values")
        finally:
            browser.close()
    return got


def one_page(
    page: Any, url: str, changes: list[tuple[str, list[int]]], charts: int, filters: list[str]
) -> dict[str, Any] | None:
    """Open the page, then make the filter changes; None when the filters never got their
    values (seen on a loaded machine: the page is then opened again)."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('.wb-portfolio .wb-chart-plot'))"
        ".filter(d => Number(d.dataset.drawn) > 0).length >= n",
        arg=charts,
    )
    opened = time.perf_counter() - started
    if not changes:
        return {"open": opened, "changes": []}
    try:
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.wb-filter select'))"
            ".slice(0, 2).every(s => s.options.length >= 2)",
            timeout=30_000,
        )
    except Exception:  # playwright's TimeoutError
        return None
    page.wait_for_function(QUIET_JS, arg=QUIET_MS, polling=POLL_MS)
    runs = []
    for filt, values in changes:
        if filt:
            select = page.locator(".wb-filter").nth(filters.index(filt)).locator("select")
            options = select.evaluate("s => Array.from(s.options, o => o.value)")
            select.select_option(value=[options[i] for i in values])
        else:
            page.locator(".wb-filters > button").click()
        try:
            page.wait_for_function(QUIET_JS, arg=QUIET_MS, timeout=UNANSWERED_MS, polling=POLL_MS)
        except Exception:  # playwright's TimeoutError: counted as unanswered
            runs.append({"unanswered": f"{filt or 'clear'} {values}"})
            continue
        runs.append(page.evaluate(TIMES_JS))
    return {"open": opened, "changes": runs}


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Opening seconds (median), and over every filter change: the medians and p95 of the ms
    until the key figures, the charts on screen and every chart were drawn, and per chart
    the median ms of its drawing and how many of the changes drew it."""
    changes = [c for r in runs for c in r["changes"] if "unanswered" not in c]
    out: dict[str, Any] = {
        "open": statistics.median(r["open"] for r in runs),
        "n": len(changes),
        "unanswered": [c["unanswered"] for r in runs for c in r["changes"] if "unanswered" in c],
        "reopened": sum(r["retries"] for r in runs),
    }
    for key in ("kpis", "seen", "all"):
        values = [c[key] for c in changes] or [float("nan")]
        out[key] = (statistics.median(values), p95(values))
    per: dict[str, list[float]] = {}
    for c in changes:
        for chart, start, end, _seen in c["draws"]:
            per.setdefault(chart, []).append(end - start)
    out["per_chart"] = {k: (statistics.median(v), len(v)) for k, v in sorted(per.items())}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proposals", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each page")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of filter changes per run")
    ap.add_argument(
        "--no-kernel",
        dest="kernel",
        action="store_false",
        help="skip the kernel-side measures (opening and redraws without a browser)",
    )
    ap.add_argument(
        "--no-browser",
        dest="browser",
        action="store_false",
        help="skip the pages served by Voila in headless Chromium",
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
    loads = [load()]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        codes = {"now": ROOT, "before": baseline_code(tmp, BROWSER_BASELINE)}
        if args.kernel:
            codes["branched"] = baseline_code(tmp, REDRAW_BASELINE)
        tables: dict[str, Path] = {}
        for key, code in codes.items():
            tables[key], seconds = screen_once(folder, args.data, list_files, code)
            if seconds:
                print(f"{args.proposals} proposals screened into tables in {seconds:.1f} s")
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
                "WORKBENCH_LIST_REGISTRY": str(tmp / f"versions-{name}.json"),
                "WORKBENCH_LANG": "ja",
            }

        if args.browser:
            served(args, codes, env, tables["now"])
            loads.append(load())
        if args.kernel:
            kernel_side(args, tmp, codes, env, tables["now"])
            loads.append(load())
    print(f"\nload average (1/5/15 min) at the start, then after each part: {' -> '.join(loads)}")


def served(args: argparse.Namespace, codes: dict[str, Path], env: Any, out: Path) -> None:
    """The page now (served with the kernel pool as `make serve-portfolio` serves it, and
    without) and at :data:`BROWSER_BASELINE`, served in turns, in headless Chromium."""
    changes = ui_changes()
    #: (name, code, kernel pool, filter changes made)
    variants = (
        ("pool", "now", POOL, []),
        ("now", "now", 0, changes * args.rounds),
        ("before", "before", 0, changes * args.rounds),
    )
    runs: dict[str, list[dict[str, Any]]] = {v[0]: [] for v in variants}
    for _ in range(args.repeat):
        for key, code, pool, made in variants:
            got = served_runs(codes[code], env(code), made, VIEWPORTS, pool=pool)
            runs[key] += [{"viewport": v, **r} for v, r in got.items()]
    print(
        f"\nserved by Voila in headless Chromium: {args.repeat} runs of each page in turns, "
        f"each {args.rounds} rounds of {len(changes)} filter changes made in the page "
        f"(choices, the clear button) per viewport; the page at {BROWSER_BASELINE} "
        "is the page before it was served from a preheated kernel; 'pool' is this page "
        f"as `make serve-portfolio` serves it (WORKBENCH_KERNEL_POOL={POOL}: opened once the "
        "pool's kernel has run it; only opened), 'no pool' this page without it; "
        f"load average now {load()}"
    )
    for viewport, size in VIEWPORTS.items():
        pooled, now, before = (
            summarise([r for r in runs[k] if r["viewport"] == viewport]) for k in runs
        )
        print(
            f"\nviewport {size['width']}x{size['height']} ({viewport}), {now['n']} changes per page"
        )
        for key, r in (("no pool", now), (f"at {BROWSER_BASELINE}", before)):
            if r["unanswered"] or r["reopened"]:
                print(
                    f"  {key}: changes unanswered within "
                    f"{UNANSWERED_MS / 1000:.0f} s (left out): {r['unanswered']}; "
                    f"{r['reopened']} pages opened "
                    "again (filters without values)"
                )
        print(f"{'':44}{'pool':>9}{'no pool':>9}{f'at {BROWSER_BASELINE}':>13}  target")
        print(
            f"{'opened until every chart is drawn (s)':44}{pooled['open']:9.2f}{now['open']:9.2f}"
            f"{before['open']:13.2f}  < 3 s"
        )
        print(
            f"{'  ratio to the page before':44}{before['open'] / pooled['open']:8.1f}x"
            f"{before['open'] / now['open']:8.1f}x"
        )
        for key, label, target in (
            ("kpis", "key figures changed", ""),
            ("seen", "charts on screen drawn", "< 300 ms"),
            ("all", "every chart drawn", ""),
        ):
            for i, stat in enumerate(("median", "p95")):
                a, b = now[key][i], before[key][i]
                line = f"{label}, {stat} (ms)"
                print(
                    f"{line:44}{'':9}{a:9.0f}{b:13.0f}{b / max(a, 1e-9):7.1f}x  "
                    f"{target if not i else ''}"
                )
        print("each chart: median ms drawing, times drawn   no pool / before")
        for chart in sorted(set(now["per_chart"]) | set(before["per_chart"])):
            a = now["per_chart"].get(chart, (float("nan"), 0))
            b = before["per_chart"].get(chart, (float("nan"), 0))
            print(f"  {chart:40}{a[0]:7.0f} ms {a[1]:4d}x   {b[0]:7.0f} ms {b[1]:4d}x")


def kernel_side(
    args: argparse.Namespace, tmp: Path, codes: dict[str, Path], env: Any, out: Path
) -> None:
    """Opening and redraws in the kernel alone (no browser), against older pages."""
    branched = codes["branched"]
    runs = [probe(ROOT, env("now")) for _ in range(args.repeat)]
    now = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    nan = {"open": float("nan"), "whole": float("nan")}
    screening = baseline_code(tmp, BASELINE) if args.screening_page else None
    before = probe(screening, env("screening")) if screening else nan
    opened = [probe(branched, env("branched")) for _ in range(args.repeat)]
    branch = {k: statistics.median(r[k] for r in opened) for k in opened[0]}
    # redraws on the same stored tables, the two pages taking turns
    redraws: dict[str, dict[str, list[float]]] = {"now": {}, "branched": {}}
    for _ in range(args.repeat):
        for key in redraws:
            got = probe(codes[key], env(key), REDRAW, str(out), str(args.rounds))
            for k, v in got.items():
                redraws[key].setdefault(k, []).extend(v)
    print(
        f"\nkernel side, no browser (medians of {args.repeat} runs, each in a fresh process; "
        f"the page at {BASELINE}, "
        + (
            "which screened every proposal when opened, opened once)"
            if args.screening_page
            else "which screened every proposal when opened, skipped: nan)"
        )
    )
    print(f"analyst page, {now['proposals']:.0f} proposals, {now['findings']:.0f} findings")
    print(f"{'':34}{'now':>9}{f'at {REDRAW_BASELINE}':>13}{f'at {BASELINE}':>13}  target")
    for key, label in (
        ("open", "every chart sent (s)"),
        ("whole", "page done, network included (s)"),
    ):
        print(f"{label:34}{now[key]:9.3f}{branch[key]:13.3f}{before[key]:13.3f}")
    n = len(redraws["now"]["charts"])
    print(
        f"\nfilter changes in the kernel: {n} per page ({args.repeat} runs x {args.rounds} "
        "rounds x 8 changes), the two pages' runs taking turns; every message packed as the "
        "kernel sends it"
    )
    print(f"{'':34}{'now':>9}{f'at {REDRAW_BASELINE}':>13}{'ratio':>8}")
    for key, label in (
        ("charts", "charts sent, median (ms)"),
        ("charts", "charts sent, p95 (ms)"),
        ("totals", "network included, median (ms)"),
        ("totals", "network included, p95 (ms)"),
    ):
        pick = p95 if "p95" in label else statistics.median
        a, b = pick(redraws["now"][key]) * 1000, pick(redraws["branched"][key]) * 1000
        print(f"{label:34}{a:9.1f}{b:13.1f}{b / a:7.1f}x")
    a, b = (statistics.median(redraws[k]["bytes"]) / 1000 for k in ("now", "branched"))
    print(f"{'sent to the browser, median (kB)':34}{a:9.1f}{b:13.1f}{b / a:7.1f}x")


if __name__ == "__main__":
    main()
