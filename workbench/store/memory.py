"""Remembered verdicts: what reviewers decided about an affiliation text and a list entry.

Reviewers record ``match-memory`` events while reviewing a proposal ("this
affiliation text is / is not that list entry"), scoped to that proposal (the
default) or to every proposal (with a rationale); a later event revokes one,
with a reason. The latest decision on each (scope, text, list, entry) is in
force. Events recorded before verdicts had a scope apply to every proposal,
as they did then. Each verdict in force says who decided it, when, where and
why, and has an id (``proposal#seq``) to revoke it by.

Examples
--------
>>> from datetime import datetime, UTC
>>> t = datetime(2025, 6, 20, tzinfo=UTC)
>>> m = {"text": "Beihang Univ. Hospital", "list_name": "L", "entry_id": "e1"}
>>> ev = [
...     Event("P-1", 2, EventKind.MATCH_MEMORY, {**m, "verdict": "dismissed",
...           "scope": "proposal", "rationale": "a hospital"}, "alice", t),
...     Event("P-2", 5, EventKind.MATCH_MEMORY, {**m, "verdict": "confirmed",
...           "scope": "all", "rationale": "the university itself"}, "bob", t),
... ]
>>> v = verdicts_from_events(ev)
>>> [(e.id, e.verdict.value) for e in v.for_proposal("P-1")]
[('P-1#2', 'dismissed'), ('P-2#5', 'confirmed')]
>>> [e.id for e in v.for_proposal("P-3")]
['P-2#5']
>>> revoke = {**m, "action": "revoke", "scope": "proposal", "rationale": "wrong"}
>>> [e.id for e in verdicts_from_events([*ev, Event("P-1", 3, EventKind.MATCH_MEMORY,
...                                       revoke, "carol", t)])]
['P-2#5']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from workbench.errors import InputError, Problem
from workbench.store.events import Event
from workbench.vocabulary import EventKind, Verdict


@dataclass(frozen=True, slots=True)
class RememberedMatch:
    """One remembered verdict: what, where it applies, who recorded it, when and why."""

    text: str
    list_name: str
    entry_id: str
    verdict: Verdict
    reviewer: str
    decided_at: datetime
    proposal_id: str  # the review it was recorded in
    scope: str = "all"  # "proposal": only proposal_id; "all": every proposal
    rationale: str = ""
    seq: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.text, self.list_name, self.entry_id)

    @property
    def id(self) -> str:
        """How to name it to revoke it: the event that recorded it."""
        return f"{self.proposal_id}#{self.seq}"

    def applies_to(self, proposal_id: str | None) -> bool:
        """In force for ``proposal_id`` (``None``: for any proposal, i.e. scope all)."""
        return self.scope == "all" or self.proposal_id == proposal_id


@dataclass(frozen=True, slots=True)
class MatchVerdicts:
    """The verdicts in force, oldest decision first."""

    entries: tuple[RememberedMatch, ...] = ()

    def for_proposal(self, proposal_id: str | None) -> tuple[RememberedMatch, ...]:
        """The verdicts that apply to ``proposal_id`` (``None``: those scoped to all)."""
        return tuple(e for e in self.entries if e.applies_to(proposal_id))

    def find(self, memory_id: str) -> RememberedMatch | None:
        return next((e for e in self.entries if e.id == memory_id), None)

    def get(self, memory_id: str, where: str) -> RememberedMatch:
        """The verdict ``memory_id`` or an :class:`InputError` (``where``: the store)."""
        found = self.find(memory_id)
        if found is None:
            raise InputError(
                [
                    Problem(
                        where,
                        "remembered verdicts",
                        "id",
                        f"no remembered verdict {memory_id!r} in force",
                        "an id shown by 'workbench store memory list'",
                    )
                ]
            )
        return found

    def verdict(self, text: str, list_name: str, entry_id: str) -> Verdict | None:
        found = [e.verdict for e in self.entries if e.key == (text, list_name, entry_id)]
        return found[-1] if found else None

    def dismissed(self) -> frozenset[tuple[str, str, str]]:
        return frozenset(e.key for e in self.entries if e.verdict is Verdict.DISMISSED)

    def confirmed(self) -> frozenset[tuple[str, str, str]]:
        return frozenset(e.key for e in self.entries if e.verdict is Verdict.CONFIRMED)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[RememberedMatch]:
        return iter(self.entries)


def _scope_key(e: Event) -> tuple[str | None, str, str, str]:
    p = e.payload
    scope = p.get("scope", "all")
    return (
        e.proposal_id if scope == "proposal" else None,
        p["text"],
        p["list_name"],
        p["entry_id"],
    )


def verdicts_from_events(events: Iterable[Event]) -> MatchVerdicts:
    """Fold match-memory events (oldest first) into the verdicts in force."""
    latest: dict[tuple[str | None, str, str, str], RememberedMatch] = {}
    for e in events:
        if e.kind is not EventKind.MATCH_MEMORY:
            continue
        p, key = e.payload, _scope_key(e)
        latest.pop(key, None)  # keep the order of the latest decisions
        if p.get("action") == "revoke":
            continue
        latest[key] = RememberedMatch(
            p["text"],
            p["list_name"],
            p["entry_id"],
            Verdict(p["verdict"]),
            e.reviewer,
            e.created_at,
            e.proposal_id,
            p.get("scope", "all"),
            p.get("rationale") or e.reason or "",
            e.seq,
        )
    return MatchVerdicts(tuple(latest.values()))
