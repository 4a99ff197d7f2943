"""Portfolio screening at scale: local engine vs a 2-worker Dask LocalCluster.

Synthetic portfolio (written once to ``--data``, reused): N proposals, each a
``proposal.json`` (8 people, ORCIDs, affiliations) and its works as Parquet
partitions (``works/part-00K.parquet``) with ``--authorships`` authorships in
total (default 5,000 per proposal: 1,000 proposals give 5 million). Co-author
affiliations come from a pool of 3,000 strings, about 2% naming listed
organisations, so every proposal has findings to report.

Measured, all in this run:

1. the local engine (one process) over the first 10%, 30% and 100% of the
   proposals: seconds, proposals/s, authorships/s, and the growth of time with
   size against the smallest size (the baseline; 1.0 = linear);
2. the Dask engine on a 2-worker ``LocalCluster`` over all proposals: the
   tables compared with the local engine's (must be equal), its time against
   the local engine (overhead), and proposals/s per worker.

Full size (targets: local < 2 minutes on 2 cores)::

    .venv/bin/python bench/bench_portfolio.py --proposals 1000

Reduced size (a shared machine)::

    .venv/bin/python bench/bench_portfolio.py --proposals 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from bench_screening import FAMILY as SCREENING_FAMILY  # bench/ is the script's own folder

from workbench.lists import load_list, shipped_lists
from workbench.portfolio import find_proposals, screen_portfolio
from workbench.portfolio.parquet_works import SCHEMA

#: The screening benchmark's family names, and Dutch ones for the NL side.
FAMILY = [
    *SCREENING_FAMILY,
    *("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"),
]
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
    pid = f"SYN-{k:05d}"
    people = []
    for i in range(8):
        side = "JP" if i < 5 else "NL"
        org, country = ("Tohoku University", "JP") if side == "JP" else ("TU Delft", "NL")
        name = f"{GIVEN[(k + i) % len(GIVEN)]} {FAMILY[(k * 7 + i) % len(FAMILY)]}{k}x{i}"
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
            (f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", None, rng.choice(pool)) for _ in range(4)
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
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args(argv)
    authorships = args.authorships or args.proposals * 5000
    t0 = time.perf_counter()
    total = generate(args.data, args.proposals, authorships)
    print(
        f"synthetic portfolio: {args.proposals} proposals, {total:,} authorships "
        f"(ready in {time.perf_counter() - t0:.1f} s) in {args.data}"
    )
    print("load average (1, 5, 15 min) at start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    lists = [load_list(p).value for p in shipped_lists()]
    folders = find_proposals(args.data)
    sizes = sorted(
        {max(1, args.proposals // 10), max(1, (args.proposals * 3) // 10), args.proposals}
    )
    base_rate = None
    local = None
    fixed = screen_portfolio([], lists).seconds
    print(f"\nfixed cost per run (list index build, no proposal): {fixed:.1f} s")
    print("local engine (one process)")
    print(
        f"{'proposals':>10} {'authorships':>12} {'seconds':>8} {'cpu s':>7} {'prop/s':>7} "
        f"{'auth/s':>10} {'s/proposal':>10} {'vs smallest':>11}"
    )
    for n in sizes:
        cpu = time.process_time()
        run = screen_portfolio(folders[:n], lists)
        cpu = time.process_time() - cpu  # below the wall time when the machine is shared
        auth = int(run.tables.proposals["authorships"].sum())
        rate = max(run.seconds - fixed, 1e-9) / n  # per proposal, fixed cost apart
        base_rate = base_rate or rate
        print(
            f"{n:>10} {auth:>12,} {run.seconds:>8.1f} {cpu:>7.1f} {n / run.seconds:>7.1f} "
            f"{auth / run.seconds:>10,.0f} {rate:>10.3f} {rate / base_rate:>11.2f}"
        )
        local = run
    assert local is not None
    t = local.tables
    estimate = fixed + rate * 1000 * (5000 * n / auth)
    print(
        f"  findings: {len(t.findings):,}; failed folders: {len(t.failed)}; "
        f"1,000 proposals / 5M authorships at this rate: ~{estimate:.0f} s (target < 120 s)"
    )
    if args.no_dask:
        return 0
    print(f"\nDask LocalCluster ({args.workers} worker processes, 1 thread each)")
    dask_run = screen_portfolio(folders, lists, engine="dask", workers=args.workers)
    same = all(
        d.equals(local.tables.frames()[name]) for name, d in dask_run.tables.frames().items()
    )
    for name, d in dask_run.tables.frames().items():
        pd.testing.assert_frame_equal(d, local.tables.frames()[name], obj=name)
    n = args.proposals
    print(
        f"  seconds {dask_run.seconds:.1f} (cluster start included); local {local.seconds:.1f}; "
        f"dask/local {dask_run.seconds / local.seconds:.2f}"
    )
    print(
        f"  proposals/s {n / dask_run.seconds:.1f}; per worker "
        f"{n / dask_run.seconds / dask_run.workers:.1f}; "
        f"local proposals/s {n / local.seconds:.1f}"
    )
    print(f"  tables identical to the local engine: {same}")
    print("load average (1, 5, 15 min) at end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
