"""The graph on real inputs: the example proposal and works through the real loaders,
the shipped screening lists through the real matcher, and the demo proposals."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.graph import build_graph
from workbench.graph.export import edge_table
from workbench.graph.queries import paths_to_listed
from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.model import ScreeningList
from workbench.proposal import load_proposal
from workbench.publications import load_works

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "graph"
DEMO = ROOT / "data" / "demo" / "proposals"


@pytest.fixture(scope="module")
def lists() -> list[ScreeningList]:
    return [load_list(p).value for p in shipped_lists()]


@pytest.fixture(scope="module")
def matcher(lists: list[ScreeningList]) -> Matcher:
    return Matcher.from_lists(lists)


@pytest.fixture(scope="module")
def example(matcher: Matcher):
    works = [
        *load_works(FIXTURES / "works.json").value,
        *load_works(FIXTURES / "publications.csv").value,
    ]
    return build_graph(load_proposal(FIXTURES / "proposal.json"), works, matcher)


def test_example_links_and_flags(example) -> None:
    e = example.coauthors.edges
    zhang, wang = "openalex:A5000000101", "openalex:A5000000102"
    # W9000000001 (2024-05-14): Chen Wei, Zhang Lei (HIT), Sato Haruki — inside the window.
    assert e["person:p1", zhang]["flagged_in_window"] is True
    assert e["person:p2", zhang]["flagged_in_window"] is True
    assert "METI End User List:jp-eul-541" in e["person:p1", zhang]["entries"]
    # W9000000002 (2021-02-03): Wang Fang at NUDT — flagged, but before the window.
    assert (e["person:p1", wang]["flagged"], e["person:p1", wang]["in_window"]) == (True, False)
    # publications.csv: Karimi (Sharif University of Technology) with Kobayashi and Tanaka.
    assert e["person:p5", "name:hamid karimi"]["flagged_in_window"] is True
    # Harbin *Medical* University is not the listed Harbin Institute of Technology.
    assert e["person:p1", "openalex:A5000000103"]["flagged"] is False
    # Team members are linked: Chen Wei by ORCID, Kobayashi and Tanaka by name.
    assert {"person:p2", "person:p4", "person:p5"} <= set(example.coauthors)
    assert not any(n.startswith("name:ren") or n.startswith("name:yui") for n in example.coauthors)


def test_example_matched_span_points_at_the_listed_name(example) -> None:
    shared = example.shared("person:p1", "openalex:A5000000101")
    contribution = shared[0].of("openalex:A5000000101")
    hit = next(h for h in contribution.hits if h.entry_id == "jp-eul-541")
    start, end = hit.span
    assert contribution.affiliations[0][start:end] == "Harbin Institute of Technology"


def test_example_paths_to_listed_organisations(example) -> None:
    paths = paths_to_listed(example, "person:p1")
    assert paths and all(p.hops == 2 for p in paths[:2])
    assert paths[0].nodes[0] == "person:p1" and paths[0].nodes[-1].startswith("entry:")
    assert any(p.entry == "METI End User List:jp-eul-541" for p in paths)


def test_example_report_counts(example) -> None:
    r = example.report
    assert (r.works_read, r.works_used, r.duplicate_works) == (4, 4, ())
    assert r.matcher_calls == r.distinct_affiliations > 0
    assert len(edge_table(example)) == example.coauthors.number_of_edges()


def _demo_folders() -> list[Path]:
    if not (DEMO / ".complete").exists():
        return []
    return sorted(p for p in DEMO.iterdir() if (p / "proposal.json").exists())


@pytest.mark.skipif(not _demo_folders(), reason="demo data not generated (make demo)")
def test_demo_proposals_build_with_consistent_counts(matcher: Matcher, lists) -> None:
    entries = {f"{lst.name}:{e.entry_id}" for lst in lists for e in lst.entries}
    flagged_somewhere = 0
    for folder in _demo_folders():
        files = [folder / n for n in ("works.json", "publications.csv") if (folder / n).exists()]
        works = [w for f in files for w in load_works(f).value]
        g = build_graph(load_proposal(folder / "proposal.json"), works, matcher)
        r = g.report
        assert r.works_used + len(r.duplicate_works) + len(r.works_without_authors) == r.works_read
        assert set(g.team) == {p.id for p in load_proposal(folder / "proposal.json").people}
        for _, _, d in g.coauthors.edges(data=True):
            assert d["weight"] == len(d["works"]) >= 1
            assert set(d["entries"]) <= entries
        flagged_somewhere += any(f for _, _, f in g.coauthors.edges(data="flagged_in_window"))
    assert flagged_somewhere > 0  # the demo is made to contain findings
