"""``workbench portfolio``: screen a folder of proposals, re-screen it against a new list version.

Subcommands::

    workbench portfolio screen DIR --out DIR [--list FILE ...] [--as-of YYYY-MM-DD]
                                   [--engine local|dask] [--scheduler ADDR] [--workers N]
    workbench portfolio rescreen DIR --old-list FILE --new-list FILE [--list FILE ...]
                                   [--tables DIR] [--out DIR] [--format text|json]
    workbench portfolio diff OLD NEW [--format text|json]
    workbench portfolio versions
    workbench portfolio register FILE [--confirm-shrink]

Every list loaded is recorded in the list-version register (``--registry``,
default ``data/list_versions.json``); a version that lost more than 10% of the
entries of its previous version is refused unless ``--confirm-shrink`` is given.
``--list`` defaults to the settings' lists (``WORKBENCH_LISTS``, else the
shipped ones); reviewers' judgments are joined from the store at ``--db``
(default ``WORKBENCH_DB_URL``, else ``data/workbench.db``; ``--db none`` for none).

Exit status: 0 when every proposal was screened, 3 when some proposal folders
could not be (they are listed with every problem), 2 for bad input that stops
the run (a missing folder, an unusable list, two different lists to diff).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem
from workbench.output_text import printable, printable_stdout
from workbench.screening_cli import iso_date

SOME_FAILED = 3


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a worker count (expected 1 or more)")
    return n


def _scheduler(text: str) -> str:
    """A Dask scheduler address: ``tcp://host:port`` (or tls://, ws://, inproc://)."""
    scheme, sep, rest = text.partition("://")
    if not sep or scheme not in ("tcp", "tls", "ws", "wss", "inproc", "ucx") or not rest:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a scheduler address (expected tcp://host:port)"
        )
    return text


def _common(p: argparse.ArgumentParser, *, lists: bool = True) -> None:
    if lists:
        p.add_argument(
            "--list",
            dest="lists",
            action="append",
            default=[],
            metavar="FILE",
            help="screening list (repeatable; default: the settings' lists)",
        )
    p.add_argument(
        "--registry",
        type=Path,
        default=None,
        metavar="PATH",
        help="list-version register (default data/list_versions.json)",
    )
    p.add_argument(
        "--confirm-shrink",
        action="store_true",
        help="accept a list version that lost more than 10%% of its entries",
    )


def _screening(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="reference date for every proposal (default: each one's submission date)",
    )
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument(
        "--scheduler",
        type=_scheduler,
        default=None,
        metavar="ADDR",
        help="Dask scheduler address (default: a LocalCluster)",
    )
    p.add_argument("--workers", type=_workers, default=2, help="LocalCluster worker processes")
    p.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="judgments store (default WORKBENCH_DB_URL; 'none' for none)",
    )
    p.add_argument(
        "--no-memory",
        action="store_true",
        help="ignore the reviewers' remembered verdicts (show every match)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    s = sub.add_parser("screen", help="screen every proposal sub-folder of DIR into tables")
    s.add_argument("folder", metavar="DIR", type=Path)
    s.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="folder for the Parquet tables"
    )
    _common(s)
    _screening(s)
    r = sub.add_parser(
        "rescreen", help="which proposals gain or lose findings with a new list version"
    )
    r.add_argument("folder", metavar="DIR", type=Path)
    r.add_argument("--old-list", required=True, type=Path, metavar="FILE")
    r.add_argument("--new-list", required=True, type=Path, metavar="FILE")
    r.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="write changes.parquet and outcomes.parquet here",
    )
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument(
        "--tables",
        type=Path,
        default=None,
        metavar="DIR",
        help="tables 'portfolio screen --out' wrote against the old list: screen again only "
        "the proposals holding strings the revision changes",
    )
    _common(r)
    _screening(r)
    d = sub.add_parser("diff", help="differences between two versions of one list")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    d.add_argument("--format", choices=("text", "json"), default="text")
    v = sub.add_parser("versions", help="the registered list versions")
    _common(v, lists=False)
    g = sub.add_parser("register", help="load list files and register their versions")
    g.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _common(g, lists=False)


# ---- helpers ---------------------------------------------------------------------------


def _registry(args: argparse.Namespace) -> Any:
    from workbench.list_versions import DEFAULT_PATH, VersionRegistry

    return VersionRegistry(args.registry or DEFAULT_PATH)


def load_registered(paths: Sequence[Path], args: argparse.Namespace) -> list[Any]:
    """Load every list, then register each (guard included); all problems reported at once."""
    from workbench.lists import load_lists

    lists = [x.value for x in load_lists(paths)]
    registry = _registry(args)
    problems: list[Problem] = []
    for lst in lists:
        try:
            registry.register(lst, confirm=args.confirm_shrink)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return lists


def _default_lists() -> list[Path]:
    from workbench.settings import Settings

    return list(Settings.from_env().lists)


def store_of(args: argparse.Namespace) -> Any:
    if args.db and args.db.lower() == "none":
        return None
    from workbench.settings import Settings
    from workbench.store import open_store

    return open_store(args.db or Settings.from_env().db_url)


