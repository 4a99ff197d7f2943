"""Calls and years of submission on the analyst page: filters, and findings per call over time.

Expected figures are computed here from the proposals and findings tables with plain pandas.
"""

from __future__ import annotations

from typing import Any

import pytest

from widgets.portfolio.app import PortfolioApp


@pytest.fixture
def app(local_run: Any) -> PortfolioApp:
    return PortfolioApp(local_run.tables, language="en")


def _expected(tables: Any) -> dict[tuple[str, str], int]:
    p = tables.screened
    counts = tables.findings.groupby("proposal_id").size()
    out: dict[tuple[str, str], int] = {}
    for pid, call, submitted in zip(p["proposal_id"], p["call"], p["submitted"], strict=True):
        key = (str(call), str(submitted)[:4])
        out[key] = out.get(key, 0) + int(counts.get(pid, 0))
    return out


def test_the_chart_shows_findings_per_call_and_year(app: PortfolioApp, local_run: Any) -> None:
    fig = app.figures["by_call_year"]
    shown = {
        (call, str(x)): int(y)
        for i, trace in enumerate(fig.data)
        for (x_, call), x, y in zip(
            app.clicks["by_call_year"].values[i], trace.x, trace.y, strict=True
        )
        if x_ == x
    }
    assert shown == _expected(local_run.tables)


def test_a_point_drills_into_the_proposals_of_that_call_and_year(
    app: PortfolioApp, local_run: Any
) -> None:
    year, call = app.clicks["by_call_year"].values[0][0]
    app.charts["by_call_year"].clicked = {"trace": 0, "point": 0, "n": 1}
    p = local_run.tables.screened
    expected = set(p.loc[(p["call"] == call) & p["submitted"].str.startswith(year), "proposal_id"])
    assert set(app.drilled["proposal_id"]) == expected and expected


def test_years_of_submission_are_a_filter(app: PortfolioApp, local_run: Any) -> None:
    p = local_run.tables.screened
    years = sorted({str(s)[:4] for s in p["submitted"]})
    assert [v for _, v in app.filter_widgets["year"].options] == years
    app.filter_widgets["year"].value = (years[0],)
    assert app.filters == {"year": [years[0]]}
    assert app.view is not None
    assert set(app.view.proposals["proposal_id"]) == set(
        p.loc[p["submitted"].str.startswith(years[0]), "proposal_id"]
    )
    calls = sorted(set(p["call"]))
    app.filter_widgets["call"].value = (calls[0],)
    assert set(app.view.proposals["call"]) <= {calls[0]}


def test_no_export_holds_an_absolute_server_path(
    app: PortfolioApp, local_run: Any, portfolio: Any
) -> None:
    root = str(portfolio[0])
    assert any(root in str(v) for v in local_run.tables.proposals["path"])  # as screened
    assert any(root in str(v) for v in local_run.tables.problems["message"])
    for name in [v for _, v in app._export_choice.options]:
        text = app.export("csv", name).decode("utf-8")
        assert root not in text and str(portfolio[0].parent) not in text, name
