"""The judgments store: reviewers' decisions as an append-only log of events.

Open it with :func:`open_store` (SQLite ``data/workbench.db`` by default,
PostgreSQL when ``WORKBENCH_DB_URL`` says so; the schema is migrated with
Alembic on open). Each save (:meth:`Store.save` of a :class:`Batch`: every event one action
produces, written all or none) names the version of the review its writer saw
(``expected_seq``) and is refused with :class:`StaleWriteError` when someone
else wrote meanwhile. Events are chained by hash; :meth:`Store.verify` reports
any tampering. The state of a review, :class:`ReviewState`, is derived
by folding its events; nothing is ever updated in place or deleted.
"""

from workbench.store.append import Batch
from workbench.store.chain import ChainBreak, ChainReport
from workbench.store.commands import (
    AddMeasure,
    RememberMatch,
    SetDisposition,
    SetJudgment,
    StartReview,
    UpdateMeasure,
)
from workbench.store.conflicts import StaleWriteError
from workbench.store.engine import database_url, head_revision, migrate
from workbench.store.events import Event
from workbench.store.memory import MatchVerdicts, RememberedMatch
from workbench.store.state import (
    CorruptLogError,
    FindingDecision,
    Judgment,
    ListVersion,
    Measure,
    ReviewState,
    fold,
)
from workbench.store.store import Store, open_store
from workbench.store.summary import ReviewSummary
from workbench.vocabulary import (
    Disposition,
    EventKind,
    MeasureKind,
    MeasureStatus,
    Outcome,
    ReviewStatus,
    Verdict,
)

__all__ = [
    "AddMeasure",
    "Batch",
    "ChainBreak",
    "ChainReport",
    "CorruptLogError",
    "Disposition",
    "Event",
    "EventKind",
    "FindingDecision",
    "Judgment",
    "ListVersion",
    "MatchVerdicts",
    "Measure",
    "MeasureKind",
    "MeasureStatus",
    "Outcome",
    "RememberMatch",
    "RememberedMatch",
    "ReviewState",
    "ReviewStatus",
    "ReviewSummary",
    "SetDisposition",
    "SetJudgment",
    "StaleWriteError",
    "StartReview",
    "Store",
    "UpdateMeasure",
    "Verdict",
    "database_url",
    "fold",
    "head_revision",
    "migrate",
    "open_store",
]
