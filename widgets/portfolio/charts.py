"""The analyst dashboard's charts: one plotly figure per portfolio summary.

:func:`figure` draws a summary frame from :mod:`workbench.portfolio.analysis`
and returns it with a :class:`ClickMap` that turns a clicked point back into
the raw value :func:`~workbench.portfolio.analysis.drill` expects — labels on
the page are translated, shortened and escaped; drill values stay as the data
gives them. Every text that came from data is escaped with
:func:`html.escape` before plotly sees it (plotly reads a subset of HTML in
its labels).

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"check": ["recent_coauthorship"], "findings": [3], "proposals": [2]})
>>> fig, clicks = figure("by_check", frame, lambda key, **_: key)
>>> list(fig.data[0].x), clicks.value(0, 0)
([3], 'recent_coauthorship')
>>> short("<b>" + "x" * 80, 10)
'&lt;b&gt;xxxxxx…'
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from widgets.portfolio.colours import org_colour
from widgets.portfolio.margins import fix_margins
from widgets.portfolio.shapes import cell_gaps
from workbench.portfolio.analysis import NONE, country_of
from workbench.vocabulary import Outcome, Suggestion

Tr = Callable[..., str]
TOP = 20  # organisations shown in the bar chart, heat map and timeline
TOP_PROPOSALS = 60  # proposals shown in the heat map (those with most findings)
FONT = "'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', system-ui, sans-serif"
BLUE, NAVY, RED = "#2f6f9f", "#243b53", "#c8423b"
#: outcomes in the order of increasing concern, then "not judged"
OUTCOME_ORDER = (
    Outcome.NO_CONCERN,
    Suggestion.SCREENING_INCOMPLETE,  # suggested only: co-authorship not checked for everyone
    *list(Outcome)[1:],
    "not-judged",
)
FULL_WIDTH = frozenset({"by_organisation", "heatmap", "timeline"})


def esc(value: Any) -> str:
    return html.escape(
        "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    )


def short(value: Any, limit: int = 48) -> str:
    """``value`` cut to ``limit`` characters (with an ellipsis), then escaped."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return html.escape(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


@dataclass
class ClickMap:
    """Raw drill values per trace and point index (or per heat-map row and column)."""

    values: dict[int, list[Any]] = field(default_factory=dict)
    grid: list[list[Any]] = field(default_factory=list)

    def value(self, trace_index: int, point: int | Sequence[int]) -> Any:
        """The drill value of point ``point`` (``[row, column]`` in a heat map) of a trace."""
        if self.grid:
            if isinstance(point, int) or len(point) != 2:
                return None
            row, col = point
            ok = 0 <= row < len(self.grid) and 0 <= col < len(self.grid[row])
            return self.grid[row][col] if ok else None
        raw = self.values.get(trace_index, [])
        return raw[point] if isinstance(point, int) and 0 <= point < len(raw) else None


def new_figure(data: Any = None) -> go.Figure:
    """A figure without a template: the page's charts get plotly's white template in the
    browser (:mod:`widgets.portfolio.plot`), so it is neither copied nor sent per figure.
    Values are not validated again by plotly (every one is set by this module; half the
    time of a redraw went to that)."""
    return go.Figure(data, layout={"template": {}}, _validate=False)


def layout_spec(
    title: str, height: int, traces: int, x_title: str = "", y_title: str = ""
) -> dict[str, Any]:
    """The layout every chart shares (a figure of ``traces`` traces), as plain JSON."""
    return {
        "template": {},
        "title": {
            "text": esc(title),
            "font": {"size": 15},
            "x": 0.01,
            "xanchor": "left",
            "y": 0.98,
        },
        "font": {"family": FONT, "size": 12, "color": "#1f2933"},
        "height": height,
        "margin": {"l": 12, "r": 28, "t": 56, "b": 12},
        "clickmode": "event",
        "hovermode": "closest",
        "hoverlabel": {"font": {"family": FONT}},
        "showlegend": traces > 1,
        "legend": {
            "orientation": "h",
            "x": 1,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.7)",
        },
        "bargap": 0.25,
        "xaxis": {"automargin": True, "title": {"text": esc(x_title)}},
        "yaxis": {"automargin": True, "title": {"text": esc(y_title)}},
    }


