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
