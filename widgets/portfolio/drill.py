"""The analyst page's drill-down table: the rows behind a clicked chart element, as HTML
(headers and codes in the reader's language, every cell escaped; each proposal id a link
that opens the review page on that proposal).

Examples
--------
>>> proposal_link("P<1>", "http://h/")  # doctest: +NORMALIZE_WHITESPACE
'<a class="wb-review-link" href="http://h/?proposal=P%3C1%3E" target="_blank"
 rel="noopener">P&lt;1&gt;</a>'
>>> proposal_link("P<1>", "")
'P&lt;1&gt;'
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import ipywidgets as w
import pandas as pd

from workbench.portfolio import analysis

DRILL_ROWS = 50  # rows a page of the table shows
#: columns whose codes are shown in words, with the label prefix that translates them
_CODED = {
    "suggested_outcome": "outcome.",
    "outcome": "outcome.",
    "review_status": "status.",
    "check": "check.",
    "kind": "measure.",
}
_COLUMNS = frozenset(analysis.DRILL_COLUMNS)


def review_link(proposal_id: str, review_url: str) -> str:
    """The review page's address that opens ``proposal_id`` (``?proposal=ID``)."""
    return f"{review_url}?{urlencode({'proposal': proposal_id})}"


def proposal_link(proposal_id: str, review_url: str) -> str:
    """``proposal_id`` as a link to the review page opened on it (plain text without an address)."""
    text = html.escape(proposal_id)
    if not review_url:
        return text
    href = html.escape(review_link(proposal_id, review_url), quote=True)
    return f'<a class="wb-review-link" href="{href}" target="_blank" rel="noopener">{text}</a>'


def _cell(value: Any, column: str, tr: Callable[..., str], review_url: str = "") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if column == "proposal_id":
        return proposal_link(str(value), review_url)
    if column in _CODED and isinstance(value, str):
        return html.escape(tr(_CODED[column] + value))
    return html.escape(str(value))


def table_html(
    frame: pd.DataFrame,
    tr: Callable[..., str],
    limit: int = DRILL_ROWS,
    review_url: str = "",
    start: int = 0,
) -> str:
    """A plain HTML table of ``limit`` rows of ``frame`` from row ``start`` (headers and
    codes translated, every cell escaped, proposal ids linked to the review page at
    ``review_url``), saying which rows of how many it shows when not all."""
    if frame.empty:
        return f"<p class='wb-muted'>{html.escape(tr('drill.empty'))}</p>"
    head = "".join(
        f"<th>{html.escape(tr('col.' + c) if c in _COLUMNS else c)}</th>" for c in frame.columns
    )
    columns = list(frame.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{_cell(v, c, tr, review_url)}</td>" for v, c in zip(row, columns, strict=True)
        )
        + "</tr>"
        for row in frame.iloc[start : start + limit].itertuples(index=False)
    )
    last = min(start + limit, len(frame))
    more = (
        f"<p class='wb-muted wb-drill-rows'>"
        f"{html.escape(tr('drill.rows', n=len(frame), first=start + 1, last=last))}</p>"
        if len(frame) > limit
        else ""
    )
    return (
        f"<div class='wb-drill-scroll'><table class='wb-table wb-drill-table'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}"
    )


class PagedTable(w.VBox):
    """A drill-down table shown :data:`DRILL_ROWS` rows at a time, with previous/next
    buttons: only the rows of the page shown are made into HTML and sent."""

    def __init__(self, review_url: str = "", **kwargs: Any) -> None:
        self.review_url = review_url
        self.table = w.HTML()
        self.prev = w.Button(icon="chevron-left", layout=w.Layout(width="2.6rem"))
        self.next = w.Button(icon="chevron-right", layout=w.Layout(width="2.6rem"))
        self._pager = w.HBox([self.prev, self.next], layout=w.Layout(display="none"))
        self._pager.add_class("wb-drill-pager")
        super().__init__([self.table, self._pager], **kwargs)
        self.frame: pd.DataFrame | None = None
        self.page = 0
        self._tr: Callable[..., str] = lambda key, **_: key
        self.prev.on_click(lambda _b: self.turn(self.page - 1))
        self.next.on_click(lambda _b: self.turn(self.page + 1))

    def show(self, frame: pd.DataFrame | None, tr: Callable[..., str]) -> None:
        """Show the first page of ``frame`` (nothing for None)."""
        self.frame, self.page, self._tr = frame, 0, tr
        self._draw()

    def turn(self, page: int) -> None:
        """Show page ``page`` (from 0; kept within the pages there are)."""
        n = 0 if self.frame is None else len(self.frame)
        page = min(max(page, 0), max(0, (n - 1) // DRILL_ROWS))
        if page != self.page:
            self.page = page
            self._draw()

    def _draw(self) -> None:
        tr, frame = self._tr, self.frame
        if frame is None:
            self.table.value = ""
            self._pager.layout.display = "none"
            return
        start = self.page * DRILL_ROWS
        self.table.value = table_html(frame, tr, review_url=self.review_url, start=start)
        self._pager.layout.display = "" if len(frame) > DRILL_ROWS else "none"
        self.prev.disabled = start == 0
        self.next.disabled = start + DRILL_ROWS >= len(frame)
        self.prev.tooltip = tr("drill.previous")
        self.next.tooltip = tr("drill.next")
