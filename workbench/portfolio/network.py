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


def portfolio_network(tables: PortfolioTables) -> nx.Graph:
    """Persons ↔ listed organisations of every screened proposal (see the module text)."""
    g = nx.Graph()
    f = tables.findings
    f = f[f["organisation"].notna() & (f["subject_kind"] == "person")]
    if f.empty:
        return g
    ev = tables.evidence[tables.evidence["year"].notna()]
    ev = ev[["proposal_id", "subject", "organisation_name", "year"]].astype(object)
    years: dict[tuple[Any, ...], set[int]] = {}
    for pid, subject, org_name, year in ev.drop_duplicates().itertuples(index=False):
        years.setdefault((pid, subject, org_name), set()).add(int(year))
    titles = dict(zip(tables.proposals["proposal_id"], tables.proposals["title"], strict=True))
    f = f.astype(object).where(f.notna(), None)  # plain values: quicker to walk than Arrow's
    for row in f.to_dict("records"):
        org = _org_node(str(row["organisation"]))
        name = row["organisation_name"] if pd.notna(row["organisation_name"]) else row["entry_name"]
        if org not in g:
            g.add_node(org, kind=ORGANISATION, name=str(name), lists=set(), entry_country="")
        cited = row.get("lists")
        g.nodes[org]["lists"].update(
            str(cited).split("; ") if pd.notna(cited) else [str(row["list"])]
        )
        if pd.notna(row["entry_country"]) and not g.nodes[org]["entry_country"]:
            g.nodes[org]["entry_country"] = str(row["entry_country"])
        person = _person_node(str(row["proposal_id"]), str(row["subject"]))
        if person not in g:
            g.add_node(
                person,
                kind=PERSON,
                name=str(row["subject_name"]),
                proposal_id=str(row["proposal_id"]),
                title=str(titles.get(row["proposal_id"], "")),
            )
        if not g.has_edge(person, org):
            g.add_edge(person, org, checks=set(), years=set(), proposal_id=str(row["proposal_id"]))
        edge = g.edges[person, org]
        edge["checks"].add(str(row["check"]))
        edge["years"].update(years.get((row["proposal_id"], row["subject"], name), ()))
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
