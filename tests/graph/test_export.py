"""Export: GraphML round trip, node-link JSON, pandas tables."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from tests.graph.factory import HIT, NameMatcher, author, person, proposal, work
from workbench.graph import build_graph
from workbench.graph.export import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    edge_table,
    node_link,
    node_table,
    read_graphml,
    write_graphml,
)

HOSTILE = '<img src=x onerror=alert(1)> & "quotes" 佐藤'


@pytest.fixture(scope="module")
def g():
    works = [
        work(
            "W1",
            "2024-05-14",
            author("Haruki Sato", "Tohoku", orcid="0000-0001-0000-0001"),
            author(HOSTILE, "Harbin Institute of Technology, <b>Harbin</b>", openalex="A9"),
        ),
        work(
            "W2",
            "2019",
            # Sato's own (past) listed affiliation: on his node, not on the link
            author("Haruki Sato", "Harbin Institute of Technology", orcid="0000-0001-0000-0001"),
            author("Ken Mori", "Kyoto University"),
        ),
    ]
    prop = proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001", name_local="佐藤 春樹")
    )
    return build_graph(prop, works, NameMatcher((HIT,)))


def test_graphml_round_trip_keeps_nodes_edges_and_attributes(g, tmp_path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    back = read_graphml(path)
    assert set(back.nodes) == set(g.coauthors.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in g.coauthors.edges}
    for n, d in g.coauthors.nodes(data=True):
        for k in NODE_COLUMNS:
            assert back.nodes[n][k] == (d[k] if d[k] is not None else ""), (n, k)
    for u, v, d in g.coauthors.edges(data=True):
        for k in EDGE_COLUMNS:
            assert back.edges[u, v][k] == d[k], (u, v, k)
    aff = back.edges["person:p1", "openalex:A9"]["affiliations"]
    assert aff["W1"]["openalex:A9"] == ["Harbin Institute of Technology, <b>Harbin</b>"]
    assert back.nodes["openalex:A9"]["label"] == HOSTILE
    assert back.graph["proposal_id"] == "T-1" and back.graph["window_start"] == "2023-06-20"


def test_graphml_is_valid_xml_readable_by_networkx_alone(g) -> None:
    buffer = io.BytesIO()
    write_graphml(g, buffer)
    plain = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert plain.number_of_edges() == g.coauthors.number_of_edges()
    assert json.loads(plain.edges["person:p1", "openalex:A9"]["entries"]) == [
        "METI End User List:jp-eul-541"
    ]


def test_node_link_json_round_trip(g) -> None:
    data = json.loads(json.dumps(node_link(g), ensure_ascii=False))
    back = nx.node_link_graph(data, edges="edges")
    assert set(back.nodes) == set(g.coauthors.nodes)
    assert back.edges["person:p1", "openalex:A9"]["works"] == ["W1"]
    assert back.edges["person:p1", "openalex:A9"]["flagged_in_window"] is True
    assert data["graph"]["window"] == ["2023-06-20", "2025-06-20"]
    assert data["graph"]["fingerprint"] == g.fingerprint


def test_pandas_tables(g) -> None:
    nodes, edges = node_table(g), edge_table(g)
    assert list(nodes.columns) == ["node", *NODE_COLUMNS]
    assert list(edges.columns) == ["source", "target", *EDGE_COLUMNS]
    assert (
        len(nodes) == g.coauthors.number_of_nodes() and len(edges) == g.coauthors.number_of_edges()
    )
    kinds = dict(zip(nodes["node"], nodes["kind"], strict=True))
    assert kinds == {
        "person:p1": "team",
        "openalex:A9": "listed-coauthor",
        "name:ken mori": "coauthor",
    }
    flagged = edges[edges["flagged"]]
    assert flagged[["source", "target"]].values.tolist() == [["person:p1", "openalex:A9"]]
    own = dict(zip(nodes["node"], nodes["own_listed_entries"], strict=True))
    assert own["person:p1"] == ("METI End User List:jp-eul-541",) and own["name:ken mori"] == ()
    assert int(edges["weight"].sum()) == 2
