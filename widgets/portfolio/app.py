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
every text from data is escaped before it reaches HTML or a chart. Charts are
:class:`~widgets.portfolio.plot.Chart` widgets updated in place, with
plotly.js sent to the browser once.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd
import plotly.graph_objects as go
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.common.notices import banner_html
from widgets.portfolio.aggregates import Summaries
from widgets.portfolio.charts import FULL_WIDTH, ClickMap, spec
from widgets.portfolio.drill import PagedTable
from widgets.portfolio.filtering import FilterIndex
from widgets.portfolio.network_view import NetworkView
from widgets.portfolio.plot import Chart, plotly_loader
from widgets.portfolio.style import PAGE_STYLE, filter_label, key_figures
from workbench.list_updates.status import ListWarning
from workbench.portfolio import analysis
from workbench.portfolio.export import FORMATS, table_bytes
from workbench.portfolio.tables import PortfolioTables
from workbench.settings import LANGUAGES

log = logging.getLogger("widgets")

#: The charts in the order the page shows them (two columns; some span both).
CHARTS = (
    "by_organisation",
    "by_country",
    "by_check",
    "by_field",
    "outcomes",
    "heatmap",
    "timeline",
    "mitigation",
    "by_call_year",
)
FILTER_NAMES = tuple(analysis.FILTERS)
TABLES = ("proposals", "findings", "evidence", "problems")
#: filters whose values are codes, and the prefix that translates them
_CODED_FILTERS = {"check": "check.", "outcome": "outcome."}
#: what a clicked element of a summary is, when it is a code
_CODED_DRILL = {"by_check": "check.", "outcomes": "outcome.", "mitigation": "measure."}


