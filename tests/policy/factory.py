"""Tiny factories for policy tests: records with defaults, and an exact-name matcher.

:class:`ExactMatcher` is a real, if simple, matcher: it finds any name or alias
of a few :class:`~workbench.model.ListEntry` records as whole words inside a
text, case-insensitively. The checks only rely on the matcher protocol
(``match(text) -> tuple[Match-like, ...]``), so this lets their tests pin
exactly which strings are "listed" without depending on fuzzy scoring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workbench.model import (
    Affiliation,
    AffiliationType,
    Authorship,
    Institution,
    Investor,
    ListEntry,
    Organization,
    OrgRole,
    Person,
    Proposal,
    PubDate,
    Residency,
    ScreeningList,
    Side,
    Work,
)
from workbench.screening import ScreeningResult, screen

LIST = "Test List"
VERSION = date(2025, 9, 29)
SUBMITTED = date(2025, 6, 20)


def entry(entry_id: str, name: str, *aliases: str, list_name: str = LIST) -> ListEntry:
    return ListEntry(list_name, entry_id, name, aliases=aliases)


HIT = entry("t-541", "Harbin Institute of Technology (HIT)", "Harbin Institute of Technology")
SHARIF = entry("t-259", "Sharif University of Technology (SHFT)", "Sharif University of Technology")
BUAA = entry(
    "t-501", "Beijing University of Aeronautics and Astronautics (BUAA)", "Beihang University"
)
SINOPACK = entry("t-543", "Hebei Sinopack Electronics", "Hebei Sinopack Electronic Technology")
ENTRIES = (HIT, SHARIF, BUAA, SINOPACK)


def screening_list(*entries: ListEntry, name: str = LIST) -> ScreeningList:
    return ScreeningList(name, "test", VERSION, "factory", entries or ENTRIES)


@dataclass(frozen=True, slots=True)
class ExactMatch:
    list_name: str
    entry_id: str
    name: str
    matched_alias: str
    span: tuple[int, int]
    score: float
    reasons: tuple[str, ...]


class ExactMatcher:
    """Whole-word, case-insensitive lookup of each entry's names; counts its calls."""

    def __init__(self, entries: tuple[ListEntry, ...] = ENTRIES) -> None:
        self.patterns = [
            (e, n, re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.IGNORECASE))
            for e in entries
            for n in e.all_names
        ]
        self.calls: list[str] = []

    def match(self, text: str) -> tuple[ExactMatch, ...]:
        self.calls.append(text)
        found = []
        for e, alias, pattern in self.patterns:
            if m := pattern.search(text):
                found.append(
                    ExactMatch(e.list_name, e.entry_id, e.name, alias, m.span(), 1.0, ("exact",))
                )
        return tuple(found)


def aff(
    organization: str,
    type: str = "primary",
    start: date | None = date(2020, 4, 1),
    end: date | None = None,
    country: str | None = None,
) -> Affiliation:
    return Affiliation(organization, country, AffiliationType(type), True, start, end)


def person(
    id: str,
    name: str | None = None,
    *affiliations: Affiliation,
    side: str = "JP",
    role: str = "researcher",
    residency: str = "resident",
    **kw: object,
) -> Person:
    return Person(
        id,
        name or f"Person {id.upper()}",
        Side(side),
        role,
        residency=Residency(residency),
        affiliations=affiliations or (aff("Tohoku University"),),
        **kw,  # type: ignore[arg-type]
    )


def org(
    id: str,
    name: str,
    role: str = "cooperation-partner",
    *investors: Investor,
    receives_funding: bool = False,
) -> Organization:
    return Organization(
        id, name, OrgRole(role), "JP", receives_funding=receives_funding, investors=investors
    )


def investor(name: str, clearly_identified: bool = True) -> Investor:
    return Investor(name, "CN", clearly_identified)


def proposal(
    *people: Person,
    orgs: tuple[Organization, ...] = (),
    submitted: date | None = SUBMITTED,
) -> Proposal:
    return Proposal("T-1", "test proposal", people, orgs, submitted=submitted, source="t.json")


def author(
    name: str,
    *raw: str,
    inst: tuple[str, ...] = (),
    orcid: str | None = None,
    openalex: str | None = None,
) -> Authorship:
    return Authorship(
        name,
        orcid=orcid,
        openalex_author_id=openalex,
        raw_affiliations=raw,
        institutions=tuple(Institution(i) for i in inst),
    )


def pub_date(text: str | None) -> PubDate | None:
    if text is None:
        return None
    parts = [int(p) for p in text.split("-")]
    return PubDate(*parts)


def work(id: str, when: str | None, *authors: Authorship, doi: str | None = None) -> Work:
    return Work(id, f"title of {id}", pub_date(when), authors, doi=doi, source="works.json")


PI = person("p1", "Sato Haruki", role="PI", orcid="0000-0001-0000-0001")


def run(p: Proposal, *works: Work, as_of: date | None = None, years: int = 2) -> ScreeningResult:
    """Screen ``p`` against the factory list with the exact matcher."""
    return screen(p, works, ExactMatcher(), [screening_list()], as_of=as_of, years=years)


def found(result: ScreeningResult, check: str | None = None) -> set[tuple[str, str, str]]:
    """The result's findings as ``(check, subject, entry_id)``, optionally of one check."""
    return {
        (f.check, f.subject, f.list_entry.entry_id if f.list_entry else "")
        for f in result.findings
        if check is None or f.check == check
    }
