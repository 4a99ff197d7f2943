"""The FAQ's checks as small pure functions, one signature, one explicit registry.

Each check reads a :class:`ScreeningContext` and yields :class:`~workbench.findings.Finding`
records citing the FAQ questions it encodes. The registry :data:`CHECKS` is a plain
dict; nothing registers itself at import time.

A check never looks at list files itself: it asks the context's ``match``
function, which wraps any object with ``match(text) -> tuple[Match-like, ...]``
(:class:`MatcherLike`), so the checks are tested with a tiny exact-name matcher
and run with the real one. For declared affiliations and organisations the
declared country is passed too, to matchers whose ``match`` takes a ``country``
keyword (``workbench.matching.Matcher`` does: "RIKEN" declared in Japan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from workbench.declared import undeclared_on
from workbench.findings import (
    CONTROL,
    DISGUISE_WARNING,
    INFO,
    ORGANIZATION,
    PERSON,
    REPORT,
    VERIFY,
    Evidence,
    Finding,
    ListRef,
)
from workbench.linking import Links
from workbench.model import (
    Affiliation,
    AffiliationType,
    Authorship,
    Person,
    Proposal,
    Residency,
    Work,
)
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
    """Everything a check may read; :func:`workbench.screening.screen` builds it once."""

    proposal: Proposal
    scope: Scope
    window: Window
    links: Links
    works: Mapping[str, Work]
    match: MatchFn
    as_of: date
    list_versions: Mapping[str, date | None] = field(default_factory=dict)

    def people_in_scope(self) -> Iterator[Person]:
        return (p for p in self.proposal.people if self.scope.includes(PERSON, p.id))

    def ref(self, m: MatchLike) -> ListRef:
        return ListRef(m.list_name, m.entry_id, m.name, self.list_versions.get(m.list_name))

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


def _evidence(
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
    )


class _Grouped:
    """Evidence grouped by (subject, list entry), in first-seen order, without repeats."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, ListRef], dict[Evidence, None]] = {}

    def add(self, subject: str, ref: ListRef, ev: Evidence) -> None:
        self.items.setdefault((subject, ref), {})[ev] = None

    def __iter__(self) -> Iterator[tuple[str, ListRef, tuple[Evidence, ...]]]:
        for (subject, ref), evs in self.items.items():
            yield subject, ref, tuple(evs)


def _who(ctx: ScreeningContext, person_id: str) -> str:
    p = ctx.proposal.person(person_id)
    return f"{p.name} ({person_id})" if p else person_id


def _entry(ref: ListRef) -> str:
    return f"{ref.name} [{ref.list} {ref.entry_id}]"


# --- the checks -------------------------------------------------------------------------


