"""Benchmark: co-authorship graph build and network-explorer filter updates.

1. ``build_graph`` on a synthetic proposal of 3,000 works / ~21,000 authorships
   (target < 1 s; aim ≤ 0.4 s CPU), with the real matcher over the shipped lists
   (``data/lists``), against a straightforward build measured in the same run:
   the matcher called for every authorship's affiliation (no cache),
   ``weighted_projected_graph`` and per-link joint works read through graph
   views. Times are CPU seconds of this process (``time.process_time``: what
   the work costs on one core, whoever else shares the machine) and wall-clock
   seconds. Also printed: networkx's projection alone (the share of the build
   that is ``bipartite.projected_graph``), the collection the builder defers
   by pausing the cycle collector, and a bare hand-rolled pair loop (no
   identities, no evidence, no matching) as the floor.
2. The same build given the links the screening made (``links=``, as the
   dashboard does) against making them again.
3. Laying the 5,000-person network out for the explorer (layout + arrays, done
   once per proposal with the screening and cached), against a larger spring core
   with more steps (250 people, 80 steps: the earlier setting).
4. A filter change in the network explorer on a graph of 5,000+ people
   (target < 300 ms), against recomputing the layout on each change.

Run: ``.venv/bin/python bench/bench_graph.py`` (``make bench`` runs every benchmark).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx
from networkx.algorithms import bipartite

from widgets.network.explorer import NetworkExplorer, warm_up
from workbench.graph import build_graph
from workbench.graph.identity import name_key
from workbench.graph.synthetic import synthetic_network
from workbench.linking import link_people
from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.model import Work
from workbench.session import network_layout
from workbench.session.network_filter import GraphArrays


@dataclass(frozen=True)
class Timing:
    cpu: list[float]
    wall: list[float]

    def line(self, label: str) -> str:
        cpu, wall = self.cpu, self.wall
        return (
            f"  {label:<24} CPU best {min(cpu):.3f} s  median {statistics.median(cpu):.3f} s"
            f" | wall best {min(wall):.3f} s  median {statistics.median(wall):.3f} s"
        )


def timed(fn: Callable[[], object], repeat: int) -> Timing:
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return Timing(cpu, wall)


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


def shipped_matcher() -> tuple[Matcher, str]:
    lists = [load_list(path).value for path in shipped_lists()]
    names = ", ".join(f"{x.name} ({x.entry_count})" for x in lists)
    return Matcher.from_lists(lists), names


def deferred_collection(build: Callable[[], object], repeat: int) -> list[float]:
    """CPU seconds of the young-generation collection that follows a build.

    The builder pauses the cycle collector; the objects it made are examined by
    the next collections instead. Counted here so that nothing is hidden.
    """
    out = []
    for _ in range(repeat):
        gc.collect()
        kept = build()  # alive, as a built graph is
        t0 = time.process_time()
        gc.collect(1)
        out.append(time.process_time() - t0)
        del kept
    return out


def bench_build() -> None:
    proposal, works, _ = synthetic_network(n_works=3000, authors_per_work=(4, 10))
    authorships = sum(len(w.authorships) for w in works)
    t0 = time.process_time()
    matcher, lists = shipped_matcher()
    took = time.process_time() - t0
    print(f"matcher over the shipped lists: {lists}; index built in {took:.2f} s CPU")
    g = build_graph(proposal, works, matcher)  # warm caches and imports
    print(
        f"build: {len(works)} works, {authorships} authorships -> "
        f"{g.coauthors.number_of_nodes()} people, {g.coauthors.number_of_edges()} links, "
        f"{len(g.listed_nodes)} listed co-authors, {g.report.matcher_calls} matcher calls"
    )
    ours = timed(lambda: build_graph(proposal, works, matcher), 7)
    naive = timed(lambda: naive_build(works, matcher), 3)
    authors = [n for n, side in g.bipartite.nodes(data="bipartite") if side == 1]
    projection = timed(lambda: bipartite.projected_graph(g.bipartite, authors), 5)
    deferred = deferred_collection(lambda: build_graph(proposal, works, matcher), 3)
    floor = timed(lambda: pair_loop(works), 5)
    print(ours.line("build_graph") + "  (target < 1 s wall; aim ≤ 0.4 s CPU)")
    print(naive.line("naive build (baseline)"))
    print(
        f"  -> {min(naive.cpu) / min(ours.cpu):.1f}x faster than the baseline in CPU, "
        f"{min(naive.wall) / min(ours.wall):.1f}x in wall time (best of each)"
    )
    print(
        f"  networkx projected_graph alone: CPU best {min(projection.cpu):.3f} s "
        f"({min(projection.cpu) / min(ours.cpu):.0%} of the build)"
    )
    print(
        f"  collection deferred past the build: CPU median {statistics.median(deferred):.3f} s "
        f"(build + it: {min(ours.cpu) + statistics.median(deferred):.3f} s)"
    )
    print(
        f"  bare pair loop (floor: no identities, evidence or matching) "
        f"CPU best {min(floor.cpu):.3f} s  ({min(ours.cpu) / min(floor.cpu):.1f}x of ours)"
    )
    links = link_people(proposal.people, works)
    given = timed(lambda: build_graph(proposal, works, matcher, links=links), 7)
    print(given.line("build_graph, links given"))
    print(
        f"  -> the screening's links save {min(ours.cpu) - min(given.cpu):.3f} s CPU "
        f"({min(ours.cpu) / min(given.cpu):.2f}x)"
    )


def bench_layout() -> None:
    proposal, works, screening = synthetic_network()
    g = build_graph(proposal, works, Matcher.from_lists([screening]))
    now = timed(
        lambda: GraphArrays.build(g, network_layout.compute_layout(g.coauthors, g.team_nodes)), 5
    )
    limit, steps = network_layout.CORE_LIMIT, network_layout.ITERATIONS
    network_layout.CORE_LIMIT, network_layout.ITERATIONS = 250, 80
    try:
        before = timed(
            lambda: GraphArrays.build(g, network_layout.compute_layout(g.coauthors, g.team_nodes)),
            3,
        )
    finally:
        network_layout.CORE_LIMIT, network_layout.ITERATIONS = limit, steps
    print(f"layout for the explorer: {g.coauthors.number_of_nodes()} people")
    print(now.line(f"core {limit}, {steps} steps"))
    print(before.line("core 250, 80 steps"))
    print(f"  -> {min(before.cpu) / min(now.cpu):.1f}x less CPU")


def bench_widget() -> None:
    proposal, works, screening = synthetic_network(n_coauthors=6500, authors_per_work=(4, 10))
    g = build_graph(proposal, works, Matcher.from_lists([screening]))
    t0 = time.perf_counter()
    warm_up()
    imports = time.perf_counter() - t0
    t0 = time.perf_counter()
    w = NetworkExplorer(g)
    first = time.perf_counter() - t0
    print(
        f"widget: {g.coauthors.number_of_nodes()} people, {g.coauthors.number_of_edges()} links;"
        f" plotly's first import {imports:.2f} s (done in the background by the page),"
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
        c0, t0 = time.process_time(), time.perf_counter()
        change()
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        per_change.append(dt)
        print(
            f"  {label:<18} {dt * 1000:7.1f} ms wall, {cpu * 1000:6.1f} ms CPU  "
            f"({w._view.n_nodes} people, {w._view.n_edges} links shown)"
        )

    def relayout_then_refresh() -> None:
        network_layout.compute_layout(g.coauthors, g.team_nodes)
        w.depth.value = 2 if w.depth.value == 1 else 1

    baseline = timed(relayout_then_refresh, 3).wall
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
    bench_layout()
    bench_widget()
