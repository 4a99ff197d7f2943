"""The page's view is made from the screening result's records and says what they say."""

from __future__ import annotations

import pytest

from workbench.demo.generate import story_files
from workbench.demo.stories import STORIES
from workbench.folders import load_folder, proposal_files
from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.model import Proposal, ScreeningList
from workbench.screening import ScreeningResult, screen
from workbench.session.view import ReviewView, build_view
from workbench.vocabulary import Severity

#: Demo proposals with listed affiliations, co-authorships, partners and deemed exports.
DEMO = ("ASPIRE-2025-D-001", "ASPIRE-2025-D-003", "ASPIRE-2025-D-005", "ASPIRE-2025-D-010")

Screened = tuple[ScreeningResult, Proposal, ReviewView]


@pytest.fixture(scope="module")
def lists() -> list[ScreeningList]:
    return [load_list(p).value for p in shipped_lists()]


@pytest.fixture(scope="module")
def screened(
    tmp_path_factory: pytest.TempPathFactory, lists: list[ScreeningList]
) -> list[Screened]:
    root = tmp_path_factory.mktemp("demo")
    matcher = Matcher.from_lists(lists)
    out = []
    for pid in DEMO:
        files, _ = story_files(next(s for s in STORIES if s.proposal_id == pid))
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        proposal, works = load_folder(proposal_files(root / pid))
        result = screen(proposal, works, matcher, lists)
        titles = {w.id: w.title for w in works}
        out.append((result, proposal, build_view(result, proposal, lists, titles, len(works))))
    return out


def test_the_demo_gives_findings_with_evidence_to_compare(screened: list[Screened]) -> None:
    rows = [row for _, _, view in screened for row in view.findings]
    assert len(rows) >= 8
    assert sum(len(row.evidence) for row in rows) > 10
    assert {row.severity for row in rows} >= {Severity.REPORT, Severity.CONTROL}


def test_each_finding_row_says_what_its_finding_says(screened: list[Screened]) -> None:
    for result, proposal, view in screened:
        assert [r.key for r in view.findings] == [f.key for f in result.findings]
        names = {p.id: p.name for p in proposal.people} | {
            o.id: o.name for o in proposal.organizations
        }
        for f, row in zip(result.findings, view.findings, strict=True):
            assert (row.check, row.subject, row.severity, row.faq) == (
                f.check,
                f.subject,
                f.severity,
                f.faq,
            )
            assert row.subject_name == names[f.subject]
            assert (row.summary, row.summary_ja) == (f.summary, f.summary_ja)
            assert row.entries == tuple((r.list, r.entry_id) for r in f.entries)
            ref = f.list_entry
            assert (row.list_name, row.entry_id, row.entry_name) == (
                (ref.list, ref.entry_id, ref.name) if ref else ("", "", "")
            )
            if ref is not None:
                entry = view.entry(row)
                assert entry is not None and entry.entry_id == ref.entry_id
            assert len(row.evidence) == len(f.evidence)
            for e, shown in zip(f.evidence, row.evidence, strict=True):
                assert (shown.work_id, shown.date, shown.coauthor, shown.affiliation) == (
                    e.work_id or "",
                    e.date or "",
                    e.coauthor or "",
                    e.affiliation or "",
                )
                assert (shown.matched_text, shown.span, shown.score, shown.warning) == (
                    e.matched_text or "",
                    e.span,
                    e.score,
                    e.warning or "",
                )


def test_scope_outcome_and_lists_are_the_results(screened: list[Screened]) -> None:
    for result, _, view in screened:
        assert [(s.id, s.inside) for s in view.scope] == [
            (d.id, d.in_scope) for d in (*result.scope.included, *result.scope.excluded)
        ]
        o = result.suggested_outcome
        assert (view.outcome.code, view.outcome.finding_keys, view.outcome.faq) == (
            o.code,
            o.driven_by,
            o.faq,
        )
        assert (view.outcome.text, view.outcome.text_ja) == (o.note, o.note_ja)
        assert [(x.name, x.entries) for x in view.lists] == [
            (x.name, x.entries) for x in result.lists
        ]
        assert (view.as_of, view.window_start) == (
            result.as_of.isoformat(),
            result.window_start.isoformat(),
        )


def test_the_page_and_the_json_of_workbench_screen_agree(screened: list[Screened]) -> None:
    """Both are made from the same records: keys, severities, entries and outcome match."""
    for result, _, view in screened:
        data = result.to_json()
        assert [
            (f["key"], f["severity"], tuple(f["faq"]), len(f["evidence"])) for f in data["findings"]
        ] == [(r.key, str(r.severity), r.faq, len(r.evidence)) for r in view.findings]
        assert [
            tuple((e["list"], e["entry_id"]) for e in f["list_entries"]) for f in data["findings"]
        ] == [r.entries for r in view.findings]
        assert data["suggested_outcome"]["code"] == view.outcome.code
        assert data["suggested_outcome"]["driven_by"] == list(view.outcome.finding_keys)
