"""Whether a questionnaire's declared affiliations cover the date of a work (Q3.5, Q8.1).

A person's own affiliation on a work is *declared* when one of the affiliations
the questionnaire gives for the same organisation — primary, concurrent or past
— was held on the work's date: started by then (or no start given) and not
ended before it (or no end given). A work after a declared end, or before a
declared start, is not covered, and :func:`undeclared_on` says why in both
languages ("declared past affiliation ended 2022-02-28; this work is 2023-05").

A work known only by its year or month may straddle a declared start or end:
it is then neither cleared nor plainly undeclared. It is kept (better a
question than a missed declaration) and the gap says the date is uncertain.

Examples
--------
>>> from datetime import date
>>> from workbench.model import Affiliation, AffiliationType, PubDate
>>> sharif = Affiliation("Sharif University of Technology", "IR", AffiliationType.PAST,
...                      start=date(2016, 9, 1), end=date(2022, 2, 28))
>>> undeclared_on([sharif], PubDate(2022, 2, 14)) is None
True
>>> undeclared_on([sharif], PubDate(2023, 5, 2)).text
'declared past affiliation ended 2022-02-28; this work is 2023-05-02'
>>> gap = undeclared_on([sharif], PubDate(2022))
>>> gap.uncertain
True
>>> gap.text.split("; ")[1]
'declared past affiliation ended 2022-02-28: it may fall after'
>>> undeclared_on([], PubDate(2024, 1, 5)).text
'not declared in the questionnaire'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from workbench.model import Affiliation, AffiliationType, PubDate

#: How each kind of declared affiliation is named in the texts (English, Japanese).
KIND_TEXT: dict[AffiliationType, tuple[str, str]] = {
    AffiliationType.PRIMARY: ("primary", "主たる所属"),
    AffiliationType.CONCURRENT: ("concurrent", "兼務先"),
    AffiliationType.PAST: ("past", "過去の所属"),
}


@dataclass(frozen=True, slots=True)
class Gap:
    """Why a byline affiliation is not covered by the declaration, in English and Japanese."""

    text: str
    text_ja: str
    uncertain: bool = False  # the work's date straddles a declared start or end


NOT_DECLARED = Gap("not declared in the questionnaire", "アンケートに申告されていません")


def _bounds(a: Affiliation) -> tuple[date, date]:
    return a.start or date.min, a.end or date.max


def covers(a: Affiliation, when: PubDate) -> bool:
    """Every day ``when`` may stand for lies within ``a``'s declared dates."""
    lo, hi = _bounds(a)
    return lo <= when.earliest() and when.latest() <= hi


def may_cover(a: Affiliation, when: PubDate) -> bool:
    """Some day ``when`` may stand for lies within ``a``'s declared dates."""
    lo, hi = _bounds(a)
    return when.latest() >= lo and when.earliest() <= hi


def _distance(a: Affiliation, when: PubDate) -> int:
    lo, hi = _bounds(a)
    if when.earliest() > hi:
        return (when.earliest() - hi).days
    if when.latest() < lo:
        return (lo - when.latest()).days
    return 0


def _outside(a: Affiliation, when: PubDate) -> Gap:
    kind, kind_ja = KIND_TEXT[a.type]
    on = when.isoformat()
    if a.end is not None and when.earliest() > a.end:
        return Gap(
            f"declared {kind} affiliation ended {a.end}; this work is {on}",
            f"申告された{kind_ja}は {a.end} に終了しています（この論文は {on}）",
        )
    return Gap(
        f"declared {kind} affiliation starts {a.start}; this work is {on}",
        f"申告された{kind_ja}の開始は {a.start} です（この論文は {on}）",
    )


def _straddles(a: Affiliation, when: PubDate) -> Gap:
    kind, kind_ja = KIND_TEXT[a.type]
    on = when.isoformat()
    if a.end is not None and when.latest() > a.end:
        edge, edge_ja = (
            f"ended {a.end}: it may fall after",
            f"{a.end} に終了しており、その後の可能性",
        )
    else:
        edge, edge_ja = (
            f"starts {a.start}: it may fall before",
            f"{a.start} 開始で、それ以前の可能性",
        )
    return Gap(
        f"this work is dated only {on}; declared {kind} affiliation {edge}",
        f"この論文の日付は {on} のみで不確実です。申告された{kind_ja}は{edge_ja}があります",
        uncertain=True,
    )


def undeclared_on(declared: Iterable[Affiliation], when: PubDate) -> Gap | None:
    """``None`` when a declared affiliation surely covers ``when``; else why not.

    ``declared`` are the person's declared affiliations with the organisation the
    byline names (of any kind).
    """
    held = list(declared)
    if not held:
        return NOT_DECLARED
    if any(covers(a, when) for a in held):
        return None
    partly = [a for a in held if may_cover(a, when)]
    if partly:
        return _straddles(partly[0], when)
    nearest = min(held, key=lambda a: _distance(a, when))
    return _outside(nearest, when)
