"""The pick → screen → show pipeline of the review page, and the work done ahead of it.

:class:`ScreeningFlow`, a controller owned by the review ``App``, lists the
proposals, screens the one picked in a background thread (progress in the
status area; a pick made meanwhile wins), and shows it in every part. Once
the browser shows the page it warms up in the background: statuses from the
store, the lists, plotly and the review parts' models, the matcher, then the
next few proposals in the picker's order screened ahead, each giving way to the
reviewer's. A kernel Voila preheats warms up at once, before any browser
connects, but shows nothing more until its page is shown: every widget it placed
in the page, and the network figure with plotly.js, would be made with the page's
first view, which would take longer to appear than an unheated page's.
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
from widgets.review.parts import warm_network
from widgets.review.requests import ChangeWindow
from widgets.review.state import AppState
from workbench.session.screened import StepClock
from workbench.vocabulary import ReviewStatus
from workbench.window import DEFAULT_YEARS

if TYPE_CHECKING:
    from widgets.review.app import App
    from widgets.review.proposal_panes import ProposalPanes
    from workbench.session.workspace import Screened
    from workbench.store.state import ReviewState

log = logging.getLogger("widgets")


class ScreeningFlow:
    """Lists, screens and shows the proposals of ``app``; warms up in the background."""

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
        self._prefetch = prefetch
        self._thread: threading.Thread | None = None
        #: the reference date and window of the last screening asked for (to screen again)
        self.window: tuple[date | None, int | None] = (None, None)
        self._fallback: threading.Timer | None = None
        self._fallback_s = 0.0
        #: the page is shown (the browser said so, or the fallback came): widgets may be made
        self._shown = False
        #: plotly is imported: the review parts' models may be made once the page is shown
        self._network_warm = False
        app.picker.observe(self._on_pick, names="proposal_id")
        app.proposal_panes.when_built(
            lambda panes: panes.overview.observe(self._on_window, names="request")
        )

    def start(self, fallback_s: float, *, preheated: bool = False) -> None:
        """List the proposals; start the background work once the browser shows the page
        (or after ``fallback_s`` seconds), or read the statuses now without background.

        ``preheated``: no browser shows this page yet (a kernel of Voila's pool): the
        data are warmed up at once and the widgets wait for the page to be shown; the
        fallback counts from :meth:`requested`, when a reviewer's request takes the kernel.
        """
        self._list_proposals()
        if not self._background:
            self.app.proposal_panes.build()
            self.app.side.build()
            self._show_statuses()
            return
        self.app.page_shown.observe(self._page_shown, names="shown")
        self._fallback_s = fallback_s
        if preheated:
            self._start_thread()
        else:
            self.requested()

    def requested(self) -> None:
        """A reviewer's request has the page: the widgets are made once the browser shows
        it, or after the fallback's seconds if it never says so."""
        if self._shown or self._stop.is_set():
            return
        self._fallback = threading.Timer(self._fallback_s, self._page_shown)
        self._fallback.daemon = True
        self._fallback.start()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def idle(self, timeout: float) -> bool:
        """Wait for the background thread to start (when it will) and end."""
        if not self._background:
            return True
        deadline = time.monotonic() + timeout
        while self._thread is None or self._thread.ident is None:  # made, then started
            if time.monotonic() > deadline or self._stop.is_set():
                return False
            time.sleep(0.02)
        self._thread.join(max(0.0, deadline - time.monotonic()))
        return not self._thread.is_alive()

    def stop(self) -> None:
        """Stop the background work and wait for the screening running (if any)."""
        if self._fallback is not None:
            self._fallback.cancel()
        self._stop.set()
        self._idle.set()
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def _start_thread(self) -> None:
        with self._gen_lock:
            if self._thread is not None or self._stop.is_set():
                return
            self._thread = threading.Thread(
                target=self._warm_up, name="workbench-prefetch", daemon=True
            )
        self._thread.start()

    def _page_shown(self, _change: object = None) -> None:
        """Make the page's widgets (after the picker), and warm up if not yet begun."""
        with self._gen_lock:
            if self._shown or self._stop.is_set():
                return
            self._shown = True
            network_warm = self._network_warm
        if self._fallback is not None:
            self._fallback.cancel()
        call_soon(self.app.proposal_panes.build)  # the overview and findings, after the picker
        call_soon(self.app.side.build)  # the hand-in and fetch panels
        if network_warm:  # a preheated kernel's warm-up got there first
            call_soon(self._prepare_parts_while_idle)
        self._start_thread()

    def _network_warmed(self) -> None:
        """plotly is imported: the parts' models are made now; placed (hidden) with an empty
        network figure if the page is shown, else once it is (:meth:`_page_shown`).

        A preheated kernel makes the models of the evidence, scope, judgment and export
        before the browser connects (models the page does not show cost its first view
        little), and the figure, the overview, the findings table and the side panels
        only once the page is shown: a proposal picked the instant the page appears then
        finds most of its parts made."""
        with self._gen_lock:
            self._network_warm = True
            shown = self._shown
        if shown:
            call_soon(self._prepare_parts_while_idle)  # made on the kernel's thread
        else:  # a preheated kernel: the parts' models now, out of the page until it is shown
            call_soon(self.app.parts.build)

    def relist(self) -> None:
        """List the folder's proposals again (one was handed in) with their review statuses."""
        self._list_proposals()
        self._statuses_shown(self.workspace.statuses())

    def _list_proposals(self) -> None:
        """The proposals of the folder, at once; their review status follows from the store."""
        try:
            self.app.picker.entries = self.workspace.proposals(statuses=False)
            self.app.status.say("status.ready", "info")
        except Exception as exc:  # the page stays usable; the reason is shown and logged
            self.app.status.fail(self.app.what("section.picker"), exc)

    def _show_statuses(self) -> None:
        """Read the review statuses from the store and show them in the picker."""
        statuses = self.workspace.statuses()
        call_soon(self._statuses_shown, statuses)
        self._verify()

    def _verify(self) -> None:
        """Check the store's tamper evidence; a break shows as a banner on the overview."""
        report = self.workspace.decisions.verify()

        def show(panes: ProposalPanes) -> None:
            call_soon(setattr, panes.overview, "store_report", report)

        self.app.proposal_panes.when_built(show)  # the overview is made once the page is shown

    def _statuses_shown(self, statuses: Mapping[str, str]) -> None:
        entries = [dict(e) for e in self.app.picker.entries]
        for e in entries:
            e["status"] = statuses.get(str(e.get("proposal_id")), ReviewStatus.NOT_REVIEWED)
        self.app.picker.entries = entries

    def _warm_up(self) -> None:
        """Open the store (statuses), make the review parts, build the matcher, screen ahead.

        In the order a first proposal needs them: the lists (a screening read back
        from the disk cache needs nothing more), plotly and the parts' models, the
        matcher (a screening made afresh needs it), then the proposals ahead.
        """
        step = StepClock()
        try:
            self._show_statuses()
            step("statuses")
            if self._prefetch:
                self.workspace.lists()
                step("lists")
            warm_network()
            step("plotly")
            self._network_warmed()
            if not self._prefetch:
                return
            self._idle.wait()  # a screening read back from disk needs no matcher: let it run
            self.workspace.prepare_index()  # built once per list version, for every page
            step("matcher")
            spent = ", ".join(f"{k} {v:.2f} s" for k, v in step.spent.items())
            log.info("page warmed up (%s)", spent)
            ids = [str(e["id"]) for e in self.app.picker.entries if not e.get("error")]
            ids = self.workspace.ahead.next_after(ids, self.workspace.wanted)
            self.workspace.ahead.prefetch(ids, self._stop, self._idle, self._prepared)
        except Exception as exc:  # shown in the status area and logged
            call_soon(self.app.status.fail, self.app.what("section.picker"), exc)

    def _prepare_parts_while_idle(self) -> None:
        if self._idle.is_set():  # else the proposal being opened makes them, with its data
            self.app.parts.prepare()

    def _prepared(self, n: int) -> None:
        call_soon(setattr, self.app.picker, "prepared", n)

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
        self._verify()  # after the proposal is on its way: it reads every event

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
