"""The look-back window of the co-authorship checks (Q3.6, Q3.9: "過去 2 年以内").

The window runs from ``years`` years before the reference date to the reference
date, both ends inclusive. The reference date is the reviewer's ``as_of`` date,
else the proposal's submission date; without either there is no window and the
screening stops with a clear error rather than guess.

Dates known only to the year (or month) are treated conservatively: such a work
is inside when *any* day it may carry is inside, and it is marked
date-uncertain so the reviewer sees why.

Examples
--------
>>> from datetime import date
>>> from workbench.model import Proposal, PubDate
>>> w = Window.ending(date(2025, 6, 20))
>>> w.start.isoformat(), w.end.isoformat()
('2023-06-20', '2025-06-20')
>>> w.contains(PubDate(2023, 6, 20)), w.contains(PubDate(2023, 6, 19))
(True, False)
>>> w.contains(PubDate(2023))
True
>>> Window.ending(date(2024, 2, 29)).start.isoformat()
'2022-02-28'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.errors import InputError, Problem
from workbench.model import Proposal, PubDate

#: The FAQ's look-back: "過去 2 年以内" (Q3.6, Q3.9).
FAQ_YEARS = 2
#: The look-back the settings, the command line and the pages use unless told otherwise:
#: the one place the number is written.
DEFAULT_YEARS = FAQ_YEARS


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True, slots=True)
class Window:
    """A closed date interval ``[start, end]``, ``years`` long."""

    start: date
    end: date
    years: int = DEFAULT_YEARS

    @classmethod
    def ending(cls, end: date, years: int = DEFAULT_YEARS) -> Window:
        return cls(years_before(end, years), end, years)

    @classmethod
    def for_proposal(
        cls, proposal: Proposal, as_of: date | None = None, years: int = DEFAULT_YEARS
    ) -> Window:
        """The window of ``proposal``'s screening: ``years`` up to ``as_of``, else its submission.

        One window, made once, is handed to both the screening and the co-authorship graph.

        >>> from workbench.model import Proposal
        >>> p = Proposal("X", "t", (), submitted=date(2025, 6, 20))
        >>> Window.for_proposal(p, years=3).start.isoformat()
        '2022-06-20'
        """
        end = reference_date(as_of, proposal.submitted, source=proposal.source or "proposal")
        return cls.ending(end, years)

    def contains(self, when: PubDate) -> bool:
        """True when any day the date may stand for lies inside the window."""
        return when.latest() >= self.start and when.earliest() <= self.end

    def after(self, when: PubDate) -> bool:
        """True when the date lies wholly after the window's end (a date in the future)."""
        return when.earliest() > self.end


def reference_date(as_of: date | None, submitted: date | None, *, source: str = "proposal") -> date:
    """The reference date: ``as_of`` if given, else the proposal's ``submitted``, else an error.

    Examples
    --------
    >>> from datetime import date
    >>> reference_date(None, date(2025, 6, 20)).isoformat()
    '2025-06-20'
    >>> try:
    ...     reference_date(None, None, source="p.json")
    ... except InputError as e:
    ...     print(e.problems[0].location, e.problems[0].field)
    $.submitted submitted
    """
    if as_of is not None:
        return as_of
    if submitted is not None:
        return submitted
    raise InputError(
        [
            Problem(
                source,
                "$.submitted",
                "submitted",
                "no reference date for the look-back window",
                "a submission date in the proposal, or --as-of YYYY-MM-DD",
            )
        ]
    )
