"""Alembic environment: runs the store's migrations on the connection it is given.

:func:`workbench.store.engine.migrate` hands Alembic an open connection in
``config.attributes["connection"]``; this file only configures the migration
context on it. Importing it outside an Alembic run (doctest collection) does
nothing.
"""

from __future__ import annotations

from alembic import context

from workbench.store.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through workbench.store.engine.migrate()")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # set only while Alembic runs this file
    run_migrations()
