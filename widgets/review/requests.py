"""What the review page's parts ask its controllers to do: one typed request each.

A part sets its ``request`` trait to a new request object on every click; the
objects compare by identity, so asking twice for the same thing is two requests.

>>> a, b = Export("html"), Export("html")
>>> a == b, a.format
(False, 'html')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, eq=False)
class Dispose:
    """Record a finding's disposition (and remember its false matches, for a dismissal)."""

    key: str
    disposition: str
    rationale: str
    remember: bool = False
    scope: str = "proposal"  # where a remembered dismissal applies: "proposal" or "all"


@dataclass(frozen=True, eq=False)
class Revoke:
    """Withdraw a remembered verdict (``proposal#seq``), with the reason."""

    memory_id: str
    reason: str


@dataclass(frozen=True, eq=False)
class Judge:
    """Record the judgment and the new measures."""

    outcome: str
    notes: str
    measures: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, eq=False)
class UpdateMeasure:
    """Record a stored measure's new ``status`` and/or ``due`` (ISO date or None)."""

    measure_id: int
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Export:
    """Make the review record: ``"xlsx"`` (Excel) or ``"html"`` (printable page)."""

    format: str


@dataclass(frozen=True, eq=False)
class ChangeWindow:
    """Screen the open proposal again with another reference date or look-back."""

    as_of: date | None
    years: int
