"""The network figure's code (plotly.js, about 5 MB), loaded with the page when it can be.

A plotly ``FigureWidget`` sends its code to the browser in the message that
creates it: the page parses and compiles 5 MB of JavaScript when the first
proposal's network is shown. The workbench's server (:mod:`serving`) serves
that code itself, and its page template asks the browser to fetch and compile
it while the page loads (``<link rel="modulepreload">``); the server tells its
kernels where (:data:`PAGE_CODE_ENV`, a path on the server). The figure a
kernel of that server makes then carries only a few lines that import the
module the page already holds. Elsewhere (tests, other servers) the figure is
plotly's own, code included.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a figure is made: the server reads the names below
    import plotly.graph_objects as go

__all__ = ["PAGE_CODE_ENV", "PAGE_CODE_PATH", "PLOTLY_JS_ENV", "PLOTLY_JS_PATH", "figure_widget"]

#: Set by the workbench's server in its kernels' environment: the absolute path (on
#: that server) of plotly's widget code, which its pages load ahead.
PAGE_CODE_ENV = "WORKBENCH_PAGE_PLOTLY_JS"
#: That path below the server's base URL.
PAGE_CODE_PATH = "workbench/plotly/widgetbundle.js"
#: Likewise plotly.js for the analyst page's charts (:mod:`widgets.portfolio.plot`; a
#: script that defines ``window.Plotly``), which the page template loads ahead from its
#: static folder, and its path below the server's base URL.
PLOTLY_JS_ENV = "WORKBENCH_PAGE_PLOTLY_MIN_JS"
PLOTLY_JS_PATH = "voila/templates/workbench/static/plotly/plotly-cartesian.min.js"

_ESM = """
// plotly's widget code, fetched and compiled with the page (its <link rel="modulepreload">)
const code = await import(new URL(__PATH__, document.baseURI).href);
export default code.default;
"""


def figure_widget() -> go.FigureWidget:
    """An empty ``FigureWidget``: without its code when the page loads it ahead."""
    import plotly.graph_objects as go

    path = os.environ.get(PAGE_CODE_ENV, "")
    return _with_page_code(path)() if path.startswith("/") else go.FigureWidget()


@cache
def _with_page_code(path: str) -> type[go.FigureWidget]:
    import plotly.graph_objects as go

    return type(
        "PageCodeFigureWidget",
        (go.FigureWidget,),
        {"_esm": _ESM.replace("__PATH__", json.dumps(path)), "__module__": __name__},
    )
