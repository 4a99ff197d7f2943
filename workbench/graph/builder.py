"""Build a proposal's co-authorship graph from its works.

The builder makes a bipartite work–author graph, projects it onto authors with
:func:`networkx.algorithms.bipartite.weighted_projected_graph` (weight = joint
works), and attaches to every co-authorship edge the works behind it: their
dates, whether each lies in the look-back window (Q3.6), and the affiliations
each author gave on each work, with any screening-list entry found in them.

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
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

import networkx as nx
from networkx.algorithms import bipartite

from workbench import identifiers
from workbench.findings import PERSON
from workbench.graph.identity import all_names, name_key, resolve
from workbench.graph.records import (
    BuildReport,
    CoauthorGraph,
    Contribution,
    ListHit,
    NodeKind,
)
from workbench.linking import link_people
from workbench.model import Authorship, Person, Proposal, Work
from workbench.scope import decide_scope
from workbench.window import Window, reference_date


class MatchLike(Protocol):
    @property
    def list_name(self) -> str: ...
    @property
    def entry_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def score(self) -> float: ...


class MatcherLike(Protocol):
    def match(self, text: str) -> Sequence[MatchLike]: ...


def work_node(work_id: str) -> str:
    return f"work:{work_id}"


def build_graph(
    proposal: Proposal,
    works: Iterable[Work],
    matcher: MatcherLike | None = None,
    as_of: date | None = None,
    years: int = 2,
    *,
    organisations: bool = True,
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
        date) and starts ``years`` earlier, both days inclusive.
    organisations
        Also build the author–organisation graph for the institution view.
    """
    end = reference_date(as_of, proposal.submitted, source=proposal.source or proposal.proposal_id)
    window = Window.ending(end, years)
    read = list(works)
    kept, duplicates = dedupe_works(read)

    without_authors = tuple(w.id for w in kept if not w.authorships)
    used = [w for w in kept if w.authorships]
    index = {w.id: i for i, w in enumerate(used)}
    linked = link_people(proposal.people, used)
    team_links = {(index[k.work_id], k.authorship): k.person_id for k in linked.links}
    resolution = resolve(proposal.people, [w.authorships for w in used], team_links)
    scope = decide_scope(proposal)

    affiliations = [[_affiliation_strings(a) for a in w.authorships] for w in used]
    distinct = list(dict.fromkeys(s for row in affiliations for strings in row for s in strings))
    hits_of = _match_all(matcher, distinct)

    # Contributions (one per author per work, merged when an author is listed twice).
    by_work: dict[str, dict[str, Contribution]] = {}
    repeated: list[str] = []
    no_affiliation = 0
    for w, nodes, affs in zip(used, resolution.nodes, affiliations, strict=True):
        row: dict[str, Contribution] = {}
        for a, node, strings in zip(w.authorships, nodes, affs, strict=True):
            no_affiliation += not strings
            hits = tuple(h for s in strings for h in hits_of.get(s, ()))
            if node in row:
                repeated.append(f"{w.id}: {node} listed twice")
                old = row[node]
                strings = tuple(dict.fromkeys(old.affiliations + strings))
                hits = tuple(dict.fromkeys(old.hits + hits))
            row[node] = Contribution(w.id, node, a.author_name, strings, hits)
        by_work[w.id] = row

    in_window = {w.id: w.date is not None and window.contains(w.date) for w in used}
    B = _bipartite(used, by_work, in_window)
    authors_of = _author_records(used, resolution.nodes)
    people = {resolution.team[p.id]: p for p in proposal.people}
    B.add_nodes_from(people, bipartite=1)  # team members without works too
    author_nodes = [n for n, side in B.nodes(data="bipartite") if side == 1]
    # networkx's projection gives the links; each link's weight is the number of joint
    # works, counted with the works themselves below (the same intersection
    # ``weighted_projected_graph`` makes, done once instead of twice).
    P = bipartite.projected_graph(B, author_nodes)

    contributions: dict[str, list[Contribution]] = defaultdict(list)
    for row in by_work.values():
        for c in row.values():
            contributions[c.node].append(c)
    for node in P.nodes:
        P.nodes[node].clear()
        P.nodes[node].update(_node_attributes(node, people.get(node), authors_of, contributions))
        if node in people:
            decision = scope.decision(PERSON, people[node].id)
            P.nodes[node]["in_scope"] = bool(decision and decision.in_scope)
            P.nodes[node]["scope_reason"] = decision.reason if decision else ""
    works_by_id = {w.id: w for w in used}
    _edge_attributes(P, works_by_id, by_work, in_window)

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
        distinct_affiliations=len(distinct),
        matcher_calls=len(distinct) if matcher is not None else 0,
    )
    orgs = (
        _organisation_graph(used, resolution.nodes, by_work, in_window, P)
        if organisations
        else nx.Graph()
    )
    return CoauthorGraph(
        proposal_id=proposal.proposal_id,
        as_of=end,
        window=window,
        bipartite=nx.freeze(B),
        coauthors=nx.freeze(P),
        organisations=nx.freeze(orgs),
        works=works_by_id,
        contributions={n: tuple(cs) for n, cs in contributions.items()},
        by_work=by_work,
        team=dict(resolution.team),
        report=report,
        fingerprint=_fingerprint(proposal.proposal_id, by_work),
        meta={"years": years},
    )


