"""Screen one proposal: scope, window, links, every check, and a suggested outcome.

:func:`screen` is the one entry point the command line, the dashboards and the
portfolio use. It reads records only (a :class:`~workbench.model.Proposal`, its
works, the lists and a matcher built from them) and returns a frozen
:class:`ScreeningResult` whose :meth:`~ScreeningResult.to_json` is the
``workbench screen --format json`` object.

Inconsistent input that would make the result wrong (an unknown ``lab_of``, an
affiliation that ends before it starts) stops the screening with
an :class:`~workbench.errors.InputError` naming the record and field; anything
merely doubtful (a work without a date, a date after the reference date, an
ambiguous author name) is kept as a warning on the result — never skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.errors import InputError, Problem, ProblemCollector, Severity
from workbench.findings import Finding, sort_findings
from workbench.linking import Links, link_people
from workbench.list_labels import shown_id
from workbench.model import Proposal, ScreeningList, Work
from workbench.organisations import organisations
from workbench.outcome import SuggestedOutcome, suggest_outcome
from workbench.rules import CHECKS, MatcherLike, ScreeningContext, cached_match
from workbench.scope import LEAD_ROLES, Scope, concurrent_lab_site, decide_scope
from workbench.window import DEFAULT_YEARS, Window


@dataclass(frozen=True, slots=True)
class ListInfo:
    """Which list (and which version of it) a screening ran against."""

    name: str
    version: date | None
    entries: int
    source: str = ""
    content_hash: str = ""

    @classmethod
    def of(cls, lst: ScreeningList) -> ListInfo:
        return cls(lst.name, lst.version, lst.entry_count, lst.source, lst.content_hash)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version.isoformat() if self.version else None,
            "entries": self.entries,
            "source": self.source,
            "content_hash": self.content_hash,
        }


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    proposal_id: str
    as_of: date
    window_start: date
    lists: tuple[ListInfo, ...]
    scope: Scope
    findings: tuple[Finding, ...]
    suggested_outcome: SuggestedOutcome
    warnings: tuple[Problem, ...]
    links: Links
    years: int = DEFAULT_YEARS  # the look-back window in use

    @property
    def window(self) -> Window:
        """The look-back window this screening used."""
        return Window(self.window_start, self.as_of, self.years)

    def window_notice(self) -> dict[str, Any] | None:
        """The note for the overview when the window is not the FAQ's (``None`` when it is)."""
        from workbench.glossary import FAQ_YEARS, window_notice

        notice = window_notice(self.years)
        if notice is None:
            return None
        return {
            "faq_years": FAQ_YEARS,
            "years": self.years,
            "note": notice[0],
            "note_ja": notice[1],
        }

    def to_json(self) -> dict[str, Any]:
        """The ``workbench screen --format json`` object."""
        return {
            "proposal_id": self.proposal_id,
            "as_of": self.as_of.isoformat(),
            "window_start": self.window_start.isoformat(),
            "years": self.years,
            "window_notice": self.window_notice(),
            "lists": [lst.to_json() for lst in self.lists],
            "scope": self.scope.to_json(),
            "findings": [f.to_json() for f in self.findings],
            "suggested_outcome": self.suggested_outcome.to_json(),
            "warnings": [str(w) for w in self.warnings],
            "links": self.links.to_json(),
        }


def check_proposal(proposal: Proposal, as_of: date) -> list[Problem]:
    """Problems of a proposal as a record: errors stop the screening, warnings travel with it."""
    c = ProblemCollector(proposal.source or proposal.proposal_id or "proposal")
    ids = [p.id for p in proposal.people]
    for i, person in enumerate(proposal.people):
        at = f"$.people[{i}]"
        if person.id in ids[:i]:
            c.error(
                at,
                "id",
                f"'{person.id}' is already the id of $.people[{ids.index(person.id)}]",
                "unique ids",
            )
        if person.lab_of is not None:
            lead = proposal.person(person.lab_of)
            if lead is None or person.lab_of == person.id:
                c.error(
                    at,
                    "lab_of",
                    f"'{person.lab_of}' is not another person of the proposal",
                    "the id of the lab's PI or Co-PI",
                )
            elif person.lab_site and concurrent_lab_site(person, proposal) is None:
                c.warning(
                    at,
                    "lab_site",
                    f"'{person.lab_site}' is not a concurrent affiliation of "
                    f"{lead.id} ({lead.role}); Q3.8 does not apply",
                    f"a concurrent affiliation of a {' or '.join(sorted(LEAD_ROLES))}",
                )
        for j, aff in enumerate(person.affiliations):
            here = f"{at}.affiliations[{j}]"
            if aff.start and aff.end and aff.end < aff.start:
                c.error(
                    here,
                    "end",
                    f"ends ({aff.end}) before it starts ({aff.start})",
                    "end on or after start",
                )
            if aff.start and aff.start > as_of:
                c.warning(
                    here,
                    "start",
                    f"starts after the reference date {as_of}; not treated as current",
                    f"a date on or before {as_of}",
                )
    for k, org in enumerate(proposal.organizations):
        for n, inv in enumerate(org.investors):
            if not inv.clearly_identified:
                c.warning(
                    f"$.organizations[{k}].investors[{n}]",
                    "clearly_identified",
                    f"investor '{inv.name}' is not marked clearly identified and is not "
                    "checked (Q3.4 asks for clearly identified investors)",
                )
    return c.problems


