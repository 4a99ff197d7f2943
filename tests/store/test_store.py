"""Round trips through a real store (SQLite file and PostgreSQL): decisions, history, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from workbench.errors import InputError
from workbench.matching import MatchMemory
from workbench.model import ScreeningList
from workbench.reviewer import IdentitySource, Reviewer
from workbench.store import (
    Disposition,
    EventKind,
    MeasureKind,
    MeasureStatus,
    Outcome,
    ReviewStatus,
    StaleWriteError,
    Store,
    Verdict,
    fold,
    open_store,
)
from workbench.store.schema import events, reviews

KEYS = (
    "listed-affiliation:p2:METI End User List:jp-eul-101",
    "recent-coauthorship:p1:US Consolidated Screening List:abc123",
)
METI = ScreeningList(
    "METI End User List", "METI", date(2025, 1, 31), "meti.json", content_hash="sha256:aa"
)


def _started(store: Store, pid: str = "P-1") -> int:
    s = store.start_review(
        pid,
        reviewer="alice",
        expected_seq=0,
        as_of=date(2025, 6, 1),
        lists=[METI],
        finding_keys=KEYS,
    )
    return s.seq


def _count(store: Store, table=events) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_a_full_review_round_trips_through_a_new_store(store: Store, db_url: str, clock) -> None:
    seq = _started(store)
    s = store.set_disposition("P-1", KEYS[0], "confirmed", reviewer="alice", expected_seq=seq)
    s = store.set_disposition(
        "P-1",
        KEYS[1],
        "dismissed",
        "same name, different university",
        reviewer="alice",
        expected_seq=s.seq,
    )
    s = store.add_measure(
        "P-1",
        "specified-research-information",
        "Sensor firmware designs",
        persons=["Tanaka Aiko", "Sato Ken"],
        due="2025-09-30",
        reviewer="alice",
        expected_seq=s.seq,
        reason="Q3.10 advice",
    )
    mid = s.measures[0].id
    s = store.update_measure("P-1", mid, status="in-progress", reviewer="bob", expected_seq=s.seq)
    s = store.set_judgment(
        "P-1",
        "mitigation-before-start",
        "Measures before start (Q6.1).",
        reviewer=Reviewer("bob", IdentitySource.JUPYTERHUB),
        expected_seq=s.seq,
    )
    assert s.seq == 6

    # A second process (a new store object) reads the same state back from the database.
    other = open_store(db_url)
    try:
        back = other.state("P-1")
    finally:
        other.close()
    assert back == s
    assert back.status is ReviewStatus.JUDGED
    assert back.as_of == date(2025, 6, 1)
    assert [(lv.name, lv.version, lv.content_hash) for lv in back.lists] == [
        ("METI End User List", "2025-01-31", "sha256:aa")
    ]
    assert back.dispositions[KEYS[1]].disposition is Disposition.DISMISSED
    assert back.dispositions[KEYS[1]].rationale == "same name, different university"
    assert back.judgment is not None and back.judgment.outcome is Outcome.MITIGATION_BEFORE_START
    m = back.measures[0]
    assert (m.kind, m.persons, m.due, m.status) == (
        MeasureKind.SPECIFIED_RESEARCH_INFORMATION,
        ("Tanaka Aiko", "Sato Ken"),
        date(2025, 9, 30),
        MeasureStatus.IN_PROGRESS,
    )
    assert (m.added_by, m.updated_by) == ("alice", "bob")
    assert [e.kind for e in back.history] == [
        EventKind.REVIEW_STARTED,
        EventKind.FINDING_DISPOSITION,
        EventKind.FINDING_DISPOSITION,
        EventKind.MEASURE_ADDED,
        EventKind.MEASURE_UPDATED,
        EventKind.JUDGMENT,
    ]
    assert [e.reviewer for e in back.history] == ["alice"] * 4 + ["bob"] * 2
    assert back.history[3].reason == "Q3.10 advice"
    times = [e.created_at for e in back.history]
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)
    assert times[0] == clock.now.replace(second=1)  # the store's clock, in UTC
    # The register of screenings holds the reference date and list versions.
    with store.engine.connect() as conn:
        row = conn.execute(select(reviews)).one()
    assert (row.proposal_id, row.seq, row.as_of) == ("P-1", 1, date(2025, 6, 1))
    assert row.lists[0]["content_hash"] == "sha256:aa" and row.finding_keys == list(KEYS)


def test_history_keeps_every_change_and_the_state_shows_the_latest(store: Store) -> None:
    seq = _started(store)
    for outcome in ("no-concern", "mitigation-as-needed", "review-withheld"):
        seq = store.set_judgment("P-1", outcome, reviewer="alice", expected_seq=seq).seq
    s = store.state("P-1")
    assert s.judgment is not None and s.judgment.outcome is Outcome.REVIEW_WITHHELD
    assert [e.payload["outcome"] for e in s.history if e.kind is EventKind.JUDGMENT] == [
        "no-concern",
        "mitigation-as-needed",
        "review-withheld",
    ]
    assert store.history("P-1") == s.history
    assert fold("P-1", s.history) == s  # the state is nothing but the fold of the log
    assert _count(store) == 4


def test_a_stale_write_is_refused_and_says_who_changed_what(store: Store, db_url: str) -> None:
    seq = _started(store)
    bob = open_store(db_url)  # another reviewer's session, with its own cache
    try:
        seen_by_bob = bob.state("P-1").seq
        store.set_judgment("P-1", "no-concern", reviewer="alice", expected_seq=seq)
        store.add_measure(
            "P-1", "awareness-raising", "Seminar", reviewer="carol", expected_seq=seq + 1
        )
        with pytest.raises(StaleWriteError) as info:
            bob.set_judgment("P-1", "review-withheld", reviewer="bob", expected_seq=seen_by_bob)
    finally:
        bob.close()
    err = info.value
    assert (err.expected_seq, err.current_seq, err.reviewers) == (1, 3, ("alice", "carol"))
    en, ja = err.message("en"), err.message("ja")
    assert "changed by alice, carol" in en and "judgment: no concern" in en
    assert "measure #3 added: awareness raising" in en
    assert "判定: 懸念なし" in ja and "措置 #3 を追加" in ja and "保存されていません" in ja
    assert err.to_json()["changes"][1]["reviewer"] == "carol"
    state = store.state("P-1")
    assert state.judgment is not None and state.judgment.outcome is Outcome.NO_CONCERN
    assert _count(store) == 3  # nothing of bob's was written
    with pytest.raises(StaleWriteError, match="has only 3 events, not 7"):
        store.set_judgment("P-1", "no-concern", reviewer="alice", expected_seq=7)


def test_the_database_refuses_a_second_event_with_the_same_seq(store: Store) -> None:
    _started(store)
    row = {
        "proposal_id": "P-1",
        "seq": 1,
        "kind": "judgment",
        "reviewer": "x",
        "payload": {"outcome": "no-concern", "notes": ""},
        "created_at": store.now(),
    }
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(events.insert().values(**row))
    assert _count(store) == 1


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET reviewer = 'mallory'",
        "DELETE FROM events",
        "UPDATE reviews SET as_of = NULL",
        "DELETE FROM reviews",
    ],
)
def test_the_database_refuses_to_change_or_delete_events(store: Store, statement: str) -> None:
    _started(store)
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text(statement))
    assert store.history("P-1")[0].reviewer == "alice" and _count(store) == 1


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_postgres_refuses_truncate(pg_url: str) -> None:
    s = open_store(pg_url)
    try:
        _started(s)
        with pytest.raises(DBAPIError, match="append-only"), s.engine.begin() as conn:
            conn.execute(text("TRUNCATE events CASCADE"))
        assert _count(s) == 1
    finally:
        s.close()


def test_writes_to_an_unknown_proposal_are_refused(store: Store) -> None:
    with pytest.raises(InputError, match="no review has been started"):
        store.set_judgment("P-404", "no-concern", reviewer="alice", expected_seq=0)
    with pytest.raises(InputError, match="no review has been started"):
        store.add_measure("P-404", "other", "x", reviewer="alice", expected_seq=0)
    assert store.state("P-404").status is ReviewStatus.NOT_REVIEWED
    assert _count(store) == 0


def test_bad_input_is_refused_with_every_problem_and_nothing_is_written(store: Store) -> None:
    seq = _started(store)
    with pytest.raises(InputError) as info:
        store.set_disposition(
            "P-1", "made-up:key", "dismissed", "   ", reviewer="alice", expected_seq=seq
        )
    fields = [p.field for p in info.value.problems]
    assert fields == ["finding_key", "rationale"]
    assert "unknown finding" in str(info.value) and "dismissal needs a rationale" in str(info.value)

    with pytest.raises(InputError) as info:
        store.add_measure(
            "P-1",
            "magic",
            "",
            persons=["ok", " "],
            due="2025-06-19",
            reviewer="alice",
            expected_seq=seq,
        )
    text_ = str(info.value)
    assert "unknown value 'magic'" in text_ and "field 'text': empty" in text_
    assert "persons[1]" in text_ and "2025-06-19 is in the past (today is 2025-06-20)" in text_

    with pytest.raises(InputError, match="not a date"):
        store.add_measure("P-1", "other", "x", due="next week", reviewer="alice", expected_seq=seq)
    with pytest.raises(InputError, match="unknown measure"):
        store.update_measure("P-1", 99, status="done", reviewer="alice", expected_seq=seq)
    with pytest.raises(InputError, match="unknown value 'maybe'"):
        store.set_judgment("P-1", "maybe", reviewer="alice", expected_seq=seq)
    with pytest.raises(InputError, match="control characters"):
        store.set_judgment("P-1", "no-concern", "nul\x00byte", reviewer="alice", expected_seq=seq)
    with pytest.raises(InputError, match="empty name"):
        store.set_judgment("P-1", "no-concern", reviewer="  ", expected_seq=seq)
    with pytest.raises(InputError, match="not a version"):
        store.set_judgment("P-1", "no-concern", reviewer="alice", expected_seq=-1)
    assert _count(store) == 1 and store.state("P-1").seq == 1


def test_due_dates_today_are_accepted_and_past_dates_only_when_unchanged(
    store: Store, clock
) -> None:
    seq = _started(store)
    s = store.add_measure(
        "P-1",
        "export-control-consultation",
        "Consult the office",
        due=date(2025, 6, 20),
        reviewer="alice",
        expected_seq=seq,
    )
    mid = s.measures[0].id
    clock.now = clock.now.replace(month=8)  # time passes: the due date is now past
    s = store.update_measure(
        "P-1", mid, due="2025-06-20", status="done", reviewer="alice", expected_seq=s.seq
    )
    assert s.history[-1].payload["changes"] == {"status": "done"}
    with pytest.raises(InputError, match="in the past"):
        store.update_measure("P-1", mid, due="2025-07-01", reviewer="alice", expected_seq=s.seq)
    with pytest.raises(InputError, match="nothing would change"):
        store.update_measure("P-1", mid, status="done", reviewer="alice", expected_seq=s.seq)
    assert store.state("P-1").measures[0].status is MeasureStatus.DONE


def test_without_registered_findings_any_finding_key_is_accepted(store: Store) -> None:
    s = store.start_review("P-2", reviewer="alice", expected_seq=0)
    assert s.finding_keys is None
    s = store.set_disposition(
        "P-2", "anything:goes::", "needs-information", reviewer="alice", expected_seq=s.seq
    )
    assert s.dispositions["anything:goes::"].disposition is Disposition.NEEDS_INFORMATION


HOSTILE = (
    "<script>alert('x')</script><img src=x onerror=alert(1)> "
    "'; DROP TABLE events; -- \" OR 1=1 -- ＼ 特定研究情報 🧪 \\ %s :name ?"
)


def test_html_and_sql_characters_are_stored_verbatim(store: Store, db_url: str) -> None:
    pid = "P-'; DROP TABLE events;--"
    s = store.start_review(pid, reviewer=HOSTILE[:150], expected_seq=0, finding_keys=[HOSTILE])
    s = store.set_disposition(
        pid, HOSTILE, "dismissed", HOSTILE, reviewer="alice", expected_seq=s.seq, reason=HOSTILE
    )
    s = store.add_measure(
        pid, "other", HOSTILE, persons=[HOSTILE], reviewer="alice", expected_seq=s.seq
    )
    other = open_store(db_url)
    try:
        back = other.state(pid)
    finally:
        other.close()
    assert back.dispositions[HOSTILE].rationale == HOSTILE
    assert back.measures[0].text == HOSTILE and back.measures[0].persons == (HOSTILE,)
    assert back.history[0].reviewer == " ".join(HOSTILE[:150].split())
    assert back.history[1].reason == HOSTILE
    assert _count(store) == 3  # the events table is still there


def test_review_summaries_give_status_outcome_and_last_change(store: Store) -> None:
    a = _started(store, "P-A")
    _started(store, "P-B")
    store.set_judgment("P-A", "resubmission-requested", reviewer="bob", expected_seq=a)
    summaries = store.reviews()
    assert list(summaries) == ["P-A", "P-B"]
    assert (summaries["P-A"].status, summaries["P-A"].outcome) == (
        ReviewStatus.JUDGED,
        Outcome.RESUBMISSION_REQUESTED,
    )
    assert summaries["P-A"].last_reviewer == "bob" and summaries["P-A"].seq == 2
    assert (summaries["P-B"].status, summaries["P-B"].outcome) == (ReviewStatus.IN_PROGRESS, None)


def test_match_memory_gathers_the_latest_verdicts_across_proposals(store: Store) -> None:
    a, b = _started(store, "P-A"), _started(store, "P-B")
    text_ = "Harbin Inst. of Technology, Shenzhen"
    a = store.remember_match(
        "P-A",
        text_,
        "METI End User List",
        "jp-eul-101",
        "confirmed",
        reviewer="alice",
        expected_seq=a,
        reason="the university itself",
    ).seq
    store.remember_match(
        "P-B",
        text_,
        "METI End User List",
        "jp-eul-101",
        "dismissed",
        reviewer="bob",
        expected_seq=b,
        reason="its hospital, a separate entity",
    )
    store.remember_match(
        "P-A",
        "Beihang",
        "METI End User List",
        "jp-eul-7",
        "confirmed",
        reviewer="alice",
        expected_seq=a,
        reason="listed by name",
    )
    verdicts = store.match_verdicts()
    assert len(verdicts) == 2
    assert verdicts.verdict(text_, "METI End User List", "jp-eul-101") is Verdict.DISMISSED
    assert verdicts.confirmed() == {("Beihang", "METI End User List", "jp-eul-7")}
    assert [v.reviewer for v in verdicts] == ["bob", "alice"]
    memory = store.match_memory()  # what the matcher reads
    assert isinstance(memory, MatchMemory)
    # The matcher compares texts in comparison form: case and spacing do not matter.
    assert memory.verdict(text_.upper(), "METI End User List", "jp-eul-101") == "dismissed"
    assert memory.verdict("beihang", "METI End User List", "jp-eul-7") == "confirmed"
    assert memory.verdict("Beihang", "US Consolidated Screening List", "jp-eul-7") is None
    assert store.state("P-B").seq == 2  # recorded in the log of the review it came from
