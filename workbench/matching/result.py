"""What the matcher says about one affiliation string: the match, with its explanation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Match:
    """One listed entry found in one affiliation string.

    ``span`` indexes the original string (``text[span[0]:span[1]]`` is what
    matched); ``reasons`` are short stable codes, some with a detail after a
    colon: ``exact-alias``, ``abbreviation-expanded``, ``fuzzy:distance=1``,
    ``script-folded``, ``country-agrees:CN``, ``country-conflict:JP`` …

    ``alias_kind`` says what kind of name matched (see
    :mod:`~workbench.matching.alias_kinds`); with ``matched_alias`` and the
    reasons (guards and vetoes applied, such as ``country-veto:JP`` or
    ``generic-alias-supporting``) it is the match's explanation
    (:meth:`explanation`); the JSON contract keeps its fields, its first
    reason names the kind of name (``exact-acronym``, ``loose-name`` …).

    ``disguised`` is true when the string had hidden characters (zero-width,
    soft hyphen, bidirectional controls) or letters of another script that look
    like Latin ones, and the match was found only once they were revealed
    (reasons ``hidden-characters`` / ``look-alike-characters``): a reviewer is
    told, since disguise is itself a signal.

    Examples
    --------
    >>> m = Match("METI End User List", "jp-eul-541", "Harbin Institute of Technology",
    ...           "Harbin Institute of Technology", (0, 30), 1.0, ("exact-name",))
    >>> m.to_json()["span"]
    [0, 30]
    """

    list_name: str
    entry_id: str
    name: str
    matched_alias: str
    span: tuple[int, int]
    score: float
    reasons: tuple[str, ...] = ()
    disguised: bool = False
    #: the kind of the matched alias: distinctive, generic, acronym or short-name
    alias_kind: str = ""

    def to_json(self) -> dict[str, Any]:
        """The object ``workbench match`` writes for this match."""
        out: dict[str, Any] = {
            "list": self.list_name,
            "entry_id": self.entry_id,
            "name": self.name,
            "matched_alias": self.matched_alias,
            "span": [self.span[0], self.span[1]],
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
        }
        if self.disguised:
            out["disguised"] = True
        return out

    def explanation(self) -> str:
        """The alias matched, its kind and the reasons, as the evidence shows them.

        >>> Match("L", "x", "Harbin Institute of Technology", "HIT", (0, 3), 0.9,
        ...       ("exact-acronym", "country-agrees:CN"), alias_kind="acronym").explanation()
        "'HIT' (acronym): exact-acronym, country-agrees:CN"
        """
        kind = f" ({self.alias_kind})" if self.alias_kind else ""
        return f"{self.matched_alias!r}{kind}: {', '.join(self.reasons)}"
