"""Where the review page stands: :class:`AppState`, and which parts take input in each."""

from __future__ import annotations

from enum import StrEnum


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