# ---------------------------------------------------------------- duplicates


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
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    keys = [_work_keys(w) for w in works]
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


# ---------------------------------------------------------------- matching


def _affiliation_strings(a: Authorship) -> tuple[str, ...]:
    strings = a.raw_affiliations or tuple(i.display_name for i in a.institutions)
    return tuple(s for s in dict.fromkeys(x.strip() for x in strings) if s)


def _match_all(matcher: MatcherLike | None, texts: list[str]) -> dict[str, tuple[ListHit, ...]]:
    """One matcher call per distinct affiliation string."""
    if matcher is None or not texts:
        return {}
    many = getattr(matcher, "match_many", None)
    results = many(texts) if callable(many) else [matcher.match(t) for t in texts]
    return {
        t: tuple(
            ListHit(m.list_name, m.entry_id, m.name, t, tuple(m.span), float(m.score)) for m in ms
        )
        for t, ms in zip(texts, results, strict=True)
        if ms
    }


# ---------------------------------------------------------------- graphs


def _bipartite(
    used: list[Work], by_work: dict[str, dict[str, Contribution]], in_window: dict[str, bool]
) -> nx.Graph:
    B = nx.Graph()
    for w in used:
        wn = work_node(w.id)
        date_text = w.date.isoformat() if w.date else ""
        B.add_node(wn, bipartite=0, title=w.title, date=date_text, in_window=in_window[w.id])
        row = by_work[w.id]
        B.add_nodes_from(row, bipartite=1)
        B.add_edges_from((node, wn, {"listed": c.listed}) for node, c in row.items())
    return B


def _author_records(
    used: list[Work], nodes: tuple[tuple[str, ...], ...]
) -> dict[str, list[Authorship]]:
    out: dict[str, list[Authorship]] = defaultdict(list)
    for w, row in zip(used, nodes, strict=True):
        for a, node in zip(w.authorships, row, strict=True):
            out[node].append(a)
    return out


