"""The analyst dashboard: portfolio charts with filters, drill-down and export.

:func:`build_app` reads the settings, screens the proposals folder
(``WORKBENCH_DATA_DIR``) against the lists in a background thread with a
progress bar, and shows :class:`PortfolioApp`. Tests and scripts pass ready
tables (``PortfolioApp(tables)``, e.g. read back with
:meth:`~workbench.portfolio.PortfolioTables.read` from ``workbench portfolio
screen --out``).

Traits: ``filters`` (input: filter name → chosen values), ``language``
(``ja``/``en``), ``drill`` (output: the chart element clicked, ``{"summary",
"value"}``). All analysis comes from :mod:`workbench.portfolio.analysis`;
every text from data is escaped before it reaches HTML or a chart.
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
import traitlets as t

from workbench.portfolio import analysis
from workbench.portfolio.export import FORMATS, table_bytes
from workbench.portfolio.tables import PortfolioTables
from workbench.settings import LANGUAGES, Settings

from . import markup
from .portfolio_charts import ClickMap, figure
from .portfolio_i18n import translator

log = logging.getLogger("widgets")

CHARTS = tuple(analysis.SUMMARIES)
FILTER_NAMES = tuple(analysis.FILTERS)
DRILL_ROWS = 200


def _cell(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def table_html(frame: pd.DataFrame, tr: Callable[..., str], limit: int = DRILL_ROWS) -> str:
    """A plain HTML table of ``frame`` (headers translated, every cell escaped)."""
    if frame.empty:
        return f"<p class='wb-muted'>{html.escape(tr('drill.empty'))}</p>"
    head = "".join(
        f"<th>{html.escape(tr('col.' + c) if c in _COLUMNS else c)}</th>" for c in frame.columns
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
        for row in frame.head(limit).itertuples(index=False)
    )
    return f"<table class='wb-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_COLUMNS = frozenset(analysis.DRILL_COLUMNS)


class PortfolioApp(w.VBox):
    """The analyst page. Parts are attributes (``filter_widgets``, ``figures``, …) for tests."""

    language = t.Unicode(LANGUAGES[0])
    filters = t.Dict()
    drill = t.Dict()  # output: {"summary": ..., "value": ...}

    def __init__(
        self, tables: PortfolioTables | None = None, language: str = LANGUAGES[0], **kwargs: Any
    ) -> None:
        self._title = w.HTML()
        self._lang = w.ToggleButtons(options=[("日本語", "ja"), ("English", "en")], value=language)
        self.summary = w.HTML()
        self.progress = w.IntProgress(min=0, max=1, value=0, layout=w.Layout(display="none"))
        self.status = w.HTML()
        self.filter_widgets = {
            name: w.SelectMultiple(options=[], rows=4, layout=w.Layout(width="200px"))
            for name in FILTER_NAMES
        }
        self._reset = w.Button(icon="times")
        self.figures: dict[str, Any] = {}
        self.clicks: dict[str, ClickMap] = {}
        self._charts = w.GridBox(
            layout=w.Layout(grid_template_columns="repeat(2, minmax(0, 1fr))", grid_gap="8px")
        )
        self._drill_title = w.HTML()
        self.drill_table = w.HTML()
        self._export_choice = w.Dropdown(layout=w.Layout(width="320px"))
        self.csv_button = w.Button(icon="file-text-o")
        self.xlsx_button = w.Button(icon="file-excel-o")
        self.download = w.HTML()
        self._export_title = w.HTML()
        self._quiet = False
        self.tables: PortfolioTables | None = None
        self.view: PortfolioTables | None = None
        self.drilled = pd.DataFrame(columns=list(analysis.DRILL_COLUMNS))
        super().__init__(
            children=[
                w.HBox([self._title, self._lang], layout=w.Layout(justify_content="space-between")),
                self.progress,
                self.status,
                self.summary,
                w.HBox(
                    [*self.filter_widgets.values(), self._reset],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self._charts,
                self._drill_title,
                self.drill_table,
                self._export_title,
                w.HBox([self._export_choice, self.csv_button, self.xlsx_button, self.download]),
            ],
            **kwargs,
        )
        self.add_class("wb-portfolio")
        self.language = language
        t.link((self._lang, "value"), (self, "language"))
        for name, sel in self.filter_widgets.items():
            sel.observe(lambda ch, n=name: self._filter_changed(n, ch["new"]), names="value")
        self._reset.on_click(lambda _b: self.clear_filters())
        self.csv_button.on_click(lambda _b: self.export("csv"))
        self.xlsx_button.on_click(lambda _b: self.export("xlsx"))
        self.observe(lambda _c: self._render(), names=["filters", "language"])
        self.observe(lambda _c: self._show_drill(), names=["drill"])
        if tables is not None:
            self.set_tables(tables)
        else:
            self._render()

    # ---- input ---------------------------------------------------------------------

    def set_tables(self, tables: PortfolioTables) -> None:
        """Show ``tables`` (all filters cleared)."""
        self.tables = tables
        opts = analysis.choices(tables)
        self._quiet = True
        try:
            for name, sel in self.filter_widgets.items():
                sel.options = opts[name]
                sel.value = ()
        finally:
            self._quiet = False
        if self.filters:
            self.filters = {}  # renders
        else:
            self._render()

    def clear_filters(self) -> None:
        self._quiet = True
        try:
            for sel in self.filter_widgets.values():
                sel.value = ()
        finally:
            self._quiet = False
        self.filters = {}

    def _filter_changed(self, name: str, value: tuple[str, ...]) -> None:
        if not self._quiet:
            self.filters = {k: v for k, v in {**self.filters, name: list(value)}.items() if v}

    # ---- drawing -------------------------------------------------------------------

    def _tr(self) -> Callable[..., str]:
        return translator(self.language)

    def _render(self) -> None:
        tr = self._tr()
        self._title.value = markup.title_html(tr("app.title"), tr("app.subtitle"))
        self._reset.description = tr("filter.reset")
        for name, sel in self.filter_widgets.items():
            sel.description = tr(f"filter.{name}")
            sel.style = {"description_width": "initial"}
        self._export_title.value = markup.heading_html(tr("export.title"))
        self.csv_button.description = tr("export.csv")
        self.xlsx_button.description = tr("export.xlsx")
        if self.tables is None:
            self.summary.value = ""
            return
        self.view = analysis.apply_filters(self.tables, self.filters)
        v = self.view
        self.summary.value = (
            "<p>"
            + html.escape(
                tr(
                    "app.summary",
                    proposals=len(v.proposals),
                    flagged=v.findings["proposal_id"].nunique(),
                    findings=len(v.findings),
                    failed=len(self.tables.failed),
                )
            )
            + "</p>"
        )
        boxes = []
        for name in CHARTS:
            fig, clicks = figure(name, analysis.SUMMARIES[name](v), tr)
            for trace in fig.data:
                trace.on_click(lambda tr_, pts, _st, n=name: self._clicked(n, tr_, pts))
            self.figures[name], self.clicks[name] = fig, clicks
            boxes.append(fig)
        self._charts.children = boxes
        names = ["proposals", "findings", "evidence", "problems", *CHARTS, "drill"]
        current = self._export_choice.value
        self._export_choice.options = [
            (
                tr(f"table.{n}")
                if n in ("proposals", "findings", "evidence", "problems", "drill")
                else tr(f"chart.{n}"),
                n,
            )
            for n in names
        ]
        self._export_choice.value = current if current in names else "proposals"
        self._export_choice.description = tr("export.table")
        self._show_drill()

    def _clicked(self, summary: str, trace: Any, points: Any) -> None:
        if not points.point_inds:
            return
        fig = self.figures[summary]
        index = next((i for i, d in enumerate(fig.data) if d is trace), points.trace_index or 0)
        ind = points.point_inds[0]
        x = points.xs[0] if points.xs else None
        y = points.ys[0] if points.ys else None
        value = self.clicks[summary].value(index, ind if isinstance(ind, int) else -1, x, y)
        if value is not None:
            self.select(summary, value)

    def select(self, summary: str, value: Any) -> None:
        """Drill into ``value`` of ``summary`` (what a click on a chart does)."""
        self.drill = {"summary": summary, "value": value}

    def _show_drill(self) -> None:
        tr = self._tr()
        if not self.drill or self.view is None:
            self.drilled = pd.DataFrame(columns=list(analysis.DRILL_COLUMNS))
            self._drill_title.value = markup.heading_html(tr("drill.none"))
            self.drill_table.value = ""
            return
        summary, value = self.drill["summary"], self.drill["value"]
        self.drilled = analysis.drill(self.view, summary, value)
        what = " × ".join(str(v) for v in value) if isinstance(value, tuple | list) else str(value)
        self._drill_title.value = markup.heading_html(
            tr("drill.title", what=f"{tr('chart.' + summary)} — {what}")
        )
        self.drill_table.value = table_html(self.drilled, tr)

    # ---- export --------------------------------------------------------------------

    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` as shown (filtered): a table, a chart's summary, or the drill."""
        if self.view is None:
            return pd.DataFrame()
        if name == "drill":
            return self.drilled
        if name in analysis.SUMMARIES:
            return analysis.SUMMARIES[name](self.view)
        return getattr(self.view, name) if name != "problems" else self.tables.problems  # type: ignore[union-attr]

    def export(self, fmt: str, name: str | None = None) -> bytes:
        """The table ``name`` (default: the chosen one) as CSV or Excel; also offered as a link."""
        tr = self._tr()
        name = name or str(self._export_choice.value)
        data = table_bytes(self.table(name), fmt, sheet=name)
        filename = f"portfolio_{name}.{fmt}"
        self.download.value = markup.download_link(
            tr("export.ready", name=filename),
            filename,
            FORMATS[fmt],
            base64.b64encode(data).decode("ascii"),
        )
        return data


