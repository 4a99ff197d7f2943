"""The analyst page's network and colours, headless: click an organisation, export GraphML,
and every organisation keeps its colour across charts and filters.

Expected rows come from the findings table with plain pandas, not from the network module.
"""

from __future__ import annotations

import io
import re
from typing import Any

import networkx as nx
import pytest

from widgets.portfolio.app import PortfolioApp
from widgets.portfolio.colours import org_colour
from widgets.portfolio.network_view import ORGANISATIONS_TRACE


@pytest.fixture
def app(local_run: Any) -> PortfolioApp:
    return PortfolioApp(local_run.tables, language="en", review_url="http://127.0.0.1:9999/")


def _colours(app: PortfolioApp) -> dict[str, set[str]]:
    """Organisation name → every colour it has in the bar chart, timeline and network."""
    out: dict[str, set[str]] = {}
    bars = app.figures["by_organisation"].data[0]
    names = app.clicks["by_organisation"].values[0]
    for name, colour in zip(names, bars.marker.color, strict=True):
        out.setdefault(name, set()).add(colour)
    for i, trace in enumerate(app.figures["timeline"].data):
        name = app.clicks["timeline"].values[i][0][1]
        out.setdefault(name, set()).add(trace.marker.color)
    net = app.network
    orgs = net.figure.data[ORGANISATIONS_TRACE]
    shown = net.reach.set_index("organisation")["organisation_name"]
    for org, colour in zip(net.organisations, orgs.marker.color, strict=True):
        out.setdefault(shown[org], set()).add(colour)
    return out


def test_clicking_an_organisation_lists_the_proposals_and_persons_behind_it(
    app: PortfolioApp, local_run: Any
) -> None:
    net = app.network
    assert net.organisations, "the test portfolio has findings on listed organisations"
    net.chart.clicked = {"trace": ORGANISATIONS_TRACE, "point": 0, "n": 1}
    org = net.organisations[0]
    assert net.selected == org
    f = local_run.tables.findings
    mine = f[(f["organisation"] == org) & (f["subject_kind"] == "person")]
    expected = set(zip(mine["proposal_id"], mine["subject_name"], strict=True))
    rows = net.behind()
    assert set(zip(rows["proposal_id"], rows["person"], strict=True)) == expected
    # the organisation reaching most proposals is drawn first
    reached = f[f["subject_kind"] == "person"].groupby("organisation")["proposal_id"].nunique()
    assert reached[org] == reached.max()
    for pid in mine["proposal_id"]:
        assert f'href="http://127.0.0.1:9999/?proposal={pid}"' in net.behind_table.value
    net.chart.clicked = {"trace": 0, "point": 0, "n": 2}  # a person: nothing changes
    assert net.selected == org


def test_graphml_export_holds_the_whole_network_without_server_paths(app: PortfolioApp) -> None:
    data = app.network.export_graphml()
    g = nx.read_graphml(io.BytesIO(data))
    assert g.number_of_nodes() == app.network.graph.number_of_nodes()
    assert g.number_of_edges() == app.network.graph.number_of_edges()
    values = [str(v) for _, d in g.nodes(data=True) for v in d.values()]
    assert not any(v.startswith("/") for v in values)
    assert "portfolio_network.graphml" in app.network.download.value


def test_every_organisation_keeps_one_colour_across_charts_and_filters(
    app: PortfolioApp, local_run: Any
) -> None:
    before = _colours(app)
    assert before and all(len(c) == 1 for c in before.values())
    assert all(c == {org_colour(name)} for name, c in before.items())
    calls = sorted(set(local_run.tables.proposals["call"].dropna()))
    checks = sorted(set(local_run.tables.findings["check"]))
    for filters in ({"check": checks[:1]}, {"call": calls[:1]}, {"check": checks[-1:]}):
        app.filters = filters
        after = _colours(app)
        assert all(before[name] == c for name, c in after.items() if name in before)
        assert all(len(c) == 1 for c in after.values())


def test_the_links_drawn_are_the_links_of_the_organisations_drawn(app: PortfolioApp) -> None:
    """The one path below the points: a segment from each organisation drawn to each of its
    persons, from the organisation's point to the person's, and no other."""
    net = app.network
    spec = net.spec
    assert spec is not None and net.organisations
    persons, orgs = spec["data"][0], spec["data"][ORGANISATIONS_TRACE]
    (shape,) = spec["layout"]["shapes"]
    assert shape["layer"] == "below" and (shape["xref"], shape["yref"]) == ("x", "y")
    segments = re.findall(r"M(-?[\d.]+),(-?[\d.]+)L(-?[\d.]+),(-?[\d.]+)", shape["path"])
    assert "".join(f"M{a},{b}L{c},{d}" for a, b, c, d in segments) == shape["path"]
    drawn = [((float(a), float(b)), (float(c), float(d))) for a, b, c, d in segments]
    links = [
        (i, person)
        for i, org in enumerate(net.organisations)
        for person in net.graph.neighbors(f"org:{org}")
    ]
    # the persons' points, in the order they are first linked
    people = list(dict.fromkeys(person for _i, person in links))
    assert len(people) == len(persons["x"])
    point = dict(zip(people, zip(persons["x"], persons["y"], strict=True), strict=True))
    org_at = list(zip(orgs["x"], orgs["y"], strict=True))
    assert drawn == [(org_at[i], point[person]) for i, person in links]
