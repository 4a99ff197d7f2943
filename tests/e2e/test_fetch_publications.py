"""In the browser: a proposal without publications is fetched from the local OpenAlex replay
server on 127.0.0.1 (the page pointed at it through its setting), with a progress bar per
person, a candidate chosen for the person OpenAlex could not identify (recorded in the store
with the reviewer's name), findings shown, and
the provenance of the fetch below the overview. Nothing leaves the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, _Servers, serve_with_openalex
from tests.openalex.conftest import FETCH_AID, ReplayServer, fetch_folder, serve_fetch_case
from workbench.store import open_store
from workbench.vocabulary import EventKind

pytestmark = pytest.mark.e2e


def test_fetch_choose_a_candidate_and_see_the_provenance(
    page, tmp_path: Path, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    replay = ReplayServer()
    serve_fetch_case(replay)
    folder = fetch_folder(tmp_path)
    servers = _Servers(ROOT / "notebooks" / "review.ipynb", tmp_path, "fetch-")
    try:
        served = serve_with_openalex(servers, folder.parent, tmp_path, replay.url)
        page.goto(served.url)
        page.locator(".wb-picker option").first.wait_for()
        page.locator(".wb-picker select").select_option(index=0)
        page.locator(".wb-header input").fill("E2E Reviewer")
        fetch = page.locator(".wb-fetch")
        button = fetch.locator("button", has_text="論文を取得")
        button.click()
        # one progress bar per person in scope
        fetch.locator(".widget-hbox", has_text="Heather Piwowar (P2)").wait_for()
        assert fetch.locator(".progress, progress, .widget-hprogress").count() >= 2
        fetch.get_by_text("OpenAlex で特定できなかった対象者です").wait_for()
        fetch.get_by_text("論文を確認できなかった対象者: Jason Priem (P1)").wait_for()
        fetch.locator(".wb-fetch-provenance", has_text="（3 件）").wait_for()
        options = [t.replace("\xa0", " ") for t in fetch.locator("select option").all_inner_texts()]
        assert any(FETCH_AID in o and "Jason Priem" in o for o in options), options
        assert any(o.startswith("A42 — J. Priem") for o in options)
        raw = fetch.locator("select option").all_inner_texts()
        fetch.locator("select").select_option(label=next(o for o in raw if FETCH_AID in o))
        fetch.locator("button", has_text="この著者を使う").click()
        fetch.get_by_text(f"選択済み: {FETCH_AID}").wait_for()
        # recorded in the store with the reviewer's name (entered in the header) and the time
        store = open_store(f"sqlite:///{served.db}")
        try:
            chosen = [
                e for e in store.history("ASPIRE-TEST-1") if e.kind is EventKind.AUTHOR_CHOICE
            ]
        finally:
            store.close()
        assert [(e.reviewer, e.payload["author_id"]) for e in chosen] == [
            ("E2E Reviewer", FETCH_AID)
        ]
        button.click()
        fetch.locator(".wb-fetch-provenance", has_text="（8 件）").wait_for()
        assert f"{replay.url} から" in fetch.locator(".wb-fetch-provenance").inner_text()
        page.locator(".wb-findings .wb-count").wait_for()
        assert fetch.get_by_text("論文を確認できなかった対象者").count() == 0
        fetch.screenshot(path=str(screenshots / "fetch-publications.png"))
        # the works came from the replay server only: P2's once (the second fetch read
        # them from the on-disk cache), then P1's with the author chosen
        assert [q["filter"].split(",")[0] for p, q in replay.log if p == "/works"] == [
            "authorships.author.id:A5000000002",
            f"authorships.author.id:{FETCH_AID}",
        ]
    finally:
        servers.stop_all(request)
        replay.close()
