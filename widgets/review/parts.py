"""The review parts of the page: evidence, network, scope, judgment and export.

They matter only once a proposal is open, so the page makes them later than
its first view: :class:`ReviewParts` builds and wires them once, may place
them ahead of use out of sight (so the browser has their models, and the
network explorer its plotly bundle, before the first proposal is opened), and
reveals them with the first proposal. The network explorer is made with the
first graph and linked to the findings through its ``selected_person`` trait.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.review.decisions import Decisions
from widgets.review.evidence import EvidencePanel
from widgets.review.export import ExportPanel
from widgets.review.judgment import JudgmentForm
from widgets.review.overview import ScopeTable
from widgets.review.state import AppState

if TYPE_CHECKING:
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


def _warm_network() -> None:
    """Import the network explorer's plotly machinery (seconds, the first time) ahead of use."""
    if _network_class() is None:
        return
    from widgets.network.explorer import warm_up

    try:
        warm_up()
    except Exception:  # only a speed-up: the explorer reports its own errors when made
        log.warning("warming up the network explorer failed", exc_info=True)


class ReviewParts(Decisions):
    """Makes, places and reveals the review parts (a layer of :class:`~widgets.review.app.App`)."""

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

    def _withdraw_proposal(self) -> None:
        """Nothing of the proposal shown before stays on the page (a pick that failed).

        The overview and findings are emptied; the parts that hold a proposal leave
        the page until the next one is shown.
        """
        self.screened = None
        self.review = None
        with self.hold_trait_notifications():
            self.overview.view = None
            self.findings.view = None
            self.findings.dispositions = {}
            self.findings.selected_key = ""
            if self._parts_built:
                self.scope.view = None
                self.evidence.view = None
        with self._parts_lock:
            self._review_parts = False
            self.panes.children = [self.findings]
            self.main.children = [self.panes]

    def _place_review_parts(self) -> None:
        self.panes.children = [self.findings, self.evidence]
        self.main.children = [
            self.panes,
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
                from widgets.network.explorer import sample_graph

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
