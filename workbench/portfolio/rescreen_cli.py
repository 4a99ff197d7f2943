"""``workbench portfolio rescreen``: who gains or loses findings with a new list version.

With ``--tables`` (the tables ``workbench portfolio screen --out`` wrote against the
old list) only the proposals holding strings the revision changes are screened again
(:mod:`workbench.portfolio.incremental`); without, or when those tables cannot be
used, every proposal is screened against both versions (:func:`workbench.portfolio.rescreen`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from workbench.atomic import atomic_folder
from workbench.output_text import printable
from workbench.portfolio.cli import (
    SOME_FAILED,
    check_out,
    load_registered,
    store_and_progress,
)


def rescreen_command(args: argparse.Namespace) -> int:
    """``workbench portfolio rescreen`` (see :mod:`workbench.portfolio.cli`)."""
    from workbench.portfolio.rescreen import rescreen

    check_out(args.out)
    old, new = load_registered([args.old_list, args.new_list], args)
    others = load_registered(args.lists, args) if args.lists else []
    with store_and_progress(args, "re-screening") as (store, progress):
        report = _from_tables(args, old, new, others, store, progress) or rescreen(
            args.folder,
            old,
            new,
            others,
            as_of=args.as_of,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=progress,
            store=store,
            memory=not args.no_memory,
        )
    if args.out is not None:
        with atomic_folder(args.out) as tmp:
            report.changes.to_parquet(tmp / "changes.parquet", index=False)
            report.outcomes.to_parquet(tmp / "outcomes.parquet", index=False)
    if args.format == "json":
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.to_text())
    return SOME_FAILED if len(report.new.failed) else 0


def _from_tables(
    args: argparse.Namespace, old: Any, new: Any, others: list[Any], store: Any, progress: Any
) -> Any:
    """The re-screening from ``--tables`` (None: screened in full, and said so)."""
    if args.tables is None or args.engine != "local":
        return None
    from workbench.portfolio.incremental import rescreen_stored

    done = rescreen_stored(
        args.folder,
        args.tables,
        old,
        new,
        others,
        as_of=args.as_of,
        store=store,
        memory=not args.no_memory,
        progress=progress,
    )
    if done is None:
        print(
            f"{printable(str(args.tables))}: not tables of this folder screened against the old "
            "list (or its files changed since): every proposal is screened",
            file=sys.stderr,
        )
        return None
    print(
        f"strings changed by the revision: {len(done.changed)}; proposals screened again: "
        f"{len(done.screened)}, kept: {len(done.reused)}",
        file=sys.stderr,
    )
    return done.report
