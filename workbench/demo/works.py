"""OpenAlex-shaped works for one demo story: background works and the planted links.

Background works pair team members with co-authors from the story's pool of
real, unlisted institutions, on dates spread from 2015 to the submission date.
Each :class:`~workbench.demo.spec.Link` adds works on exactly its dates where
exactly its members write with authors of its institution. Co-authors keep one
identity (name, OpenAlex author id) across the works of a proposal.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from workbench.demo.affiliations import affiliation
from workbench.demo.institutions import INSTITUTIONS, Inst
from workbench.demo.names import Name, culture_for, draw
from workbench.demo.spec import Link, Member, Story
from workbench.demo.titles import title

FIRST_DAY = date(2015, 1, 1)
Work = dict[str, Any]


def orcid_checksum(base: str) -> str:
    """ISO 7064 11,2 check character of the 15 digits of an ORCID iD.

    >>> orcid_checksum("000000021694233")
    'X'
    """
    total = 0
    for ch in base:
        total = (total + int(ch)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def make_orcid(number: int, k: int) -> str:
    """A well-formed ORCID iD in the ``0000-0000-…`` block, which ORCID never issues.

    >>> make_orcid(3, 1)
    '0000-0000-0300-0015'
    """
    base = f"0000000{number:03d}{k:05d}"
    return f"{base[0:4]}-{base[4:8]}-{base[8:12]}-{base[12:15]}{orcid_checksum(base)}"


@dataclass(frozen=True, slots=True)
class Author:
    name: Name
    author_id: str
    orcid: str | None
    inst: Inst | None = None  # a co-author's institution
    member: Member | None = None


class WorkFactory:
    """Builds the works of one story; deterministic for a given story."""

    def __init__(self, story: Story, seed: str) -> None:
        self.story = story
        self.rng = random.Random(f"{seed}:{story.proposal_id}:works")
        self.submitted = date.fromisoformat(story.submitted)
        self._works = 0
        self._authors = 0
        self._coauthors: dict[str, list[Author]] = {}
        # a co-author never shares a team member's name: name links stay unambiguous
        self._taken = {frozenset((m.name.given, m.name.family)) for m in story.members}
        self.members = {m.id: self._member_author(m, i) for i, m in enumerate(story.members, 1)}

    # identities -----------------------------------------------------------------
    def _author_id(self) -> str:
        self._authors += 1
        return f"A5{self.story.number:03d}{self._authors:06d}"

    def _member_author(self, m: Member, k: int) -> Author:
        orcid = make_orcid(self.story.number, k) if m.orcid else None
        return Author(m.name, self._author_id(), orcid, member=m)

    def coauthor(self, inst_key: str) -> Author:
        """A co-author at ``inst_key``: often one met before, sometimes someone new."""
        known = self._coauthors.setdefault(inst_key, [])
        if known and self.rng.random() < 0.75:
            return self.rng.choice(known[:40])
        inst = INSTITUTIONS[inst_key]
        name = draw(culture_for(inst.country, self.rng), self.rng)
        while frozenset((name.given, name.family)) in self._taken:
            name = draw(culture_for(inst.country, self.rng), self.rng)
        author_id = self._author_id()
        orcid = make_orcid(self.story.number, self._authors) if self.rng.random() < 0.3 else None
        author = Author(name, author_id, orcid, inst=inst)
        known.append(author)
        return author

    # works ----------------------------------------------------------------------
    def _work_id(self) -> tuple[str, str]:
        self._works += 1
        n = self._works
        return (
            f"W9{self.story.number:03d}{n:06d}",
            f"10.5555/aspire-demo.{self.story.number:03d}.{n:06d}",
        )

    def _random_day(self, start: date) -> date:
        span = (self.submitted - start).days
        return start + timedelta(days=self.rng.randint(0, max(span, 0)))

    def _member_affs(self, m: Member, day: date, link: Link | None) -> list[Inst]:
        """The institutions a member gives on a work of ``day``."""
        current = [
            a
            for a in m.affs
            if date.fromisoformat(a.start) <= day
            and (a.end is None or date.fromisoformat(a.end) >= day)
        ]
        if not current:
            current = sorted(m.affs, key=lambda a: a.start)[:1]
        primary = [a for a in current if a.type != "concurrent"][:1] or current[:1]
        chosen = [INSTITUTIONS[a.inst] for a in primary]
        for a in current:
            if a.type == "concurrent" and (
                (link is not None and a.inst == link.inst) or self.rng.random() < 0.5
            ):
                chosen.append(INSTITUTIONS[a.inst])
        if link is not None and link.own and INSTITUTIONS[link.inst] not in chosen:
            chosen.append(INSTITUTIONS[link.inst])
        return chosen

    def _authorship(self, author: Author, insts: list[Inst], blank: bool) -> Work:
        rng = self.rng
        strings: list[str] = []
        resolved: list[Work] = []
        local = False
        for inst in insts:
            if blank:
                break
            style, text = affiliation(inst, rng)
            strings.append(text)
            local = local or style == "local"
            if (inst.openalex or inst.ror) and rng.random() < (0.5 if style == "local" else 0.9):
                resolved.append(
                    {
                        "id": f"https://openalex.org/{inst.openalex}" if inst.openalex else None,
                        "display_name": inst.name,
                        "ror": f"https://ror.org/{inst.ror}" if inst.ror else None,
                        "country_code": inst.country,
                        "type": inst.kind,
                    }
                )
        countries = [] if blank else list(dict.fromkeys(i.country for i in insts))
        name = author.name
        roll = rng.random()
        if local and name.local and roll < 0.7:
            raw = name.local
        elif roll < 0.2:
            raw = name.initials
        elif roll < 0.27 and name.family_first:
            raw = f"{name.family} {name.given}"
        else:
            raw = name.display
        return {
            "author_position": "middle",
            "author": {
                "id": f"https://openalex.org/{author.author_id}",
                "display_name": name.display,
                "orcid": f"https://orcid.org/{author.orcid}" if author.orcid else None,
            },
            "institutions": resolved,
            "countries": countries,
            "raw_author_name": raw,
            "raw_affiliation_strings": strings,
        }

    def _work(
        self,
        day: date | int,
        team: list[Member],
        coauthors: list[Author],
        link: Link | None = None,
        blank: bool = False,
    ) -> Work:
        work_id, doi = self._work_id()
        the_day = day if isinstance(day, date) else date(day, 7, 1)
        authors = [self.members[m.id] for m in team] + coauthors
        self.rng.shuffle(authors)
        heads = [a for a in authors if a.member and a.member.role in ("PI", "Co-PI")]
        if heads and len(authors) > 2 and self.rng.random() < 0.7:
            authors.remove(heads[0])
            authors.append(heads[0])
        authorships = []
        for a in authors:
            insts = self._member_affs(a.member, the_day, link) if a.member else [a.inst]
            authorships.append(self._authorship(a, [i for i in insts if i], blank))
        if authorships:
            authorships[0]["author_position"] = "first"
            if len(authorships) > 1:
                authorships[-1]["author_position"] = "last"
        return {
            "id": f"https://openalex.org/{work_id}",
            "doi": f"https://doi.org/{doi}" if self.rng.random() > 0.04 or link else None,
            "title": title(self.story.field, self.rng),
            "publication_date": day.isoformat() if isinstance(day, date) else None,
            "publication_year": day.year if isinstance(day, date) else day,
            "authorships": authorships,
        }

    def _background_team(self, day: date) -> list[Member]:
        active = [
            m
            for m in self.story.members
            if m.weight > 0 and min(date.fromisoformat(a.start) for a in m.affs) <= day
        ]
        if not active:
            active = [m for m in self.story.members if m.weight > 0]
        k = 1 + (self.rng.random() < 0.4) + (self.rng.random() < 0.12)
        team: list[Member] = []
        while len(team) < min(k, len(active)):
            m = self.rng.choices(active, weights=[m.weight for m in active])[0]
            if m not in team:
                team.append(m)
        return team

    def _pool_coauthors(self, n: int) -> list[Author]:
        keys = [k for k, _ in self.story.pool]
        weights = [w for _, w in self.story.pool]
        return [self.coauthor(self.rng.choices(keys, weights=weights)[0]) for _ in range(n)]

    def background(self) -> list[Work]:
        s, rng = self.story, self.rng
        lo, hi = s.authors
        works = []
        blank = set(rng.sample(range(s.works), s.no_affiliation))
        for i in range(s.works):
            day: date | int = self._random_day(FIRST_DAY)
            team = self._background_team(day)  # type: ignore[arg-type]
            size = lo + int(rng.betavariate(2, 3) * (hi - lo + 1))
            co = self._pool_coauthors(max(size - len(team), 1))
            if rng.random() < s.year_only:
                day = day.year  # type: ignore[union-attr]
            works.append(self._work(day, team, list(dict.fromkeys(co)), blank=i in blank))
        return works

    def linked(self, link: Link) -> list[Work]:
        works = []
        team = [self.story.member(m) for m in link.members]
        for text in link.dates:
            day: date | int = int(text) if len(text) == 4 else date.fromisoformat(text)
            listed = list(dict.fromkeys(self.coauthor(link.inst) for _ in range(link.per_work * 2)))
            listed = listed[: link.per_work]
            others = self._pool_coauthors(self.rng.randint(1, 3))
            works.append(self._work(day, team, listed + list(dict.fromkeys(others)), link=link))
        return works

    def empty(self) -> Work:
        work_id, doi = self._work_id()
        return {
            "id": f"https://openalex.org/{work_id}",
            "doi": f"https://doi.org/{doi}",
            "title": "Preface to the proceedings of the demo workshop on quantum devices",
            "publication_date": f"{self.submitted.year - 1}-03-01",
            "publication_year": self.submitted.year - 1,
            "authorships": [],
        }

    def duplicate(self, work: Work) -> Work:
        """The same paper under another OpenAlex id and the same DOI (a merged preprint)."""
        work_id, _ = self._work_id()
        return {**work, "id": f"https://openalex.org/{work_id}"}
