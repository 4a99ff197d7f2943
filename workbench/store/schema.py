"""The store's tables (SQLAlchemy Core). Alembic migrations create exactly these.

``events`` is the append-only log: one row per decision, numbered ``seq``
1, 2, 3 … per proposal; the unique ``(proposal_id, seq)`` key is what makes
two concurrent writers unable to both append "the next" event. ``reviews``
registers each screening a review was started from (reference date, list
versions and content hashes, finding keys) for queries across proposals.
Neither table is ever updated or deleted from: database triggers refuse it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

from workbench.vocabulary import EventKind

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite keeps none)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Payload = JSON().with_variant(JSONB(), "postgresql")

KINDS_SQL = ", ".join(f"'{k}'" for k in EventKind)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("proposal_id", String(200), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("payload", Payload, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("reason", Text, nullable=True),
    Column("prev_hash", String(64), nullable=True),  # the hash of the event appended before
    Column("hash", String(64), nullable=True),  # workbench.store.chain.event_hash
    UniqueConstraint("proposal_id", "seq"),
    CheckConstraint("seq >= 1", name="seq_positive"),
    CheckConstraint(f"kind IN ({KINDS_SQL})", name="kind_known"),
    CheckConstraint("length(reviewer) > 0", name="reviewer_given"),
    CheckConstraint("length(proposal_id) > 0", name="proposal_given"),
)
Index("ix_events_kind", events.c.kind)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("proposal_id", String(200), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("as_of", Date, nullable=True),
    Column("lists", Payload, nullable=False),
    Column("finding_keys", Payload, nullable=True),
    UniqueConstraint("proposal_id", "seq"),
    ForeignKeyConstraint(["proposal_id", "seq"], ["events.proposal_id", "events.seq"]),
)

#: Tables the database itself keeps append-only (triggers made by the migrations).
APPEND_ONLY: tuple[str, ...] = ("events", "reviews")
