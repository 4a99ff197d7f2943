"""A stable, fast layout for co-authorship networks, computed once per proposal.

A force layout of thousands of nodes is slow and, for a star-shaped network
(a team and its many co-authors), mostly a hairball. Instead:

1. the *core* — team members, listed co-authors and the other ends of their
   flagged links (what a large network opens on), then the team's strongest
   co-authors, a few hundred at most — gets a seeded spring layout on a small
   copy of its own links, so the part a reviewer reads is placed by its links;
2. every other person sits in a small sunflower-seed disc beside the person
   through whom the breadth-first search from the core reached them, pushed
   outward, level by level (arithmetic per disc, no force layout);
3. people not connected to the core at all fill a ring outside.

Same graph, same picture: positions depend only on the graph and a fixed
seed, and are cached by proposal id and graph fingerprint (in memory here; the
workspace also keeps them on disk with the screening).
"""

from __future__ import annotations

import math
import zlib
from collections import OrderedDict, defaultdict
from typing import Any

import networkx as nx
import numpy as np

from workbench.graph import CoauthorGraph

SEED = 7
CORE_LIMIT = 160
#: Spring-layout steps for the core (its cost grows with CORE_LIMIT² × ITERATIONS).
ITERATIONS = 60
#: Spring constant of the core layout (times 1/sqrt(n)); larger spreads the core wider.
SPREAD = 2.5
_GOLDEN = math.pi * (3 - math.sqrt(5))
_CACHE: OrderedDict[tuple[str, str, tuple[str, ...]], dict[str, tuple[float, float]]] = (
    OrderedDict()
)
_CACHE_SIZE = 32


def cached_layout(cg: CoauthorGraph) -> dict[str, tuple[float, float]]:
    """The layout of ``cg``, computed on first use and then taken from the cache."""
    # the team too: a revised questionnaire may add or drop a person without works
    key = (cg.proposal_id, cg.fingerprint, tuple(cg.team_nodes))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    pos = compute_layout(cg.coauthors, cg.team_nodes)
    _CACHE[key] = pos
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return pos


def cache_info() -> dict[str, Any]:
    return {"entries": len(_CACHE), "keys": list(_CACHE)}


def _core(G: nx.Graph, team: tuple[str, ...]) -> list[str]:
    """Team, listed co-authors, their flagged links' other ends, then the team's strongest
    co-authors: at most CORE_LIMIT."""
    core = dict.fromkeys(n for n in team if n in G)
    listed = sorted(
        (n for n, x in G.nodes(data="listed") if x and n not in core),
        key=lambda n: (-G.degree(n), n),
    )
    core.update(dict.fromkeys(listed))
    ends = sorted(
        {v for n in listed for v, d in G.adj[n].items() if d.get("flagged") and v not in core}
    )
    core.update(dict.fromkeys(ends))
    strong: dict[str, float] = defaultdict(float)
    for t in team:
        if t in G:
            for n, d in G.adj[t].items():
                if n not in core:
                    strong[n] += d.get("weight", 1)
    core.update(dict.fromkeys(sorted(strong, key=lambda n: (-strong[n], n))))
    return list(core)[:CORE_LIMIT]


def _induced(G: nx.Graph, nodes: list[str]) -> nx.Graph:
    """A plain copy of the links among ``nodes`` (a subgraph view is slow to lay out)."""
    inside = set(nodes)
    adj = dict(G.adjacency())
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(
        (u, v, {"weight": d.get("weight", 1)})
        for u in nodes
        for v, d in adj[u].items()
        if v in inside
    )
    return H


