"""Chart margins set from the labels a figure shows, in place of plotly's ``automargin``.

With ``automargin`` plotly draws a chart, measures its tick labels and, when they do
not fit, draws it again with wider margins: a filter change that changes the labels
(other organisations, other checks) paid for a second drawing of the chart in the
browser. :func:`fix_margins` estimates the room the labels take from their characters
(a wide East Asian character as wide as the font's size, any other 0.62 of it) and
sets the margins once, in the figure sent.

Examples
--------
>>> text_width("abc") < text_width("確認")
True
>>> fig = {
...     "data": [{"type": "bar", "orientation": "h", "x": [3], "y": ["Harbin Institute (CN)"]}],
...     "layout": {
...         "margin": {"l": 12, "r": 28, "t": 56, "b": 12},
...         "xaxis": {"automargin": True, "title": {"text": "所見数"}},
...         "yaxis": {"automargin": True, "title": {"text": ""}},
...     },
... }
>>> lay = fix_margins(fig)["layout"]
>>> lay["yaxis"]["automargin"], lay["margin"]["l"] > text_width("Harbin Institute (CN)")
(False, True)
"""

from __future__ import annotations

import html
import math
import unicodedata
from typing import Any

FONT_PX = 12  # the charts' font size (widgets.portfolio.charts.layout_spec)
TITLE_PX = 26  # an axis title's line and its gap
TICK_GAP = 12  # between tick labels and the plot, and a little slack
EDGE = 12  # the margin with nothing in it
#: width of a half-page chart's plot area (px): wider rows of x labels get turned
ROW_PX = 520


def text_width(text: str, size: int = FONT_PX) -> float:
    """Estimated width in pixels of ``text`` (as sent: HTML-escaped) at ``size`` px."""
    plain = html.unescape(text)
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.62 * size for c in plain)


def _labels(data: list[dict[str, Any]], axis: str) -> list[str]:
    """The tick labels the traces put on ``axis`` (``x`` or ``y``): categories as they
    are, numbers as plotly writes them (thousands separated)."""
    out: list[str] = []
    for trace in data:
        counts = "x" if trace.get("orientation", "v") == "h" else "y"
        if trace.get("type") == "heatmap" or axis != counts:
            values = trace.get(axis) or []
        else:  # the axis of the counts
            values = [max((v for v in trace.get(axis) or [] if v is not None), default=0)]
        out += [f"{v:,}" if isinstance(v, int | float) else str(v) for v in values]
    return out


def _title(axis: dict[str, Any]) -> float:
    return TITLE_PX if (axis.get("title") or {}).get("text") else 0


def fix_margins(fig: dict[str, Any]) -> dict[str, Any]:
    """``fig`` (plain JSON) with margins that hold its tick labels and axis titles, and
    ``automargin`` off; axes not shown get the bare margin."""
    lay, data = fig["layout"], fig["data"]
    margin = lay.setdefault("margin", {})
    x, y = lay.setdefault("xaxis", {}), lay.setdefault("yaxis", {})
    for axis in (x, y):
        axis["automargin"] = False
    margin["l"] = EDGE
    if y.get("visible", True):
        widest = max((text_width(t) for t in _labels(data, "y")), default=0.0)
        margin["l"] = math.ceil(EDGE + widest + TICK_GAP + _title(y))
    margin["b"] = EDGE
    if x.get("visible", True):
        labels = _labels(data, "x")
        widest = max((text_width(t) for t in labels), default=0.0)
        angle = abs(float(x.get("tickangle") or 0))
        if not angle and len(labels) * (widest + TICK_GAP) > ROW_PX:
            angle = 30  # what plotly turns crowded labels by
        high = FONT_PX + widest * math.sin(math.radians(angle))
        margin["b"] = math.ceil(EDGE + high + TICK_GAP + _title(x))
    return fig