def listed_affiliation(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.5: a current affiliation (primary or concurrent, not ended) matches a list entry."""
    grouped = _Grouped()
    for person in ctx.people_in_scope():
        for aff in person.affiliations:
            if aff.is_current(ctx.as_of):
                for m in ctx.match(aff.organization, aff.country):
                    grouped.add(person.id, ctx.ref(m), _evidence(aff.organization, m))
    for pid, ref, evs in grouped:
        declared = "; ".join(f"“{e.affiliation}”" for e in evs)
        yield Finding(
            "listed_affiliation",
            pid,
            PERSON,
            ("Q3.5",),
            ref,
            evs,
            f"{_who(ctx, pid)} is currently affiliated with {declared}, which matches "
            f"{_entry(ref)}. Consult the institution's export-control office; if this person "
            "takes part, mitigation fitted to the information handled is expected.",
            f"{_who(ctx, pid)} の現在の所属 {declared} が {_entry(ref)} "
            "に該当する可能性があります。"
            "安全保障貿易管理担当部門に相談し、参加する場合は適切なリスク軽減策を講じる必要があります。",
            REPORT,
        )


def recent_coauthorship(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.6, Q3.9: a co-author on a work within the window is affiliated with a listed body.

    Co-authors who are team members do not count; a co-author's raw affiliation
    strings and institution names are both tested. One finding per (person, entry).
    """
    grouped = _Grouped()
    for person in ctx.people_in_scope():
        for work, own in ctx.works_in_window(person.id):
            for i, a in enumerate(work.authorships):
                if i == own or ctx.links.is_team(work.id, i):
                    continue
                for text in affiliation_texts(a):
                    for m in ctx.match(text):
                        grouped.add(person.id, ctx.ref(m), _evidence(text, m, work, a.author_name))
    w = ctx.window
    for pid, ref, evs in grouped:
        works = sorted({e.work_id for e in evs if e.work_id})
        authors = sorted({e.coauthor for e in evs if e.coauthor})
        yield Finding(
            "recent_coauthorship",
            pid,
            PERSON,
            ("Q3.6", "Q3.9"),
            ref,
            evs,
            f"{_who(ctx, pid)} co-authored {len(works)} work(s) dated between {w.start} and "
            f"{w.end} ({', '.join(works)}) with {', '.join(authors)}, whose affiliation on the "
            f"work matches {_entry(ref)}. This is to be reported in the questionnaire; "
            "mitigation as needed.",
            f"{_who(ctx, pid)} は {w.start}〜{w.end} の期間に {_entry(ref)} に該当する可能性のある"
            f"機関所属の研究者（{', '.join(authors)}）と"
            f"共著 {len(works)} 件（{', '.join(works)}）が"
            "あります。アンケートへの記載が必要で、必要に応じてリスク軽減策を講じます。",
            REPORT,
        )


def undeclared_listed_affiliation(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.5, Q8.1: one's own affiliation on a recent work is listed, and no declared
    affiliation with that organisation (primary, concurrent or past) covers the work's date.

    Each piece of evidence says why (:func:`workbench.declared.undeclared_on`): not
    declared at all, or the work falls after a declared end or before a declared start;
    a work known only by its year or month that straddles a declared date is kept and
    marked uncertain.
    """
    grouped = _Grouped()
    for person in ctx.people_in_scope():
        declared: dict[tuple[str, str], list[Affiliation]] = {}
        for aff in person.affiliations:
            for m in ctx.match(aff.organization, aff.country):
                declared.setdefault((m.list_name, m.entry_id), []).append(aff)
        for work, own in ctx.works_in_window(person.id):
            a = work.authorships[own]
            for text in affiliation_texts(a):
                for m in ctx.match(text):
                    assert work.date is not None  # works_in_window keeps dated works only
                    gap = undeclared_on(declared.get((m.list_name, m.entry_id), ()), work.date)
                    if gap is not None:
                        ev = _evidence(text, m, work)
                        ev = replace(ev, note=gap.text, note_ja=gap.text_ja)
                        grouped.add(person.id, ctx.ref(m), ev)
    years = ctx.window.years
    for pid, ref, evs in grouped:
        works = sorted({e.work_id for e in evs if e.work_id})
        why = _reasons(e.note for e in evs)
        why_ja = _reasons(e.note_ja for e in evs)
        yield Finding(
            "undeclared_listed_affiliation",
            pid,
            PERSON,
            ("Q3.5", "Q8.1"),
            ref,
            evs,
            f"On {len(works)} work(s) of the last {years} years ({', '.join(works)}) "
            f"{_who(ctx, pid)} gives an affiliation matching {_entry(ref)}, which the "
            f"questionnaire does not declare for the work's date ({why}). Verify the "
            "declaration; if it is inaccurate, the questionnaire is re-checked and submitted "
            "again.",
            f"{_who(ctx, pid)} は直近{years}年の論文 {len(works)} 件（{', '.join(works)}）で"
            f" {_entry(ref)} に"
            "該当する可能性のある所属を記載していますが、アンケートの申告はその論文の日付に及びません"
            f"（{why_ja}）。"
            "申告内容を確認してください（事実と異なる場合は再確認のうえ再提出）。",
            VERIFY,
        )


def _reasons(notes: Iterable[str | None], most: int = 3) -> str:
    """The distinct notes, in order, at most ``most`` of them then "…"."""
    distinct = list(dict.fromkeys(n for n in notes if n))
    return "; ".join(distinct[:most]) + ("; …" if len(distinct) > most else "")


def past_affiliation(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.9: a past affiliation matches a list entry — informational, not reportable by itself."""
    grouped = _Grouped()
    for person in ctx.people_in_scope():
        for aff in person.affiliations:
            ended = aff.end is not None and aff.end < ctx.as_of
            if aff.type is AffiliationType.PAST or ended:
                for m in ctx.match(aff.organization, aff.country):
                    grouped.add(person.id, ctx.ref(m), _evidence(aff.organization, m))
    for pid, ref, evs in grouped:
        yield Finding(
            "past_affiliation",
            pid,
            PERSON,
            ("Q3.9",),
            ref,
            evs,
            f"{_who(ctx, pid)} was formerly affiliated with {_entry(ref)}. Not reportable by "
            "itself; only co-authorship with its researchers within the window is reported.",
            f"{_who(ctx, pid)} は過去に {_entry(ref)} に所属していました。現在所属していなければ"
            "記載不要ですが、過去 2 年以内の当該機関所属研究者との共著は記載対象です。",
            INFO,
        )


def partner_listed(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.4: an in-scope organization, or an investor clearly identified in it, is listed."""
    grouped = _Grouped()
    via: dict[tuple[str, ListRef], set[str]] = {}
    for org in ctx.proposal.organizations:
        if not ctx.scope.includes(ORGANIZATION, org.id):
            continue
        texts = [
            (n, "the organization itself", org.country) for n in (org.name, org.name_local) if n
        ]
        texts += [
            (i.name, "its investor", i.country) for i in org.investors if i.clearly_identified
        ]
        for text, what, country in texts:
            for m in ctx.match(text, country):
                ref = ctx.ref(m)
                grouped.add(org.id, ref, _evidence(text, m))
                via.setdefault((org.id, ref), set()).add(what)
    for oid, ref, evs in grouped:
        org_name = next(o.name for o in ctx.proposal.organizations if o.id == oid)
        whom = " and ".join(sorted(via[(oid, ref)]))
        names = "; ".join(f"“{e.affiliation}”" for e in evs)
        yield Finding(
            "partner_listed",
            oid,
            ORGANIZATION,
            ("Q3.4",),
            ref,
            evs,
            f"{org_name} ({oid}): {whom} ({names}) matches {_entry(ref)}. Consult the "
            "institution's office; mitigation as needed.",
            f"{org_name}（{oid}）：{names} が {_entry(ref)} に該当する可能性があります"
            "（企業本体または出資が明らかな機関）。所属機関の担当部署に相談し、必要に応じてリスク軽減策を講じます。",
            REPORT,
        )


def non_resident(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.12: a non-resident: deemed-export control applies; not itself a concern."""
    for p in ctx.people_in_scope():
        if p.residency is Residency.NON_RESIDENT:
            yield Finding(
                "non_resident",
                p.id,
                PERSON,
                ("Q3.12",),
                None,
                (),
                f"{_who(ctx, p.id)} is a non-resident under the Foreign Exchange Act: providing "
                "technology to them is a deemed export even inside Japan, so export control "
                "applies and mitigation may be needed. Being a non-resident is not itself a "
                "security concern.",
                f"{_who(ctx, p.id)} は外為法上の「非居住者」です。"
                "技術提供は国内でも「みなし輸出管理」の"
                "対象となり、必要に応じてリスク軽減策を講じます。非居住者であること自体は懸念を意味しません。",
                CONTROL,
            )


def specific_category(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.13: a 'specific category' resident: deemed-export control applies; not a concern."""
    for p in ctx.people_in_scope():
        if p.specific_category:
            note = f" ({p.specific_category_note})" if p.specific_category_note else ""
            yield Finding(
                "specific_category",
                p.id,
                PERSON,
                ("Q3.13",),
                None,
                (),
                f"{_who(ctx, p.id)} falls under the 'specific category' of deemed-export "
                f"control{note}: export control applies and mitigation may be needed. This is "
                "not itself a security concern.",
                f"{_who(ctx, p.id)} は「特定類型」に該当します{note}。"
                "「みなし輸出管理」の対象となり、"
                "必要に応じてリスク軽減策を講じます。特定類型に該当すること自体は懸念を意味しません。",
                CONTROL,
            )


Check = Callable[[ScreeningContext], Iterable[Finding]]

#: The checks, by the names the findings carry (a contract with the store and the UI).
CHECKS: dict[str, Check] = {
    "listed_affiliation": listed_affiliation,
    "recent_coauthorship": recent_coauthorship,
    "undeclared_listed_affiliation": undeclared_listed_affiliation,
    "past_affiliation": past_affiliation,
    "partner_listed": partner_listed,
    "non_resident": non_resident,
    "specific_category": specific_category,
}
