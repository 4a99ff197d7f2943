"""The network explorer's filters as array operations (no widgets here).

A :class:`GraphArrays` is made once per graph: node positions and kinds, the
edges as index pairs, and one row per (edge, joint work) with the work's date
range and whether it carries a listed affiliation, and one row per (team member,
work) on which the member gave a listed affiliation of their own (drawn as a
ring on the member, never as a flagged link). A filter change is then a
handful of numpy operations over those arrays — no graph walk in Python, no
layout — and gives a :class:`View`: which nodes show, and which edges show in
which category.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from workbench.graph import CoauthorGraph, NodeKind

KIND_CODES = {NodeKind.TEAM: 0, NodeKind.COAUTHOR: 1, NodeKind.LISTED_COAUTHOR: 2}
#: Edge categories, drawn bottom to top.
EDGE_CATEGORIES = ("out_of_window", "in_window", "flagged_out_of_window", "flagged_in_window")
_NO_DATE = np.iinfo(np.int64).min


@dataclass(frozen=True, eq=False)
class GraphArrays:
    nodes: tuple[str, ...]
    index: dict[str, int]
    kind: np.ndarray  # int8: 0 team, 1 co-author, 2 listed co-author
    x: np.ndarray
    y: np.ndarray
    eu: np.ndarray  # edge ends (node indexes)
    ev: np.ndarray
    flagged: np.ndarray  # edge touches a listed affiliation on some joint work
    ew_edge: np.ndarray  # one row per (edge, joint work)
    ew_lo: np.ndarray  # earliest possible day (ordinal), _NO_DATE when undated
    ew_hi: np.ndarray
    ew_flag: np.ndarray
    team: np.ndarray  # node indexes of team members
    # one row per (team member, work) where the member gave a listed affiliation
    own_node: np.ndarray
    own_lo: np.ndarray
    own_hi: np.ndarray

    @classmethod
    def build(cls, cg: CoauthorGraph, pos: dict[str, tuple[float, float]]) -> GraphArrays:
        G = cg.coauthors
        nodes = tuple(G.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        kind = np.array(
            [KIND_CODES.get(NodeKind(k), 1) for k in (G.nodes[n]["kind"] for n in nodes)],
            dtype=np.int8,
        )
        xy = np.array([pos[n] for n in nodes], dtype=float).reshape(-1, 2)
        span = {
            wid: (
                (w.date.earliest().toordinal(), w.date.latest().toordinal())
                if w.date is not None
                else (_NO_DATE, _NO_DATE)
            )
            for wid, w in cg.works.items()
        }
        eu, ev, flagged = [], [], []
        ew_edge, ew_lo, ew_hi, ew_flag = [], [], [], []
        # the links in the order of ``G.edges``, read from the adjacency dicts themselves
        done: set[str] = set()
        e = 0
        for u, around in G.adjacency():
            iu = index[u]
            for v, d in around.items():
                if v in done:
                    continue
                eu.append(iu)
                ev.append(index[v])
                hot = d["flagged"]
                flagged.append(hot)
                marked = d["flagged_works"]
                for wid in d["works"]:
                    ew_edge.append(e)
                    lo, hi = span[wid]
                    ew_lo.append(lo)
                    ew_hi.append(hi)
                    ew_flag.append(hot and wid in marked)
                e += 1
            done.add(u)
        team = np.array(sorted(index[n] for n in cg.team_nodes if n in index), dtype=np.int64)
        own_node, own_lo, own_hi = [], [], []
        for n in cg.team_nodes:
            if n not in index or not G.nodes[n].get("own_listed_entries"):
                continue
            for c in cg.contributions.get(n, ()):
                if c.hits:
                    lo, hi = span[c.work_id]
                    own_node.append(index[n])
                    own_lo.append(lo)
                    own_hi.append(hi)
        return cls(
            nodes=nodes,
            index=index,
            kind=kind,
            x=xy[:, 0].copy(),
            y=xy[:, 1].copy(),
            eu=np.array(eu, dtype=np.int64),
            ev=np.array(ev, dtype=np.int64),
            flagged=np.array(flagged, dtype=bool),
            ew_edge=np.array(ew_edge, dtype=np.int64),
            ew_lo=np.array(ew_lo, dtype=np.int64),
            ew_hi=np.array(ew_hi, dtype=np.int64),
            ew_flag=np.array(ew_flag, dtype=bool),
            team=team,
            own_node=np.array(own_node, dtype=np.int64),
            own_lo=np.array(own_lo, dtype=np.int64),
            own_hi=np.array(own_hi, dtype=np.int64),
        )

    @property
    def n_nodes(self) -> int:
        return len(self.nodes)

    @property
    def n_edges(self) -> int:
        return len(self.eu)

    def edge_index(self, a: str, b: str) -> int | None:
        """The index of the edge between two nodes, if there is one."""
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None:
            return None
        hit = np.flatnonzero(
            ((self.eu == ia) & (self.ev == ib)) | ((self.eu == ib) & (self.ev == ia))
        )
        return int(hit[0]) if len(hit) else None


@dataclass(frozen=True, slots=True)
class Filters:
    start: date
    end: date
    depth: int = 1  # 1, 2, or 0 for "all"
    flagged_only: bool = False
    focus: str = ""  # node id, "" for the whole team
    pinned: tuple[str, ...] = ()  # always shown (selection, highlighted link)


@dataclass(frozen=True, eq=False)
class View:
    nodes: np.ndarray  # bool per node
    edges: dict[str, np.ndarray]  # category -> bool per edge
    in_window: np.ndarray  # bool per edge
    flagged_in_window: np.ndarray
    #: per node: a team member who gave a listed affiliation of their own on a work
    #: inside the date range, or only outside it
    own_in_window: np.ndarray
    own_out_of_window: np.ndarray

    @property
    def n_nodes(self) -> int:
        return int(self.nodes.sum())

    @property
    def n_edges(self) -> int:
        return int(sum(int(m.sum()) for m in self.edges.values()))


def apply(arrays: GraphArrays, f: Filters) -> View:
    """Which nodes and edges to draw, and in which category, for the filters ``f``."""
    lo, hi = f.start.toordinal(), f.end.toordinal()
    dated = arrays.ew_lo != _NO_DATE
    inside = dated & (arrays.ew_hi >= lo) & (arrays.ew_lo <= hi)
    n_e = arrays.n_edges
    e_in = np.zeros(n_e, dtype=bool)
    e_in[arrays.ew_edge[inside]] = True
    e_flag_in = np.zeros(n_e, dtype=bool)
    e_flag_in[arrays.ew_edge[inside & arrays.ew_flag]] = True

    if f.flagged_only:  # flagged links, and always the team's links among themselves
        is_team = np.zeros(arrays.n_nodes, dtype=bool)
        is_team[arrays.team] = True
        kept = arrays.flagged | (is_team[arrays.eu] & is_team[arrays.ev])
    else:
        kept = np.ones(n_e, dtype=bool)
    seeds = np.zeros(arrays.n_nodes, dtype=bool)
    if f.focus and f.focus in arrays.index:
        seeds[arrays.index[f.focus]] = True
    else:
        seeds[arrays.team] = True
    visible = seeds.copy()
    steps = f.depth if f.depth > 0 else arrays.n_nodes
    ku, kv = arrays.eu[kept], arrays.ev[kept]
    for _ in range(steps):
        grown = visible.copy()
        grown[kv[visible[ku]]] = True
        grown[ku[visible[kv]]] = True
        if np.array_equal(grown, visible):
            break
        visible = grown
    for n in f.pinned:
        i = arrays.index.get(n)
        if i is not None:
            visible[i] = True

    shown = kept & visible[arrays.eu] & visible[arrays.ev]
    flag = arrays.flagged
    edges = {
        "flagged_in_window": shown & e_flag_in,
        "flagged_out_of_window": shown & flag & ~e_flag_in,
        "in_window": shown & ~flag & e_in,
        "out_of_window": shown & ~flag & ~e_in,
    }
    own = np.zeros(arrays.n_nodes, dtype=bool)
    own[arrays.own_node] = True
    own_in = np.zeros(arrays.n_nodes, dtype=bool)
    recent = (arrays.own_lo != _NO_DATE) & (arrays.own_hi >= lo) & (arrays.own_lo <= hi)
    own_in[arrays.own_node[recent]] = True
    return View(visible, edges, e_in, e_flag_in, own_in & visible, own & ~own_in & visible)


def segments(arrays: GraphArrays, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y of the selected edges as line segments separated by gaps (NaN)."""
    idx = np.flatnonzero(mask)
    xs = np.full(3 * len(idx), np.nan)
    ys = np.full(3 * len(idx), np.nan)
    xs[0::3], xs[1::3] = arrays.x[arrays.eu[idx]], arrays.x[arrays.ev[idx]]
    ys[0::3], ys[1::3] = arrays.y[arrays.eu[idx]], arrays.y[arrays.ev[idx]]
    return xs, ys


def laid_out(cg: CoauthorGraph) -> GraphArrays:
    """The arrays of ``cg`` with its (cached) layout: all the explorer needs to draw it.

    Made with the screening, off the page's critical path, and kept with it.
    """
    from workbench.session.network_layout import cached_layout

    return GraphArrays.build(cg, cached_layout(cg))
