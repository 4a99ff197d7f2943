"""Queries: ego networks, flagged links, date ranges, paths to listed organisations."""

from __future__ import annotations

from datetime import date

import pytest

from tests.graph.factory import HIT, NameMatcher, author, person, proposal, work
from workbench.graph import build_graph
from workbench.graph.queries import ego, flagged_links, links_between, listed_graph, paths_to_listed

HIT_AFF = "Harbin Institute of Technology, Harbin"
NUDT_AFF = "National University of Defense Technology, Changsha"

SATO = author("Haruki Sato", "Tohoku University", orcid="0000-0001-0000-0001")
TANAKA = author("Yui Tanaka", "Tohoku University")
ZHANG = author("Lei Zhang", HIT_AFF, openalex="A1")
WANG = author("Fang Wang", "Zhejiang University", openalex="A2")
WANG_NUDT = author("Fang Wang", NUDT_AFF, openalex="A2")
MORI = author("Ken Mori", "Kyoto University", openalex="A3")


@pytest.fixture(scope="module")
def g():
    # p1 — Zhang (listed, 2024);  p1 — Wang (2024), Wang — Mori (2020, Wang at NUDT);
    # p4 — Mori (2016);  p4 (listed herself on an old work? no) alone otherwise.
    works = [
        work("W1", "2024-05-14", SATO, ZHANG),
        work("W2", "2024-02-01", SATO, WANG),
        work("W3", "2020-01-01", WANG_NUDT, MORI),
        work("W4", "2016", TANAKA, MORI),
    ]
    prop = proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001"),
        person("p4", "Tanaka Yui", role="postdoc"),
    )
    return build_graph(prop, works, NameMatcher((HIT,)))


def test_ego_depth_one_and_two(g) -> None:
    assert set(ego(g, "person:p1", 1)) == {"person:p1", "openalex:A1", "openalex:A2"}
    assert set(ego(g, "person:p1", 2)) == {"person:p1", "openalex:A1", "openalex:A2", "openalex:A3"}
    assert set(ego(g, "person:p4", 2)) == {"person:p4", "openalex:A3", "openalex:A2"}
    with pytest.raises(ValueError, match="depth"):
        ego(g, "person:p1", 3)
    with pytest.raises(KeyError):
        ego(g, "person:nobody")


def test_flagged_links_only(g) -> None:
    every = {frozenset(e) for e in flagged_links(g).edges}
    assert every == {
        frozenset(("person:p1", "openalex:A1")),
        frozenset(("openalex:A2", "openalex:A3")),
    }
    recent = {frozenset(e) for e in flagged_links(g, in_window_only=True).edges}
    assert recent == {frozenset(("person:p1", "openalex:A1"))}


def test_links_within_a_date_range_inclusive(g) -> None:
    edges = {frozenset(e) for e in links_between(g, date(2024, 2, 1), date(2024, 5, 13)).edges}
    assert edges == {frozenset(("person:p1", "openalex:A2"))}  # W1 (05-14) is one day late
    edges = {frozenset(e) for e in links_between(g, date(2016, 12, 31), date(2016, 12, 31)).edges}
    assert edges == {frozenset(("person:p4", "openalex:A3"))}  # year-only 2016 touches the day
    with pytest.raises(ValueError, match="before it starts"):
        links_between(g, date(2024, 1, 2), date(2024, 1, 1))


def test_shortest_paths_to_listed_organisations(g) -> None:
    paths = paths_to_listed(g, "person:p1")
    assert [(p.entry, p.nodes) for p in paths] == [
        (
            "METI End User List:jp-eul-541",
            ("person:p1", "openalex:A1", "entry:METI End User List:jp-eul-541"),
        ),
        (
            "METI End User List:jp-eul-600",
            ("person:p1", "openalex:A2", "entry:METI End User List:jp-eul-600"),
        ),
    ]
    assert paths[0].hops == 2 and paths[0].entry_name == "Harbin Institute of Technology"
    # p4 reaches NUDT only through Mori and Wang's 2020 work: gone when only the window counts.
    assert [p.hops for p in paths_to_listed(g, "person:p4")] == [3, 5]  # via Wang; via p1 and Zhang
    assert paths_to_listed(g, "person:p4", in_window_only=True) == ()
    assert [p.hops for p in paths_to_listed(g, "person:p1", in_window_only=True)] == [2]


def test_listed_graph_adds_entry_nodes(g) -> None:
    G = listed_graph(g)
    assert G.has_edge("openalex:A2", "entry:METI End User List:jp-eul-600")
    assert not listed_graph(g, in_window_only=True).has_node("entry:METI End User List:jp-eul-600")
