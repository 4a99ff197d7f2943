"""The screening key of a proposal folder: a digest of everything that decides its screening.

The same key the review page's cache uses
(:func:`workbench.session.screening_cache.screening_key`): the bytes of the
proposal's files, the lists as loaded, the reviewers' match verdicts, the
reference date and window, and the workbench's code. Portfolio tables carry it
in the ``screening_key`` column of ``proposals``, so a later run can tell which
proposals are unchanged (:mod:`workbench.portfolio.stored`).

Examples
--------
>>> memory_text(None)
''
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from workbench.folders import ProposalFiles
from workbench.model import ScreeningList
from workbench.portfolio.rows import FAILED
from workbench.portfolio.tables import PortfolioTables
from workbench.session.screening_cache import (
    code_version,
    folder_digests,
    list_key,
    memory_digest,
    screening_key,
)
from workbench.window import DEFAULT_YEARS

KEY = "screening_key"


def memory_text(memory: Any) -> str:
    """The digest of the reviewers' verdicts; "" when there are none (as with no store)."""
    if memory is None or not (getattr(memory, "confirmed", ()) or getattr(memory, "dismissed", ())):
        return ""
    return memory_digest(memory)


def proposal_keys(
    found: Iterable[ProposalFiles],
    lists: Sequence[ScreeningList],
    *,
    memory: Any = None,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
) -> dict[str, str]:
    """The screening key of each proposal folder, by folder id."""
    listed = [list_key(lst) for lst in lists]
    verdicts = memory_text(memory)
    code = code_version()
    out = {}
    for f in found:
        try:
            digests = folder_digests(f)
        except OSError:  # unreadable now: never taken as unchanged
            continue
        out[f.id] = screening_key(
            digests,
            source=str(Path(f.folder).resolve()),
            lists=listed,
            memory=verdicts,
            as_of=as_of.isoformat() if as_of else "",
            years=years,
            code=code,
        )
    return out


def with_keys(tables: PortfolioTables, keys: dict[str, str]) -> PortfolioTables:
    """``tables`` with each proposal's screening key (failed folders keep none)."""
    p = tables.proposals.copy()
    ok = p["status"] != FAILED
    p[KEY] = [keys.get(f) if good else None for f, good in zip(p["folder"], ok, strict=True)]
    return dataclasses.replace(tables, proposals=p)
