"""What every co-authorship link carries: its joint works, their dates, the window, list flags.

Attributes of a link ``u``–``v`` (all plain values, ready for export):

=====================  ===========================================================
``weight``             the number of joint works
``works``              their ids, oldest first (undated works first, then by id)
``dates``              their dates as ISO text ("" when unknown), same order
``in_window``          some joint work lies in the look-back window (Q3.6)
``flagged``            on some joint work the *co-author* end gave a listed affiliation
``flagged_works``      those works, oldest first
``flagged_in_window``  some flagged work lies in the window
``entries``            the list entries (``"<list>:<entry id>"``) behind the flags
=====================  ===========================================================

What flags a link is what the FAQ asks about (Q3.6, and ``recent_coauthorship``
in :mod:`workbench.rules`): co-authorship with a researcher who gave a listed
affiliation on the joint work. On a link between a team member and a co-author
only the co-author's affiliations count; between two co-authors, either one's;
between two team members, none. A team member's own listed affiliations are a
fact about that person, not about their links: the builder keeps them on the
node (``own_listed_entries``) and they never flag a link — otherwise one member
with a listed past employer would flag every link they have.

The per-work evidence (:class:`~workbench.graph.records.SharedWork`) is not
copied onto each of tens of thousands of links: :meth:`CoauthorGraph.shared`
makes it from the works on demand.

Examples
--------
>>> import networkx as nx
>>> from workbench.graph.records import Contribution
>>> from workbench.model import PubDate, Work
>>> works = [Work("W2", "b", PubDate(2024, 5), ()), Work("W1", "a", PubDate(2019), ())]
>>> rows = [{"a": Contribution("W2", "a", "A", ()), "b": Contribution("W2", "b", "B", ())},
...         {"a": Contribution("W1", "a", "A", ()), "b": Contribution("W1", "b", "B", ())}]
>>> P = nx.Graph([("a", "b")])
>>> annotate_edges(P, works, rows, [True, False])
>>> e = P.edges["a", "b"]
>>> e["weight"], e["works"], e["dates"], e["in_window"], e["flagged"]
(2, ('W1', 'W2'), ('2019', '2024-05'), True, False)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from itertools import combinations
from typing import Any

import networkx as nx

from workbench.graph.records import Contribution
from workbench.model import PubDate, Work


def annotate_edges(
    P: nx.Graph,
    works: Sequence[Work],
    rows: Sequence[Mapping[str, Contribution]],
    in_window: Sequence[bool],
    team: Collection[str] = frozenset(),
) -> None:
    """Fill in the attributes of every link of ``P`` (a projection without edge data yet).

    ``rows`` gives, per work, each author node's contribution and ``in_window``
    whether the work lies in the window; both are in the order of ``works``.
    ``team`` holds the team members' nodes, whose own affiliations flag nothing.
    Most links stand on one joint work without a listed affiliation; they get the
    values prepared once for that work.
    """
    # Works numbered oldest first: a list of numbers in the order met is chronological.
    order = sorted(range(len(works)), key=lambda i: _oldest_first(works[i]))
    ids = [works[i].id for i in order]
    number = {wid: r for r, wid in enumerate(ids)}
    dates = [_iso(works[i].date) for i in order]
    inside = [in_window[i] for i in order]
    # per work: co-author node -> the list entries it gave there (None: no co-author gave
    # a listed one); team members are left out, their own affiliations flag no link
    listed_on: list[dict[str, tuple[str, ...]] | None] = [
        {n: tuple(h.key for h in c.hits) for n, c in rows[i].items() if c.hits and n not in team}
        or None
        for i in order
    ]

    listed = {n for on in listed_on if on is not None for n in on}

    def link(u: str, v: str, rs: list[int]) -> dict[str, Any]:
        works, when = tuple([ids[r] for r in rs]), tuple([dates[r] for r in rs])
        if u not in listed and v not in listed:
            return _values(works, when, any([inside[r] for r in rs]), (), False, ())
        flagged = [
            r for r in rs if (on := listed_on[r]) is not None and (u in on or v in on)
        ]  # fmt: skip
        entries: set[str] = set()
        for r in flagged:
            on = listed_on[r]
            assert on is not None
            entries.update(on.get(u, ()))
            entries.update(on.get(v, ()))
        return _values(
            works,
            when,
            any([inside[r] for r in rs]),
            tuple([ids[r] for r in flagged]),
            any([inside[r] for r in flagged]),
            tuple(sorted(entries)),
        )

    # Walk the works oldest first, giving each link the values of its first joint work
    # (prepared once per work). A link met again, or touching a listed affiliation, is
    # worked out in full afterwards: a few thousand among tens of thousands.
    adjacency = dict(P.adjacency())
    later: dict[int, tuple[str, str, dict[str, Any]]] = {}  # by id of the link's data
    joint: dict[int, list[int]] = {}  # the joint works of links met more than once
    for r, i in enumerate(order):
        values = _values((ids[r],), (dates[r],), inside[r], (), False, ())
        row = rows[i]
        for u, v in combinations(row, 2):
            data = adjacency[u][v]
            if not data:
                data.update(values)
                continue
            key = id(data)
            rs = joint.get(key)
            if rs is None:
                joint[key] = [number[data["works"][0]], r]
                later[key] = (u, v, data)
            else:
                rs.append(r)
        on = listed_on[r]
        if on is not None:
            for u in on:
                mine = adjacency[u]
                for v in row:
                    if v != u:
                        data = mine[v]
                        later[id(data)] = (u, v, data)
    for key, (u, v, data) in later.items():
        rs = joint.get(key) or [number[data["works"][0]]]
        data.update(link(u, v, rs))  # the same keys: their order stays


def _oldest_first(w: Work) -> tuple[date, str]:
    return (w.date.earliest() if w.date is not None else date.min, w.id)


def _iso(d: PubDate | None) -> str:
    return d.isoformat() if d is not None else ""


def _values(
    works: tuple[str, ...],
    dates: tuple[str, ...],
    in_window: bool,
    flagged_works: tuple[str, ...],
    flagged_in_window: bool,
    entries: tuple[str, ...],
) -> dict[str, Any]:
    return {
        "weight": len(works),
        "works": works,
        "dates": dates,
        "in_window": in_window,
        "flagged": bool(flagged_works),
        "flagged_works": flagged_works,
        "flagged_in_window": flagged_in_window,
        "entries": entries,
    }
