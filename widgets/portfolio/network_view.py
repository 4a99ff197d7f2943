"""The analyst page's portfolio-wide network: in-scope researchers ↔ listed organisations.

Built from the page's (filtered) tables with
:func:`workbench.portfolio.network.portfolio_network` and drawn with plotly: the
:data:`TOP` listed organisations reaching most proposals on a circle (sized by the
proposals they reach, in their own colour, :mod:`widgets.portfolio.colours`), each
researcher linked to them placed between the organisations they are linked to.
Clicking an organisation lists the proposals and persons behind it and the years of
the works (:func:`~workbench.portfolio.network.behind`), each proposal linked to the
review page; the whole network is offered as GraphML.

Traits: ``selected`` (output: the organisation clicked, its ``organisation`` id).
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w
import networkx as nx
import pandas as pd
import plotly.graph_objects as go
import traitlets as t

from widgets.common import markup
from widgets.portfolio.charts import layout_spec, short
from widgets.portfolio.colours import org_colour
from widgets.portfolio.drill import proposal_link
from widgets.portfolio.plot import Chart
from widgets.portfolio.shapes import path_shape
from workbench.portfolio.network import (
    ORGANISATION,
    behind,
    portfolio_network,
    reach,
    write_graphml,
)
from workbench.portfolio.tables import PortfolioTables

TOP = 25  # organisations drawn
ORGANISATIONS_TRACE = 1  # the figure's traces: the persons, then the organisations
DIGITS = 4  # places kept of a position on the drawing (from -1.35 to 1.35): 0.04 px at 1,000 px
GRAPHML = "application/graphml+xml"
_BEHIND = ("proposal_id", "title", "person", "checks", "years")


def _jitter(key: str) -> tuple[float, float]:
    """A small offset fixed by ``key`` (persons linked to the same organisations apart)."""
    d = hashlib.sha256(key.encode("utf-8")).digest()
    return (d[0] / 255 - 0.5) * 0.16, (d[1] / 255 - 0.5) * 0.16


def positions(g: nx.Graph, organisations: list[str]) -> dict[str, tuple[float, float]]:
    """Organisations (node ids, in order) on a circle; each person between its organisations."""
    pos: dict[str, tuple[float, float]] = {}
    n = max(len(organisations), 1)
    for i, node in enumerate(organisations):
        angle = 2 * math.pi * i / n + math.pi / 2
        pos[node] = (math.cos(angle), math.sin(angle))
    for node in organisations:
        for person in g.neighbors(node):
            if person in pos:
                continue
            linked = [pos[o] for o in g.neighbors(person) if o in pos]
            dx, dy = _jitter(person)
            x = 0.62 * sum(p[0] for p in linked) / len(linked) + dx
            y = 0.62 * sum(p[1] for p in linked) / len(linked) + dy
            pos[person] = (x, y)
    return pos


def links_shape(
    g: nx.Graph, organisations: list[str], pos: dict[str, tuple[float, float]]
) -> dict[str, Any]:
    """Every link between an organisation drawn and its persons, as one path drawn below the
    points. plotly draws a path given in a figure's layout as it is; a line trace of the same
    segments (one per link, broken by gaps) is worked through point by point, which took
    about half of the network's drawing time in the browser."""
    path = "".join(
        f"M{pos[o][0]:.{DIGITS}f},{pos[o][1]:.{DIGITS}f}L{pos[p][0]:.{DIGITS}f},{pos[p][1]:.{DIGITS}f}"
        for o in organisations
        for p in g.neighbors(o)
    )
    return path_shape(path, layer="below", color="#bcccdc", width=1)


