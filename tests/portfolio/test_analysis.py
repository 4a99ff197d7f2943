"""The dashboard's summaries and drill-down, computed from the portfolio tables alone."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.portfolio import analysis


def test_summaries_count_what_the_tables_hold(local_run: Any) -> None:
    t = local_run.tables
    org = analysis.by_organisation(t)
    assert org["findings"].sum() == t.findings["entry_id"].notna().sum()
    assert org["findings"].is_monotonic_decreasing
    check = analysis.by_check(t).set_index("check")["findings"]
    assert check.to_dict() == t.findings.groupby("check").size().to_dict()
    field = analysis.by_field(t).set_index("field")
    assert field["proposals"].sum() == len(t.screened)
    assert set(field.index) == {"quantum", "semiconductors"}
    out = analysis.outcomes(t)
    assert out.loc[out["kind"] == "suggested", "proposals"].sum() == len(t.screened)
    assert set(out.loc[out["kind"] == "judged", "outcome"]) == {"not-judged"}  # no store
    links = analysis.timeline(t)
    assert links["year"].between(2022, 2025).all() and (links["links"] > 0).all()
    heat = analysis.heatmap(t)
    assert heat["findings"].sum() == org["findings"].sum()


def test_filters_and_their_choices(local_run: Any) -> None:
    t = local_run.tables
    c = analysis.choices(t)
    assert c["field"] == ["quantum", "semiconductors"]
    assert "recent_coauthorship" in c["check"] and "METI End User List" in c["list"]
    v = analysis.apply_filters(t, {"list": ["US Consolidated Screening List"]})
    assert all("US Consolidated Screening List" in x for x in v.findings["lists"])
    assert set(v.proposals["proposal_id"]) == set(v.findings["proposal_id"])
    assert set(zip(v.evidence["proposal_id"], v.evidence["key"], strict=True)) <= set(
        zip(v.findings["proposal_id"], v.findings["key"], strict=True)
    )
    none = analysis.apply_filters(t, {"outcome": ["no-concern"], "check": ["partner_listed"]})
    assert none.proposals.empty and none.findings.empty


def test_drill_gives_the_proposals_behind_an_element(local_run: Any) -> None:
    t = local_run.tables
    d = analysis.drill(t, "by_check", "partner_listed")
    assert list(d["proposal_id"]) == ["ASPIRE-2025-D-006"]
    assert list(d.columns) == list(analysis.DRILL_COLUMNS)
    by_field = analysis.drill(t, "by_field", "quantum")
    assert set(by_field["field"]) == {"quantum"}
    with pytest.raises(KeyError, match="unknown summary"):
        analysis.drill(t, "by_colour", "red")


def test_an_organisation_on_two_lists_is_counted_once(local_run: Any) -> None:
    """The README: an organisation several lists name "is counted once, with the lists that
    name it" — and so is each finding about it. D-005's NWPU (METI and the CSL) gives
    2 people × 2 checks = 4 findings, not 8, in the table, the heat map and every count."""
    t = local_run.tables
    listed = t.findings[t.findings["entry_id"].notna()]
    assert not listed.duplicated(["proposal_id", "check", "subject", "organisation"]).any()
    d005 = listed[listed["proposal_id"] == "ASPIRE-2025-D-005"]
    assert len(d005) == 4 and d005["organisation"].nunique() == 1
    nwpu = d005["organisation_name"].iloc[0]
    assert "Northwestern Polytechnical" in nwpu
    both = "US Consolidated Screening List; METI End User List"
    assert set(d005["lists"]) == {both} and set(d005["organisation_lists"]) == {both}
    heat = analysis.heatmap(t).set_index(["proposal_id", "organisation"])["findings"]
    assert heat[("ASPIRE-2025-D-005", nwpu)] == 4
    org = analysis.by_organisation(t)
    assert org["organisation"].is_unique
    assert len(org) == listed["organisation"].nunique()
    row = org.set_index("organisation").loc[nwpu]
    assert row["lists"] == both and row["entries"].count(":") == 2
    assert row["findings"] == len(listed[listed["organisation_name"] == nwpu])
    assert org["findings"].sum() == len(listed)
    behind = analysis.drill(t, "by_organisation", nwpu)
    assert "ASPIRE-2025-D-005" in set(behind["proposal_id"])
    # filtering on either list keeps the one finding that cites both
    for name in ("METI End User List", "US Consolidated Screening List"):
        v = analysis.apply_filters(t, {"list": [name]}).findings
        assert len(v[v["proposal_id"] == "ASPIRE-2025-D-005"]) == 4
    links = analysis.timeline(t)
    assert not links.duplicated(["year", "organisation"]).any()
