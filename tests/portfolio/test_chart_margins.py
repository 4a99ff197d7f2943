"""The analyst page's charts carry margins that hold their labels, set in the kernel:
plotly's ``automargin`` drew a chart twice in the browser whenever a filter changed its
labels."""

from __future__ import annotations

from typing import Any

from widgets.portfolio.app import CHARTS, PortfolioApp
from widgets.portfolio.margins import EDGE, fix_margins, text_width


def _hbar(labels: list[str], x_title: str = "") -> dict[str, Any]:
    return {
        "data": [{"type": "bar", "orientation": "h", "x": [1] * len(labels), "y": labels}],
        "layout": {"xaxis": {"title": {"text": x_title}}, "yaxis": {}},
    }


def test_every_chart_has_its_margins_set_and_no_automargin(local_run: Any) -> None:
    app = PortfolioApp(local_run.tables)
    for name in CHARTS:
        for f in ({}, {"check": ["recent_coauthorship"]}):
            app.filters = f
            lay = app.specs[name]["layout"]
            assert lay["xaxis"]["automargin"] is False, name
            assert lay["yaxis"]["automargin"] is False, name
            ys = [str(v) for d in app.specs[name]["data"] for v in d.get("y") or ()]
            if name in ("by_organisation", "by_country", "by_check", "outcomes", "heatmap"):
                assert lay["margin"]["l"] > max(text_width(v) for v in ys), name


def test_margins_follow_the_labels_and_titles() -> None:
    short = fix_margins(_hbar(["CN"]))["layout"]["margin"]
    long = fix_margins(_hbar(["Harbin Institute of Technology (CN)"]))["layout"]["margin"]
    wide = fix_margins(_hbar(["ハルビン工業大学" * 3]))["layout"]["margin"]
    assert short["l"] < long["l"] < wide["l"]
    titled = fix_margins(_hbar(["CN"], x_title="所見数"))["layout"]["margin"]
    assert titled["b"] > short["b"]
    turned = _hbar(["CN"])
    turned["data"] = [{"type": "heatmap", "x": ["x" * 30] * 3, "y": ["a"], "z": [[1, 2, 3]]}]
    turned["layout"]["xaxis"]["tickangle"] = -35
    assert fix_margins(turned)["layout"]["margin"]["b"] > short["b"] + 80
    hidden = _hbar(["Harbin Institute of Technology (CN)"])
    hidden["layout"]["xaxis"]["visible"] = hidden["layout"]["yaxis"]["visible"] = False
    assert fix_margins(hidden)["layout"]["margin"]["l"] == EDGE
    assert fix_margins(hidden)["layout"]["margin"]["b"] == EDGE
