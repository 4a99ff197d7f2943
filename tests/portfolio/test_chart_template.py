"""The analyst page's figures travel without plotly's template; the browser applies the white one.

Copying plotly's template into each figure took most of a redraw, so figures are sent
without it and the chart widget's code carries ``plotly_white`` once.
"""

from __future__ import annotations

import json
from typing import Any

import plotly.io as pio

from widgets.portfolio.app import PortfolioApp
from widgets.portfolio.plot import Chart, figure_json


def test_every_figure_is_sent_without_a_template_and_the_chart_brings_plotly_white(
    local_run: Any,
) -> None:
    app = PortfolioApp(local_run.tables)
    figures = [*app.figures.values(), app.network.figure]
    for fig in figures:
        layout = figure_json(fig)["layout"]
        assert "layout" not in layout.get("template", {})  # so the browser applies its own
        assert len(json.dumps(layout)) < 5_000
    white = json.dumps(pio.templates["plotly_white"].to_plotly_json())
    assert white in Chart._esm
    assert "!layout.template.layout" in Chart._esm
