"""The declarative shape of a demo proposal: team, partners, publication plan, expectations.

A :class:`Story` says who is on the team, which real institutions their
co-authors come from in the background, which co-authorships with listed
institutions are planted on which dates (:class:`Link`), and which findings the
policy checks are expected to raise (:class:`Expect`). The generator turns it
into ``proposal.json`` and ``works.json``/``publications.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.demo.institutions import INSTITUTIONS
from workbench.demo.names import Name

CALL = "ASPIRE Japan-Netherlands 2025"


@dataclass(frozen=True, slots=True)
class Aff:
    """One declared affiliation; ``inst`` is a key of the institution table."""

    inst: str
    type: str  # primary / concurrent / past
    start: str
    end: str | None = None
    organization: str | None = None  # as written in the questionnaire; default the institution name

    @property
    def text(self) -> str:
        return self.organization or INSTITUTIONS[self.inst].name


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: Name
    side: str
    role: str
    affs: tuple[Aff, ...]
    lab_of: str | None = None
    lab_site: str | None = None
    involved: bool = True
    access: bool = True
    residency: str = "resident"
    specific_note: str | None = None  # set: specific_category is true (Q3.13)
    orcid: bool = False  # declares an ORCID iD in the questionnaire
    openalex: bool = False  # declares an OpenAlex author id
    weight: float = 1.0  # share of the background works (0: publishes nothing)


@dataclass(frozen=True, slots=True)
class Org:
    id: str
    name: str
    country: str
    role: str  # cooperation-partner / co-funder / external-collaborator
    name_local: str | None = None
    funded: bool = False
    investors: tuple[tuple[str, str | None, bool], ...] = ()  # (name, country, clearly identified)


@dataclass(frozen=True, slots=True)
class Link:
    """Works on which ``members`` write with authors of institution ``inst``.

    A date is ``YYYY-MM-DD``, or ``YYYY`` for a work known only by its year.
    ``own``: the members also give ``inst`` as their own affiliation there.
    ``duplicate``: the first so many works appear twice under one DOI.
    ``csv``: these works come in ``publications.csv`` rather than ``works.json``.
    """

    members: tuple[str, ...]
    inst: str
    dates: tuple[str, ...]
    per_work: int = 2
    own: bool = False
    duplicate: int = 0
    csv: bool = False


@dataclass(frozen=True, slots=True)
class Expect:
    """A finding the checks should raise: ``inst`` names the listed institution,
    ``entry`` a list entry directly (``"<list>:<entry id>"``) for partners."""

    check: str
    subject: str
    inst: str | None = None
    entry: str | None = None

    def entries(self) -> tuple[str, ...]:
        if self.entry:
            return (self.entry,)
        return INSTITUTIONS[self.inst].listed if self.inst else ()


@dataclass(frozen=True, slots=True)
class Story:
    number: int
    title: str
    field: str  # semiconductors / quantum
    submitted: str
    story: str  # what the proposal is meant to show, in plain words
    members: tuple[Member, ...]
    pool: tuple[tuple[str, float], ...]  # background co-author institutions and weights
    works: int  # number of background works
    authors: tuple[int, int] = (3, 9)  # fewest and most authors of a background work
    orgs: tuple[Org, ...] = ()
    links: tuple[Link, ...] = ()
    expect: tuple[Expect, ...] = ()
    formats: tuple[str, ...] = ("works.json",)
    csv_share: float = 0.0  # with both formats: share of background works of 2025 put in the CSV
    no_affiliation: int = 2  # works whose authors give no affiliation
    year_only: float = 0.04  # share of background works known only by year
    duplicates: int = 0  # background works repeated under the same DOI
    empty_authorships: int = 0  # works with no authors at all

    @property
    def proposal_id(self) -> str:
        return f"ASPIRE-2025-D-{self.number:03d}"

    def member(self, member_id: str) -> Member:
        return next(m for m in self.members if m.id == member_id)
