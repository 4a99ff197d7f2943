"""The analyst page in a real headless Chromium against a real Voila: an analyst's session.

The expected figures come from screening the same folder in this process
(:func:`workbench.portfolio.screen_portfolio`) and plain pandas on its tables,
not from the page's own summaries.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from workbench.lists import load_lists
from workbench.portfolio import screen_portfolio
from workbench.settings import Settings
from workbench.store import open_store

from .conftest import FIXTURES, click_plotted, demo_proposals, element_shot

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

JUDGED = "ASPIRE-2025-D-001"
MEASURE = "export-control-consultation"
XSS = "<img src=x onerror=window.__xss=1>"
CHARTS = 9
expect.set_options(timeout=60_000)  # as the page fixture's default: a shared machine is slow


def _record_judgment(db: Path) -> None:
    """A reviewer's judgment with a mitigation measure, recorded through the store."""
    store = open_store(f"sqlite:///{db}")
    try:
        s = store.start_review(JUDGED, reviewer="E2E Reviewer", expected_seq=0)
        s = store.set_judgment(
            JUDGED,
            "mitigation-before-start",
            "輸出管理部門に相談のうえ開始",
            reviewer="E2E Reviewer",
            expected_seq=s.seq,
        )
        store.add_measure(
            JUDGED,
            MEASURE,
            "極低温CMOSの設計データについて輸出管理部門に相談",
            ["p1"],
            date.today() + timedelta(days=60),
            reviewer="E2E Reviewer",
            expected_seq=s.seq,
        )
    finally:
        store.close()


def _expected(data: Path, db: Path, lists: tuple[Path, ...] = ()) -> Any:
    settings = Settings.from_env({"WORKBENCH_DATA_DIR": str(data)})
    loaded = [x.value for x in load_lists(lists or settings.lists)]
    store = open_store(f"sqlite:///{db}")
    try:
        return screen_portfolio(data, loaded, store=store).tables
    finally:
        store.close()


def _charts_drawn(page: Page) -> None:
    """Every chart has been drawn by plotly with the figure the kernel sent."""
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('.wb-portfolio .wb-chart-plot'))"
        ".filter(d => Number(d.dataset.drawn) > 0 && d.querySelector('svg.main-svg')).length >= n",
        arg=CHARTS,
    )


def _kpi(page: Page, index: int) -> int:
    return int(page.locator(".wb-kpi b").nth(index).inner_text().replace(",", ""))


def _click_bar(page: Page, chart: str, index: int = 0) -> None:
    """Hover a bar of ``chart`` until plotly shows its label, then click it, as a person would."""
    bar = page.locator(f".wb-chart-{chart} g.trace.bars g.point path").nth(index)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    click_plotted(page, x, y, f".wb-chart-{chart}")


def _click_heatmap_cell(page: Page) -> tuple[str, str]:
    """Hover the centre of the heat map's first cell with findings until plotly shows its
    label, then click it; the cell's proposal and organisation."""
    chart = page.locator(".wb-chart-heatmap .wb-chart-plot")
    chart.scroll_into_view_if_needed()
    cell = chart.evaluate(
        """(gd) => {
          const t = gd.data[0], xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const row = t.z.findIndex((r) => r.some((v) => v > 0));
          const col = t.z[row].findIndex((v) => v > 0);
          const box = gd.getBoundingClientRect();
          return {x: box.left + xa._offset + xa.c2p(col), y: box.top + ya._offset + ya.c2p(row),
                  proposal: t.y[row], organisation: t.customdata[row][col]};
        }"""
    )
    click_plotted(page, cell["x"], cell["y"], ".wb-chart-heatmap")
    return str(cell["proposal"]), html.unescape(str(cell["organisation"]))


def _drill_rows(page: Page) -> list[list[str]]:
    rows = page.locator(".wb-drill-table tbody tr")
    return [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]


def _download(page: Page, button: str, filename: str) -> bytes:
    export = page.locator(".wb-export")
    export.locator("button", has_text=button).click()
    link = export.locator(f"a[download='{filename}']")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == filename
    return Path(download.path()).read_bytes()


