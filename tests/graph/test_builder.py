"""The builder: projection weights, per-edge evidence, window, identities, bad input."""

from __future__ import annotations

import gc
from collections import Counter
from datetime import date
from itertools import combinations

import networkx as nx
import pytest

from tests.graph.factory import AS_OF, HIT, NameMatcher, author, person, proposal, work
from workbench.errors import InputError
from workbench.graph import NodeKind, build_graph
from workbench.model import Institution, Side

HIT_AFF = "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China"
NUDT_AFF = "College of Advanced Studies, National University of Defense Technology, Changsha"

SATO = author("Haruki Sato", "Tohoku University, Sendai", orcid="0000-0001-0000-0001")
ZHANG = author("Lei Zhang", HIT_AFF, openalex="A101")
WANG = author("Fang Wang", NUDT_AFF)
DE_VRIES = author("Anna de Vries", "TU Delft")


def team():
    return proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001"),
        person("p7", "Anna de Vries", Side.NL),
        person(
            "p6",
            "Suzuki Aya",
            role="secretary",
            involved_in_research=False,
            accesses_research_information=False,
        ),
    )


def test_projection_weight_counts_joint_works() -> None:
    works = [
        work("W1", "2024-05-14", SATO, ZHANG, WANG),
        work("W2", "2024-01-02", SATO, ZHANG),
        work("W3", "2019", ZHANG, WANG),
        work("W4", "2018-03", SATO, DE_VRIES),
    ]
    g = build_graph(team(), works)
    expected: Counter[frozenset[str]] = Counter()
    nodes = {
        "Haruki Sato": "person:p1",
        "Lei Zhang": "openalex:A101",
        "Fang Wang": "name:fang wang",
        "Anna de Vries": "person:p7",
    }
    for w in works:
        for a, b in combinations(w.authorships, 2):
            expected[frozenset((nodes[a.author_name], nodes[b.author_name]))] += 1
    got = {frozenset((u, v)): d["weight"] for u, v, d in g.coauthors.edges(data=True)}
    assert got == dict(expected)
    assert g.coauthors.edges["person:p1", "openalex:A101"]["works"] == ("W2", "W1")


def test_edges_keep_works_dates_and_each_authors_affiliations() -> None:
    g = build_graph(
        team(), [work("W1", "2024-05-14", SATO, ZHANG), work("W3", "2019", SATO, ZHANG)]
    )
    edge = g.coauthors.edges["person:p1", "openalex:A101"]
    assert edge["dates"] == ("2019", "2024-05-14")
    newest = g.shared("person:p1", "openalex:A101")[1]
    assert newest.work_id == "W1" and newest.date is not None and newest.date.day == 14
    assert newest.of("openalex:A101").affiliations == (HIT_AFF,)
    assert newest.of("person:p1").affiliations == ("Tohoku University, Sendai",)
    assert newest.of("openalex:A101").author_name == "Lei Zhang"


@pytest.mark.parametrize(
    ("when", "inside"),
    [
        ("2023-06-20", True),  # the boundary day counts (POLICY: "exactly on the boundary")
        ("2023-06-19", False),
        ("2025-06-20", True),  # the reference day itself
        ("2025-06-21", False),  # after the reference date
        ("2023", True),  # year only: some day of 2023 is inside
        ("2022", False),
        ("2023-06", True),  # month only: 2023-06-20 … 30 are inside
        ("2023-05", False),
        (None, False),  # no date: never inside, counted
    ],
)
def test_in_window_on_boundaries_and_partial_dates(when: str | None, inside: bool) -> None:
    g = build_graph(team(), [work("W1", when, SATO, ZHANG)], as_of=AS_OF)
    assert g.window.start == date(2023, 6, 20) and g.window.end == AS_OF
    assert g.coauthors.edges["person:p1", "openalex:A101"]["in_window"] is inside
    assert g.report.works_without_date == (() if when else ("W1",))


