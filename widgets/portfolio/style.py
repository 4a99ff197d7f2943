"""The analyst page's look and its small pieces of markup (every value escaped).

It shares the review page's style sheet (:data:`widgets.common.markup.STYLE`, under
the ``wb-app`` class) and adds what the portfolio needs: figures in cards on a
two-column grid, key figures, labelled filters and a scrolling drill table.

Examples
--------
>>> html = key_figures([("提案", 12), ("<b>所見</b>", 33)])
>>> "&lt;b&gt;所見&lt;/b&gt;" in html and "<b>所見" not in html
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from widgets.common.markup import STYLE, esc

CSS = """
<style>
.wb-portfolio { max-width: 1500px; margin: 0 auto; }
.wb-portfolio .wb-header { margin-bottom: .3rem; }
.wb-portfolio .wb-header h1 { font-size: 1.3rem; }
.wb-portfolio .wb-header .wb-muted { color: #bcccdc; font-size: .9rem; font-weight: 400;
  margin-left: .6rem; }
.wb-kpis { display: flex; gap: .6rem; flex-wrap: wrap; margin: .2rem 0 .1rem; }
.wb-kpi { border: 1px solid #d9e2ec; border-radius: 6px; background: #fff; padding: .35rem .9rem;
          min-width: 9rem; }
.wb-kpi b { display: block; font-size: 1.45rem; color: #243b53; line-height: 1.7rem; }
.wb-kpi span { color: #627d98; font-size: .82rem; }
.wb-kpi.wb-kpi-alert b { color: #a61b1b; }
.wb-filters { align-items: flex-end; flex-wrap: wrap; }
.wb-filter .wb-filter-label { font-size: .82rem; color: #486581; font-weight: 600; }
.wb-filter select { font-size: .85rem; }
.wb-charts { width: 100%; }
.wb-chart-card { min-width: 0; overflow: hidden; padding: .2rem .3rem; }
.wb-chart-full { grid-column: 1 / -1; }
.wb-chart-card > .lm-Widget { width: 100%; }
.wb-chart-plot { width: 100%; }
.wb-drill-scroll { max-height: 24rem; overflow-y: auto; border: 1px solid #e4e7eb;
  border-radius: 4px; }
.wb-drill-scroll .wb-table th { position: sticky; top: 0; }
.wb-drill-table th, .wb-drill-table td:nth-child(1), .wb-drill-table td:nth-child(5),
.wb-drill-table td:nth-child(9) { white-space: nowrap; }
.wb-filter .widget-html { margin-bottom: 0; }
.wb-filter .widget-html-content { height: auto; line-height: 1.3rem; }
.wb-export { align-items: center; }
.wb-revision-table td:nth-child(1), .wb-revision-table td:nth-child(3),
.wb-revision-table td:nth-child(4), .wb-network-behind td:nth-child(1) { white-space: nowrap; }
.wb-revision-choose, .wb-revision-export, .wb-network-export { align-items: center; }
</style>
"""

#: Both style sheets, put once at the top of the page.
PAGE_STYLE = STYLE + CSS


def key_figures(items: Sequence[tuple[str, Any]], alert: Sequence[bool] = ()) -> str:
    """A row of key figures: label and number (numbers with thousands separators)."""
    cells = []
    for i, (label, value) in enumerate(items):
        css = "wb-kpi wb-kpi-alert" if i < len(alert) and alert[i] else "wb-kpi"
        number = f"{value:,}" if isinstance(value, int) else esc(value)
        cells.append(f"<div class='{css}'><b>{number}</b><span>{esc(label)}</span></div>")
    return f"<div class='wb-kpis'>{''.join(cells)}</div>"


def filter_label(text: str) -> str:
    return f"<div class='wb-filter-label'>{esc(text)}</div>"
