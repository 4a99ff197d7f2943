"""Handing in a questionnaire on the served review page, in a real browser.

A real Voila and headless Chromium: a broken file lists its problems beside the
chooser and adds nothing; a filled Excel questionnaire with its works appears in the
picker and opens with its findings; a revised questionnaire says which version was
kept and what changed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from workbench.proposal import load_proposal
from workbench.questionnaire import write_template

from .conftest import FIXTURES, Served

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

EXAMPLE = FIXTURES / "proposals" / "example"
NEW_ID = "ASPIRE-2025-Q-0777"


def _hand_in(page, *files: tuple[str, bytes]) -> None:
    upload = page.locator(".wb-upload")
    with page.expect_file_chooser() as chooser:  # what the reviewer's click opens
        upload.locator(".widget-upload").click()
    chooser.value.set_files(
        [{"name": n, "mimeType": "application/octet-stream", "buffer": b} for n, b in files]
    )
    upload.locator(".widget-upload", has_text=f"({len(files)})").wait_for()
    upload.locator("button", has_text="取り込む").click()


def test_hand_in_a_broken_file_an_excel_questionnaire_and_a_revision(
    page, voila_server, tmp_path: Path, screenshots: Path
) -> None:
    data = tmp_path / "proposals"
    shutil.copytree(FIXTURES / "proposals", data)
    served: Served = voila_server(data)
    page.goto(served.url)
    options = page.locator(".wb-picker option")
    options.first.wait_for(state="attached")
    assert options.count() == 2

    # a broken workbook: its problems beside the chooser, in Japanese; nothing added
    _hand_in(page, ("壊れた.xlsx", b"PK\x03\x04 not a workbook"))
    error = page.locator(".wb-upload .wb-form-error")
    error.wait_for()
    assert "壊れた.xlsx" in error.inner_text()
    assert options.count() == 2 and sorted(p.name for p in data.iterdir()) == ["example", "quiet"]

    # a filled Excel questionnaire and its works: listed, opened, screened
    raw = json.loads((EXAMPLE / "proposal.json").read_text(encoding="utf-8"))
    raw["proposal_id"] = NEW_ID
    (tmp_path / "new.json").write_text(json.dumps(raw), encoding="utf-8")
    sheet = write_template(tmp_path / "filled.xlsx", load_proposal(tmp_path / "new.json"))
    _hand_in(
        page,
        ("記入済み.xlsx", sheet.read_bytes()),
        ("works.json", (EXAMPLE / "works.json").read_bytes()),
    )
    page.locator(".wb-picker option", has_text=NEW_ID).wait_for(state="attached")
    page.locator(".wb-upload", has_text=f"{NEW_ID} を追加しました").wait_for()
    page.locator(".wb-overview", has_text=NEW_ID).wait_for()
    page.locator(".wb-findings .wb-count").wait_for()
    assert page.locator(".wb-upload .wb-form-error").count() == 0
    assert options.count() == 3

    # a revision of it with one person fewer: version 1 kept, the change said
    gone = raw["people"].pop()
    _hand_in(page, ("改訂版.json", json.dumps(raw).encode()))
    page.locator(".wb-upload", has_text="第1版を保存").wait_for()
    result = page.locator(".wb-upload .wb-changes").inner_text()
    assert gone["id"] in result and "指摘: 新規" in result
    assert options.count() == 3
    page.screenshot(path=str(screenshots / "upload-revision.png"), full_page=True)
