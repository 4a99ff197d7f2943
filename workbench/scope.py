"""Who and what is screened: every person and organization, in or out, with the reason.

The rules, in the order they are applied to a person:

1. Dutch-side team members are out: JST screens the Japanese side only (Q3.2, Q5.1).
2. Anyone who neither takes part in the research nor accesses research
   information (a secretary, a clerk) is out (Q3.7).
3. A member of a PI's or Co-PI's lab at that PI's concurrent research
   institution (``lab_site`` equal to a concurrent affiliation of ``lab_of``) is in (Q3.8).
4. An outside collaborator of the Japanese side is in (Q3.2).
5. A lab member who takes part in the research or accesses its information is in (Q3.7).
6. Every other Japanese-side member is in (Q3.2).

Every cooperating organization is in, funded or not: cooperation partners and
co-funders (Q3.3, and Q3.4 for companies) and external collaborators (Q3.2, Q3.4).

Examples
--------
>>> from workbench.model import Person, Proposal, Side
>>> p = Proposal("X", "t", (Person("a", "A", Side.JP, "PI"), Person("b", "B", Side.NL, "PI")))
>>> s = decide_scope(p)
>>> [d.id for d in s.included], [(d.id, d.faq) for d in s.excluded]
(['a'], [('b', ('Q3.2', 'Q5.1'))])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.findings import ORGANIZATION, PERSON
from workbench.model import AffiliationType, OrgRole, Person, Proposal, Side

LEAD_ROLES = frozenset({"PI", "Co-PI"})


@dataclass(frozen=True, slots=True)
class ScopeDecision:
    """One person's or organization's place in or out of scope, with the FAQ it rests on."""

    id: str
    kind: str  # PERSON or ORGANIZATION
    name: str
    in_scope: bool
    reason: str
    reason_ja: str
    faq: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "reason": self.reason,
            "reason_ja": self.reason_ja,
            "faq": list(self.faq),
        }


@dataclass(frozen=True, slots=True)
class Scope:
    decisions: tuple[ScopeDecision, ...]
    #: (kind, id) -> the first decision about it; lookups stay constant-time for large teams
    _by_key: dict[tuple[str, str], ScopeDecision] = field(
        init=False, repr=False, compare=False, hash=False
    )

    _included: frozenset[tuple[str, str]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_key: dict[tuple[str, str], ScopeDecision] = {}
        for d in self.decisions:
            by_key.setdefault((d.kind, d.id), d)
        object.__setattr__(self, "_by_key", by_key)
        included = frozenset((d.kind, d.id) for d in self.decisions if d.in_scope)
        object.__setattr__(self, "_included", included)

    @property
    def included(self) -> tuple[ScopeDecision, ...]:
        return tuple(d for d in self.decisions if d.in_scope)

    @property
    def excluded(self) -> tuple[ScopeDecision, ...]:
        return tuple(d for d in self.decisions if not d.in_scope)

    def includes(self, kind: str, id_: str) -> bool:
        return (kind, id_) in self._included

    def decision(self, kind: str, id_: str) -> ScopeDecision | None:
        return self._by_key.get((kind, id_))

    def to_json(self) -> dict[str, Any]:
        return {
            "in": [d.to_json() for d in self.included],
            "out": [d.to_json() for d in self.excluded],
        }


def _same_place(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def concurrent_lab_site(person: Person, proposal: Proposal) -> str | None:
    """The concurrent institution of the person's PI/Co-PI where the person works, if any (Q3.8)."""
    if person.lab_of is None or person.lab_site is None:
        return None
    lead = proposal.person(person.lab_of)
    if lead is None or lead.role not in LEAD_ROLES:
        return None
    for aff in lead.affiliations:
        if aff.type is AffiliationType.CONCURRENT and _same_place(
            aff.organization, person.lab_site
        ):
            return aff.organization
    return None


def _person(person: Person, proposal: Proposal) -> ScopeDecision:
    def out(reason: str, reason_ja: str, *faq: str) -> ScopeDecision:
        return ScopeDecision(person.id, PERSON, person.name, False, reason, reason_ja, faq)

    def in_(reason: str, reason_ja: str, *faq: str) -> ScopeDecision:
        return ScopeDecision(person.id, PERSON, person.name, True, reason, reason_ja, faq)

    if person.side is Side.NL:
        return out(
            "Dutch-side team member: JST screens the Japanese-side team only",
            "オランダ側研究体制のメンバー（JST の確認範囲外）",
            "Q3.2",
            "Q5.1",
        )
    if not person.involved_in_research and not person.accesses_research_information:
        return out(
            f"{person.role} who neither takes part in the research "
            "nor accesses research information",
            f"研究に直接関与せず研究情報にアクセスしない{person.role}",
            "Q3.7",
        )
    site = concurrent_lab_site(person, proposal)
    if site is not None:
        return in_(
            f"member of {person.lab_of}'s lab at the concurrent research institution {site}",
            f"{person.lab_of} の兼務先（{site}）の研究室メンバー",
            "Q3.8",
        )
    if person.role == "external-collaborator":
        return in_(
            "collaborator outside the Japanese-side team",
            "日本側研究体制外の協力研究者",
            "Q3.2",
        )
    if person.lab_of is not None:
        return in_(
            f"member of {person.lab_of}'s lab taking part in the research "
            "or accessing research information",
            f"{person.lab_of} の研究室で研究に関与する（または研究情報にアクセスする）メンバー",
            "Q3.7",
        )
    return in_("Japanese-side team member", "日本側研究体制のメンバー", "Q3.2")


_ORG_RULES: dict[OrgRole, tuple[str, str, tuple[str, ...]]] = {
    OrgRole.COOPERATION_PARTNER: (
        "cooperation partner",
        "Cooperation partner（協力機関）",
        ("Q3.3", "Q3.4"),
    ),
    OrgRole.CO_FUNDER: ("co-funder", "Co-funder（協力機関）", ("Q3.3",)),
    OrgRole.EXTERNAL_COLLABORATOR: (
        "collaborator outside the proposed team",
        "研究体制外の協力機関",
        ("Q3.2", "Q3.4"),
    ),
}


def decide_scope(proposal: Proposal) -> Scope:
    """Decide scope for every person and organization of the proposal."""
    decisions = [_person(p, proposal) for p in proposal.people]
    for org in proposal.organizations:
        what, what_ja, faq = _ORG_RULES[org.role]
        funded = "funded" if org.receives_funding else "receiving no funding"
        funded_ja = "研究資金あり" if org.receives_funding else "研究資金なし"
        decisions.append(
            ScopeDecision(
                org.id,
                ORGANIZATION,
                org.name,
                True,
                f"{what}, {funded}",
                f"{what_ja}・{funded_ja}",
                faq,
            )
        )
    return Scope(tuple(decisions))
