"""``workbench template OUT.xlsx [--from PROPOSAL] [--lang ja|en]``: the Excel questionnaire.

Headers are bilingual; ``--lang`` chooses the language of the drop-downs' labels
(Japanese by default). Either language reads back.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.proposal import load_proposal_with_report
from workbench.questionnaire.writer import write_template


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT.xlsx", help="the workbook to write")
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="PROPOSAL",
        help="fill the template from this questionnaire (.json or .xlsx)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT.xlsx if it exists")
    parser.add_argument(
        "--lang", choices=("ja", "en"), default="ja", help="language of the drop-down labels"
    )


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        print(f"error: {out}: the template must be an .xlsx file", file=sys.stderr)
        return 2
    if out.exists() and not args.force:
        print(f"error: {out}: exists already; add --force to overwrite it", file=sys.stderr)
        return 2
    proposal = None
    if args.source is not None:
        loaded = load_proposal_with_report(args.source)
        for warning in loaded.report.warnings:
            print(warning, file=sys.stderr)
        proposal = loaded.value
    write_template(out, proposal, lang=args.lang)
    what = f"filled from {args.source}" if proposal else "empty"
    print(f"wrote {out} ({what})")
    return 0