def _layout(fig: go.Figure, title: str, height: int, x_title: str = "", y_title: str = "") -> None:
    fig.update_layout(layout_spec(title, height, len(fig.data), x_title, y_title))


def _hbar(
    labels: list[str], counts: list[int], hover: list[str], colour: Any = BLUE
) -> dict[str, Any]:
    """Horizontal bars, first label at the top."""
    return {
        "type": "bar",
        "x": counts,
        "y": labels,
        "orientation": "h",
        "marker": {"color": colour},
        "text": [str(c) for c in counts],
        "textposition": "outside",
        "textangle": 0,
        "cliponaxis": False,
        "hovertext": hover,
        "hovertemplate": "%{hovertext}: %{x}<extra></extra>",
    }


def _hbar_figure(
    title: str,
    axis: str,
    labels: list[str],
    counts: list[int],
    hover: list[str],
    colour: Any = BLUE,
) -> dict[str, Any]:
    lay = layout_spec(title, max(170, 30 * len(labels) + 120), 1, x_title=axis)
    lay["yaxis"]["autorange"] = "reversed"
    _set(lay["xaxis"], "dtick", _dtick(counts))
    return {"data": [_hbar(labels, counts, hover, colour)], "layout": lay}


def _dtick(counts: Iterable[Any]) -> int | None:
    """Whole-number ticks for small counts (no 0.5 findings)."""
    top = max((int(c) for c in counts), default=0)
    return 1 if top <= 8 else None


def _org_label(name: Any, country: Any) -> str:
    code = country_of(country)
    return short(name, 56) + ("" if code == NONE else f" ({short(code, 24)})")


def figure(summary: str, frame: pd.DataFrame, tr: Tr) -> tuple[go.Figure, ClickMap]:
    """The figure of ``summary`` drawn from ``frame``, and how its points map to drill values."""
    fig, clicks = spec(summary, frame, tr)
    return go.Figure(fig, _validate=False), clicks


