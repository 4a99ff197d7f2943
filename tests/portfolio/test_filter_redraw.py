"""A filter change on the analyst page: prepared indexes and counts give what pandas gives.

The page prepares filter indexes (:mod:`widgets.portfolio.filtering`) and per-row codes
(:mod:`widgets.portfolio.aggregates`) once per set of tables; every filter change must
still show exactly the tables :func:`~workbench.portfolio.analysis.apply_filters` gives
and the charts the pandas summaries of those give. Checked on the screened test
portfolio copied into several calls (so that calls, fields and counts differ and tie),
for every single filter value, pairs of filters and a value no row has.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from typing import Any

import pandas as pd
import pytest

from widgets.common.i18n import translator
from widgets.portfolio.aggregates import Summaries
from widgets.portfolio.app import CHARTS, PortfolioApp
from widgets.portfolio.charts import spec
from widgets.portfolio.colours import org_colour
from widgets.portfolio.drill import DRILL_ROWS
from widgets.portfolio.filtering import FilterIndex
from workbench.portfolio import analysis
from workbench.portfolio.tables import PortfolioTables

CALLS = ("ASPIRE 2024", "ASPIRE 2025", None)
FRAMES = ("proposals", "findings", "evidence", "scope", "measures")


@pytest.fixture(scope="module")
def tables(local_run: Any) -> PortfolioTables:
    """The test portfolio three times over: each copy under other ids and in another call
    (the third without one); the copies' fields rotate so fields and calls cross."""
    return copied(local_run.tables, CALLS)


def copied(t: PortfolioTables, calls: Sequence[str | None]) -> PortfolioTables:
    """``t`` once per call of ``calls``, each copy under other proposal ids."""
    fields = sorted(set(t.proposals["field"].dropna())) or ["physics"]
    copies: dict[str, list[pd.DataFrame]] = {name: [] for name in FRAMES}
    for i, call in enumerate(calls):
        for name in FRAMES:
            frame = getattr(t, name).copy()
            if "proposal_id" in frame.columns:
                frame["proposal_id"] = frame["proposal_id"].astype(str) + f"-c{i}"
            if name == "proposals":
                frame["call"] = call
                frame["field"] = [fields[(i + j) % len(fields)] for j in range(len(frame))]
            copies[name].append(frame)
    return dataclasses.replace(
        t, **{name: pd.concat(parts, ignore_index=True) for name, parts in copies.items()}
    )


def filter_states(tables: PortfolioTables, pairs: bool = True) -> list[dict[str, list[str]]]:
    """No filter; each value of each filter alone; (when ``pairs``) the first value of one
    filter with the last of another; every value of every filter; values no row has."""
    choices = analysis.choices(tables)
    single = [{name: [v]} for name, values in choices.items() for v in values]
    both = [
        {a: choices[a][:1], b: choices[b][-1:]}
        for a, b in itertools.combinations(choices, 2)
        if pairs and choices[a] and choices[b]
    ]
    every = {name: list(values) for name, values in choices.items()}
    return [{}, *single, *both, every, {"call": ["no such call"]}, {"check": ["no such check"]}]


def test_the_test_portfolio_has_what_the_filters_need(tables: PortfolioTables) -> None:
    choices = analysis.choices(tables)
    assert len(choices["call"]) == 3 and analysis.NONE in choices["call"]
    assert len(choices["field"]) >= 2 and len(choices["check"]) >= 3
    assert tables.findings["entry_id"].notna().sum() > 0
    assert (tables.evidence["check"] == analysis.COAUTHORSHIP).any()


def test_filtered_tables_are_those_apply_filters_gives(tables: PortfolioTables) -> None:
    index = FilterIndex(tables)
    for filters in filter_states(tables):
        got, expected = index.view(filters), analysis.apply_filters(tables, filters)
        for name in FRAMES:
            pd.testing.assert_frame_equal(
                getattr(got, name), getattr(expected, name), obj=f"{name} for {filters}"
            )


def test_each_summary_counted_from_codes_is_the_pandas_summary(tables: PortfolioTables) -> None:
    index = FilterIndex(tables)
    summaries = Summaries(index)
    assert summaries.exact  # the codes stand for these tables; pandas is not used
    shown = 0
    for filters in filter_states(tables):
        masks = index.masks(filters)
        view = analysis.apply_filters(tables, filters)
        for name, summary in analysis.SUMMARIES.items():
            expected = summary(view)
            got = summaries.frame(name, masks, view)
            shown += len(got)
            pd.testing.assert_frame_equal(
                got, expected.reset_index(drop=True), check_dtype=False, obj=f"{name} {filters}"
            )
    assert shown > 0