def test_years_and_as_of_move_the_window() -> None:
    works = [work("W1", "2021-01-05", SATO, ZHANG)]
    g3 = build_graph(team(), works, as_of=date(2024, 1, 1), years=3)
    assert g3.window.start == date(2021, 1, 1)
    assert g3.coauthors.edges["person:p1", "openalex:A101"]["in_window"] is True
    g2 = build_graph(team(), works, as_of=date(2024, 1, 1), years=2)
    assert g2.coauthors.edges["person:p1", "openalex:A101"]["in_window"] is False


def test_no_reference_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no reference date"):
        build_graph(proposal(person(), submitted=None), [])


def test_identity_orcid_then_openalex_then_name() -> None:
    works = [
        # ORCID ties two spellings together; the second also carries the OpenAlex id …
        work("W1", "2024", SATO, author("Li Ming", orcid="0000-0002-0000-0009")),
        work("W2", "2024", SATO, author("M. Li", orcid="0000-0002-0000-0009", openalex="A7")),
        # … so an authorship with only that OpenAlex id is the same person.
        work("W3", "2024", SATO, author("Ming LI", openalex="A7")),
        # Name only, other word order: joins the unique identified author of that name.
        work("W4", "2024", SATO, author("Li Ming")),
        # Name only, nobody identified by that name: one name node, order-insensitive.
        work("W5", "2024", SATO, author("Zhang Lei")),
        work("W6", "2024", SATO, author("Lei ZHANG")),
    ]
    g = build_graph(team(), works)
    assert set(g.coauthors["person:p1"]) == {"orcid:0000-0002-0000-0009", "name:lei zhang"}
    assert g.coauthors.edges["person:p1", "orcid:0000-0002-0000-0009"]["weight"] == 4
    assert g.coauthors.edges["person:p1", "name:lei zhang"]["weight"] == 2
    assert g.coauthors.nodes["orcid:0000-0002-0000-0009"]["openalex_id"] == "A7"


def test_ambiguous_name_is_not_guessed_and_is_counted() -> None:
    works = [
        work("W1", "2024", SATO, author("Wei Chen", orcid="0000-0003-0000-0001")),
        work("W2", "2024", SATO, author("Wei Chen", orcid="0000-0003-0000-0002")),
        work("W3", "2024", SATO, author("Chen Wei")),
    ]
    g = build_graph(team(), works)
    assert "name:chen wei" in g.coauthors
    assert g.coauthors.edges["person:p1", "name:chen wei"]["works"] == ("W3",)
    assert any("Chen Wei" in a for a in g.report.ambiguous_names)


def test_team_members_are_linked_by_identifier_name_and_initials() -> None:
    prop = proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001"),
        person("p3", "Ivan Petrov", role="researcher"),
        person("p4", "Tanaka Yui", role="postdoc", name_local="田中 結衣"),
    )
    works = [
        work(
            "W1",
            "2024",
            author("H. Sato", orcid="0000-0001-0000-0001"),
            author("Petrov, Ivan", openalex="A55"),
        ),
        work("W2", "2024", author("Ivan Petrov", openalex="A55"), author("田中結衣")),
        work("W3", "2024", author("Y. Tanaka"), author("Haruki SATO")),
    ]
    g = build_graph(prop, works)
    assert g.team == {"p1": "person:p1", "p3": "person:p3", "p4": "person:p4"}
    assert sorted(g.coauthors.nodes) == ["person:p1", "person:p3", "person:p4"]
    assert g.coauthors.edges["person:p3", "person:p4"]["works"] == ("W2",)
    assert g.coauthors.nodes["person:p3"]["openalex_id"] == "A55"


