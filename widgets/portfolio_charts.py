"""The analyst dashboard's charts: one plotly figure per portfolio summary.

:func:`figure` draws a summary frame from :mod:`workbench.portfolio.analysis`
and returns it with a :class:`ClickMap` that turns a clicked point back into
the raw value :func:`~workbench.portfolio.analysis.drill` expects — labels on
the page are translated and escaped, drill values stay as the data gives them.
Every text that came from data is escaped with :func:`html.escape` before
plotly sees it (plotly reads a subset of HTML in its labels).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

Tr = Callable[..., str]
TOP = 20  # organisations shown in the bar chart and heat map


def esc(value: Any) -> str:
    return html.escape(
        "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    )


@dataclass
class ClickMap:
    """Raw drill values per trace and point index (or per heat-map cell label)."""

    values: dict[int, list[Any]] = field(default_factory=dict)
    cells: dict[tuple[str, str], Any] = field(default_factory=dict)

    def value(self, trace_index: int, point_index: int, x: Any = None, y: Any = None) -> Any:
        if self.cells:
            return self.cells.get((str(y), str(x)))
        raw = self.values.get(trace_index, [])
        return raw[point_index] if 0 <= point_index < len(raw) else None


def _layout(fig: go.FigureWidget, title: str, y_title: str = "") -> None:
    fig.update_layout(
        title={"text": esc(title), "font": {"size": 14}},
        height=320,
        margin={"l": 50, "r": 10, "t": 40, "b": 90},
        yaxis_title=esc(y_title),
        clickmode="event",
        template="plotly_white",
        legend={"orientation": "h", "y": -0.35},
    )


def _bar(frame: pd.DataFrame, x: str, y: str, labels: list[str], name: str = "") -> go.Bar:
    return go.Bar(
        x=labels, y=list(frame[y]), name=esc(name), hovertemplate="%{x}: %{y}<extra></extra>"
    )


def figure(summary: str, frame: pd.DataFrame, tr: Tr) -> tuple[go.FigureWidget, ClickMap]:
    """The figure of ``summary`` drawn from ``frame``, and how its points map to drill values."""
    fig = go.FigureWidget()
    clicks = ClickMap()
    title = tr(f"chart.{summary}")
    if summary == "by_organisation":
        f = frame.head(TOP)
        names = [
            esc(f"{n} ({c})" if isinstance(c, str) else n)
            for n, c in zip(f["entry_name"], f["entry_country"], strict=True)
        ]
        fig.add_trace(_bar(f, "entry_name", "findings", names, tr("axis.findings")))
        clicks.values[0] = list(f["entry_name"])
        _layout(fig, title, tr("axis.findings"))
    elif summary in ("by_country", "by_check", "mitigation"):
        col = {"by_country": "entry_country", "by_check": "check", "mitigation": "kind"}[summary]
        y = "measures" if summary == "mitigation" else "findings"
        prefix = {"by_check": "check.", "mitigation": "measure."}.get(summary, "")
        labels = [esc(tr(prefix + v) if prefix else v) for v in frame[col]]
        fig.add_trace(_bar(frame, col, y, labels, tr(f"axis.{y}")))
        clicks.values[0] = list(frame[col])
        _layout(fig, title, tr(f"axis.{y}"))
    elif summary == "by_field":
        labels = [esc(v) for v in frame["field"]]
        fig.add_trace(_bar(frame, "field", "proposals", labels, tr("axis.proposals")))
        fig.add_trace(_bar(frame, "field", "with_findings", labels, tr("series.with_findings")))
        clicks.values[0] = clicks.values[1] = list(frame["field"])
        fig.update_layout(barmode="group")
        _layout(fig, title, tr("axis.proposals"))
    elif summary == "outcomes":
        for i, kind in enumerate(("suggested", "judged")):
            f = frame[frame["kind"] == kind]
            labels = [esc(tr("outcome." + v)) for v in f["outcome"]]
            fig.add_trace(_bar(f, "outcome", "proposals", labels, tr(f"series.{kind}")))
            clicks.values[i] = list(f["outcome"])
        fig.update_layout(barmode="group")
        _layout(fig, title, tr("axis.proposals"))
    elif summary == "heatmap":
        top = frame.groupby("entry_name")["findings"].sum().sort_values(ascending=False).head(TOP)
        f = frame[frame["entry_name"].isin(top.index)]
        pivot = f.pivot_table(
            index="proposal_id",
            columns="entry_name",
            values="findings",
            aggfunc="sum",
            fill_value=0,
        )
        xs = [esc(c) for c in pivot.columns]
        ys = [esc(i) for i in pivot.index]
        fig.add_trace(
            go.Heatmap(
                z=pivot.values.tolist(),
                x=xs,
                y=ys,
                colorscale="Reds",
                hovertemplate="%{y} × %{x}: %{z}<extra></extra>",
            )
        )
        clicks.cells = {
            (y, x): (pid, name)
            for y, pid in zip(ys, pivot.index, strict=True)
            for x, name in zip(xs, pivot.columns, strict=True)
        }
        _layout(fig, title)
        fig.update_layout(height=max(320, 22 * len(ys) + 140))
    elif summary == "timeline":
        for i, (name, f) in enumerate(frame.groupby("entry_name", sort=True)):
            fig.add_trace(
                go.Bar(
                    x=list(f["year"]),
                    y=list(f["links"]),
                    name=esc(name),
                    hovertemplate="%{x}: %{y}<extra>" + esc(name) + "</extra>",
                )
            )
            clicks.values[i] = [(int(yr), name) for yr in f["year"]]
        fig.update_layout(barmode="stack", xaxis={"dtick": 1, "title": esc(tr("axis.year"))})
        _layout(fig, title, tr("axis.links"))
    else:
        raise KeyError(summary)
    return fig, clicks
