"""Plotly charts for a page of many figures: plotly.js sent to the browser once.

A plotly ``FigureWidget`` ships the whole plotly.js bundle (about 5 MB) with
every figure; a page of eight charts would send 40 MB before the first one
shows, and again after every filter change. Here plotly.js comes once: its
cartesian bundle (:data:`PLOTLY_JS`, a third of the full one's size), loaded
with the page by the workbench's page template, or else sent by
:class:`PlotlyLoader` (an invisible widget, made by :func:`plotly_loader`);
each :class:`Chart` is a small
widget that carries only its figure's JSON: it waits for plotly.js, draws with
``Plotly.react`` (so a new figure updates the chart in place), follows the
width of its box, and reports a click on a point in ``clicked``.

A chart on screen is drawn as soon as its figure comes (in the next task, with
every other chart on screen whose figure came meanwhile); one off screen (below
the fold, or hidden) once no figure has come for a moment, one at a time when
the browser is idle, or at once when it comes into view, whichever is first. A
filter change thus redraws first what the analyst sees, and a chart never comes
into view showing older filters. Each chart's ``div`` carries the figure it was
sent (``data-figure``) and the one it shows (``data-drawn``).

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
import os
from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import plotly.graph_objects as go
import plotly.io as pio
import traitlets as t

from widgets.network.page_code import PLOTLY_JS_ENV, PLOTLY_JS_PATH

#: plotly.js's cartesian bundle (bar, scatter, heat map…: the charts' traces), the version
#: the plotly package ships, in the page template's static folder (see its README.md)
PLOTLY_JS = Path(__file__).resolve().parents[2] / "share" / "jupyter" / PLOTLY_JS_PATH

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

// Charts off screen are drawn once no figure has come for `quiet` ms (one chart at a time,
// when the browser is idle), or at once when they come into view: a filter change redraws
// first what the analyst sees, and no chart ever comes into view out of date. A chart's
// first figure (the page opening: every figure comes at once) waits for no quiet time,
// only for the browser to be idle. Each chart's div says which figure it was sent
// (data-figure) and which it shows (data-drawn).
const later = window.wbChartsLater
  || (window.wbChartsLater = { waiting: new Set(), timer: 0, quiet: 250 });

function drawLater(draw, first) {
  later.waiting.add(draw);
  clearTimeout(later.timer);
  later.timer = setTimeout(drawNext, first ? 0 : later.quiet);
}

// Charts on screen are drawn in the next task after their figure comes, together with
// every other chart on screen whose figure came meanwhile: a filter change sends one
// message per chart, and drawing each in its own message's task let the browser lay out
// and paint the page between two charts, several times per change.
const now = window.wbChartsNow || (window.wbChartsNow = { waiting: new Set(), timer: 0 });

function drawSoon(draw) {
  now.waiting.add(draw);
  if (now.timer) return;
  now.timer = setTimeout(() => {
    now.timer = 0;
    const draws = Array.from(now.waiting);
    now.waiting.clear();
    for (const d of draws) d();
  }, 0);
}

function drawNext() {
  const [draw] = later.waiting;
  if (!draw) return;
  requestIdleCallback(() => {
    draw();
    later.timer = setTimeout(drawNext, 0);
  }, { timeout: 1000 });
}

export default {
  async render({ model, el }) {
    const Plotly = await plotly();
    const div = document.createElement("div");
    div.className = "wb-chart-plot";
    el.appendChild(div);
    let drawn = null;  // the figure_id drawn
    const place = (fig) => {
      const height = (fig.layout || {}).height;
      if (height) {
        // the figure's height, and a box of its own: what a drawing changes inside it is
        // laid out again without the rest of the page
        div.style.height = `${height}px`;
        div.style.contain = "strict";
      } else {  // a figure without a height: sized by what plotly draws, not the last one's
        div.style.height = "";
        div.style.contain = "";
      }
    };
    let first = true;
    const clicked = (event) => {
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
    };
    const draw = () => {
      later.waiting.delete(draw);
      const id = model.get("figure_id");
      if (id === drawn || !id) return;  // drawn already, or no figure yet
      drawn = id;
      const fig = model.get("figure") || {};
      place(fig);
      const layout = Object.assign({}, fig.layout || {});
      if (!layout.template || !layout.template.layout) {
        layout.template = structuredClone(TEMPLATE);  // plotly may change what it is given
      }
      Plotly.react(div, fig.data || [], layout, CONFIG).then(
        () => { div.dataset.drawn = String(id); },
        (error) => { console.error("chart not drawn", error); },
      );
      if (first) div.on("plotly_click", clicked);  // plotly gave the div its events above
      first = false;
    };
    // Whether the chart is on screen, as the observer last said (null: not said yet; its
    // first report comes with the next frame). Asking the page instead
    // (getBoundingClientRect) made the browser lay the page out between two charts' drawings.
    let visible = null;
    const changed = () => {
      div.dataset.figure = String(model.get("figure_id"));
      if (drawn === null) place(model.get("figure") || {});  // its place before it is drawn
      if (visible) drawSoon(draw);
      else if (visible === false) drawLater(draw, drawn === null);
    };
    const seen = new IntersectionObserver((entries) => {
      visible = entries[entries.length - 1].isIntersecting;
      if (visible) draw();
      else if (drawn !== model.get("figure_id")) drawLater(draw, drawn === null);
    });
    seen.observe(el);
    changed();
    // Drawn again when its width changes; its height is the figure's, and a new height
    // comes with a new figure, drawn at that height: redrawing it then too (plotly's resize,
    // a tenth of a second later) took as long as the drawing.
    let width = 0;
    const resized = new ResizeObserver((entries) => {
      const w = entries[entries.length - 1].contentRect.width;
      if (w === width) return;
      width = w;
      if (drawn !== null && w > 0) Plotly.Plots.resize(div);
    });
    resized.observe(el);
    model.on("change:figure", changed);
    return () => {
      model.off("change:figure", changed);
      later.waiting.delete(draw);
      now.waiting.delete(draw);
      seen.disconnect();
      resized.disconnect();
      Plotly.purge(div);
    };
  },
};
"""


