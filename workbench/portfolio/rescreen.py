"""Re-screen a portfolio against a new version of a list: who gains or loses findings, and why.

:func:`rescreen` screens every proposal against the old and against the new
version of one list (the other lists staying as they are), compares the
findings of each proposal by their stable keys, and explains each difference
from the list diff (:func:`workbench.list_versions.diff_versions`): the entry
was added or removed, renamed, or its aliases changed. A finding whose entry
was only renumbered (METI renumbers its list at each revision) is reported as
``renumbered``, not as one finding lost and another gained.

Changes (one row each):

``gained``       a finding only in the new screening
``lost``         a finding only in the old screening
``renumbered``   the same finding under the entry's new id
``cited``        the same finding (an organisation other lists name too) citing other
                 entries of the changed list: one added to or removed from it
``evidence``     the same finding with more or less evidence

A finding cites every entry that names its organisation (``entries``), so when the
changed list's entry is not the first it cites, its renumbering keeps the finding's key:
it is still reported as ``renumbered``, with that entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.list_versions import ListDiff, diff_versions
from workbench.model import ScreeningList
from workbench.portfolio.screen import PortfolioRun, Progress, screen_portfolio
from workbench.portfolio.tables import PortfolioTables

CHANGE_COLUMNS = (
    "proposal_id",
    "change",
    "key",
    "check",
    "subject",
    "subject_name",
    "list",
    "entry_id",
    "entry_name",
    "old_evidence",
    "new_evidence",
    "reason",
)
OUTCOME_COLUMNS = ("proposal_id", "old_outcome", "new_outcome", "gained", "lost")


@dataclass(frozen=True)
class RescreenReport:
    diff: ListDiff
    changes: pd.DataFrame  # CHANGE_COLUMNS
    outcomes: pd.DataFrame  # OUTCOME_COLUMNS, proposals whose findings changed
    old: PortfolioTables
    new: PortfolioTables

    @property
    def affected(self) -> list[str]:
        """Proposals that gain or lose at least one finding, sorted."""
        real = self.changes[self.changes["change"].isin(["gained", "lost"])]
        return sorted(set(real["proposal_id"]))

    def to_text(self) -> str:
        d = self.diff
        out = [
            f"{d.list_name}: {d.old_version} ({d.old_count}) → {d.new_version} ({d.new_count})",
            f"  added {len(d.added)}, removed {len(d.removed)}, renamed {len(d.renamed)}, "
            f"renumbered {len(d.renumbered)}, aliases changed {len(d.alias_changes)}",
            f"proposals screened: {len(self.new.screened)}; "
            f"gaining or losing findings: {len(self.affected)}",
        ]
        for pid, group in self.changes.groupby("proposal_id", sort=True):
            out.append(f"\n{pid}")
            o = self.outcomes[self.outcomes["proposal_id"] == pid]
            if len(o) and o.iloc[0]["old_outcome"] != o.iloc[0]["new_outcome"]:
                out.append(
                    f"  suggested outcome: {o.iloc[0]['old_outcome']} → {o.iloc[0]['new_outcome']}"
                )
            for r in group.itertuples(index=False):
                out.append(f"  {r.change:<10} {r.key}")
                out.append(f"             {r.reason}")
        return "\n".join(out) + "\n"

    def to_json(self) -> dict[str, Any]:
        def records(df: pd.DataFrame) -> list[dict[str, Any]]:
            return [
                {str(k): (None if pd.isna(v) else v) for k, v in row.items()}
                for row in df.astype(object).to_dict("records")
            ]

        return {
            "diff": self.diff.to_json(),
            "affected": self.affected,
            "changes": records(self.changes),
            "outcomes": records(self.outcomes),
        }


def compare(
    old: PortfolioTables, new: PortfolioTables, diff: ListDiff
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The finding changes and outcome changes between two screenings of one portfolio."""
    # rows as dicts, read once (row by row lookups in a frame cost a thousand times more)
    o = {(r["proposal_id"], r["key"]): r for r in old.findings.to_dict("records")}
    n = {(r["proposal_id"], r["key"]): r for r in new.findings.to_dict("records")}
    old_keys, new_keys = set(o), set(n)
    lost, gained = old_keys - new_keys, new_keys - old_keys
    rows: list[dict[str, Any]] = []

    def row(change: str, f: Any, reason: str, old_ev: Any, new_ev: Any) -> dict[str, Any]:
        return {
            "proposal_id": f["proposal_id"],
            "change": change,
            "key": f["key"],
            "check": f["check"],
            "subject": f["subject"],
            "subject_name": f["subject_name"],
            "list": f["list"],
            "entry_id": f["entry_id"],
            "entry_name": f["entry_name"],
            "old_evidence": old_ev,
            "new_evidence": new_ev,
            "reason": reason,
        }

    def moved_key(f: Any) -> tuple[str, str] | None:
        if f["list"] != diff.list_name or pd.isna(f["entry_id"]):
            return None
        new_id = diff.new_id_of(f["entry_id"])
        if new_id is None or new_id == f["entry_id"]:
            return None
        return (f["proposal_id"], f"{f['check']}:{f['subject']}:{f['list']}:{new_id}")

    for idx in sorted(lost):
        f: Any = o[idx]
        target = moved_key(f)
        if target is not None and target in gained:
            gained.discard(target)
            nf: Any = n[target]
            rows.append(
                row(
                    "renumbered",
                    nf,
                    diff.explain(nf["entry_id"], side="new"),
                    f["evidence"],
                    nf["evidence"],
                )
            )
            continue
        reason = (
            diff.explain(f["entry_id"], side="old")
            if f["list"] == diff.list_name
            else "finding on another list: changed through the matching of other findings"
        )
        rows.append(row("lost", f, reason, f["evidence"], None))
    for idx in sorted(gained):
        f = n[idx]
        reason = (
            diff.explain(f["entry_id"], side="new")
            if f["list"] == diff.list_name
            else "finding on another list: changed through the matching of other findings"
        )
        rows.append(row("gained", f, reason, None, f["evidence"]))
    for idx in sorted(old_keys & new_keys):
        before, after = int(o[idx]["evidence"]), int(n[idx]["evidence"])
        cited = _cited_change(o[idx], n[idx], diff)
        if cited is not None:
            change, entry_id = cited
            f = n[idx]
            moved = {**f, "list": diff.list_name, "entry_id": entry_id}
            side = "new" if change == "renumbered" or entry_id in _of_list(f, diff) else "old"
            reason = diff.explain(entry_id, side=side)
            rows.append(row(change, moved, reason, before, after))
        elif before != after:
            f = n[idx]
            reason = (
                diff.explain(f["entry_id"], side="new")
                if f["list"] == diff.list_name
                else "evidence changed"
            )
            rows.append(
                row(
                    "evidence", f, f"{before} → {after} pieces of evidence; {reason}", before, after
                )
            )
    changes = pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    changes = changes.sort_values(["proposal_id", "change", "key"], kind="stable").reset_index(
        drop=True
    )
    po = old.proposals.set_index("proposal_id")["suggested_outcome"]
    pn = new.proposals.set_index("proposal_id")["suggested_outcome"]
    outcome_rows = []
    for pid in sorted(set(changes["proposal_id"])):
        mine = changes[changes["proposal_id"] == pid]
        outcome_rows.append(
            {
                "proposal_id": pid,
                "old_outcome": po.get(pid),
                "new_outcome": pn.get(pid),
                "gained": int((mine["change"] == "gained").sum()),
                "lost": int((mine["change"] == "lost").sum()),
            }
        )
    return changes, pd.DataFrame(outcome_rows, columns=list(OUTCOME_COLUMNS))


