"""Portfolio screening at scale, now against the code of a baseline commit, in one run.

Synthetic portfolio (written once to ``--data``, reused): N proposals, each a
``proposal.json`` (8 people, ORCIDs, affiliations) and its works as Parquet
partitions (``works/part-00K.parquet``) with ``--authorships`` authorships in
total (default 5,000 per proposal: 1,000 proposals give 5 million). Co-author
affiliations come from a pool of 3,000 strings, about 2% naming listed
organisations, so every proposal has findings to report.

The baseline is the ``workbench`` package of a commit (default ``50429df``, the
main branch before the columnar reading; ``--baseline 599078b`` for the one the
README's first figures were measured at),
taken out of git with ``git archive`` into a temporary folder. Each run is a
fresh process importing one of the two (now, baseline), the two taking turns:

1. the local engine (one process): seconds, CPU seconds, authorships/s, and
   the ratio baseline / now (target ≥ 2×: 5 M authorships < 45 s);
2. the Dask engine on a ``--workers`` LocalCluster (cluster start included):
   seconds, and dask / local for each code (target < 1: two workers faster), and
   where the time goes (the run's parts: cluster start with the list index readied in
   the shared index folder — a folder of the benchmark's own, built by the first Dask
   run and read by the others —, screening, tables);
3. the tables compared: the Dask engine's with the local engine's (must be
   equal), and now's with the baseline's (column ``screening_key`` apart: it
   holds a digest of the code).

At a reduced size the 5-million figures are extrapolated from the per-proposal
rate (fixed cost — the list index, the cluster — apart) and said to be so.
The load averages at start and end are printed: the machine is shared.

``--check-readme`` fails (exit status 1) when the README's portfolio rows claim more
than this run measured: a ratio to the baseline above the one measured (by more than a
quarter: the machine is shared), or the stated 5-million seconds below three quarters
of the measured (or extrapolated) ones.

Full size, three runs of the code now and one of the (slow) baseline's::

    .venv/bin/python bench/bench_portfolio.py --proposals 1000 --rescreen --rounds 3 \
        --baseline-rounds 1

Reduced size (a shared machine)::

    .venv/bin/python bench/bench_portfolio.py --proposals 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

# Nothing of workbench is imported at the top: a worker process imports the package of the
# code it measures (now, or the baseline's).


def family() -> list[str]:
    """The screening benchmark's family names, and Dutch ones for the NL side."""
    from bench_screening import FAMILY  # bench/ is the script's own folder

    return [*FAMILY, *("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos")]


GIVEN = [
    "Ren",
    "Haruto",
    "Yui",
    "Aoi",
    "Sota",
    "Mei",
    "Wei",
    "Jing",
    "Min-jun",
    "Ivan",
    "Daan",
    "Sem",
    "Lotte",
    "Emma",
    "Noah",
    "Sara",
    "Kenji",
    "Akari",
    "Yuto",
    "Hina",
]
OPEN = [
    "University of {c}",
    "{c} Institute of Technology",
    "National Laboratory of {c}",
    "{c} Research Center for Materials",
    "Department of Physics, {c} University",
    "School of Engineering, {c} Polytechnic",
    "{c} Academy of Sciences, Institute of Optics",
]
CITIES = [
    "Sendai",
    "Nagoya",
    "Kyoto",
    "Osaka",
    "Fukuoka",
    "Sapporo",
    "Delft",
    "Eindhoven",
    "Leiden",
    "Utrecht",
    "Twente",
    "Munich",
    "Lyon",
    "Austin",
    "Boston",
    "Toronto",
    "Seoul",
    "Daejeon",
    "Pune",
    "Madrid",
    "Turin",
    "Zurich",
    "Oslo",
    "Gothenburg",
]
LISTED = [
    "Harbin Institute of Technology, Harbin, China",
    "School of Computing, National University of Defense Technology, Changsha, China",
    "Northwestern Polytechnical University, Xi'an, China",
    "Beihang University, Beijing, China",
    "Sharif University of Technology, Tehran, Iran",
    "哈尔滨工业大学 材料科学与工程学院",
    "Nanjing Univ Sci & Technol, Nanjing, Peoples R China",
]