def test_each_chart_after_a_filter_change_draws_the_pandas_query_of_the_filtered_tables(
    tables: PortfolioTables,
) -> None:
    app = PortfolioApp(tables, language="en")
    tr = translator("en", "portfolio")
    for filters in filter_states(tables, pairs=False):
        app.filters = filters
        view = analysis.apply_filters(tables, filters)
        for name in CHARTS:
            expected, clicks = spec(name, analysis.SUMMARIES[name](view), tr)
            assert app.charts[name].figure == expected, (name, filters)
            assert app.clicks[name] == clicks
        # one chart against a query written out here: findings per check of the proposals kept
        counts = view.findings.groupby("check").size()
        bars = app.charts["by_check"].figure["data"][0]
        assert dict(zip(app.clicks["by_check"].values[0], bars["x"], strict=True)) == {
            str(k): int(v) for k, v in counts.items()
        }
        # every organisation keeps its own colour, whatever the filter
        organisations = app.clicks["by_organisation"].values.get(0, [])
        colours = app.charts["by_organisation"].figure["data"][0]["marker"]["color"]
        assert colours == [org_colour(o) for o in organisations]


def test_the_first_call_alone_shows_only_its_proposals_findings(tables: PortfolioTables) -> None:
    app = PortfolioApp(tables, language="en")
    app.filters = {"call": [CALLS[0]]}
    ids = set(tables.proposals.loc[tables.proposals["call"] == CALLS[0], "proposal_id"])
    expected = tables.findings[tables.findings["proposal_id"].isin(ids)]
    bars = app.charts["by_check"].figure["data"][0]
    assert sum(bars["x"]) == len(expected) > 0
    assert sum(bars["x"]) < len(tables.findings)


def test_a_chart_the_filter_does_not_change_is_not_sent_again(tables: PortfolioTables) -> None:
    app = PortfolioApp(tables, language="en")
    sent = {name: app.charts[name].figure_id for name in CHARTS}
    network = app.network.chart.figure_id
    assert all(n > 0 for n in sent.values()) and network > 0
    # every call chosen: the same proposals, so the same charts and network; nothing is sent
    app.filters = {"call": analysis.choices(tables)["call"]}
    assert {name: app.charts[name].figure_id for name in CHARTS} == sent
    assert app.network.chart.figure_id == network
    # one call: the counts change, and those charts are sent
    app.filters = {"call": [CALLS[0]]}
    assert app.charts["by_check"].figure_id == sent["by_check"] + 1
    assert app.charts["by_call_year"].figure_id == sent["by_call_year"] + 1
    assert app.network.chart.figure_id == network + 1


def test_tables_the_codes_cannot_stand_for_are_summarised_with_pandas(
    tables: PortfolioTables,
) -> None:
    evidence = tables.evidence.copy()
    links = evidence.index[evidence["check"] == analysis.COAUTHORSHIP]
    evidence.loc[links[:1], "work_id"] = None  # a link without its work
    odd = dataclasses.replace(tables, evidence=evidence)
    index = FilterIndex(odd)
    summaries = Summaries(index)
    assert not summaries.exact
    for filters in filter_states(odd)[:8]:
        view = analysis.apply_filters(odd, filters)
        pd.testing.assert_frame_equal(
            summaries.frame("timeline", index.masks(filters), view),
            analysis.timeline(view),
        )


def test_a_long_drill_down_table_is_shown_a_page_at_a_time(local_run: Any) -> None:
    many = copied(local_run.tables, [f"ASPIRE {2010 + i}" for i in range(20)])
    app = PortfolioApp(many, language="en")
    app.select("by_check", analysis.COAUTHORSHIP)
    rows = app.drilled
    assert len(rows) > DRILL_ROWS  # more than a page
    ids = list(rows["proposal_id"])
    first = app.drill_table.value
    assert ids[0] in first and ids[DRILL_ROWS] not in first
    assert f"rows 1–{DRILL_ROWS} of {len(rows)}" in first
    assert app.drill_prev.disabled and not app.drill_next.disabled
    app.drill_next.click()
    second = app.drill_table.value
    assert ids[DRILL_ROWS] in second and ids[0] not in second
    assert f"rows {DRILL_ROWS + 1}–" in second and not app.drill_prev.disabled
    for _ in range(len(rows) // DRILL_ROWS + 2):  # past the last page: stays on it
        app.drill_next.click()
    assert ids[-1] in app.drill_table.value and app.drill_next.disabled
    # a filter change shows the first page of the new rows
    app.filters = {"call": ["ASPIRE 2010", "ASPIRE 2011"]}
    assert len(app.drilled) < len(rows)
    assert app.drilled["proposal_id"].iloc[0] in app.drill_table.value
