"""The review page's work done ahead, in the background, and when it begins.

:class:`WarmUp`, owned by the page's :class:`~widgets.review.screening_flow.ScreeningFlow`,
begins once the browser shows the page (or after a fallback's seconds if it never
says so): it makes the overview, the findings table and the side panels, then, in a
background thread, reads the statuses from the store, the lists, plotly and the
review parts' models, the matcher, and screens the next few proposals in the
picker's order, each giving way to the reviewer's screening.

A kernel Voila preheats has no page on screen to wait for: it warms the data up at
once, before any browser connects, and makes the parts' models, but places nothing
in the page until it is shown. Every widget placed, and the network figure with
plotly.js, would be made with the page's first view, which would then take longer
to appear than an unheated page's. Its fallback counts from :meth:`WarmUp.requested`,
when a reviewer's request takes the kernel.

Background threads only compute: what they found reaches the widgets on the
kernel's thread (:func:`~widgets.common.kernel_thread.call_soon`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from widgets.common.kernel_thread import call_soon
from widgets.review.parts import warm_network
from workbench.session.screened import StepClock
from workbench.vocabulary import ReviewStatus

if TYPE_CHECKING:
    from widgets.review.app import App
    from widgets.review.proposal_panes import ProposalPanes

log = logging.getLogger("widgets")


class WarmUp:
    """The work done ahead for ``app``; ``stop`` ends it, and it waits while ``idle`` is
    clear (a screening of the reviewer's runs). ``prefetch``: lists, matcher, proposals
    ahead too (else statuses and plotly only)."""

    def __init__(
        self, app: App, *, stop: threading.Event, idle: threading.Event, prefetch: bool
    ) -> None:
        self.app = app
        self.workspace = app.workspace
        self._stop = stop
        self._idle = idle
        self._prefetch = prefetch
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._fallback: threading.Timer | None = None
        self._fallback_s = 0.0
        #: the page is shown (the browser said so, or the fallback came): widgets may be placed
        self._shown = False
        #: plotly is imported: the review parts' models may be made
        self._network_warm = False

    def start(self, fallback_s: float, *, preheated: bool) -> None:
        """Begin once the page is shown (or ``fallback_s`` seconds after the request);
        a ``preheated`` page warms its data up at once."""
        self.app.page_shown.observe(self._page_shown, names="shown")
        self._fallback_s = fallback_s
        if preheated:
            self._start_thread()
        else:
            self.requested()

    def requested(self) -> None:
        """A reviewer's request has the page: its widgets are made once the browser shows
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
        deadline = time.monotonic() + timeout
        while self._thread is None or self._thread.ident is None:  # made, then started
            if time.monotonic() > deadline or self._stop.is_set():
                return False
            time.sleep(0.02)
        self._thread.join(max(0.0, deadline - time.monotonic()))
        return not self._thread.is_alive()

    def cancel(self) -> None:
        """No fallback any more (the page stops)."""
        if self._fallback is not None:
            self._fallback.cancel()

    def show_statuses(self) -> None:
        """Read the review statuses from the store and show them in the picker."""
        statuses = self.workspace.statuses()
        call_soon(self.statuses_shown, statuses)
        self.verify()

    def statuses_shown(self, statuses: Mapping[str, str]) -> None:
        entries = [dict(e) for e in self.app.picker.entries]
        for e in entries:
            e["status"] = statuses.get(str(e.get("proposal_id")), ReviewStatus.NOT_REVIEWED)
        self.app.picker.entries = entries

    def verify(self) -> None:
        """Check the store's tamper evidence; a break shows as a banner on the overview."""
        report = self.workspace.decisions.verify()

        def show(panes: ProposalPanes) -> None:
            call_soon(setattr, panes.overview, "store_report", report)

        self.app.proposal_panes.when_built(show)  # the overview is made once the page is shown

    def _start_thread(self) -> None:
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                return
            self._thread = threading.Thread(
                target=self._warm_up, name="workbench-prefetch", daemon=True
            )
        self._thread.start()

    def _page_shown(self, _change: object = None) -> None:
        """Make the page's widgets (after the picker), and warm up if not yet begun."""
        with self._lock:
            if self._shown or self._stop.is_set():
                return
            self._shown = True
            network_warm = self._network_warm
        self.cancel()
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
        with self._lock:
            self._network_warm = True
            shown = self._shown
        if shown:
            call_soon(self._prepare_parts_while_idle)  # made on the kernel's thread
        else:  # a preheated kernel: the parts' models now, out of the page until it is shown
            call_soon(self.app.parts.build)

    def _warm_up(self) -> None:
        """Open the store (statuses), make the review parts, build the matcher, screen ahead.

        In the order a first proposal needs them: the lists (a screening read back
        from the disk cache needs nothing more), plotly and the parts' models, the
        matcher (a screening made afresh needs it), then the proposals ahead.
        """
        step = StepClock()
        try:
            self.show_statuses()
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