def orcid(n: int) -> str:
    base = f"0000000{n:08d}"[-15:]
    total = 0
    for ch in base:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    digits = base + ("X" if check == 10 else str(check))
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def affiliation_pool(rng: random.Random, size: int = 3000) -> list[str]:
    pool = []
    for i in range(size):
        if i % 50 == 0:
            pool.append(LISTED[(i // 50) % len(LISTED)])
        else:
            city = f"{rng.choice(CITIES)}-{i % 400}"
            pool.append(rng.choice(OPEN).format(c=city))
    return pool


def person(pid: str, name: str, side: str, role: str, n: int, org: str, country: str) -> dict:
    return {
        "id": pid,
        "name": name,
        "side": side,
        "role": role,
        "lab_of": None,
        "involved_in_research": True,
        "accesses_research_information": True,
        "residency": "resident",
        "specific_category": False,
        "orcid": orcid(n),
        "openalex_id": None,
        "affiliations": [
            {
                "organization": org,
                "country": country,
                "type": "primary",
                "is_research_institution": True,
                "start": "2015-04-01",
                "end": None,
            }
        ],
    }


def write_proposal(folder: Path, k: int, per: int, pool: list[str], rng: random.Random) -> int:
    from workbench.portfolio.parquet_works import SCHEMA

    surnames = family()
    pid = f"SYN-{k:05d}"
    people = []
    for i in range(8):
        side = "JP" if i < 5 else "NL"
        org, country = ("Tohoku University", "JP") if side == "JP" else ("TU Delft", "NL")
        name = f"{GIVEN[(k + i) % len(GIVEN)]} {surnames[(k * 7 + i) % len(surnames)]}{k}x{i}"
        role = ["PI", "Co-PI", "researcher", "postdoc", "student", "PI", "postdoc", "student"][i]
        people.append(person(f"p{i + 1}", name, side, role, k * 10 + i + 1, org, country))
    proposal = {
        "proposal_id": pid,
        "title": f"Synthetic proposal {k}",
        "field": "quantum" if k % 2 else "semiconductors",
        "call": f"ASPIRE {2024 + k % 2}",
        "submitted": f"2025-0{4 + k % 5}-15",
        "people": people,
        "organizations": [],
    }
    folder.mkdir(parents=True)
    (folder / "proposal.json").write_text(json.dumps(proposal), encoding="utf-8")
    works = per // 5
    cols: dict[str, list] = {name: [] for name in SCHEMA.names}
    for w in range(works):
        year = 2021 + w % 5
        date = f"{year}-{1 + w % 12:02d}-{1 + w % 28:02d}"
        team = people[w % 8]
        authors = [(team["name"], team["orcid"], team["affiliations"][0]["organization"])]
        authors += [
            (f"{rng.choice(GIVEN)} {rng.choice(surnames)}", None, rng.choice(pool))
            for _ in range(4)
        ]
        for n, (name, oid, aff) in enumerate(authors):
            cols["work_id"].append(f"W{k:05d}{w:06d}")
            cols["title"].append(f"Work {w} of {pid}")
            cols["publication_date"].append(date)
            cols["doi"].append(f"10.5555/{k}.{w}")
            cols["author_position"].append("first" if n == 0 else "last" if n == 4 else "middle")
            cols["author_name"].append(name)
            cols["orcid"].append(oid)
            cols["openalex_author_id"].append(None)
            cols["affiliations"].append([aff])
            cols["countries"].append([])
            cols["institutions"].append([])
    table = pa.table(cols, schema=SCHEMA)
    parts = 2
    step = (table.num_rows + parts - 1) // parts
    (folder / "works").mkdir()
    for i in range(parts):
        pq.write_table(table.slice(i * step, step), folder / "works" / f"part-{i:03d}.parquet")
    return table.num_rows


def generate(data: Path, proposals: int, authorships: int) -> int:
    marker = data / f".complete-{proposals}-{authorships}"
    if marker.exists():
        return int(marker.read_text())
    if data.exists():
        shutil.rmtree(data)
    rng = random.Random(8)
    pool = affiliation_pool(rng)
    per = authorships // proposals
    total = sum(write_proposal(data / f"SYN-{k:05d}", k, per, pool, rng) for k in range(proposals))
    marker.write_text(str(total))
    return total


ROOT = Path(__file__).resolve().parents[1]
BASELINE = "50429df"  # the main branch before the columnar reading


def worker(
    code: Path, data: Path, engine: str, workers: int, list_files: list[str]
) -> dict[str, Any]:
    """One screening with the ``workbench`` package of ``code`` (run in a fresh process)."""
    sys.path.insert(0, str(code))
    import hashlib

    from workbench.lists import load_list
    from workbench.portfolio import find_proposals, screen_portfolio

    lists = [load_list(p).value for p in list_files]
    folders = find_proposals(data)
    fixed_cpu = time.process_time()
    fixed = screen_portfolio([], lists).seconds
    fixed_cpu = time.process_time() - fixed_cpu
    cpu = time.process_time()
    run = screen_portfolio(folders, lists, engine=engine, workers=workers)
    cpu = time.process_time() - cpu
    digests = {}
    for name, df in run.tables.frames().items():
        text = df.drop(columns=["screening_key"], errors="ignore").to_csv(index=False)
        digests[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {
        "seconds": run.seconds,
        "phases": dict(getattr(run, "phases", ())),  # the baseline's runs have none
        "cpu": cpu,
        "fixed": fixed,
        "fixed_cpu": fixed_cpu,
        "authorships": int(run.tables.proposals["authorships"].sum()),
        "findings": len(run.tables.findings),
        "failed": len(run.tables.failed),
        "digests": digests,
    }


METI = "METI End User List"


def revision(meti: Any, pool: bool) -> Any:
    """METI's list with 20 entries changed: 5 removed, 5 renamed, 5 with an alias more, 5
    added; ``pool``: one of the renamed is Harbin Institute of Technology, which co-authors of
    every synthetic proposal name (so every proposal is screened again)."""
    import dataclasses
    from datetime import date

    from workbench.model import ListEntry

    chosen = [e.entry_id for e in meti.entries[100:115]]
    if pool:
        chosen[5] = "jp-eul-541"
    removed, renamed, aliased = set(chosen[:5]), set(chosen[5:10]), set(chosen[10:])
    entries = []
    for e in meti.entries:
        if e.entry_id in removed:
            continue
        if e.entry_id in renamed:
            e = dataclasses.replace(e, name=f"{e.name} (renamed)")
        if e.entry_id in aliased:
            e = dataclasses.replace(e, aliases=(*e.aliases, f"{e.name} Holding"))
        entries.append(e)
    entries += [ListEntry(METI, f"jp-eul-99{n}", f"Fictional Works No. {n}") for n in range(5)]
    return dataclasses.replace(
        meti, entries=tuple(entries), version=date(2026, 4, 1), content_hash=f"revised-{pool}"
    )


def rescreen_worker(code: Path, data: Path, list_files: list[str], pool: bool) -> dict[str, Any]:
    """The re-screening after :func:`revision`: from stored tables when ``code`` can (the
    stored tables written first, not timed), else in full."""
    sys.path.insert(0, str(code))
    from workbench.lists import load_list

    lists = [load_list(p).value for p in list_files]
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    new = revision(meti, pool)
    try:
        from workbench.portfolio.incremental import rescreen_stored
    except ImportError:
        from workbench.portfolio import rescreen

        start, cpu = time.perf_counter(), time.process_time()
        report = rescreen(data, meti, new, others)
        return {
            "seconds": time.perf_counter() - start,
            "cpu": time.process_time() - cpu,
            "screened": len(report.new.proposals),
            "affected": len(report.affected),
            "changes": len(report.changes),
        }
    from workbench.portfolio import screen_portfolio

    kept = data.parent / f"{data.name}-tables"
    screen_portfolio(data, [*others, meti]).write(kept)
    start, cpu = time.perf_counter(), time.process_time()
    done = rescreen_stored(data, kept, meti, new, others)
    seconds = time.perf_counter() - start
    assert done is not None
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "screened": len(done.screened),
        "affected": len(done.report.affected),
        "changes": len(done.report.changes),
    }


def run_worker(
    code: Path, data: Path, engine: str, workers: int, env: dict[str, str]
) -> dict[str, Any]:
    from workbench.lists import shipped_lists  # the same list files for both codes

    command = [sys.executable, __file__, "--worker", str(code), "--data", str(data)]
    command += ["--engine", engine, "--workers", str(workers)]
    command += [x for p in shipped_lists() for x in ("--list", str(p))]
    load_before = os.getloadavg()[0]
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=ROOT, env={**os.environ, **env}
    )
    if done.returncode:
        raise SystemExit(f"the {engine} engine of {code} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = (load_before + os.getloadavg()[0]) / 2  # 1-minute, before and after
    return result


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--proposals", type=int, default=1000)
    ap.add_argument(
        "--authorships",
        type=int,
        default=None,
        help="total authorships (default 5,000 per proposal)",
    )
    ap.add_argument(
        "--data",
        type=Path,
        default=Path(tempfile.gettempdir()) / "workbench-bench-portfolio",
        help="where the synthetic portfolio is written (kept for reruns)",
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--baseline", default=BASELINE, help="commit of the baseline code")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each (medians)")
    ap.add_argument(
        "--baseline-rounds",
        type=int,
        default=None,
        help="runs of the baseline's code (default --rounds; it is the slow one)",
    )
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--check-readme", action="store_true", help="fail if the README claims more")
    ap.add_argument("--worker", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    ap.add_argument("--list", action="append", default=[], help=argparse.SUPPRESS)
    ap.add_argument(
        "--rescreen", action="store_true", help="also the re-screening after a 20-entry revision"
    )
    args = ap.parse_args(argv)
    if args.worker is not None and args.engine.startswith("rescreen"):
        pool = args.engine == "rescreen-pool"
        print(json.dumps(rescreen_worker(args.worker, args.data, args.list, pool)))
        return 0
    if args.worker is not None:
        print(json.dumps(worker(args.worker, args.data, args.engine, args.workers, args.list)))
        return 0
    authorships = args.authorships or args.proposals * 5000
    t0 = time.perf_counter()
    total = generate(args.data, args.proposals, authorships)
    print(
        f"synthetic portfolio: {args.proposals} proposals, {total:,} authorships "
        f"(ready in {time.perf_counter() - t0:.1f} s) in {args.data}"
    )
    print(f"load average (1, 5, 15 min) at start: {load()}")
    engines = ["local"] if args.no_dask else ["local", "dask"]
    if args.rescreen:
        engines += ["rescreen", "rescreen-pool"]
    with tempfile.TemporaryDirectory() as tmp:
        from bench_matcher import extract  # bench/ is the script's own folder

        base = extract(args.baseline, Path(tmp))
        env = {"WORKBENCH_CACHE_DIR": str(Path(tmp) / "cache")}  # the shared index folder
        runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
        baseline_rounds = args.rounds if args.baseline_rounds is None else args.baseline_rounds
        for n in range(max(args.rounds, baseline_rounds)):
            for engine in engines:
                for who, code in (("now", ROOT), ("baseline", base)):
                    if n >= (args.rounds if who == "now" else baseline_rounds):
                        continue
                    runs.setdefault((who, engine), []).append(
                        run_worker(code, args.data, engine, args.workers, env)
                    )
    figures = {k: _median(v) for k, v in runs.items()}
    report(figures, args, total)
    print(f"load average (1, 5, 15 min) at end: {load()}")
    if args.check_readme:
        wrong = check_readme(figures, total)
        for line in wrong:
            print(f"README: {line}")
        return 1 if wrong else 0
    return 0


def check_readme(f: dict[tuple[str, str], dict[str, Any]], total: int) -> list[str]:
    """What the README's portfolio row states that this run contradicts."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    row = re.search(
        r"portfolio, 1,000 synthetic proposals / 5 million authorships, one process \| "
        r"([\d.]+) s .*?: ([\d.]+)×",
        text,
    )
    if row is None:
        return ["no portfolio row with its seconds and ratio"]
    seconds, ratio = float(row.group(1)), float(row.group(2))
    now, base = f[("now", "local")], f[("baseline", "local")]
    scale = 5_000_000 / total
    measured = now["fixed"] + (now["seconds"] - now["fixed"]) * scale
    wrong = []
    if ratio > 1.25 * base["seconds"] / now["seconds"]:
        wrong.append(
            f"states {ratio}× the baseline, measured {base['seconds'] / now['seconds']:.2f}×"
        )
    if seconds < 0.75 * measured:
        wrong.append(f"states {seconds} s for 5 M authorships, measured {measured:.1f} s")
    return wrong


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(runs[0])
    for key in ("seconds", "cpu", "fixed", "fixed_cpu", "load"):
        if key in out:
            out[key] = statistics.median(r[key] for r in runs)
    out["phases"] = {
        k: statistics.median(r.get("phases", {}).get(k, 0.0) for r in runs)
        for k in out.get("phases", {})
    }
    out["runs"] = [round(r["seconds"], 1) for r in runs]
    return out


def report(f: dict[tuple[str, str], dict[str, Any]], args: argparse.Namespace, total: int) -> None:
    now, base = f[("now", "local")], f[("baseline", "local")]
    scale = 5_000_000 / total
    print(
        f"\n{args.proposals} proposals, {total:,} authorships; {now['findings']:,} findings, "
        f"{now['failed']} failed folders (medians of {len(now['runs'])} run(s) now and "
        f"{len(base['runs'])} of the baseline, each a fresh process)"
    )
    print("seconds of each run (1-minute load average, median over the runs):")
    for (who, engine), r in sorted(f.items()):
        print(f"  {who:9}{engine:15}{r['runs']}  load {r['load']:.1f}")
    print(f"{'':44}{'now':>9}{f'at {args.baseline}':>13}{'ratio':>8}  target")

    def line(label: str, a: float, b: float, target: str = "", fmt: str = "9.1f") -> None:
        ratio = b / a if a else float("inf")
        print(f"{label:44}{a:{fmt}}{b:{fmt.replace('9', '13')}}{ratio:7.2f}x  {target}")

    def at_5m(r: dict[str, Any]) -> float:
        return r["fixed"] + (r["seconds"] - r["fixed"]) * scale

    def cpu_5m(r: dict[str, Any]) -> float:
        return r["fixed_cpu"] + (r["cpu"] - r["fixed_cpu"]) * scale

    line("local engine: seconds", now["seconds"], base["seconds"], "≥ 2×")
    line("local engine: CPU seconds", now["cpu"], base["cpu"])
    line(
        "  CPU at 5 M authorships (extrapolated)" if scale != 1 else "  CPU at 5 M",
        cpu_5m(now),
        cpu_5m(base),
    )
    print(
        f"{'local engine: authorships/s':44}{now['authorships'] / now['seconds']:9,.0f}"
        f"{base['authorships'] / base['seconds']:13,.0f}"
    )
    line("  of which the list index (fixed cost)", now["fixed"], base["fixed"])
    if scale != 1:
        print("  5 M authorships, extrapolated (fixed cost apart, rate × size):")
    line("local engine: 5 M authorships (s)", at_5m(now), at_5m(base), "< 45 s")
    same = [k for k in now["digests"] if now["digests"][k] == base["digests"].get(k)]
    other = [k for k in now["digests"] if k not in same]
    print(
        f"  tables equal to the baseline's (screening_key apart): {', '.join(same) or 'none'}"
        + (f"; differing: {', '.join(other)}" if other else "")
    )
    if ("now", "rescreen") in f:
        print(
            f"\nre-screening after a 20-entry revision of METI's list (now: from the stored "
            f"tables; {args.baseline}: every proposal screened against both versions)"
        )
        for key, what in (
            ("rescreen", "no changed entry named in the proposals"),
            ("rescreen-pool", "one renamed entry named in every proposal"),
        ):
            a, b = f[("now", key)], f[("baseline", key)]
            line(f"  {what} (s)", a["seconds"], b["seconds"], "< 10 s")
            line("    CPU seconds", a["cpu"], b["cpu"])
            print(
                f"    proposals screened again: now {a['screened']}, baseline {b['screened']} "
                f"(×2); gaining or losing findings: now {a['affected']}, baseline "
                f"{b['affected']}; changes: now {a['changes']}, baseline {b['changes']}"
            )
    if args.no_dask:
        return
    dn, db = f[("now", "dask")], f[("baseline", "dask")]
    line(f"dask, {args.workers} workers: seconds", dn["seconds"], db["seconds"])
    print(
        "  where the time goes, now (s): local "
        + ", ".join(f"{k} {v:.1f}" for k, v in now["phases"].items())
        + f" (its list index built: {now['fixed']:.1f}); dask "
        + ", ".join(f"{k} {v:.1f}" for k, v in dn["phases"].items())
        + " (read index and tasks: summed over the workers)"
    )
    print(
        f"{'dask / local (< 1: the workers are faster)':44}{dn['seconds'] / now['seconds']:9.2f}"
        f"{db['seconds'] / base['seconds']:13.2f}{'':9}< 1"
    )
    if scale != 1:
        start = dn["seconds"] - (now["seconds"] - now["fixed"]) / args.workers
        print(
            f"  at 5 M the per-proposal work grows {scale:.0f}×, the cluster start "
            f"(≈ {max(start, 0):.1f} s here) does not"
        )
    for who, local, dask_run in (("now", now, dn), ("baseline", base, db)):
        equal = local["digests"] == dask_run["digests"]
        print(f"  {who}: dask tables identical to the local engine's: {equal}")
        if not equal:
            raise SystemExit(f"{who}: the Dask engine's tables differ from the local engine's")


if __name__ == "__main__":
    sys.exit(main())
