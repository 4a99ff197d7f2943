"""Benchmark: co-authorship graph build and network-explorer filter updates.

1. ``build_graph`` on a synthetic proposal of 3,000 works / ~21,000 authorships
   (target < 1 s), against a straightforward build measured in the same run:
   the matcher called for every authorship's affiliation (no cache),
   ``weighted_projected_graph`` and per-link joint works read through graph
   views. A bare hand-rolled pair loop (no identities, no evidence, no matching)
   is printed as the floor.
2. A filter change in the network explorer on a graph of 5,000+ people
   (target < 300 ms), against recomputing the layout on each change.

Run: ``.venv/bin/python bench/bench_graph.py`` (``make bench`` runs every benchmark).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx
from networkx.algorithms import bipartite

from widgets import network_layout
from widgets.network import NetworkExplorer
from workbench.graph import build_graph
from workbench.graph.identity import name_key
from workbench.graph.synthetic import synthetic_network
from workbench.matching import Matcher
from workbench.model import Work


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def naive_build(works: list[Work], matcher: Matcher) -> nx.Graph:
    """The same links and evidence, built the obvious way."""
    B = nx.Graph()
    hits = {}
    for w in works:
        wn = f"work:{w.id}"
        B.add_node(wn, bipartite=0)
        for a in w.authorships:
            node = a.orcid or a.openalex_author_id or name_key(a.author_name)
            B.add_node(node, bipartite=1)
            B.add_edge(node, wn)
            for s in a.raw_affiliations:
                hits[w.id, node] = matcher.match(s)  # every authorship, no cache
    authors = [n for n, d in B.nodes(data="bipartite") if d == 1]
    P = bipartite.weighted_projected_graph(B, authors)
    for u, v, d in P.edges(data=True):
        shared = set(B[u]) & set(B[v])
        d["works"] = sorted(shared)
        d["flagged"] = any(hits.get((s[5:], x)) for s in shared for x in (u, v))
    return P


def pair_loop(works: list[Work]) -> dict[tuple[str, str], list[str]]:
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for w in works:
        ids = sorted({a.orcid or a.openalex_author_id or a.author_name for a in w.authorships})
        for a, b in combinations(ids, 2):
            pairs[a, b].append(w.id)
    return pairs


def bench_build() -> None:
    proposal, works, screening = synthetic_network(n_works=3000, authors_per_work=(4, 10))
    authorships = sum(len(w.authorships) for w in works)
    matcher = Matcher.from_lists([screening])
    build_graph(proposal, works, matcher)  # warm caches and imports
    ours = timed(lambda: build_graph(proposal, works, matcher), 5)
    naive = timed(lambda: naive_build(works, matcher), 3)
    floor = timed(lambda: pair_loop(works), 5)
    g = build_graph(proposal, works, matcher)
    print(
        f"build: {len(works)} works, {authorships} authorships -> "
        f"{g.coauthors.number_of_nodes()} people, {g.coauthors.number_of_edges()} links, "
        f"{len(g.listed_nodes)} listed co-authors, {g.report.matcher_calls} matcher calls"
    )
    print(
        f"  build_graph            best {min(ours):.3f} s  median {statistics.median(ours):.3f} s"
        f"  (target < 1 s)"
    )
    print(
        f"  naive build (baseline) best {min(naive):.3f} s  median {statistics.median(naive):.3f} s"
        f"  -> {min(naive) / min(ours):.1f}x faster"
    )
    print(
        f"  bare pair loop (floor: no identities, evidence or matching) "
        f"best {min(floor):.3f} s  ({min(ours) / min(floor):.1f}x of ours)"
    )


def bench_widget() -> None:
    proposal, works, screening = synthetic_network(n_coauthors=6500, authors_per_work=(4, 10))
    g = build_graph(proposal, works, Matcher.from_lists([screening]))
    t0 = time.perf_counter()
    w = NetworkExplorer(g)
    first = time.perf_counter() - t0
    print(
        f"widget: {g.coauthors.number_of_nodes()} people, {g.coauthors.number_of_edges()} links;"
        f" first show incl. layout {first:.2f} s"
    )

    changes: list[tuple[str, Callable[[], None]]] = [
        ("show all links", lambda: setattr(w.flagged_only, "value", False)),
        ("window from 2019", lambda: setattr(w.start, "value", date(2019, 1, 1))),
        ("depth 2", lambda: setattr(w.depth, "value", 2)),
        ("focus p1", lambda: setattr(w.focus, "value", "person:p1")),
        ("whole team", lambda: setattr(w.focus, "value", "")),
        ("flagged only", lambda: setattr(w.flagged_only, "value", True)),
        ("reset", w.reset_view),
    ]
    per_change = []
    for label, change in changes:
        t0 = time.perf_counter()
        change()
        dt = time.perf_counter() - t0
        per_change.append(dt)
        print(
            f"  {label:<18} {dt * 1000:7.1f} ms  ({w._view.n_nodes} people, "
            f"{w._view.n_edges} links shown)"
        )

    def relayout_then_refresh() -> None:
        network_layout.compute_layout(g.coauthors, g.team_nodes)
        w.depth.value = 2 if w.depth.value == 1 else 1

    baseline = timed(relayout_then_refresh, 3)
    worst = max(per_change)
    print(
        f"  filter update          worst {worst * 1000:.1f} ms, median "
        f"{statistics.median(per_change) * 1000:.1f} ms  (target < 300 ms)"
    )
    print(
        f"  re-layout per update (baseline) median {statistics.median(baseline) * 1000:.1f} ms"
        f"  -> {statistics.median(baseline) / statistics.median(per_change):.1f}x faster"
    )


if __name__ == "__main__":
    bench_build()
    bench_widget()
