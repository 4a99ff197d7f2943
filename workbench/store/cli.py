"""``workbench store``: migrate the judgments store, show a review's history, export it.

Examples
--------
>>> import argparse
>>> p = argparse.ArgumentParser(); add_arguments(p)
>>> p.parse_args(["export", "P-1", "--json", "r.json"]).xlsx is None
True
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from workbench.atomic import atomic_path
from workbench.errors import InputError, Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: WORKBENCH_DB_URL, else data/workbench.db)",
    )
    sub = parser.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    sub.add_parser("migrate", help="create or upgrade the schema to the newest version")
    sub.add_parser(
        "verify", help="check the hash chain of every event; exit 1 if anything was tampered with"
    )
    h = sub.add_parser("history", help="print a proposal's review history")
    h.add_argument("proposal_id", metavar="PROPOSAL")
    h.add_argument("--lang", choices=("ja", "en"), default="ja", help="language (default ja)")
    h.add_argument(
        "--findings",
        type=Path,
        metavar="FILE",
        help="screening result (workbench screen --format json) naming the people and "
        "organisations of its findings",
    )
    m = sub.add_parser("memory", help="list or revoke remembered match verdicts")
    msub = m.add_subparsers(dest="memory_command", required=True, metavar="ACTION")
    ml = msub.add_parser("list", help="the verdicts in force: id, scope, who, when, why")
    ml.add_argument("--proposal", metavar="PROPOSAL", help="only those that apply to PROPOSAL")
    mr = msub.add_parser("revoke", help="withdraw a remembered verdict (recorded as an event)")
    mr.add_argument("memory_id", metavar="ID", help="the id 'memory list' shows (PROPOSAL#SEQ)")
    mr.add_argument("--reviewer", required=True, help="who revokes it")
    mr.add_argument("--reason", required=True, help="why it no longer holds")
    e = sub.add_parser("export", help="export a proposal's review record")
    e.add_argument("proposal_id", metavar="PROPOSAL")
    e.add_argument("--json", type=Path, metavar="FILE", help="write the record as JSON")
    e.add_argument("--xlsx", type=Path, metavar="FILE", help="write the record as Excel")
    e.add_argument(
        "--findings",
        type=Path,
        metavar="FILE",
        help="screening result (workbench screen --format json) whose findings to include",
    )


def _read_findings(path: Path) -> list[dict[str, Any]]:
    findings = _read_screening(path)["findings"]
    assert isinstance(findings, list)
    return findings


def _read_screening(path: Path) -> dict[str, Any]:
    """A screening result (or a bare list of findings) as ``{"findings": [...], ...}``."""
    from workbench.input_files import JsonLimit, loads, read_input

    expected = "a screening result in JSON (workbench screen --format json)"
    try:
        data = loads(read_input(path).decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem(str(path), f"line {exc.lineno}", "-", "not valid JSON", expected)]
        ) from None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
        raise InputError([Problem(str(path), where, "(encoding)", "not UTF-8", expected)]) from None
    except JsonLimit as exc:
        raise InputError([Problem(str(path), "file", "(json)", str(exc), expected)]) from None
    findings = data.get("findings") if isinstance(data, dict) else data
    if not isinstance(findings, list):
        raise InputError(
            [
                Problem(
                    str(path),
                    "$.findings",
                    "findings",
                    "missing or not a list",
                    "a list of findings with 'key'",
                )
            ]
        )
    return {**data, "findings": findings} if isinstance(data, dict) else {"findings": findings}


def _memory(store: Any, args: argparse.Namespace) -> int:
    from workbench.store.events import printable

    if args.memory_command == "revoke":
        store.revoke_match(args.memory_id, reviewer=args.reviewer, reason=args.reason)
        print(f"revoked {args.memory_id}")
        return 0
    verdicts = store.match_verdicts()
    shown = verdicts.for_proposal(args.proposal) if args.proposal else tuple(verdicts)
    for v in shown:
        scope = "all proposals" if v.scope == "all" else f"only {v.proposal_id}"
        when = v.decided_at.strftime("%Y-%m-%d %H:%M UTC")
        line = (
            f"{v.id}  {v.verdict}  '{v.text}' vs {v.list_name} {v.entry_id}  [{scope}]  "
            f"{v.reviewer} {when}: {v.rationale or '-'}"
        )
        print(printable(line))
    print(f"{len(shown)} remembered verdict(s) in force")
    return 0


def run(args: argparse.Namespace) -> int:
    from workbench.store.engine import current_revision, database_url, open_engine
    from workbench.store.history_text import history_lines
    from workbench.store.store import open_store

    if args.store_command == "migrate":
        engine = open_engine(database_url(args.db))
        revision = current_revision(engine)
        engine.dispose()
        print(f"{database_url(args.db)}: schema at revision {revision}")
        return 0
    store = open_store(args.db)
    try:
        if args.store_command == "verify":
            report = store.verify()
            for b in report.breaks:
                print(f"BREAK  {b.describe()}")
            print(f"{store.url}: {report.message('en')}; last hash {report.head or '-'}")
            return 0 if report.ok else 1
        if args.store_command == "history":
            state = store.state(args.proposal_id)
            if not state.started:
                raise InputError(
                    [
                        Problem(
                            store.url,
                            "history",
                            "proposal_id",
                            f"no review of {args.proposal_id!r} in this store",
                            "the id of a proposal under review",
                        )
                    ]
                )
            screening = _read_screening(args.findings) if args.findings else None
            for line in history_lines(state.history, args.lang, screening):
                print(line)
            return 0
        if args.store_command == "memory":
            return _memory(store, args)
        if args.json is None and args.xlsx is None:
            print("export: give --json FILE and/or --xlsx FILE", file=sys.stderr)
            return 2
        findings = _read_findings(args.findings) if args.findings else None
        record = store.export_json(args.proposal_id, findings)
        written = [p for p in (args.json, args.xlsx) if p is not None]
        for out in written:
            out.parent.mkdir(parents=True, exist_ok=True)
        # both outputs are complete before either replaces a file: none is left half-written
        with ExitStack() as stack:
            if args.json is not None:
                stack.enter_context(atomic_path(args.json)).write_text(
                    json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
            if args.xlsx is not None:
                tmp = stack.enter_context(atomic_path(args.xlsx))
                store.export_xlsx(args.proposal_id, tmp, findings)
        for out in written:
            print(f"wrote {out}")
        return 0
    finally:
        store.close()
