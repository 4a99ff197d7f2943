"""Precision and recall of the matcher on the development set, per category and overall.

    .venv/bin/python scripts/evaluate_matching.py [--errors] [--list FILE ...]

With ``../shared/data/raw/match_testsets/`` present it also scores the labelled
organisation-name pairs of nomenklatura's name bench (MIT) and Watchman's
cross-script pairs (Apache-2.0): each pair becomes a one-entry list (the second
name) and the first name is matched against it. Those sets were made for
whole-name comparison, not for finding names inside affiliations; their numbers
are reported for comparison, not as targets.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.lists import load_lists, shipped_lists  # noqa: E402
from workbench.matching import Matcher  # noqa: E402
from workbench.matching.evaluation import (  # noqa: E402
    DEVSET,
    evaluate,
    load_devset,
    report,
    unlisted_fp_per_thousand,
)
from workbench.model import ListEntry, ScreeningList  # noqa: E402

SHARED = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared"))
TESTSETS = SHARED / "data" / "raw" / "match_testsets"


def pair_scores(pairs: list[tuple[str, str, bool]]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of matching each first name against a list of the second alone."""
    tp = fp = fn = tn = 0
    for query, candidate, is_match in pairs:
        entry = ListEntry("pair", "1", candidate)
        matcher = Matcher.from_lists([ScreeningList("pair", "", None, "", (entry,))])
        found = bool(matcher.match(query))
        tp += found and is_match
        fp += found and not is_match
        fn += not found and is_match
        tn += not found and not is_match
    return tp, fp, fn, tn


def shared_pair_sets() -> None:
    bench = TESTSETS / "nomenklatura_name_bench_cases.csv"
    if bench.exists():
        with open(bench, encoding="utf-8") as f:
            pairs = [
                (r["name1"], r["name2"], r["is_match"].strip().lower() == "true")
                for r in csv.DictReader(f)
                if r["schema"] in ("Company", "Organization", "LegalEntity")
            ]
        print_pairs("nomenklatura name bench (organisations)", pair_scores(pairs))
    cross = TESTSETS / "watchman_cross_script_pairs.csv"
    if cross.exists():
        with open(cross, encoding="utf-8") as f:
            rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
        pairs = [(r[0], r[1], True) for r in rows if len(r) >= 2]
        print_pairs("watchman cross-script pairs (all true)", pair_scores(pairs))


def print_pairs(title: str, counts: tuple[int, int, int, int]) -> None:
    tp, fp, fn, tn = counts
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{title}: {tp + fp + fn + tn} pairs, precision {precision:.3f}, recall {recall:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", dest="lists", action="append", type=Path, metavar="FILE")
    parser.add_argument("--errors", action="store_true", help="print every wrong string")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args()
    lists = [loaded.value for loaded in load_lists(args.lists or shipped_lists())]
    matcher = Matcher.from_lists(lists)
    rows = load_devset(args.devset)
    tallies = evaluate(matcher, rows)
    shown = args.devset.resolve()
    shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    print(f"development set: {shown} ({len(rows)} strings)")
    print(report(tallies))
    per_thousand = unlisted_fp_per_thousand(rows, tallies)
    print(f"false-positive strings per 1,000 unlisted affiliations: {per_thousand:.2f}")
    if args.errors:
        for name, tally in sorted(tallies.items()):
            if name != "overall":
                for text, expected, got in tally.errors:
                    print(f"{name}: {text!r} expected {list(expected)} got {list(got)}")
    if TESTSETS.is_dir():
        print()
        shared_pair_sets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
