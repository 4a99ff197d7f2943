"""plotly's code comes with the pages, not from the kernel: the network figure's with the
review page, plotly.js with the analyst page (for its charts)."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from serving.app import plotly_widget_code
from widgets.network.page_code import PAGE_CODE_PATH, PLOTLY_JS_PATH
from widgets.portfolio.plot import PLOTLY_JS

from .conftest import ROOT, Served, demo_proposals, start_voila, stop

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_the_page_loads_plotly_once_and_the_figure_brings_none(page, tmp_path: Path) -> None:
    env: dict[str, str | None] = {
        "WORKBENCH_DATA_DIR": str(demo_proposals(tmp_path)),
        "WORKBENCH_DB_URL": f"sqlite:///{tmp_path / 'workbench.db'}",
        "WORKBENCH_CACHE_DIR": str(tmp_path / "cache"),
    }
    proc, url = start_voila(ROOT / "notebooks" / "review.ipynb", env, tmp_path / "voila.log")
    try:
        with urllib.request.urlopen(url + PAGE_CODE_PATH, timeout=30) as r:
            assert "javascript" in r.headers["Content-Type"]
            assert r.read() == plotly_widget_code().read_bytes()
        code_requests: list[str] = []
        received: list[int] = []  # sizes of the kernel's websocket messages
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: code_requests.append(r.url) if "bundle" in r.url else None)
        page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda f: received.append(len(f))),
        )
        page.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
        page.goto(url)
        html = page.content()
        assert f'<link rel="modulepreload" href="/{PAGE_CODE_PATH}">' in html
        page.locator(".wb-picker select").select_option(index=0)
        page.locator(".wb-findings .wb-count").wait_for()
        page.locator(".wb-network .js-plotly-plot").first.wait_for()
        page.locator(".wb-network .main-svg").first.wait_for()
        assert code_requests == [url + PAGE_CODE_PATH]  # once, with the page
        assert received and max(received) < 1_000_000  # no 5 MB of plotly.js from the kernel
        assert not errors
    finally:
        stop(proc)


def test_the_analyst_page_loads_plotly_js_once_and_the_kernel_sends_none(
    page, portfolio_server: Callable[..., Served], tmp_path: Path
) -> None:
    served = portfolio_server(demo_proposals(tmp_path), tmp_path / "workbench.db")
    with urllib.request.urlopen(served.url + PLOTLY_JS_PATH, timeout=30) as r:
        assert "javascript" in r.headers["Content-Type"]
        assert r.read() == PLOTLY_JS.read_bytes()
    code_requests: list[str] = []
    received: list[int] = []  # sizes of the kernel's websocket messages
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: code_requests.append(r.url) if "plotly" in r.url else None)
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(len(f))))
    page.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
    page.goto(served.url)
    assert page.locator(f'script[data-wb-plotly][src="/{PLOTLY_JS_PATH}"]').count() == 1
    charts = page.locator(".wb-portfolio .wb-chart-plot")
    page.wait_for_function(
        "() => document.querySelectorAll('.wb-portfolio .wb-chart-plot svg.main-svg').length > 0"
    )
    assert charts.count() >= 9
    # once, with the page; nor plotly's JupyterLab extension (4.8 MB), which no page uses
    assert code_requests == [served.url + PLOTLY_JS_PATH]
    assert received and max(received) < 1_000_000  # no 5 MB of plotly.js from the kernel
    assert not errors
