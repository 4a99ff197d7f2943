"""The HTML of the review page, in one place; every string from data is escaped here.

Widgets never build markup themselves: they call these functions (and
:mod:`widgets.common.printable` for the printed record) with plain
values and a translator ``tr`` (:func:`widgets.common.i18n.translator`). Text that
came from a proposal, a publication or a list passes through :func:`esc`
(``html.escape``) before it is put into HTML; the only markup added around it
is ours (``<mark>`` for a matched span, tags for tables and badges).

Examples
--------
>>> esc('<img src=x onerror="a()">')
'&lt;img src=x onerror=&quot;a()&quot;&gt;'
>>> highlight("Harbin Inst <b>", span=(0, 6))
'<mark>Harbin</mark> Inst &lt;b&gt;'
>>> highlight("Natl Univ Def Technol, China", matched="univ def")
'Natl <mark>Univ Def</mark> Technol, China'
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench.model import ListEntry
from workbench.session.view import EvidenceRow, FindingRow, ReviewView
from workbench.vocabulary import Disposition, Outcome, Severity
from workbench.window import DEFAULT_YEARS

Tr = Callable[..., str]

#: The page's style sheet (``review.css``), put once at the top of the page.
STYLE = (
    "<style>\n"
    + (Path(__file__).parent.parent / "review" / "review.css").read_text(encoding="utf-8")
    + "</style>\n"
)


def esc(value: Any) -> str:
    """Escape any value from data for HTML (``None`` is empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def highlight(text: str, span: tuple[int, int] | None = None, matched: str | None = None) -> str:
    """``text`` escaped, with the matched part wrapped in ``<mark>``.

    Uses ``span`` when it fits the text, else the first case-insensitive
    occurrence of ``matched``, else no highlight.
    """
    start = end = -1
    if span is not None and 0 <= span[0] < span[1] <= len(text):
        start, end = span
    elif matched:
        found = text.lower().find(matched.lower())
        if found >= 0:
            start, end = found, found + len(matched)
    if start < 0:
        return esc(text)
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"


def severity_class(severity: str) -> str:
    """CSS class of a severity: red to report, amber to verify, blue for control, grey for info."""
    classes: dict[str, str] = {
        Severity.REPORT: "wb-sev-high",
        Severity.VERIFY: "wb-sev-medium",
        Severity.CONTROL: "wb-sev-info",
    }
    return classes.get(severity.lower(), "wb-gray")


def badge(text: str, css: str) -> str:
    return f'<span class="wb-badge {esc(css)}">{esc(text)}</span>'


def _faq_refs(faq: Iterable[str]) -> str:
    return ", ".join(esc(q) for q in faq)


def facts_table(rows: Sequence[tuple[str, str]], first: str = "") -> str:
    """A table of (label, value) rows, escaped; ``first``: a row of our own markup before."""
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    return f'<table class="wb-facts">{first}{body}</table>'


def overview_html(view: ReviewView, tr: Tr) -> str:
    """Proposal facts, lists and versions, and the window."""
    facts = facts_table(
        [
            (tr("overview.proposal_id"), view.proposal_id),
            (tr("overview.title"), view.title),
            (tr("overview.field"), view.field),
            (tr("overview.call"), view.call),
            (tr("overview.submitted"), view.submitted),
            (
                tr("overview.window"),
                f"{view.window_start} – {view.as_of} ({tr('window.years', years=view.years)})",
            ),
            (tr("overview.works"), str(view.works)),
        ]
    )
    lists = "".join(
        f"<tr><td>{esc(x.name)}</td><td>{esc(x.version)}</td><td>{x.entries:,}</td></tr>"
        for x in view.lists
    )
    lists_table = (
        f'<table class="wb-table"><tr><th>{esc(tr("overview.list"))}</th>'
        f"<th>{esc(tr('overview.version'))}</th><th>{esc(tr('overview.entries'))}</th></tr>"
        f"{lists}</table>"
    )
    warnings = ""
    names = ", ".join(view.disguised)
    notes = [tr("overview.disguised").format(names=names)] if view.disguised else []
    if view.warnings or notes:
        items = "".join(f"<li>{esc(w)}</li>" for w in (*notes, *view.warnings))
        warnings = f"<h3>{esc(tr('overview.warnings'))}</h3><ul class='wb-muted'>{items}</ul>"
    return (
        f"<div class='wb-grid2'>{facts}</div>"
        f"<h3>{esc(tr('overview.lists'))}</h3>{lists_table}{warnings}"
    )


#: Suggested outcomes that ask for something before the review goes on.
_REQUIRED = (
    Outcome.MITIGATION_BEFORE_START,
    Outcome.REVIEW_WITHHELD,
    Outcome.RESUBMISSION_REQUESTED,
)


def outcome_html(view: ReviewView, tr: Tr, language: str = "ja") -> str:
    """The suggested outcome, labelled as a suggestion, with the findings behind it."""
    code = view.outcome.code
    css = "wb-outcome"
    if code == Outcome.NO_CONCERN:
        css += " wb-outcome-clear"
    elif code in _REQUIRED:
        css += " wb-outcome-required"
    label = tr(f"outcome.{code}") if code else "—"
    keys = set(view.outcome.finding_keys)
    behind = [f for f in view.findings if f.key in keys]
    items = "".join(
        f"<li>{badge(tr('severity.' + f.severity), severity_class(f.severity))} "
        f"{esc(tr('check.' + f.check, years=view.years))}: {esc(f.subject_name)}"
        + (f" — {esc(f.entry_name)}" if f.entry_name else "")
        + "</li>"
        for f in behind
    )
    faq = (
        f" <span class='wb-muted'>({_faq_refs(view.outcome.faq)})</span>"
        if view.outcome.faq
        else ""
    )
    note = view.outcome.text_in(language)
    return (
        f"<div class='{css}'><div class='wb-muted'>{esc(tr('outcome.suggestion'))}</div>"
        f"<strong>{esc(label)}</strong>{faq}"
        + (f"<div>{esc(note)}</div>" if note else "")
        + (f"<ul>{items}</ul>" if items else "")
        + "</div>"
    )


def scope_html(view: ReviewView, tr: Tr, language: str = "ja") -> str:
    """People and organizations in and out of scope, with the reasons."""
    rows = []
    for s in sorted(view.scope, key=lambda r: (not r.inside, r.kind, r.id)):
        mark = (
            badge(tr("scope.in"), "wb-sev-medium")
            if s.inside
            else badge(tr("scope.out"), "wb-gray")
        )
        kind = tr(f"scope.kind.{s.kind}") if s.kind in ("person", "organization") else s.kind
        rows.append(
            f"<tr><td>{mark}</td><td>{esc(s.name)} <span class='wb-muted'>{esc(s.id)}</span></td>"
            f"<td>{esc(kind)}</td><td>{esc(s.reason_in(language))}</td><td>{_faq_refs(s.faq)}</td></tr>"
        )
    head = "".join(
        f"<th>{esc(tr(k))}</th>"
        for k in ("scope.scope", "scope.name", "scope.kind", "scope.reason", "scope.faq")
    )
    return f"<table class='wb-table'><tr>{head}</tr>{''.join(rows)}</table>"


#: Columns of the findings table, as (label key, sort key) pairs.
FINDING_COLUMNS: tuple[str, ...] = (
    "findings.severity",
    "findings.check",
    "findings.subject",
    "findings.entry",
    "findings.faq",
    "findings.disposition",
)


def finding_header_html(tr: Tr) -> str:
    cells = "".join(f"<div class='wb-cell'>{esc(tr(k))}</div>" for k in FINDING_COLUMNS)
    return f"<div class='wb-cells'>{cells}</div>"


def disposition_badge(disposition: str, tr: Tr) -> str:
    css: dict[str, str] = {
        Disposition.CONFIRMED: "wb-sev-high",
        Disposition.DISMISSED: "wb-ok",
        Disposition.NEEDS_INFORMATION: "wb-sev-medium",
    }
    if not disposition:
        return badge(tr("disposition.open"), "wb-gray")
    return badge(tr(f"disposition.{disposition}"), css.get(disposition, "wb-gray"))


def finding_row_html(
    row: FindingRow,
    disposition: str,
    tr: Tr,
    years: int = DEFAULT_YEARS,
    entry_record: ListEntry | None = None,
    language: str = "ja",
) -> str:
    from widgets.common.entries import entry_id_html, reasons_html

    entry = "—"
    if row.list_name:
        entry = (
            f"{esc(row.entry_name)}"
            f"<div class='wb-muted wb-small'>{esc(row.list_name)} · "
            f"{entry_id_html(row.entry_id, row.shown_id)}</div>"
            + reasons_html(entry_record, language)
        )
    cells = [
        badge(tr(f"severity.{row.severity.lower()}"), severity_class(row.severity)),
        esc(tr("check." + row.check, years=years)),
        f"{esc(row.subject_name)} <span class='wb-muted'>{esc(row.subject)}</span>",
        entry,
        _faq_refs(row.faq),
        disposition_badge(disposition, tr),
    ]
    return (
        "<div class='wb-cells'>"
        + "".join(f"<div class='wb-cell'>{c}</div>" for c in cells)
        + "</div>"
    )


def _evidence_rows(evidence: Sequence[EvidenceRow], tr: Tr) -> str:
    """One table row per work: title and date once, then each co-author with the marked string."""
    works: dict[str, list[EvidenceRow]] = {}
    for e in evidence:
        works.setdefault(e.work_id or e.affiliation, []).append(e)
    rows = []
    for items in works.values():
        first = items[0]
        date = esc(first.date) + (
            f" {badge(tr('evidence.date_uncertain'), 'wb-sev-medium')}"
            if first.date_uncertain
            else ""
        )
        ident = " · ".join(x for x in (esc(first.work_id), esc(first.doi)) if x)
        lines = "".join(
            "<div class='wb-evline'>"
            + (f"<span class='wb-coauthor'>{esc(e.coauthor)}</span> " if e.coauthor else "")
            + f"{highlight(e.affiliation, e.span, e.matched_text)}"
            + (
                f" <span class='wb-muted' title='{esc(e.explanation)}'>({e.score:.2f})</span>"
                if e.score is not None
                else ""
            )
            + (f" {badge(tr('evidence.disguised'), 'wb-sev-high')}" if e.warning else "")
            + "</div>"
            for e in items
        )
        rows.append(
            f"<tr><td class='wb-work'>{esc(first.title)}<div class='wb-muted'>{ident}</div></td>"
            f"<td class='wb-date'>{date}</td><td>{lines}</td></tr>"
        )
    head = "".join(
        f"<th>{esc(tr(k))}</th>" for k in ("evidence.work", "evidence.date", "evidence.affiliation")
    )
    table = f"<table class='wb-table'><tr>{head}</tr>{''.join(rows)}</table>"
    return f"<div class='wb-scroll'>{table}</div>"


def evidence_html(
    row: FindingRow,
    entry: ListEntry | None,
    faq: Mapping[str, tuple[str, str]],
    language: str,
    tr: Tr,
    years: int = DEFAULT_YEARS,
) -> str:
    """A finding's evidence: summary, works, list entry, and the FAQ it rests on.

    ``faq`` maps a question number to its (question, answer) text.
    """
    parts = [
        f"<div>{badge(tr('severity.' + row.severity.lower()), severity_class(row.severity))} "
        f"<strong>{esc(tr('check.' + row.check, years=years))}</strong> — "
        f"{esc(row.subject_name)}</div>",
        f"<p>{esc(row.summary_in(language))}</p>",
    ]
    if row.evidence:
        parts.append(f"<h3>{esc(tr('evidence.works'))}</h3>{_evidence_rows(row.evidence, tr)}")
    from widgets.common.entries import entry_html

    parts.append(entry_html(row, entry, tr, language))
    for q in row.faq:
        question, answer = faq.get(q, ("", ""))
        parts.append(
            f"<div class='wb-faq'><strong>{esc(q)}</strong> {esc(question)}"
            + (f"<div class='wb-muted'>{esc(answer)}</div>" if answer else "")
            + "</div>"
        )
    return "<div class='wb-evidence'>" + "".join(parts) + "</div>"


def history_html(events: Sequence[Mapping[str, Any]], tr: Tr) -> str:
    """The review's history, newest first: who, when, what and why."""
    if not events:
        return f"<div class='wb-muted'>{esc(tr('history.empty'))}</div>"
    items = []
    for e in events:
        what = esc(e.get("what", ""))
        why = esc(e.get("why", ""))
        version = e.get("version")  # the questionnaire version it was made on, once revised
        made_on = f"<span class='wb-badge wb-version'>{esc(version)}</span> " if version else ""
        items.append(
            f"<li><span class='wb-muted'>{esc(e.get('when', ''))}</span> "
            f"{made_on}<strong>{esc(e.get('who', ''))}</strong> {what}"
            + (f" — <em>{why}</em>" if why else "")
            + "</li>"
        )
    return f"<ol class='wb-history' reversed>{''.join(items)}</ol>"


def status_html(message: str, level: str) -> str:
    css = {"error": "wb-status-error", "ok": "wb-status-ok", "busy": "wb-status-busy"}
    return f"<div class='wb-status {css.get(level, 'wb-status-info')}'>{esc(message)}</div>"


def conflict_html(message: str) -> str:
    return f"<div class='wb-conflict'>{esc(message)}</div>" if message else ""


def title_html(text: str, sub: str = "") -> str:
    extra = f" <span class='wb-muted'>{esc(sub)}</span>" if sub else ""
    return f"<h1>{esc(text)}{extra}</h1>"


def heading_html(text: str) -> str:
    return f"<h2>{esc(text)}</h2>"


def download_link(label: str, filename: str, mime: str, payload_b64: str) -> str:
    """A link that downloads ``payload_b64`` (base64 of the file) as ``filename``."""
    return (
        f'<a class="wb-badge wb-ok" download="{esc(filename)}" '
        f'href="data:{esc(mime)};base64,{payload_b64}">{esc(label)}</a>'
    )
