"""The review page's browser-side parts: the printable page in a new tab, the reviewer's name kept.

A real Voila and a real headless Chromium: the printable record opens in a
new tab (a page of the server's own origin, held in the browser) with its
print rules, and the name the reviewer entered comes back after a reload and
is the one a decision is recorded with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Served, demo_proposals

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

NAME = "E2E Reviewer"
KEPT = "() => window.localStorage.getItem('workbench.reviewer')"


def _pick(page, index: int) -> None:
    page.locator(".wb-picker select").select_option(index=index)
    page.locator(".wb-findings .wb-count").wait_for()


def test_printable_page_in_a_new_tab_and_the_name_kept_across_reloads(
    page, voila_server, tmp_path: Path, screenshots: Path
) -> None:
    served: Served = voila_server(demo_proposals(tmp_path))
    page.goto(served.url)
    page.locator(".wb-picker option").first.wait_for(state="attached")
    page.locator(".wb-header input").fill(NAME)
    page.locator(".wb-header input").press("Tab")
    page.wait_for_function(f"() => ({KEPT})() === {NAME!r}")

    # the printable page: one click opens it in a new tab, with its print rules
    _pick(page, 2)
    with page.context.expect_page() as opened:
        page.locator(".wb-export button", has_text="印刷用ページ").click()
    printable = opened.value
    printable.wait_for_load_state()
    assert printable.url.startswith(served.url.replace("http://", "blob:http://").rstrip("/"))
    assert "研究セキュリティ審査記録" in printable.title()
    printable.locator("table.wb-table thead th").first.wait_for()
    body_margin = "() => getComputedStyle(document.body).marginTop"
    assert printable.evaluate(body_margin) == "32px"  # on screen
    printable.emulate_media(media="print")
    assert printable.evaluate(body_margin) == "0px"  # on paper: the @page margins instead
    printable.screenshot(path=str(screenshots / "print-page.png"), full_page=True)
    printable.close()
    # and the link stays, to open it again
    page.locator(".wb-export .wb-new-tab", has_text="新しいタブで開く").wait_for()

    # reload: the name comes back, and a decision is recorded with it
    page.reload()
    page.wait_for_function(f"() => document.querySelector('.wb-header input')?.value === {NAME!r}")
    _pick(page, 2)
    page.locator(".wb-row button").first.click()
    evidence = page.locator(".wb-evidence-panel")
    evidence.locator(".wb-evidence").wait_for()
    evidence.locator("button", has_text="誤検出として却下").click()
    evidence.locator("textarea").fill("同名の別機関であり、リスト掲載機関ではない")
    evidence.locator("button", has_text="判断を記録").click()
    page.locator(".wb-status-ok", has_text="判断を記録しました").wait_for()
    evidence.get_by_text(NAME).first.wait_for()
