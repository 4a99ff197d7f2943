"""The events table as rows: read an event back, append events, ask the server the time.

Every append happens inside a write transaction that holds the log's lock
(SQLite: the write lock ``BEGIN IMMEDIATE`` takes; PostgreSQL: a transaction
advisory lock), so appends across all proposals are serialised: the row ids
follow the order of the hash chain (:mod:`workbench.store.chain`) and the
server's timestamps never go back along it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import Connection, insert, select

from workbench.store.chain import event_hash
from workbench.store.events import Event
from workbench.store.schema import events, reviews
from workbench.vocabulary import EventKind

#: Any number, the same for every process: serialises appends on PostgreSQL.
_APPEND_LOCK = 7_245_302


def lock_log(conn: Connection) -> None:
    """Take the log's append lock for the rest of the transaction."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_APPEND_LOCK})")


def server_now(conn: Connection) -> datetime:
    """The database server's clock, in UTC (SQLite: the clock of the machine it runs on)."""
    if conn.dialect.name == "postgresql":
        value = conn.exec_driver_sql("SELECT clock_timestamp()").scalar_one()
        return value.astimezone(UTC)
    text = conn.exec_driver_sql("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')").scalar_one()
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def chain_head(conn: Connection) -> tuple[str | None, datetime | None]:
    """The hash and time of the last event appended (``None`` in an empty store)."""
    row = conn.execute(
        select(events.c.hash, events.c.created_at).order_by(events.c.id.desc()).limit(1)
    ).first()
    return (row.hash, row.created_at) if row is not None else (None, None)


def insert_events(conn: Connection, new: Sequence[Event]) -> None:
    """Append ``new`` (already checked), each chained to the one before it."""
    prev, _ = chain_head(conn)
    for e in new:
        digest = event_hash(e, prev)
        conn.execute(
            insert(events).values(
                proposal_id=e.proposal_id,
                seq=e.seq,
                kind=str(e.kind),
                payload=dict(e.payload),
                reviewer=e.reviewer,
                created_at=e.created_at,
                reason=e.reason,
                prev_hash=prev,
                hash=digest,
            )
        )
        prev = digest
        if e.kind is EventKind.REVIEW_STARTED:
            conn.execute(
                insert(reviews).values(
                    proposal_id=e.proposal_id,
                    seq=e.seq,
                    as_of=date.fromisoformat(e.payload["as_of"]) if e.payload["as_of"] else None,
                    lists=e.payload["lists"],
                    finding_keys=e.payload["finding_keys"],
                )
            )
