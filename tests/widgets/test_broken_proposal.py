"""A proposal that cannot be read: the page clears the one shown before and names the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from widgets.common.markup import esc
from widgets.review.state import AppState

from .conftest import FIXTURES, html_of

QUIET = FIXTURES / "proposals" / "quiet"


def _folder_with_works(data: Path, name: str, works_text: str) -> Path:
    """A copy of the quiet proposal whose works file is ``works_text``."""
    target = data / name
    shutil.copytree(QUIET, target)
    (target / "works.json").write_text(works_text, encoding="utf-8")
    return target / "works.json"


BROKEN = {
    "deeply nested": '{"results": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "huge integer": '{"results": [{"id": "W1", "publication_year": ' + "9" * 5000 + "}]}",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_proposal_clears_the_last_one_and_names_its_file(
    make_app, tmp_path: Path, kind: str
) -> None:
    data = tmp_path / "proposals"
    shutil.copytree(QUIET, data / "a-quiet")
    works = _folder_with_works(data, "b-broken", BROKEN[kind])
    app = make_app(data_dir=data)
    app.picker.select.value = "a-quiet"
    app.wait()
    assert app.state is AppState.READY
    shown = html_of(app)
    title = app.findings.view.title
    assert esc(title) in shown

    app.picker.select.value = "b-broken"
    app.wait()
    assert app.state is AppState.FAILED
    assert app.status.level == "error"
    assert str(works) in app.status.message, app.status.message
    assert "Traceback" not in app.status.message
    # nothing of the proposal shown before stays on the page
    assert app.screened is None and app.review is None
    for part in (app.overview, app.findings, app.scope, app.evidence):
        assert part.view is None
    assert esc(title) not in html_of(app)
    # and the next proposal is shown whole again
    app.picker.select.value = "a-quiet"
    app.wait()
    assert app.state is AppState.READY and app.findings.view.title == title
    assert app.evidence in app.panes.children and app.judgment in app.main.children
