"""Publication dates as sources give them: a full date, a month, or a year alone.

The precision is kept in :class:`~workbench.model.PubDate`, so that the
look-back window can treat a year-only date conservatively.

Examples
--------
>>> parse_pub_date("2024-05-14")
PubDate(year=2024, month=5, day=14)
>>> parse_pub_date("2023"), parse_pub_date("2023-07")
(PubDate(year=2023, month=None, day=None), PubDate(year=2023, month=7, day=None))
>>> parse_pub_date("2024-13-45")
Traceback (most recent call last):
...
ValueError: no such date '2024-13-45'
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from workbench.model import PubDate

_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
#: Years outside this range are typing mistakes, not publications.
YEARS = range(1800, 2101)

EXPECTED = "a date YYYY-MM-DD, YYYY-MM or YYYY"


@lru_cache(maxsize=4096)  # the rows of one work repeat its date
def parse_pub_date(text: str) -> PubDate:
    """A :class:`PubDate` from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (``/`` also separates).

    Raises
    ------
    ValueError
        When the text is no such date.
    """
    m = _DATE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"not a date: {text!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year not in YEARS:
        raise ValueError(f"implausible year {year}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"no such date {text!r}")
    if (
        month is not None
        and day is not None
        and not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        raise ValueError(f"no such date {text!r}")
    return PubDate(year, month, day)


def pub_date_from_year(value: object) -> PubDate:
    """A year-only :class:`PubDate` from OpenAlex's ``publication_year`` (a number or its text).

    Examples
    --------
    >>> pub_date_from_year(2021).isoformat()
    '2021'
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"not a year: {value!r}")
    text = str(value).strip()
    if not text.isdigit() or int(text) not in YEARS:
        raise ValueError(f"not a year: {value!r}")
    return PubDate(int(text))
