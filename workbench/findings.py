"""Findings: what a check raises, with the evidence a reviewer needs to judge it.

A finding is evidence for a human judgment, never a verdict. It names the check
that raised it, the person or organization it concerns, the FAQ questions it
rests on, the exact list entry (and list version) where a list is involved, and
every supporting work and affiliation string. Its :attr:`Finding.key` is stable
across runs, so the judgments store can attach dispositions to it.

Examples
--------
>>> ref = ListRef("METI End User List", "jp-eul-541", "Harbin Institute of Technology (HIT)")
>>> f = Finding(
...     check="past_affiliation", subject="p2", subject_kind="person", faq=("Q3.9",),
...     list_entry=ref, evidence=(), summary="…", summary_ja="…", severity=Severity.INFO,
... )
>>> f.key
'past_affiliation:p2:METI End User List:jp-eul-541'
>>> Finding("non_resident", "p3", "person", ("Q3.12",), None, (), "…", "…", Severity.CONTROL).key
'non_resident:p3::'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from workbench.vocabulary import Severity

T = TypeVar("T")

PERSON = "person"
ORGANIZATION = "organization"


@dataclass(frozen=True, slots=True)
class ListRef:
    """The list entry a finding rests on, with the list's version."""

    list: str
    entry_id: str
    name: str
    version: date | None = None
    #: the id shown to a reader: the list's own number, or a long hash shortened
    #: (:func:`workbench.list_labels.shown_id`); ``None`` means ``entry_id`` itself
    shown_id: str | None = None

    @property
    def shown(self) -> str:
        return self.shown_id or self.entry_id

    def to_json(self) -> dict[str, Any]:
        return {
            "list": self.list,
            "entry_id": self.entry_id,
            "name": self.name,
            "version": self.version.isoformat() if self.version else None,
            "shown_id": self.shown,
        }


#: The warning carried by evidence whose affiliation hid or disguised characters.
DISGUISE_WARNING = "affiliation contains hidden or look-alike characters"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of support: a work and affiliation string, or a declared affiliation.

    ``work_id`` is empty for evidence taken from the questionnaire itself (a
    declared affiliation, an investor); ``coauthor`` is set only for
    co-authorship evidence. ``warning`` is a note for the reviewer about the
    evidence itself (:data:`DISGUISE_WARNING` when the affiliation had hidden or
    look-alike characters).
    """

    work_id: str | None = None
    doi: str | None = None
    date: str | None = None  # ISO form with the source's precision: 2024, 2024-05, 2024-05-14
    date_uncertain: bool = False
    coauthor: str | None = None
    affiliation: str | None = None
    matched_text: str | None = None
    score: float | None = None
    span: tuple[int, int] | None = None
    warning: str | None = None
    #: how the matcher found the organisation: alias matched, its kind, guards and vetoes
    explanation: str | None = None
    #: why this evidence counts, where the check says (e.g. the declared affiliation's end)
    note: str | None = None
    note_ja: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "work_id": self.work_id,
            "doi": self.doi,
            "date": self.date,
            "date_uncertain": self.date_uncertain,
            "coauthor": self.coauthor,
            "affiliation": self.affiliation,
            "matched_text": self.matched_text,
            "score": None if self.score is None else round(self.score, 4),
            "span": list(self.span) if self.span else None,
        }
        if self.warning:
            out["warning"] = self.warning
        if self.explanation:
            out["explanation"] = self.explanation
        if self.note:
            out["note"] = self.note
            out["note_ja"] = self.note_ja
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """What one check raised about one subject (and one organisation, where a list is involved).

    An organisation several lists name (Beihang University: METI's list and the US
    Entity List) is one finding citing every entry: ``list_entries``, lists in the
    order given; ``list_entry`` is the first of them. ``list_entries`` left empty
    means ``(list_entry,)``.
    """

    check: str
    subject: str  # person or organization id
    subject_kind: str  # PERSON or ORGANIZATION
    faq: tuple[str, ...]
    list_entry: ListRef | None
    evidence: tuple[Evidence, ...]
    summary: str  # plain English
    summary_ja: str
    severity: Severity
    list_entries: tuple[ListRef, ...] = ()

    @property
    def entries(self) -> tuple[ListRef, ...]:
        """Every list entry the finding cites, the first being ``list_entry``."""
        if self.list_entries:
            return self.list_entries
        return (self.list_entry,) if self.list_entry else ()

    @property
    def key(self) -> str:
        """``"{check}:{subject}:{list}:{entry_id}"`` of the first entry — stable, used by the
        judgments store. A finding that cites one entry has the key it always had; one that
        cites several has the key its first entry's finding had (see :attr:`entry_keys`)."""
        return _key(self.check, self.subject, self.list_entry)

    @property
    def entry_keys(self) -> tuple[str, ...]:
        """The key of each entry cited, ``key`` first: the keys the findings had when one
        was raised per list entry, under which older dispositions may be stored."""
        return tuple(_key(self.check, self.subject, r) for r in self.entries) or (self.key,)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "check": self.check,
            "subject": self.subject,
            "subject_kind": self.subject_kind,
            "severity": self.severity,
            "faq": list(self.faq),
            "list_entry": self.list_entry.to_json() if self.list_entry else None,
            "list_entries": [r.to_json() for r in self.entries],
            "evidence": [e.to_json() for e in self.evidence],
            "summary": self.summary,
            "summary_ja": self.summary_ja,
        }


