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


def _consistency(proposal_path: Path, works, lists, matcher: Matcher) -> tuple[int, int]:
    """Flagged in-window links and recent_coauthorship findings stand on the same evidence.

    Every finding's (work, co-author) is a flagged in-window link of the finding's
    person carrying the finding's entry; every flagged in-window link of an in-scope
    team member is behind a finding with each of the link's in-window entries.
    Returns (findings checked, links checked).
    """
    from workbench.screening import screen

    proposal = load_proposal(proposal_path)
    result = screen(proposal, works, matcher, lists)
    g = build_graph(proposal, works, matcher, as_of=result.as_of, links=result.links)
    findings = [f for f in result.findings if f.check == "recent_coauthorship"]
    # a finding cites every entry naming its organisation: each had its own key before
    keys = {k for f in findings for k in f.entry_keys}
    for f in findings:
        me = g.team[f.subject]
        assert f.list_entry is not None
        cited = {f"{r.list}:{r.entry_id}" for r in f.entries}
        for ev in f.evidence:
            assert ev.work_id is not None
            row = g.by_work[ev.work_id]
            other = next(n for n, c in row.items() if c.author_name == ev.coauthor and n != me)
            edge = g.coauthors.edges[me, other]
            assert edge["flagged_in_window"], (f.key, ev.work_id, other)
            assert cited & set(edge["entries"]), (f.key, edge["entries"])
    links = 0
    team = {node: pid for pid, node in g.team.items()}
    for u, v, d in g.coauthors.edges(data=True):
        if not d["flagged_in_window"]:
            continue
        for me, other in ((u, v), (v, u)):
            pid = team.get(me)
            if pid is None or other in team or not g.coauthors.nodes[me]["in_scope"]:
                continue
            links += 1
            for wid in d["flagged_works"]:
                w = g.works[wid]
                if w.date is None or not g.window.contains(w.date):
                    continue
                for h in g.by_work[wid][other].hits:
                    key = f"recent_coauthorship:{pid}:{h.list_name}:{h.entry_id}"
                    assert key in keys, (key, wid, other)
    return len(findings), links


def test_flagged_links_agree_with_the_recent_coauthorship_check(
    matcher: Matcher, lists: list[ScreeningList]
) -> None:
    works = [
        *load_works(FIXTURES / "works.json").value,
        *load_works(FIXTURES / "publications.csv").value,
    ]
    found, links = _consistency(FIXTURES / "proposal.json", works, lists, matcher)
    assert found >= 2 and links >= 2


@pytest.mark.skipif(not _demo_folders(), reason="demo data not generated (make demo)")
def test_demo_flagged_links_agree_with_the_recent_coauthorship_check(
    matcher: Matcher, lists: list[ScreeningList]
) -> None:
    total = [0, 0]
    for folder in _demo_folders():
        files = [folder / n for n in ("works.json", "publications.csv") if (folder / n).exists()]
        works = [w for f in files for w in load_works(f).value]
        found, links = _consistency(folder / "proposal.json", works, lists, matcher)
        total[0] += found
        total[1] += links
    assert total[0] > 0 and total[1] > 0


@pytest.mark.skipif(not _demo_folders(), reason="demo data not generated (make demo)")
def test_demo_co_pi_with_a_listed_past_does_not_flag_ordinary_co_authors(
    matcher: Matcher,
) -> None:
    """D-003: Zhang Hao was at Harbin Institute of Technology until 2019 (Q3.9, not Q3.6)."""
    folder = DEMO / "ASPIRE-2025-D-003"
    works = load_works(folder / "works.json").value
    g = build_graph(load_proposal(folder / "proposal.json"), works, matcher)
    zhang = g.team["p2"]
    own = g.coauthors.nodes[zhang]
    assert "METI End User List:jp-eul-541" in own["own_listed_entries"]
    flagged = [v for v in g.coauthors.adj[zhang] if g.coauthors.edges[zhang, v]["flagged"]]
    # every flagged link of his leads to a co-author who gave a listed affiliation
    assert flagged and all(g.coauthors.nodes[v]["listed"] for v in flagged)
    plain = [v for v in g.coauthors.adj[zhang] if not g.coauthors.nodes[v]["listed"]]
    assert len(plain) > 100 and not any(g.coauthors.edges[zhang, v]["flagged"] for v in plain)
