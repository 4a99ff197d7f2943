"""The printable review record: one self-contained HTML page, printed from a new tab.

Made of the same pieces as the page (:mod:`widgets.common.markup`), so every string
from data is escaped the same way; its own style sheet keeps colours and table
headers on paper and breaks pages between, not inside, findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from widgets.common.markup import (
    STYLE,
    Tr,
    disposition_badge,
    esc,
    facts_table,
    history_html,
    outcome_html,
    overview_html,
    scope_html,
)
from workbench.session.view import ReviewView

#: The printable page's own rules: on paper, A4 margins instead of the screen's, colours
#: kept, headings with what follows them, table headers on every sheet, rows unbroken.
PRINT_CSS = (
    "body{margin:2rem;}.wb-table th,.wb-table td:first-child{white-space:nowrap;}"
    "@page{size:A4;margin:14mm;}"
    "@media print{body{margin:0;font-size:10pt;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact;}"
    "h1,h2,h3{break-after:avoid;}tr,li,.wb-faq,.wb-outcome{break-inside:avoid;}"
    "thead{display:table-header-group;}.wb-badge{border:1px solid #999;}"
    "a{color:inherit;text-decoration:none;}}"
)


def printable_html(
    view: ReviewView,
    dispositions: Mapping[str, Mapping[str, Any]],
    judgment: Mapping[str, Any] | None,
    history: Sequence[Mapping[str, Any]],
    language: str,
    tr: Tr,
) -> str:
    """A self-contained printable page of the review record."""
    rows = []
    for f in view.findings:
        d = dispositions.get(f.key, {})
        rows.append(
            f"<tr><td>{esc(tr('check.' + f.check, years=view.years))}</td>"
            f"<td>{esc(f.subject_name)}</td>"
            f"<td>{esc(f.entry_name)} {esc(f.list_name)} {esc(f.entry_id)}</td>"
            f"<td>{esc(', '.join(f.faq))}</td><td>{esc(f.summary_in(language))}</td>"
            f"<td>{disposition_badge(str(d.get('status', '')), tr)}"
            f"<div>{esc(d.get('rationale', ''))}</div></td></tr>"
        )
    head = "".join(
        f"<th>{esc(tr(k))}</th>"
        for k in (
            "findings.check",
            "findings.subject",
            "findings.entry",
            "findings.faq",
            "findings.summary",
            "findings.disposition",
        )
    )
    j = judgment or {}
    measures = j.get("measures") or []
    measure_items = "".join(
        f"<li><strong>{esc(tr('measure.' + str(m.get('kind', ''))))}</strong>: "
        f"{esc(m.get('text', ''))}"
        + (
            f" — {esc(tr('measure.persons'))}: {esc(', '.join(m.get('persons') or []))}"
            if m.get("persons")
            else ""
        )
        + (f" — {esc(tr('measure.due'))}: {esc(m.get('due', ''))}" if m.get("due") else "")
        + "</li>"
        for m in measures
    )
    judgment_html = facts_table(
        [
            (
                tr("judgment.outcome"),
                tr("outcome." + str(j.get("outcome", ""))) if j.get("outcome") else "—",
            ),
            (tr("judgment.reviewer"), str(j.get("reviewer", ""))),
            (tr("judgment.notes"), str(j.get("notes", ""))),
        ]
    ) + (f"<ul>{measure_items}</ul>" if measure_items else "")
    return (
        f"<!DOCTYPE html><html lang='{esc(language)}'><head><meta charset='utf-8'>"
        f"<title>{esc(tr('print.title'))} {esc(view.proposal_id)}</title>{STYLE}"
        f"<style>{PRINT_CSS}</style></head>"
        f"<body class='wb-app wb-print'><h1>{esc(tr('print.title'))}: {esc(view.proposal_id)}</h1>"
        f"{overview_html(view, tr)}<h2>{esc(tr('section.outcome'))}</h2>"
        f"{outcome_html(view, tr, language)}"
        f"<h2>{esc(tr('section.scope'))}</h2>{scope_html(view, tr, language)}"
        f"<h2>{esc(tr('section.findings'))}</h2>"
        f"<table class='wb-table'><thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
        f"<h2>{esc(tr('section.judgment'))}</h2>{judgment_html}"
        f"<h2>{esc(tr('section.history'))}</h2>{history_html(history, tr)}</body></html>"
    )