def _of_list(f: Any, diff: ListDiff) -> list[str]:
    """The ids of the changed list's entries a finding row cites (``entries`` column)."""
    cited = f.get("entries")
    if cited is None or pd.isna(cited):
        return [str(f["entry_id"])] if f["list"] == diff.list_name else []
    prefix = f"{diff.list_name}:"
    return [e.removeprefix(prefix) for e in str(cited).split("; ") if e.startswith(prefix)]


def _cited_change(before: Any, after: Any, diff: ListDiff) -> tuple[str, str] | None:
    """How the changed list's entries cited by one finding (same key) changed, if they did:
    ``("renumbered", new id)`` or ``("cited", the id added or removed)``."""
    old_ids, new_ids = _of_list(before, diff), _of_list(after, diff)
    if old_ids == new_ids:
        return None
    for old_id in old_ids:
        new_id = diff.new_id_of(old_id)
        if new_id is not None and new_id != old_id and new_id in new_ids:
            return "renumbered", new_id
    changed = [i for i in new_ids if i not in old_ids] or [i for i in old_ids if i not in new_ids]
    return "cited", changed[0]


def rescreen(
    folder: str | Path,
    old_list: ScreeningList,
    new_list: ScreeningList,
    other_lists: Sequence[ScreeningList] = (),
    *,
    as_of: date | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    store: Any = None,
    memory: bool = True,
) -> RescreenReport:
    """Screen ``folder`` against ``old_list`` and ``new_list`` and report the differences.

    Raises
    ------
    InputError
        When ``old_list`` and ``new_list`` are not two versions of one list.

    ``memory``: ``False`` ignores the store's remembered verdicts.
    """
    diff = diff_versions(old_list, new_list)
    runs: list[PortfolioRun] = [
        screen_portfolio(
            folder,
            [*other_lists, lst],
            as_of,
            engine,
            scheduler,
            progress,
            store=store,
            memory=memory,
        )
        for lst in (old_list, new_list)
    ]
    changes, outcomes = compare(runs[0].tables, runs[1].tables, diff)
    return RescreenReport(diff, changes, outcomes, runs[0].tables, runs[1].tables)
