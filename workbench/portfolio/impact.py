"""The impact of a list revision on the portfolio, between two registered versions of a list.

:func:`revisions` lists, per list, the versions registered in the
:class:`~workbench.list_versions.VersionRegistry` (newest first) — a list with
two or more can be compared. :func:`list_impact` loads the two versions from the
files they were registered from (refusing a file whose content changed since),
screens the portfolio against each (with the other lists as they are; each
side's tables kept between runs by :func:`workbench.portfolio.stored.refresh`,
so a second comparison screens nothing again), and compares the findings
(:func:`workbench.portfolio.rescreen.compare`). :func:`why` names the kind of
list change behind each changed finding, :func:`impact_rows` gives one row per
change with the person, the organisation and why, and :func:`per_proposal`
one row per proposal that gains or loses findings.

Examples
--------
>>> from datetime import date
>>> from workbench.list_versions import diff_versions
>>> from workbench.model import ListEntry, ScreeningList
>>> a = ListEntry("L", "1", "Org One")
>>> old = ScreeningList("L", "P", date(2025, 1, 1), "a.csv", (a,), "h1")
>>> new = ScreeningList("L", "P", date(2025, 2, 1), "b.csv",
...                     (a, ListEntry("L", "2", "Org Two")), "h2")
>>> d = diff_versions(old, new)
>>> why(d, "2", "new"), why(d, "1", "new"), why(d, "1", "old")
('added', 'other', 'other')
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import InputError, Problem
from workbench.list_versions import ListDiff, VersionRecord, VersionRegistry, diff_versions
from workbench.model import ScreeningList
from workbench.portfolio.rescreen import RescreenReport, compare
from workbench.portfolio.screen import Progress
from workbench.portfolio.stored import refresh
from workbench.window import DEFAULT_YEARS

#: the kinds of list change a changed finding is explained by
WHY = ("added", "removed", "renamed", "renumbered", "aliases", "other")
IMPACT_COLUMNS = (
    "proposal_id",
    "title",
    "change",
    "why",
    "person",
    "organisation",
    "entry_id",
    "reason",
)
PER_PROPOSAL_COLUMNS = (
    "proposal_id",
    "title",
    "gained",
    "lost",
    "other",
    "persons",
    "organisations",
)


def revisions(registry: VersionRegistry) -> dict[str, list[VersionRecord]]:
    """Registered versions per list name, newest first; only lists with two or more."""
    out: dict[str, list[VersionRecord]] = {}
    for r in registry.records():
        out.setdefault(r.name, []).append(r)
    return {
        name: sorted(rs, key=lambda r: (r.version or date.min, r.registered_at), reverse=True)
        for name, rs in sorted(out.items())
        if len(rs) >= 2
    }


def load_version(record: VersionRecord) -> ScreeningList:
    """The list of a registered version, from the file it was registered from.

    Raises :class:`~workbench.errors.InputError` when the file is gone or holds another version.
    """
    from workbench.lists import load_list

    path = Path(record.source)
    if not path.is_file():
        raise InputError(
            [Problem(record.source, "", "source", "the file of this list version is gone")]
        )
    lst = load_list(path).value
    if lst.content_hash != record.content_hash:
        raise InputError(
            [
                Problem(
                    record.source,
                    "",
                    "content_hash",
                    f"holds another version of {record.name} than the one registered "
                    f"({record.version_text or 'undated'})",
                )
            ]
        )
    return lst


def _side_folder(kept: Path, lists: Sequence[ScreeningList]) -> Path:
    digest = hashlib.sha256("\n".join(sorted(x.content_hash for x in lists)).encode())
    return kept / f"lists-{digest.hexdigest()[:16]}"


def list_impact(
    folder: str | Path,
    old: VersionRecord,
    new: VersionRecord,
    other_lists: Sequence[ScreeningList],
    *,
    kept: str | Path,
    store: Any = None,
    years: int = DEFAULT_YEARS,
    progress: Progress | None = None,
) -> RescreenReport:
    """Who gains or loses findings when ``old`` is replaced by ``new`` (see the module text)."""
    old_list, new_list = load_version(old), load_version(new)
    diff = diff_versions(old_list, new_list)
    others = [x for x in other_lists if x.name != old.name]
    tables = []
    for lst in (old_list, new_list):
        lists = [*others, lst]
        side = _side_folder(Path(kept), lists)
        run = refresh(side, folder, lists, store=store, years=years, progress=progress)
        tables.append(run.tables)
    changes, outcomes = compare(tables[0], tables[1], diff)
    return RescreenReport(diff, changes, outcomes, tables[0], tables[1])


def why(diff: ListDiff, entry_id: Any, side: str) -> str:
    """The kind of change of the entry ``entry_id`` (of the ``old`` or ``new`` version)."""
    if entry_id is None or (not isinstance(entry_id, str) and pd.isna(entry_id)):
        return "other"
    if any(e.entry_id == entry_id for e in (diff.added if side == "new" else diff.removed)):
        return "added" if side == "new" else "removed"
    for kind, changes in (("renamed", diff.renamed), ("renumbered", diff.renumbered)):
        if any(getattr(c, side).entry_id == entry_id for c in changes):
            return kind
    if any(getattr(a, side).entry_id == entry_id for a in diff.alias_changes):
        return "aliases"
    return "other"


def impact_rows(report: RescreenReport) -> pd.DataFrame:
    """One row per changed finding: proposal, change, why, person, organisation, reason."""
    c = report.changes
    titles = report.new.proposals.set_index("proposal_id")["title"].to_dict()
    rows = []
    for r in c.itertuples(index=False):
        side = "old" if r.change == "lost" else "new"
        kind = why(report.diff, r.entry_id, side) if r.list == report.diff.list_name else "other"
        rows.append(
            {
                "proposal_id": r.proposal_id,
                "title": titles.get(r.proposal_id),
                "change": r.change,
                "why": kind,
                "person": r.subject_name,
                "organisation": r.entry_name,
                "entry_id": r.entry_id,
                "reason": r.reason,
            }
        )
    return pd.DataFrame(rows, columns=list(IMPACT_COLUMNS))


def per_proposal(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per proposal with changed findings: counts, persons and organisations."""
    out = []
    for pid, g in rows.groupby("proposal_id", sort=True):
        out.append(
            {
                "proposal_id": pid,
                "title": g["title"].iloc[0],
                "gained": int((g["change"] == "gained").sum()),
                "lost": int((g["change"] == "lost").sum()),
                "other": int((~g["change"].isin(["gained", "lost"])).sum()),
                "persons": "; ".join(sorted({str(p) for p in g["person"].dropna()})),
                "organisations": "; ".join(sorted({str(o) for o in g["organisation"].dropna()})),
            }
        )
    frame = pd.DataFrame(out, columns=list(PER_PROPOSAL_COLUMNS))
    return frame.sort_values(["lost", "gained"], ascending=False, kind="stable").reset_index(
        drop=True
    )