def build_app(settings: Settings | None = None, *, wait: bool = False) -> PortfolioApp:
    """The analyst page for the settings' proposals folder, lists and store.

    The folder is screened in a background thread (progress shown on the page);
    ``wait=True`` returns only when the tables are shown (scripts, tests).
    """
    from workbench.lists import load_lists
    from workbench.portfolio import screen_portfolio
    from workbench.store import open_store

    settings = settings or Settings.from_env()
    app = PortfolioApp(language=settings.language)
    app.progress.layout.display = ""

    def progress(done: int, total: int, _name: str) -> None:
        app.progress.max = max(total, 1)
        app.progress.value = done

    def work() -> None:
        try:
            lists = [x.value for x in load_lists(settings.lists)]
            store = open_store(settings.db_url)
            try:
                run = screen_portfolio(
                    settings.data_dir,
                    lists,
                    progress=progress,
                    store=store,
                    years=settings.lookback_years,
                )
            finally:
                store.close()
            app.set_tables(run.tables)
            app.status.value = ""
        except Exception as exc:  # shown in plain words, logged with its traceback
            log.exception("portfolio screening failed")
            app.status.value = markup.status_html(f"{type(exc).__name__}: {exc}", "error")
        finally:
            app.progress.layout.display = "none"

    thread = threading.Thread(target=work, name="portfolio-screening", daemon=True)
    thread.start()
    if wait:
        thread.join()
    return app
