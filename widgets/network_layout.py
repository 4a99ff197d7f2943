"""A stable, fast layout for co-authorship networks, computed once per proposal.

A force layout of thousands of nodes is slow and, for a star-shaped network
(a team and its many co-authors), mostly a hairball. Instead:

1. the *core* — team members, listed co-authors and the team's strongest
   co-authors (a few hundred at most) — gets a seeded
   spring layout, so the part a reviewer reads is placed by its links;
2. every other person sits in a small sunflower-seed disc beside the person
   through whom the breadth-first search from the core reached them, pushed
   outward, level by level;
3. people not connected to the core at all fill a ring outside.

Same graph, same picture: positions depend only on the graph and a fixed
seed, and are cached by proposal id and graph fingerprint.
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
CORE_LIMIT = 250
#: Spring constant of the core layout (times 1/sqrt(n)); larger spreads the core wider.
SPREAD = 2.5
_GOLDEN = math.pi * (3 - math.sqrt(5))
_CACHE: OrderedDict[tuple[str, str], dict[str, tuple[float, float]]] = OrderedDict()
_CACHE_SIZE = 32


def cached_layout(cg: CoauthorGraph) -> dict[str, tuple[float, float]]:
    """The layout of ``cg``, computed on first use and then taken from the cache."""
    key = (cg.proposal_id, cg.fingerprint)
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
    """Team, listed co-authors, then the team's strongest co-authors: at most CORE_LIMIT."""
    core = dict.fromkeys(n for n in team if n in G)
    listed = sorted(
        (n for n, x in G.nodes(data="listed") if x and n not in core),
        key=lambda n: (-G.degree(n), n),
    )
    core.update(dict.fromkeys(listed))
    strong: dict[str, float] = defaultdict(float)
    for t in team:
        if t in G:
            for n, d in G.adj[t].items():
                if n not in core:
                    strong[n] += d.get("weight", 1)
    core.update(dict.fromkeys(sorted(strong, key=lambda n: (-strong[n], n))))
    return list(core)[:CORE_LIMIT]


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
        placed = nx.spring_layout(H, pos=pos, seed=SEED, iterations=80)
        return {n: np.asarray(p, dtype=float) for n, p in placed.items()}
    placed = nx.spring_layout(
        H, pos=pos, fixed=team, k=SPREAD / math.sqrt(len(H)), iterations=80, seed=SEED
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
    pos = _core_layout(G.subgraph(core), [n for n in team if n in G])
    centre = np.mean(list(pos.values()), axis=0)

    # Breadth-first from the whole core: each new person hangs off one parent.
    parent: dict[str, str] = {}
    frontier = sorted(core)
    seen = set(core)
    levels: list[dict[str, list[str]]] = []
    while frontier:
        children: dict[str, list[str]] = defaultdict(list)
        nxt = []
        for p in frontier:
            adj = G.adj[p]
            nbrs = sorted(adj, key=lambda n: (-adj[n].get("weight", 1), n))
            for n in nbrs:
                if n not in seen:
                    seen.add(n)
                    parent[n] = p
                    children[p].append(n)
                    nxt.append(n)
        if children:
            levels.append(children)
        frontier = nxt

    for depth, children in enumerate(levels):
        scale = 0.045 / (depth + 1)
        for p, kids in children.items():
            origin = pos[p]
            grand = pos.get(parent[p], centre) if p in parent else centre
            direction = origin - grand
            norm = float(np.hypot(*direction))
            if norm < 1e-9:
                angle = (zlib.crc32(p.encode()) % 3600) / 3600 * 2 * math.pi
                direction, norm = np.array([math.cos(angle), math.sin(angle)]), 1.0
            direction = direction / norm
            radius = scale * math.sqrt(len(kids)) + 0.02
            disc_centre = origin + direction * (radius + 0.04)
            offsets = _sunflower(len(kids), radius)
            for n, off in zip(kids, offsets, strict=True):
                pos[n] = disc_centre + off

    rest = sorted(n for n in G.nodes if n not in pos)
    if rest:
        span = max(float(np.max(np.abs(np.array(list(pos.values()))))), 1.0)
        ring = _sunflower(len(rest), 0.35 * math.sqrt(len(rest) / 50 + 1))
        corner = np.array([span + 0.6, -span - 0.2])
        for n, off in zip(rest, ring, strict=True):
            pos[n] = corner + off
    return {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
