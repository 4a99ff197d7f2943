"""One action, one transaction: a batch of events is written whole or not at all.

A second reviewer's session (its own engine and connections, as another
kernel would have) tries to write *between* the events of one save; on a real
SQLite file and on PostgreSQL the save still lands whole and the other write
is refused, or the other write lands first and the save writes nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

import pytest
from sqlalchemy import func, select

from workbench.errors import InputError
from workbench.store import (
    AddMeasure,
    Batch,
    EventKind,
    SetDisposition,
    SetJudgment,
    StaleWriteError,
    StartReview,
    Store,
    open_store,
)
from workbench.store.schema import events
from workbench.store.state import ReviewState


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


@dataclass(frozen=True)
class Interleaved:
    """A command that lets another writer try its write while the save is under way."""

    inner: Any
    other: Any  # called once, between this command's check and the next command
    event_kind: ClassVar[EventKind] = EventKind.JUDGMENT
    calls: list[int] = field(default_factory=list)

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        out: dict[str, Any] = self.inner.payload(state, today)
        if not self.calls:
            self.calls.append(state.seq)
            self.other()
        return out


def _bob_in_a_thread(db_url: str, expected_seq: int, outcome: list[object]) -> Any:
    """Start bob's write in a thread once called; return the thread via the list."""

    def write() -> None:
        bob = open_store(db_url)
        try:
            outcome.append(
                bob.set_judgment(
                    "P-1", "review-withheld", reviewer="bob", expected_seq=expected_seq
                )
            )
        except StaleWriteError as exc:
            outcome.append(exc)
        finally:
            bob.close()

    started = threading.Event()

    def start() -> None:
        t = threading.Thread(target=lambda: (started.set(), write()))
        outcome.append(t)
        t.start()
        started.wait()

    return start


def test_a_second_writer_between_the_events_of_a_save_cannot_split_it(
    store: Store, db_url: str
) -> None:
    seq = store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"]).seq
    outcome: list[object] = []
    batch = Batch(
        "P-1",
        [
            Interleaved(
                SetJudgment("mitigation-before-start", "see measures"),
                _bob_in_a_thread(db_url, seq, outcome),
            ),
            AddMeasure("other", "Keep a visitors' log", due="2099-01-31"),
            AddMeasure("awareness-raising", "Briefing for the team"),
        ],
        reviewer="alice",
        expected_seq=seq,
    )
    after = store.save(batch)
    thread, result = outcome[0], None
    assert isinstance(thread, threading.Thread)
    thread.join(timeout=120)
    result = outcome[1]

    assert after.seq == seq + 3
    # bob's write, started between alice's events, waited for her whole save and was refused.
    assert isinstance(result, StaleWriteError)
    assert [e.seq for e in result.changes] == [2, 3, 4]
    fresh = open_store(db_url)
    try:
        state = fresh.state("P-1")
        assert [(e.seq, e.kind, e.reviewer) for e in state.history] == [
            (1, EventKind.REVIEW_STARTED, "alice"),
            (2, EventKind.JUDGMENT, "alice"),
            (3, EventKind.MEASURE_ADDED, "alice"),
            (4, EventKind.MEASURE_ADDED, "alice"),
        ]
        assert len({e.created_at for e in state.history[1:]}) == 1  # one save, one time
        assert fresh.verify().ok
    finally:
        fresh.close()


def test_a_second_writer_that_lands_first_makes_the_whole_save_refused(
    store: Store, db_url: str
) -> None:
    seq = store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"]).seq
    bob = open_store(db_url)
    try:
        bob.set_disposition("P-1", "k1", "confirmed", reviewer="bob", expected_seq=seq)
    finally:
        bob.close()
    batch = Batch(
        "P-1",
        [SetJudgment("no-concern"), AddMeasure("other", "A measure")],
        reviewer="alice",
        expected_seq=seq,
    )
    with pytest.raises(StaleWriteError) as info:
        store.save(batch)
    assert info.value.reviewers == ("bob",)
    assert _count(store) == 2  # bob's event only: nothing of alice's save
    assert store.state("P-1").judgment is None


def test_a_bad_command_anywhere_in_the_batch_writes_nothing_and_names_every_problem(
    store: Store,
) -> None:
    seq = store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"]).seq
    batch = Batch(
        "P-1",
        [
            SetJudgment("no-concern"),
            AddMeasure("other", "fine"),
            AddMeasure("other", "", due="2001-01-01"),
            SetDisposition("k9", "dismissed", "no rationale needed?"),
        ],
        reviewer="alice",
        expected_seq=seq,
    )
    with pytest.raises(InputError) as info:
        store.save(batch)
    fields = sorted(p.field for p in info.value.problems)
    assert fields == ["due", "finding_key", "text"]
    assert _count(store) == 1
    assert store.state("P-1").seq == 1


def test_a_batch_can_start_the_review_it_decides(store: Store) -> None:
    s = store.save(
        Batch(
            "P-2",
            [StartReview(finding_keys=("k1",)), SetDisposition("k1", "confirmed")],
            reviewer="alice",
            expected_seq=0,
        )
    )
    assert s.seq == 2 and s.dispositions["k1"].reviewer == "alice"
    assert _count(store) == 2
