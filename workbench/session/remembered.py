"""Remembered verdicts in the open: which apply to a proposal, and which findings they hide.

A reviewer who dismissed "this affiliation text is not that list entry" and
asked the store to remember it (for this proposal, or for every proposal) no
longer sees the finding it raised. The page says so: it lists the verdicts
that apply to the proposal shown, counts the findings they hide, and can show
those findings with who dismissed them, when and why. :func:`hidden_findings`
compares the findings screened with every verdict in force against those
screened without the dismissals; :func:`verdicts_behind` names the verdicts
behind one hidden finding.

Examples
--------
>>> from datetime import datetime, UTC
>>> from workbench.session.view import EvidenceRow, FindingRow
>>> from workbench.store.memory import RememberedMatch
>>> from workbench.vocabulary import Verdict
>>> ev = EvidenceRow("W1", "", "", "2024", False, "Li", "Harbin Inst. Technol.", "", 0.9)
>>> row = FindingRow("k1", "recent_coauthorship", "p3", "Sato", (), "L", "e1", "HIT",
...                  "report", "", "", (ev,), (("L", "e1"),))
>>> v = RememberedMatch("HARBIN INST TECHNOL", "L", "e1", Verdict.DISMISSED, "alice",
...                     datetime(2025, 6, 20, tzinfo=UTC), "P-1", "proposal", "a hospital", 4)
>>> [h.row.key for h in hidden_findings((row,), (), (v,))]
['k1']
>>> hidden_findings((row,), (row,), (v,))
()
>>> [x.id for x in verdicts_behind(row, (v,))]
['P-1#4']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.matching.memory import MatchMemory, memory_key
from workbench.session.view import FindingRow
from workbench.vocabulary import Verdict

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when first used
    from datetime import date

    from workbench.session.workspace import Screened, Workspace
    from workbench.store.memory import RememberedMatch


def _dismissal(v: RememberedMatch) -> bool:
    return v.verdict is Verdict.DISMISSED


@dataclass(frozen=True, slots=True)
class HiddenFinding:
    """A finding a remembered dismissal hides, with the verdicts that hide it."""

    row: FindingRow
    verdicts: tuple[RememberedMatch, ...]

    def as_json(self) -> dict[str, object]:
        """The finding as ``workbench screen``'s JSON names it (key, check, subject, entries)."""
        r = self.row
        entries = [{"list": lst, "entry_id": eid, "name": r.entry_name} for lst, eid in r.entries]
        return {"key": r.key, "check": r.check, "subject": r.subject, "list_entries": entries}


@dataclass(frozen=True, slots=True)
class RememberedView:
    """What the page shows of the remembered verdicts for one proposal."""

    proposal_id: str
    verdicts: tuple[RememberedMatch, ...] = ()  # those in force for the proposal
    hidden: tuple[HiddenFinding, ...] = ()  # findings they hide


def without_dismissals(verdicts: Iterable[RememberedMatch]) -> MatchMemory:
    """The memory of ``verdicts`` keeping only the confirmations (what screening shows
    when no dismissal hides anything)."""
    return MatchMemory.from_verdicts(
        (v.text, v.list_name, v.entry_id, Verdict.CONFIRMED) for v in verdicts if not _dismissal(v)
    )


def verdicts_behind(
    row: FindingRow, verdicts: Iterable[RememberedMatch]
) -> tuple[RememberedMatch, ...]:
    """The dismissals among ``verdicts`` naming an entry ``row`` cites and one of its texts."""
    cited = set(row.entries or ((row.list_name, row.entry_id),))
    texts = {memory_key(e.affiliation, "", "")[0] for e in row.evidence if e.affiliation}
    return tuple(
        v
        for v in verdicts
        if _dismissal(v)
        and (v.list_name, v.entry_id) in cited
        and memory_key(v.text, "", "")[0] in texts
    )


def hidden_findings(
    without: Sequence[FindingRow],
    shown: Sequence[FindingRow],
    verdicts: Sequence[RememberedMatch],
) -> tuple[HiddenFinding, ...]:
    """The findings screened ``without`` the dismissals that are not ``shown`` with them."""
    keys = {f.key for f in shown}
    return tuple(
        HiddenFinding(f, verdicts_behind(f, verdicts)) for f in without if f.key not in keys
    )


def remembered_view(
    proposal_id: str,
    verdicts: Sequence[RememberedMatch],
    shown: Sequence[FindingRow],
    screen_without: Callable[[MatchMemory], Sequence[FindingRow]],
) -> RememberedView:
    """The verdicts in force for ``proposal_id`` and the findings their dismissals hide
    from ``shown``; ``screen_without(memory)`` screens again with only the confirmations
    (not called when no dismissal applies)."""
    if not any(_dismissal(v) for v in verdicts):
        return RememberedView(proposal_id, tuple(verdicts))
    without = screen_without(without_dismissals(verdicts))
    return RememberedView(proposal_id, tuple(verdicts), hidden_findings(without, shown, verdicts))


def remembered(
    workspace: Workspace, folder_id: str, screened: Screened, as_of: date | None
) -> RememberedView:
    """The remembered verdicts in force for ``screened`` (of ``folder_id``, screened with
    ``as_of``) and the findings they hide: screened again without the dismissals, once,
    then kept like any screening."""
    pid = screened.proposal.proposal_id
    return remembered_view(
        pid,
        workspace.db.match_verdicts().for_proposal(pid),
        screened.view.findings,
        lambda memory: (
            workspace.screen(folder_id, as_of, screened.years, memory=memory).view.findings
        ),
    )
