"""The reviewer's decisions about a screened proposal, written to the judgments store.

:class:`Decisions` is given the store (opened on first use) and the lists the
screenings were made with, and records decisions: each method is one plain call that raises
:class:`~workbench.errors.InputError` for bad input, or the store's
:class:`~workbench.store.conflicts.StaleWriteError` when the review moved on
since ``expected_seq``, for the page to show. A review is registered
(started) with the screening's lists, date and finding keys before the first
decision about it.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.output_text import safe_stem
from workbench.vocabulary import Disposition, Verdict

log = logging.getLogger("workbench")

if TYPE_CHECKING:
    from workbench.model import ScreeningList
    from workbench.session.screened import Screened
    from workbench.store.chain import ChainReport
    from workbench.store.history_text import HistoryWords
    from workbench.store.state import ReviewState
    from workbench.store.store import Store


def questionnaire_version(source: str) -> int | None:
    """The version of the questionnaire file ``source`` in its proposal folder: 1 + the
    versions its revisions kept (:mod:`workbench.session.intake`); None when never revised."""
    from workbench.session.intake import versions

    if not source:
        return None
    kept = versions(Path(source).parent)
    return len(kept) + 1 if kept else None


class Decisions:
    """Decisions about screened proposals, written to a store.

    ``store`` opens (or returns) the store when first needed; ``lists`` are the
    screening lists the screenings were made with (recorded when a review starts).
    """

    def __init__(
        self, store: Callable[[], Store], lists: Callable[[], tuple[ScreeningList, ...]]
    ) -> None:
        self._store = store
        self.lists = lists

    @property
    def db(self) -> Store:
        return self._store()

    def state(self, proposal_id: str) -> ReviewState:
        return self.db.state(proposal_id)

    def verify(self) -> ChainReport | None:
        """The store's tamper evidence checked (``None`` when it cannot be read; logged)."""
        try:
            return self.db.verify()
        except Exception:  # the page works on; the log says why the check could not run
            log.warning("the store could not be verified", exc_info=True)
            return None

    def _start(self, screened: Screened, expected_seq: int) -> list[Any]:
        """``[StartReview]`` unless the review already holds this screening, else ``[]``."""
        from workbench.store.commands import StartReview

        state = self.db.state(screened.proposal.proposal_id)
        keys = [f.key for f in screened.result.findings]
        version = questionnaire_version(screened.proposal.source)
        if state.seq == expected_seq:
            versions = {(lv.name, lv.version) for lv in state.lists}
            current = {(x.name, x.version.isoformat() if x.version else None) for x in self.lists()}
            if (
                state.started
                and state.finding_keys is not None
                and set(keys) <= set(state.finding_keys)
                and state.as_of == screened.result.as_of
                and versions == current
                and state.questionnaire_version == version
            ):
                return []
            keys = sorted(set(keys) | set(state.finding_keys or ()))
        # a stale expected_seq is left for the store to refuse with its own message
        return [StartReview(screened.result.as_of, tuple(self.lists()), tuple(keys), version)]

    def _save(
        self, screened: Screened, commands: list[Any], reviewer: str, seq: int
    ) -> ReviewState:
        """Save ``commands`` (after registering the screening if needed) in one transaction."""
        from workbench.store.append import Batch

        pid = screened.proposal.proposal_id
        return self.db.save(Batch(pid, [*self._start(screened, seq), *commands], reviewer, seq))

    def ensure_started(self, screened: Screened, reviewer: str, expected_seq: int) -> ReviewState:
        """Register the screening in the store unless the review already holds it."""
        start = self._start(screened, expected_seq)
        if not start:
            return self.db.state(screened.proposal.proposal_id)
        return self._save(screened, [], reviewer, expected_seq)

    def dispose(
        self,
        screened: Screened,
        key: str,
        disposition: str,
        rationale: str,
        remember: bool,
        *,
        reviewer: str,
        expected_seq: int,
        scope: str = "proposal",
    ) -> ReviewState:
        """Record a finding's disposition and, for a remembered dismissal, the false matches.

        ``scope``: the dismissal is remembered for this proposal (``proposal``) or for
        every proposal (``all``, which needs the rationale). All in one transaction:
        every event or none.
        """
        from workbench.store.commands import RememberMatch, SetDisposition

        commands: list[Any] = [SetDisposition(key, disposition, rationale)]
        row = screened.view.finding(key)
        if remember and disposition == Disposition.DISMISSED and row is not None and row.list_name:
            texts = dict.fromkeys(e.affiliation for e in row.evidence if e.affiliation)
            cited = row.entries or ((row.list_name, row.entry_id),)  # every list naming it
            commands += [
                RememberMatch(text, list_name, entry_id, Verdict.DISMISSED, scope, rationale)
                for text in texts
                for list_name, entry_id in cited
            ]
        return self._save(screened, commands, reviewer, expected_seq)

    def revoke(self, memory_id: str, reason: str, *, reviewer: str) -> ReviewState:
        """Withdraw the remembered verdict ``memory_id`` (``proposal#seq``): a new event,
        with the reason, in the log of the proposal it was recorded in."""
        return self.db.revoke_match(memory_id, reviewer=reviewer, reason=reason)

    def judge(
        self,
        screened: Screened,
        outcome: str,
        notes: str,
        measures: Sequence[Mapping[str, Any]],
        *,
        reviewer: str,
        expected_seq: int,
    ) -> ReviewState:
        """Record the judgment and the new measures in one transaction: all or nothing.

        Every command is checked before anything is written, so bad input
        (a past due date, an empty text) writes nothing, and another reviewer's
        write cannot land between the judgment and its measures.
        """
        from workbench.store.commands import AddMeasure, SetJudgment

        commands: list[Any] = [SetJudgment(outcome, notes)]
        commands += [
            AddMeasure(m["kind"], m["text"], tuple(m.get("persons") or ()), m.get("due"))
            for m in measures
        ]
        return self._save(screened, commands, reviewer, expected_seq)

    def update_measure(
        self,
        screened: Screened,
        measure_id: int,
        changes: Mapping[str, Any],
        *,
        reviewer: str,
        expected_seq: int,
    ) -> ReviewState:
        """Record new ``status`` and/or ``due`` (ISO date or ``None``) of a stored measure.

        One event; the store refuses it as stale when the review moved on since
        ``expected_seq``, or as bad input (unknown measure, past due date).
        """
        fields = {k: v for k, v in changes.items() if k in ("status", "due")}
        return self.db.update_measure(
            screened.proposal.proposal_id,
            measure_id,
            reviewer=reviewer,
            expected_seq=expected_seq,
            **fields,
        )

    def export_xlsx(
        self, screened: Screened, language: str = "ja", names: HistoryWords | None = None
    ) -> bytes:
        """The review record as an Excel workbook (bytes), checks and summaries in ``language``;
        the history in the words of the page (``names``: how it names findings and measures)."""
        from workbench.findings import export_row
        from workbench.glossary import check_label
        from workbench.store import export

        pid = screened.proposal.proposal_id
        rows = [export_row(f, language) for f in screened.data["findings"]]
        for row in rows:  # the check as the page names it, for the window screened with
            row["check"] = check_label(str(row["check"]), language, screened.years)
        state = export.require_started(self.db.state(pid))  # one state for record and history
        record = export.review_record(state, rows, exported_at=self.db.now())
        record["screening"]["lookback_years"] = screened.years  # the window the page showed
        if names is not None:
            for said, event in zip(record["history"], state.history, strict=True):
                said["summary_ja"] = names.describe(event, "ja")
                said["summary_en"] = names.describe(event, "en")
        with tempfile.TemporaryDirectory() as tmp:
            path = export.write_xlsx(record, Path(tmp) / f"{safe_stem(pid)}.xlsx")
            return Path(path).read_bytes()
