"""What the review page shows of one screened proposal: plain frozen values.

Built from the ``workbench screen --format json`` object
(:meth:`ScreeningResult.to_json`, the policy checks' public contract), the
proposal and the loaded lists, so the widgets read one stable shape whatever
the domain records look like inside.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from workbench.model import ListEntry, Proposal, ScreeningList
from workbench.window import DEFAULT_YEARS

#: Severity order of the policy checks (strongest first; unknown severities sort last).
SEVERITY_ORDER: dict[str, int] = {"report": 0, "verify": 1, "control": 2, "info": 3}


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
    severity: str
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
        return SEVERITY_ORDER.get(self.severity.lower(), 9)

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


@dataclass(frozen=True, slots=True)
class Outcome:
    code: str
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
    outcome: Outcome
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
    def severities(self) -> tuple[str, ...]:
        return tuple(
            sorted({f.severity for f in self.findings}, key=lambda s: SEVERITY_ORDER.get(s, 9))
        )


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _faq(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 2:
        try:
            return int(value[0]), int(value[1])
        except (TypeError, ValueError):
            return None
    return None


def _score(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _evidence(item: Mapping[str, Any], titles: Mapping[str, str]) -> EvidenceRow:
    work_id = _s(item.get("work_id"))
    return EvidenceRow(
        work_id=work_id,
        title=_s(item.get("title")) or titles.get(work_id, ""),
        doi=_s(item.get("doi")),
        date=_s(item.get("date")),
        date_uncertain=bool(item.get("date_uncertain")),
        coauthor=_s(item.get("coauthor")),
        affiliation=_s(item.get("affiliation")),
        matched_text=_s(item.get("matched_text")),
        score=_score(item.get("score")),
        span=_span(item.get("span")),
        warning=_s(item.get("warning")),
    )


def _outcome(value: Any) -> Outcome:
    if isinstance(value, Mapping):
        code = _s(value.get("code") or value.get("outcome"))
        keys = value.get("driven_by") or value.get("finding_keys") or ()
        keys = tuple(k if isinstance(k, str) else _s(k.get("key")) for k in keys)
        return Outcome(
            code,
            _s(value.get("note") or value.get("label")),
            keys,
            _faq(value.get("faq")),
            _s(value.get("note_ja") or value.get("label_ja")),
        )
    return Outcome(_s(value), "", (), ())


def _names(proposal: Proposal | None) -> dict[str, str]:
    if proposal is None:
        return {}
    names = {p.id: p.name for p in proposal.people}
    names.update({o.id: o.name for o in proposal.organizations})
    return names


def build_view(
    result: Mapping[str, Any],
    proposal: Proposal | None = None,
    lists: Sequence[ScreeningList] = (),
    work_titles: Mapping[str, str] | None = None,
    works: int = 0,
) -> ReviewView:
    """Turn a screening JSON object into the page's view of it.

    Parameters
    ----------
    result
        The object of ``ScreeningResult.to_json()``.
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
    findings = []
    for f in result.get("findings", ()):
        entry = f.get("list_entry") or {}
        subject = _s(f.get("subject"))
        findings.append(
            FindingRow(
                key=_s(f.get("key"))
                or ":".join(
                    (_s(f.get("check")), subject, _s(entry.get("list")), _s(entry.get("entry_id")))
                ),
                check=_s(f.get("check")),
                subject=subject,
                subject_name=_s(f.get("subject_name")) or names.get(subject, subject),
                faq=_faq(f.get("faq")),
                list_name=_s(entry.get("list")),
                entry_id=_s(entry.get("entry_id")),
                entry_name=_s(entry.get("name")),
                shown_id=_s(entry.get("shown_id")),
                severity=_s(f.get("severity")) or "info",
                summary=_s(f.get("summary")),
                summary_ja=_s(f.get("summary_ja")),
                evidence=tuple(_evidence(e, titles) for e in f.get("evidence", ())),
                entries=tuple(
                    (_s(e.get("list")), _s(e.get("entry_id")))
                    for e in f.get("list_entries") or ([entry] if entry else ())
                ),
            )
        )
    scope = []
    raw_scope = result.get("scope") or {}
    for inside, part in ((True, "in"), (False, "out")):
        for item in raw_scope.get(part, ()):
            sid = _s(item.get("id"))
            scope.append(
                ScopeRow(
                    id=sid,
                    name=_s(item.get("name")) or names.get(sid, sid),
                    kind=_s(item.get("kind")),
                    inside=inside,
                    reason=_s(item.get("reason")),
                    faq=_faq(item.get("faq")),
                    reason_ja=_s(item.get("reason_ja")),
                )
            )
    list_rows = tuple(
        ListRow(_s(x.get("name")), _s(x.get("version")), int(x.get("entries") or 0))
        for x in result.get("lists", ())
    )
    entries: dict[tuple[str, str], ListEntry] = {}
    wanted = {e for f in findings for e in f.entries if e[1]}
    for sl in lists:
        for list_name, entry_id in wanted:
            if list_name == sl.name:
                found = sl.entry(entry_id)
                if found is not None:
                    entries[(list_name, entry_id)] = found
    return ReviewView(
        proposal_id=_s(result.get("proposal_id")) or (proposal.proposal_id if proposal else ""),
        title=proposal.title if proposal else _s(result.get("title")),
        field=_s(proposal.field) if proposal else "",
        call=_s(proposal.call) if proposal else "",
        submitted=proposal.submitted.isoformat() if proposal and proposal.submitted else "",
        as_of=_s(result.get("as_of")),
        window_start=_s(result.get("window_start")),
        lists=list_rows,
        scope=tuple(scope),
        findings=tuple(findings),
        outcome=_outcome(result.get("suggested_outcome")),
        warnings=tuple(
            _s(w) if not isinstance(w, Mapping) else _s(w.get("message") or w)
            for w in result.get("warnings", ())
        ),
        works=works,
        entries=entries,
        years=int(result.get("years") or DEFAULT_YEARS),
    )
