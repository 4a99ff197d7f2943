"""Stored findings citing a renamed list entry, brought up to date without screening again.

A revision that renames an entry changes the matcher's answer for every string
naming it, though only in the entry's name: the string still matches the same
entries, at the same place, with the same score
(:func:`workbench.portfolio.strings.same_hits`). A
proposal whose changed strings are all of that kind screens as before except
where the entry's name is shown — the findings' and evidence's ``entry_name``,
and the name leading the ``name [list id; …]`` a summary cites its entries by
(:func:`workbench.rules._entry`). :func:`renamed` writes the new name there
in the stored rows, each summary's citation rendered before and after the
rename; a proposal with a summary not holding that citation exactly once (a
rule that words it otherwise) is left to be screened again.

Examples
--------
>>> from workbench.model import ListEntry, ScreeningList
>>> old = ScreeningList("L", "P", None, "", (ListEntry("L", "1", "Old Name"),))
>>> new = ScreeningList("L", "P", None, "", (ListEntry("L", "1", "New Name"),))
>>> renamed_entries([old], [new])
{('L', '1'): ('Old Name', 'New Name')}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from workbench.findings import ListRef
from workbench.model import ScreeningList
from workbench.portfolio.tables import PortfolioTables
from workbench.rules import _entry as cited
from workbench.screening import shown_ids

Names = dict[tuple[str, str], tuple[str, str]]  # (list, entry id) -> (old name, new name)


def renamed_entries(old: Sequence[ScreeningList], new: Sequence[ScreeningList]) -> Names:
    """The entries whose name the revision changes (same list and id in both)."""
    before = {(x.name, e.entry_id): e.name for x in old for e in x.entries}
    return {
        (x.name, e.entry_id): (before[(x.name, e.entry_id)], e.name)
        for x in new
        for e in x.entries
        if (x.name, e.entry_id) in before and before[(x.name, e.entry_id)] != e.name
    }


def renamed(
    tables: PortfolioTables, names: Names, lists: Sequence[ScreeningList]
) -> tuple[PortfolioTables, set[str]]:
    """``tables`` with the new names of the ``names`` entries their findings rest on, and the
    proposal ids whose summaries could not be brought up to date (to be screened again)."""
    f = tables.findings
    refs = list(zip(f["list"], f["entry_id"], strict=True))
    at = [i for i, ref in enumerate(refs) if ref in names]
    if not at:
        return tables, set()
    shown = shown_ids(lists)
    f = f.copy()
    names_col, summary, summary_ja = (
        f[c].tolist() for c in ("entry_name", "summary", "summary_ja")
    )
    unsure: set[str] = set()
    for i in at:
        old_name, new_name = names[refs[i]]
        pid = str(f["proposal_id"].iat[i])
        entries = [e.partition(":")[::2] for e in str(f["entries"].iat[i]).split("; ")]
        if entries[0] != refs[i]:  # not the entries it cites, in order: screened again
            unsure.add(pid)
            continue
        others = tuple(ListRef(x, e, "", None, shown.get((x, e))) for x, e in entries[1:])
        first = refs[i]
        before = cited((ListRef(*first, old_name, None, shown.get(first)), *others))
        after = cited((ListRef(*first, new_name, None, shown.get(first)), *others))
        texts = (summary[i], summary_ja[i])
        if any(not isinstance(t, str) or t.count(before) != 1 for t in texts):
            unsure.add(pid)
            continue
        names_col[i] = new_name
        summary[i], summary_ja[i] = (t.replace(before, after) for t in texts)
    f["entry_name"], f["summary"], f["summary_ja"] = names_col, summary, summary_ja
    e = tables.evidence.copy()
    e_refs = zip(e["proposal_id"], e["list"], e["entry_id"], strict=True)
    e["entry_name"] = [
        names[(x, i)][1] if (x, i) in names and pid not in unsure else n
        for (pid, x, i), n in zip(e_refs, e["entry_name"], strict=True)
    ]
    return dataclasses.replace(tables, findings=f, evidence=e), unsure
