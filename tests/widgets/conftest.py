"""Build the review page headless on small fixture proposals, with a temporary SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ipywidgets as w
import pytest

from tests.session.conftest import FIXTURES, LIST, db_path, make_settings, store
from widgets.review.app import App
from workbench.session.workspace import Workspace
from workbench.store.store import Store

__all__ = ["FIXTURES", "LIST", "db_path", "make_settings", "store"]  # shared with the session tests


@pytest.fixture
def make_app(db_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """``make_app(data_dir=..., background=False, **settings)`` → App on the temp store."""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("WORKBENCH_REVIEWER", raising=False)
    apps: list[App] = []

    def make(
        data_dir: Path = FIXTURES / "proposals",
        background: bool = False,
        prefetch: bool = False,
        **changes: object,
    ) -> App:
        settings = make_settings(data_dir, db_path, **changes)
        app = App(settings, Workspace(settings, store), background=background, prefetch=prefetch)
        apps.append(app)
        if background:
            app.page_shown.shown = True  # what the browser does once the page is rendered
        return app

    yield make
    for app in apps:
        app.stop()


def html_of(widget: w.Widget) -> str:
    """Every HTML value in the widget tree, joined (the page as the browser gets it)."""
    out = []
    stack = [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, w.HTML | w.HTMLMath):
            out.append(node.value)
        stack.extend(getattr(node, "children", ()) or ())
    return "\n".join(out)


def texts_of(widget: w.Widget) -> str:
    """Every plain-text value (labels, options, descriptions) in the tree."""
    out = []
    stack = [widget]
    while stack:
        node = stack.pop()
        for name in ("description", "placeholder"):
            value = getattr(node, name, None)
            if isinstance(value, str):
                out.append(value)
        if isinstance(node, w.Label):
            out.append(node.value)
        options = getattr(node, "_options_labels", None)
        if options:
            out.extend(options)
        stack.extend(getattr(node, "children", ()) or ())
    return "\n".join(out)
