"""The network explorer's figure: its traces, empty, and its layout, made ahead of use.

The explorer (:mod:`widgets.network.explorer`) fills these few WebGL traces — one per
kind of link and of person, never one per edge — with a proposal's data.
:func:`warm_up` imports plotly's widget machinery before the first explorer
is made, and :func:`sample_graph` is the tiny graph of an explorer made out of
sight before the first proposal is opened.
"""

from __future__ import annotations

import sys
from typing import Any

import plotly.graph_objects as go

from widgets.network.style import EDGE_STYLES, HIGHLIGHT, NODE_STYLES, OWN_RINGS, SELECTED_RING
from workbench.graph import CoauthorGraph, NodeKind
from workbench.session.network_filter import EDGE_CATEGORIES

NODE_KINDS = (NodeKind.COAUTHOR.value, NodeKind.LISTED_COAUTHOR.value, NodeKind.TEAM.value)
OWN_RING_NAMES = ("own_listed_out_of_window", "own_listed_in_window")


LAYOUT: dict[str, Any] = {
    "margin": {"l": 10, "r": 10, "t": 36, "b": 10},
    "plot_bgcolor": "#FFFFFF",
    "paper_bgcolor": "#FFFFFF",
    "xaxis": {"visible": False},
    "yaxis": {"visible": False, "scaleanchor": "x"},
    "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "font": {"size": 12}},
    "hovermode": "closest",
    "dragmode": "pan",
    "uirevision": "network",
    "font": {"family": "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Meiryo, sans-serif"},
}


def empty_traces() -> list[Any]:
    """The figure's traces, empty, bottom to top: links by kind, the highlighted link,
    people by kind, rings for team members' own listed affiliations, the selection."""
    traces: list[Any] = []
    for cat in EDGE_CATEGORIES:
        s = EDGE_STYLES[cat]
        traces.append(
            go.Scattergl(
                x=[],
                y=[],
                mode="lines",
                name=cat,
                hoverinfo="skip",
                line={"color": s.colour, "width": s.width, "dash": s.dash},
            )
        )
    traces.append(
        go.Scattergl(
            x=[],
            y=[],
            mode="lines",
            name="highlight",
            hoverinfo="skip",
            line={"color": HIGHLIGHT.colour, "width": HIGHLIGHT.width},
        )
    )
    for kind in NODE_KINDS:
        ns = NODE_STYLES[kind]
        traces.append(
            go.Scattergl(
                x=[],
                y=[],
                mode="markers",
                name=kind,
                hoverinfo="text",
                marker={
                    "color": ns.colour,
                    "symbol": ns.symbol,
                    "size": ns.size,
                    "line": {"color": ns.line_colour, "width": 1},
                },
            )
        )
    rings = [(name, *OWN_RINGS[name]) for name in OWN_RING_NAMES]
    rings.append(("selected", SELECTED_RING, 3.0))
    for name, ring, width in rings:
        traces.append(
            go.Scattergl(
                x=[],
                y=[],
                mode="markers",
                name=name,
                hoverinfo="skip",
                showlegend=False,
                marker={
                    "color": ring.line_colour,
                    "symbol": ring.symbol,
                    "size": ring.size,
                    "line": {"color": ring.line_colour, "width": width},
                },
            )
        )
    return traces


def warm_up() -> None:
    """Import plotly's widget machinery and trace types before the first explorer is made.

    The first ``FigureWidget`` of a process imports seconds' worth of modules
    (plotly's renderers pull in nbformat and jsonschema); the page calls this in
    the background once it is shown, so the first proposal opened does not wait.
    Makes no widget.
    """
    _without_iri_grammar()
    import plotly.basewidget  # noqa: F401  (the FigureWidget's base and its imports)

    go.Figure(data=empty_traces(), layout=LAYOUT)


def _without_iri_grammar() -> None:
    """Keep jsonschema from compiling an IRI grammar nobody here uses (a second of CPU).

    plotly's renderers import nbformat, which imports jsonschema; jsonschema
    imports ``rfc3987_syntax`` when it is installed (the notebook server's event
    schemas want it) only to check the ``iri`` format, and that module builds a
    Lark parser as it is imported. A dashboard kernel validates no IRIs, so,
    unless jsonschema is already loaded, the module is marked absent
    (``sys.modules[name] = None`` makes its import raise ImportError, which
    jsonschema expects and skips).
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def sample_graph() -> CoauthorGraph:
    """Two people and one joint work: the graph of an explorer made ahead of use.

    The page makes its explorer, out of sight, before the first proposal is
    opened; drawing this link and these two markers has the browser set up its
    WebGL drawing then rather than when the reviewer waits for a proposal.
    """
    from datetime import date

    from workbench.graph import build_graph
    from workbench.model import Authorship, Person, Proposal, PubDate, Side, Work

    sample = Proposal("", "", (Person("sample", "Sample Member", Side.JP, "PI"),))
    authors = (Authorship("Sample Member"), Authorship("Sample Coauthor"))
    work = Work("sample", "", PubDate(2000), authors)
    return build_graph(sample, [work], as_of=date(2000, 12, 31), organisations=False)
