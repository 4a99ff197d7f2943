"""The analyst page draws first the charts on screen: one off screen is drawn with the
current filters when it comes into view, never with older ones (real Voila, headless
Chromium).

Charts off screen are otherwise drawn once the page has been quiet a moment; the test
makes that moment an hour so that coming into view is the only way such a chart is drawn.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import demo_proposals

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]
expect.set_options(timeout=60_000)
CHARTS = 9


def _current(page: Page, chart: str) -> bool:
    """Whether ``chart`` shows the last figure the kernel sent it."""
    return bool(
        page.evaluate(
            "c => { const d = document.querySelector(`.wb-chart-${c} .wb-chart-plot`);"
            " return d.dataset.drawn === d.dataset.figure; }",
            chart,
        )
    )


def test_a_chart_off_screen_shows_the_current_filter_when_it_comes_into_view(
    page: Page, portfolio_server, tmp_path: Path
) -> None:
    data = demo_proposals(tmp_path)
    served = portfolio_server(data, tmp_path / "workbench.db")
    page.goto(served.url)
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('.wb-portfolio .wb-chart-plot'))"
        ".filter(d => Number(d.dataset.drawn) > 0).length >= n",
        arg=CHARTS,
    )
    field = page.locator(".wb-chart-by_field")
    ticks = field.locator(".xtick")
    expect(ticks).to_have_text(["quantum", "semiconductors"])
    box = field.bounding_box()
    assert box is not None and box["y"] > page.viewport_size["height"]  # type: ignore[index]
    page.evaluate("() => { window.wbChartsLater.quiet = 3600000; }")
    plot = field.locator(".wb-chart-plot")
    sent = plot.get_attribute("data-figure")

    kpi = page.locator(".wb-kpi b").first
    shown = kpi.inner_text()
    page.locator(".wb-filter", has_text="分野").locator("select").select_option("quantum")
    expect(kpi).not_to_have_text(shown)
    expect(plot).not_to_have_attribute("data-figure", str(sent))  # sent to the page...
    organisations = page.locator(".wb-chart-by_organisation .wb-chart-plot")
    expect(organisations).to_have_attribute(
        "data-drawn", str(organisations.get_attribute("data-figure"))
    )  # ...the chart on screen drawn with it...
    assert not _current(page, "by_field")  # ...the one off screen not yet
    expect(ticks).to_have_text(["quantum", "semiconductors"])

    field.scroll_into_view_if_needed()
    expect(ticks).to_have_text(["quantum"])
    assert _current(page, "by_field")


def _plotted(page: Page, chart: str) -> dict[str, float]:
    """The height of ``chart``'s figure, and the size plotly drew it at."""
    return dict(
        page.evaluate(
            "c => { const d = document.querySelector(`.wb-chart-${c} .wb-chart-plot`);"
            " const svg = d.querySelector('.main-svg');"
            " return {figure: d.layout.height, width: Number(svg.getAttribute('width')),"
            " height: Number(svg.getAttribute('height')), box: d.clientWidth}; }",
            chart,
        )
    )


def test_a_chart_follows_its_width_and_a_new_height_is_drawn_once(
    page: Page, portfolio_server, tmp_path: Path
) -> None:
    """A filter change that makes a chart taller draws it at its new height, without
    plotly's resize (a second drawing, a tenth of a second later); a narrower window
    redraws every chart at its new width."""
    data = demo_proposals(tmp_path)
    served = portfolio_server(data, tmp_path / "workbench.db")
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.goto(served.url)
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('.wb-portfolio .wb-chart-plot'))"
        ".filter(d => Number(d.dataset.drawn) > 0).length >= n",
        arg=CHARTS,
    )
    page.evaluate(
        "() => { window.resizedCharts = []; const resize = Plotly.Plots.resize;"
        " Plotly.Plots.resize = function (gd) {"
        " window.resizedCharts.push(gd.closest('.wb-chart-card').className);"
        " return resize.apply(this, arguments); }; }"
    )
    chart = "by_organisation"
    before = _plotted(page, chart)
    plot = page.locator(f".wb-chart-{chart} .wb-chart-plot")
    sent = plot.get_attribute("data-figure")
    page.locator(".wb-filter", has_text="分野").locator("select").select_option("quantum")
    expect(plot).not_to_have_attribute("data-figure", str(sent))
    expect(plot).to_have_attribute("data-drawn", str(plot.get_attribute("data-figure")))
    after = _plotted(page, chart)
    assert after["figure"] != before["figure"]  # the change this test is about
    assert after["height"] == after["figure"] and abs(after["width"] - after["box"]) < 1
    page.wait_for_timeout(300)  # plotly's resize redraws 100 ms after it is asked
    assert page.evaluate("() => window.resizedCharts") == []

    page.set_viewport_size({"width": 1000, "height": 1000})
    page.wait_for_function(  # its box narrower (the window's new size applied), and drawn so
        "([c, wide]) => { const d = document.querySelector(`.wb-chart-${c} .wb-chart-plot`);"
        " const w = Number(d.querySelector('.main-svg').getAttribute('width'));"
        " return d.clientWidth < wide && Math.abs(w - d.clientWidth) < 1; }",
        arg=[chart, after["box"]],
    )
    narrower = _plotted(page, chart)
    assert narrower["width"] < after["width"] and narrower["height"] == after["figure"]
    assert any(chart in c for c in page.evaluate("() => window.resizedCharts"))
