"""The pick → screen → show pipeline of the review page.

:class:`ScreeningFlow`, a controller owned by the review ``App``, lists the
proposals, screens the one picked in a background thread (progress in the
status area; a pick made meanwhile wins), and shows it in every part. The work
done ahead of the reviewer's picks is its :class:`~widgets.review.warm_up.WarmUp`'s.
Background threads only compute: what they found reaches the widgets on the
kernel's thread (:func:`~widgets.common.kernel_thread.call_soon`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from typing import TYPE_CHECKING, Any

from widgets.common.kernel_thread import call_soon
from widgets.review.requests import ChangeWindow
from widgets.review.state import AppState
from widgets.review.warm_up import WarmUp
from workbench.window import DEFAULT_YEARS

if TYPE_CHECKING:
    from widgets.review.app import App
    from workbench.session.workspace import Screened
    from workbench.store.state import ReviewState

log = logging.getLogger("widgets")


class ScreeningFlow:
    """Lists, screens and shows the proposals of ``app``; its ``warm_up`` works ahead."""

    def __init__(self, app: App, *, background: bool, prefetch: bool) -> None:
        self.app = app
        self.workspace = app.workspace
        self._executor = ThreadPoolExecutor(max_workers=1) if background else None
        self._background = background
        self._future: Future[Any] | None = None
        self._generation = 0
        self._gen_lock = threading.Lock()
        self._stop = threading.Event()  # ends the background thread
        # set while no screening of the reviewer's is running: the workspace's own signal,
        # which its background work (prefetching, writing the disk cache) waits for
        self._idle = self.workspace.idle
        self._idle.set()
        #: the reference date and window of the last screening asked for (to screen again)
        self.window: tuple[date | None, int | None] = (None, None)
        #: statuses, the parts made once the page is shown, the lists, plotly, the matcher
        #: and the proposals ahead
        self._prefetch = prefetch
        self.warm_up = WarmUp(app, stop=self._stop, idle=self._idle, prefetch=prefetch)
        app.picker.observe(self._on_pick, names="proposal_id")
        app.proposal_panes.when_built(
            lambda panes: panes.overview.observe(self._on_window, names="request")
        )

    def start(self, fallback_s: float, *, preheated: bool = False) -> None:
        """List the proposals, then warm up as :class:`~widgets.review.warm_up.WarmUp` says
        (or, without background work, make the page's parts and read the statuses now)."""
        self._list_proposals()
        if not self._background:
            self.app.proposal_panes.build()
            self.app.side.build()
            self.warm_up.show_statuses()
            return
        self.warm_up.start(fallback_s, preheated=preheated)

    def requested(self) -> None:
        """A reviewer's request has taken this (preheated) page."""
        self.warm_up.requested()

    @property
    def started(self) -> bool:
        return self.warm_up.started

    def idle(self, timeout: float) -> bool:
        """Wait for the background work to start (when it will) and end."""
        return True if not self._background else self.warm_up.idle(timeout)

    def stop(self) -> None:
        """Stop the background work and wait for the screening running (if any)."""
        self.warm_up.cancel()
        self._stop.set()
        self._idle.set()
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def relist(self) -> None:
        """List the folder's proposals again (one was handed in) with their review statuses."""
        self._list_proposals()
        self.warm_up.statuses_shown(self.workspace.statuses())

    def _list_proposals(self) -> None:
        """The proposals of the folder, at once; their review status follows from the store."""
        try:
            self.app.picker.entries = self.workspace.proposals(statuses=False)
            self.app.status.say("status.ready", "info")
        except Exception as exc:  # the page stays usable; the reason is shown and logged
            self.app.status.fail(self.app.what("section.picker"), exc)

    def _on_pick(self, change: Mapping[str, Any]) -> None:
        if change["new"] and change["new"] != self.app.proposal:
            self.open_proposal(str(change["new"]))

    def _on_window(self, change: Mapping[str, Any]) -> None:
        req: ChangeWindow | None = change["new"]
        if req is None or not self.app.proposal:
            return
        self.open_proposal(self.app.proposal, as_of=req.as_of, years=req.years or DEFAULT_YEARS)

    def open_proposal(
        self, folder_id: str, as_of: date | None = None, years: int | None = None
    ) -> None:
        """Screen and show the proposal of ``folder_id`` (in the background when enabled)."""
        picked = time.perf_counter()
        self.window = (as_of, years)
        with self._gen_lock:
            self._generation += 1
            generation = self._generation
        self.workspace.wanted = folder_id  # the background screening gives way to this one
        with self.app.hold_trait_notifications():
            self.app.proposal = folder_id
            self.app.state = AppState.SCREENING
            if self.app.picker.proposal_id != folder_id:
                self.app.picker.proposal_id = folder_id
        self.app.status.say("progress.loading", "busy", 0.02)
        self._idle.clear()
        job = lambda: self._screen(folder_id, as_of, years, generation, picked)  # noqa: E731
        if self._executor is None:
            job()
        else:
            self._future = self._executor.submit(job)

    def rescreen(self) -> None:
        """Screen the open proposal again, with the same window (the verdicts changed)."""
        if self.app.proposal:
            self.open_proposal(self.app.proposal, *self.window)

    def wait(self, timeout: float = 60.0) -> None:
        """Wait for the background screening to finish (tests and benchmarks).

        Outside a kernel it is shown by then; in a kernel it is shown on the kernel's
        thread, once the running cell ends.
        """
        if self._future is not None:
            self._future.result(timeout=timeout)

    def _progress(self, generation: int) -> Callable[[str, float], None]:
        def report(step: str, fraction: float) -> None:
            call_soon(self._report, generation, step, fraction)

        return report

    def _report(self, generation: int, step: str, fraction: float) -> None:
        if generation == self._generation:
            self.app.status.say(step, "busy", fraction)

    def _screen(
        self,
        folder_id: str,
        as_of: date | None,
        years: int | None,
        generation: int,
        picked: float,
    ) -> None:
        """Screen (in the background thread); show on the kernel's thread."""
        try:
            screened = self.workspace.screen(  # by a child process when screening ahead too
                folder_id, as_of, years, self._progress(generation), elsewhere=self._prefetch
            )
            steps = self.workspace.last_timings()
            review = self.workspace.decisions.state(screened.proposal.proposal_id)
        except Exception as exc:
            call_soon(self._screening_failed, generation, exc)
            return
        memory = self._remembered(folder_id, screened, as_of)
        call_soon(self._present, folder_id, screened, review, steps, generation, picked, memory)
        self.warm_up.verify()  # after the proposal is on its way: it reads every event

    def _remembered(self, folder_id: str, screened: Screened, as_of: date | None) -> Any:
        """The remembered verdicts for the proposal and the findings they hide (or None)."""
        from workbench.session.remembered import remembered

        try:
            return remembered(self.workspace, folder_id, screened, as_of)
        except Exception:  # the findings are shown all the same; the log says why
            log.warning("remembered verdicts of %s not read", folder_id, exc_info=True)
            return None

    def _screening_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return  # another proposal was picked meanwhile
        try:
            self.app.status.fail(self.app.what("section.findings"), exc)
            self.app.state = AppState.FAILED
            self._withdraw()
        finally:
            self._idle.set()

    def _present(
        self,
        folder_id: str,
        screened: Screened,
        review: ReviewState,
        steps: Mapping[str, float],
        generation: int,
        picked: float,
        memory: Any = None,
    ) -> None:
        if generation != self._generation:
            return  # another proposal was picked meanwhile: it sets the page idle when shown
        try:
            self._present_current(folder_id, screened, review, steps, picked, memory)
        finally:
            self._idle.set()

    def _present_current(
        self,
        folder_id: str,
        screened: Screened,
        review: ReviewState,
        steps: Mapping[str, float],
        picked: float,
        memory: Any = None,
    ) -> None:
        self.app.status.say("progress.showing", "busy", 0.85)
        ready = time.perf_counter()
        try:
            self._show(screened, review, memory)
        except Exception as exc:
            self.app.status.fail(self.app.what("section.findings"), exc)
            self.app.state = AppState.FAILED
            self._withdraw()
            return
        done = time.perf_counter()
        self.app.timings = {
            **steps,
            "wait": ready - picked - sum(steps.values()),
            "show": done - ready,
            "total": done - picked,
        }
        log.info(
            "%s shown in %.2f s (%s)",
            folder_id,
            done - picked,
            ", ".join(f"{k} {v:.3f}" for k, v in self.app.timings.items()),
        )
        self.app.status.say(
            "status.loaded",
            "ok",
            1.0,
            pid=screened.proposal.proposal_id,
            n=len(screened.view.findings),
            seconds=done - picked,
        )
        self.app.state = AppState.READY

    def _show(self, screened: Screened, review: ReviewState, memory: Any = None) -> None:
        app = self.app
        app.parts.build()
        app.screened = screened
        with app.hold_trait_notifications():
            app.overview.show_window(screened.view.as_of, screened.years)
            app.recorder.show(review, reset=True)
            app.recorder.show_remembered(memory)
            app.findings.person_filter = ""
            app.findings.selected_key = ""
            app.judgment.conflict = ""
            app.export.link = ""
            app.export.new_tab.clear()
        app.parts.show_network(screened)
        app.parts.reveal()  # revealed (the first time) once they hold this proposal

    def _withdraw(self) -> None:
        """Nothing of the proposal shown before stays on the page (a pick that failed)."""
        app = self.app
        app.screened = None
        app.review = None
        with app.hold_trait_notifications():
            app.overview.view = None
            app.findings.view = None
            app.findings.dispositions = {}
            app.findings.selected_key = ""
        app.parts.withdraw()
