"""One proposal's screening as plain rows: what the portfolio tables are made of.

:func:`result_rows` turns a :class:`~workbench.screening.ScreeningResult` into
:class:`ProposalRows` — lists of dicts holding only text, numbers, booleans
and ``None`` — so that they travel between processes (Dask workers) unchanged
and both engines build the very same tables from them.

Examples
--------
>>> rows = failed_rows("P-9", "/data/P-9", [])
>>> rows.proposal["status"], rows.findings
('failed', [])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.errors import Problem
from workbench.model import Proposal, ScreeningList, Work

Row = dict[str, Any]

SCREENED = "screened"
FAILED = "failed"


@dataclass(frozen=True)
class ProposalRows:
    """The rows one proposal contributes to each portfolio table."""

    proposal: Row
    findings: list[Row] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)
    scope: list[Row] = field(default_factory=list)
    problems: list[Row] = field(default_factory=list)
    #: the strings its screening can ask the matcher about (:mod:`workbench.portfolio.strings`):
    #: of its works (asked without a country), and declared (with the declared country)
    texts: tuple[str | tuple[str, str | None], ...] = ()


def problem_rows(
    folder_id: str, problems: Iterable[Problem], proposal_id: str | None = None
) -> list[Row]:
    return [
        {
            "folder": folder_id,
            "proposal_id": proposal_id,
            "file": p.file,
            "location": p.location,
            "field": p.field,
            "message": p.message,
            "expected": p.expected,
            "severity": str(p.severity),
        }
        for p in problems
    ]


def failed_rows(folder_id: str, folder: str, problems: Iterable[Problem]) -> ProposalRows:
    """The rows of a proposal that could not be screened: its status and its problems."""
    return ProposalRows(
        proposal={
            "folder": folder_id,
            "path": folder,
            "proposal_id": None,
            "status": FAILED,
        },
        problems=problem_rows(folder_id, problems),
    )


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """What the findings table says of a list entry besides its id and name."""

    country: str | None = None
    entity_type: str | None = None
    #: the organisation it names, one key across lists (see workbench.matching.same_organisation)
    organisation: str | None = None
    organisation_name: str | None = None
    organisation_lists: str | None = None  # the lists naming it, "; "-joined


EntryInfo = Mapping[tuple[str, str], EntryFacts]
_NO_FACTS = EntryFacts()


def entry_info(lists: Sequence[ScreeningList]) -> dict[tuple[str, str], EntryFacts]:
    """(list, entry id) -> :class:`EntryFacts`, for the findings table (made once per run)."""
    from workbench.organisations import organisations

    same = organisations(lists)
    out: dict[tuple[str, str], EntryFacts] = {}
    for lst in lists:
        for e in lst.entries:
            org = same.get((lst.name, e.entry_id))
            out[(lst.name, e.entry_id)] = EntryFacts(
                e.country,
                e.entity_type,
                org.key if org else None,
                org.name if org else None,
                "; ".join(org.lists) if org else None,
            )
    return out


def _subject_names(proposal: Proposal) -> dict[str, str]:
    names = {p.id: p.name for p in proposal.people}
    names.update({o.id: o.name for o in proposal.organizations})
    return names


def result_rows(
    folder_id: str,
    folder: str,
    proposal: Proposal,
    works: tuple[Work, ...],
    result: Any,  # workbench.screening.ScreeningResult
    entries: EntryInfo,
    problems: Iterable[Problem] = (),
    counts: tuple[int, int] | None = None,
) -> ProposalRows:
    """The rows of one screened proposal (``counts``: its works and authorships, when
    ``works`` holds only those its screening depends on)."""
    pid = proposal.proposal_id
    names = _subject_names(proposal)
    suggested = result.suggested_outcome
    proposal_row: Row = {
        "folder": folder_id,
        "path": folder,
        "proposal_id": pid,
        "status": SCREENED,
        "title": proposal.title,
        "call": proposal.call,
        "field": proposal.field,
        "submitted": proposal.submitted.isoformat() if proposal.submitted else None,
        "as_of": result.as_of.isoformat(),
        "window_start": result.window_start.isoformat(),
        "people": len(proposal.people),
        "organizations": len(proposal.organizations),
        "works": counts[0] if counts else len(works),
        "authorships": counts[1] if counts else sum(len(w.authorships) for w in works),
        "findings": len(result.findings),
        "suggested_outcome": suggested.code,
        "lists": "; ".join(f"{x.name} {x.version or ''}".strip() for x in result.lists),
    }
    finding_rows: list[Row] = []
    evidence_rows: list[Row] = []
    for f in result.findings:
        ref = f.list_entry
        facts = entries.get((ref.list, ref.entry_id), _NO_FACTS) if ref else _NO_FACTS
        finding_rows.append(
            {
                "proposal_id": pid,
                "key": f.key,
                "check": f.check,
                "severity": f.severity,
                "subject": f.subject,
                "subject_kind": f.subject_kind,
                "subject_name": names.get(f.subject),
                "faq": ";".join(f.faq),
                "list": ref.list if ref else None,
                "list_version": ref.version.isoformat() if ref and ref.version else None,
                "entry_id": ref.entry_id if ref else None,
                "entry_name": ref.name if ref else None,
                "lists": "; ".join(dict.fromkeys(r.list for r in f.entries)) or None,
                "entries": "; ".join(f"{r.list}:{r.entry_id}" for r in f.entries) or None,
                "entry_keys": f.entry_keys,  # not a column: joins older dispositions
                "entry_country": facts.country,
                "entry_type": facts.entity_type,
                "organisation": facts.organisation,
                "organisation_name": facts.organisation_name,
                "organisation_lists": facts.organisation_lists,
                "evidence": len(f.evidence),
                "summary": f.summary,
                "summary_ja": f.summary_ja,
            }
        )
        for n, e in enumerate(f.evidence):
            evidence_rows.append(
                {
                    "proposal_id": pid,
                    "key": f.key,
                    "n": n,
                    "check": f.check,
                    "subject": f.subject,
                    "list": ref.list if ref else None,
                    "entry_id": ref.entry_id if ref else None,
                    "entry_name": ref.name if ref else None,
                    "organisation_name": facts.organisation_name,
                    "work_id": e.work_id,
                    "doi": e.doi,
                    "date": e.date,
                    "year": int(e.date[:4]) if e.date else None,
                    "date_uncertain": e.date_uncertain,
                    "coauthor": e.coauthor,
                    "affiliation": e.affiliation,
                    "matched_text": e.matched_text,
                    "score": None if e.score is None else round(float(e.score), 6),
                }
            )
    scope_rows = [
        {
            "proposal_id": pid,
            "id": d.id,
            "kind": d.kind,
            "name": d.name,
            "in_scope": d.in_scope,
            "reason": d.reason,
            "reason_ja": d.reason_ja,
            "faq": ";".join(d.faq),
        }
        for d in result.scope.decisions
    ]
    return ProposalRows(
        proposal_row,
        finding_rows,
        evidence_rows,
        scope_rows,
        problem_rows(folder_id, [*problems, *result.warnings], pid),
    )
