"""The network figure's widget carries plotly's code unless the server gives it the page."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from serving.app import plotly_widget_code
from widgets.network.page_code import PAGE_CODE_ENV, PAGE_CODE_PATH, figure_widget


def test_outside_the_workbench_server_the_figure_brings_plotly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PAGE_CODE_ENV, raising=False)
    fig = figure_widget()
    assert isinstance(fig, go.FigureWidget)
    assert fig._esm == plotly_widget_code().read_text(encoding="utf-8")


def test_served_the_figure_imports_the_code_the_page_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = f"/user/tanaka/{PAGE_CODE_PATH}"
    monkeypatch.setenv(PAGE_CODE_ENV, path)
    fig = figure_widget()
    assert isinstance(fig, go.FigureWidget) and len(fig._esm) < 1000
    assert f'new URL("{path}", document.baseURI)' in fig._esm
    assert "export default code.default" in fig._esm
    fig.add_scatter(x=[1, 2], y=[3, 4])  # a figure like any other
    assert fig.data[0].x == (1, 2)


def test_a_path_that_is_not_the_servers_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PAGE_CODE_ENV, "https://elsewhere.example/widgetbundle.js")
    assert figure_widget()._esm == plotly_widget_code().read_text(encoding="utf-8")


def test_the_analyst_charts_loader_brings_plotly_js_unless_the_server_serves_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from widgets.network.page_code import PLOTLY_JS_ENV, PLOTLY_JS_PATH
    from widgets.portfolio.plot import PLOTLY_JS, plotly_loader

    monkeypatch.delenv(PLOTLY_JS_ENV, raising=False)
    assert PLOTLY_JS.read_text(encoding="utf-8") in plotly_loader()._esm
    monkeypatch.setenv(PLOTLY_JS_ENV, "https://elsewhere.example/plotly.min.js")
    assert PLOTLY_JS.read_text(encoding="utf-8") in plotly_loader()._esm
    path = f"/user/tanaka/{PLOTLY_JS_PATH}"
    monkeypatch.setenv(PLOTLY_JS_ENV, path)
    code = plotly_loader()._esm
    assert len(code) < 1000 and f"const PATH = {json.dumps(path)};" in code


def test_the_charts_bundle_is_the_plotly_js_of_the_plotly_package() -> None:
    """Figures are made by the plotly package for its plotly.js: the bundle shipped for the
    analyst page's charts must be that version (update it with the package)."""
    import re
    from pathlib import Path

    import plotly

    from widgets.portfolio.plot import PLOTLY_JS

    def version(path: Path) -> str:
        head = path.read_text(encoding="utf-8")[:300]
        found = re.search(r"\* plotly\.js (?:\([^)]*\) )?v(\d+\.\d+\.\d+)", head)
        assert found, path
        return found.group(1)

    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert version(PLOTLY_JS) == version(full)
