"""Plotly charts for a page of many figures: plotly.js sent to the browser once.

A plotly ``FigureWidget`` ships the whole plotly.js bundle (about 5 MB) with
every figure; a page of eight charts would send 40 MB before the first one
shows, and again after every filter change. Here :class:`PlotlyLoader` (an
invisible widget) sends plotly.js once, and each :class:`Chart` is a small
widget that carries only its figure's JSON: it waits for plotly.js, draws with
``Plotly.react`` (so a new figure updates the chart in place), follows the
width of its box, and reports a click on a point in ``clicked``.

A figure sent without a template (none, or one without a ``layout`` part, as
:func:`widgets.portfolio.charts.new_figure` makes them) is drawn with plotly's
``plotly_white`` template, sent once with the widget's code: copying the
template into every figure took most of the time of a redraw.

Figures are drawn from :class:`plotly.graph_objects.Figure` objects, so labels
go through plotly's own text handling; text from data must be escaped
(:func:`html.escape`) before it is put into a figure, as
:mod:`widgets.portfolio.charts` does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anywidget
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import traitlets as t

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

_LOADER_ESM = """
export default {
  render({ el }) { el.style.display = "none"; }
};
"""

_CHART_ESM = """
function plotly() {
  // plotly.js arrives with the loader widget, which may be evaluated after this one
  return new Promise((resolve) => {
    const look = () => (window.Plotly ? resolve(window.Plotly) : setTimeout(look, 25));
    look();
  });
}

const TEMPLATE = __TEMPLATE__;  // plotly's "plotly_white", for figures sent without one

const CONFIG = {
  displaylogo: false,
  modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
};

export default {
  async render({ model, el }) {
    const Plotly = await plotly();
    const div = document.createElement("div");
    div.className = "wb-chart-plot";
    el.appendChild(div);
    const draw = () => {
      const fig = model.get("figure") || {};
      const id = String(model.get("figure_id"));
      const layout = Object.assign({}, fig.layout || {});
      if (!layout.template || !layout.template.layout) {
        layout.template = structuredClone(TEMPLATE);  // plotly may change what it is given
      }
      Plotly.react(div, fig.data || [], layout, CONFIG).then(
        () => { div.dataset.drawn = id; },
        (error) => { console.error("chart not drawn", error); },
      );
    };
    draw();
    div.on("plotly_click", (event) => {
      const p = event && event.points && event.points[0];
      if (!p) return;
      const point = p.pointNumber !== undefined ? p.pointNumber : p.pointIndex;
      const previous = model.get("clicked") || {};
      model.set("clicked", {
        trace: p.curveNumber,
        point: point,
        x: p.x === undefined ? null : p.x,
        y: p.y === undefined ? null : p.y,
        n: (previous.n || 0) + 1,
      });
      model.save_changes();
    });
    const resized = new ResizeObserver(() => {
      if (div.offsetWidth > 0) Plotly.Plots.resize(div);
    });
    resized.observe(el);
    model.on("change:figure", draw);
    return () => {
      model.off("change:figure", draw);
      resized.disconnect();
      Plotly.purge(div);
    };
  },
};
"""


_TEMPLATE = json.dumps(pio.templates["plotly_white"].to_plotly_json())
_CHART_ESM = _CHART_ESM.replace("__TEMPLATE__", _TEMPLATE)


class PlotlyLoader(anywidget.AnyWidget):
    """Invisible; brings plotly.js to the page once (``window.Plotly``) for every :class:`Chart`."""

    _esm = PLOTLY_JS.read_text(encoding="utf-8") + "\n" + _LOADER_ESM


class Chart(anywidget.AnyWidget):
    """One plotly figure on the page.

    ``figure`` (input) is the figure's JSON (``data`` and ``layout``);
    ``clicked`` (output) is the last point clicked: ``trace``, ``point`` (an
    index, or ``[row, column]`` in a heat map), ``x``, ``y`` and a counter
    ``n`` so that clicking the same point twice is seen twice.
    """

    _esm = _CHART_ESM
    figure = t.Dict().tag(sync=True)
    figure_id = t.Int(0).tag(sync=True)  # increases with every figure drawn (for tests)
    clicked = t.Dict().tag(sync=True)

    def show(self, fig: go.Figure | dict[str, Any]) -> bool:
        """Draw ``fig`` (a figure, or its JSON as :func:`figure_json` gives it) in place of
        the figure shown; nothing is sent when it is the figure already shown. Whether it
        was sent."""
        spec = fig if isinstance(fig, dict) else figure_json(fig)
        if spec == self.figure:
            return False
        with self.hold_sync():
            self.figure = spec
            self.figure_id += 1
        return True


def figure_json(fig: go.Figure) -> dict[str, Any]:
    """``fig`` as plain JSON values (what ``Plotly.react`` takes)."""
    return dict(json.loads(fig.to_json()))
