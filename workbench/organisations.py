"""Which list entries name one organisation, for the checks and the portfolio tables.

An organisation on several lists (Beihang University on METI's list and the US
Entity List) raises one finding per check and person, citing every entry; the
portfolio counts it once. Both ask :func:`organisations` the same question, and
the answer — :func:`workbench.matching.same_organisation.same_organisations`
over the lists in use — is kept for lists identified by their content hash, so
a session or a portfolio run that screens many proposals against the same
lists works it out once.

Examples
--------
>>> from workbench.model import ListEntry, ScreeningList
>>> meti = ScreeningList("METI", "METI", None, "", (
...     ListEntry("METI", "m1", "Northwestern Polytechnical University", country="China"),))
>>> csl = ScreeningList("CSL", "ITA", None, "", (
...     ListEntry("CSL", "c1", "NORTHWESTERN POLYTECHNICAL UNIVERSITY", country="CN"),))
>>> same = organisations([meti, csl])
>>> same[("CSL", "c1")].key, same[("CSL", "c1")].lists
('METI:m1', ('METI', 'CSL'))
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

from workbench.matching.same_organisation import EntryKey, Organisation, same_organisations
from workbench.model import ScreeningList

_KEEP = 4  # answers kept (sets of lists): a session uses one, a rescreen two
_cache: dict[tuple[tuple[str, str, int], ...], Mapping[EntryKey, Organisation]] = {}
_lock = threading.Lock()


def organisations(lists: Sequence[ScreeningList]) -> Mapping[EntryKey, Organisation]:
    """Every entry of ``lists`` → its organisation; kept when every list has a content hash."""
    signature = tuple((lst.name, lst.content_hash, lst.entry_count) for lst in lists)
    if not all(lst.content_hash for lst in lists):
        return same_organisations(lists)
    with _lock:
        hit = _cache.get(signature)
    if hit is not None:
        return hit
    answer = same_organisations(lists)
    with _lock:
        while len(_cache) >= _KEEP:
            del _cache[next(iter(_cache))]
        _cache[signature] = answer
    return answer
