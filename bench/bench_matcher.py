"""The matcher against its baseline, side by side in one run: speed and per-category quality.

The baseline is the matcher of a given commit (default ``599078b``), taken out of
git with ``git archive`` into a temporary folder and imported from there in a
process of its own; the current one is this tree's. Both run on the same
strings (``bench_matching.generate``: real affiliation strings and recombined
ones, fixed seed) against the same list files (METI + shipped CSL), in
alternating rounds so that the machine's load falls on both alike; each
figure is the best of the rounds (the one the machine's load disturbed least). Per
matcher it prints index build time, strings per second (CPU, one core; first
pass, which learns typo corrections, and second pass), the ratio current /
baseline, and precision and recall per category on the development set and
on the held-aside set, with false-positive strings per 1,000 unlisted ones.

    .venv/bin/python bench/bench_matcher.py [--baseline 599078b] [--strings 100000] [--rounds 3]
    .venv/bin/python bench/bench_matcher.py --check-readme   # the README's matcher rows hold

``--check-readme`` fails (exit status 1) when the README's development-set row
no longer states this tree's figures or its throughput row states more than
the current matcher's best first pass measured here.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSETS = ROOT / "data" / "devsets"
SETS = {"development": DEVSETS / "affiliations.tsv", "held-aside": DEVSETS / "held_aside.tsv"}
DEFAULT_BASELINE = "599078b"
#: Most the current matcher's first pass may lose against the baseline's.
SLOWER_AT_MOST = 0.10


def worker(code: Path, strings: Path, lists: list[str], quality: bool) -> dict[str, Any]:
    """Measure the matcher of the ``workbench`` package in ``code`` (run in its own process)."""
    sys.path.insert(0, str(code))
    from workbench.lists import load_list
    from workbench.matching import Matcher, evaluation
    from workbench.matching.evaluation import evaluate, load_devset, unlisted_fp_per_thousand

    texts = strings.read_text(encoding="utf-8").split("\n")
    loaded = [load_list(Path(p)).value for p in lists]
    start = time.process_time()
    matcher = Matcher.from_lists(loaded)
    index_seconds = time.process_time() - start
    passes = []
    for _ in range(2):
        start = time.process_time()
        for text in texts:
            matcher.match(text)
        passes.append(len(texts) / (time.process_time() - start))
    out: dict[str, Any] = {"index": index_seconds, "first": passes[0], "second": passes[1]}
    if quality:
        for name, path in SETS.items():
            rows = load_devset(path)
            tallies = evaluate(matcher, rows)
            row = getattr(evaluation, "readme_row", None)  # a baseline may not have it
            out[name] = {
                "readme": row(f"{name} set", rows, tallies) if row else "",
                "strings": len(rows),
                "fp_per_thousand": unlisted_fp_per_thousand(rows, tallies),
                "categories": {
                    c: {"n": t.strings, "tp": t.tp, "fp": t.fp, "fn": t.fn}
                    | {"precision": t.precision, "recall": t.recall}
                    for c, t in tallies.items()
                },
            }
    return out


def run_worker(code: Path, strings: Path, lists: list[str], quality: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", str(code), "--texts", str(strings)]
    command += ["--list", *lists] + (["--quality"] if quality else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"the matcher of {code} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def extract(commit: str, into: Path) -> Path:
    """The ``workbench`` package as it was at ``commit``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "workbench"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def generated_strings(count: int, folder: Path) -> tuple[list[str], Path, list[str]]:
    """The benchmark's strings, written one a line into ``folder``, and the shipped list files."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_matching import generate

    from workbench.lists import shipped_lists

    texts = generate(count)
    strings = folder / "strings.txt"
    strings.write_text("\n".join(texts), encoding="utf-8")
    return texts, strings, [str(p) for p in shipped_lists()]


def quality_table(base: dict[str, Any], now: dict[str, Any]) -> list[str]:
    lines = []
    for name in SETS:
        b, c = base[name], now[name]
        lines.append(f"-- {name} set: {c['strings']:,} strings")
        lines.append(f"   {'category':30} {'n':>5}  {'baseline P / R':>15}  {'current P / R':>15}")
        categories = sorted(c["categories"], key=lambda k: (k == "overall", k))
        for category in categories:
            now_row = c["categories"][category]
            base_row = b["categories"].get(category)
            lines.append(
                f"   {category:30} {now_row['n']:5d}  {_pr(base_row):>15}  {_pr(now_row):>15}"
            )
        lines.append(
            f"   false-positive strings per 1,000 unlisted: baseline"
            f" {b['fp_per_thousand']:.2f}, current {c['fp_per_thousand']:.2f}"
        )
    return lines


def _pr(row: dict[str, Any] | None) -> str:
    if row is None:
        return "-"
    recall = "n/a" if row["recall"] is None else f"{row['recall']:.3f}"
    return f"{row['precision']:.3f} / {recall}"


def check_readme(now: dict[str, Any], first_pass: float) -> list[str]:
    """What the README states that this run contradicts."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    wrong = [
        f"README's row should begin: | {now[name]['readme']} |"
        for name in SETS
        if f"| {now[name]['readme']} |" not in text
    ]
    stated = re.search(r"matcher throughput, METI \+ shipped CSL.*?≈ ([\d,]+) strings/s", text)
    if stated is None:
        wrong.append("README states no matcher throughput")
    elif int(stated.group(1).replace(",", "")) > first_pass * 1.15:
        wrong.append(f"README states {stated.group(1)} strings/s, measured {first_pass:,.0f}")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--strings", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--check-readme", action="store_true")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--list", nargs="*", default=[], help=argparse.SUPPRESS)
    parser.add_argument("--quality", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.texts, args.list, args.quality)))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        texts, strings, lists = generated_strings(args.strings, Path(tmp))
        base_code = extract(args.baseline, Path(tmp))
        print(
            f"{len(texts):,} strings ({len(set(texts)):,} distinct), METI + shipped CSL;"
            f" baseline {args.baseline}, {args.rounds} alternating rounds"
        )
        runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "current": []}
        for k in range(args.rounds):
            for label, code in (("baseline", base_code), ("current", ROOT)):
                runs[label].append(run_worker(code, strings, lists, quality=k == 0))
    print(f"   {'':26} {'baseline':>12} {'current':>12} {'current/baseline':>17}")
    figures = {}
    for key, title, unit in (
        ("index", "index build (CPU s)", "s"),
        ("first", "first pass (strings/s)", "/s"),
        ("second", "second pass (strings/s)", "/s"),
    ):
        best = min if key == "index" else max  # the run least disturbed by the machine's load
        b = best(r[key] for r in runs["baseline"])
        c = best(r[key] for r in runs["current"])
        figures[key] = (b, c)
        shown = (f"{b:12.2f}", f"{c:12.2f}") if unit == "s" else (f"{b:12,.0f}", f"{c:12,.0f}")
        print(f"   {title:26} {shown[0]} {shown[1]} {c / b:17.3f}")
    base_first, now_first = figures["first"]
    change = now_first / base_first - 1
    print(
        f"   first pass: current {abs(change):.1%} {'faster' if change >= 0 else 'slower'}"
        f" than the baseline (at most {SLOWER_AT_MOST:.0%} slower allowed);"
        f" best of {args.rounds} rounds each"
    )
    for line in quality_table(runs["baseline"][0], runs["current"][0]):
        print(line)
    if args.check_readme:
        wrong = check_readme(runs["current"][0], max(r["first"] for r in runs["current"]))
        for line in wrong:
            print(f"README: {line}")
        return 1 if wrong else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