def _core_layout(H: nx.Graph, team: list[str]) -> dict[str, np.ndarray]:
    """Team members evenly on a ring; the rest of the core placed by a seeded spring
    layout with the ring held still, so co-authors shared by several members sit
    between them and one member's own co-authors sit beside that member."""
    rng = np.random.default_rng(SEED)
    m = len(team)
    pos: dict[str, np.ndarray] = {}
    for i, n in enumerate(team):
        angle = math.pi / 2 - 2 * math.pi * i / max(m, 1)
        pos[n] = np.array([math.cos(angle), math.sin(angle)]) * (1.0 if m > 1 else 0.0)
    others = [n for n in H if n not in pos]
    if not others:
        return pos
    for n in others:
        anchors = [pos[t] for t in H.adj[n] if t in pos]
        base = np.mean(anchors, axis=0) * 1.15 if anchors else rng.normal(0, 0.4, 2)
        pos[n] = base + rng.normal(0, 0.08, 2)
    if m < 2:
        placed = nx.spring_layout(H, pos=pos, seed=SEED, iterations=ITERATIONS)
        return {n: np.asarray(p, dtype=float) for n, p in placed.items()}
    placed = nx.spring_layout(
        H, pos=pos, fixed=team, k=SPREAD / math.sqrt(len(H)), iterations=ITERATIONS, seed=SEED
    )
    return {n: np.asarray(p, dtype=float) for n, p in placed.items()}


def _sunflower(m: int, radius: float) -> np.ndarray:
    k = np.arange(m, dtype=float)
    r = radius * np.sqrt((k + 0.5) / max(m, 1))
    theta = k * _GOLDEN
    return np.column_stack([r * np.cos(theta), r * np.sin(theta)])


def compute_layout(G: nx.Graph, team: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    """Positions for every node of ``G`` (see the module text), roughly within [-2, 2]²."""
    if G.number_of_nodes() == 0:
        return {}
    core = _core(G, team) or [min(G.nodes)]
    placed = _core_layout(_induced(G, core), [n for n in team if n in G])
    pos = {n: (float(p[0]), float(p[1])) for n, p in placed.items()}
    cx = sum(p[0] for p in pos.values()) / len(pos)
    cy = sum(p[1] for p in pos.values()) / len(pos)

    # Breadth-first from the whole core: each new person hangs off one parent, the
    # parent's neighbours taken strongest link first (then by id: the same every time).
    adj = dict(G.adjacency())  # plain dicts: much faster to walk than graph views
    parent: dict[str, str] = {}
    frontier = sorted(core)
    seen = set(core)
    levels: list[list[tuple[str, list[str]]]] = []
    while frontier:
        children: list[tuple[str, list[str]]] = []
        nxt: list[str] = []
        for p in frontier:
            new = [(-d.get("weight", 1), n) for n, d in adj[p].items() if n not in seen]
            if not new:
                continue
            new.sort()
            kids = [n for _, n in new]
            seen.update(kids)
            for n in kids:
                parent[n] = p
            children.append((p, kids))
            nxt.extend(kids)
        if children:
            levels.append(children)
        frontier = nxt

    for depth, children in enumerate(levels):
        scale = 0.045 / (depth + 1)
        for p, kids in children:
            ox, oy = pos[p]
            gx, gy = pos[parent[p]] if p in parent else (cx, cy)
            dx, dy = ox - gx, oy - gy
            norm = math.hypot(dx, dy)
            if norm < 1e-9:
                angle = (zlib.crc32(p.encode()) % 3600) / 3600 * 2 * math.pi
                dx, dy, norm = math.cos(angle), math.sin(angle), 1.0
            radius = scale * math.sqrt(len(kids)) + 0.02
            step = (radius + 0.04) / norm
            disc = np.add(_sunflower(len(kids), radius), (ox + dx * step, oy + dy * step))
            pos.update(zip(kids, map(tuple, disc.tolist()), strict=True))

    rest = sorted(n for n in G.nodes if n not in pos)
    if rest:
        span = max(max(abs(x), abs(y)) for x, y in pos.values())
        span = max(span, 1.0)
        ring = _sunflower(len(rest), 0.35 * math.sqrt(len(rest) / 50 + 1))
        ring += (span + 0.6, -span - 0.2)
        pos.update(zip(rest, map(tuple, ring.tolist()), strict=True))
    return pos
