"""The white lines between the cells of a heat map, drawn as one shape.

Examples
--------
>>> cell_gaps(2, 1)["path"]
'M-0.5,-0.5L-0.5,0.5M0.5,-0.5L0.5,0.5M1.5,-0.5L1.5,0.5M-0.5,-0.5L1.5,-0.5M-0.5,0.5L1.5,0.5'
"""

from __future__ import annotations

from typing import Any

GAP_PX = 2  # white space between two cells of the heat map


def cell_gaps(columns: int, rows: int) -> dict[str, Any]:
    """The white lines between the cells of a heat map of ``columns`` × ``rows`` categories,
    as one shape above it.

    plotly draws a heat map with gaps between its cells (``xgap``, ``ygap``) into a canvas
    the size of the chart, encoded as a PNG image (1,300 × 1,500 pixels for 60 proposals),
    then decoded again to be shown; without gaps it draws one pixel per cell, scaled up
    without smoothing. The gaps are these lines instead, :data:`GAP_PX` wide on the cells'
    borders (the outer ones half cut off, as the outer cells' gaps are)."""
    path = [f"M{i - 0.5},-0.5L{i - 0.5},{rows - 0.5}" for i in range(columns + 1)]
    path += [f"M-0.5,{j - 0.5}L{columns - 0.5},{j - 0.5}" for j in range(rows + 1)]
    return {
        "type": "path",
        "path": "".join(path),
        "xref": "x",
        "yref": "y",
        "layer": "above",
        "line": {"color": "#ffffff", "width": GAP_PX},
    }
