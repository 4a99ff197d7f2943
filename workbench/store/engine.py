"""Where the store lives and how to connect: SQLite by default, PostgreSQL for teams.

:func:`database_url` picks the database (``WORKBENCH_DB_URL``, else the SQLite
file ``data/workbench.db`` of the checkout); :func:`create_store_engine`
connects with the settings each backend needs (SQLite: WAL journal, foreign
keys, a busy timeout, write transactions that take the write lock up front);
:func:`migrate` brings the schema to the newest Alembic revision.

Examples
--------
>>> database_url("runs/test.db", environ={}).endswith("runs/test.db")
True
>>> database_url(None, environ={"WORKBENCH_DB_URL": "postgresql://u@db/wb"})
'postgresql+psycopg://u@db/wb'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import StaticPool

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE = ROOT / "data" / "workbench.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Execution option that marks a connection as a writer (SQLite: BEGIN IMMEDIATE).
WRITE = "workbench_write"

BUSY_TIMEOUT_MS = 30_000
#: Any number, the same for every process: serialises migrations on PostgreSQL.
_MIGRATION_LOCK = 7_245_301


def database_url(
    url: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The SQLAlchemy URL of the store.

    ``url`` may be a URL or a plain file path (a SQLite file). Without it,
    ``WORKBENCH_DB_URL`` is used, else ``data/workbench.db``. PostgreSQL URLs
    are given the psycopg 3 driver.
    """
    env = os.environ if environ is None else environ
    text = os.fspath(url) if url is not None else env.get("WORKBENCH_DB_URL", "").strip()
    if not text:
        return f"sqlite:///{DEFAULT_SQLITE}"
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    return text


def create_store_engine(url: str) -> Engine:
    """An engine for ``url`` with the store's connection settings."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    return create_engine(url, pool_pre_ping=True, json_serializer=_json_dumps)


def _json_dumps(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    database = parsed.database or ""
    memory = database in ("", ":memory:")
    kwargs: dict[str, Any] = {"json_serializer": _json_dumps}
    if memory:
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" below decide how transactions start.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = FULL")  # a recorded decision survives a power cut
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock before reading the log, so the check of
        # the expected seq and the append happen under the same lock.
        writer = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _move_schema(engine: Engine, step: Callable[[Config, str], None], revision: str) -> str | None:
    """Run alembic's ``step`` to ``revision`` in one locked transaction; the revision in force."""
    with engine.execution_options(**{WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        step(_alembic_config(conn), revision)
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> str | None:
    """Upgrade the schema to ``revision`` in one transaction; returns the revision now in force."""
    return _move_schema(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str = "base") -> str | None:
    """Downgrade the schema to ``revision`` (``"base"``: an empty database). Loses data."""
    return _move_schema(engine, command.downgrade, revision)


def check_not_newer(engine: Engine) -> None:
    """Raise :class:`FutureSchemaError` when the database is at a revision unknown here."""
    from workbench.store.problems import FutureSchemaError

    current = current_revision(engine)
    if current is None:
        return
    script = ScriptDirectory(str(MIGRATIONS))
    known = {r.revision for r in script.walk_revisions()}
    if current not in known:
        raise FutureSchemaError(
            f"schema revision {current!r} is newer than this workbench knows "
            f"(newest {head_revision()!r}): upgrade the workbench"
        )


def open_engine(url: str, *, upgrade: bool = True) -> Engine:
    """An engine for ``url``, checked (and migrated unless ``upgrade`` is false).

    Every database problem is raised as a clear
    :class:`~workbench.errors.InputError` (:mod:`workbench.store.problems`).
    """
    from workbench.store.problems import FutureSchemaError, store_error

    engine = None
    try:
        engine = create_store_engine(url)
        check_not_newer(engine)
        if upgrade:
            migrate(engine)
        return engine
    except (DBAPIError, ArgumentError, ValueError, OSError, FutureSchemaError, ImportError) as exc:
        if engine is not None:
            engine.dispose()
        raise store_error(url, exc) from None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    """The newest revision the migrations define."""
    script = ScriptDirectory(str(MIGRATIONS))
    return script.get_current_head()