def _node_attributes(
    node: str,
    person: Person | None,
    authors_of: dict[str, list[Authorship]],
    contributions: dict[str, list[Contribution]],
) -> dict[str, Any]:
    records = authors_of.get(node, [])
    cs = contributions.get(node, [])
    entries = tuple(sorted({h.key for c in cs for h in c.hits}))
    printed = all_names(records)
    orcid = next((a.orcid for a in records if a.orcid), None)
    openalex = next((a.openalex_author_id for a in records if a.openalex_author_id), None)
    attrs: dict[str, Any] = {
        "bipartite": 1,
        "names": printed,
        "n_works": len(cs),
        "listed": bool(entries),
        "entries": entries,
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


def _edge_attributes(
    P: nx.Graph,
    works: dict[str, Work],
    by_work: dict[str, dict[str, Contribution]],
    in_window: dict[str, bool],
) -> None:
    """Joint works, dates, window and list flags on every link.

    The per-work evidence (:class:`SharedWork`) is not copied onto each of tens of
    thousands of links: :meth:`CoauthorGraph.shared` makes it from ``works`` on demand.
    """
    # Plain sets of work ids per author: set intersection in C, not through graph views.
    works_of: dict[str, set[str]] = defaultdict(set)
    for wid, row in by_work.items():
        for node in row:
            works_of[node].add(wid)
    listed_in = {
        wid: {n: c.hits for n, c in row.items() if c.hits}
        for wid, row in by_work.items()
        if any(c.hits for c in row.values())
    }
    order = {wid: (w.date.earliest() if w.date else date.min, wid) for wid, w in works.items()}
    iso = {wid: (w.date.isoformat() if w.date else "") for wid, w in works.items()}
    for u, v, data in P.edges(data=True):
        common = works_of[u] & works_of[v]
        if len(common) == 1:
            ids: tuple[str, ...] = tuple(common)
            hits = listed_in.get(ids[0])
            if not hits or (u not in hits and v not in hits):  # the common case, kept lean
                inside = in_window[ids[0]]
                data.update(
                    weight=1, works=ids, dates=(iso[ids[0]],), in_window=inside,
                    flagged=False, flagged_works=(), flagged_in_window=False, entries=(),
                )  # fmt: skip
                continue
        else:
            ids = tuple(sorted(common, key=order.__getitem__))
        flagged: list[str] = []
        entries: set[str] = set()
        for wid in ids:
            hits = listed_in.get(wid)
            if hits and (u in hits or v in hits):
                flagged.append(wid)
                entries.update(h.key for h in hits.get(u, ()) + hits.get(v, ()))
        data.update(
            weight=len(ids),
            works=ids,
            dates=tuple([iso[wid] for wid in ids]),
            in_window=any([in_window[wid] for wid in ids]),
            flagged=bool(flagged),
            flagged_works=tuple(flagged),
            flagged_in_window=any([in_window[wid] for wid in flagged]),
            entries=tuple(sorted(entries)),
        )


def org_node(display_name: str, openalex: str | None = None, ror: str | None = None) -> str:
    """The node id of an organisation from a work's institution record.

    >>> org_node("Tohoku University", "I201537933"), org_node("Tohoku  university")
    ('org:I201537933', 'org:tohoku university')
    """
    if openalex:
        return f"org:{openalex}"
    if ror:
        return f"org:ror:{ror}"
    return f"org:{name_key(display_name)}"


def _organisation_graph(
    used: list[Work],
    nodes: tuple[tuple[str, ...], ...],
    by_work: dict[str, dict[str, Contribution]],
    in_window: dict[str, bool],
    P: nx.Graph,
) -> nx.Graph:
    """Author → organisation edges, one per author and organisation, with the works."""
    G = nx.Graph()
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for w, row in zip(used, nodes, strict=True):
        for a, node in zip(w.authorships, row, strict=True):
            for inst in a.institutions:
                org = org_node(inst.display_name, inst.id, inst.ror)
                if org not in G:
                    G.add_node(
                        org,
                        kind=NodeKind.ORGANISATION.value,
                        label=inst.display_name,
                        listed=False,
                        entries=(),
                        country=inst.country_code or "",
                    )
                links[node, org].append(w.id)
        for node, c in by_work[w.id].items():
            for h in c.hits:
                org = f"entry:{h.key}"
                if org not in G:
                    G.add_node(
                        org,
                        kind=NodeKind.ORGANISATION.value,
                        label=h.entry_name,
                        listed=True,
                        entries=(h.key,),
                        country="",
                    )
                links[node, org].append(w.id)
    for node in {n for n, _ in links}:
        G.add_node(node, **P.nodes[node])
    for (node, org), wids in links.items():
        ids = tuple(dict.fromkeys(wids))
        G.add_edge(
            node,
            org,
            weight=len(ids),
            works=ids,
            in_window=any(in_window[i] for i in ids),
            listed=G.nodes[org]["listed"],
        )
    return G


def _fingerprint(proposal_id: str, by_work: dict[str, dict[str, Contribution]]) -> str:
    """A content hash of the network's shape (not its window): the layout cache key."""
    h = hashlib.sha256(proposal_id.encode())
    for wid in sorted(by_work):
        row = by_work[wid]
        h.update(wid.encode())
        for node in sorted(row):
            h.update(node.encode())
            h.update(",".join(x.key for x in row[node].hits).encode())
    return h.hexdigest()[:16]
