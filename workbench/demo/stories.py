"""All demo stories, in proposal order.

Examples
--------
>>> [s.proposal_id for s in STORIES][:2]
['ASPIRE-2025-D-001', 'ASPIRE-2025-D-002']
>>> len(STORIES)
12
"""

from __future__ import annotations

from workbench.demo.spec import Story
from workbench.demo.stories_quantum import QUANTUM
from workbench.demo.stories_semiconductors import SEMICONDUCTORS

STORIES: tuple[Story, ...] = tuple(sorted((*QUANTUM, *SEMICONDUCTORS), key=lambda s: s.number))


def story(proposal_id: str) -> Story:
    """The story of ``proposal_id``; ``KeyError`` when there is none."""
    for s in STORIES:
        if s.proposal_id == proposal_id:
            return s
    raise KeyError(proposal_id)
