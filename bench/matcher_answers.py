"""The matches of this tree's matcher beside another commit's, string by string.

A change made for speed must not change what the matcher reports. This runs
the matcher of a reference commit (default ``main``, taken out of git with
``git archive`` as ``bench_matcher.py`` does) and this tree's, each in a
process of its own, over the strings the matching benchmark generates
(``bench_matching.generate``), the development set and the held-aside set,
against METI + the shipped CSL, and compares the full records: list, entry,
name, alias matched and its kind, span, score, reasons (guards and vetoes).
The labelled sets are also matched with a declared country (China, Japan,
Russia) and explained (every candidate, with why it was not reported).

    .venv/bin/python bench/matcher_answers.py [--reference main] [--strings 100000]

Exit status 1, with the first differences, when any string's answer differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSETS = ROOT / "data" / "devsets"
SETS = (DEVSETS / "affiliations.tsv", DEVSETS / "held_aside.tsv")
DECLARED = ("CN", "JP", "RU")


def _record(m: Any) -> list[Any]:
    return [
        m.list_name,
        m.entry_id,
        m.name,
        m.matched_alias,
        list(m.span),
        repr(m.score),
        list(m.reasons),
        m.disguised,
        getattr(m, "alias_kind", ""),
    ]


def worker(code: Path, strings: Path, lists: list[str], out: Path) -> None:
    """Write the answers of the matcher in ``code`` (run in its own process), one JSON a line."""
    sys.path.insert(0, str(code))
    from workbench.lists import load_list
    from workbench.matching import Matcher
    from workbench.matching.evaluation import load_devset

    texts = strings.read_text(encoding="utf-8").split("\n")
    matcher = Matcher.from_lists([load_list(Path(p)).value for p in lists])
    labelled = [row.text for path in SETS for row in load_devset(path)]
    with out.open("w", encoding="utf-8") as f:
        for text in texts:
            f.write(json.dumps(["match", text, [_record(m) for m in matcher.match(text)]]) + "\n")
        for text in labelled:
            for country in DECLARED:
                found = [_record(m) for m in matcher.match(text, country)]
                f.write(json.dumps([f"match:{country}", text, found]) + "\n")
            explained = [[_record(m), why] for m, why in matcher.explain(text)]
            f.write(json.dumps(["explain", text, explained]) + "\n")


def answers(code: Path, strings: Path, lists: list[str], out: Path) -> list[str]:
    command = [sys.executable, __file__, "--worker", str(code), "--texts", str(strings)]
    command += ["--out", str(out), "--list", *lists]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"the matcher of {code} failed:\n{done.stderr}")
    return out.read_text(encoding="utf-8").splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default="main")
    parser.add_argument("--strings", type=int, default=100_000)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--list", nargs="*", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.texts, args.list, args.out)
        return 0

    from bench_matcher import extract, generated_strings

    with tempfile.TemporaryDirectory() as tmp:
        texts, strings, lists = generated_strings(args.strings, Path(tmp))
        (Path(tmp) / "reference").mkdir()
        reference = extract(args.reference, Path(tmp) / "reference")
        before = answers(reference, strings, lists, Path(tmp) / "reference.jsonl")
        now = answers(ROOT, strings, lists, Path(tmp) / "current.jsonl")
    differ = [(a, b) for a, b in zip(before, now, strict=True) if a != b]
    matched = sum(1 for line in now if not line.endswith("[]]"))
    print(
        f"{len(now):,} answers ({len(texts):,} generated strings, the labelled sets matched"
        f" as written, declared in {', '.join(DECLARED)} and explained; {matched:,} not empty):"
        f" {len(differ):,} differ from {args.reference}'s"
    )
    for a, b in differ[:10]:
        print(f"  {args.reference}: {a}\n  current: {b}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