class PortfolioApp(w.VBox):
    """The analyst page. Parts are attributes (``filter_widgets``, ``charts``, …) for tests.

    ``specs`` holds the figure each chart shows (as sent, plain JSON; ``figures`` the
    same as plotly figures), ``clicks`` how its points map back to the data.
    """

    language = t.Unicode(LANGUAGES[0])
    filters = t.Dict()
    drill = t.Dict()  # output: {"summary": ..., "value": ...}

    def __init__(
        self,
        tables: PortfolioTables | None = None,
        language: str = LANGUAGES[0],
        review_url: str = "",
        **kwargs: Any,
    ) -> None:
        self.review_url = review_url
        self.network = NetworkView(translator(language, "portfolio"), review_url)
        #: further views (network, list revisions), each with ``relabel(tr)``
        self.views = w.VBox([self.network])
        self.views.add_class("wb-views")
        self.title = w.HTML()
        self._lang = w.ToggleButtons(
            options=[("日本語", "ja"), ("English", "en")],
            value=language,
            style={"button_width": "5.5rem"},
        )
        header = w.HBox(
            [self.title, self._lang],
            layout=w.Layout(justify_content="space-between", align_items="center"),
        )
        header.add_class("wb-header")
        self.summary = w.HTML()
        self.progress = w.IntProgress(
            min=0, max=1, value=0, layout=w.Layout(display="none", width="100%")
        )
        self.status = w.HTML()
        self.list_notes = w.HTML()  # lists in use that are old or partial copies
        self._list_warnings: tuple[ListWarning, ...] = ()
        self.filter_widgets = {
            name: w.SelectMultiple(
                options=[], rows=5, layout=w.Layout(width="15rem", height="7.4rem")
            )
            for name in FILTER_NAMES
        }
        self._filter_labels = {name: w.HTML() for name in FILTER_NAMES}
        filter_boxes = []
        for name in FILTER_NAMES:
            box = w.VBox([self._filter_labels[name], self.filter_widgets[name]])
            box.add_class("wb-filter")
            filter_boxes.append(box)
        self._reset = w.Button(icon="times", layout=w.Layout(width="auto"))
        self._filters_title = w.HTML()
        filters_row = w.HBox([*filter_boxes, self._reset])
        filters_row.add_class("wb-filters")
        filters_card = w.VBox([self._filters_title, filters_row])
        filters_card.add_class("wb-card")
        self.loader = plotly_loader()
        self.charts: dict[str, Chart] = {}
        cards = []
        for name in CHARTS:
            chart = Chart()
            chart.observe(lambda ch, n=name: self._clicked(n, ch["new"]), names="clicked")
            self.charts[name] = chart
            card = w.Box([chart])
            card.add_class("wb-card")
            if name in FULL_WIDTH:
                card.add_class("wb-chart-full")
            card.add_class("wb-chart-card")
            card.add_class(f"wb-chart-{name}")
            cards.append(card)
        self.specs: dict[str, dict[str, Any]] = {}  # each chart's figure, as sent
        self.clicks: dict[str, ClickMap] = {}
        self._charts = w.GridBox(
            cards,
            layout=w.Layout(
                grid_template_columns="repeat(2, minmax(0, 1fr))", grid_gap="10px", width="100%"
            ),
        )
        self._charts.add_class("wb-charts")
        self._drill_title = w.HTML()
        self.drill_rows = PagedTable(review_url)
        self.drill_table = self.drill_rows.table
        self.drill_prev, self.drill_next = self.drill_rows.prev, self.drill_rows.next
        drill_card = w.VBox([self._drill_title, self.drill_rows])
        drill_card.add_class("wb-card")
        drill_card.add_class("wb-drill")
        self._export_choice = w.Dropdown(
            layout=w.Layout(width="26rem"), style={"description_width": "initial"}
        )
        self.csv_button = w.Button(icon="file-text-o", layout=w.Layout(width="7rem"))
        self.xlsx_button = w.Button(icon="file-excel-o", layout=w.Layout(width="7rem"))
        self.download = w.HTML()
        self._export_title = w.HTML()
        export_row = w.HBox([self._export_choice, self.csv_button, self.xlsx_button, self.download])
        export_row.add_class("wb-export")
        export_card = w.VBox([self._export_title, export_row])
        export_card.add_class("wb-card")
        self._quiet = False
        self.loading: Any = None  # page.TablesLoading, when build_app made the page
        self.tables: PortfolioTables | None = None
        self.view: PortfolioTables | None = None
        self._index: FilterIndex | None = None
        self._summaries: Summaries | None = None
        self.drilled = pd.DataFrame(columns=list(analysis.DRILL_COLUMNS))
        super().__init__(
            children=[
                w.HTML(PAGE_STYLE),
                header,
                self.progress,
                self.status,
                self.list_notes,
                self.summary,
                filters_card,
                self._charts,
                drill_card,
                export_card,
                self.views,
                self.loader,
            ],
            **kwargs,
        )
        self.add_class("wb-app")
        self.add_class("wb-portfolio")
        self.language = language
        t.link((self._lang, "value"), (self, "language"))
        for name, sel in self.filter_widgets.items():
            sel.observe(lambda ch, n=name: self._filter_changed(n, ch["new"]), names="value")
        self._reset.on_click(lambda _b: self.clear_filters())
        self.csv_button.on_click(lambda _b: self.export("csv"))
        self.xlsx_button.on_click(lambda _b: self.export("xlsx"))
        self.observe(lambda _c: self._render(), names=["filters"])
        self.observe(lambda _c: self._relabel(), names=["language"])
        self.observe(lambda _c: self._show_drill(), names=["drill"])
        self.tables = tables
        self._relabel()

    @property
    def figures(self) -> dict[str, go.Figure]:
        """The plotly figure each chart shows."""
        return {n: go.Figure(s, _validate=False) for n, s in self.specs.items()}

    # ---- input ---------------------------------------------------------------------

    def set_tables(self, tables: PortfolioTables) -> None:
        """Show ``tables`` (all filters cleared)."""
        self.tables = tables
        self._quiet = True
        try:
            self._filter_options()
            for sel in self.filter_widgets.values():
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

    def _filter_options(self) -> None:
        """Options of every filter: values as labels (codes in words), keeping the choice."""
        if self.tables is None:
            return
        tr = self.tr()
        for name, values in analysis.choices(self.tables).items():
            prefix = _CODED_FILTERS.get(name)

            def shown(v: str, prefix: str | None = prefix) -> str:
                if v == analysis.NONE:
                    return tr("filter.none")
                return tr(prefix + v) if prefix else v

            sel = self.filter_widgets[name]
            chosen = sel.value
            sel.options = [(shown(v), v) for v in values]
            sel.value = tuple(v for v in chosen if v in values)

    # ---- drawing -------------------------------------------------------------------

    def tr(self) -> Callable[..., str]:
        return translator(self.language, "portfolio")

    def set_list_warnings(self, warnings: Sequence[ListWarning]) -> None:
        """Show a banner per list in use that is old or a partial copy (in the page language)."""
        self._list_warnings = tuple(warnings)
        self._show_list_warnings()

    def _show_list_warnings(self) -> None:
        self.list_notes.value = "".join(
            banner_html(x.text(self.language)) for x in self._list_warnings
        )

    def _relabel(self) -> None:
        """Every label in the current language, then the charts and tables again."""
        tr = self.tr()
        self.title.value = markup.title_html(tr("app.title"), tr("app.subtitle"))
        self._filters_title.value = markup.heading_html(tr("filter.title"))
        self._reset.description = tr("filter.reset")
        for name, label in self._filter_labels.items():
            label.value = filter_label(tr(f"filter.{name}"))
        self._quiet = True
        try:
            self._filter_options()
        finally:
            self._quiet = False
        self._export_title.value = markup.heading_html(tr("export.title"))
        self._export_choice.description = tr("export.table")
        self.csv_button.description = tr("export.csv")
        self.xlsx_button.description = tr("export.xlsx")
        self.download.value = ""
        for view in self.views.children:
            view.relabel(tr)
        self._show_list_warnings()
        self._render()

    def _render(self) -> None:
        tr = self.tr()
        if self.tables is None:
            self.summary.value = ""
            self._drill_title.value = markup.heading_html(tr("drill.none"))
            return
        if self._index is None or self._summaries is None or self._index.tables is not self.tables:
            self._index = FilterIndex(self.tables)
            self._summaries = Summaries(self._index)
        masks = self._index.masks(self.filters)
        self.view = self._index.view(self.filters, masks)
        v = self.view
        self.summary.value = key_figures(
            [
                (tr("kpi.proposals"), len(v.proposals)),
                (tr("kpi.flagged"), int(v.findings["proposal_id"].nunique())),
                (tr("kpi.findings"), len(v.findings)),
                (tr("kpi.organisations"), int(v.findings["entry_id"].dropna().nunique())),
                (tr("kpi.failed"), len(self.tables.failed)),
            ],
            alert=[False, False, False, False, len(self.tables.failed) > 0],
        )
        for name in CHARTS:
            frame = self._summaries.frame(name, masks, v)
            self.specs[name], self.clicks[name] = spec(name, frame, tr)
            self.charts[name].show(self.specs[name])  # sent only when it changed
        self.network.show(v, key=(self._index, masks.key()))  # the same rows: not again
        names = [*TABLES, *CHARTS, "drill"]
        current = self._export_choice.value
        self._export_choice.options = [
            (tr(f"table.{n}") if n in (*TABLES, "drill") else tr(f"chart.{n}"), n) for n in names
        ]
        self._export_choice.value = current if current in names else "proposals"
        self._show_drill()

    def _clicked(self, summary: str, click: dict[str, Any]) -> None:
        """A point clicked in the browser: drill into what it stands for."""
        if not click or summary not in self.clicks:
            return
        raw = click.get("point")
        if isinstance(raw, list):
            point: int | list[int] = [int(p) for p in raw]
        elif isinstance(raw, int | float):
            point = int(raw)
        else:
            return
        value = self.clicks[summary].value(int(click.get("trace") or 0), point)
        if value is not None:
            self.select(summary, value)

    def select(self, summary: str, value: Any) -> None:
        """Drill into ``value`` of ``summary`` (what a click on a chart does)."""
        self.drill = {"summary": summary, "value": value}

    def _show_drill(self) -> None:
        tr = self.tr()
        if not self.drill or self.view is None:
            self.drilled = pd.DataFrame(columns=list(analysis.DRILL_COLUMNS))
            self._drill_title.value = markup.heading_html(tr("drill.none"))
            self.drill_rows.show(None, tr)
            return
        summary, value = self.drill["summary"], self.drill["value"]
        self.drilled = analysis.drill(self.view, summary, value)
        prefix = _CODED_DRILL.get(summary)
        if isinstance(value, tuple | list):
            what = " × ".join(str(v) for v in value)
        elif value == analysis.NONE:
            what = tr("filter.none")
        else:
            what = tr(prefix + str(value)) if prefix else str(value)
        self._drill_title.value = markup.heading_html(
            tr("drill.title", what=f"{tr('chart.' + summary)} — {what}", n=len(self.drilled))
        )
        self.drill_rows.show(self.drilled, tr)

    # ---- export --------------------------------------------------------------------

    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` as shown (filtered): a table, a chart's summary, or the drill."""
        if self.view is None or self.tables is None:
            return pd.DataFrame()
        if name == "drill":
            return self.drilled
        if name in analysis.SUMMARIES:
            return analysis.SUMMARIES[name](self.view)
        if name == "problems":
            return self.tables.problems
        frame: pd.DataFrame = getattr(self.view, name)
        return frame

    def export(self, fmt: str, name: str | None = None) -> bytes:
        """The table ``name`` (default: the chosen one) as CSV or Excel; also offered as a link."""
        tr = self.tr()
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
