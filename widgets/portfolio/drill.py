"""The analyst page's drill-down table: the rows behind a clicked chart element, as HTML
(headers and codes in the reader's language, every cell escaped)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pandas as pd

from workbench.portfolio import analysis

DRILL_ROWS = 200
#: columns whose codes are shown in words, with the label prefix that translates them
_CODED = {
    "suggested_outcome": "outcome.",
    "outcome": "outcome.",
    "review_status": "status.",
    "check": "check.",
    "kind": "measure.",
}
_COLUMNS = frozenset(analysis.DRILL_COLUMNS)


def _cell(value: Any, column: str, tr: Callable[..., str]) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if column in _CODED and isinstance(value, str):
        return html.escape(tr(_CODED[column] + value))
    return html.escape(str(value))


def table_html(frame: pd.DataFrame, tr: Callable[..., str], limit: int = DRILL_ROWS) -> str:
    """A plain HTML table of ``frame`` (headers and codes translated, every cell escaped)."""
    if frame.empty:
        return f"<p class='wb-muted'>{html.escape(tr('drill.empty'))}</p>"
    head = "".join(
        f"<th>{html.escape(tr('col.' + c) if c in _COLUMNS else c)}</th>" for c in frame.columns
    )
    columns = list(frame.columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{_cell(v, c, tr)}</td>" for v, c in zip(row, columns, strict=True))
        + "</tr>"
        for row in frame.head(limit).itertuples(index=False)
    )
    more = (
        f"<p class='wb-muted'>{html.escape(tr('drill.more', n=len(frame), shown=limit))}</p>"
        if len(frame) > limit
        else ""
    )
    return (
        f"<div class='wb-drill-scroll'><table class='wb-table wb-drill-table'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}"
    )
