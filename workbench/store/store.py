"""The judgments store: append a reviewer's decision, read back the derived state.

Every save is one transaction: read the proposal's log (only the events not
yet seen by this process), check that it is still at ``expected_seq``, check
each command of the :class:`~workbench.store.append.Batch` against the state
the ones before it leave, append all their events (or none), stamped with the
database server's time and chained by hash. A writer that lost a race is
refused with :class:`~workbench.store.conflicts.StaleWriteError`; the unique
``(proposal_id, seq)`` key guarantees that even two writers passing the check
at once cannot both append.

Examples
--------
>>> store = open_store("sqlite://")
>>> s = store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"])
>>> s = store.set_disposition("P-1", "k1", "dismissed", "different hospital",
...                           reviewer="alice", expected_seq=s.seq)
>>> try:
...     store.set_judgment("P-1", "no-concern", reviewer="bob", expected_seq=1)
... except StaleWriteError as exc:
...     print(exc.reviewers, exc.current_seq, exc.changes[0].describe("en"))
('alice',) 2 finding k1: dismissed
>>> store.state("P-1").dispositions["k1"].rationale
'different hospital'
>>> s = store.save(Batch("P-1", [SetJudgment("mitigation-as-needed"),
...                              AddMeasure("other", "Log lab visits")],
...                      reviewer="alice", expected_seq=2))
>>> s.seq, s.measures[0].id, store.verify().ok
(4, 4, True)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, and_, select
from sqlalchemy.exc import IntegrityError

from workbench.reviewer import Reviewer
from workbench.store import export
from workbench.store.append import Batch, check_call, plan, stale
from workbench.store.chain import ChainReport, verify
from workbench.store.commands import (
    AddMeasure,
    Command,
    RememberMatch,
    RevokeMatch,
    Scope,
    SetDisposition,
    SetJudgment,
    StartReview,
    UpdateMeasure,
    today_in_japan,
)
from workbench.store.conflicts import StaleWriteError  # noqa: F401 (in the examples)
from workbench.store.engine import WRITE, database_url, open_engine
from workbench.store.events import Event
from workbench.store.log import insert_events, lock_log, server_now
from workbench.store.memory import MatchVerdicts, verdicts_from_events
from workbench.store.schema import events
from workbench.store.state import ReviewState, fold
from workbench.store.summary import ReviewSummary, review_summaries
from workbench.vocabulary import EventKind, MeasureStatus

if TYPE_CHECKING:
    from workbench.matching import MatchMemory

#: A clock for the store's timestamps; ``None``: the database server's clock.
Clock = Callable[[], datetime]


class Store:
    """Reviewer decisions for many proposals, in one SQLite file or PostgreSQL database."""

    def __init__(self, engine: Engine, *, clock: Clock | None = None) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})
        self._clock = clock
        self._cache: dict[str, ReviewState] = {}
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading -----------------------------------------------------------------

    def _load(self, conn: Connection, proposal_id: str) -> ReviewState:
        """The state from the cached one plus the events appended since (events never change)."""
        with self._lock:
            cached = self._cache.get(proposal_id) or ReviewState(proposal_id)
        rows = conn.execute(
            select(events)
            .where(and_(events.c.proposal_id == proposal_id, events.c.seq > cached.seq))
            .order_by(events.c.seq)
        )
        state = fold(proposal_id, (Event.from_row(r) for r in rows), cached)
        with self._lock:
            known = self._cache.get(proposal_id)
            if known is None or known.seq < state.seq:
                self._cache[proposal_id] = state
        return state

    def state(self, proposal_id: str) -> ReviewState:
        """The review's current state (``seq`` 0 and status not-reviewed when never started)."""
        with self.engine.connect() as conn:
            return self._load(conn, proposal_id)

    def history(self, proposal_id: str) -> tuple[Event, ...]:
        return self.state(proposal_id).history

    def reviews(self) -> dict[str, ReviewSummary]:
        """Every proposal with a started review, by id: status, outcome, last change."""
        return review_summaries(self.engine)

    def _match_events(self) -> list[Event]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(events)
                .where(events.c.kind == str(EventKind.MATCH_MEMORY))
                .order_by(events.c.created_at, events.c.id)
            )
            return [Event.from_row(r) for r in rows]

    def match_verdicts(self) -> MatchVerdicts:
        """Every remembered verdict in force, with who decided it, when, where and why."""
        return verdicts_from_events(self._match_events())

    def match_memory(self, proposal_id: str | None = None) -> MatchMemory:
        """The verdicts for the matcher screening ``proposal_id``.

        Those scoped to every proposal, plus (given ``proposal_id``) those scoped
        to it; texts compared in the matcher's comparison form.
        """
        from workbench.remembered import memory_for

        return memory_for(self.match_verdicts(), proposal_id)

    # ---- writing -----------------------------------------------------------------

    def save(self, batch: Batch) -> ReviewState:
        """Check every command of ``batch`` and append all their events, or none.

        One transaction under one check of ``batch.expected_seq``; raises
        :class:`StaleWriteError` when another writer got there first and
        :class:`~workbench.errors.InputError` naming every problem of every
        command. Returns the new state.
        """
        pid = batch.proposal_id
        check_call(pid, batch.expected_seq, batch.reason)  # before any query uses the id
        try:
            with self._writer.begin() as conn:
                lock_log(conn)
                now = self._clock() if self._clock is not None else server_now(conn)
                state = self._load(conn, pid)
                _, planned = plan(batch, state, today_in_japan(now))
                new = [replace(e, created_at=now) for e in planned]
                insert_events(conn, new)
        except IntegrityError as exc:
            # Another writer appended the same seq between our check and insert.
            fresh = self.state(pid)
            if fresh.seq > batch.expected_seq:
                raise stale(fresh, batch.expected_seq) from exc
            raise
        after = fold(pid, new, state)
        with self._lock:
            known = self._cache.get(pid)
            if known is None or known.seq < after.seq:
                self._cache[pid] = after
        return after

    def append(
        self,
        proposal_id: str,
        command: Command,
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        reason: str | None = None,
    ) -> ReviewState:
        """Save one command (:meth:`save` of a batch of one)."""
        return self.save(Batch(proposal_id, (command,), reviewer, expected_seq, reason))

    def now(self) -> datetime:
        """The store's time: the database server's clock (or the clock given)."""
        if self._clock is not None:
            return self._clock()
        with self.engine.connect() as conn:
            return server_now(conn)

    def verify(self) -> ChainReport:
        """Check the hash chain of every event; :attr:`ChainReport.ok` is False on any break."""
        return verify(self.engine)

    def start_review(
        self,
        proposal_id: str,
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        as_of: date | None = None,
        lists: Sequence[Any] = (),
        finding_keys: Iterable[str] | None = None,
        reason: str | None = None,
    ) -> ReviewState:
        """Register a screening (reference date, list versions, finding keys); may be repeated."""
        keys = None if finding_keys is None else tuple(finding_keys)
        return self.append(
            proposal_id,
            StartReview(as_of, tuple(lists), keys),
            reviewer=reviewer,
            expected_seq=expected_seq,
            reason=reason,
        )

    def set_disposition(
        self,
        proposal_id: str,
        finding_key: str,
        disposition: str,
        rationale: str = "",
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        reason: str | None = None,
    ) -> ReviewState:
        return self.append(
            proposal_id,
            SetDisposition(finding_key, disposition, rationale),
            reviewer=reviewer,
            expected_seq=expected_seq,
            reason=reason,
        )

    def set_judgment(
        self,
        proposal_id: str,
        outcome: str,
        notes: str = "",
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        reason: str | None = None,
    ) -> ReviewState:
        return self.append(
            proposal_id,
            SetJudgment(outcome, notes),
            reviewer=reviewer,
            expected_seq=expected_seq,
            reason=reason,
        )

    def add_measure(
        self,
        proposal_id: str,
        kind: str,
        text: str,
        persons: Sequence[str] = (),
        due: date | str | None = None,
        status: str = MeasureStatus.REQUESTED,
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        reason: str | None = None,
    ) -> ReviewState:
        return self.append(
            proposal_id,
            AddMeasure(kind, text, tuple(persons), due, status),
            reviewer=reviewer,
            expected_seq=expected_seq,
            reason=reason,
        )

    def update_measure(
        self,
        proposal_id: str,
        measure_id: int,
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        reason: str | None = None,
        **changes: Any,
    ) -> ReviewState:
        """Change ``text``, ``persons``, ``due`` and/or ``status`` of measure ``measure_id``."""
        unknown = set(changes) - {"text", "persons", "due", "status"}
        if unknown:
            raise TypeError(f"unknown measure fields: {', '.join(sorted(unknown))}")
        return self.append(
            proposal_id,
            UpdateMeasure(measure_id, **changes),
            reviewer=reviewer,
            expected_seq=expected_seq,
            reason=reason,
        )

    def remember_match(
        self,
        proposal_id: str,
        text: str,
        list_name: str,
        entry_id: str,
        verdict: str,
        *,
        reviewer: str | Reviewer,
        expected_seq: int,
        reason: str | None = None,
        scope: str = Scope.ALL,
        rationale: str | None = None,
    ) -> ReviewState:
        """Remember a verdict (scope ``all`` unless told; the rationale defaults to ``reason``)."""
        why = reason or "" if rationale is None else rationale
        return self.append(
            proposal_id,
            RememberMatch(text, list_name, entry_id, verdict, scope, why),
            reviewer=reviewer,
            expected_seq=expected_seq,
            reason=reason,
        )

    def revoke_match(self, memory_id: str, *, reviewer: str | Reviewer, reason: str) -> ReviewState:
        """Withdraw the remembered verdict ``memory_id`` (``proposal#seq``), as a new event."""
        found = self.match_verdicts().get(memory_id, self.url)
        command = RevokeMatch(found.text, found.list_name, found.entry_id, found.scope, reason)
        pid = found.proposal_id
        return self.append(pid, command, reviewer=reviewer, expected_seq=self.state(pid).seq)

    # ---- export ------------------------------------------------------------------

    def export_json(
        self, proposal_id: str, findings: Sequence[Mapping[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The review record as a JSON-ready dict (findings joined with their dispositions)."""
        state = export.require_started(self.state(proposal_id))
        return export.review_record(state, findings, exported_at=self.now())

    def export_xlsx(
        self,
        proposal_id: str,
        path: str | Path,
        findings: Sequence[Mapping[str, Any]] | None = None,
    ) -> Path:
        """The review record as an Excel workbook at ``path``; returns the path."""
        return export.write_xlsx(self.export_json(proposal_id, findings), Path(path))


def open_store(
    url: str | Path | None = None, *, clock: Clock | None = None, upgrade: bool = True
) -> Store:
    """Open (and by default migrate to the newest schema) the store at ``url``.

    ``url`` is a SQLAlchemy URL or a SQLite file path; without it ``WORKBENCH_DB_URL``
    is used, else ``data/workbench.db``. Timestamps come from the database
    server unless ``clock`` is given (tests).
    """
    return Store(open_engine(database_url(url), upgrade=upgrade), clock=clock)
