"""Write a co-authorship graph out: GraphML, node-link JSON, pandas tables.

GraphML holds only scalars, so lists (works, dates, list entries) are written
as JSON text and the per-work evidence of an edge as one JSON object
``{work id: {node: [affiliation, …]}}``; :func:`read_graphml` turns them back.

Examples
--------
>>> from datetime import date
>>> from workbench.model import Authorship, Person, Proposal, PubDate, Side, Work
>>> from workbench.graph import build_graph
>>> a, b = Authorship("Ann Lee", raw_affiliations=("<b>X</b> Univ",)), Authorship("Bo Kim")
>>> g = build_graph(Proposal("X", "t", (Person("p1", "Ann Lee", Side.JP, "PI"),)),
...                 [Work("W1", "t", PubDate(2024), (a, b))], as_of=date(2025, 1, 1))
>>> edge_table(g)[["source", "target", "weight", "works", "in_window"]].to_dict("records")
[{'source': 'person:p1', 'target': 'name:bo kim', 'weight': 1, 'works': ('W1',), 'in_window': True}]
>>> node_link(g)["graph"]["window"]
['2023-01-01', '2025-01-01']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import networkx as nx
import pandas as pd

from workbench.graph.records import CoauthorGraph, SharedWork

NODE_COLUMNS = (
    "kind",
    "label",
    "label_local",
    "person_id",
    "role",
    "side",
    "in_scope",
    "orcid",
    "openalex_id",
    "n_works",
    "listed",
    "entries",
    "names",
    "own_listed_entries",
    "own_listed_in_window",
)
EDGE_COLUMNS = (
    "weight", "works", "dates", "in_window", "flagged", "flagged_in_window", "flagged_works",
    "entries",
)  # fmt: skip
_LIST_FIELDS = (
    "works", "dates", "entries", "names", "flagged_works", "own_listed_entries",
    "own_listed_in_window",
)  # fmt: skip


def _evidence(shared: tuple[SharedWork, ...]) -> dict[str, dict[str, list[str]]]:
    return {s.work_id: {c.node: list(c.affiliations) for c in s.contributions} for s in shared}


def _plain_graph(cg: CoauthorGraph, *, json_text: bool) -> nx.Graph:
    """A copy holding only exportable values (lists as JSON text when ``json_text``)."""

    def conv(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, tuple | list):
            items = [str(v) for v in value]
            return json.dumps(items, ensure_ascii=False) if json_text else items
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False) if json_text else value
        return value

    G = nx.Graph(
        proposal_id=cg.proposal_id,
        as_of=cg.as_of.isoformat(),
        window_start=cg.window.start.isoformat(),
        window_end=cg.window.end.isoformat(),
        fingerprint=cg.fingerprint,
    )
    for n, d in cg.coauthors.nodes(data=True):
        G.add_node(n, **{k: conv(d.get(k)) for k in NODE_COLUMNS})
    for u, v, d in cg.coauthors.edges(data=True):
        attrs = {k: conv(d.get(k)) for k in EDGE_COLUMNS}
        attrs["affiliations"] = conv(_evidence(cg.shared(u, v)))
        G.add_edge(u, v, **attrs)
    return G


def write_graphml(cg: CoauthorGraph, path: str | Path | IO[bytes]) -> None:
    """Write the co-authorship graph as GraphML (lists and evidence as JSON text)."""
    nx.write_graphml(_plain_graph(cg, json_text=True), path)


def read_graphml(path: str | Path | IO[bytes]) -> nx.Graph:
    """Read a file written by :func:`write_graphml`, turning JSON text back into values."""
    G = nx.read_graphml(path)
    for _, d in G.nodes(data=True):
        for k in _LIST_FIELDS:
            if isinstance(d.get(k), str):
                d[k] = tuple(json.loads(d[k]))
    for _, _, d in G.edges(data=True):
        for k in _LIST_FIELDS:
            if isinstance(d.get(k), str):
                d[k] = tuple(json.loads(d[k]))
        if isinstance(d.get("affiliations"), str):
            d["affiliations"] = json.loads(d["affiliations"])
    return G


def node_link(cg: CoauthorGraph) -> dict[str, Any]:
    """The graph as a JSON-ready node-link object (``nodes``, ``edges``, ``graph``)."""
    data = nx.node_link_data(_plain_graph(cg, json_text=False), edges="edges")
    data["graph"] = {
        "proposal_id": cg.proposal_id,
        "as_of": cg.as_of.isoformat(),
        "window": [cg.window.start.isoformat(), cg.window.end.isoformat()],
        "fingerprint": cg.fingerprint,
        "report": cg.report.summary(),
    }
    return data


def node_table(cg: CoauthorGraph) -> pd.DataFrame:
    """One row per person node: ``node`` then the node attributes."""
    rows = [
        {"node": n, **{k: d.get(k) for k in NODE_COLUMNS}} for n, d in cg.coauthors.nodes(data=True)
    ]
    return pd.DataFrame(rows, columns=["node", *NODE_COLUMNS])


def edge_table(cg: CoauthorGraph) -> pd.DataFrame:
    """One row per co-authorship link: ``source``, ``target`` then the edge attributes."""
    rows = [
        {"source": u, "target": v, **{k: d.get(k) for k in EDGE_COLUMNS}}
        for u, v, d in cg.coauthors.edges(data=True)
    ]
    return pd.DataFrame(rows, columns=["source", "target", *EDGE_COLUMNS])