class NetworkView(w.VBox):
    """The network figure, the rows behind the organisation clicked, and a GraphML export."""

    selected = t.Unicode("")

    def __init__(self, tr: Callable[..., str], review_url: str = "", **kwargs: Any) -> None:
        self.tr = tr
        self.review_url = review_url
        self.graph = nx.Graph()
        self.reach = pd.DataFrame()
        self.organisations: list[str] = []  # organisation ids, in the order of the points
        self.spec: dict[str, Any] | None = None  # the figure shown, as sent
        self._key: Any = None  # what the tables shown are known by
        self.title = w.HTML()
        self.chart = Chart()
        self.chart.add_class("wb-network-chart")
        self.behind_table = w.HTML()
        self.graphml_button = w.Button(icon="download", layout=w.Layout(width="auto"))
        self.graphml_button.add_class("wb-graphml")
        self.download = w.HTML()
        export = w.HBox([self.graphml_button, self.download])
        export.add_class("wb-network-export")
        super().__init__([self.title, self.chart, self.behind_table, export], **kwargs)
        self.add_class("wb-card")
        self.add_class("wb-portfolio-network")
        self.chart.observe(self._clicked, names="clicked")
        self.graphml_button.on_click(lambda _b: self.export_graphml())
        self.observe(lambda _c: self._show_behind(), names="selected")
        self.relabel(tr)

    def relabel(self, tr: Callable[..., str]) -> None:
        self.tr = tr
        self.title.value = markup.heading_html(tr("network.title"))
        self.graphml_button.description = tr("network.graphml")
        if self.spec is not None:
            self._draw()
        self._show_behind()

    def show(self, tables: PortfolioTables, key: Any = None) -> None:
        """Draw the network of ``tables`` (the organisation chosen stays when still there);
        nothing is done when ``key`` (if given) is the key of the tables shown."""
        if key is not None and key == self._key:
            return
        self._key = key
        self.graph = portfolio_network(tables)
        self.reach = reach(self.graph)
        self._draw()
        if self.selected not in set(self.reach["organisation"]):
            self.selected = ""
        self._show_behind()

    def _draw(self) -> None:
        tr, g = self.tr, self.graph
        top = self.reach.head(TOP)
        self.organisations = list(top["organisation"])
        nodes = [f"org:{o}" for o in self.organisations]
        pos = {n: (round(x, DIGITS), round(y, DIGITS)) for n, (x, y) in positions(g, nodes).items()}
        persons = [p for p in pos if g.nodes[p]["kind"] != ORGANISATION]
        data: list[dict[str, Any]] = [
            {
                "type": "scatter",
                "x": [pos[p][0] for p in persons],
                "y": [pos[p][1] for p in persons],
                "mode": "markers",
                "marker": {"size": 7, "color": "#627d98"},
                "hovertext": [
                    f"{short(g.nodes[p]['name'], 40)} — {short(g.nodes[p]['proposal_id'], 30)}"
                    for p in persons
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "name": html.escape(tr("network.persons")),
            },
            {
                "type": "scatter",
                "x": [pos[n][0] for n in nodes],
                "y": [pos[n][1] for n in nodes],
                "mode": "markers+text",
                "text": [short(name, 28) for name in top["organisation_name"]],
                "textposition": "top center",
                "marker": {
                    "size": [12 + 5 * min(int(v), 8) for v in top["proposals"]],
                    "color": [org_colour(name) for name in top["organisation_name"]],
                    "line": {"color": "#ffffff", "width": 1},
                },
                "hovertext": [
                    html.escape(tr("network.hover", name=name, n=n, persons=p, span=y))
                    for name, n, p, y in zip(
                        top["organisation_name"],
                        top["proposals"],
                        top["persons"],
                        top["years"],
                        strict=True,
                    )
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "name": html.escape(tr("network.organisations")),
            },
        ]
        lay = layout_spec(tr("network.chart", n=len(nodes), total=len(self.reach)), 560, 3)
        lay["showlegend"] = False
        lay["xaxis"].update(visible=False, range=[-1.35, 1.35])
        lay["yaxis"].update(visible=False, range=[-1.25, 1.3], scaleanchor="x")
        lay["shapes"] = [links_shape(g, nodes, pos)] if persons else []
        self.spec = {"data": data, "layout": lay}
        self.chart.show(self.spec)

    @property
    def figure(self) -> go.Figure | None:
        """The figure shown, as a plotly figure."""
        return None if self.spec is None else go.Figure(self.spec, _validate=False)

    def _clicked(self, change: dict[str, Any]) -> None:
        click = change["new"] or {}
        point = click.get("point")
        if click.get("trace") != ORGANISATIONS_TRACE or not isinstance(point, int | float):
            return
        if 0 <= int(point) < len(self.organisations):
            self.selected = self.organisations[int(point)]

    def behind(self) -> pd.DataFrame:
        """The proposals and persons behind the organisation selected."""
        if not self.selected:
            return pd.DataFrame(columns=list(_BEHIND))
        return behind(self.graph, self.selected)

    def _show_behind(self) -> None:
        tr = self.tr
        if not self.selected:
            self.behind_table.value = f"<p class='wb-muted'>{html.escape(tr('network.click'))}</p>"
            return
        rows = self.behind()
        r = self.reach[self.reach["organisation"] == self.selected]
        name = str(r["organisation_name"].iloc[0]) if len(r) else self.selected
        years = str(r["years"].iloc[0]) if len(r) else ""
        head = "".join(f"<th>{html.escape(tr('network.col.' + c))}</th>" for c in _BEHIND)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{proposal_link(str(v), self.review_url)}</td>"
                if c == "proposal_id"
                else f"<td>{html.escape(self._cell(c, v))}</td>"
                for c, v in zip(_BEHIND, row, strict=True)
            )
            + "</tr>"
            for row in rows[list(_BEHIND)].itertuples(index=False)
        )
        summary = tr(
            "network.behind",
            name=name,
            n=rows["proposal_id"].nunique(),
            persons=len(rows),
            span=years,
        )
        self.behind_table.value = (
            f"<p class='wb-network-behind-title'><b>{html.escape(summary)}</b></p>"
            f"<div class='wb-drill-scroll'><table class='wb-table wb-network-behind'>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        )

    def _cell(self, column: str, value: Any) -> str:
        """A cell's text: checks in the reader's words."""
        if column == "checks" and value:
            return ", ".join(self.tr("check." + c) for c in str(value).split(", "))
        return str(value)

    def export_graphml(self) -> bytes:
        """The whole network (of the filtered tables) as GraphML, offered as a download."""
        with tempfile.TemporaryDirectory() as tmp:
            data = write_graphml(self.graph, Path(tmp) / "network.graphml").read_bytes()
        filename = "portfolio_network.graphml"
        self.download.value = markup.download_link(
            self.tr("export.ready", name=filename),
            filename,
            GRAPHML,
            base64.b64encode(data).decode("ascii"),
        )
        return data
