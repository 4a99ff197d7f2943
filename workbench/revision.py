"""What changed between two versions of a proposal's questionnaire, and of its findings.

A revised questionnaire (FAQ Q7.1, Q8.1) is compared with the previous one:
persons added or removed, and for each person kept the changes of name, side,
role, lab, residency, specific category and affiliations; organizations (partners,
co-funders, external collaborators) added or removed, their role, funding and
investors. Persons and organizations are matched by their id. Findings of the
two screenings are matched by their key (check, subject, list, entry): new,
gone, unchanged. Pure functions over the domain records; nothing is read or written.

Examples
--------
>>> from workbench.model import Person, Proposal, Side
>>> a = Person("p1", "Sato", Side.JP, "PI")
>>> old = Proposal("X", "t", (a,))
>>> new = Proposal("X", "t", (a, Person("p2", "Li", Side.JP, "researcher")))
>>> [c.text("en") for c in compare_proposals(old, new).changes]
['person p2 Li added (researcher, JP)']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.findings import Finding
from workbench.model import Affiliation, Investor, Proposal

#: Person fields compared one by one: field -> (Japanese label, English label).
PERSON_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("氏名", "name"),
    "side": ("日本側・オランダ側", "side"),
    "role": ("役割", "role"),
    "lab_of": ("所属研究室", "lab of"),
    "lab_site": ("研究室の所在機関", "lab site"),
    "involved_in_research": ("研究への参加", "involved in research"),
    "accesses_research_information": ("研究情報へのアクセス", "access to research information"),
    "residency": ("居住性", "residency"),
    "specific_category": ("特定類型", "specific category"),
    "orcid": ("ORCID", "ORCID"),
    "openalex_id": ("OpenAlex ID", "OpenAlex id"),
}
ORG_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("名称", "name"),
    "role": ("参加形態", "role"),
    "country": ("国", "country"),
    "receives_funding": ("研究費の配分", "receives funding"),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the versions, about one person or organization."""

    kind: str  # person-added | person-removed | person-changed | affiliation-added | …
    subject: str  # person or organization id
    field: str  # the field changed ("" for added / removed)
    old: str
    new: str
    ja: str
    en: str

    def text(self, lang: str = "ja") -> str:
        return self.ja if lang == "ja" else self.en

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "ja": self.ja,
            "en": self.en,
        }


@dataclass(frozen=True, slots=True)
class ProposalChanges:
    old_source: str
    new_source: str
    changes: tuple[Change, ...]

    @property
    def unchanged(self) -> bool:
        return not self.changes

    def of_kind(self, *kinds: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind in kinds)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old_source,
            "new": self.new_source,
            "changes": [c.to_json() for c in self.changes],
        }


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def _affiliation(a: Affiliation) -> str:
    span = f"{a.start or ''}–{a.end or ''}" if a.start or a.end else ""
    return ", ".join(x for x in (a.organization, a.country or "", a.type.value, span) if x)


def _investor(i: Investor) -> str:
    return f"{i.name} ({i.country})" if i.country else i.name


def _field_changes(
    kind: str, subject: str, old: object, new: object, fields: dict[str, tuple[str, str]]
) -> list[Change]:
    out = []
    for name, (ja, en) in fields.items():
        a, b = _show(getattr(old, name)), _show(getattr(new, name))
        if a != b:
            out.append(
                Change(
                    kind,
                    subject,
                    name,
                    a,
                    b,
                    f"{subject}: {ja} {a} → {b}",
                    f"{subject}: {en} {a} → {b}",
                )
            )
    return out


def _set_changes(
    subject: str, kind: str, old: Iterable[str], new: Iterable[str], ja: str, en: str
) -> list[Change]:
    before, after = list(dict.fromkeys(old)), list(dict.fromkeys(new))
    out = [
        Change(
            f"{kind}-removed",
            subject,
            kind,
            x,
            "",
            f"{subject}: {ja}削除 {x}",
            f"{subject}: {en} removed: {x}",
        )
        for x in before
        if x not in after
    ]
    out += [
        Change(
            f"{kind}-added",
            subject,
            kind,
            "",
            x,
            f"{subject}: {ja}追加 {x}",
            f"{subject}: {en} added: {x}",
        )
        for x in after
        if x not in before
    ]
    return out


