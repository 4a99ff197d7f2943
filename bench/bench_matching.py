"""Benchmark of the matcher: 100,000 affiliation strings against METI + CSL and a 40,000-name list.

Prints strings per second on one core, index build time, index memory
(tracemalloc, during the build), peak memory of the process, and the ratio
against a straightforward baseline measured in the same run: a rapidfuzz
``partial_ratio`` / ``token_set_ratio`` scan of every listed name for each
string (timed on a sample, since it is slow, and extrapolated).

The strings are generated with a fixed seed from the development set and, when
``../shared`` is present, the real affiliation strings of its gold sets, with
departments, addresses and postcodes recombined. The scaled-up list is read
from ``../shared/data/raw/fmscreen_index/list_2024-04-14.csv`` when present
(AGPL: read here, never copied), otherwise built synthetically.

    .venv/bin/python bench/bench_matching.py [--strings 100000] [--baseline-sample 100]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from workbench.lists import load_list, shipped_lists  # noqa: E402
from workbench.matching import Matcher, normalize  # noqa: E402
from workbench.matching.evaluation import load_devset  # noqa: E402
from workbench.model import ListEntry, ScreeningList  # noqa: E402

RAW = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data" / "raw"
SEED = 20250929

DEPARTMENTS = [
    "School of Computer Science and Technology",
    "Department of Physics",
    "College of Materials Science and Engineering",
    "State Key Laboratory of Advanced Welding and Joining",
    "Sch Elect & Informat Engn",
    "Key Laboratory of Micro-Systems and Micro-Structures Manufacturing",
    "Faculty of Mechanical Engineering",
    "Institute of Fluid Physics",
    "Department of Chemistry",
    "Graduate School of Engineering",
    "School of Astronautics",
    "Dept. of Electrical Engineering",
]
PLACES = [
    "Harbin 150001, China",
    "Beijing 100191, P.R. China",
    "Tehran, Iran",
    "Xi'an 710072, Shaanxi, Peoples R China",
    "Tokyo 152-8550, Japan",
    "Delft, The Netherlands",
    "Changsha 410073, Hunan, China",
    "Sendai 980-8579, Japan",
    "Chengdu 611731, China",
    "Eindhoven, Netherlands",
]


def real_strings() -> list[str]:
    texts = [row.text for row in load_devset()]
    gold = RAW / "affiliation_gold"
    if gold.is_dir():
        for name in (
            "ror_dataset_affiliations_crossref_2024-02-19.json",
            "ror_dataset_affiliations_springer_2023-10-31.json",
        ):
            texts += [r["affiliation"] for r in json.loads((gold / name).read_text())]
        with open(
            gold / "crossref_publisher_asserted_affiliation_ror_2023-06-28.csv",
            encoding="utf-8-sig",
        ) as f:
            texts += [r["affiliation"] for r in csv.DictReader(f)]
    return list(dict.fromkeys(" ".join(t.split()) for t in texts if t.strip()))


def generate(n: int, seed: int = SEED) -> list[str]:
    """``n`` affiliation strings: real ones, and real organisation parts recombined."""
    rng = random.Random(seed)
    real = real_strings()
    orgs = [t.split(",")[0] for t in real]
    out: list[str] = []
    while len(out) < n:
        roll = rng.random()
        if roll < 0.5:
            out.append(rng.choice(real))
        elif roll < 0.9:
            out.append(f"{rng.choice(DEPARTMENTS)}, {rng.choice(orgs)}, {rng.choice(PLACES)}")
        else:
            out.append(f"{rng.choice(orgs)}, {rng.randint(100000, 999999)} {rng.choice(PLACES)}")
    return out


def scaled_list(minimum: int, seed: int = SEED) -> tuple[ScreeningList, str]:
    """A list of at least ``minimum`` names: fmscreen's CSL+EUL name index, or synthetic."""
    path = RAW / "fmscreen_index" / "list_2024-04-14.csv"
    if path.exists():
        names: dict[str, list[str]] = {}
        with open(path, encoding="utf-8") as f:
            for row in csv.reader(f):
                if len(row) >= 2 and row[0].strip():
                    names.setdefault(row[1], []).append(row[0])
        entries = tuple(
            ListEntry("scaled", entry_id, ns[0], tuple(ns[1:])) for entry_id, ns in names.items()
        )
        return ScreeningList("scaled", "", None, str(path), entries), "fmscreen index (read only)"
    rng = random.Random(seed)
    base = [n for lst in shipped() for e in lst.entries for n in e.all_names]
    words = [w for n in base for w in n.split() if w.isalpha()]
    synthetic = [
        ListEntry("scaled", f"s{i}", " ".join(rng.choice(words) for _ in range(rng.randint(2, 5))))
        for i in range(minimum)
    ]
    return ScreeningList("scaled", "", None, "synthetic", tuple(synthetic)), "synthetic"


