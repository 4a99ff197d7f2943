"""The portfolio-wide network: researchers ↔ listed organisations, built from the tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from workbench.portfolio import Portfolio
from workbench.portfolio.network import behind, portfolio_network, reach, write_graphml

NWPU = "Northwestern Polytechnical University"


def test_each_listed_organisation_reaches_the_persons_of_its_findings(local_run: Any) -> None:
    t = local_run.tables
    g = portfolio_network(t)
    table = reach(g).set_index("organisation_name")
    f = t.findings[t.findings["organisation"].notna() & (t.findings["subject_kind"] == "person")]
    for name, rows in f.groupby(f["organisation_name"].fillna(f["entry_name"])):
        assert table.loc[name, "proposals"] == rows["proposal_id"].nunique(), name
        pairs = set(zip(rows["proposal_id"], rows["subject"], strict=True))
        assert table.loc[name, "persons"] == len(pairs), name
    assert set(table.loc[NWPU, "lists"].split("; ")) == {
        "METI End User List",
        "US Consolidated Screening List",
    }
    assert table["proposals"].is_monotonic_decreasing


def test_behind_an_organisation_lists_its_proposals_persons_checks_and_years(
    local_run: Any,
) -> None:
    t = local_run.tables
    g = portfolio_network(t)
    nwpu = reach(g).set_index("organisation_name").loc[NWPU, "organisation"]
    rows = behind(g, nwpu)
    assert set(rows["proposal_id"]) == {"ASPIRE-2025-D-005", "ASPIRE-2025-D-005-PQ"}
    assert len(rows) == 4  # two persons in each copy of D-005
    assert all("recent_coauthorship" in c for c in rows["checks"])
    years = {int(y) for ys in rows["years"] for y in ys.split(", ") if y}
    ev = t.evidence[(t.evidence["proposal_id"] == "ASPIRE-2025-D-005")]
    ev = ev[ev["organisation_name"] == NWPU]
    assert years == {int(y) for y in ev["year"].dropna()}
    assert behind(g, "no such organisation").empty


def test_graphml_export_reads_back(local_run: Any, tmp_path: Path) -> None:
    g = portfolio_network(local_run.tables)
    path = write_graphml(g, tmp_path / "portfolio.graphml")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == g.number_of_nodes() > 0
    assert back.number_of_edges() == g.number_of_edges() > 0
    data = next(d for _, d in back.nodes(data=True) if d["kind"] == "organisation")
    assert data["lists"] and data["name"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_network_is_the_same_from_tables_read_back(local_run: Any, tmp_path: Path) -> None:
    local_run.tables.write(tmp_path)
    from workbench.portfolio import load

    again: Portfolio = load(tmp_path)
    a, b = portfolio_network(local_run.tables), portfolio_network(again.tables)
    assert set(a.nodes) == set(b.nodes)
    assert {frozenset(e) for e in a.edges} == {frozenset(e) for e in b.edges}
    assert reach(a).equals(reach(b))
