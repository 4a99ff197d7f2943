"""The review page in a real headless Chromium against a real Voila: a reviewer's session."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from .conftest import FIXTURES, Served, demo_proposals, full_page_shot, hostile_data

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

COAUTHORSHIP_JA = "直近2年の共著"
PID = re.compile(r"\S+-\d{4}-\S+")


def _options(page) -> list[str]:
    page.locator(".wb-picker option").first.wait_for()
    return [t.replace("\xa0", " ") for t in page.locator(".wb-picker option").all_inner_texts()]


def _pick(page, index: int) -> str:
    """Pick the ``index``-th proposal and wait until its findings and network are shown."""
    label = _options(page)[index]
    pid = label.split()[1]
    page.locator(".wb-picker select").select_option(index=index)
    page.locator(".wb-status-ok", has_text=pid).wait_for()
    page.locator(".wb-findings .wb-count").wait_for()
    page.locator(".wb-network .js-plotly-plot").first.wait_for()
    return pid


def _pick_with_coauthorship(page) -> tuple[int, str]:
    for i in range(len(_options(page))):
        pid = _pick(page, i)
        if page.locator(".wb-row", has_text=COAUTHORSHIP_JA).count():
            return i, pid
    raise AssertionError("no demo proposal has a recent co-authorship finding")


def test_a_review_session_from_pick_to_saved_judgment(
    page, voila_server, tmp_path: Path, screenshots: Path
) -> None:
    served: Served = voila_server(demo_proposals(tmp_path))
    page.goto(served.url)
    assert "研究セキュリティ審査ワークベンチ" in page.locator(".wb-header").inner_text()
    page.screenshot(path=str(screenshots / "01-start.png"))

    index, pid = _pick_with_coauthorship(page)
    rows = page.locator(".wb-row")
    assert rows.count() >= 1
    # the network rendered: the plotly figure with its WebGL layer and legend
    net = page.locator(".wb-network")
    net.locator(".js-plotly-plot .legend").first.wait_for()
    assert net.locator("canvas").count() >= 1
    page.locator(".wb-overview").screenshot(path=str(screenshots / "02-overview.png"))
    page.locator(".wb-findings").screenshot(path=str(screenshots / "03-findings.png"))
    net.screenshot(path=str(screenshots / "05-network.png"))

    # open the evidence of a co-authorship finding: works, marked span, list entry, FAQ
    row = page.locator(".wb-row", has_text=COAUTHORSHIP_JA).first
    row.locator("button").click()
    evidence = page.locator(".wb-evidence-panel")
    evidence.locator("mark").first.wait_for()
    text = evidence.inner_text()
    assert "Q3.6" in text and "共著者" in text and "リストの掲載内容" in text
    assert "wb-row-selected" in (row.get_attribute("class") or "")
    # the finding's link is drawn on top in the network (its legend entry appears)
    net.locator(".legendtext", has_text="選択中のリンク").wait_for()
    full_page_shot(page, screenshots / "04-review.png")
    page.locator(".wb-header").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "00-page.png"))  # the view docs/serving.md shows

    # dismiss it with a rationale, as a named reviewer
    page.locator(".wb-header input").fill("E2E Reviewer")
    page.locator(".wb-header input").press("Tab")
    evidence.locator("button", has_text="誤検出として却下").click()
    evidence.locator("textarea").fill("同名の別機関（医科大学）であり、リスト掲載機関ではない")
    evidence.locator("button", has_text="判断を記録").click()
    page.locator(".wb-status-ok", has_text="判断を記録しました").wait_for()
    assert row.locator(".wb-badge", has_text="誤検出として却下").count() == 1

    # save a judgment with a mitigation measure
    form = page.locator(".wb-judgment")
    form.locator("select").select_option(label="必要に応じてリスク低減措置")
    form.locator("textarea").first.fill("極低温CMOSの設計データと未公開の測定結果")
    form.locator("input[type=text]").first.fill("Sato Haruki, Tanaka Yui")
    due = (date.today() + timedelta(days=90)).isoformat()
    form.locator("input[type=date]").fill(due)
    form.locator("button", has_text="判定を保存").click()
    page.locator(".wb-status-ok", has_text="判定を保存しました").wait_for()
    form.locator(".wb-history", has_text="判定: 必要に応じてリスク低減措置").wait_for()
    form.screenshot(path=str(screenshots / "06-judgment.png"))

    # reload: everything is still there
    page.reload()
    # the statuses come from the store once the page is shown
    page.locator(".wb-picker option", has_text=pid).filter(has_text="判定済み").wait_for(
        state="attached"
    )
    _pick(page, index)
    row = page.locator(".wb-row", has_text="誤検出として却下").first
    row.wait_for()
    form = page.locator(".wb-judgment")
    form.locator(".wb-outcome", has_text="必要に応じてリスク低減措置").wait_for()
    measures = form.locator(".wb-measures")
    measures.get_by_text("極低温CMOSの設計データ").first.wait_for()
    assert measures.locator("input[type=date]").first.input_value() == due
    assert "E2E Reviewer" in form.inner_text()

    # move the measure on (as a named reviewer): its row's status drop-down and update button
    page.locator(".wb-header input").fill("E2E Reviewer")
    page.locator(".wb-header input").press("Tab")
    measures.locator("select").first.select_option(label="完了")
    measures.locator("button", has_text="更新").first.click()
    page.locator(".wb-status-ok", has_text="措置を更新しました").wait_for()
    form.locator(".wb-history li", has_text="状況 → 完了").filter(
        has_text="E2E Reviewer"
    ).first.wait_for()

    # switch the language: labels change, data stays as given
    page.locator(".wb-header button", has_text="English").click()
    page.locator(".wb-findings h2", has_text="Findings").wait_for()
    page.locator(".wb-judgment h2", has_text="Judgment and mitigation").wait_for()
    assert "極低温CMOSの設計データ" in page.locator(".wb-judgment").inner_text()
    assert page.locator(".wb-row .wb-badge", has_text="dismissed").count() >= 1
    full_page_shot(page, screenshots / "07-english.png")


def test_hostile_text_is_shown_as_text_and_never_runs(
    page, voila_server, tmp_path: Path, screenshots: Path
) -> None:
    served = voila_server(
        hostile_data(tmp_path), lists=(FIXTURES / "lists" / "watch-2025-06-01.csv",)
    )
    page.goto(served.url)
    _pick(page, 0)
    rows = page.locator(".wb-row")
    assert rows.count() >= 1
    for i in range(rows.count()):
        rows.nth(i).locator("button").click()
        page.locator(".wb-evidence-panel .wb-evidence").wait_for()
    page.locator(".wb-overview", has_text="<script>window.__xss=1</script>").wait_for()
    page.locator(".wb-findings", has_text="<img src=x onerror=window.__xss=1>").first.wait_for()
    page.locator(".wb-evidence-panel", has_text="<script>").first.wait_for()
    page.locator(".wb-picker option", has_text="<script>").first.wait_for(state="attached")
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    # nothing from data became an element
    assert page.locator(".wb-app img[src=x]").count() == 0
    assert page.locator(".wb-app script").count() == 0
    full_page_shot(page, screenshots / "08-hostile.png")
