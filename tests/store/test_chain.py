"""Tamper evidence: the hash chain, server timestamps and ``workbench store verify``.

Each test tampers with a real database the way someone with direct access
would (a raw INSERT, DROP TRIGGER + UPDATE, DELETE) and checks that
:meth:`Store.verify` and the command line report it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, text

from workbench.cli import main
from workbench.store import Store, open_store
from workbench.store.chain import event_hash
from workbench.store.engine import create_store_engine, downgrade, migrate
from workbench.store.events import Event
from workbench.vocabulary import EventKind


def _review(store: Store) -> None:
    s = store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"])
    s = store.set_disposition("P-1", "k1", "confirmed", reviewer="alice", expected_seq=s.seq)
    s = store.set_judgment("P-1", "mitigation-as-needed", reviewer="alice", expected_seq=s.seq)
    store.start_review("P-2", reviewer="bob", expected_seq=0)


def _drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER events_no_update")
        conn.exec_driver_sql("DROP TRIGGER events_no_delete")
    else:
        conn.exec_driver_sql("DROP TRIGGER events_append_only ON events")


def _backdated_insert(conn: Connection) -> None:
    conn.execute(
        text(
            "INSERT INTO events (proposal_id, seq, kind, payload, reviewer, created_at) "
            "VALUES ('P-1', 4, 'judgment', :p, 'alice', :t)"
        ),
        {"p": '{"outcome": "no-concern", "notes": ""}', "t": datetime(2024, 1, 1)},
    )


def _backdated_insert_with_a_good_hash(conn: Connection) -> None:
    head, _at = conn.execute(text("SELECT hash, created_at FROM events ORDER BY id DESC")).first()
    e = Event(
        "P-2",
        2,
        EventKind.JUDGMENT,
        {"outcome": "no-concern", "notes": ""},
        "alice",
        datetime(2024, 1, 1, tzinfo=UTC),
    )
    conn.execute(
        text(
            "INSERT INTO events (proposal_id, seq, kind, payload, reviewer, created_at, "
            "prev_hash, hash) VALUES ('P-2', 2, 'judgment', :p, 'alice', :t, :prev, :h)"
        ),
        {
            "p": '{"outcome": "no-concern", "notes": ""}',
            "t": datetime(2024, 1, 1),
            "prev": head,
            "h": event_hash(e, head),
        },
    )


def _update_after_drop_trigger(conn: Connection) -> None:
    _drop_triggers(conn)
    conn.exec_driver_sql("UPDATE events SET reviewer = 'mallory' WHERE seq = 3")


def _delete_after_drop_trigger(conn: Connection) -> None:
    _drop_triggers(conn)
    conn.exec_driver_sql("DELETE FROM events WHERE proposal_id = 'P-1' AND seq = 2")


TAMPERING: dict[str, tuple[Callable[[Connection], None], str]] = {
    "raw backdated insert": (_backdated_insert, "no hash"),
    "backdated insert, hash recomputed": (_backdated_insert_with_a_good_hash, "backdated"),
    "drop trigger and update": (_update_after_drop_trigger, "does not match its hash"),
    "drop trigger and delete": (_delete_after_drop_trigger, "rows inserted or deleted"),
}


def test_an_untouched_store_verifies(store: Store, capsys, db_url: str) -> None:
    _review(store)
    report = store.verify()
    assert report.ok and report.events == 4 and report.head is not None
    assert main(["store", "--db", db_url, "verify"]) == 0
    assert "4 events verified" in capsys.readouterr().out


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_tampering_is_reported_and_verify_exits_non_zero(
    store: Store, db_url: str, capsys, how: str
) -> None:
    _review(store)
    tamper, expected = TAMPERING[how]
    with store.engine.begin() as conn:
        tamper(conn)
    report = store.verify()
    assert not report.ok
    assert any(expected in b.problem for b in report.breaks), report.breaks
    assert "改ざん" in report.message("ja")
    assert main(["store", "--db", db_url, "verify"]) == 1
    out = capsys.readouterr().out
    assert expected in out and "Traceback" not in out


def test_a_changed_screening_register_row_is_reported(store: Store) -> None:
    _review(store)
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER reviews_no_update")
        else:
            conn.exec_driver_sql("DROP TRIGGER reviews_append_only ON reviews")
        conn.exec_driver_sql("UPDATE reviews SET as_of = '2020-01-01'")
    problems = [b.problem for b in store.verify().breaks]
    assert "screening register row changed" in problems
    assert any("trigger reviews_" in p for p in problems)


def test_timestamps_come_from_the_database_server(db_url: str) -> None:
    store = open_store(db_url)  # no clock given: the server's
    try:
        with store.engine.connect() as conn:
            before = conn.exec_driver_sql("SELECT CURRENT_TIMESTAMP").scalar_one()
        s = store.start_review("P-1", reviewer="alice", expected_seq=0)
        with store.engine.connect() as conn:
            after = conn.exec_driver_sql("SELECT CURRENT_TIMESTAMP").scalar_one()

        def utc(v: object) -> datetime:
            if isinstance(v, str):
                return datetime.fromisoformat(v).replace(tzinfo=UTC)
            assert isinstance(v, datetime)
            return v.astimezone(UTC)

        at = s.history[0].created_at
        assert utc(before).replace(microsecond=0) <= at
        assert at.replace(microsecond=0) <= utc(after)
    finally:
        store.close()


def test_the_migration_chains_the_events_already_stored(db_url: str) -> None:
    engine = create_store_engine(db_url)
    try:
        migrate(engine, "0001")
        with engine.begin() as conn:
            for seq, t in ((1, "2025-06-01 10:00:00"), (2, "2025-06-02 10:00:00")):
                conn.execute(
                    text(
                        "INSERT INTO events (proposal_id, seq, kind, payload, reviewer, "
                        "created_at) VALUES ('OLD', :s, 'judgment', :p, 'carol', :t)"
                    ),
                    {"s": seq, "p": '{"outcome": "no-concern", "notes": ""}', "t": t},
                )
        assert migrate(engine) == "0002"
    finally:
        engine.dispose()
    store = open_store(db_url)
    try:
        report = store.verify()
        assert report.ok and report.events == 2, report.breaks
        s = store.set_judgment("OLD", "review-withheld", reviewer="carol", expected_seq=2)
        assert s.seq == 3 and store.verify().ok
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE events SET reviewer = 'x'")
    finally:
        store.close()
    engine = create_store_engine(db_url)
    try:
        assert downgrade(engine, "0001") == "0001"
        assert migrate(engine) == "0002"
    finally:
        engine.dispose()