def test_team_node_attributes_and_scope() -> None:
    g = build_graph(team(), [work("W1", "2024", SATO, DE_VRIES)])
    n = g.coauthors.nodes
    assert n["person:p1"]["kind"] == NodeKind.TEAM and n["person:p1"]["role"] == "PI"
    assert n["person:p1"]["side"] == "JP" and n["person:p1"]["in_scope"] is True
    assert n["person:p7"]["side"] == "NL" and n["person:p7"]["in_scope"] is False
    # the secretary has no works but is a node, out of scope (Q3.7)
    assert n["person:p6"]["in_scope"] is False and g.coauthors.degree("person:p6") == 0
    assert "Q3.7" not in n["person:p6"]["scope_reason"]  # reason text, not the citation
    assert "research" in n["person:p6"]["scope_reason"]


def test_flagged_links_carry_the_list_entry_and_the_window() -> None:
    matcher = NameMatcher((HIT,))
    works = [
        work("W1", "2024-05-14", SATO, ZHANG),  # listed, inside
        work("W2", "2020-02-03", SATO, WANG),  # listed, outside
        work("W3", "2024-07-01", SATO, DE_VRIES),  # not listed
    ]
    g = build_graph(team(), works, matcher)
    e = g.coauthors.edges
    assert (
        e["person:p1", "openalex:A101"]["flagged"],
        e["person:p1", "openalex:A101"]["flagged_in_window"],
    ) == (True, True)
    assert e["person:p1", "openalex:A101"]["entries"] == ("METI End User List:jp-eul-541",)
    assert (
        e["person:p1", "name:fang wang"]["flagged"],
        e["person:p1", "name:fang wang"]["flagged_in_window"],
    ) == (True, False)
    assert e["person:p1", "person:p7"]["flagged"] is False
    hit = g.shared("person:p1", "openalex:A101")[0].of("openalex:A101").hits[0]
    assert HIT_AFF[hit.span[0] : hit.span[1]] == "Harbin Institute of Technology"
    kinds = dict(g.coauthors.nodes(data="kind"))
    assert kinds["openalex:A101"] == kinds["name:fang wang"] == NodeKind.LISTED_COAUTHOR
    assert kinds["person:p7"] == NodeKind.TEAM
    assert set(g.listed_nodes) == {"openalex:A101", "name:fang wang"}


def test_matcher_is_called_once_per_distinct_affiliation() -> None:
    matcher = NameMatcher((HIT,))
    works = [work(f"W{i}", "2024", SATO, ZHANG, WANG) for i in range(50)]
    g = build_graph(team(), works, matcher)
    assert sorted(matcher.calls) == sorted(["Tohoku University, Sendai", HIT_AFF, NUDT_AFF])
    assert g.report.matcher_calls == 3 and g.report.distinct_affiliations == 3


def test_duplicate_works_are_counted_not_double_counted() -> None:
    works = [
        work("W1", "2024", SATO, ZHANG, doi="10.5555/a"),
        work("W1-copy", "2024", SATO, ZHANG, doi="10.5555/A"),  # same DOI, other case
        work("10.5555/b", "2024", SATO, ZHANG),  # the DOI used as the id …
        work("W2", "2024", SATO, ZHANG, doi="10.5555/b"),  # … and the OpenAlex record
        work("W3", "2024", SATO, ZHANG),
        work("W3", "2024", SATO, ZHANG),  # the same id twice
    ]
    g = build_graph(team(), works)
    assert g.report.works_read == 6 and g.report.works_used == 3
    assert len(g.report.duplicate_works) == 3
    assert g.coauthors.edges["person:p1", "openalex:A101"]["weight"] == 3
    assert any("same DOI 10.5555/b" in d for d in g.report.duplicate_works)


def test_the_record_with_more_authors_is_kept() -> None:
    works = [
        work("W1", "2024", SATO, doi="10.5555/a"),
        work("W9", "2024", SATO, ZHANG, doi="10.5555/a"),
    ]
    g = build_graph(team(), works)
    assert list(g.works) == ["W9"] and g.report.duplicate_works == ("W1: same DOI 10.5555/a as W9",)


