"""Finding listed organisations in affiliation strings: normalise, find, decide, explain.

``Matcher.from_lists(lists)`` builds the index once; ``matcher.match(text)``
returns :class:`Match` records with the entry, the alias that matched, the span
of the input, a score and the reasons; ``matcher.match(text, country="JP")``
counts the declared country as context. See ``normalize`` for the comparison
form, ``variants`` and ``index`` for candidate finding, ``ror`` for the names
ROR adds, ``decide`` for the guards and scores, ``memory`` for reviewer
verdicts and ``cli`` for ``workbench match``.
"""

from workbench.matching.matcher import DEFAULT_THRESHOLD, Matcher
from workbench.matching.memory import MatchMemory
from workbench.matching.normalize import normalize
from workbench.matching.result import Match

__all__ = ["DEFAULT_THRESHOLD", "Match", "MatchMemory", "Matcher", "normalize"]