def _key(check: str, subject: str, ref: ListRef | None) -> str:
    return f"{check}:{subject}:{ref.list if ref else ''}:{ref.entry_id if ref else ''}"


def by_finding(findings: Iterable[Finding], stored: Mapping[str, T]) -> dict[str, T]:
    """Values ``stored`` by finding key (dispositions), each under the key of the finding now
    citing it: a finding's own key first, else the first of its :attr:`~Finding.entry_keys`
    holding one — so a disposition recorded when each list entry was a finding of its own
    still covers the one finding that now cites them all. Keys of no finding are kept as they
    are.

    >>> a = ListRef("METI", "m1", "NWPU")
    >>> b = ListRef("CSL", "c1", "NWPU")
    >>> f = Finding("recent_coauthorship", "p2", PERSON, (), a, (), "", "", Severity.REPORT, (a, b))
    >>> by_finding([f], {"recent_coauthorship:p2:CSL:c1": "dismissed", "x": "open"})
    {'recent_coauthorship:p2:METI:m1': 'dismissed', 'x': 'open'}
    """
    out: dict[str, T] = {}
    used: set[str] = set()
    for f in findings:
        k = next((k for k in f.entry_keys if k in stored), None)
        if k is not None:
            out[f.key] = stored[k]
            used.update(f.entry_keys)
    out.update({k: v for k, v in stored.items() if k not in used and k not in out})
    return out


def export_row(finding: Mapping[str, Any], language: str = "ja") -> dict[str, Any]:
    """A finding of ``workbench screen``'s JSON as a review record's export shows it: the
    summary in ``language``, the FAQ questions as ``Q3.6, Q3.9``, every list entry cited
    by the id a reader is shown (the full ids stay in the JSON).

    >>> row = export_row({"key": "k", "check": "recent_coauthorship", "subject": "p2",
    ...                   "faq": ["Q3.6", "Q3.9"], "summary": "co-authored", "summary_ja": "共著",
    ...                   "list_entries": [{"list": "METI", "entry_id": "m1", "shown_id": "m1"}]})
    >>> row["faq"], row["summary"], row["entries"]
    ('Q3.6, Q3.9', '共著', 'METI m1')
    """
    faq = finding.get("faq") or ()
    summary = finding.get("summary_ja") if language == "ja" else finding.get("summary")
    entries = finding.get("list_entries") or []
    return {
        "key": finding.get("key"),
        "check": finding.get("check"),
        "subject": finding.get("subject"),
        "summary": summary or finding.get("summary") or finding.get("summary_ja"),
        "faq": faq if isinstance(faq, str) else ", ".join(str(q) for q in faq),
        "entries": "; ".join(
            f"{e.get('list')} {e.get('shown_id') or e.get('entry_id')}" for e in entries
        ),
        "list_entries": list(entries),  # in full, for the record's JSON
    }


def sort_findings(findings: list[Finding]) -> tuple[Finding, ...]:
    """Strongest severity first, then by check, subject and entry: a stable order for reports."""
    return tuple(sorted(findings, key=lambda f: (Severity(f.severity).rank, f.check, f.key)))
