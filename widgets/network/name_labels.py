"""Which names the network picture shows, and where: labels that do not overlap.

Team members first, then listed co-authors by number of links, at most
:data:`LABEL_LIMIT`; a label that would overlap one already placed is left out
(its name stays in the hover). Labels are plotly annotations, drawn above the
WebGL layer on a light backing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from workbench.session.network_filter import GraphArrays, View

#: At most this many name labels are drawn (team members first, then listed co-authors).
LABEL_LIMIT = 40
#: Width assumed for placing labels without overlap (the figure stretches to its container).
PLOT_WIDTH = 900
#: The node kinds as the graph arrays code them.
KIND_CODE = {"team": 0, "coauthor": 1, "listed-coauthor": 2}


def name_labels(
    arrays: GraphArrays,
    view: View,
    order: Sequence[int],
    plain: Sequence[str],
    shown_text: Sequence[str] | np.ndarray[Any, Any],
    height: int,
) -> list[dict[str, Any]]:
    """Annotations naming the people of ``view``, tried in ``order``, for a figure ``height`` high.

    ``plain`` holds each node's name as text (to measure it), ``shown_text`` the same
    name made safe for plotly.
    """
    shown = np.flatnonzero(view.nodes)
    candidates = [i for i in order if view.nodes[i]]
    if not candidates:
        return []
    # Pixels per data unit, as the figure will draw it (equal axis scales).
    xr = float(np.ptp(arrays.x[shown])) or 1.0
    yr = float(np.ptp(arrays.y[shown])) or 1.0
    scale = min(PLOT_WIDTH / xr, (height - 60) / yr)
    boxes: list[tuple[float, float, float, float]] = []
    out: list[dict[str, Any]] = []
    ringed = view.own_in_window | view.own_out_of_window
    for i in candidates:
        if len(out) >= LABEL_LIMIT:
            break
        team = arrays.kind[i] == KIND_CODE["team"]
        text = plain[i]
        wide = sum(12 if ord(c) > 0x2E80 else 6.5 for c in text) * (1.15 if team else 1.0)
        # above the marker, and above a ring around it
        lift = 13 if ringed[i] else 9 if team else 7
        cx, bottom = arrays.x[i] * scale, arrays.y[i] * scale + lift
        box = (cx - wide / 2, bottom, cx + wide / 2, bottom + (17 if team else 15))
        if not team and any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes
        ):
            continue
        boxes.append(box)
        out.append(
            {
                "x": float(arrays.x[i]),
                "y": float(arrays.y[i]),
                "text": shown_text[i],
                "showarrow": False,
                "yanchor": "bottom",
                "yshift": lift,
                "font": {"size": 13 if team else 11, "color": "#000000" if team else "#333333"},
                "bgcolor": "rgba(255,255,255,0.78)",
                "borderpad": 1,
            }
        )
    return out
