"""What the checks read, and how they gather evidence: one finding per organisation.

:class:`ScreeningContext` is everything a check may read;
:func:`workbench.screening.screen` builds it once. :class:`Grouped` gathers a
check's evidence by (subject, organisation): entries of several lists that name
one organisation (:mod:`workbench.organisations`) make one group, citing every
entry — lists in the order given — with each piece of evidence once.

A check never looks at list files itself: it asks the context's ``match``
function, which wraps any object with ``match(text) -> tuple[Match-like, ...]``
(:class:`MatcherLike`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from workbench.findings import DISGUISE_WARNING, PERSON, Evidence, ListRef
from workbench.linking import Links
from workbench.matching.same_organisation import EntryKey, Organisation
from workbench.model import Authorship, Person, Proposal, Work
from workbench.scope import Scope
from workbench.window import Window


class MatchLike(Protocol):
    """What the checks read of a match (``workbench.matching.Match`` has all of it)."""

    @property
    def list_name(self) -> str: ...
    @property
    def entry_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def score(self) -> float: ...


class MatcherLike(Protocol):
    """``match(text)``; it may also take an optional keyword ``country`` (ISO code)."""

    def match(self, text: str) -> Sequence[MatchLike]: ...


class MatchFn(Protocol):
    def __call__(self, text: str, country: str | None = None) -> tuple[MatchLike, ...]: ...


def cached_match(matcher: MatcherLike) -> MatchFn:
    """``matcher.match`` through the one memo of answers (:class:`~workbench.match_memo.MatchMemo`,
    shared when ``matcher`` is one): one match per list entry (best score), asked once per text.

    ``country``, the declared country, reaches the matcher when its ``match``
    takes a ``country`` keyword; other matchers get the text alone.
    """
    from workbench.match_memo import MatchMemo

    memo = matcher if isinstance(matcher, MatchMemo) else MatchMemo(matcher)
    return memo.match


@dataclass(frozen=True)
class ScreeningContext:
    """Everything a check may read; :func:`workbench.screening.screen` builds it once.

    ``list_versions`` names the lists in the order given; ``organisations`` maps
    each of their entries to the organisation it names (an entry missing from it is
    an organisation of its own); ``shown_ids`` the entries shown by another id than
    their own (the list's own number, a long hash shortened).
    """

    proposal: Proposal
    scope: Scope
    window: Window
    links: Links
    works: Mapping[str, Work]
    match: MatchFn
    as_of: date
    list_versions: Mapping[str, date | None] = field(default_factory=dict)
    organisations: Mapping[EntryKey, Organisation] = field(default_factory=dict)
    shown_ids: Mapping[EntryKey, str] = field(default_factory=dict)  # where not the entry id

    def people_in_scope(self) -> Iterator[Person]:
        return (p for p in self.proposal.people if self.scope.includes(PERSON, p.id))

    def ref(self, m: MatchLike) -> ListRef:
        version = self.list_versions.get(m.list_name)
        shown = self.shown_ids.get((m.list_name, m.entry_id))
        return ListRef(m.list_name, m.entry_id, m.name, version, shown)

    def organisation(self, list_name: str, entry_id: str) -> str:
        """The key of the organisation an entry names, one across lists."""
        org = self.organisations.get((list_name, entry_id))
        return org.key if org else f"{list_name}:{entry_id}"

    def works_in_window(self, person_id: str) -> Iterator[tuple[Work, int]]:
        """The person's works dated inside the window, with the index of their authorship."""
        for link in self.links.of_person(person_id):
            work = self.works.get(link.work_id)
            if work is not None and work.date is not None and self.window.contains(work.date):
                yield work, link.authorship


def affiliation_texts(a: Authorship) -> tuple[str, ...]:
    """Raw affiliation strings and institution display names of one authorship, once each."""
    seen: dict[str, None] = {}
    for t in (*a.raw_affiliations, *(i.display_name for i in a.institutions)):
        if t and t.strip():
            seen.setdefault(t, None)
    return tuple(seen)


def evidence(
    text: str, m: MatchLike, work: Work | None = None, coauthor: str | None = None
) -> Evidence:
    start, end = m.span
    return Evidence(
        work_id=work.id if work else None,
        doi=work.doi if work else None,
        date=work.date.isoformat() if work and work.date else None,
        date_uncertain=bool(work and work.date and work.date.uncertain),
        coauthor=coauthor,
        affiliation=text,
        matched_text=text[start:end] if 0 <= start < end <= len(text) else None,
        score=m.score,
        span=(start, end),
        warning=DISGUISE_WARNING if getattr(m, "disguised", False) else None,
        explanation=m.explanation() if hasattr(m, "explanation") else None,
    )


@dataclass
class _Group:
    refs: dict[ListRef, None] = field(default_factory=dict)
    evidence: dict[tuple[str | None, str | None, str | None], Evidence] = field(
        default_factory=dict
    )
    tags: dict[str, None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Group:
    """One finding's worth: a subject, the entries naming one organisation, the evidence."""

    subject: str
    refs: tuple[ListRef, ...]  # lists in the order given, then first seen
    evidence: tuple[Evidence, ...]
    tags: tuple[str, ...] = ()  # what a check noted along the way (e.g. "its investor")

    @property
    def ref(self) -> ListRef:
        return self.refs[0]


class Grouped:
    """Evidence grouped by (subject, organisation), in first-seen order.

    A piece of evidence — the same work, co-author and affiliation string — is
    kept once, as first seen, however many entries it matches.
    """

    def __init__(self, ctx: ScreeningContext) -> None:
        self.ctx = ctx
        self.items: dict[tuple[str, str], _Group] = {}

    def add(self, subject: str, m: MatchLike, ev: Evidence, tag: str | None = None) -> None:
        org = self.ctx.organisation(m.list_name, m.entry_id)
        g = self.items.setdefault((subject, org), _Group())
        g.refs.setdefault(self.ctx.ref(m), None)
        g.evidence.setdefault((ev.work_id, ev.coauthor, ev.affiliation), ev)
        if tag:
            g.tags.setdefault(tag, None)

    def __iter__(self) -> Iterator[Group]:
        rank = {name: i for i, name in enumerate(self.ctx.list_versions)}
        for (subject, _), g in self.items.items():
            refs = sorted(g.refs, key=lambda r: rank.get(r.list, len(rank)))  # stable
            yield Group(subject, tuple(refs), tuple(g.evidence.values()), tuple(g.tags))
