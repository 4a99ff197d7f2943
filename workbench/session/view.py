"""What the review page shows of one screened proposal: plain frozen values.

Built from the screening result's records (:class:`~workbench.screening.ScreeningResult`:
its findings, scope decisions and suggested outcome), the proposal (for names) and
the loaded lists (for an entry's aliases and reasons), so the widgets read one
stable shape made straight from what the checks found. The JSON of
``workbench screen`` is made from the same records; a test holds the two together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from typing import TYPE_CHECKING, Any

from workbench.model import ListEntry, Proposal, ScreeningList
from workbench.vocabulary import Severity, Suggested
from workbench.window import DEFAULT_YEARS

if TYPE_CHECKING:  # the screening (and the matcher it imports) only when a proposal is shown
    from workbench.findings import Evidence, Finding
    from workbench.list_updates.status import ListWarning
    from workbench.outcome import SuggestedOutcome
    from workbench.scope import ScopeDecision
    from workbench.screening import ScreeningResult


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    work_id: str
    title: str
    doi: str
    date: str
    date_uncertain: bool
    coauthor: str
    affiliation: str
    matched_text: str
    score: float | None
    span: tuple[int, int] | None = None
    warning: str = ""  # e.g. the affiliation hid or disguised characters
    explanation: str = ""  # the matcher's: alias matched, its kind, guards and vetoes


@dataclass(frozen=True, slots=True)
class FindingRow:
    key: str
    check: str
    subject: str
    subject_name: str
    faq: tuple[str, ...]
    list_name: str
    entry_id: str
    entry_name: str
    severity: Severity
    summary: str
    summary_ja: str
    evidence: tuple[EvidenceRow, ...] = ()
    #: every (list, entry id) the finding cites — an organisation several lists name
    entries: tuple[tuple[str, str], ...] = ()
    #: the id of the first entry as a reader is shown it (the list's own number, or a
    #: long hash shortened); "" when it is ``entry_id`` itself
    shown_id: str = ""

    @property
    def entry_shown(self) -> str:
        """The first entry's id as shown (``entry_id`` when it has no other form)."""
        return self.shown_id or self.entry_id

    @property
    def severity_rank(self) -> int:
        return self.severity.rank

    def summary_in(self, language: str) -> str:
        if language == "ja" and self.summary_ja:
            return self.summary_ja
        return self.summary or self.summary_ja


@dataclass(frozen=True, slots=True)
class ScopeRow:
    id: str
    name: str
    kind: str  # person / organization
    inside: bool
    reason: str
    faq: tuple[str, ...]
    reason_ja: str = ""

    def reason_in(self, language: str) -> str:
        return self.reason_ja if language == "ja" and self.reason_ja else self.reason


@dataclass(frozen=True, slots=True)
class ListRow:
    name: str
    version: str
    entries: int
    source: str = ""  # the list file screened against (partial copies are flagged by name)


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    code: Suggested
    text: str
    finding_keys: tuple[str, ...]
    faq: tuple[str, ...]
    text_ja: str = ""

    def text_in(self, language: str) -> str:
        return self.text_ja if language == "ja" and self.text_ja else self.text


@dataclass(frozen=True, slots=True)
class ReviewView:
    """One screened proposal as the page shows it."""

    proposal_id: str
    title: str
    field: str
    call: str
    submitted: str
    as_of: str
    window_start: str
    lists: tuple[ListRow, ...]
    scope: tuple[ScopeRow, ...]
    findings: tuple[FindingRow, ...]
    outcome: OutcomeRow
    warnings: tuple[str, ...] = ()
    works: int = 0
    entries: Mapping[tuple[str, str], ListEntry] = dc_field(default_factory=dict)
    years: int = DEFAULT_YEARS  # the look-back window screened with

    def finding(self, key: str) -> FindingRow | None:
        return next((f for f in self.findings if f.key == key), None)

    def entry(self, row: FindingRow) -> ListEntry | None:
        return self.entries.get((row.list_name, row.entry_id))

    @property
    def disguised(self) -> tuple[str, ...]:
        """Persons (``name (id)``) whose evidence holds an affiliation with hidden or look-alike
        characters: the disguise is itself a signal for the reviewer."""
        names = (
            f"{f.subject_name} ({f.subject})"
            for f in self.findings
            if any(e.warning for e in f.evidence)
        )
        return tuple(dict.fromkeys(names))

    @property
    def checks(self) -> tuple[str, ...]:
        return tuple(sorted({f.check for f in self.findings}))

    @property
    def severities(self) -> tuple[Severity, ...]:
        return tuple(sorted({f.severity for f in self.findings}, key=lambda s: s.rank))


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def evidence_row(e: Evidence, titles: Mapping[str, str]) -> EvidenceRow:
    """One piece of a finding's evidence as the page shows it (the work's title looked up)."""
    work_id = _s(e.work_id)
    return EvidenceRow(
        work_id=work_id,
        title=titles.get(work_id, ""),
        doi=_s(e.doi),
        date=_s(e.date),
        date_uncertain=e.date_uncertain,
        coauthor=_s(e.coauthor),
        affiliation=_s(e.affiliation),
        matched_text=_s(e.matched_text),
        score=e.score,
        span=e.span,
        warning=_s(e.warning),
        explanation=_s(e.explanation),
    )


