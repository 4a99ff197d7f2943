"""A page run by a kernel Voila preheats warms up at once: no browser shows it yet."""

from __future__ import annotations

import time

import pytest

import widgets.review.app as app_module
from widgets.review.app import App


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the browser's signal (or the preheating) starts the background work."""
    monkeypatch.setattr(app_module, "BACKGROUND_FALLBACK_S", 3600.0)


@pytest.mark.parametrize("preheat", ["True", "False", None])
def test_a_preheated_page_makes_its_parts_before_anyone_asks(
    make_app, no_fallback: None, monkeypatch: pytest.MonkeyPatch, preheat: str | None
) -> None:
    app: App = make_app()  # the fixtures' settings and store
    if preheat is None:
        monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    else:
        monkeypatch.setenv("VOILA_PREHEAT", preheat)  # as Voila sets it in a kernel
    page = App(app.settings, app.workspace, background=True, prefetch=False)
    try:
        if preheat == "True":
            assert page.idle(120)  # started and ended without the browser's signal
            assert page.workspace.lists() is not None
            # the models of the parts a proposal shows are made, nothing is placed in the
            # page before it is shown: its first view is an unheated page's
            assert page.parts.built() and page.parts.evidence not in page.panes.children
            assert not page.side.built and not page.proposal_panes.built
            assert page.network is None
            page.page_shown.shown = True
            deadline = time.monotonic() + 60
            while page.network is None and time.monotonic() < deadline:
                time.sleep(0.05)  # made on the kernel's thread, soon after the signal
            assert page.side.built and page.proposal_panes.built and page.network is not None
            assert page.parts.evidence in page.panes.children  # placed, out of sight
        else:
            time.sleep(0.5)  # time enough for a background thread to have started
            assert not page.screening.started and not page.side.built
            page.page_shown.shown = True  # what the browser says once it shows the page
            assert page.idle(120) and page.network is not None
    finally:
        page.stop()
