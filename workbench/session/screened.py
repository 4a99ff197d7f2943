"""A proposal screened for the review page, and how one is made afresh.

:class:`Screened` is what the page shows: the domain result and its JSON,
the page's :class:`~workbench.session.view.ReviewView`, the co-authorship graph and
that graph laid out for the network explorer. :func:`screen_afresh` makes one
step by step (load, screen, graph, layout, view), timing each step;
:func:`view_with_decisions` recomputes its suggested outcome from the
reviewer's dispositions.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from workbench.model import Proposal, ScreeningList, Work
from workbench.remembered import Remembering, Suppressed
from workbench.session.view import ReviewView, build_view, outcome_row
from workbench.vocabulary import Disposition
from workbench.window import DEFAULT_YEARS, Window

if TYPE_CHECKING:
    from workbench.store.state import ReviewState

Progress = Callable[[str, float], None]


def no_progress(step: str, fraction: float) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Screened:
    """A proposal screened: the domain result, its JSON, the page's view, and the graph."""

    proposal: Proposal
    works: tuple[Work, ...]
    result: Any  # workbench.screening.ScreeningResult
    data: Mapping[str, Any]  # result.to_json()
    view: ReviewView
    graph: Any = None  # workbench.graph.CoauthorGraph, when the graph builder is present
    seconds: float = 0.0
    years: int = DEFAULT_YEARS
    #: the graph laid out for the explorer (``workbench.session.network_filter.GraphArrays``)
    network: Any = None
    #: seconds per step: load, screen, graph, layout, view (or "disk" when read back)
    timings: Mapping[str, float] = field(default_factory=dict)
    key: str = ""  # content key it was screened under (see ``session.screening_cache``)
    #: the matches the reviewers' remembered dismissals hid (:mod:`workbench.remembered`)
    suppressed: Suppressed = field(default_factory=Suppressed)


class StepClock:
    """Seconds spent in each named step, each counted from the end of the one before.

    >>> clock = StepClock()
    >>> clock("load"); clock("screen")
    >>> list(clock.spent), all(v >= 0 for v in clock.spent.values())
    (['load', 'screen'], True)
    """

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._last = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.spent[name] = now - self._last
        self._last = now


def screen_afresh(
    load: Callable[[], tuple[Proposal, tuple[Work, ...]]],
    lists: Callable[[], tuple[ScreeningList, ...]],
    key: str,
    matcher: Any,
    as_of: date | None,
    years: int,
    progress: Progress,
    started: float,
) -> Screened:
    """Load, screen, build the graph, lay it out and make the view, timing each step.

    ``load`` gives the proposal and its works, ``lists`` the screening lists;
    ``matcher`` is a :class:`~workbench.remembered.Remembering` (the remembered
    verdicts that apply to the proposal in force, as on the command line) or a
    plain matcher; ``started`` is when the caller began (``time.perf_counter()``).
    """
    from workbench.screening import screen

    step = StepClock()
    progress("progress.loading", 0.15)
    proposal, works = load()
    step("load")
    progress("progress.screening", 0.35)
    window = Window.for_proposal(proposal, as_of, years)  # one window for both
    suppressed = Suppressed()
    if isinstance(matcher, Remembering):
        result, suppressed = matcher.screen(proposal, works, lists(), window=window)
        matcher = matcher.for_proposal(proposal.proposal_id)
    else:
        result = screen(proposal, works, matcher, lists(), window=window)
    data = result.to_json()
    step("screen")
    progress("progress.graph", 0.55)
    graph = _graph(proposal, works, matcher, window, result.links)
    step("graph")
    progress("progress.graph", 0.7)
    network = _laid_out(graph)
    step("layout")
    titles = {w.id: w.title for w in works}
    view = build_view(result, proposal, lists(), titles, works=len(works))
    step("view")
    return Screened(
        proposal,
        works,
        result,
        data,
        view,
        graph,
        time.perf_counter() - started,
        years,
        network,
        step.spent,
        key,
        suppressed,
    )


def view_with_decisions(screened: Screened, state: ReviewState) -> ReviewView:
    """The view with the suggested outcome recomputed from the reviewer's dispositions."""
    from workbench.findings import by_finding
    from workbench.outcome import suggest_outcome

    # a disposition stored under the key of any entry a finding cites covers it
    decided = by_finding(screened.result.findings, state.dispositions)
    dismissed = {k for k, d in decided.items() if d.disposition == Disposition.DISMISSED}
    confirmed = {k for k, d in decided.items() if d.disposition == Disposition.CONFIRMED}
    if not dismissed and not confirmed:
        return screened.view
    unscreened = screened.result.suggested_outcome.unscreened  # still nobody's works screened
    outcome = suggest_outcome(
        screened.result.findings, dismissed=dismissed, confirmed=confirmed, unscreened=unscreened
    )
    return replace(screened.view, outcome=outcome_row(outcome))


def _graph(
    proposal: Proposal,
    works: Sequence[Work],
    matcher: Any,
    window: Window,
    links: Any = None,
) -> Any:
    try:
        from workbench.graph import build_graph
    except ImportError:  # pragma: no cover - the graph package ships with the workbench
        return None
    # the page shows people and links, not the institution view: no organisation graph
    return build_graph(proposal, works, matcher, window=window, links=links, organisations=False)


def _laid_out(graph: Any) -> Any:
    """The graph laid out for the network explorer, or None without a graph."""
    if graph is None:
        return None
    from workbench.session.network_filter import laid_out

    return laid_out(graph)