def test_works_without_authors_and_authors_without_affiliation_are_counted() -> None:
    works = [
        work("W1", "2024"),
        work("W2", "2024", SATO, author("Nobody Known")),
        work(
            "W3", "2024", SATO, author("Also Unknown", institutions=(Institution("RIKEN", "I1"),))
        ),
    ]
    g = build_graph(team(), works)
    assert g.report.works_without_authors == ("W1",)
    assert g.report.authorships_without_affiliation == 1  # W3's author has an institution
    assert "W1" not in g.works and "work:W1" not in g.bipartite
    assert "1 without authors" in g.report.summary()


def test_an_author_listed_twice_on_a_work_is_one_contribution() -> None:
    works = [work("W1", "2024", SATO, ZHANG, author("L. Zhang", "Second address", openalex="A101"))]
    g = build_graph(team(), works)
    edge = g.coauthors.edges["person:p1", "openalex:A101"]
    assert edge["weight"] == 1
    shared = g.shared("person:p1", "openalex:A101")
    assert shared[0].of("openalex:A101").affiliations == (HIT_AFF, "Second address")
    assert g.report.repeated_authors == ("W1: openalex:A101 listed twice",)


def test_bipartite_graph_and_organisation_view() -> None:
    hit = Institution("Harbin Institute of Technology", "I204983213", country_code="CN")
    works = [
        work(
            "W1",
            "2024-05-14",
            SATO,
            author("Lei Zhang", HIT_AFF, openalex="A101", institutions=(hit,)),
        )
    ]
    g = build_graph(team(), works, NameMatcher((HIT,)))
    assert nx.is_bipartite(g.bipartite)
    assert g.bipartite.nodes["work:W1"]["bipartite"] == 0
    assert g.organisations.has_edge("openalex:A101", "org:I204983213")
    listed = "entry:METI End User List:jp-eul-541"
    assert g.organisations.nodes[listed]["listed"] is True
    assert g.organisations.edges["openalex:A101", listed]["in_window"] is True
    view = g.institution_view()
    assert nx.shortest_path(view, "person:p1", listed) == ["person:p1", "openalex:A101", listed]


def test_graphs_are_frozen_and_fingerprint_is_stable() -> None:
    works = [work("W1", "2024", SATO, ZHANG), work("W2", "2024", SATO, WANG)]
    g = build_graph(team(), works)
    with pytest.raises(nx.NetworkXError):
        g.coauthors.add_node("x")
    assert build_graph(team(), list(reversed(works))).fingerprint == g.fingerprint
    assert build_graph(team(), works, as_of=date(2030, 1, 1)).fingerprint == g.fingerprint
    assert build_graph(team(), works[:1]).fingerprint != g.fingerprint


def test_works_of_a_person_newest_first() -> None:
    g = build_graph(team(), [work("W1", "2019", SATO, ZHANG), work("W2", "2024-05", SATO, ZHANG)])
    assert [w.id for w, _ in g.works_of("openalex:A101")] == ["W2", "W1"]
    assert g.works_of("nobody") == ()


