"""Link attributes against their definition, on a network large enough to hit every path."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from itertools import combinations

from tests.graph.factory import NameMatcher
from workbench.graph import build_graph
from workbench.graph.synthetic import synthetic_network
from workbench.model import Authorship, Work


def _oldest_first(w: Work) -> tuple[date, str]:
    return (w.date.earliest() if w.date else date.min, w.id)


def _moved(a: Authorship, affiliation: str) -> Authorship:
    return replace(a, raw_affiliations=(affiliation,))


def test_every_link_carries_what_its_joint_works_say() -> None:
    proposal, works, screening = synthetic_network(
        n_works=300, n_coauthors=400, listed_share=0.08, seed=3
    )
    # Now and then an author gives a listed affiliation on one work only; now and then a
    # team member (always the first author) does, which flags none of their links.
    listed = "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China"
    works = [
        replace(w, authorships=(*w.authorships[:-1], _moved(w.authorships[-1], listed)))
        if k % 7 == 0
        else w
        for k, w in enumerate(works)
    ]
    works = [
        replace(w, authorships=(_moved(w.authorships[0], listed), *w.authorships[1:]))
        if k % 5 == 0
        else w
        for k, w in enumerate(works)
    ]
    g = build_graph(proposal, works, NameMatcher((screening,)), as_of=date(2024, 3, 1))
    team = set(g.team_nodes)
    # The definition, computed the plain way: every pair of authors of every work.
    joint: dict[frozenset[str], list[Work]] = defaultdict(list)
    for wid, row in g.by_work.items():
        for u, v in combinations(row, 2):
            joint[frozenset((u, v))].append(g.works[wid])
    assert {frozenset(e) for e in g.coauthors.edges} == set(joint)

    seen = {
        "several works": 0,
        "flagged": 0,
        "flagged on one of several": 0,
        "team member listed on a link not flagged": 0,
    }
    for u, v, data in g.coauthors.edges(data=True):
        ws = sorted(joint[frozenset((u, v))], key=_oldest_first)
        inside = [w.date is not None and g.window.contains(w.date) for w in ws]
        # only the co-author ends count: a team member's own affiliations flag nothing
        ends = [n for n in (u, v) if n not in team]
        flagged = [
            (w, i)
            for w, i in zip(ws, inside, strict=True)
            if any(g.by_work[w.id][n].hits for n in ends)
        ]
        entries = {h.key for w, _ in flagged for n in ends for h in g.by_work[w.id][n].hits}
        assert data == {
            "weight": len(ws),
            "works": tuple(w.id for w in ws),
            "dates": tuple(w.date.isoformat() if w.date else "" for w in ws),
            "in_window": any(inside),
            "flagged": bool(flagged),
            "flagged_works": tuple(w.id for w, _ in flagged),
            "flagged_in_window": any(i for _, i in flagged),
            "entries": tuple(sorted(entries)),
        }
        seen["several works"] += len(ws) > 1
        seen["flagged"] += bool(flagged)
        seen["flagged on one of several"] += 0 < len(flagged) < len(ws)
        seen["team member listed on a link not flagged"] += not flagged and any(
            g.by_work[w.id][n].hits for w in ws for n in (u, v) if n in team
        )
    assert all(seen.values()), seen  # the network exercised every kind of link
    for node in team:
        own = g.coauthors.nodes[node]
        given = {h.key for c in g.contributions.get(node, ()) for h in c.hits}
        recent = {
            h.key
            for c in g.contributions.get(node, ())
            if g.window.contains(g.works[c.work_id].date)  # type: ignore[arg-type]
            for h in c.hits
        }
        assert own["own_listed_entries"] == tuple(sorted(given))
        assert own["own_listed_in_window"] == tuple(sorted(recent))
        assert own["kind"] == "team" and own["entries"] == () and own["listed"] is False
    assert any(g.coauthors.nodes[n]["own_listed_entries"] for n in team)
