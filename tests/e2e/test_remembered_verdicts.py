"""Remembered verdicts in a real browser: dismiss and remember, see the count, show, revoke."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES, Served

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

COAUTHORSHIP_JA = "直近2年の共著"
PID = "ASPIRE-2025-Q-0042"


def test_a_remembered_dismissal_hides_the_finding_openly_until_revoked(
    page, voila_server, screenshots: Path
) -> None:
    served: Served = voila_server(
        FIXTURES / "proposals", lists=(FIXTURES / "lists" / "watch-2025-06-01.csv",)
    )
    page.goto(served.url)
    page.locator(".wb-picker option").first.wait_for(state="attached")
    page.locator(".wb-picker select").select_option(index=0)  # example, the first
    page.locator(".wb-status-ok", has_text=PID).wait_for()
    page.locator(".wb-header input").fill("E2E Reviewer")
    page.locator(".wb-header input").press("Tab")
    findings = page.locator(".wb-findings")
    remembered = page.locator(".wb-remembered")
    remembered.get_by_text("この提案に適用される記憶済みの判断はありません").wait_for()
    rows_before = findings.locator(".wb-row", has_text=COAUTHORSHIP_JA).count()
    assert rows_before >= 1

    # dismiss a co-authorship finding, remembered for this proposal (the default scope)
    findings.locator(".wb-row", has_text=COAUTHORSHIP_JA).first.locator("button").click()
    evidence = page.locator(".wb-evidence-panel")
    evidence.locator(".wb-evidence").wait_for()
    evidence.locator("button", has_text="誤検出として却下").click()
    evidence.locator("textarea").fill("同名の別機関（附属病院）であり、リスト掲載機関ではない")
    evidence.get_by_text("この却下を今後の確認でも記憶する").click()
    scope = evidence.locator(".widget-radio-box")
    scope.get_by_text("この提案のみ").wait_for()
    assert scope.locator("input[type=radio]").first.is_checked()
    evidence.locator("button", has_text="判断を記録").click()

    # the findings header counts what it hides, and shows it on request
    hidden = findings.locator(".wb-hidden-count")
    hidden.get_by_text("件の一致は記憶済みの却下で非表示").wait_for()
    page.locator(".wb-status-ok", has_text=PID).wait_for()
    assert (
        findings.locator(".wb-row:not(.wb-remembered-row)", has_text=COAUTHORSHIP_JA).count()
        < rows_before
    )
    hidden.locator("button", has_text="表示").click()
    shown = findings.locator(".wb-remembered-row", has_text="記憶済みの却下: E2E Reviewer")
    shown.first.wait_for()
    assert "附属病院" in shown.first.inner_text()
    findings.screenshot(path=str(screenshots / "20-hidden-by-memory.png"))

    # the section lists the verdicts; revoke each (with a reason): the finding comes back
    remembered.get_by_text("この提案のみ").first.wait_for()
    remembered.screenshot(path=str(screenshots / "21-remembered-verdicts.png"))
    revoke = remembered.locator("button", has_text="取り消す")
    while revoke.count():
        n = revoke.count()
        remembered.locator("input[type=text]").first.fill("大学本体と確認した")
        revoke.first.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.wb-remembered button').length < n", arg=n
        )
    remembered.get_by_text("この提案に適用される記憶済みの判断はありません").wait_for()
    page.locator(".wb-status-ok", has_text=PID).wait_for()
    assert hidden.is_hidden()
    assert findings.locator(".wb-row", has_text=COAUTHORSHIP_JA).count() == rows_before
