"""The review parts of the page: evidence, remembered verdicts, network, scope, judgment, export.

They matter only once a proposal is open, so the page makes them later than
its first view: :class:`ReviewParts`, owned by the review ``App``, builds them once, may place
them ahead of use out of sight (so the browser has their models, and the
network explorer its plotly bundle, before the first proposal is opened), and
reveals them with the first proposal. The network explorer is made with the
first graph and linked to the findings through its ``selected_person`` trait.
Whoever handles what the parts ask for registers with :meth:`ReviewParts.when_built`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.review.state import AppState

if TYPE_CHECKING:  # imported when the parts are made, off the page's first view
    from widgets.review.app import App
    from widgets.review.evidence import EvidencePanel
    from widgets.review.export import ExportPanel
    from widgets.review.judgment import JudgmentForm
    from widgets.review.overview import ScopeTable
    from widgets.review.proposal_panes import ProposalPanes
    from widgets.review.remembered import RememberedPanel
    from workbench.session.workspace import Screened

log = logging.getLogger("widgets")


def _network_class() -> type | None:
    try:
        from widgets.network.explorer import NetworkExplorer
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


def warm_network() -> None:
    """Import the network explorer's plotly machinery (seconds, the first time) ahead of use."""
    if _network_class() is None:
        return
    from widgets.network.explorer import warm_up

    try:
        warm_up()
    except Exception:  # only a speed-up: the explorer reports its own errors when made
        log.warning("warming up the network explorer failed", exc_info=True)


class ReviewParts:
    """Makes, places and reveals the review parts of ``app``; they are its attributes."""

    evidence: EvidencePanel
    scope: ScopeTable
    judgment: JudgmentForm
    export: ExportPanel
    remembered: RememberedPanel
    network_box: w.VBox  # the network section: its heading, then the explorer or a note
    network_heading: w.HTML
    network_note: w.HTML

    def __init__(self, app: App) -> None:
        self.app = app
        self.network: Any = None  # the explorer, made with the first graph
        self._shown = False
        self._built = False
        self._lock = threading.RLock()
        self._hidden: dict[Any, dict[str, Any]] = {}  # part -> its layout before it was hidden
        self._when_built: list[Callable[[ReviewParts], None]] = []
        app.observe(self._labels, names=["language", "state"])

    def when_built(self, callback: Callable[[ReviewParts], None]) -> None:
        """Call ``callback(parts)`` once the parts are made (to observe their requests)."""
        self._when_built.append(callback)

    def built(self) -> tuple[Any, ...]:
        """The parts that take input, once made (else none)."""
        if not self._built:
            return ()
        return (self.evidence, self.judgment, self.export, self.remembered)

    @property
    def shown(self) -> bool:
        """Whether the parts are shown (with a proposal)."""
        return self._shown

    def build(self) -> None:
        """Evidence, scope, judgment and export: made and wired once (shown with a proposal).

        The page makes them in the background once it is shown, so that the browser
        has their models before the first proposal is opened.
        """
        with self._lock:
            if self._built:
                return
            from widgets.review.evidence import EvidencePanel
            from widgets.review.export import ExportPanel
            from widgets.review.judgment import JudgmentForm
            from widgets.review.overview import ScopeTable
            from widgets.review.remembered import RememberedPanel

            self.evidence = EvidencePanel()
            self.scope = ScopeTable()
            self.judgment = JudgmentForm()
            self.export = ExportPanel()
            self.remembered = RememberedPanel()
            self.network_heading = w.HTML()
            self.network_note = w.HTML()
            self.network_box = w.VBox([self.network_heading, self.network_note])
            self.network_box.add_class("wb-card")
            for part in (self.evidence, self.scope, self.judgment, self.export, self.remembered):
                t.dlink((self.app, "language"), (part, "language"))
            self.app.proposal_panes.when_built(self._follow_selection)  # once the page is shown
            self._built = True
            self._labels()
            for callback in self._when_built:
                callback(self)
        self.app.refresh_enabled()

    def _follow_selection(self, panes: ProposalPanes) -> None:
        """The evidence shows the finding selected in the findings table."""
        t.dlink((panes.findings, "selected_key"), (self.evidence, "key"))

    def reveal(self) -> None:
        """Show evidence, network, scope, judgment and export (with the first proposal)."""
        self.build()
        with self._lock:
            if self._shown:
                return
            self._shown = True
            self._place()
            for part, before in self._hidden.items():  # their own layout again
                for name, value in before.items():
                    setattr(part.layout, name, value)
            self._hidden.clear()
        self.app.refresh_enabled()

    def withdraw(self) -> None:
        """Empty the parts and take them off the page until the next proposal is shown."""
        app = self.app
        with self._lock:
            if self._built:
                self.scope.view = None
                self.evidence.view = None
                self.remembered.remembered = None
                self.export.link = ""
                self.export.new_tab.clear()
            self._shown = False
            app.panes.children = [app.findings]
            app.main.children = [app.panes]

    def _place(self) -> None:
        self.app.panes.children = [self.app.findings, self.evidence]
        self.app.main.children = [
            self.app.panes,
            self.remembered,
            self.network_box,
            self.scope,
            self.judgment,
            self.export,
        ]

    def _labels(self, _change: object = None) -> None:
        if not self._built:
            return
        tr = translator(self.app.language)
        self.network_heading.value = markup.heading_html(tr("section.network"))
        if self.network is None and self.app.state is AppState.READY:
            self.network_note.value = (
                f"<p class='wb-muted'>{markup.esc(tr('status.no_network'))}</p>"
            )

    def show_network(self, screened: Screened) -> None:
        """Show the proposal's graph in the explorer (made with the first graph, if not before)."""
        if screened.graph is None:
            return
        with self._lock:
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
        self.network = explorer(graph, language=self.app.language, arrays=arrays)
        t.dlink((self.app, "language"), (self.network, "language"))
        t.dlink(
            (self.network, "selected_person"),
            (self.app.findings, "person_filter"),
            transform=self._person_of_node,
        )
        return True

    def prepare(self) -> None:
        """Make the review parts and an empty explorer ahead of the first proposal.

        Only models are made (nothing is shown yet): the browser loads the plotly
        bundle and creates their models while the reviewer reads the list, instead
        of when the first proposal is opened.
        """
        self.build()
        with self._lock:
            if self._shown:  # a proposal is shown already
                return
            if self.network is None and _network_class() is not None:
                from widgets.network.explorer import sample_graph

                self._make_network(sample_graph())
            if self.network is not None:
                self.network_box.children = [self.network_heading, self.network]
            # In place but out of sight: the browser makes their views (and draws the
            # empty figure) now; the first proposal only reveals them.
            for part in (
                self.evidence,
                self.remembered,
                self.scope,
                self.judgment,
                self.export,
                self.network_box,
            ):
                self._hidden[part] = {name: getattr(part.layout, name) for name in _HIDDEN}
                for name, value in _HIDDEN.items():
                    setattr(part.layout, name, value)
            self._place()

    def _person_of_node(self, node: str) -> str:
        """A node id as the findings filter reads it: a person id, or a co-author's name."""
        screened = self.app.screened
        graph = screened.graph if screened else None
        if not node or graph is None:
            return ""
        for person_id, team_node in graph.team.items():
            if team_node == node:
                return str(person_id)
        if node in graph.coauthors.nodes:
            return str(graph.coauthors.nodes[node].get("label") or node)
        return node
