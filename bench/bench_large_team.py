"""How fast a proposal of a very large team screens: 16,000 people, no works.

A hostile or careless questionnaire can list thousands of people. Every check
asks the scope whether a person is in it, so a scope answered by scanning all
its decisions made the screening quadratic. The baseline, run side by side, is that linear scan
put back in place of the scope's index; the ratio is what the index saves.

Run: ``.venv/bin/python bench/bench_large_team.py`` (``make bench`` runs it too).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from workbench.errors import ProblemCollector
from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.model import Proposal
from workbench.proposal import proposal_from_data
from workbench.scope import Scope
from workbench.screening import screen

PEOPLE = 16_000


def _proposal() -> Proposal:
    people = [
        {
            "id": f"p{i}",
            "name": f"Person {i}",
            "side": "JP" if i % 2 else "NL",
            "role": "PI" if i == 0 else "researcher",
            "affiliations": [{"organization": "Kyoto University", "type": "primary"}],
        }
        for i in range(PEOPLE)
    ]
    data = {"proposal_id": "BIG", "title": "t", "submitted": "2025-06-20", "people": people}
    proposal = proposal_from_data(data, ProblemCollector("bench"))
    assert proposal is not None
    return proposal


@contextmanager
def _linear_scope() -> Iterator[None]:
    """The scope as it was: every question a scan of every decision."""
    indexed = Scope.includes
    Scope.includes = lambda self, kind, id_: any(  # type: ignore[method-assign]
        d.in_scope and d.kind == kind and d.id == id_ for d in self.decisions
    )
    try:
        yield
    finally:
        Scope.includes = indexed  # type: ignore[method-assign]


def main() -> None:
    lists = [load_list(p).value for p in shipped_lists()]
    matcher = Matcher.from_lists(lists)
    proposal = _proposal()
    start = time.perf_counter()
    screen(proposal, [], matcher, lists)
    indexed = time.perf_counter() - start
    print(f"{PEOPLE:,} people, indexed scope: {indexed:.1f} s")
    with _linear_scope():
        start = time.perf_counter()
        screen(proposal, [], matcher, lists)
        linear = time.perf_counter() - start
    print(f"{PEOPLE:,} people, linear scope (baseline): {linear:.1f} s")
    print(f"ratio baseline / indexed: {linear / indexed:.1f}x")


if __name__ == "__main__":
    main()