def finding_row(f: Finding, names: Mapping[str, str], titles: Mapping[str, str]) -> FindingRow:
    """A finding as the page shows it, its subject named from the proposal."""
    entry = f.list_entry
    return FindingRow(
        key=f.key,
        check=f.check,
        subject=f.subject,
        subject_name=names.get(f.subject, f.subject),
        faq=f.faq,
        list_name=entry.list if entry else "",
        entry_id=entry.entry_id if entry else "",
        entry_name=entry.name if entry else "",
        shown_id=entry.shown if entry and entry.shown != entry.entry_id else "",
        severity=Severity(f.severity),
        summary=f.summary,
        summary_ja=f.summary_ja,
        evidence=tuple(evidence_row(e, titles) for e in f.evidence),
        entries=tuple((r.list, r.entry_id) for r in f.entries),
    )


def scope_row(d: ScopeDecision, names: Mapping[str, str]) -> ScopeRow:
    return ScopeRow(
        id=d.id,
        name=d.name or names.get(d.id, d.id),
        kind=d.kind,
        inside=d.in_scope,
        reason=d.reason,
        faq=d.faq,
        reason_ja=d.reason_ja,
    )


def outcome_row(o: SuggestedOutcome) -> OutcomeRow:
    """The suggested outcome with its note (or, without one, its label) in both languages."""
    return OutcomeRow(o.code, o.note or o.label, o.driven_by, o.faq, o.note_ja or o.label_ja)


def _names(proposal: Proposal | None) -> dict[str, str]:
    if proposal is None:
        return {}
    names = {p.id: p.name for p in proposal.people}
    names.update({o.id: o.name for o in proposal.organizations})
    return names


def _entries(
    findings: Sequence[FindingRow], lists: Sequence[ScreeningList]
) -> dict[tuple[str, str], ListEntry]:
    """The list entries the findings cite, from the loaded lists."""
    entries: dict[tuple[str, str], ListEntry] = {}
    wanted = {e for f in findings for e in f.entries if e[1]}
    for sl in lists:
        for list_name, entry_id in wanted:
            if list_name == sl.name:
                found = sl.entry(entry_id)
                if found is not None:
                    entries[(list_name, entry_id)] = found
    return entries


def build_view(
    result: ScreeningResult,
    proposal: Proposal | None = None,
    lists: Sequence[ScreeningList] = (),
    work_titles: Mapping[str, str] | None = None,
    works: int = 0,
) -> ReviewView:
    """The page's view of one screening result.

    Parameters
    ----------
    result
        What :func:`workbench.screening.screen` returned.
    proposal
        The screened proposal (for names and facts).
    lists
        The screening lists, to show an entry's aliases and reasons.
    work_titles
        Work id → title, to show titles beside the evidence.
    works
        How many works were screened.
    """
    names = _names(proposal)
    titles = work_titles or {}
    findings = tuple(finding_row(f, names, titles) for f in result.findings)
    scope = [scope_row(d, names) for d in (*result.scope.included, *result.scope.excluded)]
    return ReviewView(
        proposal_id=result.proposal_id or (proposal.proposal_id if proposal else ""),
        title=proposal.title if proposal else "",
        field=_s(proposal.field) if proposal else "",
        call=_s(proposal.call) if proposal else "",
        submitted=proposal.submitted.isoformat() if proposal and proposal.submitted else "",
        as_of=result.as_of.isoformat(),
        window_start=result.window_start.isoformat(),
        lists=tuple(
            ListRow(x.name, x.version.isoformat() if x.version else "", x.entries, x.source)
            for x in result.lists
        ),
        scope=tuple(scope),
        findings=findings,
        outcome=outcome_row(result.suggested_outcome),
        warnings=tuple(str(w) for w in result.warnings),
        works=works,
        entries=_entries(findings, lists),
        years=result.years,
    )


def list_warnings_of(view: ReviewView, today: date, max_age_days: int) -> list[ListWarning]:
    """The warnings for the lists ``view`` was screened against that are older than
    ``max_age_days`` on ``today`` or partial copies, with the command that refreshes them.

    Computed when shown, not when screened, so a screening kept in the cache for
    weeks still tells the list's age today.
    """
    from workbench.list_updates.status import list_warnings
    from workbench.screening import ListInfo

    infos = [
        ListInfo(r.name, date.fromisoformat(r.version) if r.version else None, r.entries, r.source)
        for r in view.lists
    ]
    return list_warnings(infos, today, max_age_days)
