"""Appending to the log: a batch of commands becomes events in one transaction.

A :class:`Batch` is everything one action of a reviewer produces (a judgment
with its measures; a dismissal with the verdicts to remember). It is written
all or nothing: each command is checked against the state the commands before
it leave, under one optimistic-concurrency check of ``expected_seq``; any
problem in any command writes nothing.

Examples
--------
>>> from workbench.store.commands import AddMeasure, SetJudgment, StartReview
>>> b = Batch("P-1", (StartReview(), SetJudgment("no-concern"),
...                   AddMeasure("other", "Keep the lab log")), reviewer="alice", expected_seq=0)
>>> state, new = plan(b, ReviewState("P-1"), date(2025, 6, 20))
>>> [e.seq for e in new], state.judgment.outcome, state.measures[0].id
([1, 2, 3], <Outcome.NO_CONCERN: 'no-concern'>, 3)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from workbench.errors import InputError, Problem
from workbench.reviewer import Reviewer, clean_name
from workbench.store.commands import CONTROL, Command
from workbench.store.conflicts import StaleWriteError
from workbench.store.events import Event
from workbench.store.state import ReviewState, apply


@dataclass(frozen=True, slots=True)
class Batch:
    """The commands one action produces, for one proposal, by one reviewer, in order.

    ``expected_seq`` is the version of the review the reviewer saw; ``reason``
    (optional) is recorded with each event.
    """

    proposal_id: str
    commands: Sequence[Command]
    reviewer: str | Reviewer
    expected_seq: int
    reason: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "commands", tuple(self.commands))


def plan(batch: Batch, state: ReviewState, today: date) -> tuple[ReviewState, list[Event]]:
    """The state after ``batch`` and the events to append (timestamps to be set).

    Raises :class:`StaleWriteError` when ``state`` is not at the batch's
    ``expected_seq`` and :class:`~workbench.errors.InputError` naming every
    problem of every command.
    """
    who = reviewer_name(batch.reviewer)
    check_call(batch.proposal_id, batch.expected_seq, batch.reason)
    if not batch.commands:
        raise InputError(
            [Problem("judgments store", "command", "commands", "nothing to save", "a command")]
        )
    if state.seq != batch.expected_seq:
        raise stale(state, batch.expected_seq)
    problems: list[Problem] = []
    new: list[Event] = []
    placeholder = datetime(1970, 1, 1, tzinfo=UTC)
    for command in batch.commands:
        try:
            payload = command.payload(state, today)
        except InputError as exc:
            problems += [p for p in exc.problems if p not in problems]
            continue
        event = Event(
            batch.proposal_id,
            state.seq + 1,
            command.event_kind,
            payload,
            who,
            placeholder,
            batch.reason,
        )
        state = apply(state, event)
        new.append(event)
    if problems:
        raise InputError(problems)
    return state, new


def stale(state: ReviewState, expected_seq: int) -> StaleWriteError:
    changes = tuple(e for e in state.history if e.seq > expected_seq)
    return StaleWriteError(
        state.proposal_id, expected_seq=expected_seq, current_seq=state.seq, changes=changes
    )


def reviewer_name(reviewer: str | Reviewer) -> str:
    if isinstance(reviewer, Reviewer):
        return reviewer.name
    return clean_name(reviewer, "reviewer")


def check_call(proposal_id: Any, expected_seq: Any, reason: Any) -> None:
    """Refuse an unusable proposal id, version or reason (every problem at once)."""
    problems = []
    if isinstance(proposal_id, str) and CONTROL.search(proposal_id):
        problems.append(
            Problem(
                "judgments store",
                "command",
                "proposal_id",
                f"contains control characters: {proposal_id!r}",
                "an id without control characters",
            )
        )
    elif not isinstance(proposal_id, str) or not proposal_id.strip() or len(proposal_id) > 200:
        problems.append(
            Problem(
                "judgments store",
                "command",
                "proposal_id",
                f"not a usable proposal id: {proposal_id!r}",
                "a non-empty id of at most 200 characters",
            )
        )
    if isinstance(expected_seq, bool) or not isinstance(expected_seq, int) or expected_seq < 0:
        problems.append(
            Problem(
                "judgments store",
                "command",
                "expected_seq",
                f"not a version: {expected_seq!r}",
                "the seq of the last event you saw (0 for a new review)",
            )
        )
    if reason is not None and (not isinstance(reason, str) or CONTROL.search(reason)):
        problems.append(
            Problem(
                "judgments store",
                "command",
                "reason",
                "not text, or contains control characters (such as ESC or NUL)",
                "printable text, tabs and newlines",
            )
        )
    if problems:
        raise InputError(problems)
