"""Fetching a proposal's publications on the served review page, in a real browser.

A real Voila and headless Chromium; OpenAlex is the local replay server on
127.0.0.1 (nothing leaves the machine). The proposal has no works: the button
fetches them with a bar per person, an unidentified person's candidates are
offered and a choice is recorded with the reviewer's name, the works are written
and screened, and the overview's panel says where they came from. A failing
server gives the error beside the button and writes nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.openalex.conftest import Answer, ReplayServer, openalex
from tests.widgets.test_fetch_on_page import EXAMPLE, FOLDER, TWIN, _serve
from workbench.session.fetching import PROVENANCE_FILE, WORKS_FILE
from workbench.store import open_store
from workbench.vocabulary import EventKind

from .conftest import ROOT, _Servers

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

__all__ = ["openalex"]  # the replay server fixture


def _serve_page(tmp_path: Path, server: ReplayServer, request: pytest.FixtureRequest):
    data = tmp_path / "proposals"
    (data / FOLDER).mkdir(parents=True)
    shutil.copy(EXAMPLE / "proposal.json", data / FOLDER / "proposal.json")
    servers = _Servers(ROOT / "notebooks" / "review.ipynb", tmp_path, "fetch-")
    request.addfinalizer(lambda: servers.stop_all(request))
    extra = {
        "WORKBENCH_OPENALEX_URL": server.url,
        "WORKBENCH_OPENALEX_CACHE_DIR": str(tmp_path / "openalex-cache"),
    }
    served = servers.start(data, tmp_path / "workbench.db", (), "ja", extra)
    return data / FOLDER, served


def test_fetch_choose_and_screen_through_the_page(
    page, openalex: ReplayServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    works = _serve(openalex)
    folder, served = _serve_page(tmp_path, openalex, request)
    page.goto(served.url)
    page.locator(".wb-picker option").first.wait_for(state="attached")
    page.locator(".wb-picker select").select_option(index=0)  # the one proposal
    page.locator(".wb-header input").fill("E2E Reviewer")
    panel = page.locator(".wb-fetch")
    panel.locator("button", has_text="論文を取得").click()
    panel.locator(".wb-fetch-source", has_text="論文の出所").wait_for()
    assert openalex.url in panel.locator(".wb-fetch-source").inner_text()
    assert f"{len(works)} 件" in panel.locator(".wb-fetch-source").inner_text()
    persons = panel.locator(".wb-fetch-person")
    assert persons.count() >= 3  # a bar per in-scope person
    assert "Sato Haruki" in persons.first.inner_text()
    assert (folder / WORKS_FILE).is_file() and (folder / PROVENANCE_FILE).is_file()
    page.locator(".wb-findings .wb-count").wait_for()
    # Ivan Petrov's two candidates, chosen from and recorded with the reviewer's name
    panel.locator("text=Ivan Petrov").first.wait_for()
    select = panel.locator("select", has=page.locator("option", has_text=TWIN))
    assert "A5000000041" in select.inner_text() and TWIN in select.inner_text()
    labels = select.locator("option").all_inner_texts()
    select.select_option(label=next(t for t in labels if t.startswith(TWIN)))
    panel.locator("button:not([disabled])", has_text="この著者を選ぶ").click()  # the first
    panel.locator(".wb-notice", has_text=TWIN).wait_for()
    store = open_store(f"sqlite:///{served.db}")
    try:
        pid = json.loads((folder / "proposal.json").read_text())["proposal_id"]
        chosen = [e for e in store.history(pid) if e.kind is EventKind.AUTHOR_CHOICE]
    finally:
        store.close()
    assert [(e.reviewer, e.payload["author_id"]) for e in chosen] == [("E2E Reviewer", TWIN)]
    # the next fetch asks for the chosen author's works
    panel.locator("button", has_text="選んだ著者で再取得").click()
    panel.locator("option", has_text="A5000000041").wait_for(state="detached")
    filters = [q.get("filter", "") for p, q in openalex.log if p == "/works"]
    assert any(f"authorships.author.id:{TWIN}," in f for f in filters)


def test_a_failing_server_shows_the_error_beside_the_button(
    page, openalex: ReplayServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    openalex.add("/authors/A5000000001", Answer(500, {"error": "down"}))
    openalex.add("/authors/orcid:0000-0001-0000-0002", Answer(500, {"error": "down"}))
    openalex.add("/authors", Answer(500, {"error": "down"}))
    folder, served = _serve_page(tmp_path, openalex, request)
    page.goto(served.url)
    page.locator(".wb-picker option").first.wait_for(state="attached")
    page.locator(".wb-picker select").select_option(index=0)  # the one proposal
    panel = page.locator(".wb-fetch")
    panel.locator("button", has_text="論文を取得").click()
    error = panel.locator(".wb-fetch-error", has_text="論文を取得できませんでした")
    error.wait_for()
    assert "500" in error.inner_text()
    assert sorted(p.name for p in folder.iterdir()) == ["proposal.json"]
