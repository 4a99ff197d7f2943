"""The review page's first view: only the picker's needs, the rest made right after it shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as w
import pytest

from tests.session.conftest import FIXTURES
from widgets.review.app import App
from widgets.review.fetch import FetchPanel
from widgets.review.upload import UploadPanel

ROOT = Path(__file__).resolve().parents[2]

#: what a reviewer needs only once a proposal is open or handed in: the store (SQLAlchemy,
#: Alembic), the list loaders, the matcher, the OpenAlex client, the overview, the findings
#: table, the hand-in and fetch panels, the review parts
LATER = (
    "yaml",
    "workbench.lists",
    "widgets.review.overview",
    "widgets.review.findings",
    "sqlalchemy",
    "alembic",
    "httpx",
    "workbench.store",
    "workbench.screening",
    "workbench.matching.matcher",
    "workbench.list_updates.download",
    "widgets.review.upload",
    "widgets.review.fetch",
    "widgets.review.judgment",
    "widgets.review.remembered",
    "plotly",
)


def _descendants(widget: w.Widget) -> list[w.Widget]:
    out, stack = [], [widget]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(getattr(node, "children", ()) or ())
    return out


def test_the_first_view_imports_only_what_the_picker_needs(db_path: Path) -> None:
    """The notebook's cells, in a fresh interpreter, before the browser shows the page."""
    code = (
        "import json, sys\n"
        "from widgets.review.app import build_app\n"
        "from widgets.review.link import open_linked\n"
        "app = build_app()\n"
        "open_linked(app)\n"
        "later = json.loads(sys.argv[1])\n"
        "print(json.dumps({'imported': [m for m in later if m in sys.modules],\n"
        "                  'listed': len(app.picker.entries), 'side': app.side.built,\n"
        "                  'panes': app.proposal_panes.built,\n"
        "                  'lists': [p.name for p in app.settings.lists]}))\n"
        "app.close_all()\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("WORKBENCH_", "JUPYTERHUB_"))},
        "WORKBENCH_DATA_DIR": str(FIXTURES / "proposals"),
        "WORKBENCH_DB_URL": f"sqlite:///{db_path}",
        "WORKBENCH_CACHE_DIR": str(db_path.parent / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(LATER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["listed"] > 0  # the picker lists the proposals
    assert seen["imported"] == []
    assert seen["side"] is False and seen["panes"] is False
    assert seen["lists"]  # the shipped lists are named without importing their loaders


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the browser's signal starts the background work (not the timer, on a slow machine)."""
    import widgets.review.app as app_module

    monkeypatch.setattr(app_module, "BACKGROUND_FALLBACK_S", 3600.0)


@pytest.fixture
def page(make_app, no_fallback: None) -> Iterator[App]:
    """A page whose background work waits for the browser's signal (the fixtures' data)."""
    app: App = make_app()  # the fixtures' settings and store
    page = App(app.settings, app.workspace, background=True, prefetch=False)
    try:
        yield page
    finally:
        page.stop()


def test_hand_in_and_fetch_panels_are_placed_once_the_page_is_shown(page: App) -> None:
    kinds = {type(x) for x in _descendants(page)}
    assert UploadPanel not in kinds and FetchPanel not in kinds and not page.side.built
    page.page_shown.shown = True  # what the browser says once it has rendered the page
    assert page.side.built
    below_picker, below_overview = (
        next(b for b in _descendants(page) if part in getattr(b, "children", ()))
        for part in (page.picker, page.overview)
    )
    assert below_picker.children == (page.picker, page.upload)
    assert below_overview.children == (page.overview, page.fetch)
    page.language = "en"
    assert page.upload.button.description == "Hand in"  # linked to the page's language
    assert page.idle()


def test_a_page_without_background_work_has_them_at_once(make_app) -> None:
    app: App = make_app()
    assert app.side.built
    assert app.upload in _descendants(app) and app.fetch in _descendants(app)


def test_a_proposal_shown_before_the_panels_are_made_gets_its_fetch_panel(page: App) -> None:
    page.open_proposal("example")
    page.wait()
    assert page.overview.view is not None and not page.side.built
    page.page_shown.shown = True
    assert page.fetch.layout.display == ""  # shown for the open proposal
    assert page.idle()


def test_overview_and_findings_are_placed_once_the_page_is_shown(page: App) -> None:
    assert not page.proposal_panes.built
    assert page.proposal_panes.parts() == () and page.panes.children == ()
    page.page_shown.shown = True
    assert page.proposal_panes.built
    assert page.panes.children == (page.findings,)
    assert page.overview in _descendants(page)
    page.language = "en"
    assert page.overview.language == page.findings.language == "en"
    page.open_proposal("example")  # the controllers wired to them once made
    page.wait()
    assert page.overview.view is not None and page.findings.view is not None
    assert page.idle()


def test_a_pick_before_the_page_is_shown_makes_them(page: App) -> None:
    page.open_proposal("example")
    page.wait()
    assert page.proposal_panes.built and page.findings.view is not None
    page.findings.selected_key = page.findings.view.findings[0].key
    assert page.evidence.key == page.findings.selected_key  # wired to the evidence
