"""A real proposal's first minutes, in the browser: its Excel questionnaire handed in on the
page, its publications fetched from the local OpenAlex replay server on 127.0.0.1 through
the page (a candidate chosen for the person OpenAlex could not identify), its findings
shown. Nothing leaves the machine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, _Servers, serve_with_openalex
from tests.openalex.conftest import FETCH_AID, ReplayServer, fetch_folder, serve_fetch_case
from workbench.folders import find_proposals
from workbench.proposal import load_proposal
from workbench.questionnaire import write_template

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_hand_in_an_excel_questionnaire_then_fetch_its_publications(
    page, tmp_path: Path, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    replay = ReplayServer()
    serve_fetch_case(replay)
    made = fetch_folder(tmp_path / "made")  # the proposal, as its institution would fill it
    sheet = write_template(tmp_path / "P-1.xlsx", load_proposal(made / "proposal.json"))
    data = tmp_path / "proposals"
    data.mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "widgets" / "proposals" / "quiet", data / "quiet")
    servers = _Servers(ROOT / "notebooks" / "review.ipynb", tmp_path, "intake-")
    try:
        served = serve_with_openalex(servers, data, tmp_path, replay.url)
        page.goto(served.url)
        page.locator(".wb-picker option").first.wait_for(state="attached")
        page.locator(".wb-header input").fill("E2E Reviewer")  # who chooses the author
        page.locator(".wb-header input").press("Tab")
        upload = page.locator(".wb-upload")
        with page.expect_file_chooser() as chooser:
            upload.locator(".widget-upload").click()
        chooser.value.set_files(
            [
                {
                    "name": "P-1 質問票.xlsx",
                    "mimeType": "application/octet-stream",
                    "buffer": sheet.read_bytes(),
                }
            ]
        )
        upload.locator(".widget-upload", has_text="(1)").wait_for()
        upload.locator("button", has_text="取り込む").click()
        page.locator(".wb-picker option", has_text="ASPIRE-TEST-1").wait_for(state="attached")
        page.locator(".wb-upload", has_text="ASPIRE-TEST-1 を追加しました").wait_for()
        # no works yet: the page offers to fetch them
        fetch = page.locator(".wb-fetch")
        button = fetch.locator("button", has_text="論文を取得")
        button.click()
        fetch.get_by_text("OpenAlex で特定できなかった対象者です").wait_for()
        raw = fetch.locator("select option").all_inner_texts()
        fetch.locator("select").select_option(label=next(o for o in raw if FETCH_AID in o))
        fetch.locator("button", has_text="この著者を使う").click()
        fetch.get_by_text(f"選択済み: {FETCH_AID}").wait_for()
        button.click()
        fetch.locator(".wb-fetch-provenance", has_text="（8 件）").wait_for()
        page.locator(".wb-findings .wb-count").wait_for()
        page.screenshot(path=str(screenshots / "hand-in-then-fetch.png"), full_page=True)
        # the handed-in proposal's folder now holds its questionnaire and fetched works
        [files] = [f for f in find_proposals(data) if f.id != "quiet"]
        assert files.proposal_file is not None and files.proposal_file.suffix == ".xlsx"
        assert files.works_files, "the fetched works were written beside the questionnaire"
    finally:
        servers.stop_all(request)
        replay.close()
