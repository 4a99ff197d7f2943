"""Markup: every string from data is escaped; only our own tags surround it."""

from __future__ import annotations

import re

from widgets.common import markup, printable
from widgets.common.i18n import translator
from workbench.session.view import (
    EvidenceRow,
    FindingRow,
    ListRow,
    OutcomeRow,
    ReviewView,
    ScopeRow,
)

HOSTILE = "<img src=x onerror=window.__xss=1><script>window.__xss=1</script>\"'"


def _view() -> ReviewView:
    ev = EvidenceRow(
        work_id="W1",
        title=HOSTILE,
        doi="10.0/x",
        date="2024",
        date_uncertain=True,
        coauthor=HOSTILE,
        affiliation=f"{HOSTILE} Harbin Institute of Technology",
        matched_text="Harbin Institute of Technology",
        score=0.97,
    )
    f = FindingRow(
        key="recent_coauthorship:p1:L:e1",
        check="recent_coauthorship",
        subject="p1",
        subject_name=HOSTILE,
        faq=("Q3.6",),
        list_name=HOSTILE,
        entry_id=HOSTILE,
        entry_name=HOSTILE,
        severity="report",
        summary=HOSTILE,
        summary_ja=HOSTILE,
        evidence=(ev,),
    )
    return ReviewView(
        proposal_id=HOSTILE,
        title=HOSTILE,
        field=HOSTILE,
        call="",
        submitted="2025-06-20",
        as_of="2025-06-20",
        window_start="2023-06-20",
        lists=(ListRow(HOSTILE, "2025-06-01", 5),),
        scope=(ScopeRow("p1", HOSTILE, "person", True, HOSTILE, ("Q3.2",), HOSTILE),),
        findings=(f,),
        outcome=OutcomeRow("mitigation-as-needed", HOSTILE, (f.key,), ("Q2.1",), HOSTILE),
        warnings=(HOSTILE,),
    )


def _no_live_markup(html: str) -> None:
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "onerror=" not in re.sub(r"&lt;img src=x onerror=window.__xss=1&gt;", "", html)


def test_every_page_part_escapes_data_in_both_languages() -> None:
    view = _view()
    row = view.findings[0]
    for lang in ("ja", "en"):
        tr = translator(lang)
        parts = [
            markup.overview_html(view, tr),
            markup.outcome_html(view, tr, lang),
            markup.scope_html(view, tr, lang),
            markup.finding_row_html(row, "dismissed", tr),
            markup.evidence_html(row, None, {"Q3.6": (HOSTILE, HOSTILE)}, lang, tr),
            markup.history_html(
                [{"when": HOSTILE, "who": HOSTILE, "what": HOSTILE, "why": HOSTILE}], tr
            ),
            markup.status_html(HOSTILE, "error"),
            markup.conflict_html(HOSTILE),
            markup.title_html(HOSTILE, HOSTILE),
            printable.printable_html(
                view,
                {row.key: {"status": "dismissed", "rationale": HOSTILE}},
                {
                    "outcome": "no-concern",
                    "notes": HOSTILE,
                    "reviewer": HOSTILE,
                    "measures": [
                        {
                            "kind": "awareness-raising",
                            "text": HOSTILE,
                            "persons": [HOSTILE],
                            "due": HOSTILE,
                        }
                    ],
                },
                [],
                lang,
                tr,
            ),
        ]
        for html in parts:
            _no_live_markup(html)
        assert "&lt;img src=x onerror=window.__xss=1&gt;" in parts[0]


def test_matched_span_is_marked_and_the_rest_escaped() -> None:
    text = "<b>Dept</b>, Harbin Inst Technol, China"
    start = text.index("Harbin")
    out = markup.highlight(text, span=(start, start + len("Harbin Inst Technol")))
    assert out == "&lt;b&gt;Dept&lt;/b&gt;, <mark>Harbin Inst Technol</mark>, China"
    # a span that does not fit the text falls back to the matched text, then to none
    assert markup.highlight("abc", span=(2, 10), matched="B") == "a<mark>b</mark>c"
    assert markup.highlight("a<c", span=None, matched="zzz") == "a&lt;c"


def test_download_link_escapes_the_file_name() -> None:
    link = markup.download_link("get", '"><script>x</script>.xlsx', "text/html", "QUJD")
    _no_live_markup(link)
    assert 'href="data:text/html;base64,QUJD"' in link


def test_severities_have_colours_with_meaning() -> None:
    assert markup.severity_class("report") == "wb-sev-high"
    assert markup.severity_class("verify") == "wb-sev-medium"
    assert markup.severity_class("control") == "wb-sev-info"
    assert markup.severity_class("info") == "wb-gray"
