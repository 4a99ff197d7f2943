"""Tamper evidence: every event carries a hash over its content and the previous event's hash.

The events of all proposals form one chain in the order they were appended.
:func:`verify` walks it and reports every break: a row whose content no longer
matches its hash (changed after the append-only triggers were dropped), a row
whose link does not point at the row before it (inserted or deleted rows), a
time that goes back along the chain (a backdated insert: appends take their
time from the database server, in order), a gap in a proposal's numbering,
a register row that disagrees with its event, and a missing append-only
trigger. Someone able to rewrite the whole database can recompute the chain:
:attr:`ChainReport.head` is the value to note elsewhere to catch even that.

Examples
--------
>>> from datetime import datetime, UTC
>>> e = Event("P-1", 1, EventKind.JUDGMENT, {"outcome": "no-concern", "notes": ""},
...           "alice", datetime(2025, 6, 20, 9, 30, tzinfo=UTC))
>>> h = event_hash(e, None)
>>> len(h), h == event_hash(e, None), h == event_hash(e, "0" * 64)
(64, True, False)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

from sqlalchemy import Connection, Engine, select

from workbench.store.events import Event
from workbench.store.schema import APPEND_ONLY, events, reviews
from workbench.vocabulary import EventKind


def event_hash(e: Event, prev: str | None) -> str:
    """SHA-256 (hex) over the event's content and ``prev``, the hash before it."""
    content = {
        "proposal_id": e.proposal_id,
        "seq": e.seq,
        "kind": str(e.kind),
        "payload": dict(e.payload),
        "reviewer": e.reviewer,
        "created_at": e.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "reason": e.reason,
        "prev": prev,
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """One place where the store is not what its writers wrote."""

    row_id: int | None
    proposal_id: str
    seq: int | None
    problem: str

    def describe(self) -> str:
        where = f"{self.proposal_id} #{self.seq}" if self.seq is not None else self.proposal_id
        row = f" (row {self.row_id})" if self.row_id is not None else ""
        return f"{where}{row}: {self.problem}"


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What :func:`verify` found: the events checked, the breaks, the last hash."""

    events: int
    breaks: tuple[ChainBreak, ...]
    head: str | None

    @property
    def ok(self) -> bool:
        return not self.breaks

    def message(self, lang: str = "ja") -> str:
        """One line for a page banner or the command line."""
        n = len(self.breaks)
        if lang == "ja":
            if self.ok:
                return f"記録は改ざんされていません（{self.events} 件を検証）。"
            return (
                f"記録の改ざんの疑い: {n} 件の不整合（{self.events} 件を検証）。"
                "管理者に連絡してください。"
            )
        if self.ok:
            return f"the record is intact ({self.events} events verified)"
        return (
            f"the record may have been tampered with: {n} break(s) in {self.events} events; "
            "tell the store's administrator"
        )


def _triggers(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    else:
        rows = conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {r[0] for r in rows}


def expected_triggers(dialect: str) -> set[str]:
    if dialect == "sqlite":
        return {f"{t}_no_{a}" for t in APPEND_ONLY for a in ("update", "delete")}
    return {f"{t}_{a}" for t in APPEND_ONLY for a in ("append_only", "no_truncate")}


def _check_register(conn: Connection, started: dict[tuple[str, int], Event]) -> list[ChainBreak]:
    out = []
    for r in conn.execute(select(reviews).order_by(reviews.c.id)):
        e = started.pop((r.proposal_id, r.seq), None)
        if e is None:
            out.append(
                ChainBreak(None, r.proposal_id, r.seq, "screening register row without its event")
            )
            continue
        p = e.payload
        as_of = date.fromisoformat(p["as_of"]) if p.get("as_of") else None
        if (r.as_of, r.lists, r.finding_keys) != (as_of, p["lists"], p["finding_keys"]):
            out.append(ChainBreak(None, r.proposal_id, r.seq, "screening register row changed"))
    for (pid, seq), _ in started.items():
        out.append(ChainBreak(None, pid, seq, "review-started event missing from the register"))
    return out


def _row_problems(row: Any, prev_hash: str | None, prev_time: Any, seq: int) -> list[str]:
    """What is wrong with one row, given the row before it and the proposal's last seq."""
    try:
        e = Event.from_row(row)
    except (ValueError, TypeError, KeyError) as exc:
        return [f"unreadable event: {exc}"]
    problems = []
    if row.hash is None:
        problems.append("no hash: written outside the store")
    elif row.hash != event_hash(e, row.prev_hash):
        problems.append("content does not match its hash: changed after it was written")
    if row.prev_hash != prev_hash:
        problems.append("does not follow the event before it: rows inserted or deleted here")
    if prev_time is not None and e.created_at < prev_time:
        problems.append(f"time {e.when()} is earlier than the event before it: backdated")
    if e.seq != seq + 1:
        problems.append(f"numbered {e.seq}, expected {seq + 1}: events missing or repeated")
    return problems


def verify(engine: Engine) -> ChainReport:
    """Walk every event in append order and report each break (read-only)."""
    breaks: list[ChainBreak] = []
    prev_hash: str | None = None
    prev_time = None
    last_seq: dict[str, int] = {}
    started: dict[tuple[str, int], Event] = {}
    n = 0
    with engine.connect() as conn:
        missing = expected_triggers(conn.dialect.name) - _triggers(conn)
        for name in sorted(missing):
            breaks.append(ChainBreak(None, "store", None, f"append-only trigger {name} is missing"))
        for row in conn.execute(select(events).order_by(events.c.id)):
            n += 1
            problems = _row_problems(row, prev_hash, prev_time, last_seq.get(row.proposal_id, 0))
            breaks += [ChainBreak(row.id, row.proposal_id, row.seq, p) for p in problems]
            last_seq[row.proposal_id] = row.seq
            if row.kind == EventKind.REVIEW_STARTED and not any(
                "unreadable" in p for p in problems
            ):
                started[(row.proposal_id, row.seq)] = Event.from_row(row)
            prev_hash, prev_time = row.hash, row.created_at
        breaks += _check_register(conn, started)
    return ChainReport(n, tuple(breaks), prev_hash)
