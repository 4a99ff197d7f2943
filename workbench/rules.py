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

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from workbench.declared import undeclared_on
from workbench.findings import ORGANIZATION, PERSON, Finding, ListRef
from workbench.model import Affiliation, AffiliationType, Residency
from workbench.rule_context import (
    Grouped,
    MatcherLike,
    MatchFn,
    MatchLike,
    ScreeningContext,
    affiliation_texts,
    cached_match,
    evidence,
)
from workbench.vocabulary import Severity

__all__ = [
    "CHECKS",
    "Check",
    "MatchFn",
    "MatchLike",
    "MatcherLike",
    "ScreeningContext",
    "affiliation_texts",
    "cached_match",
]


def _who(ctx: ScreeningContext, person_id: str) -> str:
    p = ctx.proposal.person(person_id)
    return f"{p.name} ({person_id})" if p else person_id


def _entry(refs: tuple[ListRef, ...]) -> str:
    """The organisation's name with every entry citing it: ``name [list id; list id]``."""
    return f"{refs[0].name} [{'; '.join(f'{r.list} {r.shown}' for r in refs)}]"


# --- the checks -------------------------------------------------------------------------


def listed_affiliation(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.5: a current affiliation (primary or concurrent, not ended) matches a list entry."""
    grouped = Grouped(ctx)
    for person in ctx.people_in_scope():
        for aff in person.affiliations:
            if aff.is_current(ctx.as_of):
                for m in ctx.match(aff.organization, aff.country):
                    grouped.add(person.id, m, evidence(aff.organization, m))
    for g in grouped:
        pid, refs, evs = g.subject, g.refs, g.evidence
        declared = "; ".join(f"“{e.affiliation}”" for e in evs)
        yield Finding(
            "listed_affiliation",
            pid,
            PERSON,
            ("Q3.5",),
            refs[0],
            evs,
            f"{_who(ctx, pid)} is currently affiliated with {declared}, which matches "
            f"{_entry(refs)}. Consult the institution's export-control office; if this person "
            "takes part, mitigation fitted to the information handled is expected.",
            f"{_who(ctx, pid)} の現在の所属 {declared} が {_entry(refs)} "
            "に該当する可能性があります。"
            "安全保障貿易管理担当部門に相談し、参加する場合は適切なリスク低減措置を講じる必要があります。",
            Severity.REPORT,
            list_entries=refs,
        )


def recent_coauthorship(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.6, Q3.9: a co-author on a work within the window is affiliated with a listed body.

    Co-authors who are team members do not count; a co-author's raw affiliation
    strings and institution names are both tested. One finding per (person, organisation),
    citing every list entry that names the organisation.
    """
    grouped = Grouped(ctx)
    for person in ctx.people_in_scope():
        for work, own in ctx.works_in_window(person.id):
            for i, a in enumerate(work.authorships):
                if i == own or ctx.links.is_team(work.id, i):
                    continue
                for text in affiliation_texts(a):
                    for m in ctx.match(text):
                        grouped.add(person.id, m, evidence(text, m, work, a.author_name))
    w = ctx.window
    for g in grouped:
        pid, refs, evs = g.subject, g.refs, g.evidence
        works = sorted({e.work_id for e in evs if e.work_id})
        authors = sorted({e.coauthor for e in evs if e.coauthor})
        yield Finding(
            "recent_coauthorship",
            pid,
            PERSON,
            ("Q3.6", "Q3.9"),
            refs[0],
            evs,
            f"{_who(ctx, pid)} co-authored {len(works)} work(s) in the last {w.years} years "
            f"({w.start} to {w.end}: {', '.join(works)}) with {', '.join(authors)}, whose "
            f"affiliation on the work matches {_entry(refs)}. This is to be reported in the "
            "questionnaire; mitigation as needed.",
            f"{_who(ctx, pid)} は直近{w.years}年（{w.start}〜{w.end}）に {_entry(refs)} に"
            "該当する可能性のある"
            f"機関所属の研究者（{', '.join(authors)}）と"
            f"共著 {len(works)} 件（{', '.join(works)}）が"
            "あります。アンケートへの記載が必要で、必要に応じてリスク低減措置を講じます。",
            Severity.REPORT,
            list_entries=refs,
        )


def undeclared_listed_affiliation(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.5, Q8.1: one's own affiliation on a recent work is listed, and no declared
    affiliation with that organisation (primary, concurrent or past) covers the work's date.

    Each piece of evidence says why (:func:`workbench.declared.undeclared_on`): not
    declared at all, or the work falls after a declared end or before a declared start;
    a work known only by its year or month that straddles a declared date is kept and
    marked uncertain.
    """
    grouped = Grouped(ctx)
    for person in ctx.people_in_scope():
        declared: dict[str, list[Affiliation]] = {}  # organisation -> declared affiliations
        for aff in person.affiliations:
            for m in ctx.match(aff.organization, aff.country):
                declared.setdefault(ctx.organisation(m.list_name, m.entry_id), []).append(aff)
        for work, own in ctx.works_in_window(person.id):
            a = work.authorships[own]
            for text in affiliation_texts(a):
                for m in ctx.match(text):
                    assert work.date is not None  # works_in_window keeps dated works only
                    org = ctx.organisation(m.list_name, m.entry_id)
                    gap = undeclared_on(declared.get(org, ()), work.date)
                    if gap is not None:
                        ev = replace(evidence(text, m, work), note=gap.text, note_ja=gap.text_ja)
                        grouped.add(person.id, m, ev)
    years = ctx.window.years
    for g in grouped:
        pid, refs, evs = g.subject, g.refs, g.evidence
        works = sorted({e.work_id for e in evs if e.work_id})
        why = _reasons(e.note for e in evs)
        why_ja = _reasons(e.note_ja for e in evs)
        yield Finding(
            "undeclared_listed_affiliation",
            pid,
            PERSON,
            ("Q3.5", "Q8.1"),
            refs[0],
            evs,
            f"On {len(works)} work(s) of the last {years} years ({', '.join(works)}) "
            f"{_who(ctx, pid)} gives an affiliation matching {_entry(refs)}, which the "
            f"questionnaire does not declare for the work's date ({why}). Verify the "
            "declaration; if it is inaccurate, the questionnaire is re-checked and submitted "
            "again.",
            f"{_who(ctx, pid)} は直近{years}年の論文 {len(works)} 件（{', '.join(works)}）で"
            f" {_entry(refs)} に"
            "該当する可能性のある所属を記載していますが、アンケートの申告はその論文の日付に及びません"
            f"（{why_ja}）。"
            "申告内容を確認してください（事実と異なる場合は再確認のうえ再提出）。",
            Severity.VERIFY,
            list_entries=refs,
        )


def _reasons(notes: Iterable[str | None], most: int = 3) -> str:
    """The distinct notes, in order, at most ``most`` of them then "…"."""
    distinct = list(dict.fromkeys(n for n in notes if n))
    return "; ".join(distinct[:most]) + ("; …" if len(distinct) > most else "")


def past_affiliation(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.9: a past affiliation matches a list entry — informational, not reportable by itself."""
    grouped = Grouped(ctx)
    for person in ctx.people_in_scope():
        for aff in person.affiliations:
            ended = aff.end is not None and aff.end < ctx.as_of
            if aff.type is AffiliationType.PAST or ended:
                for m in ctx.match(aff.organization, aff.country):
                    grouped.add(person.id, m, evidence(aff.organization, m))
    for g in grouped:
        pid, refs, evs = g.subject, g.refs, g.evidence
        yield Finding(
            "past_affiliation",
            pid,
            PERSON,
            ("Q3.9",),
            refs[0],
            evs,
            f"{_who(ctx, pid)} was formerly affiliated with {_entry(refs)}. Not reportable by "
            "itself; only co-authorship with its researchers within the window (the last "
            f"{ctx.window.years} years) is reported.",
            f"{_who(ctx, pid)} は過去に {_entry(refs)} に所属していました。現在所属していなければ"
            f"記載不要ですが、確認期間（直近{ctx.window.years}年）の当該機関所属研究者との共著は"
            "記載対象です。",
            Severity.INFO,
            list_entries=refs,
        )


def partner_listed(ctx: ScreeningContext) -> Iterator[Finding]:
    """Q3.4: an in-scope organization, or an investor clearly identified in it, is listed.

    An investor's evidence carries the chain from the company to the investor and the
    investor as declared (its ``note``), for the evidence panel.
    """
    grouped = Grouped(ctx)
    for org in ctx.proposal.organizations:
        if not ctx.scope.includes(ORGANIZATION, org.id):
            continue
        for n in (x for x in (org.name, org.name_local) if x):
            for m in ctx.match(n, org.country):
                grouped.add(org.id, m, evidence(n, m), "the organization itself")
        for i in org.investors:
            if not i.clearly_identified:
                continue
            country = f", {i.country}" if i.country else ""
            chain = (
                f"{org.name} → investor “{i.name}” (declared as clearly identified{country})",
                f"{org.name} → 出資者「{i.name}」（出資が明らかな機関として申告{country}）",
            )
            for m in ctx.match(i.name, i.country):
                ev = replace(evidence(i.name, m), note=chain[0], note_ja=chain[1])
                grouped.add(org.id, m, ev, "its investor")
    for g in grouped:
        oid, refs, evs = g.subject, g.refs, g.evidence
        org_name = next(o.name for o in ctx.proposal.organizations if o.id == oid)
        whom = " and ".join(sorted(g.tags))
        names = "; ".join(f"“{e.affiliation}”" for e in evs)
        yield Finding(
            "partner_listed",
            oid,
            ORGANIZATION,
            ("Q3.4",),
            refs[0],
            evs,
            f"{org_name} ({oid}): {whom} ({names}) matches {_entry(refs)}. Consult the "
            "institution's office; mitigation as needed.",
            f"{org_name}（{oid}）：{names} が {_entry(refs)} に該当する可能性があります"
            "（企業本体または出資が明らかな機関）。所属機関の担当部署に相談し、必要に応じてリスク低減措置を講じます。",
            Severity.REPORT,
            list_entries=refs,
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
                "対象となり、必要に応じてリスク低減措置を講じます。非居住者であること自体は懸念を意味しません。",
                Severity.CONTROL,
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
                "必要に応じてリスク低減措置を講じます。特定類型に該当すること自体は懸念を意味しません。",
                Severity.CONTROL,
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
