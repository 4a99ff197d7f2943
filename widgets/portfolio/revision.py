"""The analyst page's list-revision view: two registered versions of a list, and what changes.

The analyst chooses a list and two of its registered versions; the comparison
(:func:`workbench.portfolio.impact.list_impact`, run by the ``compare``
callable the page passes in) gives the proposals that gain or lose findings. The
view shows the list's changes in numbers, a chart of the proposals affected
(click a bar: that proposal's changes, with the person, the organisation and
why), and exports the changes as CSV or Excel (cells neutralised, no server
paths).

Traits: ``selected`` (output: the proposal id drilled into), ``report`` (the
last comparison, or None).
"""

from __future__ import annotations

import base64
import html
import logging
import threading
from collections.abc import Callable
from typing import Any

import ipywidgets as w
import pandas as pd
import plotly.graph_objects as go
import traitlets as t

from widgets.common import markup
from widgets.common.kernel_thread import call_soon
from widgets.portfolio.charts import BLUE, RED, _layout, new_figure, short
from widgets.portfolio.drill import proposal_link
from widgets.portfolio.plot import Chart
from workbench.list_versions import VersionRecord
from workbench.portfolio.export import FORMATS, table_bytes
from workbench.portfolio.impact import impact_rows, per_proposal
from workbench.portfolio.rescreen import RescreenReport

log = logging.getLogger("widgets")

Compare = Callable[[VersionRecord, VersionRecord], RescreenReport]
_SHOWN = ("proposal_id", "title", "change", "why", "person", "organisation", "reason")


def version_label(r: VersionRecord) -> str:
    return f"{r.version_text or '—'} · {r.entries:,} · {r.content_hash[:8]}"