def spec(summary: str, frame: pd.DataFrame, tr: Tr) -> tuple[dict[str, Any], ClickMap]:
    """:func:`figure` as the plain JSON ``Plotly.react`` takes (``data`` and ``layout``):
    what the page sends, built without plotly's objects (building those took most of a
    redraw)."""
    clicks = ClickMap()
    title = tr(f"chart.{summary}")
    data: list[dict[str, Any]]
    if summary == "by_organisation":
        # one bar per organisation, however many lists name it
        f = frame.head(TOP)
        names = f["organisation"].tolist()
        labels = [_org_label(n, c) for n, c in zip(names, f["entry_country"], strict=True)]
        hover = [f"{esc(n)} — {esc(lst)}" for n, lst in zip(names, f["lists"], strict=True)]
        colours = [org_colour(n) for n in names]
        fig = _hbar_figure(
            title, tr("axis.findings"), labels, f["findings"].tolist(), hover, colours
        )
        clicks.values[0] = names
    elif summary in ("by_country", "by_check", "mitigation"):
        col = {"by_country": "entry_country", "by_check": "check", "mitigation": "kind"}[summary]
        y = "measures" if summary == "mitigation" else "findings"
        prefix = {"by_check": "check.", "mitigation": "measure."}.get(summary, "")
        values = frame[col].tolist()
        words = [tr(prefix + v) if prefix else v for v in values]
        labels = [short(v, 40) for v in words]
        hover = [esc(v) for v in words]
        fig = _hbar_figure(title, tr(f"axis.{y}"), labels, frame[y].tolist(), hover)
        clicks.values[0] = values
    elif summary == "by_field":
        labels = [short(v, 32) for v in frame["field"]]
        data = []
        for col, colour, name in (
            ("proposals", BLUE, tr("axis.proposals")),
            ("with_findings", RED, tr("series.with_findings")),
        ):
            counts = frame[col].tolist()
            data.append(
                {
                    "type": "bar",
                    "x": labels,
                    "y": counts,
                    "name": esc(name),
                    "marker": {"color": colour},
                    "text": [str(c) for c in counts],
                    "textposition": "outside",
                    "textangle": 0,
                    "cliponaxis": False,
                    "hovertemplate": "%{x}: %{y}<extra>" + esc(name) + "</extra>",
                }
            )
        clicks.values[0] = clicks.values[1] = frame["field"].tolist()
        lay = layout_spec(title, 340, len(data), y_title=tr("axis.proposals"))
        lay["barmode"] = "group"
        _set(lay["yaxis"], "dtick", _dtick(frame["proposals"]))
        fig = {"data": data, "layout": lay}
    elif summary == "outcomes":
        present = set(frame["outcome"])
        order = list(OUTCOME_ORDER) + sorted(present - set(OUTCOME_ORDER))
        shown = [v for v in order if v in present]
        label = {v: short(tr("outcome." + v), 40) for v in shown}
        data = []
        for i, (kind, colour) in enumerate((("suggested", BLUE), ("judged", NAVY))):
            f = frame[frame["kind"] == kind]
            count = dict(zip(f["outcome"], f["proposals"].tolist(), strict=True))
            values = [v for v in shown if v in count]
            counts = [count[v] for v in values]
            name = esc(tr(f"series.{kind}"))
            data.append(
                {
                    "type": "bar",
                    "x": counts,
                    "y": [label[v] for v in values],
                    "orientation": "h",
                    "name": name,
                    "marker": {"color": colour},
                    "text": [str(c) for c in counts],
                    "textposition": "outside",
                    "textangle": 0,
                    "cliponaxis": False,
                    "hovertemplate": "%{y}: %{x}<extra>" + name + "</extra>",
                }
            )
            clicks.values[i] = values
        lay = layout_spec(
            title, max(240, 46 * len(shown) + 110), len(data), x_title=tr("axis.proposals")
        )
        lay["barmode"] = "group"
        lay["yaxis"].update(
            autorange="reversed", categoryorder="array", categoryarray=[label[v] for v in shown]
        )
        _set(lay["xaxis"], "dtick", _dtick(frame["proposals"]))
        fig = {"data": data, "layout": lay}
    elif summary == "heatmap":
        fig = _heatmap(title, frame, tr, clicks)
    elif summary == "timeline":
        data = []
        totals = frame.groupby("organisation")["links"].sum().sort_values(ascending=False)
        for i, name in enumerate(totals.index[:TOP]):
            f = frame[frame["organisation"] == name]
            years = f["year"].tolist()
            data.append(
                {
                    "type": "bar",
                    "x": years,
                    "y": f["links"].tolist(),
                    "name": short(name, 36),
                    "marker": {"color": org_colour(name)},
                    "hovertemplate": "%{x}: %{y}<extra>" + short(name, 60) + "</extra>",
                }
            )
            clicks.values[i] = [(int(yr), name) for yr in years]
        lay = layout_spec(title, 380, len(data), x_title=tr("axis.year"), y_title=tr("axis.links"))
        lay.update(
            barmode="stack",
            showlegend=True,
            legend={**lay["legend"], **_SIDE_LEGEND},
        )
        lay["xaxis"]["dtick"] = 1
        _set(lay["yaxis"], "dtick", _dtick(frame.groupby("year")["links"].sum()))
        fig = {"data": data, "layout": lay}
    elif summary == "by_call_year":
        data = []
        for i, (call, f) in enumerate(frame.groupby("call", sort=True)):
            name = tr("filter.none") if call == NONE else str(call)
            colour = org_colour(name)
            data.append(
                {
                    "type": "scatter",
                    "x": f["year"].tolist(),
                    "y": f["findings"].tolist(),
                    "mode": "lines+markers",
                    "name": short(name, 40),
                    "marker": {"color": colour, "size": 9},
                    "line": {"color": colour},
                    "hovertemplate": "%{x}: %{y}<extra>" + short(name, 60) + "</extra>",
                }
            )
            clicks.values[i] = [(str(y), call) for y in f["year"]]
        lay = layout_spec(
            title, 340, len(data), x_title=tr("axis.submitted"), y_title=tr("axis.findings")
        )
        lay["showlegend"] = True
        lay["xaxis"]["type"] = "category"
        fig = {"data": data, "layout": lay}
    else:
        raise KeyError(summary)
    if all(len(d.get("x") or ()) == 0 for d in fig["data"]):
        lay = fig["layout"]
        lay["annotations"] = [
            {
                "text": esc(tr("status.empty")),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "font": {"size": 14, "color": "#627d98"},
            }
        ]
        lay["xaxis"]["visible"] = False
        lay["yaxis"]["visible"] = False
    return fix_margins(fig), clicks


