"""The records every part of the workbench speaks: immutable values.

Loaders build these from outside files (validating as they go); everything
downstream — matching, rules, graph, store, widgets — only reads them.

Examples
--------
>>> from datetime import date
>>> a = Affiliation("Tohoku University", "JP", AffiliationType.PRIMARY, start=date(2016, 4, 1))
>>> a.is_current(date(2025, 6, 20))
True
>>> PubDate(2024).earliest(), PubDate(2024).latest(), PubDate(2024).uncertain
(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), True)
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Side(StrEnum):
    """Which national team a person belongs to (Q3.2, Q5.1)."""

    JP = "JP"
    NL = "NL"


class AffiliationType(StrEnum):
    PRIMARY = "primary"
    CONCURRENT = "concurrent"  # 兼務先 (Q3.8)
    PAST = "past"


class Residency(StrEnum):
    """Residency under Japan's Foreign Exchange Act (Q3.12)."""

    RESIDENT = "resident"
    NON_RESIDENT = "non-resident"


class OrgRole(StrEnum):
    """How an organization takes part in the proposal (Q3.3, Q3.4)."""

    COOPERATION_PARTNER = "cooperation-partner"
    CO_FUNDER = "co-funder"
    EXTERNAL_COLLABORATOR = "external-collaborator"


#: Person roles the questionnaire offers, in its order; another role is kept with a warning.
PERSON_ROLES: tuple[str, ...] = (
    "PI",
    "Co-PI",
    "researcher",
    "postdoc",
    "student",
    "technician",
    "secretary",
    "external-collaborator",
)


@dataclass(frozen=True, slots=True)
class Affiliation:
    organization: str
    country: str | None
    type: AffiliationType
    is_research_institution: bool = True
    start: date | None = None
    end: date | None = None

    def is_current(self, on: date) -> bool:
        """Primary or concurrent, started by ``on`` (or undated) and not ended before it."""
        if self.type is AffiliationType.PAST:
            return False
        if self.start is not None and self.start > on:
            return False
        return self.end is None or self.end >= on


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    side: Side
    role: str
    name_local: str | None = None
    lab_of: str | None = None
    lab_site: str | None = None
    involved_in_research: bool = True
    accesses_research_information: bool = True
    residency: Residency = Residency.RESIDENT
    specific_category: bool = False
    specific_category_note: str | None = None
    orcid: str | None = None  # bare form 0000-0000-0000-0000
    openalex_id: str | None = None  # bare form A123…
    affiliations: tuple[Affiliation, ...] = ()


@dataclass(frozen=True, slots=True)
class Investor:
    name: str
    country: str | None = None
    clearly_identified: bool = False


@dataclass(frozen=True, slots=True)
class Organization:
    """A cooperating organization: partner, co-funder or external collaborator."""

    id: str
    name: str
    role: OrgRole
    country: str | None = None
    name_local: str | None = None
    receives_funding: bool = False
    investors: tuple[Investor, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposal:
    proposal_id: str
    title: str
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...] = ()
    field: str | None = None
    call: str | None = None
    submitted: date | None = None
    source: str = ""

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)


@dataclass(frozen=True, slots=True, order=True)
class PubDate:
    """A publication date with its precision: a full date, a month, or a year alone."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def uncertain(self) -> bool:
        return self.day is None

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Institution:
    """An institution as a bibliographic source resolved it (OpenAlex, ROR)."""

    display_name: str
    id: str | None = None  # OpenAlex id, bare form I123…
    ror: str | None = None
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class Authorship:
    author_name: str
    position: str | None = None  # first / middle / last
    orcid: str | None = None  # bare form
    openalex_author_id: str | None = None  # bare form A123…
    raw_affiliations: tuple[str, ...] = ()
    institutions: tuple[Institution, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Work:
    id: str  # OpenAlex id (bare W123…) or the source's own id
    title: str
    date: PubDate | None
    authorships: tuple[Authorship, ...]
    doi: str | None = None  # bare lower-case form 10.xxx/yyy
    source: str = ""


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One entry of a screening list, with the id exactly as the source gives it."""

    list_name: str
    entry_id: str
    name: str
    aliases: tuple[str, ...] = ()
    local_names: tuple[str, ...] = ()  # original-script names (漢字, 简体, …)
    country: str | None = None  # as the source gives it
    reasons: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    entity_type: str | None = None  # organization / individual / vessel / None
    #: sub-list, e.g. CSL "Entity List (EL) - Bureau of Industry and Security"
    source_list: str | None = None
    #: the list's own number for the entry where it has one besides ``entry_id`` (the CSL's
    #: ``entity_number``, e.g. OFAC's SDN number); shown instead of a long hash id
    list_id: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for n in (self.name, *self.aliases, *self.local_names):
            if n and n not in seen:
                seen[n] = None
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class ScreeningList:
    name: str  # short stable key, e.g. "METI End User List"
    publisher: str
    version: date | None
    source: str  # file path or URL it was loaded from
    entries: tuple[ListEntry, ...] = ()
    content_hash: str = ""

    @property
    def entry_count(self) -> int:
        return len(self.entries)

    def entry(self, entry_id: str) -> ListEntry | None:
        return next((e for e in self.entries if e.entry_id == entry_id), None)


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What a loader did with one file: read, repaired, unusable and why."""

    source: str
    read: int
    repaired: tuple[str, ...] = ()  # one line per repaired entry: "<id>: what was done"
    unusable: tuple[str, ...] = ()  # one line per skipped entry: "<place>: why"
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        return (
            f"{self.source}: {self.read} read, {len(self.repaired)} repaired, "
            f"{len(self.unusable)} unusable"
        )


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """A loaded value together with the report of its load."""

    value: T
    report: LoadReport = field(default_factory=lambda: LoadReport("", 0))