def test_an_identifier_shared_by_two_team_members_is_reported_not_joined() -> None:
    prop = proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001"),
        person("p2", "Tanaka Yui", openalex_id="A2"),
    )
    both = author("Haruki Sato", orcid="0000-0001-0000-0001", openalex="A2")
    works = [
        work("W1", "2024", both, ZHANG),
        work("W2", "2024", both, ZHANG),  # the same pair again: reported once
        work("W3", "2024", author("H. Sato", orcid="0000-0001-0000-0001", openalex="A2")),
        work("W4", "2024", author("Yui Tanaka", openalex="A2"), ZHANG),
    ]
    g = build_graph(prop, works)
    assert g.team == {"p1": "person:p1", "p2": "person:p2"}
    assert [a for a in g.report.ambiguous_names if "links two team members" in a] == [
        "H. Sato: identifier openalex:A2 links two team members",
        "Haruki Sato: identifier openalex:A2 links two team members",
    ]
    assert g.coauthors.edges["person:p1", "openalex:A101"]["works"] == ("W1", "W2")
    assert g.coauthors.edges["person:p2", "openalex:A101"]["works"] == ("W4",)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was(enabled: bool) -> None:
    class Failing:
        def match(self, text: str) -> tuple[()]:
            raise RuntimeError("matcher down")

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        build_graph(team(), [work("W1", "2024", SATO, ZHANG)])
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError, match="matcher down"):
            build_graph(team(), [work("W1", "2024", SATO, ZHANG)], Failing())
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_team_members_own_listed_affiliation_is_on_the_node_not_on_the_links() -> None:
    sato_at_hit = author("Haruki Sato", HIT_AFF, orcid="0000-0001-0000-0001")
    sato_at_nudt = author("Haruki Sato", NUDT_AFF, orcid="0000-0001-0000-0001")
    works = [
        work("W1", "2024-05-14", sato_at_hit, DE_VRIES, author("Ken Mori", "Kyoto University")),
        work("W2", "2019-02-03", sato_at_nudt, author("Ken Mori", "Kyoto University")),
        work("W3", "2024-06-01", SATO, ZHANG),  # Zhang at HIT: a flagged link
    ]
    g = build_graph(team(), works, NameMatcher((HIT,)))
    e, n = g.coauthors.edges, g.coauthors.nodes
    assert e["person:p1", "name:ken mori"]["flagged"] is False
    assert e["person:p1", "person:p7"]["flagged"] is False  # two team members
    assert e["person:p7", "name:ken mori"]["flagged"] is False
    assert e["person:p1", "openalex:A101"]["flagged_in_window"] is True
    assert n["person:p1"]["own_listed_entries"] == (
        "METI End User List:jp-eul-541",
        "METI End User List:jp-eul-600",
    )
    assert n["person:p1"]["own_listed_in_window"] == ("METI End User List:jp-eul-541",)
    assert n["person:p1"]["kind"] == NodeKind.TEAM and n["person:p1"]["listed"] is False
    assert n["person:p7"]["own_listed_entries"] == ()
    assert n["openalex:A101"]["own_listed_entries"] == () and n["openalex:A101"]["listed"]
    assert set(g.listed_nodes) == {"openalex:A101"}
    # the evidence is still there: what Sato gave on W1, with the span
    hit = g.shared("person:p1", "name:ken mori")[-1].of("person:p1").hits[0]
    assert hit.entry_id == "jp-eul-541" and HIT_AFF[hit.span[0] : hit.span[1]].startswith("Harbin")


def test_institution_names_are_tested_as_the_policy_check_tests_them() -> None:
    hit = Institution("Harbin Institute of Technology", "I204983213", country_code="CN")
    zhang = author("Lei Zhang", "School of Astronautics, Harbin 150001", institutions=(hit,))
    g = build_graph(team(), [work("W1", "2024-05-14", SATO, zhang)], NameMatcher((HIT,)))
    edge = g.coauthors.edges["person:p1", "name:lei zhang"]
    assert edge["flagged_in_window"] is True
    contribution = g.shared("person:p1", "name:lei zhang")[0].of("name:lei zhang")
    assert contribution.affiliations == (
        "School of Astronautics, Harbin 150001",
        "Harbin Institute of Technology",
    )
    assert contribution.hits[0].affiliation == "Harbin Institute of Technology"


def test_links_made_by_the_screening_are_used_as_given() -> None:
    from workbench.linking import link_people

    works = [
        work("W1", "2024", SATO, ZHANG, doi="10.5555/a"),
        work("W1-copy", "2024", SATO, ZHANG, doi="10.5555/a"),
        work("W2", "2024"),
        work("W3", "2019", author("H. Sato"), WANG),
    ]
    links = link_people(team().people, works)
    given = build_graph(team(), works, NameMatcher((HIT,)), links=links)
    made = build_graph(team(), works, NameMatcher((HIT,)))
    assert nx.utils.graphs_equal(given.coauthors, made.coauthors)
    assert given.report == made.report and given.fingerprint == made.fingerprint
