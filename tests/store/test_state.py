"""Folding events into a review's state, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from workbench.store import (
    AddMeasure,
    CorruptLogError,
    Event,
    EventKind,
    MeasureStatus,
    ReviewState,
    SetJudgment,
    StartReview,
    UpdateMeasure,
    fold,
)
from workbench.store.state import apply

T0 = datetime(2025, 6, 20, tzinfo=UTC)
TODAY = date(2025, 6, 20)


def _log(*commands, pid: str = "P-1") -> list[Event]:
    """Events as the store would write them, each command checked against the state so far."""
    state, out = ReviewState(pid), []
    for i, cmd in enumerate(commands, start=1):
        e = Event(
            pid, i, cmd.event_kind, cmd.payload(state, TODAY), f"r{i}", T0 + timedelta(minutes=i)
        )
        state = apply(state, e)
        out.append(e)
    return out


def test_measures_are_added_and_updated_field_by_field() -> None:
    log = _log(
        StartReview(as_of=TODAY),
        AddMeasure("awareness-raising", "Seminar", due="2025-07-01"),
        AddMeasure("access-restriction", "Locked lab", persons=["A", "B"]),
        UpdateMeasure(2, status="done"),
        UpdateMeasure(3, persons=["A"], due="2025-12-31"),
    )
    s = fold("P-1", log)
    (m2, m3) = s.measures
    assert (m2.id, m2.status, m2.due, m2.updated_by) == (
        2,
        MeasureStatus.DONE,
        date(2025, 7, 1),
        "r4",
    )
    assert (m3.id, m3.persons, m3.due, m3.text, m3.added_by) == (
        3,
        ("A",),
        date(2025, 12, 31),
        "Locked lab",
        "r3",
    )
    assert s.judgment is None and s.status == "in-progress"


def test_a_partial_fold_continued_gives_the_same_state_as_a_full_fold() -> None:
    log = _log(StartReview(), SetJudgment("no-concern"), SetJudgment("review-withheld", "Q2.2"))
    assert fold("P-1", log[1:], fold("P-1", log[:1])) == fold("P-1", log)


@pytest.mark.parametrize("broken", ["gap", "repeat", "foreign"])
def test_a_broken_log_is_detected(broken: str) -> None:
    log = _log(StartReview(), SetJudgment("no-concern"), SetJudgment("no-concern"))
    if broken == "gap":
        log = [log[0], log[2]]
    elif broken == "repeat":
        log = [log[0], log[1], log[1]]
    else:
        log = [log[0], _log(StartReview(), SetJudgment("no-concern"), pid="P-2")[1]]
    with pytest.raises(CorruptLogError):
        fold("P-1", log)


def test_events_are_immutable_values() -> None:
    e = _log(StartReview())[0]
    with pytest.raises(AttributeError):
        e.seq = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        e.payload["as_of"] = "2020-01-01"  # type: ignore[index]
    assert e.kind is EventKind.REVIEW_STARTED
