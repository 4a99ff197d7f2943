"""Exports are readable: no server paths, FAQ questions as "Q3.6, Q3.9", summaries in the
chosen language, the investor finding's evidence carrying the company → investor chain."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.findings import export_row
from workbench.portfolio.export import table_bytes
from workbench.store.export import review_record
from workbench.store.state import ReviewState


def test_no_table_export_carries_an_absolute_path(local_run: Any) -> None:
    t = local_run.tables
    assert t.proposals["path"].str.startswith("/").any()  # the tables keep them for the API
    for name in ("proposals", "lists", "problems"):
        text = table_bytes(getattr(t, name), "csv").decode("utf-8")
        frame = pd.read_csv(io.StringIO(text))
        for col in ("path", "source", "file"):
            if col in frame.columns:
                values = frame[col].dropna().astype(str)
                assert not values.str.startswith("/").any(), (name, col)
                assert not values.str.contains(str(Path.cwd())).any(), (name, col)


def test_the_review_record_cites_faq_questions_and_summaries_in_the_language() -> None:
    from workbench.lists import load_list, shipped_lists
    from workbench.matching import Matcher
    from workbench.proposal import load_proposal
    from workbench.publications import load_works_many
    from workbench.screening import screen

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "policy"
    lists = [load_list(p).value for p in shipped_lists()]
    works = load_works_many([fixtures / "works.json", fixtures / "publications.csv"]).value
    result = screen(
        load_proposal(fixtures / "proposal.json"), works, Matcher.from_lists(lists), lists
    )
    data = result.to_json()["findings"]
    state = ReviewState(result.proposal_id, seq=1, finding_keys=tuple(f["key"] for f in data))
    at = datetime(2025, 6, 20, tzinfo=UTC)
    for language, marker in (("ja", "共著"), ("en", "co-authored")):
        rec = review_record(state, [export_row(f, language) for f in data], exported_at=at)
        co = next(f for f in rec["findings"] if f["check"] == "recent_coauthorship")
        assert co["faq"] == "Q3.6, Q3.9"
        assert marker in co["summary"]


def test_the_investor_finding_carries_the_company_investor_chain(fixtures: Path) -> None:
    from workbench.lists import load_list, shipped_lists
    from workbench.matching import Matcher
    from workbench.proposal import load_proposal
    from workbench.screening import screen

    lists = [load_list(p).value for p in shipped_lists()]
    proposal = load_proposal(fixtures / "policy" / "proposal.json")
    result = screen(proposal, [], Matcher.from_lists(lists), lists)
    f = next(f for f in result.findings if f.check == "partner_listed")
    org = next(o for o in proposal.organizations if o.id == f.subject)
    investor = next(i for i in org.investors if i.clearly_identified and "Sinopack" in i.name)
    (ev,) = [e for e in f.evidence if e.affiliation == investor.name]
    assert ev.note and ev.note.startswith(f"{org.name} → investor “{investor.name}”")
    assert ev.note_ja and f"{org.name} → 出資者「{investor.name}」" in ev.note_ja
    assert ev.work_id is None  # from the questionnaire, not a work
