"""What a reviewer can ask the store to record, checked against the current state.

Each command is a frozen record with one method, ``payload(state, today)``,
that checks it against the review's state and returns the event payload to
append, or raises :class:`~workbench.errors.InputError` naming *every*
problem. Text is stored exactly as given (HTML and SQL characters included;
the store only ever binds it as a parameter), but control characters that
no backend can keep (NUL and the like) are refused.

Examples
--------
>>> state = ReviewState("P-1", seq=1, finding_keys=("k1",))
>>> SetDisposition("k1", "confirmed").payload(state, date(2025, 6, 20))
{'finding_key': 'k1', 'disposition': 'confirmed', 'rationale': ''}
>>> from workbench.errors import InputError
>>> try:
...     SetDisposition("k2", "dismissed", " ").payload(state, date(2025, 6, 20))
... except InputError as exc:
...     for problem in exc.problems:
...         print(problem.location, problem.field, problem.message, sep=" | ")
finding 'k2' | finding_key | unknown finding
finding 'k2' | rationale | a dismissal needs a rationale
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any, ClassVar, Protocol

from workbench.errors import ProblemCollector
from workbench.store.state import ListVersion, ReviewState
from workbench.vocabulary import (
    Disposition,
    EventKind,
    MeasureKind,
    MeasureStatus,
    Outcome,
    Verdict,
    choices,
)

#: Japan has no daylight saving: "today" for due dates is the date at UTC+9.
JST = timezone(timedelta(hours=9), "JST")

MAX_TEXT = 20_000
#: Control characters refused in any text (C0 but tab, newline, CR; DEL; C1: terminal escapes).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def today_in_japan(now: datetime | None = None) -> date:
    """The calendar date in Japan (the evaluators' day), from ``now`` (default: now)."""
    return (now or datetime.now(JST)).astimezone(JST).date()


class Command(Protocol):
    event_kind: ClassVar[EventKind]

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]: ...


def _collector(state: ReviewState) -> ProblemCollector:
    return ProblemCollector(f"review of {state.proposal_id}")


def _check_text(
    c: ProblemCollector, where: str, name: str, value: object, *, required: bool
) -> str:
    if not isinstance(value, str):
        c.error(where, name, f"not text: {type(value).__name__}", "text")
        return ""
    if required and not value.strip():
        c.error(where, name, "empty", "some text")
    if CONTROL.search(value):
        c.error(
            where,
            name,
            "contains control characters (such as ESC or NUL)",
            "printable text, tabs and newlines",
        )
    if len(value) > MAX_TEXT:
        c.error(where, name, f"{len(value)} characters long", f"at most {MAX_TEXT}")
    return value


def _check_enum(c: ProblemCollector, where: str, name: str, value: object, enum: Any) -> Any:
    try:
        return enum(value)
    except ValueError:
        c.error(where, name, f"unknown value {value!r}", choices(enum))
        return None


def _check_started(c: ProblemCollector, state: ReviewState, where: str) -> None:
    if not state.started:
        c.error(
            where,
            "proposal_id",
            "no review has been started for this proposal",
            "start the review (screening) first",
        )


def _check_due(
    c: ProblemCollector, where: str, value: date | str | None, today: date
) -> str | None:
    if value is None or value == "":
        return None
    try:
        due = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        c.error(where, "due", f"not a date: {value!r}", "YYYY-MM-DD")
        return None
    if due < today:
        c.error(
            where,
            "due",
            f"{due.isoformat()} is in the past (today is {today.isoformat()})",
            "today or a later date",
        )
    return due.isoformat()


def _check_persons(c: ProblemCollector, where: str, persons: Sequence[str]) -> list[str]:
    if isinstance(persons, str):
        c.error(where, "persons", "a single text, not a list", "a list of names")
        return []
    out = []
    for i, person in enumerate(persons):
        text = _check_text(c, where, f"persons[{i}]", person, required=True)
        out.append(text.strip())
    return out


