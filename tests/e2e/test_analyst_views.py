"""The analyst page's list-revision view, portfolio network and links to the review page, in
a real headless Chromium against two real Voila servers (the analyst and the review page).

Two versions of METI's list are registered from the test data (the shipped file, and a
later one without Harbin Institute of Technology and with The University of Tokyo). The
expected rows come from screening the demo proposals in this process and plain pandas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.portfolio.test_revision_view import METI, write_revision
from workbench.list_versions import VersionRegistry
from workbench.lists import load_list, shipped_lists
from workbench.portfolio import screen_portfolio

from .conftest import click_plotted, demo_proposals, element_shot

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]
expect.set_options(timeout=60_000)
CHARTS = 9


def _findings(data: Path, meti: Path) -> pd.DataFrame:
    lists = [load_list(p).value for p in shipped_lists()]
    lists = [x for x in lists if x.name != METI] + [load_list(meti).value]
    return screen_portfolio(data, lists).tables.findings


def _charts_drawn(page: Page) -> None:
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('.wb-portfolio .wb-chart-plot'))"
        ".filter(d => Number(d.dataset.drawn) > 0 && d.querySelector('svg.main-svg')).length >= n",
        arg=CHARTS + 1,  # and the network
    )


def _click(page: Page, points: Any, hover: str) -> None:
    """Hover a point until plotly shows its label, then click it, as a person would."""
    points.scroll_into_view_if_needed()
    box = points.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    click_plotted(page, x, y, hover)


def _top_organisation(findings: pd.DataFrame) -> tuple[str, set[tuple[str, str]]]:
    """The organisation reaching most proposals (then persons, then name), and who is behind."""
    f = findings[findings["organisation"].notna() & (findings["subject_kind"] == "person")]
    g = f.groupby("organisation").agg(
        proposals=("proposal_id", "nunique"),
        persons=("subject", lambda s: len(set(zip(f.loc[s.index, "proposal_id"], s, strict=True)))),
        name=("organisation_name", "first"),
    )
    g = g.sort_values(["proposals", "persons", "name"], ascending=[False, False, True])
    top = g.iloc[0]
    mine = f[f["organisation"] == g.index[0]]
    return str(top["name"]), set(zip(mine["proposal_id"], mine["subject_name"], strict=True))


def test_list_revision_network_and_links_to_the_review_page(
    page: Page, portfolio_server, voila_server, tmp_path: Path, screenshots: Path
) -> None:
    data = demo_proposals(tmp_path)
    old, new = write_revision(tmp_path)
    registry = tmp_path / "list-versions.json"
    for path in (old, new):
        VersionRegistry(registry).register(load_list(path).value)
    before, after = _findings(data, old), _findings(data, new)
    review = voila_server(data)
    served = portfolio_server(
        data,
        tmp_path / "workbench.db",
        extra={"WORKBENCH_LIST_REGISTRY": str(registry), "WORKBENCH_REVIEW_URL": review.url},
    )
    page.goto(served.url)
    _charts_drawn(page)

    # the network: click the organisation reaching most proposals
    name, behind = _top_organisation(before)
    net = page.locator(".wb-portfolio-network")
    organisations = net.locator("g.scatterlayer g.trace").nth(1).locator("path.point")
    expect(organisations.first).to_be_visible()
    _click(page, organisations.first, ".wb-portfolio-network")
    expect(net.locator(".wb-network-behind-title")).to_contain_text(name)
    rows = net.locator(".wb-network-behind tbody tr")
    expect(rows).to_have_count(len(behind))
    shown = {
        (
            rows.nth(i).locator("td").nth(0).inner_text(),
            rows.nth(i).locator("td").nth(2).inner_text(),
        )
        for i in range(rows.count())
    }
    assert shown == behind
    element_shot(page, ".wb-portfolio-network", screenshots / "portfolio-network.png")

    # the list revision: newest registered version against the one before
    rev = page.locator(".wb-revision")
    rev.locator("button", has_text="比較する").click()
    table = rev.locator(".wb-revision-table tbody tr")
    table.first.wait_for()
    lost = set(before.loc[before["entry_id"] == "jp-eul-541", "proposal_id"])
    gained = set(after.loc[after["entry_id"] == "jp-eul-9001", "proposal_id"])
    assert lost and gained
    cells = [table.nth(i).locator("td").all_inner_texts() for i in range(table.count())]
    assert {c[0] for c in cells if c[2] == "なくなる所見"} == lost
    assert {c[0] for c in cells if c[2] == "増える所見"} == gained
    assert {c[3] for c in cells if c[2] == "なくなる所見"} == {"削除"}
    assert {c[3] for c in cells if c[2] == "増える所見"} == {"追加"}
    expect(rev.locator(".wb-revision-summary")).to_contain_text(
        f"所見が増減する提案: {len(lost | gained)} 件"
    )
    # a bar of the revision chart: that proposal's changes only
    _click(page, rev.locator("g.trace.bars g.point path").first, ".wb-revision")
    heading = rev.locator("p.wb-muted", has_text="の変化")
    expect(heading).not_to_contain_text("すべての提案")
    chosen = heading.inner_text().split(" の変化")[0].strip()
    mine = [c for c in cells if c[0] == chosen]
    assert mine
    expect(rev.locator(".wb-revision-table tbody tr")).to_have_count(len(mine))
    element_shot(page, ".wb-revision", screenshots / "portfolio-list-revision.png")

    # a drill-down link opens the review page on that proposal
    link = net.locator(".wb-network-behind a.wb-review-link").first
    pid = link.inner_text()
    assert link.get_attribute("href") == f"{review.url}?proposal={pid}"
    with page.context.expect_page() as opened:
        link.click()
    reviewed = opened.value
    reviewed.set_default_timeout(60_000)
    reviewed.locator(".wb-status-ok", has_text=pid).wait_for()
    expect(reviewed.locator(".wb-overview")).to_contain_text(pid)
    reviewed.close()