_TEMPLATE = json.dumps(pio.templates["plotly_white"].to_plotly_json())
_CHART_ESM = _CHART_ESM.replace("__TEMPLATE__", _TEMPLATE)


_LOADER_FROM_PAGE_ESM = """
// plotly.js comes with the page (the template's <script async data-wb-plotly>), fetched and
// compiled while the page loads; a page without that script gets it here.
const PATH = __PATH__;
export default {
  render({ el }) {
    el.style.display = "none";
    if (window.Plotly || document.querySelector("script[data-wb-plotly]")) return;
    const script = document.createElement("script");
    script.src = new URL(PATH, document.baseURI).href;
    script.dataset.wbPlotly = "";
    document.head.appendChild(script);
  }
};
"""


class PlotlyLoader(anywidget.AnyWidget):
    """Invisible; brings plotly.js to the page once (``window.Plotly``) for every :class:`Chart`.

    Made by :func:`plotly_loader`, whose class gives it the code that brings plotly.js:
    plotly.js itself (:data:`PLOTLY_JS`, 1.5 MB, read only when such a loader is made), or a
    few lines that take it from the page where the server serves it.
    """

    _esm = _LOADER_ESM


def plotly_loader() -> PlotlyLoader:
    """The page's :class:`PlotlyLoader`: a few lines when the workbench's server serves
    plotly.js (:data:`~widgets.network.page_code.PLOTLY_JS_ENV`, a path on that server)
    and its page template loads it with the page, rather than 1.5 MB of code sent by the
    kernel, parsed and compiled in the browser at every opening; the one carrying
    plotly.js elsewhere (tests, other servers)."""
    path = os.environ.get(PLOTLY_JS_ENV, "")
    return _loader(path if path.startswith("/") else "")()


@cache
def _loader(path: str) -> type[PlotlyLoader]:
    """The loader taking plotly.js from ``path`` on the page's server, or ("") carrying it."""
    if path:
        esm = _LOADER_FROM_PAGE_ESM.replace("__PATH__", json.dumps(path))
    else:
        esm = PLOTLY_JS.read_text(encoding="utf-8") + "\n" + _LOADER_ESM
    return type("PlotlyLoader", (PlotlyLoader,), {"_esm": esm, "__module__": __name__})


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
