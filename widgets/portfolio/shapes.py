"""Lines drawn on a chart as one shape of its layout: a path in the chart's own
coordinates, which plotly draws as it is, where a trace would be worked through point by
point (the network's links, the white lines between a heat map's cells).

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
    return path_shape("".join(path), layer="above", color="#ffffff", width=GAP_PX)


def path_shape(path: str, *, layer: str, color: str, width: float) -> dict[str, Any]:
    """The SVG ``path`` (in the x and y axes' coordinates) as a layout shape of lines
    ``width`` px wide, drawn ``layer`` ("above" or "below") the traces."""
    return {
        "type": "path",
        "path": path,
        "xref": "x",
        "yref": "y",
        "layer": layer,
        "line": {"color": color, "width": width},
    }
