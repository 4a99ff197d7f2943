"""Reviewer memory: verdicts on (affiliation text, list, entry) that the matcher obeys.

A reviewer who dismissed "this string is not that entry" does not want to see
it again; one who confirmed it wants it kept, whatever the score. The store
persists verdicts as events; the matcher receives the current state as a
:class:`MatchMemory`. Texts are compared in their comparison form, so case,
spacing and full-width forms do not matter.

Examples
--------
>>> memory = MatchMemory().dismiss("Harbin Inst. Technol.", "METI End User List", "jp-eul-541")
>>> str(memory.verdict("HARBIN INST TECHNOL", "METI End User List", "jp-eul-541"))
'dismissed'
>>> memory = memory.confirm("Harbin Inst. Technol.", "METI End User List", "jp-eul-541")
>>> str(memory.verdict("harbin inst technol", "METI End User List", "jp-eul-541"))
'confirmed'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from workbench.matching.normalize import normalize
from workbench.matching.result import Match
from workbench.matching.variants import IndexedEntry
from workbench.vocabulary import Verdict

Key = tuple[str, str, str]  # (comparison form of the text, list name, entry id)


def memory_key(text: str, list_name: str, entry_id: str) -> Key:
    return (normalize(text), list_name, entry_id)


@dataclass(frozen=True, slots=True)
class MatchMemory:
    """Confirmed and dismissed (text, list, entry) triples; the latest verdict wins."""

    confirmed: frozenset[Key] = frozenset()
    dismissed: frozenset[Key] = frozenset()

    @classmethod
    def from_verdicts(cls, verdicts: Iterable[tuple[str, str, str, Verdict]]) -> MatchMemory:
        """Replay ``(text, list, entry_id, verdict)`` in order (an event log's order)."""
        memory = cls()
        for text, list_name, entry_id, verdict in verdicts:
            if verdict == Verdict.CONFIRMED:
                memory = memory.confirm(text, list_name, entry_id)
            elif verdict == Verdict.DISMISSED:
                memory = memory.dismiss(text, list_name, entry_id)
            else:
                raise ValueError(f"unknown verdict {verdict!r}: expected confirmed or dismissed")
        return memory

    def confirm(self, text: str, list_name: str, entry_id: str) -> MatchMemory:
        key = memory_key(text, list_name, entry_id)
        return replace(self, confirmed=self.confirmed | {key}, dismissed=self.dismissed - {key})

    def dismiss(self, text: str, list_name: str, entry_id: str) -> MatchMemory:
        key = memory_key(text, list_name, entry_id)
        return replace(self, dismissed=self.dismissed | {key}, confirmed=self.confirmed - {key})

    def verdict(self, text: str, list_name: str, entry_id: str) -> Verdict | None:
        key = memory_key(text, list_name, entry_id)
        if key in self.confirmed:
            return Verdict.CONFIRMED
        if key in self.dismissed:
            return Verdict.DISMISSED
        return None

    def __bool__(self) -> bool:
        return bool(self.confirmed or self.dismissed)

    def confirmed_for(self, normalized_text: str) -> list[tuple[str, str]]:
        """(list, entry id) pairs confirmed for a text already in comparison form."""
        return [(lst, eid) for text, lst, eid in self.confirmed if text == normalized_text]


def remembered(
    memory: MatchMemory,
    confirmed_by_text: Mapping[str, list[tuple[str, str]]],
    by_id: Mapping[tuple[str, str], IndexedEntry],
    key: str,
    text: str,
    results: list[tuple[Match, str | None]],
) -> list[tuple[Match, str | None]]:
    """The matcher's results for one string with the reviewers' verdicts applied.

    ``key`` is the string's comparison form; a dismissed match is kept aside
    (``reviewer-dismissed``), a confirmed one reported whatever its score
    (``reviewer-confirmed``), also when the matcher did not find it.
    """
    out: list[tuple[Match, str | None]] = []
    dismissed = memory.dismissed
    confirmed = {pair: None for pair in confirmed_by_text.get(key, ())}
    for m, why in results:
        pair = (m.list_name, m.entry_id)
        if (key, *pair) in dismissed:
            out.append((m, "reviewer-dismissed"))
        elif pair in confirmed and why in (None, "below-threshold"):
            del confirmed[pair]
            reasons = (*m.reasons, "reviewer-confirmed")
            out.append((Match(*pair, m.name, m.matched_alias, m.span, 1.0, reasons), None))
        else:
            out.append((m, why))
    for list_name, entry_id in confirmed:
        entry = by_id.get((list_name, entry_id))
        if entry is not None:
            m = Match(
                list_name,
                entry_id,
                entry.name,
                entry.name,
                (0, len(text)),
                1.0,
                ("reviewer-confirmed",),
            )
            out.append((m, None))
    return out
