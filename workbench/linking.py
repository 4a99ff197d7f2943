"""Which authorship of which work is which team member.

An authorship is linked to a person by, in this order of strength:

1. ORCID (``orcid``),
2. OpenAlex author id (``openalex``),
3. full name (``name``): order-, case- and diacritics-insensitive, so
   "Kobayashi Ren" is "Ren Kobayashi" and "Zoë Müller" is "Zoe Muller";
   the questionnaire's local-script name (``name_local``) counts too,
4. initials (``initials``): "H. Sato" or "Sato H" is "Sato Haruki" when every
   full token agrees and each initial is the first letter of a remaining token.

A name or initials link is made only when exactly one team member fits; when
several fit, nothing is guessed and a warning names the work and the author.
A name never links across a conflicting ORCID (the authorship's ORCID is not the
person's). OpenAlex author ids do not block a name link, because OpenAlex often
splits one researcher across several ids.

Examples
--------
>>> name_tokens("Kobayashi Ren") == name_tokens("Ren Kobayashi")
True
>>> name_tokens("Zoë  Müller-Lüdenscheidt")
('ludenscheidt', 'muller', 'zoe')
>>> fits_initials(("h", "sato"), ("haruki", "sato"))
True
>>> fits_initials(("k", "sato"), ("haruki", "sato"))
False
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from workbench.errors import Problem, Severity
from workbench.model import Authorship, Person, Work


class LinkMethod(StrEnum):
    ORCID = "orcid"
    OPENALEX = "openalex"
    NAME = "name"
    INITIALS = "initials"


_STRENGTH = {m: i for i, m in enumerate(LinkMethod)}
_SEPARATORS = re.compile(r"[\s.,;:·・\-‐‑–—'’()]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Name tokens, case-folded, without diacritics, sorted (so word order does not matter)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(
        c
        for c in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(c) or _CJK.match(c)
    )
    text = unicodedata.normalize("NFC", text).casefold()
    return tuple(sorted(t for t in _SEPARATORS.split(text) if t))


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[tuple[str, ...]]:
    """Keys under which a name links; a CJK name also links without its space ("佐藤春樹")."""
    tokens = name_tokens(name)
    if not tokens:
        return frozenset()
    keys = {tokens}
    if _CJK.search(name):
        keys.add(("".join(name_tokens(name.replace(" ", "").replace("\u3000", ""))),))
        keys.add(("".join(_SEPARATORS.split(unicodedata.normalize("NFKC", name))),))
    return frozenset(keys)


def fits_initials(author: tuple[str, ...], person: tuple[str, ...]) -> bool:
    """True when ``author`` has at least one initial and fits ``person`` token for token."""
    initials = [t for t in author if len(t) == 1]
    if not initials or len(author) != len(person) or len(initials) == len(author):
        return False
    remaining = list(person)
    for token in author:
        if len(token) > 1:
            if token not in remaining:
                return False
            remaining.remove(token)
    return sorted(t[0] for t in remaining) == sorted(initials)


@dataclass(frozen=True, slots=True)
class Link:
    """Person ``person_id`` is authorship number ``authorship`` of work ``work_id``."""

    person_id: str
    work_id: str
    authorship: int
    method: LinkMethod
    author_name: str


@dataclass(frozen=True, slots=True)
class Links:
    """All links of a proposal's team to its works, with warnings about what was not linked."""

    links: tuple[Link, ...]
    warnings: tuple[Problem, ...] = ()
    #: further authorships of a work that fit an already linked person less well or
    #: equally (a name listed twice); they are the team's, not co-authors
    duplicates: tuple[Link, ...] = ()
    _by_person: dict[str, tuple[Link, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _team: frozenset[tuple[str, int]] = field(
        init=False, repr=False, compare=False, default=frozenset()
    )

    def __post_init__(self) -> None:
        by_person: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            by_person[link.person_id].append(link)
        object.__setattr__(self, "_by_person", {k: tuple(v) for k, v in by_person.items()})
        object.__setattr__(
            self,
            "_team",
            frozenset((k.work_id, k.authorship) for k in (*self.links, *self.duplicates)),
        )

    def of_person(self, person_id: str) -> tuple[Link, ...]:
        return self._by_person.get(person_id, ())

    def is_team(self, work_id: str, authorship: int) -> bool:
        """True when that authorship is linked to any team member."""
        return (work_id, authorship) in self._team

    def to_json(self) -> list[dict[str, object]]:
        return [
            {
                "person": k.person_id,
                "work_id": k.work_id,
                "authorship": k.authorship,
                "method": str(k.method),
                "author_name": k.author_name,
            }
            for k in self.links
        ]


class _Index:
    def __init__(self, people: Sequence[Person]) -> None:
        self.by_orcid = {p.orcid.strip().upper(): p for p in people if p.orcid}
        self.by_openalex = {p.openalex_id.strip().upper(): p for p in people if p.openalex_id}
        self.by_name: dict[tuple[str, ...], list[Person]] = defaultdict(list)
        # for initials: each full name by each of its tokens ("sato" -> Sato Haruki)
        self.by_token: dict[str, list[tuple[Person, tuple[str, ...]]]] = defaultdict(list)
        for p in people:
            keys: set[tuple[str, ...]] = set()
            for n in (p.name, p.name_local):
                if n:
                    keys |= name_keys(n)
                    for t in set(name_tokens(n)):
                        self.by_token[t].append((p, name_tokens(n)))
            for k in keys:
                self.by_name[k].append(p)

    def candidates(self, a: Authorship) -> tuple[LinkMethod, list[Person]] | None:
        if a.orcid and (p := self.by_orcid.get(a.orcid.strip().upper())):
            return LinkMethod.ORCID, [p]
        if a.openalex_author_id and (p := self.by_openalex.get(a.openalex_author_id.upper())):
            return LinkMethod.OPENALEX, [p]
        conflict = a.orcid.strip().upper() if a.orcid else None

        def allowed(p: Person) -> bool:
            return conflict is None or not p.orcid or p.orcid.strip().upper() == conflict

        found: dict[str, Person] = {}
        for key in name_keys(a.author_name):
            for p in self.by_name.get(key, ()):
                if allowed(p):
                    found[p.id] = p
        if found:
            return LinkMethod.NAME, list(found.values())
        tokens = name_tokens(a.author_name)
        full = next((t for t in tokens if len(t) > 1), None)
        if full is None or all(len(t) > 1 for t in tokens):
            return None
        for p, person_tokens in self.by_token.get(full, ()):
            if allowed(p) and fits_initials(tokens, person_tokens):
                found[p.id] = p
        if found:
            return LinkMethod.INITIALS, list(found.values())
        return None


Candidates = tuple[LinkMethod, list[Person]] | None


def link_candidates(people: Sequence[Person]) -> Callable[[Authorship], Candidates]:
    """The team members an authorship fits, and by which method (``None``: none), as
    :func:`link_people` looks them up: a link is made when exactly one fits.

    >>> from workbench.model import Side
    >>> fits = link_candidates([Person("p1", "Sato Haruki", Side.JP, "PI")])
    >>> fits(Authorship("H. Sato"))[0], fits(Authorship("K. Ito"))
    (<LinkMethod.INITIALS: 'initials'>, None)
    """
    return _Index(people).candidates


def link_people(people: Sequence[Person], works: Iterable[Work]) -> Links:
    """Link every authorship of ``works`` to at most one of ``people``.

    Examples
    --------
    >>> from workbench.model import Authorship, Person, PubDate, Side, Work
    >>> team = [Person("p1", "Sato Haruki", Side.JP, "PI"), Person("p2", "Sato Hu", Side.JP, "PI")]
    >>> w = Work("W1", "t", PubDate(2024), (Authorship("Haruki Sato"), Authorship("H. Sato")))
    >>> links = link_people(team, [w])
    >>> [(k.person_id, k.authorship, str(k.method)) for k in links.links]
    [('p1', 0, 'name')]
    >>> print(links.warnings[0].message)
    'H. Sato' fits more than one team member (p1, p2) by initials; not linked
    """
    index = _Index(people)
    links: list[Link] = []
    duplicates: list[Link] = []
    warnings: list[Problem] = []
    # The same co-authors come back work after work: what an authorship links to depends
    # only on its ORCID, OpenAlex id and name, so each distinct triple is looked up once.
    known: dict[tuple[str | None, str | None, str], tuple[LinkMethod, list[Person]] | None] = {}
    for work in works:
        best: dict[str, Link] = {}
        for i, a in enumerate(work.authorships):
            ids = (a.orcid, a.openalex_author_id, a.author_name)
            if ids in known:
                found = known[ids]
            else:
                found = known[ids] = index.candidates(a)
            if found is None:
                continue
            method, candidates = found
            if len(candidates) > 1:
                warnings.append(
                    _warning(
                        work,
                        i,
                        f"'{a.author_name}' fits more than one team member "
                        f"({', '.join(sorted(p.id for p in candidates))}) by {method}; not linked",
                    )
                )
                continue
            link = Link(candidates[0].id, work.id, i, method, a.author_name)
            held = best.get(link.person_id)
            if held is None or _STRENGTH[method] < _STRENGTH[held.method]:
                best[link.person_id] = link
                if held is not None:
                    duplicates.append(held)
                continue
            duplicates.append(link)
            if _STRENGTH[method] == _STRENGTH[held.method]:
                warnings.append(
                    _warning(
                        work,
                        i,
                        f"'{a.author_name}' and '{held.author_name}' both fit "
                        f"{link.person_id} by {method}; the first is used",
                    )
                )
        links.extend(best.values())
    return Links(tuple(links), tuple(warnings), tuple(duplicates))


def _warning(work: Work, index: int, message: str) -> Problem:
    return Problem(
        work.source or "publications",
        f"work {work.id} authorship {index + 1}",
        "author_name",
        message,
        severity=Severity.WARNING,
    )