class RevisionView(w.VBox):
    """Choose a list and two versions, compare, drill into a proposal, export."""

    selected = t.Unicode("")
    report = t.Any(None, allow_none=True)

    def __init__(
        self,
        versions: dict[str, list[VersionRecord]],
        compare: Compare | None,
        tr: Callable[..., str],
        review_url: str = "",
        **kwargs: Any,
    ) -> None:
        self.versions = versions
        self.compare = compare
        self.tr = tr
        self.review_url = review_url
        self.title = w.HTML()
        self.list_choice = w.Dropdown(options=list(versions), layout=w.Layout(width="22rem"))
        self.old_choice = w.Dropdown(layout=w.Layout(width="20rem"))
        self.new_choice = w.Dropdown(layout=w.Layout(width="20rem"))
        self.compare_button = w.Button(icon="exchange", layout=w.Layout(width="auto"))
        self.compare_button.add_class("wb-revision-compare")
        self.status = w.HTML()
        self.summary = w.HTML()
        self.chart = Chart()
        self.figure: go.Figure | None = None
        self.proposals: list[str] = []
        self.drill_table = w.HTML()
        self.csv_button = w.Button(icon="file-text-o", layout=w.Layout(width="7rem"))
        self.xlsx_button = w.Button(icon="file-excel-o", layout=w.Layout(width="7rem"))
        self.download = w.HTML()
        self.rows = pd.DataFrame()
        choose = w.HBox([self.list_choice, self.old_choice, self.new_choice, self.compare_button])
        choose.add_class("wb-revision-choose")
        export = w.HBox([self.csv_button, self.xlsx_button, self.download])
        export.add_class("wb-revision-export")
        super().__init__(
            [self.title, choose, self.status, self.summary, self.chart, self.drill_table, export],
            **kwargs,
        )
        self.add_class("wb-card")
        self.add_class("wb-revision")
        self.list_choice.observe(lambda _c: self._versions(), names="value")
        self.compare_button.on_click(lambda _b: self.run())
        self.chart.observe(self._clicked, names="clicked")
        self.csv_button.on_click(lambda _b: self.export("csv"))
        self.xlsx_button.on_click(lambda _b: self.export("xlsx"))
        self.observe(lambda _c: self._show_drill(), names="selected")
        self.results = [self.chart, self.drill_table, export]
        for part in self.results:  # shown once there is a comparison
            part.layout.display = "none"
        self._versions()
        self.relabel(tr)

    # ---- choosing ------------------------------------------------------------------

    def _versions(self) -> None:
        records = self.versions.get(str(self.list_choice.value or ""), [])
        options = [(version_label(r), i) for i, r in enumerate(records)]
        self.new_choice.options = options
        self.old_choice.options = options
        if len(options) >= 2:
            self.new_choice.value, self.old_choice.value = 0, 1  # newest against the one before

    def chosen(self) -> tuple[VersionRecord, VersionRecord] | None:
        records = self.versions.get(str(self.list_choice.value or ""), [])
        old, new = self.old_choice.value, self.new_choice.value
        if old is None or new is None or old == new or not records:
            return None
        return records[int(old)], records[int(new)]

    def relabel(self, tr: Callable[..., str]) -> None:
        self.tr = tr
        self.title.value = markup.heading_html(tr("revision.title"))
        self.list_choice.description = tr("revision.list")
        self.old_choice.description = tr("revision.old")
        self.new_choice.description = tr("revision.new")
        for d in (self.list_choice, self.old_choice, self.new_choice):
            d.style = {"description_width": "initial"}
        self.compare_button.description = tr("revision.compare")
        self.csv_button.description = tr("export.csv")
        self.xlsx_button.description = tr("export.xlsx")
        if not self.versions:
            self.status.value = markup.status_html(tr("revision.none"), "info")
        if self.report is not None:
            self._show()

    # ---- comparing -----------------------------------------------------------------

    def run(self, wait: bool = False) -> None:
        """Compare the chosen versions in a background thread (``wait``: return when shown)."""
        pair = self.chosen()
        if pair is None or self.compare is None:
            self.status.value = markup.status_html(self.tr("revision.choose"), "warn")
            return
        self.compare_button.disabled = True
        self.status.value = markup.status_html(self.tr("revision.busy"), "busy")
        compare = self.compare

        def work() -> None:
            try:
                report = compare(*pair)
            except Exception as exc:  # shown in plain words, logged with its traceback
                call_soon(self._failed, exc)
                return
            call_soon(self._done, report)

        thread = threading.Thread(target=work, name="list-revision", daemon=True)
        thread.start()
        if wait:
            thread.join()

    def _failed(self, exc: Exception) -> None:
        log.error("list revision comparison failed", exc_info=exc)
        self.compare_button.disabled = False
        problems = getattr(exc, "problems", None)
        text = "; ".join(str(p) for p in problems) if problems else f"{type(exc).__name__}: {exc}"
        self.status.value = markup.status_html(text, "error")

    def _done(self, report: RescreenReport) -> None:
        self.compare_button.disabled = False
        self.status.value = ""
        self.rows = impact_rows(report)
        self.selected = ""
        self.report = report
        self._show()

    # ---- showing -------------------------------------------------------------------

    def _show(self) -> None:
        tr, report = self.tr, self.report
        if report is None:
            return
        d = report.diff
        per = per_proposal(self.rows)
        counts = [
            ("revision.added", len(d.added)),
            ("revision.removed", len(d.removed)),
            ("revision.renamed", len(d.renamed)),
            ("revision.renumbered", len(d.renumbered)),
            ("revision.aliases", len(d.alias_changes)),
        ]
        changes = " · ".join(f"{html.escape(tr(k))} {n:,}" for k, n in counts)
        affected = len(per[(per["gained"] > 0) | (per["lost"] > 0)])
        self.summary.value = (
            f"<p class='wb-revision-summary'>{html.escape(d.list_name)}: "
            f"{html.escape(str(d.old_version))} ({d.old_count:,}) → "
            f"{html.escape(str(d.new_version))} ({d.new_count:,}) — {changes}<br>"
            f"<b>{html.escape(tr('revision.affected', n=affected))}</b></p>"
        )
        self.proposals = list(per["proposal_id"])
        fig = new_figure()
        labels = [short(p, 32) for p in per["proposal_id"]]
        for col, colour in (("lost", BLUE), ("gained", RED)):
            name = html.escape(tr(f"revision.{col}"))
            fig.add_trace(
                go.Bar(
                    x=list(per[col]),
                    y=labels,
                    orientation="h",
                    name=name,
                    marker={"color": colour},
                    hovertemplate="%{y}: %{x}<extra>" + name + "</extra>",
                )
            )
        _layout(fig, tr("revision.chart"), max(200, 28 * len(labels) + 120), tr("axis.findings"))
        fig.update_layout(barmode="stack", showlegend=True)
        fig.update_yaxes(autorange="reversed")
        self.figure = fig
        self.chart.show(fig)
        for part in self.results:
            part.layout.display = ""
        self._show_drill()

    def _clicked(self, change: dict[str, Any]) -> None:
        click = change["new"] or {}
        point = click.get("point")
        if isinstance(point, int | float) and 0 <= int(point) < len(self.proposals):
            self.selected = self.proposals[int(point)]

    def drilled(self) -> pd.DataFrame:
        """The changes shown: the selected proposal's, or all."""
        if self.rows.empty or not self.selected:
            return self.rows
        return self.rows[self.rows["proposal_id"] == self.selected].reset_index(drop=True)

    def _show_drill(self) -> None:
        tr = self.tr
        frame = self.drilled()
        if self.report is None:
            self.drill_table.value = ""
            return
        if frame.empty:
            self.drill_table.value = f"<p class='wb-muted'>{html.escape(tr('revision.empty'))}</p>"
            return
        head = "".join(f"<th>{html.escape(tr('revision.col.' + c))}</th>" for c in _SHOWN)
        body = []
        for r in frame.itertuples(index=False):
            cells = []
            for c in _SHOWN:
                v = getattr(r, c)
                if c == "proposal_id":
                    cells.append(f"<td>{proposal_link(str(v), self.review_url)}</td>")
                elif c in ("change", "why"):
                    cells.append(f"<td>{html.escape(tr(f'revision.{v}'))}</td>")
                else:
                    cells.append(f"<td>{'' if pd.isna(v) else html.escape(str(v))}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        what = self.selected or tr("revision.all")
        self.drill_table.value = (
            f"<p class='wb-muted'>{html.escape(tr('revision.rows', what=what, n=len(frame)))}</p>"
            f"<div class='wb-drill-scroll'><table class='wb-table wb-revision-table'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )

    def export(self, fmt: str) -> bytes:
        """The changes shown (the drilled proposal's, or all) as CSV or Excel."""
        frame = self.drilled()
        data = table_bytes(frame, fmt, sheet="list_revision")
        filename = f"list_revision.{fmt}"
        self.download.value = markup.download_link(
            self.tr("export.ready", name=filename),
            filename,
            FORMATS[fmt],
            base64.b64encode(data).decode("ascii"),
        )
        return data
