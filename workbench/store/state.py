"""The current state of a review, derived by folding its events in order.

Nothing here touches a database: :func:`fold` is a pure function of the
events, so the same log always gives the same state, and a state can be
brought up to date by applying only the events after it (:func:`apply`).

Examples
--------
>>> from datetime import datetime, UTC
>>> t = datetime(2025, 6, 20, tzinfo=UTC)
>>> log = [
...     Event("P-1", 1, EventKind.REVIEW_STARTED,
...           {"as_of": "2025-06-20", "lists": [], "finding_keys": ["k1"]}, "alice", t),
...     Event("P-1", 2, EventKind.FINDING_DISPOSITION,
...           {"finding_key": "k1", "disposition": "dismissed", "rationale": "other org"},
...           "alice", t),
...     Event("P-1", 3, EventKind.JUDGMENT, {"outcome": "no-concern", "notes": ""}, "bob", t),
... ]
>>> s = fold("P-1", log)
>>> s.seq, s.status, s.dispositions["k1"].disposition, s.judgment.reviewer
(3, <ReviewStatus.JUDGED: 'judged'>, <Disposition.DISMISSED: 'dismissed'>, 'bob')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from workbench.store.events import Event
from workbench.vocabulary import (
    Disposition,
    EventKind,
    MeasureKind,
    MeasureStatus,
    Outcome,
    ReviewStatus,
)


class CorruptLogError(RuntimeError):
    """The events of a proposal do not form a log (gap, repeat or foreign event)."""


@dataclass(frozen=True, slots=True)
class ListVersion:
    """A screening list as a review was run against it."""

    name: str
    version: str | None  # the list's date, ISO format
    content_hash: str = ""

    @classmethod
    def of(cls, screening_list: Any) -> ListVersion:
        """From a :class:`~workbench.model.ScreeningList` (or anything with the same fields)."""
        if isinstance(screening_list, ListVersion):
            return screening_list
        version = getattr(screening_list, "version", None)
        if isinstance(version, date):
            version = version.isoformat()
        return cls(
            str(screening_list.name),
            None if version is None else str(version),
            str(getattr(screening_list, "content_hash", "") or ""),
        )

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "content_hash": self.content_hash}


@dataclass(frozen=True, slots=True)
class FindingDecision:
    """The latest disposition of one finding."""

    finding_key: str
    disposition: Disposition
    rationale: str
    reviewer: str
    decided_at: datetime
    seq: int


@dataclass(frozen=True, slots=True)
class Judgment:
    """The latest proposal-level judgment."""

    outcome: Outcome
    notes: str
    reviewer: str
    decided_at: datetime
    seq: int


@dataclass(frozen=True, slots=True)
class Measure:
    """A mitigation measure; its id is the seq of the event that added it."""

    id: int
    kind: MeasureKind
    text: str
    persons: tuple[str, ...]
    due: date | None
    status: MeasureStatus
    added_by: str
    added_at: datetime
    updated_by: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Everything decided about one proposal so far, as of event ``seq``."""

    proposal_id: str
    seq: int = 0
    as_of: date | None = None
    lists: tuple[ListVersion, ...] = ()
    finding_keys: tuple[str, ...] | None = None  # None: the screening registered none
    #: the questionnaire version the latest screening registered (None: never revised)
    questionnaire_version: int | None = None
    dispositions: Mapping[str, FindingDecision] = field(
        default_factory=lambda: MappingProxyType({})
    )
    judgment: Judgment | None = None
    measures: tuple[Measure, ...] = ()
    history: tuple[Event, ...] = ()

    @property
    def started(self) -> bool:
        return self.seq > 0

    @property
    def status(self) -> ReviewStatus:
        if not self.started:
            return ReviewStatus.NOT_REVIEWED
        return ReviewStatus.IN_PROGRESS if self.judgment is None else ReviewStatus.JUDGED

    @property
    def last_event(self) -> Event | None:
        return self.history[-1] if self.history else None

    def measure(self, measure_id: int) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)


def _started(s: ReviewState, e: Event) -> ReviewState:
    p = e.payload
    keys = p.get("finding_keys")
    return replace(
        s,
        as_of=date.fromisoformat(p["as_of"]) if p.get("as_of") else None,
        lists=tuple(
            ListVersion(d["name"], d.get("version"), d.get("content_hash", ""))
            for d in p.get("lists") or ()
        ),
        finding_keys=None if keys is None else tuple(keys),
        questionnaire_version=p.get("questionnaire_version"),
    )


def _disposition(s: ReviewState, e: Event) -> ReviewState:
    p = e.payload
    decision = FindingDecision(
        p["finding_key"],
        Disposition(p["disposition"]),
        p.get("rationale", ""),
        e.reviewer,
        e.created_at,
        e.seq,
    )
    return replace(
        s, dispositions=MappingProxyType({**s.dispositions, decision.finding_key: decision})
    )


def _judgment(s: ReviewState, e: Event) -> ReviewState:
    p = e.payload
    return replace(
        s,
        judgment=Judgment(
            Outcome(p["outcome"]), p.get("notes", ""), e.reviewer, e.created_at, e.seq
        ),
    )


def _due(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _measure_added(s: ReviewState, e: Event) -> ReviewState:
    p = e.payload
    m = Measure(
        e.seq,
        MeasureKind(p["kind"]),
        p["text"],
        tuple(p.get("persons") or ()),
        _due(p.get("due")),
        MeasureStatus(p.get("status", MeasureStatus.REQUESTED)),
        e.reviewer,
        e.created_at,
        e.reviewer,
        e.created_at,
    )
    return replace(s, measures=(*s.measures, m))


def _measure_updated(s: ReviewState, e: Event) -> ReviewState:
    p, changes = e.payload, dict(e.payload["changes"])
    updates: dict[str, Any] = {"updated_by": e.reviewer, "updated_at": e.created_at}
    if "text" in changes:
        updates["text"] = changes["text"]
    if "persons" in changes:
        updates["persons"] = tuple(changes["persons"])
    if "due" in changes:
        updates["due"] = _due(changes["due"])
    if "status" in changes:
        updates["status"] = MeasureStatus(changes["status"])
    measures = tuple(replace(m, **updates) if m.id == p["measure_id"] else m for m in s.measures)
    return replace(s, measures=measures)


def _nothing(s: ReviewState, e: Event) -> ReviewState:
    return s  # match memory is read across proposals (workbench.store.memory)


_APPLY = {
    EventKind.REVIEW_STARTED: _started,
    EventKind.FINDING_DISPOSITION: _disposition,
    EventKind.JUDGMENT: _judgment,
    EventKind.MEASURE_ADDED: _measure_added,
    EventKind.MEASURE_UPDATED: _measure_updated,
    EventKind.MATCH_MEMORY: _nothing,
}


def apply(state: ReviewState, event: Event) -> ReviewState:
    """The state after ``event``, which must be the next event of the same proposal."""
    if event.proposal_id != state.proposal_id or event.seq != state.seq + 1:
        raise CorruptLogError(
            f"event {event.proposal_id}#{event.seq} does not follow {state.proposal_id}#{state.seq}"
        )
    after = _APPLY[event.kind](state, event)
    return replace(after, seq=event.seq, history=(*state.history, event))


def fold(
    proposal_id: str, events: Iterable[Event], start: ReviewState | None = None
) -> ReviewState:
    """Fold ``events`` (in seq order) onto ``start`` (default: nothing decided yet)."""
    state = start if start is not None else ReviewState(proposal_id)
    for event in events:
        state = apply(state, event)
    return state