def test_an_analyst_filters_drills_exports_and_switches_language(
    page: Page, portfolio_server, tmp_path: Path, screenshots: Path
) -> None:
    data = demo_proposals(tmp_path)
    db = tmp_path / "workbench.db"
    _record_judgment(db)
    tables = _expected(data, db)
    served = portfolio_server(data, db)

    page.goto(served.url)
    expect(page.locator(".wb-header h1")).to_contain_text("研究セキュリティ ポートフォリオ分析")
    _charts_drawn(page)
    screened = tables.screened
    assert _kpi(page, 0) == len(screened)
    assert _kpi(page, 2) == len(tables.findings)
    # every chart is a plotly figure with its data: bars, heat-map cells, titles in Japanese
    assert page.locator(".wb-chart-by_organisation g.point path").count() >= 1
    assert (
        page.locator(".wb-chart-by_check g.point path").count()
        == tables.findings["check"].nunique()
    )
    assert page.locator(".wb-chart-heatmap .hm image, .wb-chart-heatmap .hm").count() >= 1
    expect(page.locator(".wb-chart-by_check .gtitle")).to_have_text("確認項目別の所見")
    expect(page.locator(".wb-chart-by_check .ytick", has_text="確認期間内の共著")).to_have_count(1)
    # the judgment recorded beforehand shows: judged outcome and its mitigation measure
    expect(page.locator(".wb-chart-mitigation g.point path")).to_have_count(1)
    expect(page.locator(".wb-chart-mitigation .ytick")).to_have_text(
        ["安全保障輸出管理部署への相談"]
    )
    expect(
        page.locator(".wb-chart-outcomes .ytick", has_text="研究開始前にリスク低減措置が必要")
    ).to_have_count(1)
    element_shot(page, ".wb-portfolio", screenshots / "portfolio-01-page.png")

    # filter: field = quantum
    quantum = screened[screened["field"] == "quantum"]
    page.locator(".wb-filter", has_text="分野").locator("select").select_option("quantum")
    expect(page.locator(".wb-kpi b").first).to_have_text(str(len(quantum)))
    expect(page.locator(".wb-chart-by_field .xtick")).to_have_text(["quantum"])
    qf = tables.findings[tables.findings["proposal_id"].isin(quantum["proposal_id"])]
    expect(page.locator(".wb-kpi b").nth(2)).to_have_text(str(len(qf)))

    # drill down: the first bar of "findings by listed organisation"
    _click_bar(page, "by_organisation", 0)
    title = page.locator(".wb-drill h2", has_text="掲載機関別の所見 — ")
    title.wait_for()
    name = re.sub(r"（\d+ 件）$", "", title.inner_text().split(" — ", 1)[1])
    counts = qf[qf["entry_id"].notna()].groupby("organisation_name").size()
    assert counts[name] == counts.max()  # the top bar is the organisation with most findings
    behind = sorted(set(qf.loc[qf["organisation_name"] == name, "proposal_id"]))
    expect(page.locator(".wb-drill-table tbody tr")).to_have_count(len(behind))
    rows = _drill_rows(page)
    assert [r[0] for r in rows] == behind
    titles = screened.set_index("proposal_id")["title"]
    assert [r[1] for r in rows] == [titles[p] for p in behind]
    element_shot(page, ".wb-portfolio", screenshots / "portfolio-02-filtered-drill.png")

    # export the table shown: CSV and Excel downloads hold the same rows
    page.locator(".wb-export select").select_option(label="クリックした要素の提案")
    got = pd.read_csv(io.BytesIO(_download(page, "CSV", "portfolio_drill.csv")), dtype=str)
    assert list(got["proposal_id"]) == [r[0] for r in rows]
    assert list(got["title"]) == [r[1] for r in rows]
    sheet = load_workbook(io.BytesIO(_download(page, "Excel", "portfolio_drill.xlsx"))).active
    values = list(sheet.values)
    assert values[0][:2] == ("proposal_id", "title")
    assert [v[0] for v in values[1:]] == [r[0] for r in rows]
    # a summary table too: findings per check, as the chart shows it (filtered)
    page.locator(".wb-export select").select_option(label="確認項目別の所見")
    text = _download(page, "CSV", "portfolio_by_check.csv").decode("utf-8-sig")
    per_check = {r["check"]: int(r["findings"]) for r in csv.DictReader(io.StringIO(text))}
    assert per_check == qf.groupby("check").size().to_dict()

    # drill down from another chart: the measure recorded in the store leads to its proposal
    _click_bar(page, "mitigation", 0)
    page.locator(
        ".wb-drill h2", has_text="リスク低減措置の種類 — 安全保障輸出管理部署への相談"
    ).wait_for()
    expect(page.locator(".wb-drill-table tbody tr")).to_have_count(1)
    [judged] = _drill_rows(page)
    assert judged[0] == JUDGED
    assert judged[6:8] == ["判定済み", "研究開始前にリスク低減措置が必要"]

    # switch the language: labels change, data and the choices made stay
    page.locator(".wb-header button", has_text="English").click()
    expect(page.locator(".wb-header h1")).to_contain_text("Research-security portfolio analysis")
    expect(page.locator(".wb-chart-by_check .gtitle")).to_have_text("Findings by check")
    expect(
        page.locator(".wb-chart-by_check .ytick", has_text="Co-authorship in the window")
    ).to_have_count(1)
    expect(page.locator(".wb-filter-label", has_text="Field")).to_have_count(1)
    expect(page.locator(".wb-drill h2")).to_contain_text("Proposals behind")
    expect(page.locator(".wb-kpi span").first).to_have_text("proposals")
    assert _kpi(page, 0) == len(quantum)
    [judged] = _drill_rows(page)
    assert judged[0] == JUDGED and judged[1] == titles[JUDGED]
    assert judged[6:8] == ["judged", "mitigation required before start"]
    element_shot(page, ".wb-portfolio", screenshots / "portfolio-03-english.png")

    # drill down from a heat-map cell: clicked through the white lines drawn over the cells
    proposal, organisation = _click_heatmap_cell(page)
    page.locator(
        ".wb-drill h2", has_text=f"Proposals × listed organisations — {proposal}"
    ).wait_for()
    named = qf["organisation_name"].fillna(qf["entry_name"])
    heat = qf[(qf["proposal_id"] == proposal) & (named == organisation)]
    assert len(heat) > 0
    assert [r[0] for r in _drill_rows(page)] == [proposal]


