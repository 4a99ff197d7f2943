"""Handing in files on the review page: checked first, listed and opened at once; a broken
file lists its problems beside the chooser and adds nothing; a revision says what changed."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from widgets.review.app import App
from workbench.proposal import load_proposal
from workbench.questionnaire import write_template

from .conftest import FIXTURES, html_of

EXAMPLE = FIXTURES / "proposals" / "example"
NOW = datetime(2025, 6, 20, tzinfo=UTC)


def _choose(app: App, *files: tuple[str, bytes]) -> None:
    """What the browser sends when the reviewer chooses files, then clicks the button."""
    app.upload.chooser.value = tuple(
        {"name": n, "type": "", "size": len(b), "content": memoryview(b), "last_modified": NOW}
        for n, b in files
    )
    app.upload.button.click()


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "proposals"
    shutil.copytree(FIXTURES / "proposals", data)
    return data


def _ids(app: App) -> set[str]:
    return {str(e.get("proposal_id")) for e in app.picker.entries}


def test_an_excel_questionnaire_handed_in_is_listed_and_opened(
    make_app: Any, tmp_path: Path
) -> None:
    data = _data(tmp_path)
    app: App = make_app(data_dir=data)
    proposal = load_proposal(EXAMPLE / "proposal.json")
    raw = json.loads((EXAMPLE / "proposal.json").read_text(encoding="utf-8"))
    raw["proposal_id"] = "ASPIRE-2025-Q-0777"
    new = tmp_path / "new.json"
    new.write_text(json.dumps(raw), encoding="utf-8")
    sheet = write_template(tmp_path / "filled.xlsx", load_proposal(new))
    assert "ASPIRE-2025-Q-0777" not in _ids(app) and proposal.proposal_id in _ids(app)
    _choose(
        app,
        ("記入済み.xlsx", sheet.read_bytes()),
        ("works.json", (EXAMPLE / "works.json").read_bytes()),
    )
    assert app.upload.problems.value == ""
    assert "ASPIRE-2025-Q-0777" in _ids(app)
    app.wait()
    assert app.overview.view is not None
    assert app.overview.view.proposal_id == "ASPIRE-2025-Q-0777"
    assert app.findings.view is not None and app.findings.view.findings  # screened with works
    assert "ASPIRE-2025-Q-0777 を追加しました" in app.upload.result.value


def test_a_broken_file_lists_its_problems_and_adds_nothing(make_app: Any, tmp_path: Path) -> None:
    data = _data(tmp_path)
    app: App = make_app(data_dir=data)
    before = sorted(p.name for p in data.iterdir())
    entries = list(app.picker.entries)
    _choose(app, ("壊れた.xlsx", b"PK\x03\x04 broken"), ("notes.txt", b"x"))
    html = app.upload.problems.value
    assert "壊れた.xlsx" in html and "notes.txt" in html
    assert "論文ファイル" in html  # in the page's language
    app.language = "en"
    assert "Neither a questionnaire" in app.upload.problems.value
    assert sorted(p.name for p in data.iterdir()) == before and app.picker.entries == entries


def test_a_revision_says_what_changed_and_keeps_the_previous_version(
    make_app: Any, tmp_path: Path
) -> None:
    data = _data(tmp_path)
    app: App = make_app(data_dir=data)
    raw = json.loads((EXAMPLE / "proposal.json").read_text(encoding="utf-8"))
    gone = raw["people"].pop()
    _choose(app, ("proposal-v2.json", json.dumps(raw).encode()))
    app.wait()
    html = app.upload.result.value
    assert "第1版を保存" in html and gone["id"] in html
    assert "指摘: 新規" in html
    assert (data / "example" / ".versions" / "v1" / "proposal.json").is_file()
    assert app.overview.view is not None and len(app.picker.entries) == 2
    kept = {p["id"] for p in json.loads((data / "example" / "proposal.json").read_text())["people"]}
    assert gone["id"] not in kept


def _judge(app: App, notes: str) -> None:
    form = app.judgment
    form.outcome.value = "no-concern"
    form.notes.value = notes
    form.save_button.click()
    assert app.status.level == "ok", app.status.message


def test_decisions_are_labelled_with_the_questionnaire_version_they_were_made_on(
    make_app: Any, tmp_path: Path, store: Any
) -> None:
    data = _data(tmp_path)
    app: App = make_app(data_dir=data, reviewer="Tanaka")
    app.picker.select.value = "example"
    app.wait()
    _judge(app, "judged on the first questionnaire")
    raw = json.loads((EXAMPLE / "proposal.json").read_text(encoding="utf-8"))
    raw["people"].pop()
    _choose(app, ("proposal-v2.json", json.dumps(raw).encode()))
    app.wait()
    _judge(app, "judged again on the revision")
    state = store.state(raw["proposal_id"])
    started = [e for e in state.history if str(e.kind) == "review-started"]
    assert started[-1].payload["questionnaire_version"] == 2
    assert state.questionnaire_version == 2
    rows = app.judgment.record["history"]  # newest first
    by_note = {r["why"]: r["version"] for r in rows if r["why"]}
    assert by_note["judged again on the revision"] == "第2版"
    assert by_note["judged on the first questionnaire"] == ""  # before any revision
    assert "第2版" in html_of(app.judgment)
