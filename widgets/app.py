"""The reviewer dashboard: small widgets wired together through their traits.

:func:`build_app` reads the settings and returns an :class:`App`. The App
owns no markup and no domain logic: it links each widget's output trait to
the next widget's input (``traitlets.link``/``dlink`` or an observer), talks to
the domain package only through :class:`~widgets.workspace.Workspace`, and
drives what is enabled from one :class:`AppState`. Screening runs in a
background thread with progress in the status area, so the page never looks
frozen; errors are caught here, logged, and shown in plain words.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from workbench.errors import InputError
from workbench.reviewer import resolve_reviewer
from workbench.settings import LANGUAGES, Settings

from . import markup
from .evidence import EvidencePanel
from .export import ExportPanel
from .findings import FindingsTable
from .i18n import translator
from .judgment import JudgmentForm
from .overview import Overview, ScopeTable
from .picker import ProposalPicker
from .ready import PageShown
from .status import StatusBar
from .workspace import Screened, Workspace

if TYPE_CHECKING:  # the store and the graph are imported off the page's critical path
    from workbench.store.state import ReviewState
    from workbench.store.store import Store

log = logging.getLogger("widgets")


class AppState(StrEnum):
    """Where the page stands; it alone decides which parts take input."""

    EMPTY = "empty"  # no proposal open
    SCREENING = "screening"  # a proposal is being read and screened
    READY = "ready"  # a screened proposal is shown
    SAVING = "saving"  # a decision is being written
    FAILED = "failed"  # the last proposal could not be screened


#: Seconds after which the background work starts even if the browser never said it showed the page.
BACKGROUND_FALLBACK_S = 8.0

#: Which parts take input in each state.
ENABLED: dict[AppState, frozenset[str]] = {
    AppState.EMPTY: frozenset({"picker"}),
    AppState.SCREENING: frozenset({"picker"}),
    AppState.READY: frozenset({"picker", "review"}),
    AppState.SAVING: frozenset(),
    AppState.FAILED: frozenset({"picker"}),
}


def _network_class() -> type | None:
    try:
        from .network import NetworkExplorer
    except ImportError:  # the page works without the network view, and says so
        log.exception("the network explorer cannot be imported")
        return None
    return NetworkExplorer


#: Layout of a part placed on the page ahead of use: laid out at full width (a figure
#: measures its width), but of no height and unseen.
_HIDDEN = {
    "height": "0px",
    "min_height": "0px",
    "overflow": "hidden",
    "visibility": "hidden",
    "padding": "0px",
    "margin": "0px",
    "border": "0px",
}


def _warm_network() -> None:
    """Import the network explorer's plotly machinery (seconds, the first time) ahead of use."""
    if _network_class() is None:
        return
    from .network import warm_up

    try:
        warm_up()
    except Exception:  # only a speed-up: the explorer reports its own errors when made
        log.warning("warming up the network explorer failed", exc_info=True)


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
        self.main = w.VBox(
            [self.overview, self.findings], layout=w.Layout(flex="1 1 auto", min_width="0")
        )
        body = w.HBox([self.picker, self.main], layout=w.Layout(align_items="flex-start"))
        self.page_shown = PageShown()
        super().__init__(
            children=[self.style_html, header, self.status, body, self.page_shown],
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

    def _start_background(self, _change: object = None) -> None:
        with self._gen_lock:
            if self.prefetcher is not None:
                return
            self.prefetcher = threading.Thread(
                target=self._warm_up, name="workbench-prefetch", daemon=True
            )
        self._fallback.cancel()
        self.prefetcher.start()

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

    def _build_review_parts(self) -> None:
        """Evidence, scope, judgment and export: made and wired once (shown with a proposal).

        The page makes them in the background once it is shown, so that the browser
        has their models before the first proposal is opened.
        """
        with self._parts_lock:
            if self._parts_built:
                return
            self.evidence = EvidencePanel()
            self.scope = ScopeTable()
            self.judgment = JudgmentForm()
            self.export = ExportPanel()
            for part in (self.evidence, self.scope, self.judgment, self.export):
                t.dlink((self, "language"), (part, "language"))
            t.dlink((self.findings, "selected_key"), (self.evidence, "key"))
            self.evidence.observe(self._on_dispose, names="request")
            self.judgment.observe(self._on_judge, names="request")
            self.export.observe(self._on_export, names="request")
            self._parts_built = True
        self._apply_state()

    def _make_review_parts(self) -> None:
        """Show evidence, network, scope, judgment and export (with the first proposal)."""
        self._build_review_parts()
        with self._parts_lock:
            if self._review_parts:
                return
            self._review_parts = True
            self._place_review_parts()
            for part, before in self._hidden.items():  # their own layout again
                for name, value in before.items():
                    setattr(part.layout, name, value)
            self._hidden.clear()
        self._apply_state()

    def _place_review_parts(self) -> None:
        self.main.children = [
            self.overview,
            self.findings,
            self.evidence,
            self.network_box,
            self.scope,
            self.judgment,
            self.export,
        ]

    def _labels(self, _change: object = None) -> None:
        tr = translator(self.language)
        self.title.value = markup.title_html(tr("app.title"), tr("app.subtitle"))
        self.reviewer_box.description = tr("app.reviewer")
        self.reviewer_box.placeholder = tr("app.reviewer_placeholder")
        self.network_heading.value = markup.heading_html(tr("section.network"))
        if self.network is None and self.state is AppState.READY:
            self.network_note.value = (
                f"<p class='wb-muted'>{markup.esc(tr('status.no_network'))}</p>"
            )
        if self.review is not None and self._review_parts:
            self.judgment.record = self._record(self.review, reset=False)

    def _apply_state(self, _change: object = None) -> None:
        enabled = ENABLED[self.state]
        review = "review" in enabled
        self.picker.select.disabled = "picker" not in enabled
        parts: list[Any] = [self.overview, self.findings]
        if self._parts_built:
            parts += [self.evidence, self.judgment, self.export]
        for part in parts:
            part.enabled = review

    def _identify(self) -> None:
        """Take the reviewer from JupyterHub or the settings when either names one."""
        try:
            who = resolve_reviewer(configured=self.settings.reviewer)
        except InputError:
            return
        self.reviewer = who.name
        self.reviewer_box.value = who.name
        self.reviewer_box.disabled = True

    def _on_reviewer(self, change: Mapping[str, Any]) -> None:
        self.reviewer = str(change["new"])

    # ---- proposals and screening -------------------------------------------------------

    def _list_proposals(self) -> None:
        """The proposals of the folder, at once; their review status follows from the store."""
        try:
            self.picker.entries = self.workspace.proposals(statuses=False)
            self.status.say("status.ready", "info")
        except Exception as exc:  # the page stays usable; the reason is shown and logged
            self.status.fail(self._what("section.picker"), exc)

    def _show_statuses(self) -> None:
        statuses = self.workspace.statuses()
        entries = [dict(e) for e in self.picker.entries]
        for e in entries:
            e["status"] = statuses.get(str(e.get("proposal_id")), "not-reviewed")
        self.picker.entries = entries

    def _warm_up(self) -> None:
        """Open the store (statuses), make the review parts, build the matcher, screen ahead.

        In the order a first proposal needs them: the lists (a screening read back
        from the disk cache needs nothing more), plotly and the parts' models, the
        matcher (a screening made afresh needs it), then the proposals ahead.
        """
        spent: dict[str, float] = {}
        clock = time.perf_counter()

        def step(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            spent[name] = now - clock
            clock = now

        try:
            self._show_statuses()
            step("statuses")
            if self._prefetch:
                self.workspace.lists()
                step("lists")
            _warm_network()
            step("plotly")
            if self._idle.is_set():  # else the proposal being opened makes them, with its data
                self._prepare_parts()
            step("parts")
            if not self._prefetch:
                return
            self._idle.wait()  # a screening read back from disk needs no matcher: let it run
            self.workspace.matcher()
            step("matcher")
            log.info("page warmed up (%s)", ", ".join(f"{k} {v:.2f} s" for k, v in spent.items()))
            ids = [str(e["id"]) for e in self.picker.entries if not e.get("error")]
            ids = self.workspace.largest_first(ids)
            self.workspace.prefetch(ids, self._stop, self._idle, self._prepared)
        except Exception as exc:  # shown in the status area and logged
            self.status.fail(self._what("section.picker"), exc)

    def _prepared(self, n: int) -> None:
        self.picker.prepared = n

    def _on_pick(self, change: Mapping[str, Any]) -> None:
        if change["new"] and change["new"] != self.proposal:
            self.open_proposal(str(change["new"]))

    def _on_window(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or not self.proposal:
            return
        as_of = date.fromisoformat(req["as_of"]) if req.get("as_of") else None
        self.open_proposal(self.proposal, as_of=as_of, years=int(req.get("years") or 2))

    def open_proposal(
        self, folder_id: str, as_of: date | None = None, years: int | None = None
    ) -> None:
        """Screen and show the proposal of ``folder_id`` (in the background when enabled)."""
        picked = time.perf_counter()
        with self._gen_lock:
            self._generation += 1
            generation = self._generation
        self.workspace.wanted = folder_id  # the background screening gives way to this one
        with self.hold_trait_notifications():
            self.proposal = folder_id
            self.state = AppState.SCREENING
            if self.picker.proposal_id != folder_id:
                self.picker.proposal_id = folder_id
        self.status.say("progress.loading", "busy", 0.02)
        self._idle.clear()
        job = lambda: self._screen(folder_id, as_of, years, generation, picked)  # noqa: E731
        if self._executor is None:
            job()
        else:
            self._future = self._executor.submit(job)

    def wait(self, timeout: float = 60.0) -> None:
        """Wait for the background screening to finish (tests and benchmarks)."""
        if self._future is not None:
            self._future.result(timeout=timeout)

    def _progress(self, generation: int) -> Callable[[str, float], None]:
        def report(step: str, fraction: float) -> None:
            if generation == self._generation:
                self.status.say(step, "busy", fraction)

        return report

    def _screen(
        self,
        folder_id: str,
        as_of: date | None,
        years: int | None,
        generation: int,
        picked: float,
    ) -> None:
        try:
            self._screen_and_show(folder_id, as_of, years, generation, picked)
        finally:
            if generation == self._generation:
                self._idle.set()

    def _screen_and_show(
        self,
        folder_id: str,
        as_of: date | None,
        years: int | None,
        generation: int,
        picked: float,
    ) -> None:
        try:
            screened = self.workspace.screen(folder_id, as_of, years, self._progress(generation))
            steps = self.workspace.last_timings()
            review = self.workspace.state(screened.proposal.proposal_id)
        except Exception as exc:
            if generation == self._generation:
                self.status.fail(self._what("section.findings"), exc)
                self.state = AppState.FAILED
            return
        if generation != self._generation:
            return  # another proposal was picked meanwhile
        self._progress(generation)("progress.showing", 0.85)
        ready = time.perf_counter()
        try:
            self._show(screened, review)
        except Exception as exc:
            self.status.fail(self._what("section.findings"), exc)
            self.state = AppState.FAILED
            return
        done = time.perf_counter()
        self.timings = {
            **steps,
            "wait": ready - picked - sum(steps.values()),
            "show": done - ready,
            "total": done - picked,
        }
        log.info(
            "%s shown in %.2f s (%s)",
            folder_id,
            done - picked,
            ", ".join(f"{k} {v:.3f}" for k, v in self.timings.items()),
        )
        self.status.say(
            "status.loaded",
            "ok",
            1.0,
            pid=screened.proposal.proposal_id,
            n=len(screened.view.findings),
            seconds=done - picked,
        )
        self.state = AppState.READY

    def _show(self, screened: Screened, review: ReviewState) -> None:
        self._build_review_parts()
        self.screened = screened
        self.review = review
        view = self.workspace.view_with_decisions(screened, review)
        with self.hold_trait_notifications():
            self.overview.show_window(screened.view.as_of, screened.years)
            for part in (self.overview, self.scope, self.findings, self.evidence):
                part.view = view
            self.findings.dispositions = self._dispositions(review)
            self.findings.person_filter = ""
            self.findings.selected_key = ""
            self.judgment.conflict = ""
            self.judgment.record = self._record(review, reset=True)
            self.export.link = ""
        self._network_show(screened)
        self._make_review_parts()  # revealed (the first time) once they hold this proposal

    def _network_show(self, screened: Screened) -> None:
        """Show the proposal's graph in the explorer (made with the first graph, if not before)."""
        if screened.graph is None:
            return
        with self._parts_lock:
            made = self.network is not None
            if not made and not self._make_network(screened.graph, screened.network):
                self._labels()
                return
        if made:
            self.network.show(screened.graph, screened.network)
        self.network_box.children = [self.network_heading, self.network]

    def _make_network(self, graph: Any, arrays: Any = None) -> bool:
        """Make the explorer and link it to the findings; False when it cannot be imported."""
        explorer = _network_class()
        if explorer is None:
            return False
        self.network = explorer(graph, language=self.language, arrays=arrays)
        t.dlink((self, "language"), (self.network, "language"))
        t.dlink(
            (self.network, "selected_person"),
            (self.findings, "person_filter"),
            transform=self._person_of_node,
        )
        return True

    def _prepare_parts(self) -> None:
        """Make the review parts and an empty explorer ahead of the first proposal.

        Only models are made (nothing is shown yet): the browser loads the plotly
        bundle and creates their models while the reviewer reads the list, instead
        of when the first proposal is opened.
        """
        self._build_review_parts()
        with self._parts_lock:
            if self._review_parts:  # a proposal is shown already
                return
            if self.network is None and _network_class() is not None:
                from .network import sample_graph

                self._make_network(sample_graph())
            if self.network is not None:
                self.network_box.children = [self.network_heading, self.network]
            # In place but out of sight: the browser makes their views (and draws the
            # empty figure) now; the first proposal only reveals them.
            for part in (self.evidence, self.scope, self.judgment, self.export, self.network_box):
                self._hidden[part] = {name: getattr(part.layout, name) for name in _HIDDEN}
                for name, value in _HIDDEN.items():
                    setattr(part.layout, name, value)
            self._place_review_parts()

    def _person_of_node(self, node: str) -> str:
        """A node id as the findings filter reads it: a person id, or a co-author's name."""
        graph = self.screened.graph if self.screened else None
        if not node or graph is None:
            return ""
        for person_id, team_node in graph.team.items():
            if team_node == node:
                return str(person_id)
        if node in graph.coauthors.nodes:
            return str(graph.coauthors.nodes[node].get("label") or node)
        return node

    # ---- decisions ---------------------------------------------------------------------

    def _dispositions(self, review: ReviewState) -> dict[str, str]:
        return {k: str(d.disposition) for k, d in review.dispositions.items()}

    def _record(self, review: ReviewState, *, reset: bool) -> dict[str, Any]:
        j = review.judgment
        history = []
        for e in reversed(review.history):
            why = e.reason or str(e.payload.get("rationale") or e.payload.get("notes") or "")
            history.append(
                {"when": e.when(), "who": e.reviewer, "what": e.describe(self.language), "why": why}
            )
        return {
            "proposal_id": review.proposal_id,
            "seq": review.seq,
            "reset": reset,
            "outcome": str(j.outcome) if j else "",
            "notes": j.notes if j else "",
            "who": j.reviewer if j else "",
            "when": j.decided_at.strftime("%Y-%m-%d %H:%M UTC") if j else "",
            "measures": [
                {
                    "id": m.id,
                    "kind": str(m.kind),
                    "text": m.text,
                    "persons": list(m.persons),
                    "due": m.due.isoformat() if m.due else "",
                    "status": str(m.status),
                }
                for m in review.measures
            ],
            "history": history,
        }

    def _on_select(self, change: Mapping[str, Any]) -> None:
        key = str(change["new"] or "")
        decision = self.review.dispositions.get(key) if (self.review and key) else None
        self.evidence.current = (
            {
                "status": str(decision.disposition),
                "rationale": decision.rationale,
                "who": decision.reviewer,
                "when": decision.decided_at.strftime("%Y-%m-%d %H:%M UTC"),
            }
            if decision
            else {}
        )
        if self.network is not None:
            self.network.highlight_link = self._link_of(key)

    def _link_of(self, key: str) -> tuple[str, ...]:
        """The network link a finding rests on: (team member, co-author) node ids, or ()."""
        from workbench.graph import name_key

        graph = self.screened.graph if self.screened else None
        row = self.screened.view.finding(key) if (self.screened and key) else None
        if graph is None or row is None:
            return ()
        me = graph.team.get(row.subject)
        if me is None or me not in graph.coauthors:
            return ()
        wanted = {(e.work_id, name_key(e.coauthor)) for e in row.evidence if e.coauthor}
        for other in graph.coauthors.neighbors(me):
            for c in graph.contributions.get(other, ()):
                if (c.work_id, name_key(c.author_name)) in wanted:
                    return (me, other)
        return ()

    def _who(self) -> str | None:
        try:
            return resolve_reviewer(self.reviewer, configured=self.settings.reviewer).name
        except InputError:
            self.status.say("judgment.need_reviewer", "error")
            return None

    def _write(self, what: str, action: Callable[[str, int], ReviewState]) -> bool:
        """Run one store write with the state machine and the error handling around it."""
        if self.screened is None or self.review is None:
            return False
        who = self._who()
        if who is None:
            return False
        from workbench.store.conflicts import StaleWriteError

        self.state = AppState.SAVING
        try:
            review = action(who, self.review.seq)
        except StaleWriteError as exc:
            log.info("stale write refused: %s", exc)
            latest = self.workspace.state(self.screened.proposal.proposal_id)
            self._take(latest, reset=False)
            message = exc.message(self.language)
            self.judgment.conflict = message
            self.status.show(message.splitlines()[0], "error")
            self.state = AppState.READY
            return False
        except InputError as exc:
            self.status.fail(what, exc)
            self.state = AppState.READY
            return False
        except Exception as exc:
            self.status.fail(what, exc)
            self.state = AppState.READY
            return False
        self._take(review, reset=True)
        self.judgment.conflict = ""
        self.state = AppState.READY
        return True

    def _take(self, review: ReviewState, *, reset: bool) -> None:
        """Show a new store state everywhere it matters."""
        assert self.screened is not None
        self.review = review
        view = self.workspace.view_with_decisions(self.screened, review)
        with self.hold_trait_notifications():
            for part in (self.overview, self.scope, self.findings, self.evidence):
                part.view = view
            self.findings.dispositions = self._dispositions(review)
            self.judgment.record = self._record(review, reset=reset)
        key = self.findings.selected_key
        self._on_select({"new": key})
        entries = [dict(e) for e in self.picker.entries]
        for e in entries:
            if e.get("proposal_id") == review.proposal_id:
                e["status"] = str(review.status)
        self.picker.entries = entries

    def _on_dispose(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or self.screened is None:
            return
        tr = translator(self.language)
        if req["disposition"] == "dismissed" and not req["rationale"]:
            self.status.say("disposition.need_rationale", "error")
            return
        screened = self.screened
        ok = self._write(
            tr("section.evidence"),
            lambda who, seq: self.workspace.dispose(
                screened,
                req["key"],
                req["disposition"],
                req["rationale"],
                bool(req["remember"]),
                reviewer=who,
                expected_seq=seq,
            ),
        )
        if ok:
            self.status.say("disposition.saved", "ok")

    def _on_judge(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or self.screened is None:
            return
        tr = translator(self.language)
        if not req.get("outcome"):
            self.status.say("judgment.need_outcome", "error")
            return
        screened = self.screened
        ok = self._write(
            tr("section.judgment"),
            lambda who, seq: self.workspace.judge(
                screened,
                req["outcome"],
                req["notes"],
                req["measures"],
                reviewer=who,
                expected_seq=seq,
            ),
        )
        if ok:
            self.status.say("judgment.saved", "ok")

    def _on_export(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or self.screened is None or self.review is None:
            return
        tr = translator(self.language)
        screened = self.screened
        pid = screened.proposal.proposal_id
        try:
            if req["format"] == "xlsx":
                if not self.review.started:
                    who = self._who()
                    if who is None:
                        return
                    self._take(
                        self.workspace.ensure_started(screened, who, self.review.seq), reset=False
                    )
                payload = self.workspace.export_xlsx(screened)
                name = f"{pid}-review.xlsx"
                mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            else:
                view = self.workspace.view_with_decisions(screened, self.review)
                record = self._record(self.review, reset=False)
                dispositions = {
                    k: {"status": str(d.disposition), "rationale": d.rationale}
                    for k, d in self.review.dispositions.items()
                }
                judgment = {
                    "outcome": record["outcome"],
                    "notes": record["notes"],
                    "reviewer": record["who"],
                    "measures": record["measures"],
                }
                page = markup.printable_html(
                    view, dispositions, judgment, record["history"], self.language, tr
                )
                payload = page.encode("utf-8")
                name = f"{pid}-review.html"
                mime = "text/html"
        except Exception as exc:
            self.status.fail(tr("section.export"), exc)
            return
        self.last_export = payload
        self.export.link = markup.download_link(
            tr("export.ready", name=name), name, mime, base64.b64encode(payload).decode("ascii")
        )

    def _what(self, key: str) -> str:
        return translator(self.language)(key)

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
