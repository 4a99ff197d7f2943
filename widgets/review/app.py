"""The reviewer dashboard: small widgets wired together through their traits.

:func:`build_app` reads the settings and returns an :class:`App`. The App
owns its parts (title, picker, status; the overview and the findings table made once
the page is shown by :class:`~widgets.review.proposal_panes.ProposalPanes`, the hand-in
and fetch panels by :class:`~widgets.review.side_panels.SidePanels`;
the review parts made later by :class:`~widgets.review.parts.ReviewParts`) and three
small controllers, each wiring its own observers:
:class:`~widgets.review.screening_flow.ScreeningFlow` (pick → screen → show, and
the work done ahead in the background),
:class:`~widgets.review.recording.Recorder` (the reviewer's decisions) and
:class:`~widgets.review.parts.ReviewParts` (evidence, network, scope, judgment,
export). The App talks to the domain only through
:class:`~workbench.session.workspace.Workspace`, owns no markup, and drives what is
enabled from one :class:`AppState`; errors are shown in plain words.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translate, translator
from widgets.common.ready import PageShown
from widgets.common.remembered import Remembered
from widgets.common.status import StatusBar
from widgets.review.parts import ReviewParts
from widgets.review.picker import ProposalPicker
from widgets.review.proposal_panes import ProposalPanes
from widgets.review.recording import Recorder
from widgets.review.screening_flow import ScreeningFlow
from widgets.review.side_panels import SidePanels
from widgets.review.state import ENABLED, AppState
from workbench.errors import InputError
from workbench.reviewer import IdentitySource, resolve_reviewer
from workbench.session.workspace import Screened, Workspace
from workbench.settings import LANGUAGES, Settings

if (
    TYPE_CHECKING
):  # the store, the graph and the later parts are imported off the page's critical path
    from widgets.review.evidence import EvidencePanel
    from widgets.review.export import ExportPanel
    from widgets.review.fetch import FetchPanel
    from widgets.review.findings import FindingsTable
    from widgets.review.judgment import JudgmentForm
    from widgets.review.overview import Overview, ScopeTable
    from widgets.review.upload import UploadPanel
    from workbench.store.state import ReviewState
    from workbench.store.store import Store

__all__ = ["BACKGROUND_FALLBACK_S", "ENABLED", "App", "AppState", "build_app"]

log = logging.getLogger("widgets")

#: Seconds after which the background work starts even if the browser never said it showed the page.
BACKGROUND_FALLBACK_S = 8.0
#: Where the browser keeps the name the reviewer entered.
REVIEWER_KEY = "workbench.reviewer"


class App(w.VBox):
    """The review page. Parts are attributes (``picker``, ``findings``, ...) for tests."""

    language = t.Enum(list(LANGUAGES), default_value=LANGUAGES[0])
    state = t.UseEnum(AppState, default_value=AppState.EMPTY)
    proposal = t.Unicode("")  # folder id of the open proposal
    reviewer = t.Unicode("")

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
        self.screened: Screened | None = None
        self.review: ReviewState | None = None
        #: seconds per step of the last proposal shown (the workspace's steps, then
        #: "wait" for anything before them, "show" and "total" since the pick)
        self.timings: dict[str, float] = {}
        #: the bytes of the last export (tests)
        self.last_export = b""

        self.style_html = w.HTML(markup.STYLE)
        self.title = w.HTML()
        self.reviewer_box = w.Text(layout=w.Layout(width="14rem"))
        self.signed_in: w.HTML | None = None  # the hub's user name, shown in place of the box
        self.who_box = w.Box([self.reviewer_box])
        self.language_toggle = w.ToggleButtons(
            options=[("日本語", "ja"), ("English", "en")],
            style={"button_width": "5.5rem"},
        )
        self.status = StatusBar()
        self.picker = ProposalPicker(layout=w.Layout(width="24rem", flex="0 0 24rem"))
        header = w.HBox(
            [self.title, self.who_box, self.language_toggle],
            layout=w.Layout(justify_content="space-between", align_items="center"),
        )
        header.add_class("wb-header")
        # the picker beside the proposal's overview; below, at full width, the findings
        # beside the evidence of the one selected, then the network, scope and judgment
        left = w.VBox([self.picker], layout=w.Layout(flex="0 0 24rem"))
        beside = w.VBox()
        #: the hand-in panel (under the picker) and the fetch panel (under the overview),
        #: made once the page is shown
        self.side = SidePanels(self, left, beside)
        top = w.HBox([left, beside], layout=w.Layout(align_items="flex-start"))
        top.add_class("wb-top")
        self.panes = w.HBox()
        self.panes.add_class("wb-panes")
        #: the overview (beside the picker) and the findings (in the two panes), made once
        #: the page is shown
        self.proposal_panes = ProposalPanes(self, beside, self.panes)
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
        #: the parts shown with a proposal (evidence, network, scope, judgment, export)
        self.parts = ReviewParts(self)
        #: records the reviewer's decisions
        self.recorder = Recorder(self)
        #: pick → screen → show, and the work done ahead in the background
        self.screening = ScreeningFlow(
            self, background=background, prefetch=background if prefetch is None else prefetch
        )
        t.link((self.language_toggle, "value"), (self, "language"))
        for part in (self.status, self.picker):
            t.dlink((self, "language"), (part, "language"))
        self.observe(self._labels, names="language")
        self.observe(self.refresh_enabled, names="state")
        self.reviewer_box.observe(self._on_reviewer, names="value")
        self.remembered_reviewer.observe(self._on_remembered, names="value")
        with self.hold_trait_notifications():
            self.language = settings.language
            self._identify()
        self._labels()
        self.refresh_enabled()
        # a kernel Voila preheats (its pool) has no page on screen to wait for: it warms up
        # at once, and the reviewer who takes it finds the page's imports and data ready
        preheated = os.environ.get("VOILA_PREHEAT") == "True"
        self.screening.start(BACKGROUND_FALLBACK_S, preheated=preheated)

    # ---- the parts made once the page is shown or with the first proposal -------------

    @property
    def overview(self) -> Overview:
        """The proposal's overview (made once the page is shown, or now)."""
        return self.proposal_panes.overview

    @property
    def findings(self) -> FindingsTable:
        """The findings table (made once the page is shown, or now)."""
        return self.proposal_panes.findings

    @property
    def upload(self) -> UploadPanel:
        """The hand-in panel (made once the page is shown, or now)."""
        return self.side.upload

    @property
    def fetch(self) -> FetchPanel:
        """The fetch panel (made once the page is shown, or now)."""
        return self.side.fetch

    @property
    def evidence(self) -> EvidencePanel:
        return self.parts.evidence

    @property
    def scope(self) -> ScopeTable:
        return self.parts.scope

    @property
    def judgment(self) -> JudgmentForm:
        return self.parts.judgment

    @property
    def export(self) -> ExportPanel:
        return self.parts.export

    @property
    def network(self) -> Any:
        """The network explorer (made with the first graph), or None."""
        return self.parts.network

    @property
    def network_box(self) -> w.VBox:
        return self.parts.network_box

    # ---- what the page does --------------------------------------------------------------

    def open_proposal(self, folder_id: str, **window: Any) -> None:
        """Screen and show the proposal of ``folder_id`` (``as_of``, ``years`` optional)."""
        self.screening.open_proposal(folder_id, **window)

    def wait(self, timeout: float = 60.0) -> None:
        """Wait for the screening of the proposal picked last to finish."""
        self.screening.wait(timeout)

    def idle(self, timeout: float = 120.0) -> bool:
        """Wait for the work done in the background (statuses, warm-up, screening ahead).

        True once it has ended; False on timeout. Returns at once without background work.
        """
        return self.screening.idle(timeout)

    @property
    def background_started(self) -> bool:
        """Whether the background work has started (once the browser shows the page)."""
        return self.screening.started

    def refresh_enabled(self, _change: object = None) -> None:
        """Let the parts take input as the page's state allows."""
        enabled = ENABLED[self.state]
        review = "review" in enabled
        self.picker.select.disabled = "picker" not in enabled
        for part in (*self.proposal_panes.parts(), *self.parts.built()):
            part.enabled = review

    def what(self, key: str) -> str:
        """The label of ``key`` in the page's language."""
        return translator(self.language)(key)

    def _labels(self, _change: object = None) -> None:
        tr = translator(self.language)
        self.title.value = markup.title_html(tr("app.title"), tr("app.subtitle"))
        self.reviewer_box.description = tr("app.reviewer")
        self.reviewer_box.placeholder = tr("app.reviewer_placeholder")
        if self.signed_in is not None:
            self.signed_in.value = (
                f"{markup.esc(tr('app.reviewer'))} <b>{markup.esc(self.reviewer)}</b>"
            )

    def _identify(self) -> None:
        """Take the reviewer from JupyterHub or the settings when either names one."""
        try:
            who = resolve_reviewer(configured=self.settings.reviewer)
        except InputError:
            return
        self.reviewer = who.name
        self.reviewer_box.disabled = True  # first: a given identity is not kept in the browser
        self.reviewer_box.value = who.name
        if who.source is IdentitySource.JUPYTERHUB:  # signed in: a name, not a field
            self.signed_in = w.HTML()
            self.signed_in.add_class("wb-signed-in")
            self.who_box.children = [self.signed_in]

    def _on_reviewer(self, change: Mapping[str, Any]) -> None:
        self.reviewer = str(change["new"])
        if not self.reviewer_box.disabled:  # entered, not given by JupyterHub or the settings
            self.remembered_reviewer.value = self.reviewer

    def _on_remembered(self, change: Mapping[str, Any]) -> None:
        """The name the browser kept from an earlier visit, unless one is given or entered."""
        if not self.reviewer_box.disabled and not self.reviewer_box.value:
            self.reviewer_box.value = str(change["new"])

    def stop(self) -> None:
        """Stop the background work (the store stays open)."""
        self.screening.stop()

    def close_all(self) -> None:
        """Stop the background work and close the store (tests)."""
        self.stop()
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
        + " / ".join(translate("review.error.settings", lang) for lang in LANGUAGES)
        + f"<ul>{items}</ul></div></div>"
    )
