"""Match memory: what reviewers decided about an affiliation string and a list entry.

Reviewers record ``match-memory`` events while reviewing a proposal ("this
affiliation text is / is not that list entry"). Across all proposals, the
latest verdict on each (text, list, entry) wins; the screening engine reads
the result so that a dismissed false match is not raised again.

Examples
--------
>>> from datetime import datetime, UTC
>>> t = datetime(2025, 6, 20, tzinfo=UTC)
>>> ev = [
...     Event("P-1", 2, EventKind.MATCH_MEMORY, {"text": "Beihang Univ. Hospital",
...           "list_name": "L", "entry_id": "e1", "verdict": "confirmed"}, "alice", t),
...     Event("P-2", 5, EventKind.MATCH_MEMORY, {"text": "Beihang Univ. Hospital",
...           "list_name": "L", "entry_id": "e1", "verdict": "dismissed"}, "bob", t),
... ]
>>> v = verdicts_from_events(ev)
>>> v.verdict("Beihang Univ. Hospital", "L", "e1"), len(v)
(<Verdict.DISMISSED: 'dismissed'>, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from workbench.store.events import Event
from workbench.store.vocabulary import EventKind, Verdict


@dataclass(frozen=True, slots=True)
class RememberedMatch:
    """One remembered verdict, with who recorded it, when, and in which review."""

    text: str
    list_name: str
    entry_id: str
    verdict: Verdict
    reviewer: str
    decided_at: datetime
    proposal_id: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.text, self.list_name, self.entry_id)


@dataclass(frozen=True, slots=True)
class MatchVerdicts:
    """The verdicts in force: the latest per (affiliation text, list, entry id)."""

    entries: tuple[RememberedMatch, ...] = ()

    def verdict(self, text: str, list_name: str, entry_id: str) -> Verdict | None:
        return next((e.verdict for e in self.entries if e.key == (text, list_name, entry_id)), None)

    def dismissed(self) -> frozenset[tuple[str, str, str]]:
        return frozenset(e.key for e in self.entries if e.verdict is Verdict.DISMISSED)

    def confirmed(self) -> frozenset[tuple[str, str, str]]:
        return frozenset(e.key for e in self.entries if e.verdict is Verdict.CONFIRMED)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[RememberedMatch]:
        return iter(self.entries)


def verdicts_from_events(events: Iterable[Event]) -> MatchVerdicts:
    """Fold match-memory events (oldest first) into the verdicts in force."""
    latest: dict[tuple[str, str, str], RememberedMatch] = {}
    for e in events:
        if e.kind is not EventKind.MATCH_MEMORY:
            continue
        p = e.payload
        m = RememberedMatch(
            p["text"],
            p["list_name"],
            p["entry_id"],
            Verdict(p["verdict"]),
            e.reviewer,
            e.created_at,
            e.proposal_id,
        )
        latest.pop(m.key, None)  # keep the order of the latest decisions
        latest[m.key] = m
    return MatchVerdicts(tuple(latest.values()))