def progress_bar(
    args: argparse.Namespace, label: str
) -> tuple[Callable[[int, int, str], None] | None, Any]:
    if args.no_progress:
        return None, None
    from tqdm import tqdm

    bar = tqdm(desc=label, unit="proposal", file=sys.stderr, dynamic_ncols=True)

    def progress(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.set_postfix_str(printable(name), refresh=False)
        bar.update(done - bar.n)

    return progress, bar


@contextmanager
def store_and_progress(
    args: argparse.Namespace, label: str
) -> Iterator[tuple[Any, Callable[[int, int, str], None] | None]]:
    """The store (or ``None``) and the progress callback of one run, both closed after it."""
    store = store_of(args)
    progress, bar = progress_bar(args, label)
    try:
        yield store, progress
    finally:
        if bar is not None:
            bar.close()
        if store is not None:
            store.close()


def _print_problems(problems: Any, out: Any) -> None:
    errors = problems[problems["severity"] == "error"]
    if len(errors):
        print(f"\nproblems that stopped proposals ({len(errors)}):", file=out)
        for r in errors.itertuples(index=False):
            where = f"{r.file}: {r.location}: field '{r.field}': {r.message}"
            if isinstance(r.expected, str):
                where += f" (expected {r.expected})"
            print(f"  - [{r.folder}] {where}", file=out)


def _suppressed_line(proposals: Any) -> str:
    """How many matches remembered dismissals hid, in how many proposals, by which verdicts."""
    counts = proposals["suppressed_by_memory"].fillna(0)
    ids = sorted(
        {i for v in proposals["suppressed_memory_ids"].dropna() for i in str(v).split("; ")}
    )
    return (
        f"matches hidden by remembered dismissals: {int(counts.sum())} in "
        f"{int((counts > 0).sum())} proposal(s)" + (f" ({', '.join(ids)})" if ids else "")
    )


# ---- actions ---------------------------------------------------------------------------


def check_out(out: Path | None) -> None:
    """``--out`` names a folder, or a place where one can be made: checked before any work."""
    if out is None:
        return
    blocker = next((p for p in (out, *out.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise InputError(
            [
                Problem(
                    str(out),
                    "--out",
                    "(folder)",
                    f"{blocker} is a file, not a folder",
                    "a folder for the tables (new or existing)",
                )
            ]
        )


def _screen(args: argparse.Namespace) -> int:
    check_out(args.out)
    from workbench.portfolio.screen import screen_portfolio

    lists = load_registered(args.lists or _default_lists(), args)
    with store_and_progress(args, "screening") as (store, progress):
        run = screen_portfolio(
            args.folder,
            lists,
            args.as_of,
            args.engine,
            args.scheduler,
            progress,
            store=store,
            workers=args.workers,
            memory=not args.no_memory,
        )
    t = run.tables
    paths = run.write(args.out)
    print(
        f"{len(t.screened)} proposals screened, {len(t.failed)} could not be screened, "
        f"{len(t.findings)} findings ({run.engine}, {run.workers} worker(s), "
        f"{run.seconds:.1f} s)"
    )
    print(f"tables written: {', '.join(str(p) for p in paths)}")
    if store is not None and not args.no_memory:
        print(_suppressed_line(t.proposals))
    _print_problems(t.problems, sys.stdout)
    return SOME_FAILED if len(t.failed) else 0


def _rescreen(args: argparse.Namespace) -> int:
    from workbench.portfolio.rescreen_cli import rescreen_command

    return rescreen_command(args)


def _diff(args: argparse.Namespace) -> int:
    from workbench.list_versions import diff_versions
    from workbench.lists import load_lists

    old, new = (x.value for x in load_lists([args.old, args.new]))
    d = diff_versions(old, new)
    if args.format == "json":
        json.dump(d.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{d.list_name}: {d.old_version} ({d.old_count}) → {d.new_version} ({d.new_count})")
    for title, items in (
        ("added", [f"{e.entry_id} {e.name}" for e in d.added]),
        ("removed", [f"{e.entry_id} {e.name}" for e in d.removed]),
        ("renamed", [f"{c.old.entry_id} '{c.old.name}' → '{c.new.name}'" for c in d.renamed]),
        (
            "renumbered",
            [f"'{c.new.name}' {c.old.entry_id} → {c.new.entry_id}" for c in d.renumbered],
        ),
        ("aliases changed", [d.explain(a.new.entry_id, side="new") for a in d.alias_changes]),
    ):
        print(f"{title} ({len(items)}):")
        for line in items:
            print(f"  {line}")
    return 0


def _versions(args: argparse.Namespace) -> int:
    records = _registry(args).records()
    if not records:
        print("no list version registered yet")
    for r in sorted(records, key=lambda r: (r.name, r.version or date.min)):
        flag = "  (shrink confirmed)" if r.confirmed_shrink else ""
        print(
            f"{r.name} | {r.publisher} | {r.version_text or 'undated'} | {r.entries} entries "
            f"| {r.content_hash[:12]} | {r.source}{flag}"
        )
    return 0


def _register(args: argparse.Namespace) -> int:
    lists = load_registered(args.files, args)
    for lst in lists:
        print(f"registered {lst.name} {lst.version} ({lst.entry_count} entries)")
    return 0


ACTIONS: dict[str, Callable[[argparse.Namespace], int]] = {
    "screen": _screen,
    "rescreen": _rescreen,
    "diff": _diff,
    "versions": _versions,
    "register": _register,
}


def run(args: argparse.Namespace) -> int:
    # names, folders and problems come from data: no escape sequence reaches the terminal
    with printable_stdout(getattr(args, "format", "text") != "json"):
        return ACTIONS[args.action](args)