def _works(works: Iterable[Work], window: Window) -> tuple[dict[str, Work], list[Problem]]:
    kept: dict[str, Work] = {}
    warnings: list[Problem] = []

    def warn(work: Work, field_: str, message: str, expected: str | None = None) -> None:
        where = f"work {work.id}"
        source = work.source or "publications"
        warnings.append(Problem(source, where, field_, message, expected, Severity.WARNING))

    for work in works:
        if work.id in kept:
            warn(work, "id", "appears more than once; the first copy is used")
            continue
        kept[work.id] = work
        if work.date is None:
            warn(
                work,
                "publication_date",
                "no date: cannot tell whether it is within the "
                "look-back window; not screened for co-authorship",
                "a year or a full date",
            )
        elif window.after(work.date):
            warn(
                work,
                "publication_date",
                f"dated {work.date.isoformat()}, after the "
                f"reference date {window.end}; outside the window",
            )
    return kept, warnings


#: shown ids of the last lists screened against, by their names and content hashes
_shown: dict[tuple[tuple[str, str, int], ...], dict[tuple[str, str], str]] = {}


def shown_ids(lists: Sequence[ScreeningList]) -> dict[tuple[str, str], str]:
    """The entries shown by another id than their own: the list's number, a hash shortened
    (kept for the lists screened against last, when each has a content hash)."""
    signature = tuple((lst.name, lst.content_hash, lst.entry_count) for lst in lists)
    known = _shown.get(signature) if all(lst.content_hash for lst in lists) else None
    if known is None:
        known = _shown_ids(lists)
        if all(lst.content_hash for lst in lists):
            _shown.clear()  # one set of lists at a time
            _shown[signature] = known
    return known


def _shown_ids(lists: Sequence[ScreeningList]) -> dict[tuple[str, str], str]:
    out = {}
    for lst in lists:
        for e in lst.entries:
            if (shown := shown_id(e.entry_id, e.list_id)) != e.entry_id:
                out[(lst.name, e.entry_id)] = shown
    return out


def screen(
    proposal: Proposal,
    works: Sequence[Work],
    matcher: MatcherLike,
    lists: Sequence[ScreeningList],
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    *,
    window: Window | None = None,
) -> ScreeningResult:
    """Screen ``proposal`` and its team's ``works`` against ``lists`` through ``matcher``.

    The look-back ``window`` is :meth:`Window.for_proposal` of ``as_of`` and ``years``
    unless given: whoever also builds the co-authorship graph makes it once and hands
    the same window to both.

    Raises
    ------
    InputError
        No reference date (neither ``as_of`` nor ``proposal.submitted``), or the
        proposal is inconsistent (see :func:`check_proposal`).
    """
    window = window or Window.for_proposal(proposal, as_of, years)
    ref = window.end
    problems = check_proposal(proposal, ref)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    by_id, work_warnings = _works(works, window)
    scope = decide_scope(proposal)
    links = link_people(proposal.people, by_id.values())
    ctx = ScreeningContext(
        proposal=proposal,
        scope=scope,
        window=window,
        links=links,
        works=by_id,
        match=cached_match(matcher),
        as_of=ref,
        list_versions={lst.name: lst.version for lst in lists},
        organisations=organisations(lists),
        shown_ids=shown_ids(lists),
    )
    findings = sort_findings([f for check in CHECKS.values() for f in check(ctx)])
    unscreened = tuple((p.id, p.name) for p in ctx.people_in_scope() if not links.of_person(p.id))
    return ScreeningResult(
        proposal_id=proposal.proposal_id,
        as_of=ref,
        window_start=window.start,
        lists=tuple(ListInfo.of(lst) for lst in lists),
        scope=scope,
        findings=findings,
        suggested_outcome=suggest_outcome(findings, unscreened=unscreened),
        warnings=(*problems, *work_warnings, *links.warnings),
        links=links,
        years=window.years,
    )
