"""Alembic migrations: from an empty database to head, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from workbench.store import head_revision, migrate, open_store
from workbench.store.engine import create_store_engine, current_revision, database_url, downgrade
from workbench.store.schema import metadata


def test_an_empty_database_is_migrated_to_head_with_the_declared_schema(db_url: str) -> None:
    engine = create_store_engine(db_url)
    try:
        assert current_revision(engine) is None
        assert inspect(engine).get_table_names() == []
        assert migrate(engine) == head_revision() == "0003"
        assert set(inspect(engine).get_table_names()) == {"alembic_version", "events", "reviews"}
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []  # the migrations build exactly what schema.py declares
        assert migrate(engine) == "0003"  # a second run changes nothing
    finally:
        engine.dispose()


def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(db_url: str) -> None:
    engine = create_store_engine(db_url)
    try:
        migrate(engine)
        assert downgrade(engine) is None
        assert inspect(engine).get_table_names() == ["alembic_version"]
        migrate(engine)
        with engine.begin() as conn:  # the append-only triggers are back
            conn.execute(
                text(
                    "INSERT INTO events (proposal_id, seq, kind, payload, reviewer, created_at) "
                    "VALUES ('P', 1, 'judgment', '{}', 'r', CURRENT_TIMESTAMP)"
                )
            )
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM events"))
    finally:
        engine.dispose()


def test_open_store_migrates_a_new_sqlite_file_in_wal_mode(tmp_path) -> None:
    path = tmp_path / "new" / "folder" / "workbench.db"
    store = open_store(path)
    try:
        assert path.exists()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
        assert current_revision(store.engine) == head_revision()
    finally:
        store.close()


def test_the_database_url_comes_from_the_environment_or_the_default() -> None:
    assert database_url(None, {}).endswith("/data/workbench.db")
    assert database_url(None, {"WORKBENCH_DB_URL": "postgres://u@h/db"}) == (
        "postgresql+psycopg://u@h/db"
    )
    assert database_url("sqlite:////tmp/x.db", {"WORKBENCH_DB_URL": "postgres://u@h/db"}) == (
        "sqlite:////tmp/x.db"
    )
