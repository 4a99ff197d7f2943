"""What the review page holds and where it stands: its traits, its parts and its state enum.

:class:`AppBase` declares what the layers of the page
(:mod:`widgets.review.decisions`, :mod:`widgets.review.parts`,
:mod:`widgets.review.screening_flow`, and :class:`widgets.review.app.App` on top) share:
the page's traits, its parts (made in :class:`~widgets.review.app.App`), and
:meth:`AppBase._apply_state`, which alone decides from :class:`AppState`
which parts take input.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from widgets.common.i18n import translator
from workbench.settings import LANGUAGES, Settings

if TYPE_CHECKING:
    from widgets.common.ready import PageShown
    from widgets.common.status import StatusBar
    from widgets.review.evidence import EvidencePanel
    from widgets.review.export import ExportPanel
    from widgets.review.findings import FindingsTable
    from widgets.review.judgment import JudgmentForm
    from widgets.review.overview import Overview, ScopeTable
    from widgets.review.picker import ProposalPicker
    from workbench.session.workspace import Screened, Workspace
    from workbench.store.state import ReviewState


class AppState(StrEnum):
    """Where the page stands; it alone decides which parts take input."""

    EMPTY = "empty"  # no proposal open
    SCREENING = "screening"  # a proposal is being read and screened
    READY = "ready"  # a screened proposal is shown
    SAVING = "saving"  # a decision is being written
    FAILED = "failed"  # the last proposal could not be screened


#: Which parts take input in each state.
ENABLED: dict[AppState, frozenset[str]] = {
    AppState.EMPTY: frozenset({"picker"}),
    AppState.SCREENING: frozenset({"picker"}),
    AppState.READY: frozenset({"picker", "review"}),
    AppState.SAVING: frozenset(),
    AppState.FAILED: frozenset({"picker"}),
}


class AppBase(w.VBox):
    """The page's traits and parts, shared by its layers; the review ``App`` makes them."""

    language = t.Enum(list(LANGUAGES), default_value=LANGUAGES[0])
    state = t.UseEnum(AppState, default_value=AppState.EMPTY)
    proposal = t.Unicode("")  # folder id of the open proposal
    reviewer = t.Unicode("")

    settings: Settings
    workspace: Workspace
    screened: Screened | None
    review: ReviewState | None
    timings: dict[str, float]

    title: w.HTML
    reviewer_box: w.Text
    status: StatusBar
    picker: ProposalPicker
    overview: Overview
    findings: FindingsTable
    evidence: EvidencePanel
    scope: ScopeTable
    judgment: JudgmentForm
    export: ExportPanel
    network: Any
    network_box: w.VBox
    network_heading: w.HTML
    network_note: w.HTML
    main: w.VBox
    page_shown: PageShown

    _executor: ThreadPoolExecutor | None
    _future: Future[Any] | None
    _generation: int
    _gen_lock: threading.Lock
    _stop: threading.Event
    _idle: threading.Event
    _prefetch: bool
    _fallback: threading.Timer
    prefetcher: threading.Thread | None
    _review_parts: bool
    _parts_built: bool
    _parts_lock: threading.RLock
    _hidden: dict[Any, dict[str, Any]]

    def _apply_state(self, _change: object = None) -> None:
        enabled = ENABLED[self.state]
        review = "review" in enabled
        self.picker.select.disabled = "picker" not in enabled
        parts: list[Any] = [self.overview, self.findings]
        if self._parts_built:
            parts += [self.evidence, self.judgment, self.export]
        for part in parts:
            part.enabled = review

    def _what(self, key: str) -> str:
        return translator(self.language)(key)