@dataclass(frozen=True, slots=True)
class _Kind:
    """How records of one kind (persons, organizations) are named and compared."""

    name: str  # person | organization
    ja: str
    fields: dict[str, tuple[str, str]]
    part: str  # the repeated part compared as a set: affiliation | investor
    part_ja: str
    parts: Callable[[Any], Iterable[str]]
    described: Callable[[Any], str]  # what an added record is shown with


PERSONS = _Kind(
    "person",
    "研究者",
    PERSON_FIELDS,
    "affiliation",
    "所属",
    lambda p: (_affiliation(a) for a in p.affiliations),
    lambda p: f"{p.role}, {p.side.value}",
)
ORGANIZATIONS = _Kind(
    "organization",
    "協力機関",
    ORG_FIELDS,
    "investor",
    "出資者",
    lambda o: (_investor(i) for i in o.investors),
    lambda o: o.role.value,
)


def _record_changes(kind: _Kind, old: Sequence[Any], new: Sequence[Any]) -> list[Change]:
    """Records removed, added, and changed field by field and part by part (matched by id)."""
    before, after = {r.id: r for r in old}, {r.id: r for r in new}
    out = [
        Change(f"{kind.name}-removed", rid, "", r.name, "", f"{kind.ja} {rid} {r.name} を削除",
               f"{kind.name} {rid} {r.name} removed")
        for rid, r in before.items()
        if rid not in after
    ]  # fmt: skip
    for rid, r in after.items():
        if rid not in before:
            what = kind.described(r)
            out.append(
                Change(f"{kind.name}-added", rid, "", "", r.name,
                       f"{kind.ja} {rid} {r.name} を追加（{what}）",
                       f"{kind.name} {rid} {r.name} added ({what})")
            )  # fmt: skip
            continue
        q = before[rid]
        out += _field_changes(f"{kind.name}-changed", rid, q, r, kind.fields)
        out += _set_changes(rid, kind.part, kind.parts(q), kind.parts(r), kind.part_ja, kind.part)
    return out


def compare_proposals(old: Proposal, new: Proposal) -> ProposalChanges:
    """Every difference between two versions of one proposal, persons first."""
    changes = _record_changes(PERSONS, old.people, new.people) + _record_changes(
        ORGANIZATIONS, old.organizations, new.organizations
    )
    return ProposalChanges(old.source, new.source, tuple(changes))


@dataclass(frozen=True, slots=True)
class FindingChanges:
    """The findings of the new version's screening against the old one's."""

    new: tuple[Finding, ...]
    gone: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]

    def status(self, key: str) -> str | None:
        """``new``, ``gone`` or ``unchanged`` for a finding key, None if in neither screening."""
        for name, group in (("new", self.new), ("gone", self.gone), ("unchanged", self.unchanged)):
            if any(f.key == key for f in group):
                return name
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "new": [f.key for f in self.new],
            "gone": [f.key for f in self.gone],
            "unchanged": [f.key for f in self.unchanged],
        }


def compare_findings(old: Iterable[Finding], new: Iterable[Finding]) -> FindingChanges:
    """Findings matched by key: raised only now, only before, or in both (the new one kept)."""
    before = {f.key: f for f in old}
    after = {f.key: f for f in new}
    return FindingChanges(
        new=tuple(f for k, f in after.items() if k not in before),
        gone=tuple(f for k, f in before.items() if k not in after),
        unchanged=tuple(f for k, f in after.items() if k in before),
    )


def render_comparison(changes: ProposalChanges, findings: FindingChanges, lang: str = "ja") -> str:
    """The comparison as a plain-text section of the screening report."""
    ja = lang == "ja"
    lines = [
        "== 前版との比較 ==" if ja else "== Compared with the previous version ==",
        f"{'前版' if ja else 'previous'}: {changes.old_source}",
    ]
    if changes.unchanged:
        lines.append("質問票の変更なし" if ja else "questionnaire unchanged")
    lines += [f"  - {c.text(lang)}" for c in changes.changes]
    counts = (len(findings.new), len(findings.gone), len(findings.unchanged))
    lines.append(
        "指摘: 新規 {} · 解消 {} · 変わらず {}".format(*counts)
        if ja
        else "findings: new {} · gone {} · unchanged {}".format(*counts)
    )
    for label, group in (("new", findings.new), ("gone", findings.gone)):
        word = {"new": "新規", "gone": "解消"}[label] if ja else label
        lines += [f"  [{word}] {f.key}: {f.summary_ja if ja else f.summary}" for f in group]
    return "\n".join(lines) + "\n"
