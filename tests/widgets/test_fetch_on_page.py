"""Fetching a proposal's publications on the review page, from a local OpenAlex replay server
on 127.0.0.1: a bar per person reaches its end, an unidentified person's candidates are shown
and a choice is recorded with the reviewer's name, the works are written with their provenance
and screened; a failing server gives an error beside the button and writes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.openalex.conftest import Answer, ReplayServer, openalex, page, real_author
from widgets.review.app import App
from workbench.session.fetching import PROVENANCE_FILE, WORKS_FILE
from workbench.vocabulary import EventKind

from .conftest import FIXTURES, texts_of

__all__ = ["openalex"]  # the replay server fixture

EXAMPLE = FIXTURES / "proposals" / "example"
FOLDER = "fetch-me"
TWIN = "A5000000042"


def _author(aid: str, name: str, institution: str, works: int) -> dict[str, Any]:
    author = real_author()
    author["id"], author["display_name"], author["works_count"] = (
        f"https://openalex.org/{aid}",
        name,
        works,
    )
    author["last_known_institutions"] = [{"display_name": institution, "ror": None}]
    author["affiliations"] = [{"institution": {"display_name": institution, "ror": None}}]
    return author


def _data(tmp_path: Path) -> Path:
    """The example proposal in a folder of its own, without its publications files."""
    data = tmp_path / "proposals"
    (data / FOLDER).mkdir(parents=True)
    shutil.copy(EXAMPLE / "proposal.json", data / FOLDER / "proposal.json")
    return data


def _serve(server: ReplayServer) -> list[dict[str, Any]]:
    """The example's works for every works page; Ivan Petrov found twice at his institution."""
    works = json.loads((EXAMPLE / "works.json").read_text(encoding="utf-8"))["results"]
    server.add("/works", Answer(body=page(works, len(works), None)))
    server.add("/authors/A5000000001", Answer(body=_author("A5000000001", "Sato Haruki", "", 9)))
    server.add(
        "/authors/orcid:0000-0001-0000-0002",
        Answer(body=_author("A5000000002", "Chen Wei", "Osaka University", 7)),
    )
    server.add(f"/authors/{TWIN}", Answer(body=_author(TWIN, "I. Petrov", "Tohoku University", 3)))
    twins = [
        _author("A5000000041", "Ivan Petrov", "Tohoku University", 12),
        _author(TWIN, "I. Petrov", "Tohoku University", 3),
    ]
    server.add("/authors", Answer(body=page(twins, 2, None)), search="Ivan Petrov")
    server.add("/authors", Answer(body=page([], 0, None)))  # nobody else is found by name
    return works


def _app(make_app: Any, server: ReplayServer, tmp_path: Path, **kw: Any) -> App:
    app: App = make_app(
        data_dir=_data(tmp_path),
        openalex_url=server.url,
        openalex_cache_dir=tmp_path / "cache",
        **kw,
    )
    app.open_proposal(FOLDER)
    app.wait()
    return app


def test_fetch_shows_progress_candidates_records_a_choice_and_screens_the_works(
    make_app: Any, openalex: ReplayServer, tmp_path: Path
) -> None:
    works = _serve(openalex)
    app = _app(make_app, openalex, tmp_path)
    panel = app.publications
    folder = app.settings.data_dir / FOLDER
    assert panel.layout.display != "none" and panel.button.layout.display != "none"
    assert panel.button.description == "論文を取得"
    before = {f.key for f in app.findings.view.findings}
    panel.button.click()
    panel.wait()
    app.wait()
    # a bar for each in-scope person; every identified person's reached its end
    assert set(panel.bars) >= {"p1", "p2", "p3"}
    assert panel.bars["p1"].value == 1.0 and panel.bars["p2"].value == 1.0
    assert all(bar.value in (0.0, 1.0) for bar in panel.bars.values())
    assert (folder / WORKS_FILE).is_file() and (folder / PROVENANCE_FILE).is_file()
    assert len(json.loads((folder / WORKS_FILE).read_text())["results"]) == len(works)
    # the works are screened: findings about co-authors appear that were not there before
    after = {f.key for f in app.findings.view.findings}
    assert after - before
    assert len(app.screened.works) == len(works)
    # where they came from and when, from the provenance file
    source = panel.source.value
    assert openalex.url in source and "論文の出所" in source and f"{len(works)} 件" in source
    # Ivan Petrov is not identified: his two candidates are offered with their facts
    assert "p3" in panel.choices
    dropdown, choose = panel.choices["p3"]
    shown = texts_of(panel.chooser) + " ".join(label for label, _ in dropdown.options)
    assert "A5000000041" in shown and TWIN in shown and "Tohoku University" in shown
    assert "12 件" in shown and "Ivan Petrov" in shown
    # a choice needs the reviewer's name, then is an event with it
    dropdown.value = TWIN
    choose.click()
    assert "審査者名" in panel.notice.value
    app.reviewer_box.value = "Yamada Ichiro"
    choose.click()
    pid = app.screened.proposal.proposal_id
    events = [e for e in app.workspace.db.history(pid) if e.kind is EventKind.AUTHOR_CHOICE]
    assert len(events) == 1
    assert events[0].reviewer == "Yamada Ichiro" and events[0].payload["person_id"] == "p3"
    assert events[0].payload["author_id"] == TWIN and events[0].created_at is not None
    # the next fetch uses the choice: Ivan Petrov's works are asked for under the chosen id
    assert panel.button.description == "選んだ著者で再取得"
    panel.button.click()
    panel.wait()
    app.wait()
    filters = [q.get("filter", "") for p, q in openalex.log if p == "/works"]
    assert any(f"authorships.author.id:{TWIN}," in f for f in filters)
    prov = json.loads((folder / PROVENANCE_FILE).read_text())
    p3 = next(p for p in prov["persons"] if p["person_id"] == "p3")
    assert p3["author_ids"] == [TWIN] and "p3" not in prov["unidentified"]
    assert "p3" not in panel.choices


def test_a_failing_server_gives_the_error_beside_the_button_and_no_file(
    make_app: Any, openalex: ReplayServer, tmp_path: Path
) -> None:
    openalex.add("/authors/A5000000001", Answer(500, {"error": "down"}))
    openalex.add("/authors/orcid:0000-0001-0000-0002", Answer(500, {"error": "down"}))
    openalex.add("/authors", Answer(500, {"error": "down"}))
    app = _app(make_app, openalex, tmp_path, language="en")
    panel = app.publications
    assert panel.button.description == "Fetch publications"
    panel.button.click()
    panel.wait()
    assert "Publications could not be fetched" in panel.error.value
    assert "500" in panel.error.value
    folder = app.settings.data_dir / FOLDER
    assert sorted(p.name for p in folder.iterdir()) == ["proposal.json"]
    assert not panel.button.disabled and panel.button.layout.display != "none"
    app.language = "ja"
    assert panel.button.description == "論文を取得"
