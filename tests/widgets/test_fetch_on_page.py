"""Fetching a proposal's publications from the review page, against the local OpenAlex
replay server on 127.0.0.1 (real recorded answers): progress per person, a candidate
chosen for an unidentified person and used on the next fetch, provenance on the page,
errors beside the button with nothing written."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.openalex.conftest import (
    Answer,
    ReplayServer,
    fetch_folder,
    page,
    real_author,
    serve_fetch_case,
)
from tests.widgets.conftest import html_of, texts_of
from workbench.session.fetching import PROVENANCE_FILE, WORKS_FILE, read_provenance

AID = "A5023888391"


@pytest.fixture
def openalex() -> Iterator[ReplayServer]:
    server = ReplayServer()
    yield server
    server.close()


def _open(make_app: object, folder: Path, url: str) -> object:
    app = make_app(  # type: ignore[operator]
        data_dir=folder.parent, openalex_url=url, openalex_cache_dir=folder.parent.parent / "oa"
    )
    app.picker.select.value = "P-1"
    app.wait()
    return app


def test_fetch_progress_candidates_choice_and_provenance(make_app, openalex, tmp_path):
    serve_fetch_case(openalex)
    folder = fetch_folder(tmp_path)
    app = _open(make_app, folder, openalex.url)
    panel = app.fetch
    assert panel.layout.display == "" and panel.button.layout.display == ""
    assert panel.button.description == "論文を取得"
    panel.button.click()
    assert panel.wait(60)
    app.wait()
    # one bar per in-scope person, each full; P1 unidentified (two authors so named there)
    bars = {b.children[0].value: b.children[1] for b in panel.progress.children}
    assert set(bars) == {"Jason Priem (P1)", "Heather Piwowar (P2)"}
    assert bars["Heather Piwowar (P2)"].value == 3 == bars["Heather Piwowar (P2)"].max
    assert [i.person_id for i in panel.unidentified] == ["P1"]
    texts = texts_of(panel.chooser)
    assert f"{AID} — Jason Priem" in texts and "A42 — J. Priem、論文 3 件" in texts
    assert "OurResearch" in texts
    # written with provenance; the proposal screened again with the works
    works = json.loads((folder / WORKS_FILE).read_text())["results"]
    assert len(works) == 3
    prov = read_provenance(folder)
    assert (
        prov is not None
        and prov.api == openalex.url
        and prov.unidentified == (("P1", "Jason Priem"),)
    )
    assert app.screened is not None and len(app.screened.works) == 3
    html = html_of(panel)
    assert f"{openalex.url} から" in html and "（3 件）" in html
    assert "論文を確認できなかった対象者: Jason Priem (P1)" in html
    # choose the first candidate for P1: used on the next fetch
    row = panel.chooser.children[1]
    row.children[1].value = AID
    row.children[2].click()
    assert panel.chosen == {"P-1": {"P1": [AID]}}
    panel.button.click()
    assert panel.wait(60)
    app.wait()
    assert panel.unidentified == ()
    assert len(json.loads((folder / WORKS_FILE).read_text())["results"]) == 8
    assert len(app.screened.works) == 8
    assert "論文を確認できなかった対象者" not in html_of(panel)
    app.language = "en"
    assert panel.button.description == "Fetch publications"
    assert f"fetched from {openalex.url}" in html_of(panel)


def test_malformed_answer_is_said_beside_the_button_and_nothing_written(
    make_app, openalex, tmp_path
):
    openalex.add("/authors/A5000000002", Answer(body={**real_author(), "id": "A5000000002"}))
    openalex.add("/works", Answer(raw=b"<html>maintenance</html>"))
    folder = fetch_folder(tmp_path)
    openalex.add("/authors", Answer(body=page([], 0, None)))
    app = _open(make_app, folder, openalex.url)
    app.fetch.button.click()
    assert app.fetch.wait(60)
    assert "論文の形式ではありません" in app.fetch.error.value
    assert not (folder / WORKS_FILE).exists() and not (folder / PROVENANCE_FILE).exists()
    app.language = "en"
    app.fetch.button.click()
    assert app.fetch.wait(60)
    assert "not publications; nothing was written" in app.fetch.error.value


def test_no_connection_is_said_and_nothing_written(make_app, tmp_path):
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = fetch_folder(tmp_path)
    app = _open(make_app, folder, f"http://127.0.0.1:{port}")
    app.fetch.button.click()
    assert app.fetch.wait(60)
    assert "OpenAlex に接続できませんでした" in app.fetch.error.value
    assert sorted(p.name for p in folder.iterdir()) == ["proposal.json"]
