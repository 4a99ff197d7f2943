"""Remembered verdicts applied one way: the command line, the portfolio and the review page.

Reviewers remember verdicts ("this affiliation text is not that list entry")
in the store (:mod:`workbench.store.memory`), scoped to one proposal or to
every proposal. :class:`Remembering` applies them the same way wherever a
proposal is screened — ``workbench screen``, ``workbench portfolio screen``
and the review page's session: the verdicts that apply to the proposal
screened (:func:`memory_for`: those scoped to every proposal and those scoped
to it) go into the matcher, and the matches they hid are counted
(:class:`Suppressed`), so a reviewer sees how many there were and which
remembered verdicts hid them.

The matcher over the lists is built once; the matcher for each set of
verdicts shares its index and is kept (a few at a time), so proposals with
the same verdicts in force share one memo of matcher answers.

Examples
--------
>>> from datetime import datetime, UTC
>>> from workbench.store.memory import RememberedMatch, MatchVerdicts
>>> t = datetime(2025, 6, 20, tzinfo=UTC)
>>> v = MatchVerdicts((
...     RememberedMatch("Beihang Univ. Hospital", "L", "e1", Verdict.DISMISSED, "alice", t,
...                     "P-1", "proposal", "a hospital", 2),
...     RememberedMatch("BUAA", "L", "e1", Verdict.DISMISSED, "bob", t, "P-2", "all", "", 5),
... ))
>>> [memory_for(v, p).verdict("Beihang Univ. Hospital", "L", "e1") for p in ("P-1", "P-3")]
[<Verdict.DISMISSED: 'dismissed'>, None]
>>> [memory_for(v, p).verdict("BUAA", "L", "e1") for p in ("P-1", "P-3")]
[<Verdict.DISMISSED: 'dismissed'>, <Verdict.DISMISSED: 'dismissed'>]
>>> memory_for(None, "P-1")
MatchMemory(confirmed=frozenset(), dismissed=frozenset())
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from workbench.vocabulary import Verdict

if TYPE_CHECKING:  # the matcher is imported when first used, not by every page's first view
    from workbench.match_memo import MatchMemo
    from workbench.matching.memory import MatchMemory
    from workbench.model import Proposal, ScreeningList, Work
    from workbench.screening import ScreeningResult
    from workbench.store.memory import MatchVerdicts, RememberedMatch
    from workbench.window import Window

#: Matchers kept, one per distinct set of verdicts in force.
KEPT = 8


def memory_for(verdicts: MatchVerdicts | None, proposal_id: str | None) -> MatchMemory:
    """The verdicts the matcher obeys when screening ``proposal_id``.

    Those scoped to every proposal, plus those scoped to ``proposal_id``; the
    latest decision on a text and entry wins.
    """
    from workbench.matching.memory import MatchMemory

    if not verdicts:
        return MatchMemory()
    return MatchMemory.from_verdicts(
        (m.text, m.list_name, m.entry_id, m.verdict) for m in verdicts.for_proposal(proposal_id)
    )


@dataclass(frozen=True, slots=True)
class Suppressed:
    """The matches remembered dismissals hid from one screening.

    ``matches``: (affiliation text, list, entry id, id of the remembered verdict),
    one per distinct text and entry the matcher would otherwise have reported.

    >>> s = Suppressed((("BUAA", "L", "e1", "P-2#5"), ("BUAA Hosp", "L", "e1", "P-2#5")))
    >>> s.count, s.memory_ids, s.to_json()["memory_ids"]
    (2, ('P-2#5',), ['P-2#5'])
    """

    matches: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def count(self) -> int:
        return len(self.matches)

    @property
    def memory_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m[3] for m in self.matches))

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "memory_ids": list(self.memory_ids),
            "matches": [
                {"text": t, "list": lst, "entry_id": e, "memory_id": i}
                for t, lst, e, i in self.matches
            ],
        }

    def line(self, lang: str = "en") -> str:
        """One line for a text report."""
        ids = ", ".join(self.memory_ids)
        if lang == "ja":
            return f"記憶された却下により非表示の一致: {self.count} 件" + (
                f" ({ids})" if ids else ""
            )
        return f"matches hidden by remembered dismissals: {self.count}" + (
            f" ({ids})" if ids else ""
        )


class _Asked:
    """A matcher that notes every (text, country) it is asked about."""

    def __init__(self, matcher: Any) -> None:
        self.matcher = matcher
        self.asked: dict[tuple[str, str | None], None] = {}

    def match(self, text: str, country: str | None = None) -> tuple[Any, ...]:
        self.asked[(text, country)] = None
        return tuple(self.matcher.match(text, country=country))


class Remembering:
    """The matcher over ``lists`` with the remembered verdicts of each proposal in force.

    Parameters
    ----------
    index
        A :class:`~workbench.matching.Matcher` without verdicts (built once).
    verdicts
        The verdicts in force (:meth:`workbench.store.Store.match_verdicts`), or
        ``None`` for none (no store, or ``--no-memory``).
    """

    def __init__(self, index: Any, verdicts: MatchVerdicts | None = None) -> None:
        self.index = index
        self.verdicts = verdicts
        self._kept: OrderedDict[MatchMemory, MatchMemo] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_lists(
        cls, lists: Sequence[ScreeningList], verdicts: MatchVerdicts | None = None
    ) -> Remembering:
        from workbench.matching import Matcher

        return cls(Matcher.from_lists(lists), verdicts)

    def with_verdicts(self, verdicts: MatchVerdicts | None) -> Remembering:
        """The same index (and kept matchers) with other verdicts in force."""
        if verdicts == self.verdicts:
            return self
        other = Remembering(self.index, verdicts)
        other._kept = self._kept
        other._lock = self._lock
        return other

    def memory(self, proposal_id: str | None) -> MatchMemory:
        return memory_for(self.verdicts, proposal_id)

    def matcher(self, memory: MatchMemory) -> MatchMemo:
        """The memo over the index with ``memory`` in force (kept for the next proposal)."""
        from workbench.match_memo import MatchMemo

        with self._lock:
            found = self._kept.get(memory)
            if found is None:
                found = MatchMemo(self.index.with_memory(memory), limit=400_000)
                self._kept[memory] = found
                while len(self._kept) > KEPT:
                    self._kept.popitem(last=False)
            else:
                self._kept.move_to_end(memory)
            return found

    def for_proposal(self, proposal_id: str | None) -> MatchMemo:
        return self.matcher(self.memory(proposal_id))

    def screen(
        self,
        proposal: Proposal,
        works: Sequence[Work],
        lists: Sequence[ScreeningList],
        *,
        as_of: date | None = None,
        years: int | None = None,
        window: Window | None = None,
    ) -> tuple[ScreeningResult, Suppressed]:
        """Screen ``proposal`` with its verdicts in force; the result and what they hid."""
        from workbench.screening import screen
        from workbench.window import DEFAULT_YEARS

        memory = self.memory(proposal.proposal_id)
        asked = _Asked(self.matcher(memory))
        result = screen(
            proposal,
            works,
            asked,
            lists,
            as_of=as_of,
            years=DEFAULT_YEARS if years is None else years,
            window=window,
        )
        return result, self.suppressed(asked.asked, proposal.proposal_id)

    def suppressed(
        self, asked: Iterable[tuple[str, str | None]], proposal_id: str | None
    ) -> Suppressed:
        """The matches of the texts ``asked`` that the dismissals in force hid."""
        from workbench.matching.memory import MatchMemory
        from workbench.matching.normalize import normalize

        dismissed: dict[str, list[RememberedMatch]] = {}
        for m in self.verdicts.for_proposal(proposal_id) if self.verdicts else ():
            if m.verdict is Verdict.DISMISSED:
                dismissed.setdefault(normalize(m.text), []).append(m)
        if not dismissed:
            return Suppressed()
        memory = self.memory(proposal_id)
        plain = self.matcher(MatchMemory())
        found: dict[tuple[str, str, str], str] = {}
        for text, country in asked:
            said = dismissed.get(normalize(text))
            if not said:
                continue
            for match in plain.match(text, country=country):
                pair = (match.list_name, match.entry_id)
                for m in said:
                    if (m.list_name, m.entry_id) == pair and memory.verdict(
                        text, *pair
                    ) is Verdict.DISMISSED:
                        found.setdefault((text, *pair), _latest_id(said, pair))
        return Suppressed(tuple((t, lst, e, i) for (t, lst, e), i in found.items()))


def _latest_id(said: Sequence[RememberedMatch], pair: tuple[str, str]) -> str:
    """The id of the latest verdict on ``pair`` among ``said`` (the one in force)."""
    return [m.id for m in said if (m.list_name, m.entry_id) == pair][-1]
