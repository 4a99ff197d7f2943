"""A new kind of event: the reviewer's choice of the OpenAlex author a person is.

Only the check of the events' kinds changes. SQLite cannot change a check in
place, so the table is copied under the new check, with its rows, index and
append-only triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BEFORE = (
    "review-started",
    "finding-disposition",
    "judgment",
    "measure-added",
    "measure-updated",
    "match-memory",
)
AFTER = (*BEFORE, "author-choice")
#: the check's name as the schema's naming convention made it
NAME = "ck_events_ck_events_kind_known"


def _check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _change(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        op.execute(f"ALTER TABLE events DROP CONSTRAINT {NAME}")
        op.execute(f"ALTER TABLE events ADD CONSTRAINT {NAME} CHECK ({_check(new)})")
        return
    where = "FROM sqlite_master WHERE tbl_name = 'events'"
    table = conn.execute(sa.text(f"SELECT sql {where} AND type = 'table'")).scalar_one()
    others = list(
        conn.execute(
            sa.text(f"SELECT sql {where} AND type IN ('index', 'trigger') AND sql IS NOT NULL")
        ).scalars()
    )
    if _check(old) not in table:
        raise RuntimeError(f"the events table does not check {_check(old)}: {table}")
    copy = table.replace(_check(old), _check(new)).replace("events", "events_new", 1)
    op.execute(copy)
    op.execute("INSERT INTO events_new SELECT * FROM events")
    op.execute("DROP TABLE events")
    op.execute("ALTER TABLE events_new RENAME TO events")
    for sql in others:
        op.execute(sql)


def upgrade() -> None:
    _change(BEFORE, AFTER)


def downgrade() -> None:
    _change(AFTER, BEFORE)  # refused by the check while author choices are stored
