"""Build a proposal's co-authorship graph from its works.

The builder makes a bipartite work–author graph, projects it onto authors with
:func:`networkx.algorithms.bipartite.projected_graph`, and attaches to every
co-authorship edge the works behind it (weight = joint works): their dates,
whether each lies in the look-back window (Q3.6), and the affiliations each
author gave on each work, with any screening-list entry found in them (see
:mod:`workbench.graph.edges`). The affiliations tested are those the policy
check tests (:func:`workbench.rules.affiliation_texts`: the strings as printed
and the institutions' names), so a flagged link and a ``recent_coauthorship``
finding stand on the same evidence.

A link is flagged by what the *co-author* gave; a team member's own listed
affiliations are kept on the member's node instead (``own_listed_entries``,
and ``own_listed_in_window`` for those given on works inside the window).

Speed: each distinct affiliation string is matched once, each distinct
identifier pair and name resolved once, each work's date placed in the window
once; links with one joint work (most of them) share values prepared per work.
About a third of a build is networkx's projection itself
(``bench/bench_graph.py`` prints the figures).

Bad input is counted in a :class:`~workbench.graph.records.BuildReport`, never
crashed on: works without authors, authors without affiliation, the same work
twice (same id, same DOI, or an OpenAlex id and a DOI naming one work).

Examples
--------
>>> from datetime import date
>>> from workbench.model import Authorship, Person, Proposal, PubDate, Side, Work
>>> team = (Person("p1", "Sato Haruki", Side.JP, "PI", orcid="0000-0001-0000-0001"),)
>>> sato = Authorship("Haruki Sato", orcid="0000-0001-0000-0001", raw_affiliations=("Tohoku",))
>>> zhang = Authorship("Lei Zhang", raw_affiliations=("Harbin Institute of Technology",))
>>> works = [
...     Work("W1", "a", PubDate(2024, 5, 1), (sato, zhang), doi="10.1234/a"),
...     Work("W2", "b", PubDate(2020), (sato, zhang)),
...     Work("W3", "a again", PubDate(2024, 5, 1), (sato, zhang), doi="10.1234/A"),
... ]
>>> g = build_graph(Proposal("X-1", "t", team), works, as_of=date(2025, 6, 20))
>>> edge = g.coauthors.edges["person:p1", "name:lei zhang"]
>>> edge["weight"], edge["works"], edge["in_window"]
(2, ('W2', 'W1'), True)
>>> [s.of("name:lei zhang").affiliations for s in g.shared("person:p1", "name:lei zhang")]
[('Harbin Institute of Technology',), ('Harbin Institute of Technology',)]
>>> g.report.duplicate_works
('W3: same DOI 10.1234/a as W1',)

Sato's own listed affiliation (2024) is his, not his links':

>>> from collections import namedtuple
>>> Hit = namedtuple("Hit", "list_name entry_id name span score")
>>> class Exact:  # finds one listed name, exactly as written
...     def match(self, text):
...         at = text.find("Harbin Institute of Technology")
...         return (Hit("L", "e1", "HIT", (at, at + 30), 1.0),) if at >= 0 else ()
>>> sato = Authorship("Haruki Sato", orcid="0000-0001-0000-0001",
...                   raw_affiliations=("Harbin Institute of Technology",))
>>> ito = Authorship("Ken Ito", raw_affiliations=("Kyoto University",))
>>> g = build_graph(Proposal("X-2", "t", team), [Work("W1", "a", PubDate(2024), (sato, ito))],
...                 Exact(), as_of=date(2025, 6, 20))
>>> g.coauthors.edges["person:p1", "name:ito ken"]["flagged"]
False
>>> g.coauthors.nodes["person:p1"]["own_listed_entries"]
('L:e1',)
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite

from workbench.findings import PERSON
from workbench.graph.affiliations import given_affiliations, links_of
from workbench.graph.collector import collector_paused
from workbench.graph.duplicates import dedupe_works
from workbench.graph.edges import annotate_edges
from workbench.graph.identity import all_names, resolve
from workbench.graph.organisations import organisation_graph
from workbench.graph.records import (
    BuildReport,
    CoauthorGraph,
    Contribution,
    NodeKind,
)
from workbench.linking import Links, link_people
from workbench.model import Authorship, Person, Proposal, Work
from workbench.rules import MatcherLike
from workbench.scope import decide_scope
from workbench.window import DEFAULT_YEARS, Window

__all__ = ["build_graph", "dedupe_works", "work_node"]


def work_node(work_id: str) -> str:
    return f"work:{work_id}"


def build_graph(
    proposal: Proposal,
    works: Iterable[Work],
    matcher: MatcherLike | None = None,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    *,
    organisations: bool = True,
    links: Links | None = None,
    window: Window | None = None,
) -> CoauthorGraph:
    """Build the co-authorship graph of ``proposal`` from ``works``.

    Parameters
    ----------
    proposal
        The proposal; its people become the team nodes.
    works
        The team's works, from any loader; duplicates are dropped and counted.
    matcher
        Anything with ``match(text) -> matches`` (:class:`workbench.matching.Matcher`);
        called once per distinct affiliation string. Without it nothing is flagged.
    as_of, years
        The look-back window ends on ``as_of`` (default: the proposal's submission
        date) and starts ``years`` earlier, both days inclusive; or ``window``, the one
        the screening used (:meth:`~workbench.window.Window.for_proposal`).
    organisations
        Also build the author–organisation graph for the institution view.
    links
        The team's links to these works when already made (a
        :class:`~workbench.screening.ScreeningResult` carries them): the same links
        the screening used, not made a second time.
    """
    window = window or Window.for_proposal(proposal, as_of, years)
    read = list(works)
    with collector_paused:
        return _build(proposal, read, matcher, window, organisations, links)


def _build(
    proposal: Proposal,
    read: list[Work],
    matcher: MatcherLike | None,
    window: Window,
    organisations: bool,
    links: Links | None,
) -> CoauthorGraph:
    kept, duplicates = dedupe_works(read)
    without_authors = tuple(w.id for w in kept if not w.authorships)
    used = [w for w in kept if w.authorships]
    index = {w.id: i for i, w in enumerate(used)}
    linked = link_people(proposal.people, used) if links is None else links_of(links, index)
    team_links = {(index[k.work_id], k.authorship): k.person_id for k in linked.links}
    resolution = resolve(proposal.people, [w.authorships for w in used], team_links)
    scope = decide_scope(proposal)

    given = given_affiliations(used, matcher)
    in_window = [w.date is not None and window.contains(w.date) for w in used]

    # Contributions (one per author per work, merged when an author is listed twice).
    rows: list[dict[str, Contribution]] = []
    authors_of: dict[str, list[Authorship]] = defaultdict(list)
    repeated: list[str] = []
    no_affiliation = 0
    for w, nodes, affs in zip(used, resolution.nodes, given.per_work, strict=True):
        row: dict[str, Contribution] = {}
        for a, node, (strings, hits) in zip(w.authorships, nodes, affs, strict=True):
            authors_of[node].append(a)
            if not strings:
                no_affiliation += 1
            if node in row:
                repeated.append(f"{w.id}: {node} listed twice")
                old = row[node]
                strings = tuple(dict.fromkeys(old.affiliations + strings))
                hits = tuple(dict.fromkeys(old.hits + hits))
            row[node] = Contribution(w.id, node, a.author_name, strings, hits)
        rows.append(row)
    by_work = {w.id: row for w, row in zip(used, rows, strict=True)}
    contributions: dict[str, list[Contribution]] = defaultdict(list)
    listed: set[str] = set()  # nodes that gave a listed affiliation somewhere
    for row in rows:
        for node, c in row.items():
            contributions[node].append(c)
            if c.hits:
                listed.add(node)
    recent = {w.id for w, inside in zip(used, in_window, strict=True) if inside}

    B = _bipartite(used, rows, in_window)
    people = {resolution.team[p.id]: p for p in proposal.people}
    B.add_nodes_from(people, bipartite=1)  # team members without works too
    author_nodes = [n for n, side in B.nodes(data="bipartite") if side == 1]
    # networkx's projection gives the links; each link's weight is the number of joint
    # works, counted from the works themselves in ``annotate_edges`` (what
    # ``weighted_projected_graph`` counts through graph views, done once, with the works).
    P = bipartite.projected_graph(B, author_nodes)

    for node, attrs in P.nodes(data=True):
        attrs.clear()
        attrs.update(
            _node_attributes(node, people.get(node), authors_of, contributions, listed, recent)
        )
        if node in people:
            decision = scope.decision(PERSON, people[node].id)
            attrs["in_scope"] = bool(decision and decision.in_scope)
            attrs["scope_reason"] = decision.reason if decision else ""
    annotate_edges(P, used, rows, in_window, team=people.keys())

    report = BuildReport(
        works_read=len(read),
        works_used=len(used),
        authorships=sum(len(w.authorships) for w in used),
        duplicate_works=tuple(duplicates),
        works_without_authors=without_authors,
        works_without_date=tuple(w.id for w in used if w.date is None),
        authorships_without_affiliation=no_affiliation,
        repeated_authors=tuple(repeated),
        ambiguous_names=resolution.ambiguous + tuple(str(p) for p in linked.warnings),
        distinct_affiliations=given.distinct,
        matcher_calls=given.distinct if matcher is not None else 0,
    )
    orgs = (
        organisation_graph(used, resolution.nodes, by_work, in_window, P)
        if organisations
        else nx.Graph()
    )
    return CoauthorGraph(
        proposal_id=proposal.proposal_id,
        as_of=window.end,
        window=window,
        bipartite=nx.freeze(B),
        coauthors=nx.freeze(P),
        organisations=nx.freeze(orgs),
        works={w.id: w for w in used},
        contributions={n: tuple(cs) for n, cs in contributions.items()},
        by_work=by_work,
        team=dict(resolution.team),
        report=report,
        fingerprint=_fingerprint(proposal.proposal_id, by_work),
        meta={"years": window.years},
    )


# ---------------------------------------------------------------- graphs

_LISTED = {"listed": True}
_NOT_LISTED = {"listed": False}


def _bipartite(
    used: list[Work], rows: list[dict[str, Contribution]], in_window: list[bool]
) -> nx.Graph:
    """Work nodes (``bipartite=0``) and author nodes (``bipartite=1``), built in two calls."""
    order: dict[str, None] = {}  # each work, then its authors not seen before
    edges = []
    for w, row in zip(used, rows, strict=True):
        wn = work_node(w.id)
        order[wn] = None
        for node, c in row.items():
            order[node] = None
            edges.append((node, wn, _LISTED if c.hits else _NOT_LISTED))
    B = nx.Graph()
    B.add_nodes_from(order, bipartite=1)
    nx.set_node_attributes(
        B,
        {
            work_node(w.id): {
                "bipartite": 0,
                "title": w.title,
                "date": w.date.isoformat() if w.date else "",
                "in_window": inside,
            }
            for w, inside in zip(used, in_window, strict=True)
        },
    )
    B.add_edges_from(edges)
    return B


def _node_attributes(
    node: str,
    person: Person | None,
    authors_of: dict[str, list[Authorship]],
    contributions: dict[str, list[Contribution]],
    listed: set[str],
    recent: set[str],
) -> dict[str, Any]:
    records = authors_of.get(node, [])
    cs = contributions.get(node, [])
    given = tuple(sorted({h.key for c in cs for h in c.hits})) if node in listed else ()
    # a co-author's listed affiliations flag their links; a team member's are their own
    entries = given if person is None else ()
    if len(records) == 1:  # most co-authors: one work
        (only,) = records
        printed: tuple[str, ...] = (only.author_name,)
        orcid, openalex = only.orcid, only.openalex_author_id
    else:
        printed = all_names(records)
        orcid = next((a.orcid for a in records if a.orcid), None)
        openalex = next((a.openalex_author_id for a in records if a.openalex_author_id), None)
    attrs: dict[str, Any] = {
        "bipartite": 1,
        "names": printed,
        "n_works": len(cs),
        "listed": bool(entries),
        "entries": entries,
        "own_listed_entries": (),
        "own_listed_in_window": (),
        "person_id": "",
        "role": "",
        "side": "",
        "in_scope": False,
        "scope_reason": "",
    }
    if person is not None:
        attrs.update(
            kind=NodeKind.TEAM.value,
            label=person.name,
            label_local=person.name_local or "",
            person_id=person.id,
            role=person.role,
            side=person.side.value,
            orcid=person.orcid or orcid or "",
            openalex_id=person.openalex_id or openalex or "",
            own_listed_entries=given,
            own_listed_in_window=tuple(
                sorted({h.key for c in cs if c.work_id in recent for h in c.hits})
            )
            if given
            else (),
        )
    else:
        kind = NodeKind.LISTED_COAUTHOR if entries else NodeKind.COAUTHOR
        attrs.update(
            kind=kind.value,
            label=printed[0] if printed else node,
            label_local="",
            orcid=orcid or "",
            openalex_id=openalex or "",
        )
    return attrs


def _fingerprint(proposal_id: str, by_work: dict[str, dict[str, Contribution]]) -> str:
    """A content hash of the network's shape (not its window): the layout cache key."""
    parts = [proposal_id]
    for wid in sorted(by_work):
        row = by_work[wid]
        parts.append(wid)
        for node in sorted(row):
            parts.append(node)
            hits = row[node].hits
            parts.append(",".join([x.key for x in hits]) if hits else "")
    return hashlib.sha256("".join(parts).encode()).hexdigest()[:16]
