"""The plain JSON form of a proposal, as :func:`workbench.proposal.load_proposal` reads it."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.model import Proposal
from workbench.proposal import PERSON_FIELDS

__all__ = ["proposal_to_data"]


def proposal_to_data(proposal: Proposal) -> dict[str, Any]:
    """The JSON form of a proposal, as :func:`load_proposal` reads it.

    Examples
    --------
    >>> from workbench.errors import ProblemCollector
    >>> from workbench.model import Person, Side
    >>> from workbench.proposal import proposal_from_data
    >>> p = Proposal("X-1", "t", (Person("p1", "Sato Haruki", Side.JP, "PI"),))
    >>> proposal_from_data(proposal_to_data(p), ProblemCollector("-")) == p
    True
    """

    def day(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "proposal_id": proposal.proposal_id,
        "title": proposal.title,
        "field": proposal.field,
        "call": proposal.call,
        "submitted": day(proposal.submitted),
        "people": [
            {
                **{k: getattr(p, k) for k in PERSON_FIELDS if k != "affiliations"},
                "side": p.side.value,
                "residency": p.residency.value,
                "affiliations": [
                    {
                        "organization": a.organization,
                        "country": a.country,
                        "type": a.type.value,
                        "is_research_institution": a.is_research_institution,
                        "start": day(a.start),
                        "end": day(a.end),
                    }
                    for a in p.affiliations
                ],
            }
            for p in proposal.people
        ],
        "organizations": [
            {
                "id": o.id,
                "name": o.name,
                "name_local": o.name_local,
                "country": o.country,
                "role": o.role.value,
                "receives_funding": o.receives_funding,
                "investors": [
                    {
                        "name": i.name,
                        "country": i.country,
                        "clearly_identified": i.clearly_identified,
                    }
                    for i in o.investors
                ],
            }
            for o in proposal.organizations
        ],
    }
