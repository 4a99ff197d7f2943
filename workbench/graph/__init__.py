"""The co-authorship graph of a proposal: builder, queries and export.

``build_graph(proposal, works, matcher=None, as_of=None, years=DEFAULT_YEARS)`` gives a
:class:`CoauthorGraph`; :mod:`workbench.graph.queries` cuts views out of it and
:mod:`workbench.graph.export` writes it out (GraphML, node-link JSON, pandas).
"""

from workbench.graph.builder import build_graph
from workbench.graph.duplicates import dedupe_works
from workbench.graph.identity import name_key, person_node
from workbench.graph.records import (
    BuildReport,
    CoauthorGraph,
    Contribution,
    ListHit,
    NodeKind,
    SharedWork,
)

__all__ = [
    "BuildReport",
    "CoauthorGraph",
    "Contribution",
    "ListHit",
    "NodeKind",
    "SharedWork",
    "build_graph",
    "dedupe_works",
    "name_key",
    "person_node",
]
