"""``workbench demo generate --out data/demo``: write the demo proposals and their works."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="demo_command", required=True, metavar="ACTION")
    gen = sub.add_parser(
        "generate",
        help="write data/demo/proposals (and data/demo/hostile) from the fixed seed",
        description="Write the demo proposals, their publications and the hostile proposal. "
        "The same bytes on every run.",
    )
    gen.add_argument(
        "--out", type=Path, default=Path("data/demo"), help="demo folder (default: data/demo)"
    )


def run(args: argparse.Namespace) -> int:
    from workbench.demo.generate import generate

    started = time.perf_counter()
    summary = generate(args.out)
    seconds = time.perf_counter() - started
    print(
        f"demo: {summary.proposals} proposals, {summary.works} works, {summary.authorships} "
        f"authorships in {args.out / 'proposals'} (+ hostile/) in {seconds:.1f} s"
    )
    return 0
