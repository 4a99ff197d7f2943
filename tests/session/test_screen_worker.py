"""Screening ahead in a separate process: the same screenings, read back by the kernel."""

from __future__ import annotations

import threading
from pathlib import Path

from workbench.session.screen_worker import screen_elsewhere
from workbench.session.workspace import Workspace
from workbench.store.store import Store

from .conftest import make_settings


def _rows(screened) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f.key, len(f.evidence)) for f in screened.view.findings]


def test_proposals_ahead_are_screened_by_a_child_and_read_back(
    proposals: Path, db_path: Path, store: Store
) -> None:
    data = proposals
    ws = Workspace(make_settings(data, db_path), store)
    ids = [f.id for f in ws.folders()]
    assert not any(ws.stored(i) for i in ids)

    assert ws.ahead.prefetch(ids, threading.Event()) == min(len(ids), 3)
    ahead = ids[:3]
    assert all(ws.stored(i) for i in ahead)  # written by the child process
    assert ws.index.shared.built == 0 and ws.index.held is None  # no index in this process
    assert ws.index.shared.stored(ws.lists())  # the child built it for everyone
    read_back = ws.screen(ahead[0])
    assert set(ws.last_timings()) == {"memory"}

    here = Workspace(make_settings(data, db_path, cache_dir=db_path.parent / "other"), store)
    here.ahead.elsewhere = False
    made_here = here.screen(ahead[0])
    assert set(here.last_timings()) >= {"load", "screen"}
    assert _rows(made_here) == _rows(read_back) and _rows(read_back)


def test_a_stopped_page_stops_its_child(proposals: Path, db_path: Path, store: Store) -> None:
    settings = make_settings(proposals, db_path)
    stop = threading.Event()
    stop.set()
    assert not screen_elsewhere(settings, ["example"], stop)
    assert not Workspace(settings, store).stored("example")