@dataclass(frozen=True, slots=True)
class StartReview:
    """A screening was run: register the lists, reference date and finding keys."""

    as_of: date | None = None
    lists: Sequence[Any] = ()  # ScreeningList or ListVersion
    finding_keys: Sequence[str] | None = None
    #: the questionnaire's version screened (1, 2, … once a revision was handed in)
    questionnaire_version: int | None = None
    event_kind: ClassVar[EventKind] = EventKind.REVIEW_STARTED

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        keys = None if self.finding_keys is None else list(self.finding_keys)
        for i, key in enumerate(keys or ()):
            _check_text(c, "screening", f"finding_keys[{i}]", key, required=True)
        if keys is not None and len(set(keys)) != len(keys):
            c.error("screening", "finding_keys", "a finding key is repeated", "distinct keys")
        lists = [ListVersion.of(x).to_json() for x in self.lists]
        c.raise_if_errors()
        as_of = self.as_of.isoformat() if self.as_of else None
        out: dict[str, Any] = {"as_of": as_of, "lists": lists, "finding_keys": keys}
        if self.questionnaire_version is not None:
            if isinstance(self.questionnaire_version, bool) or self.questionnaire_version < 1:
                c.error("screening", "questionnaire_version", "not a version", "1, 2, …")
                c.raise_if_errors()
            out["questionnaire_version"] = self.questionnaire_version
        return out


@dataclass(frozen=True, slots=True)
class SetDisposition:
    """Confirm, dismiss (with a rationale) or ask for information on one finding."""

    finding_key: str
    disposition: Disposition | str
    rationale: str = ""
    event_kind: ClassVar[EventKind] = EventKind.FINDING_DISPOSITION

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        where = f"finding {self.finding_key!r}"
        _check_started(c, state, where)
        key = _check_text(c, where, "finding_key", self.finding_key, required=True)
        if key and state.finding_keys is not None and key not in state.finding_keys:
            n = len(state.finding_keys)
            c.error(
                where,
                "finding_key",
                "unknown finding",
                f"one of the {n} finding(s) registered when the review started",
            )
        disposition = _check_enum(c, where, "disposition", self.disposition, Disposition)
        rationale = _check_text(c, where, "rationale", self.rationale, required=False)
        if disposition is Disposition.DISMISSED and not rationale.strip():
            c.error(
                where,
                "rationale",
                "a dismissal needs a rationale",
                "a short reason why the finding does not apply",
            )
        c.raise_if_errors()
        return {"finding_key": key, "disposition": str(disposition), "rationale": rationale}


@dataclass(frozen=True, slots=True)
class SetJudgment:
    """The proposal-level outcome, with notes."""

    outcome: Outcome | str
    notes: str = ""
    event_kind: ClassVar[EventKind] = EventKind.JUDGMENT

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        _check_started(c, state, "judgment")
        outcome = _check_enum(c, "judgment", "outcome", self.outcome, Outcome)
        notes = _check_text(c, "judgment", "notes", self.notes, required=False)
        c.raise_if_errors()
        return {"outcome": str(outcome), "notes": notes}


@dataclass(frozen=True, slots=True)
class AddMeasure:
    """A new mitigation measure asked of the proposers; its due date may not be past."""

    kind: MeasureKind | str
    text: str
    persons: Sequence[str] = ()
    due: date | str | None = None
    status: MeasureStatus | str = MeasureStatus.REQUESTED
    event_kind: ClassVar[EventKind] = EventKind.MEASURE_ADDED

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        where = "new measure"
        _check_started(c, state, where)
        kind = _check_enum(c, where, "kind", self.kind, MeasureKind)
        text = _check_text(c, where, "text", self.text, required=True)
        persons = _check_persons(c, where, self.persons)
        due = _check_due(c, where, self.due, today)
        status = _check_enum(c, where, "status", self.status, MeasureStatus)
        c.raise_if_errors()
        return {
            "kind": str(kind),
            "text": text,
            "persons": persons,
            "due": due,
            "status": str(status),
        }


_UNSET: Any = object()


