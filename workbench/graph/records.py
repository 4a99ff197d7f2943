"""The values a co-authorship graph is made of, and the graph wrapper itself.

Node ids are plain strings that stay the same from one build to the next:

==================  ==========================================================
``person:p1``       a team member (the proposal's person id)
``orcid:0000-…``    a co-author identified by ORCID iD
``openalex:A5…``    a co-author identified by OpenAlex author id
``name:lei zhang``  a co-author known only by a name (normalised)
``org:I123``        an organisation from a work's structured institutions
``entry:<list>:<id>``  a listed organisation (a screening-list entry)
==================  ==========================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

import networkx as nx

from workbench.model import PubDate, Work
from workbench.window import Window


class NodeKind(StrEnum):
    TEAM = "team"
    COAUTHOR = "coauthor"
    LISTED_COAUTHOR = "listed-coauthor"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class ListHit:
    """A list entry found in one affiliation string, with where it was found."""

    list_name: str
    entry_id: str
    entry_name: str
    affiliation: str
    span: tuple[int, int]
    score: float = 1.0

    @property
    def key(self) -> str:
        """``"<list>:<entry id>"``, the form findings use."""
        return f"{self.list_name}:{self.entry_id}"


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one author gave on one work: the printed name and the affiliations."""

    work_id: str
    node: str
    author_name: str
    affiliations: tuple[str, ...]
    hits: tuple[ListHit, ...] = ()

    @property
    def listed(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True, slots=True)
class SharedWork:
    """One work two authors share: the evidence of a link (see :meth:`CoauthorGraph.shared`)."""

    work_id: str
    title: str
    date: PubDate | None
    in_window: bool
    contributions: tuple[Contribution, Contribution]

    def of(self, node: str) -> Contribution:
        """The contribution of ``node`` (one of the two ends)."""
        for c in self.contributions:
            if c.node == node:
                return c
        raise KeyError(node)

    @property
    def hits(self) -> tuple[ListHit, ...]:
        return self.contributions[0].hits + self.contributions[1].hits

    @property
    def flagged(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What the builder did with its input: counted, never silently dropped."""

    works_read: int
    works_used: int
    authorships: int
    duplicate_works: tuple[str, ...] = ()  # "<dropped id>: same <key> as <kept id>"
    works_without_authors: tuple[str, ...] = ()  # work ids
    works_without_date: tuple[str, ...] = ()  # work ids (never inside a window)
    authorships_without_affiliation: int = 0
    repeated_authors: tuple[str, ...] = ()  # "<work id>: <node> listed twice"
    ambiguous_names: tuple[str, ...] = ()
    distinct_affiliations: int = 0
    matcher_calls: int = 0

    def summary(self) -> str:
        return (
            f"{self.works_read} works read, {self.works_used} used, "
            f"{len(self.duplicate_works)} duplicates, "
            f"{len(self.works_without_authors)} without authors, "
            f"{self.authorships} authorships, "
            f"{self.authorships_without_affiliation} without affiliation, "
            f"{len(self.ambiguous_names)} ambiguous names"
        )


@dataclass(frozen=True, eq=False)
class CoauthorGraph:
    """A proposal's co-authorship network, read-only once built.

    ``bipartite`` holds work and author nodes (attribute ``bipartite`` 0 / 1);
    ``coauthors`` is its weighted projection onto authors (``weight`` = joint
    works); ``organisations`` links authors to organisations per work. All three
    are frozen networkx graphs.
    """

    proposal_id: str
    as_of: date
    window: Window
    bipartite: nx.Graph
    coauthors: nx.Graph
    organisations: nx.Graph
    works: Mapping[str, Work]
    contributions: Mapping[str, tuple[Contribution, ...]]  # node -> its contributions
    by_work: Mapping[str, Mapping[str, Contribution]]  # work id -> node -> contribution
    team: Mapping[str, str]  # person id -> node id
    report: BuildReport
    fingerprint: str
    meta: Mapping[str, Any] = field(default_factory=dict)

    def node_of_person(self, person_id: str) -> str | None:
        return self.team.get(person_id)

    @property
    def team_nodes(self) -> tuple[str, ...]:
        return tuple(self.team.values())

    @property
    def listed_nodes(self) -> tuple[str, ...]:
        """Co-authors who gave a listed affiliation on some work."""
        return tuple(
            n for n, k in self.coauthors.nodes(data="kind") if k == NodeKind.LISTED_COAUTHOR
        )

    def shared(self, u: str, v: str) -> tuple[SharedWork, ...]:
        """The works behind the link ``u``–``v``, oldest first, with what each gave on each."""
        ids = self.coauthors.edges[u, v]["works"]
        out = []
        for wid in ids:
            w, row = self.works[wid], self.by_work[wid]
            inside = w.date is not None and self.window.contains(w.date)
            out.append(SharedWork(wid, w.title, w.date, inside, (row[u], row[v])))
        return tuple(out)

    def works_of(self, node: str) -> tuple[tuple[Work, Contribution], ...]:
        """The works of an author with what they gave on each, newest first."""
        pairs = [(self.works[c.work_id], c) for c in self.contributions.get(node, ())]
        return tuple(sorted(pairs, key=lambda p: _sort_date(p[0].date), reverse=True))

    def institution_view(self) -> nx.Graph:
        """Authors, co-authorship links and author–organisation links in one graph."""
        return nx.freeze(nx.compose(self.coauthors, self.organisations))


def _sort_date(d: PubDate | None) -> date:
    return d.earliest() if d is not None else date.min
