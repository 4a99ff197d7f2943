"""Views analysts and the dashboard cut out of a :class:`CoauthorGraph`.

Every query returns a new (frozen) networkx graph or plain records; the
built graph is never changed.

Examples
--------
>>> from datetime import date
>>> from workbench.model import Authorship, Person, Proposal, PubDate, Side, Work
>>> from workbench.graph import build_graph
>>> a, b, c = (Authorship(n) for n in ("Ann Lee", "Bo Kim", "Cy Ito"))
>>> works = [Work("W1", "t", PubDate(2024), (a, b)), Work("W2", "t", PubDate(2019), (b, c))]
>>> g = build_graph(Proposal("X", "t", (Person("p1", "Ann Lee", Side.JP, "PI"),)),
...                 works, as_of=date(2025, 1, 1))
>>> sorted(ego(g, "person:p1", depth=1)), len(ego(g, "person:p1", depth=2))
(['name:bo kim', 'person:p1'], 3)
>>> [tuple(e) for e in links_between(g, date(2024, 1, 1), date(2024, 12, 31)).edges]
[('person:p1', 'name:bo kim')]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from workbench.graph.records import CoauthorGraph
from workbench.window import Window


def ego(cg: CoauthorGraph, node: str, depth: int = 1) -> nx.Graph:
    """The people within ``depth`` (1 or 2) co-authorship links of ``node``."""
    if depth not in (1, 2):
        raise ValueError(f"depth must be 1 or 2, not {depth!r}")
    if node not in cg.coauthors:
        raise KeyError(f"no such person in the graph: {node!r}")
    return nx.freeze(nx.ego_graph(cg.coauthors, node, radius=depth))


def flagged_links(cg: CoauthorGraph, *, in_window_only: bool = False) -> nx.Graph:
    """Only the flagged links: a co-author on them gave a listed affiliation on a joint
    work (optionally: an in-window one). See :mod:`workbench.graph.edges`."""
    attr = "flagged_in_window" if in_window_only else "flagged"
    edges = [(u, v) for u, v, f in cg.coauthors.edges(data=attr) if f]
    return nx.freeze(cg.coauthors.edge_subgraph(edges).copy())


def links_between(cg: CoauthorGraph, start: date, end: date) -> nx.Graph:
    """Links with at least one joint work dated inside ``[start, end]`` (inclusive).

    A date known only to the year or month counts when any day it may stand for
    is inside; works without a date never count.
    """
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    window = Window(start, end)
    inside = {wid for wid, w in cg.works.items() if w.date is not None and window.contains(w.date)}
    edges = [(u, v) for u, v, ids in cg.coauthors.edges(data="works") if not inside.isdisjoint(ids)]
    return nx.freeze(cg.coauthors.edge_subgraph(edges).copy())


@dataclass(frozen=True, slots=True)
class ListedPath:
    """A shortest chain from a team member to a listed organisation."""

    source: str
    entry: str  # "<list>:<entry id>"
    entry_name: str
    nodes: tuple[str, ...]  # source … last author, then the "entry:…" node

    @property
    def hops(self) -> int:
        return len(self.nodes) - 1


def listed_graph(cg: CoauthorGraph, *, in_window_only: bool = False) -> nx.Graph:
    """Co-authorship links plus author → listed-organisation links (``entry:…`` nodes)."""
    G = nx.Graph()
    G.add_nodes_from(cg.coauthors.nodes)
    G.add_edges_from(
        (u, v)
        for u, v, inside in cg.coauthors.edges(data="in_window")
        if inside or not in_window_only
    )
    for node, cs in cg.contributions.items():
        for c in cs:
            w = cg.works[c.work_id]
            if in_window_only and (w.date is None or not cg.window.contains(w.date)):
                continue
            for h in c.hits:
                G.add_node(f"entry:{h.key}", entry=h.key, label=h.entry_name)
                G.add_edge(node, f"entry:{h.key}")
    return G


def paths_to_listed(
    cg: CoauthorGraph, node: str, *, in_window_only: bool = False
) -> tuple[ListedPath, ...]:
    """Shortest paths from ``node`` (a team member) to every reachable listed organisation.

    Shortest first, then by entry. With ``in_window_only`` only links and
    affiliations on works inside the look-back window are used.
    """
    G = listed_graph(cg, in_window_only=in_window_only)
    if node not in G:
        raise KeyError(f"no such person in the graph: {node!r}")
    paths = nx.single_source_shortest_path(G, node)
    found = [
        ListedPath(node, G.nodes[t]["entry"], G.nodes[t]["label"], tuple(p))
        for t, p in paths.items()
        if t.startswith("entry:")
    ]
    return tuple(sorted(found, key=lambda p: (p.hops, p.entry)))
