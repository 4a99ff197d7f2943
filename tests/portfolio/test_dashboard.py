"""The analyst dashboard, headless: build, filter, click, switch language, export."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook

from widgets.portfolio.app import CHARTS, PortfolioApp
from widgets.portfolio.page import build_app
from workbench.portfolio import analysis
from workbench.settings import Settings


@pytest.fixture(scope="module")
def app(local_run: Any) -> PortfolioApp:
    return PortfolioApp(local_run.tables)


def click(app: PortfolioApp, chart: str, trace: int, point: Any) -> None:
    """What the browser sends when a point of a chart is clicked."""
    previous = app.charts[chart].clicked.get("n", 0)
    app.charts[chart].clicked = {
        "trace": trace,
        "point": point,
        "x": None,
        "y": None,
        "n": previous + 1,
    }


def test_page_opens_in_japanese_with_every_chart(app: PortfolioApp, local_run: Any) -> None:
    assert app.language == "ja"
    assert "ポートフォリオ分析" in app.title.value
    assert set(app.figures) == set(CHARTS)
    screened = local_run.tables.screened
    assert f"<b>{len(screened)}</b><span>提案</span>" in app.summary.value
    by_check = app.figures["by_check"].data[0]
    assert sum(by_check.x) == len(local_run.tables.findings)
    assert "確認期間内の共著" in by_check.y  # check names translated
    assert app.figures["by_check"].layout.title.text == "確認項目別の所見"
    # what the browser draws is the same figure
    sent = app.charts["by_check"].figure
    assert (
        sent["data"][0]["y"] == list(by_check.y)
        and sent["layout"]["title"]["text"] == "確認項目別の所見"
    )


def test_clicking_an_organisation_drills_to_its_proposals(
    app: PortfolioApp, local_run: Any
) -> None:
    app.clear_filters()
    click(app, "by_organisation", 0, 0)
    name = app.drill["value"]
    f = local_run.tables.findings
    assert list(app.drilled["proposal_id"]) == sorted(
        set(f.loc[f["organisation_name"] == name, "proposal_id"])
    )
    for pid in app.drilled["proposal_id"]:
        assert pid in app.drill_table.value


def test_heatmap_cells_are_parted_by_white_lines_on_their_borders(app: PortfolioApp) -> None:
    """The heat map's gaps are one white path over the cells' borders, not plotly's
    ``xgap``/``ygap`` (which make plotly draw the chart as a large image)."""
    app.clear_filters()
    spec = app.specs["heatmap"]
    (trace,) = spec["data"]
    assert not trace.get("xgap") and not trace.get("ygap")
    (shape,) = spec["layout"]["shapes"]
    assert (shape["xref"], shape["yref"], shape["layer"]) == ("x", "y", "above")
    assert shape["line"] == {"color": "#ffffff", "width": 2}
    segments = re.findall(r"M(-?[\d.]+),(-?[\d.]+)L(-?[\d.]+),(-?[\d.]+)", shape["path"])
    columns, rows = len(trace["x"]), len(trace["y"])
    assert columns > 1 and rows > 1
    # one line on each border between two columns or two rows, and round the outside
    ends = [tuple(float(v) for v in s) for s in segments]
    assert ends == [(i - 0.5, -0.5, i - 0.5, rows - 0.5) for i in range(columns + 1)] + [
        (-0.5, j - 0.5, columns - 0.5, j - 0.5) for j in range(rows + 1)
    ]


def test_heatmap_and_timeline_clicks(app: PortfolioApp) -> None:
    app.clear_filters()
    heat = app.figures["heatmap"].data[0]
    row, col = next((i, j) for i, r in enumerate(heat.z) for j, v in enumerate(r) if v > 0)
    click(app, "heatmap", 0, [row, col])
    assert app.drill["summary"] == "heatmap"
    assert app.drill["value"][0] == heat.y[row]
    assert list(app.drilled["proposal_id"]) == [app.drill["value"][0]]
    click(app, "timeline", 0, 0)
    year, org = app.drill["value"]
    links = analysis.timeline(app.view)
    assert ((links["year"] == year) & (links["organisation"] == org)).any()
    assert len(app.drilled) >= 1


def test_filters_narrow_every_table_and_chart(app: PortfolioApp, local_run: Any) -> None:
    app.filter_widgets["field"].value = ("quantum",)
    assert set(app.view.proposals["field"]) == {"quantum"}
    assert set(app.view.findings["proposal_id"]) <= set(app.view.proposals["proposal_id"])
    app.filter_widgets["check"].value = ("recent_coauthorship",)
    assert set(app.view.findings["check"]) == {"recent_coauthorship"}
    assert sum(app.figures["by_check"].data[0].x) == len(app.view.findings)
    assert app.filters == {"field": ["quantum"], "check": ["recent_coauthorship"]}
    app.clear_filters()
    assert len(app.view.proposals) == len(local_run.tables.screened)


def test_language_switches_at_run_time(app: PortfolioApp) -> None:
    app.language = "en"
    try:
        assert "proposals" in app.summary.value
        assert app.figures["by_check"].layout.title.text == "Findings by check"
        assert "Co-authorship in the window" in app.figures["by_check"].data[0].y
        assert "Co-authorship in the window" in [
            label for label, _ in app.filter_widgets["check"].options
        ]
    finally:
        app.language = "ja"


@pytest.mark.parametrize(
    "name", ["proposals", "findings", "evidence", "problems", *CHARTS, "drill"]
)
def test_every_table_shown_exports_as_csv_and_excel(app: PortfolioApp, name: str) -> None:
    app.clear_filters()
    app.select("by_check", "recent_coauthorship")
    shown = app.table(name)
    back = pd.read_csv(io.BytesIO(app.export("csv", name)))
    assert list(back.columns) == list(shown.columns) and len(back) == len(shown)
    ws = load_workbook(io.BytesIO(app.export("xlsx", name))).active
    assert ws.max_row == len(shown) + 1
    assert f"portfolio_{name}.xlsx" in app.download.value


def test_hostile_text_is_escaped_everywhere(local_run: Any) -> None:
    evil = '<img src=x onerror="alert(1)">'
    t = local_run.tables
    findings = t.findings.assign(
        entry_name=evil + t.findings["entry_name"].astype(str),
        organisation_name=evil + t.findings["organisation_name"].astype(str),
    )
    proposals = t.proposals.assign(title="<script>alert(2)</script>")
    hostile = dataclasses.replace(t, findings=findings, proposals=proposals)
    app = PortfolioApp(hostile)
    click(app, "by_organisation", 0, 0)
    assert "<img" not in app.drill_table.value and "<script>" not in app.drill_table.value
    assert "&lt;script&gt;" in app.drill_table.value
    assert all("<img" not in y for y in app.figures["by_organisation"].data[0].y)
    assert all("<img" not in x for x in app.figures["heatmap"].data[0].x)
    assert "<img" not in str(app.charts["by_organisation"].figure)
    assert app.drill["value"].startswith(evil)  # the data itself is kept as given


def test_build_app_screens_the_settings_folder(
    portfolio: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    settings = Settings.from_env(
        {
            "WORKBENCH_DATA_DIR": str(portfolio[0]),
            "WORKBENCH_DB_URL": str(tmp_path / "wb.db"),
            "WORKBENCH_PORTFOLIO_DIR": str(tmp_path / "tables"),
            "WORKBENCH_LANG": "en",
        }
    )
    app = build_app(settings, wait=True)
    assert app.tables is not None and len(app.tables.screened) == 7
    assert app.language == "en" and app.status.value == ""
    assert app.progress.value == app.progress.max == 12
    assert (tmp_path / "tables" / "proposals.parquet").is_file()
    # the shipped CSL is a partial 2023 snapshot: the page says so, with the refresh command
    assert "partial copy" in app.list_notes.value and "days old" in app.list_notes.value
    assert "workbench lists update csl" in app.list_notes.value
    app.language = "ja"
    assert "一部のみの写し" in app.list_notes.value
    # opened again: the stored tables are read; only the five folders that failed are tried
    # again (and D-001, whose id one of them claims too, without a progress step of its own)
    again = build_app(settings, wait=True)
    assert again.tables is not None
    assert again.progress.value == again.progress.max == 5
    for name, frame in app.tables.frames().items():
        pd.testing.assert_frame_equal(frame, getattr(again.tables, name), obj=name)
