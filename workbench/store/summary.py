"""Every review at a glance: status, outcome and last change per proposal, in two queries.

For pickers and portfolios, without folding every proposal's log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, func, select

from workbench.store.schema import events
from workbench.vocabulary import EventKind, Outcome, ReviewStatus


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """One proposal's review at a glance (for pickers and portfolios)."""

    proposal_id: str
    seq: int
    status: ReviewStatus
    outcome: Outcome | None
    last_reviewer: str
    last_changed_at: datetime


def review_summaries(engine: Engine) -> dict[str, ReviewSummary]:
    """Every proposal with a started review, by id."""
    last = (
        select(events.c.proposal_id, func.max(events.c.seq).label("seq"))
        .group_by(events.c.proposal_id)
        .subquery()
    )
    judged = (
        select(events.c.proposal_id, func.max(events.c.seq).label("seq"))
        .where(events.c.kind == str(EventKind.JUDGMENT))
        .group_by(events.c.proposal_id)
        .subquery()
    )
    with engine.connect() as conn:
        heads = conn.execute(
            select(events.c.proposal_id, events.c.seq, events.c.reviewer, events.c.created_at).join(
                last,
                and_(last.c.proposal_id == events.c.proposal_id, last.c.seq == events.c.seq),
            )
        ).all()
        outcomes = {
            r.proposal_id: Outcome(r.payload["outcome"])
            for r in conn.execute(
                select(events.c.proposal_id, events.c.payload).join(
                    judged,
                    and_(
                        judged.c.proposal_id == events.c.proposal_id,
                        judged.c.seq == events.c.seq,
                    ),
                )
            )
        }
    out = {}
    for r in heads:
        outcome = outcomes.get(r.proposal_id)
        status = ReviewStatus.JUDGED if outcome else ReviewStatus.IN_PROGRESS
        out[r.proposal_id] = ReviewSummary(
            r.proposal_id, r.seq, status, outcome, r.reviewer, r.created_at
        )
    return dict(sorted(out.items()))
