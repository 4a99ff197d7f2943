"""The reviewer dashboard: small widgets wired together through their traits.

:func:`build_app` reads the settings and returns an :class:`App`. The App
owns no markup and no domain logic: it links each widget's output trait to
the next widget's input (``traitlets.link``/``dlink`` or an observer), talks to
the domain package only through :class:`~workbench.session.workspace.Workspace`, and
drives what is enabled from one :class:`AppState`. Screening runs in a
background thread with progress in the status area, so the page never looks
frozen; errors are caught here, logged, and shown in plain words.

The page is made in layers, one module each: :mod:`widgets.review.state` (the
traits, the parts and the state enum), :mod:`widgets.review.decisions` (recording
the reviewer's decisions), :mod:`widgets.review.parts` (the parts shown with a
proposal, the network explorer among them) and :mod:`widgets.review.screening_flow`
(pick → screen → show); :class:`App` on top makes the parts and wires them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.ready import PageShown
from widgets.common.remembered import Remembered
from widgets.common.status import StatusBar
from widgets.review.evidence import EvidencePanel
from widgets.review.export import ExportPanel
from widgets.review.findings import FindingsTable
from widgets.review.judgment import JudgmentForm
from widgets.review.overview import Overview, ScopeTable
from widgets.review.picker import ProposalPicker
from widgets.review.screening_flow import ScreeningFlow
from widgets.review.state import ENABLED, AppBase, AppState
from workbench.errors import InputError
from workbench.reviewer import resolve_reviewer
from workbench.session.workspace import Screened, Workspace
from workbench.settings import Settings

if TYPE_CHECKING:  # the store and the graph are imported off the page's critical path
    from workbench.store.state import ReviewState
    from workbench.store.store import Store

__all__ = ["BACKGROUND_FALLBACK_S", "ENABLED", "App", "AppBase", "AppState", "build_app"]

log = logging.getLogger("widgets")

#: Seconds after which the background work starts even if the browser never said it showed the page.
BACKGROUND_FALLBACK_S = 8.0
#: Where the browser keeps the name the reviewer entered.
REVIEWER_KEY = "workbench.reviewer"


class App(ScreeningFlow):
    """The review page. Parts are attributes (``picker``, ``findings``, ...) for tests."""

    def __init__(
        self,
        settings: Settings,
        workspace: Workspace | None = None,
        *,
        background: bool = True,
        prefetch: bool | None = None,
        **kwargs: Any,
    ) -> None:
        self.settings = settings
        self.workspace = workspace or Workspace(settings)
        self._executor = ThreadPoolExecutor(max_workers=1) if background else None
        self._future: Future[Any] | None = None
        self._generation = 0
        self._gen_lock = threading.Lock()
        self._stop = threading.Event()  # ends the prefetching thread
        # set while no screening of the reviewer's is running: the workspace's own signal,
        # which its background work (prefetching, writing the disk cache) waits for
        self._idle = self.workspace.idle
        self._idle.set()
        self._prefetch = background if prefetch is None else prefetch
        self.screened: Screened | None = None
        self.review: ReviewState | None = None
        #: seconds per step of the last proposal shown (the workspace's steps, then
        #: "wait" for anything before them, "show" and "total" since the pick)
        self.timings: dict[str, float] = {}

        self.style_html = w.HTML(markup.STYLE)
        self.title = w.HTML()
        self.reviewer_box = w.Text(layout=w.Layout(width="14rem"))
        self.language_toggle = w.ToggleButtons(
            options=[("日本語", "ja"), ("English", "en")],
            style={"button_width": "5.5rem"},
        )
        self.status = StatusBar()
        self.picker = ProposalPicker(layout=w.Layout(width="24rem", flex="0 0 24rem"))
        self.overview = Overview()
        self.findings = FindingsTable()
        # Parts that only matter once a proposal is open are made then (a lighter first page).
        self.evidence: EvidencePanel
        self.scope: ScopeTable
        self.judgment: JudgmentForm
        self.export: ExportPanel
        self.network: Any = None  # the explorer, made with the first graph
        self.network_box = w.VBox()
        self.network_box.add_class("wb-card")
        self.network_heading = w.HTML()
        self.network_note = w.HTML()
        self.network_box.children = [self.network_heading, self.network_note]
        self._review_parts = False  # shown
        self._parts_built = False
        self._parts_lock = threading.RLock()
        self._hidden: dict[Any, dict[str, Any]] = {}  # part -> its layout before it was hidden

        header = w.HBox(
            [self.title, self.reviewer_box, self.language_toggle],
            layout=w.Layout(justify_content="space-between", align_items="center"),
        )
        header.add_class("wb-header")
        # the picker beside the proposal's overview; below, at full width, the findings
        # beside the evidence of the one selected, then the network, scope and judgment
        top = w.HBox([self.picker, self.overview], layout=w.Layout(align_items="flex-start"))
        top.add_class("wb-top")
        self.panes = w.HBox([self.findings])
        self.panes.add_class("wb-panes")
        self.main = w.VBox([self.panes])
        self.main.add_class("wb-main")
        body = w.VBox([top, self.main])
        body.add_class("wb-body")
        self.page_shown = PageShown()
        #: the name the reviewer entered, kept by the browser across reloads
        self.remembered_reviewer = Remembered(key=REVIEWER_KEY)
        super().__init__(
            children=[
                self.style_html,
                header,
                self.status,
                body,
                self.page_shown,
                self.remembered_reviewer,
            ],
            **kwargs,
        )
        self.add_class("wb-app")
        self._wire()
        with self.hold_trait_notifications():
            self.language = settings.language
            self._identify()
        self._labels()
        self._apply_state()
        self._list_proposals()
        self.prefetcher: threading.Thread | None = None
        if background:
            # start the background work once the browser shows the page, or after a while
            self.page_shown.observe(self._start_background, names="shown")
            self._fallback = threading.Timer(BACKGROUND_FALLBACK_S, self._start_background)
            self._fallback.daemon = True
            self._fallback.start()
        else:
            self._show_statuses()

    # ---- wiring ------------------------------------------------------------------------

    def _wire(self) -> None:
        t.link((self.language_toggle, "value"), (self, "language"))
        for part in (self.status, self.picker, self.overview, self.findings):
            t.dlink((self, "language"), (part, "language"))
        self.observe(self._labels, names="language")
        self.observe(self._apply_state, names="state")
        self.picker.observe(self._on_pick, names="proposal_id")
        self.overview.observe(self._on_window, names="request")
        self.findings.observe(self._on_select, names="selected_key")
        self.reviewer_box.observe(self._on_reviewer, names="value")
        self.remembered_reviewer.observe(self._on_remembered, names="value")

    def _identify(self) -> None:
        """Take the reviewer from JupyterHub or the settings when either names one."""
        try:
            who = resolve_reviewer(configured=self.settings.reviewer)
        except InputError:
            return
        self.reviewer = who.name
        self.reviewer_box.disabled = True  # first: a given identity is not kept in the browser
        self.reviewer_box.value = who.name

    def _on_reviewer(self, change: Mapping[str, Any]) -> None:
        self.reviewer = str(change["new"])
        if not self.reviewer_box.disabled:  # entered, not given by JupyterHub or the settings
            self.remembered_reviewer.value = self.reviewer

    def _on_remembered(self, change: Mapping[str, Any]) -> None:
        """The name the browser kept from an earlier visit, unless one is given or entered."""
        if not self.reviewer_box.disabled and not self.reviewer_box.value:
            self.reviewer_box.value = str(change["new"])

    def close_all(self) -> None:
        """Stop the background work and close the store (tests)."""
        if hasattr(self, "_fallback"):
            self._fallback.cancel()
        self._stop.set()
        self._idle.set()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        self.workspace.db.close()


def build_app(
    settings: Settings | None = None, *, store: Store | None = None, background: bool = True
) -> App | w.HTML:
    """The review page for ``settings`` (default: from the environment).

    Bad settings are shown on the page in plain words rather than as a traceback.
    """
    if settings is None:
        try:
            settings = Settings.from_env()
        except InputError as exc:
            log.warning("bad settings: %s", exc)
            return _settings_error(exc)
    started = time.perf_counter()
    app = App(settings, Workspace(settings, store), background=background)
    log.info("review page built in %.2f s", time.perf_counter() - started)
    return app


def _settings_error(exc: InputError) -> w.HTML:
    items = "".join(f"<li>{markup.esc(p)}</li>" for p in exc.problems)
    return w.HTML(
        markup.STYLE
        + "<div class='wb-app'><div class='wb-status wb-status-error'>"
        + "設定に問題があります / The settings have problems:"
        + f"<ul>{items}</ul></div></div>"
    )