def _hostile_list(tmp: Path) -> Path:
    path = tmp / "hostile-list.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["name", "aliases", "country", "note"])
        out.writerow(
            [
                f"{XSS} Harbin Institute of Technology",
                "Harbin Institute of Technology",
                "CN",
                "<script>window.__xss=1</script>",
            ]
        )
        out.writerow(
            [
                "<script>window.__xss=1</script> Beihang University",
                "Beihang University",
                "CN",
                "hostile",
            ]
        )
    return path


def test_hostile_names_show_as_text_and_never_run(
    page: Page, portfolio_server, tmp_path: Path, screenshots: Path
) -> None:
    data = tmp_path / "hostile"
    shutil.copytree(FIXTURES / "hostile" / "proposals", data)
    meta = json.loads((data / "hostile" / "proposal.json").read_text(encoding="utf-8"))
    assert XSS in meta["title"] and XSS in meta["organizations"][0]["name"]
    lists = (_hostile_list(tmp_path),)
    db = tmp_path / "workbench.db"
    tables = _expected(data, db, lists)
    assert tables.findings["organisation_name"].str.contains("<", regex=False).any()
    served = portfolio_server(data, db, lists=lists)

    page.goto(served.url)
    _charts_drawn(page)
    # organisation names with markup are chart labels, as text
    org = page.locator(".wb-chart-by_organisation .ytick", has_text=XSS)
    expect(org.first).to_be_visible()
    _click_bar(page, "by_organisation", 0)
    page.locator(".wb-drill h2", has_text="掲載機関別の所見 — ").wait_for()
    expect(page.locator(".wb-drill-table tbody tr")).to_have_count(1)
    cells = _drill_rows(page)[0]
    assert cells[1] == meta["title"]  # the title, markup and all, as text
    expect(page.locator(".wb-drill h2")).to_contain_text("window.__xss=1")
    expect(page.locator(".wb-chart-heatmap .xtick").first).to_contain_text("<")
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    # nothing from data became an element
    assert page.locator(".wb-portfolio img[src=x]").count() == 0
    assert page.locator(".wb-portfolio script").count() == 0
    element_shot(page, ".wb-portfolio", screenshots / "portfolio-04-hostile.png")
