"""The same work twice: same id, same DOI, or an OpenAlex id and a DOI naming one work.

Examples
--------
>>> from workbench.model import Work
>>> kept, dropped = dedupe_works([Work("W1", "a", None, ()), Work(" w1", "a", None, ())])
>>> [w.id for w in kept], dropped
(['W1'], [' w1: same id w1 as W1'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from workbench import identifiers
from workbench.model import Work


def _work_keys(w: Work) -> list[str]:
    keys = [f"id {w.id.strip().casefold()}"]
    doi = w.doi
    if doi is None:
        try:  # a source may use the DOI itself as the work's id
            doi = identifiers.doi(w.id)
        except ValueError:
            doi = None
    if doi:
        keys.append(f"DOI {doi.casefold()}")
    return keys


def dedupe_works(works: Sequence[Work]) -> tuple[list[Work], list[str]]:
    """Keep one record per work; say which were dropped and why.

    Two records are one work when they share an id or a DOI (a DOI given as the
    id counts). The record with the most authorships is kept (the first on a tie).

    Examples
    --------
    >>> from workbench.model import Work
    >>> kept, dropped = dedupe_works([Work("W1", "a", None, (), doi="10.1234/x"),
    ...                               Work("10.1234/X", "a", None, ())])
    >>> [w.id for w in kept], dropped
    (['W1'], ['10.1234/X: same DOI 10.1234/x as W1'])
    """
    keys = [_work_keys(w) for w in works]
    first: dict[str, int] = {}
    if all(first.setdefault(k, i) == i for i, ks in enumerate(keys) for k in ks):
        return list(works), []  # no key shared: nothing to join
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, ks in enumerate(keys):
        for k in ks:
            a, b = find(f"#{i}"), find(k)
            if a != b:
                parent[b] = a
    groups: dict[str, list[int]] = defaultdict(list)
    for i in range(len(works)):
        groups[find(f"#{i}")].append(i)
    kept_of = {r: min(g, key=lambda i: (-len(works[i].authorships), i)) for r, g in groups.items()}
    keep_index = set(kept_of.values())
    dropped = []
    for i, w in enumerate(works):
        if i in keep_index:
            continue
        j = kept_of[find(f"#{i}")]
        shared = [key for key in keys[i] if key in keys[j]]
        why = f"same {shared[0]}" if shared else "linked through another record"
        dropped.append(f"{w.id}: {why} as {works[j].id}")
    return [w for i, w in enumerate(works) if i in keep_index], dropped
