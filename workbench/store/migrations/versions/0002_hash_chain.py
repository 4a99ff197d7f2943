"""Tamper evidence: each event stores its hash and the previous event's hash.

The chain is computed for the events already stored, in the order they were
appended (row id). The append-only triggers are lifted for that one update
and put back in the same transaction.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workbench.store.chain import event_hash
from workbench.store.events import Event
from workbench.store.schema import Payload, UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: The events table as this revision leaves it (later revisions may add columns).
events = sa.table(
    "events",
    sa.column("id", sa.Integer()),
    sa.column("proposal_id", sa.String()),
    sa.column("seq", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("payload", Payload),
    sa.column("reviewer", sa.String()),
    sa.column("created_at", UTCDateTime()),
    sa.column("reason", sa.Text()),
    sa.column("prev_hash", sa.String()),
    sa.column("hash", sa.String()),
)

_NO_UPDATE_SQLITE = (
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END"
)
_NO_UPDATE_PG = (
    "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION workbench_append_only()"
)


def _lift_triggers() -> str:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_no_update")
    else:
        op.execute("DROP TRIGGER IF EXISTS events_append_only ON events")
    return dialect


def _restore_triggers(dialect: str) -> None:
    op.execute(_NO_UPDATE_SQLITE if dialect == "sqlite" else _NO_UPDATE_PG)


def upgrade() -> None:
    op.add_column("events", sa.Column("prev_hash", sa.String(64), nullable=True))
    op.add_column("events", sa.Column("hash", sa.String(64), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.select(events).order_by(events.c.id)).all()
    if not rows:
        return
    dialect = _lift_triggers()
    prev = None
    for row in rows:
        digest = event_hash(Event.from_row(row), prev)
        conn.execute(
            sa.update(events).where(events.c.id == row.id).values(prev_hash=prev, hash=digest)
        )
        prev = digest
    _restore_triggers(dialect)


def downgrade() -> None:
    op.execute("ALTER TABLE events DROP COLUMN hash")
    op.execute("ALTER TABLE events DROP COLUMN prev_hash")
