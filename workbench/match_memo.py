"""The one memo of matcher answers: each distinct (text, declared country) is matched once.

Affiliation strings recur a great deal — within a proposal's works, between the
screening and the co-authorship graph, and across the proposals of a session
or a portfolio run. :class:`MatchMemo` wraps any matcher with ``match(text)``
(and, when it takes one, a ``country`` keyword, as
:class:`workbench.matching.Matcher` has) and remembers its answers. The
matcher is a pure function of its input, so remembering changes no result.
Of several matches of one list entry in a text, the best-scored is kept.
The memo starts again when it holds ``limit`` texts; it is safe to share
between threads (a lost race only repeats a call). The screening's checks
(:func:`workbench.rules.cached_match`), the graph, the review session and the
portfolio all use it.

Examples
--------
>>> class Upper:
...     calls = 0
...     def match(self, text):
...         Upper.calls += 1
...         return (text.upper(),) if "x" in text else ()
>>> m = MatchMemo(Upper())
>>> m.match("x lab"), m.match_many(["x lab", "y lab"]), Upper.calls
(('X LAB',), [('X LAB',), ()], 2)
>>> m.match("x lab", country="JP"), Upper.calls  # a matcher without ``country`` ignores it
(('X LAB',), 2)
>>> m.match("  "), Upper.calls  # blank text: no call
((), 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from inspect import signature
from typing import Any


class MatchMemo:
    """``matcher.match`` asked once per distinct (text, declared country)."""

    def __init__(self, matcher: Any, limit: int = 1_000_000) -> None:
        self.matcher = matcher
        self.limit = limit
        self._memo: dict[tuple[str, str | None], tuple[Any, ...]] = {}
        try:
            self._takes_country = "country" in signature(matcher.match).parameters
        except (TypeError, ValueError):
            self._takes_country = False

    @property
    def memory(self) -> Any:
        """The reviewer verdicts the wrapped matcher obeys (when it has any)."""
        return getattr(self.matcher, "memory", None)

    def match(self, text: str, country: str | None = None) -> tuple[Any, ...]:
        """The wrapped matcher's answer for ``text`` (with the declared ``country``)."""
        country = country if self._takes_country and country else None
        key = (text, country)
        found = self._memo.get(key)
        if found is None:
            found = ()
            if text and text.strip():
                asked = self.matcher
                found = _best_per_entry(
                    asked.match(text, country=country) if country else asked.match(text)
                )
            if len(self._memo) >= self.limit:
                self._memo = {}
            self._memo[key] = found
        return found

    def match_many(self, texts: Iterable[str]) -> list[tuple[Any, ...]]:
        return [self.match(t) for t in texts]

    def __len__(self) -> int:
        return len(self._memo)


def _best_per_entry(found: Iterable[Any]) -> tuple[Any, ...]:
    """One match per (list, entry), the best-scored, in first-found order."""
    best: dict[Any, Any] = {}
    for m in found:
        entry = getattr(m, "entry_id", None)
        k = (getattr(m, "list_name", None), entry) if entry is not None else m
        if k not in best or getattr(m, "score", 0) > getattr(best[k], "score", 0):
            best[k] = m
    return tuple(best.values())
