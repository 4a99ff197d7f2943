"""The portfolio-wide network: in-scope researchers ↔ listed organisations across proposals.

Built with :mod:`networkx` from the portfolio tables alone (no re-screening): one
node per in-scope person of a proposal (``person:<proposal>:<id>``) and one per
listed organisation, named once however many lists name it (``org:<organisation>``).
An edge joins a person to an organisation when a finding names both; it carries the
checks raised, the years of the works behind it and the proposal. Which listed
organisations reach many proposals, through whom and over which years is then a
question about the organisation nodes' neighbours (:func:`reach`, :func:`behind`).

Examples
--------
>>> from workbench.portfolio.tables import assemble
>>> g = portfolio_network(assemble([], []))
>>> g.number_of_nodes(), list(reach(g).columns)
(0, ['organisation', 'organisation_name', 'lists', 'proposals', 'persons', 'years'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from workbench.portfolio.tables import PortfolioTables

__all__ = ["behind", "portfolio_network", "reach", "write_graphml"]

PERSON, ORGANISATION = "person", "organisation"


def _org_node(organisation: str) -> str:
    return f"org:{organisation}"


def _person_node(proposal_id: str, subject: str) -> str:
    return f"person:{proposal_id}:{subject}"


#: the findings' columns the network is built from, in the order they are read
_COLUMNS = (
    "proposal_id",
    "subject",
    "subject_name",
    "organisation",
    "organisation_name",
    "entry_name",
    "lists",
    "list",
    "entry_country",
    "check",
)

#: the evidence's columns behind a link's years
_YEAR_COLUMNS = ("proposal_id", "subject", "organisation_name", "year")


def _values(frame: pd.DataFrame, column: str) -> list[Any]:
    """``frame[column]`` as plain Python values, ``None`` for a missing one."""
    col = frame[column]
    return list(col.astype(object).where(col.notna(), None))


def portfolio_network(tables: PortfolioTables) -> nx.Graph:
    """Persons ↔ listed organisations of every screened proposal (see the module text).

    Nodes and edges are gathered in plain dicts, row by row in the findings' order, and
    added to the graph at once (nodes, then edges, in the order first seen)."""
    g = nx.Graph()
    f = tables.findings
    f = f[f["organisation"].notna() & (f["subject_kind"] == "person")]
    if f.empty:
        return g
    ev = tables.evidence
    ev = ev.loc[ev["year"].notna(), list(_YEAR_COLUMNS)].drop_duplicates()
    years: dict[tuple[Any, ...], set[int]] = {}
    for pid, subject, org_name, year in zip(*(_values(ev, c) for c in _YEAR_COLUMNS), strict=True):
        years.setdefault((pid, subject, org_name), set()).add(int(year))
    titles = dict(zip(tables.proposals["proposal_id"], tables.proposals["title"], strict=True))
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for (
        pid,
        subject,
        subject_name,
        organisation,
        org_name,
        entry_name,
        cited,
        listed,
        country,
        check,
    ) in zip(*(_values(f, c) for c in _COLUMNS), strict=True):
        org = _org_node(str(organisation))
        name = org_name if org_name is not None else entry_name
        node = nodes.get(org)
        if node is None:
            node = nodes[org] = {
                "kind": ORGANISATION,
                "name": str(name),
                "lists": set(),
                "entry_country": "",
            }
        node["lists"].update(str(cited).split("; ") if cited is not None else [str(listed)])
        if country is not None and not node["entry_country"]:
            node["entry_country"] = str(country)
        person = _person_node(str(pid), str(subject))
        if person not in nodes:
            nodes[person] = {
                "kind": PERSON,
                "name": str(subject_name),
                "proposal_id": str(pid),
                "title": str(titles.get(pid, "")),
            }
        edge = edges.get((person, org))
        if edge is None:
            edge = edges[person, org] = {"checks": set(), "years": set(), "proposal_id": str(pid)}
        edge["checks"].add(str(check))
        edge["years"].update(years.get((pid, subject, name), ()))
    g.add_nodes_from(nodes.items())
    g.add_edges_from((person, org, data) for (person, org), data in edges.items())
    return g


def reach(g: nx.Graph) -> pd.DataFrame:
    """One row per listed organisation: how many proposals and persons it reaches and over
    which years, widest reach first."""
    rows = []
    for node, data in g.nodes(data=True):
        if data["kind"] != ORGANISATION:
            continue
        people = list(g.neighbors(node))
        years = set().union(*(g.edges[node, p]["years"] for p in people))
        rows.append(
            {
                "organisation": node.removeprefix("org:"),
                "organisation_name": data["name"],
                "lists": "; ".join(sorted(data["lists"])),
                "proposals": len({g.nodes[p]["proposal_id"] for p in people}),
                "persons": len(people),
                "years": ", ".join(str(y) for y in sorted(years)),
            }
        )
    columns = ["organisation", "organisation_name", "lists", "proposals", "persons", "years"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(
        ["proposals", "persons", "organisation_name"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def behind(g: nx.Graph, organisation: str) -> pd.DataFrame:
    """The proposals and persons behind one listed organisation (its ``organisation`` id),
    with the checks and years of each link."""
    node = _org_node(organisation)
    columns = ["proposal_id", "title", "person", "checks", "years"]
    if node not in g:
        return pd.DataFrame(columns=columns)
    rows = []
    for person in g.neighbors(node):
        p, e = g.nodes[person], g.edges[node, person]
        rows.append(
            {
                "proposal_id": p["proposal_id"],
                "title": p["title"],
                "person": p["name"],
                "checks": ", ".join(sorted(e["checks"])),
                "years": ", ".join(str(y) for y in sorted(e["years"])),
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["proposal_id", "person"], kind="stable").reset_index(drop=True)


def write_graphml(g: nx.Graph, path: str | Path) -> Path:
    """Write the network as GraphML (sets written as ``; ``-joined text), atomically."""
    out = nx.Graph()
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for a, b, data in g.edges(data=True):
        out.add_edge(a, b, **{k: _scalar(v) for k, v in data.items()})
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    nx.write_graphml(out, tmp)
    tmp.replace(target)
    return target


def _scalar(value: Any) -> Any:
    if isinstance(value, set | frozenset | tuple | list):
        return "; ".join(str(v) for v in sorted(value))
    return value
