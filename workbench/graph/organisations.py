"""The institution view: author → organisation links, one per author and organisation.

Organisations come from two places: the structured institutions a source gave
for an authorship (``org:…`` nodes) and the screening-list entries found in the
affiliation strings (``entry:<list>:<id>`` nodes, ``listed=True``).

Examples
--------
>>> org_node("Tohoku University", "I201537933"), org_node("Tohoku  university")
('org:I201537933', 'org:tohoku university')
>>> org_node("Some Lab", ror="05x2bcf33")
'org:ror:05x2bcf33'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx

from workbench.graph.identity import name_key
from workbench.graph.records import Contribution, NodeKind
from workbench.model import Institution, Work


def org_node(display_name: str, openalex: str | None = None, ror: str | None = None) -> str:
    """The node id of an organisation from a work's institution record."""
    if openalex:
        return f"org:{openalex}"
    if ror:
        return f"org:ror:{ror}"
    return f"org:{name_key(display_name)}"


def _add_organisation(
    G: nx.Graph, org: str, label: str, entries: tuple[str, ...], country: str
) -> None:
    """The organisation node ``org`` (once): listed when it stands for list ``entries``."""
    if org not in G:
        G.add_node(
            org,
            kind=NodeKind.ORGANISATION.value,
            label=label,
            listed=bool(entries),
            entries=entries,
            country=country,
        )


def organisation_graph(
    works: Sequence[Work],
    nodes: Sequence[Sequence[str]],
    by_work: Mapping[str, Mapping[str, Contribution]],
    in_window: Sequence[bool],
    people: nx.Graph,
) -> nx.Graph:
    """Author → organisation edges with the works behind them.

    ``nodes`` gives the author node of each authorship of each work, ``in_window``
    says per work whether it lies in the look-back window, and ``people`` (the
    co-authorship graph) supplies the author nodes' attributes.
    """
    G = nx.Graph()
    node_of: dict[Institution, str] = {}  # one id per distinct institution record
    links: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (w, row) in enumerate(zip(works, nodes, strict=True)):
        for a, node in zip(w.authorships, row, strict=True):
            if not a.institutions:
                continue
            for inst in a.institutions:
                org = node_of.get(inst)
                if org is None:
                    org = node_of[inst] = org_node(inst.display_name, inst.id, inst.ror)
                _add_organisation(G, org, inst.display_name, (), inst.country_code or "")
                links[node, org].append(i)
        for node, c in by_work[w.id].items():
            if not c.hits:
                continue
            for h in c.hits:
                org = f"entry:{h.key}"
                _add_organisation(G, org, h.entry_name, (h.key,), "")
                links[node, org].append(i)
    for node in dict.fromkeys(n for n, _ in links):  # first seen first: a stable order
        G.add_node(node, **people.nodes[node])
    for (node, org), indices in links.items():
        ids = tuple(dict.fromkeys(indices))
        G.add_edge(
            node,
            org,
            weight=len(ids),
            works=tuple([works[i].id for i in ids]),
            in_window=any([in_window[i] for i in ids]),
            listed=G.nodes[org]["listed"],
        )
    return G