#: the timeline's legend: one organisation a line, right of the bars
_SIDE_LEGEND = {
    "orientation": "v",
    "x": 1.02,
    "xanchor": "left",
    "y": 1,
    "yanchor": "top",
    "font": {"size": 11},
}


def _set(target: dict[str, Any], key: str, value: Any) -> None:
    """``target[key] = value`` unless ``value`` is None (plotly leaves such a property out)."""
    if value is not None:
        target[key] = value


def _heatmap(title: str, frame: pd.DataFrame, tr: Tr, clicks: ClickMap) -> dict[str, Any]:
    """Proposals × the :data:`TOP` organisations with most findings (at most
    :data:`TOP_PROPOSALS` proposals, those with most findings, in id order)."""
    top = frame.groupby("organisation")["findings"].sum().sort_values(ascending=False)
    top = top.head(TOP)
    f = frame[frame["organisation"].isin(top.index)]
    pivot = f.pivot_table(
        index="proposal_id",
        columns="organisation",
        values="findings",
        aggfunc="sum",
        fill_value=0,
    )
    pivot = pivot[[c for c in top.index if c in pivot.columns]]  # most findings first
    if len(pivot) > TOP_PROPOSALS:  # the proposals with most findings, in id order
        kept = pivot.sum(axis=1).sort_values(ascending=False, kind="stable")
        pivot = pivot.loc[sorted(kept.index[:TOP_PROPOSALS])]
        title = f"{title} ({TOP_PROPOSALS} / {len(kept)})"
    columns, rows = pivot.columns.tolist(), pivot.index.tolist()
    z = pivot.to_numpy()
    org_names = [esc(c) for c in columns]
    colorbar: dict[str, Any] = {"title": {"text": esc(tr("axis.findings"))}, "thickness": 12}
    _set(colorbar, "dtick", _dtick(z.ravel().tolist()))
    trace = {
        "type": "heatmap",
        "z": z.tolist(),
        "x": [short(c, 30) for c in columns],
        "y": [short(i, 30) for i in rows],
        "customdata": [list(org_names) for _ in rows],
        "colorscale": [[0, "#f7fafc"], [0.01, "#fde0dd"], [1, "#a50f15"]],
        "colorbar": colorbar,
        "hovertemplate": "%{y} × %{customdata}: %{z}<extra></extra>",
    }
    clicks.grid = [[(pid, name) for name in columns] for pid in rows]
    lay = layout_spec(title, max(300, 26 * len(rows) + 230), 1)
    lay["xaxis"].update(tickangle=-35, side="bottom")
    lay["yaxis"]["autorange"] = "reversed"
    if rows and columns:
        lay["shapes"] = [cell_gaps(len(columns), len(rows))]
    return {"data": [trace], "layout": lay}