@dataclass(frozen=True, slots=True)
class UpdateMeasure:
    """Change some fields of a measure; fields left out stay as they are."""

    measure_id: int
    text: str = _UNSET
    persons: Sequence[str] = _UNSET
    due: date | str | None = _UNSET
    status: MeasureStatus | str = _UNSET
    event_kind: ClassVar[EventKind] = EventKind.MEASURE_UPDATED

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        where = f"measure #{self.measure_id}"
        _check_started(c, state, where)
        current = state.measure(self.measure_id)
        if state.started and current is None:
            ids = ", ".join(f"#{m.id}" for m in state.measures) or "none yet"
            c.error(where, "measure_id", "unknown measure", f"one of: {ids}")
        changes: dict[str, Any] = {}
        if self.text is not _UNSET:
            changes["text"] = _check_text(c, where, "text", self.text, required=True)
        if self.persons is not _UNSET:
            changes["persons"] = _check_persons(c, where, self.persons)
        if self.due is not _UNSET:
            unchanged = current is not None and _same_date(current.due, self.due)
            changes["due"] = _check_due(c, where, self.due, date.min if unchanged else today)
        if self.status is not _UNSET:
            status = _check_enum(c, where, "status", self.status, MeasureStatus)
            changes["status"] = str(status)
        c.raise_if_errors()
        if current is not None:
            now = {
                "text": current.text,
                "persons": list(current.persons),
                "due": current.due.isoformat() if current.due else None,
                "status": str(current.status),
            }
            changes = {k: v for k, v in changes.items() if now[k] != v}
        if not changes:
            c.error(where, "changes", "nothing would change", "at least one changed field")
            c.raise_if_errors()
        return {"measure_id": self.measure_id, "changes": changes}


def _same_date(current: date | None, given: date | str | None) -> bool:
    if given in (None, ""):
        return current is None
    text = given.isoformat() if isinstance(given, date) else str(given)
    return current is not None and current.isoformat() == text


class Scope(StrEnum):
    """Where a remembered verdict applies."""

    PROPOSAL = "proposal"  # the proposal it was recorded in (the default)
    ALL = "all"  # every proposal: needs a rationale


@dataclass(frozen=True, slots=True)
class RememberMatch:
    """Remember that an affiliation text is (not) a list entry, here or in every proposal.

    Scope ``proposal`` (the default) applies to the proposal of the review it is
    recorded in; scope ``all`` to every proposal and needs a rationale.
    """

    text: str
    list_name: str
    entry_id: str
    verdict: Verdict | str
    scope: Scope | str = Scope.PROPOSAL
    rationale: str = ""
    event_kind: ClassVar[EventKind] = EventKind.MATCH_MEMORY

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        where = f"match {self.list_name} {self.entry_id}"
        _check_started(c, state, where)
        text = _check_text(c, where, "text", self.text, required=True)
        list_name = _check_text(c, where, "list_name", self.list_name, required=True)
        entry_id = _check_text(c, where, "entry_id", self.entry_id, required=True)
        verdict = _check_enum(c, where, "verdict", self.verdict, Verdict)
        scope = _check_enum(c, where, "scope", self.scope, Scope)
        rationale = _check_text(c, where, "rationale", self.rationale, required=scope is Scope.ALL)
        c.raise_if_errors()
        return {
            "text": text,
            "list_name": list_name,
            "entry_id": entry_id,
            "verdict": str(verdict),
            "scope": str(scope),
            "rationale": rationale,
        }


@dataclass(frozen=True, slots=True)
class RevokeMatch:
    """Withdraw a remembered verdict (recorded in this proposal's log), with a reason."""

    text: str
    list_name: str
    entry_id: str
    scope: Scope | str
    rationale: str
    event_kind: ClassVar[EventKind] = EventKind.MATCH_MEMORY

    def payload(self, state: ReviewState, today: date) -> dict[str, Any]:
        c = _collector(state)
        where = f"match {self.list_name} {self.entry_id}"
        _check_started(c, state, where)
        scope = _check_enum(c, where, "scope", self.scope, Scope)
        rationale = _check_text(c, where, "rationale", self.rationale, required=True)
        c.raise_if_errors()
        return {
            "action": "revoke",
            "text": self.text,
            "list_name": self.list_name,
            "entry_id": self.entry_id,
            "scope": str(scope),
            "rationale": rationale,
        }
