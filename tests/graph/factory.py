"""Tiny builders of records for the graph tests (hand-made, readable in one line each)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workbench.model import (
    Authorship,
    Institution,
    ListEntry,
    Person,
    Proposal,
    PubDate,
    ScreeningList,
    Side,
    Work,
)

AS_OF = date(2025, 6, 20)  # window: 2023-06-20 … 2025-06-20


def person(
    pid: str = "p1", name: str = "Sato Haruki", side: Side = Side.JP, role: str = "PI", **kw
) -> Person:
    return Person(pid, name, side, role, **kw)


def proposal(*people: Person, pid: str = "T-1", submitted: date | None = AS_OF) -> Proposal:
    return Proposal(pid, "A test proposal", tuple(people), submitted=submitted)


def author(
    name: str,
    *affiliations: str,
    orcid: str | None = None,
    openalex: str | None = None,
    institutions: tuple[Institution, ...] = (),
) -> Authorship:
    return Authorship(
        name,
        orcid=orcid,
        openalex_author_id=openalex,
        raw_affiliations=affiliations,
        institutions=institutions,
    )


def pubdate(text: str | None) -> PubDate | None:
    if text is None:
        return None
    parts = [int(p) for p in text.split("-")]
    return PubDate(*parts)


def work(
    wid: str, when: str | None, *authors: Authorship, doi: str | None = None, title: str = ""
) -> Work:
    return Work(wid, title or f"Work {wid}", pubdate(when), tuple(authors), doi=doi)


def screening_list(name: str = "METI End User List", *entries: tuple[str, str]) -> ScreeningList:
    """A list of (entry id, organisation name) pairs."""
    return ScreeningList(
        name,
        "test publisher",
        date(2025, 1, 1),
        "factory",
        tuple(ListEntry(name, eid, ename) for eid, ename in entries),
    )


@dataclass(frozen=True)
class Hit:
    list_name: str
    entry_id: str
    name: str
    matched_alias: str
    span: tuple[int, int]
    score: float = 1.0
    reasons: tuple[str, ...] = ()


@dataclass
class NameMatcher:
    """Finds list entry names inside a text (case-insensitive substring), counting calls.

    A deliberately plain matcher with real behaviour, for tests that must not
    depend on the matching engine's scoring.
    """

    lists: tuple[ScreeningList, ...]
    calls: list[str] = field(default_factory=list)

    def match(self, text: str) -> tuple[Hit, ...]:
        self.calls.append(text)
        low = text.casefold()
        out = []
        for lst in self.lists:
            for e in lst.entries:
                at = low.find(e.name.casefold())
                if at >= 0:
                    out.append(Hit(lst.name, e.entry_id, e.name, e.name, (at, at + len(e.name))))
        return tuple(out)


HIT = screening_list(
    "METI End User List",
    ("jp-eul-541", "Harbin Institute of Technology"),
    ("jp-eul-600", "National University of Defense Technology"),
)