_SHIPPED: list[ScreeningList] = []


def shipped() -> list[ScreeningList]:
    if not _SHIPPED:
        _SHIPPED.extend(load_list(p).value for p in shipped_lists())
    return _SHIPPED


def build(lists: Sequence[ScreeningList]) -> tuple[Matcher, float, float]:
    """The matcher, its build time (CPU s, untraced) and index memory (MB, traced build)."""
    start = time.process_time()
    matcher = Matcher.from_lists(lists)
    seconds = time.process_time() - start
    tracemalloc.start()
    traced = Matcher.from_lists(lists)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced
    return matcher, seconds, size / 1e6


def rate(function: Callable[[str], object], texts: Sequence[str]) -> tuple[float, float]:
    """Strings per second of CPU time (one core, whatever else runs) and of wall time."""
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        function(text)
    return len(texts) / (time.process_time() - cpu), len(texts) / (time.perf_counter() - wall)


def baseline(names: list[str], scorer: Callable[..., float]) -> Callable[[str], object]:
    def scan(text: str) -> object:
        return process.extract(normalize(text), names, scorer=scorer, score_cutoff=90, limit=None)

    return scan


def run(title: str, lists: Sequence[ScreeningList], texts: list[str], sample: int) -> None:
    matcher, seconds, megabytes = build(lists)
    names = list(
        dict.fromkeys(normalize(n) for lst in lists for e in lst.entries for n in e.all_names)
    )
    cold, cold_wall = rate(matcher.match, texts)  # typo corrections and CJK folds learnt
    warm, warm_wall = rate(matcher.match, texts)
    found = sum(1 for t in texts[:20000] if matcher.match(t))
    rng = random.Random(SEED)
    sample_texts = rng.sample(texts, sample)
    partial, _ = rate(baseline(names, fuzz.partial_ratio), sample_texts)
    token_set, _ = rate(baseline(names, fuzz.token_set_ratio), sample_texts)
    n = f"{len(texts):,}"
    print(f"== {title}: {sum(len(x.entries) for x in lists):,} entries, {len(names):,} names")
    print(f"   index build              {seconds:10.2f} s")
    print(f"   index memory             {megabytes:10.1f} MB (tracemalloc)")
    print(f"   matcher, first pass      {cold:10,.0f} strings/s CPU ({cold_wall:,.0f} wall), {n}")
    print(f"   matcher, second pass     {warm:10,.0f} strings/s CPU ({warm_wall:,.0f} wall), {n}")
    print(f"   strings with a match     {found / min(20000, len(texts)):10.1%} (first 20,000)")
    for label, base in (("partial_ratio", partial), ("token_set_ratio", token_set)):
        print(
            f"   baseline {label:15} {base:10,.1f} strings/s CPU ({sample} strings)"
            f" -> first pass {cold / base:,.0f}x, second {warm / base:,.0f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strings", type=int, default=100_000)
    parser.add_argument("--baseline-sample", type=int, default=100)
    args = parser.parse_args()
    texts = generate(args.strings)
    print(
        f"{len(texts):,} strings, {len(set(texts)):,} distinct, "
        f"mean length {sum(map(len, texts)) / len(texts):.0f} characters"
    )
    run("METI + shipped CSL", shipped(), texts, args.baseline_sample)
    scaled, origin = scaled_list(40_000)
    run(f"scaled list ({origin})", [scaled], texts, max(10, args.baseline_sample // 4))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the run   {peak:8.0f} MB (max RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
