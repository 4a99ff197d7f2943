"""Re-screening after a list revision from the stored tables: only proposals it can change.

:func:`rescreen_stored` reads the tables ``workbench portfolio screen --out`` wrote
against the old list version, and the strings each proposal holds
(:mod:`workbench.portfolio.strings`). Each distinct string is asked once of the
matcher over the old lists and once of the matcher over the new ones; a string
*changes* when the answers differ, or when an entry it matches now names
another organisation across lists or is shown under another number, or when a
reviewer's remembered verdict names it. A string whose answer changes only in
the names of the entries it matches (an entry renamed: the same entries, spans
and scores) does not call for a screening: the stored rows take the new name
(:mod:`workbench.portfolio.renames`), so renaming an entry every proposal
names screens none again. Only the proposals holding another changed string
are screened again; the rows of every other proposal are the stored
ones, with what the list revision changes in every row brought up to date: the
list versions screened against, the changed list's version on its findings,
the entry facts (country, type, organisation and the lists naming it), the
renamed entries' names and the screening key. Only the proposals screened again
are compared (the others keep their findings' keys, evidence and cited entries).
The result is the full re-screening's, as the tests check.

When the stored tables cannot be used — missing, written against other lists,
a proposal's files changed since, another reference date or window — it
returns ``None`` and the caller screens in full (:func:`workbench.portfolio.rescreen`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from workbench.folders import find_proposals
from workbench.list_versions import diff_versions
from workbench.match_memo import MatchMemo
from workbench.matching.normalize import normalize
from workbench.model import ScreeningList
from workbench.organisations import organisations
from workbench.portfolio.keys import KEY, DigestMemo, proposal_keys, with_keys
from workbench.portfolio.renames import renamed, renamed_entries
from workbench.portfolio.rescreen import RescreenReport, compare
from workbench.portfolio.rows import FAILED, entry_info
from workbench.portfolio.screen import Progress, screen_local
from workbench.portfolio.stored import join_store, merge_tables, rows_of, stored_tables
from workbench.portfolio.strings import Strings, Text, answer, same_hits
from workbench.portfolio.tables import PortfolioTables, assemble
from workbench.screening import ListInfo, shown_ids
from workbench.window import DEFAULT_YEARS

#: the findings' columns of entry facts, and the attribute of EntryFacts each holds
_FACTS = {
    "entry_country": "country",
    "entry_type": "entity_type",
    "organisation": "organisation",
    "organisation_name": "organisation_name",
    "organisation_lists": "organisation_lists",
}


@dataclasses.dataclass(frozen=True)
class Incremental:
    """A re-screening from stored tables, and what it took."""

    report: RescreenReport
    changed: tuple[Text, ...]  # the strings whose answer changed
    screened: tuple[str, ...]  # the folders screened again
    reused: tuple[str, ...]  # the folders whose stored rows were brought up to date


def classify_strings(
    texts: set[Text],
    old_lists: Sequence[ScreeningList],
    new_lists: Sequence[ScreeningList],
    verdict_texts: frozenset[str] | set[str] = frozenset(),
    new_index: Any = None,
    answers: Mapping[Text, str] | None = None,
) -> tuple[set[Text], set[Text]]:
    """The strings whose screening the list revision can change (see the module text), and
    those of them whose answer changes only in entry names
    (:func:`workbench.portfolio.strings.same_hits`).

    ``new_index``: the matcher over ``new_lists``, when built already; ``answers``: the old
    answer of each string as kept with the tables (:meth:`Strings.answers`), else the old
    lists are matched again.
    """
    from workbench.matching import Matcher

    new = MatchMemo(new_index if new_index is not None else Matcher.from_lists(new_lists))
    if answers is None:
        old = MatchMemo(Matcher.from_lists(old_lists))
        answers = {(t, c): answer(old.match(t, c)) for t, c in texts}
    org_old, org_new = organisations(old_lists), organisations(new_lists)
    shown_old, shown_new = shown_ids(old_lists), shown_ids(new_lists)

    def moved(key: tuple[str, str]) -> bool:
        a, b = org_old.get(key), org_new.get(key)
        same_org = (a.key if a else None) == (b.key if b else None)
        return not same_org or shown_old.get(key) != shown_new.get(key)

    out, names_only = set(), set()
    for text, country in texts:
        after = new.match(text, country)
        before, now = answers.get((text, country)), answer(after)
        named = bool(verdict_texts) and normalize(text) in verdict_texts
        shifted = any(moved((m.list_name, m.entry_id)) for m in after)
        if before != now or named or shifted:
            out.add((text, country))
            if before is not None and not named and not shifted and same_hits(before, now):
                names_only.add((text, country))
    return out, names_only


def _brought_up_to_date(
    tables: PortfolioTables, new_lists: Sequence[ScreeningList], changed: ScreeningList
) -> PortfolioTables:
    """Stored rows as a screening against ``new_lists`` gives them (their matches unchanged)."""
    facts = entry_info(new_lists)
    p = tables.proposals.copy()
    ok = p["status"] != FAILED
    p.loc[ok, "lists"] = "; ".join(
        f"{x.name} {x.version or ''}".strip() for x in map(ListInfo.of, new_lists)
    )
    f = tables.findings.copy()
    of_list = f["list"] == changed.name
    f.loc[of_list, "list_version"] = changed.version.isoformat() if changed.version else None
    keys = list(zip(f["list"], f["entry_id"], strict=True))
    for col, attr in _FACTS.items():
        f[col] = [getattr(facts[k], attr) if k in facts else None for k in keys]
    e = tables.evidence.copy()
    e["organisation_name"] = [
        facts[k].organisation_name if k in facts else None
        for k in zip(e["list"], e["entry_id"], strict=True)
    ]
    return dataclasses.replace(tables, proposals=p, findings=f, evidence=e)


def rescreen_stored(
    folder: str | Path,
    tables_dir: str | Path,
    old_list: ScreeningList,
    new_list: ScreeningList,
    other_lists: Sequence[ScreeningList] = (),
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    store: Any = None,
    memory: bool = True,
    progress: Progress | None = None,
) -> Incremental | None:
    """:func:`workbench.portfolio.rescreen` from the tables kept in ``tables_dir`` (screened
    against ``[*other_lists, old_list]``), or None when they cannot be used."""
    diff = diff_versions(old_list, new_list)
    old_lists, new_lists = [*other_lists, old_list], [*other_lists, new_list]
    stored, strings = stored_tables(tables_dir), Strings.read(tables_dir)
    if stored is None or strings is None:
        return None
    if list(stored.lists["content_hash"]) != [x.content_hash for x in old_lists]:
        return None
    found = find_proposals(folder)
    verdicts = store.match_verdicts() if store is not None and memory else None
    digests = DigestMemo.read(tables_dir)
    kw: dict[str, Any] = {"memory": verdicts, "as_of": as_of, "years": years, "digests": digests}
    old_keys = proposal_keys(found, old_lists, **kw)
    p = stored.proposals
    kept = dict(zip(p["folder"], p[KEY], strict=True))
    screened = {f for f, s in zip(p["folder"], p["status"], strict=True) if s != FAILED}
    if set(kept) != {f.id for f in found} or any(
        kept[f] != old_keys.get(f) or strings.keys.get(f) != old_keys.get(f) for f in screened
    ):
        return None  # files changed since, or screened otherwise: screened in full
    from workbench.matching import Matcher

    said = {normalize(v.text) for v in verdicts.entries} if verdicts else set()
    index = Matcher.from_lists(new_lists)
    changed, names_only = classify_strings(
        strings.texts(), old_lists, new_lists, said, index, strings.answers()
    )
    again = strings.folders_holding(changed - names_only) & screened
    # the others' stored rows, renamed entries' names brought up to date (or screened again)
    reuse = set(kept) - again
    patched, unsure = renamed(
        rows_of(stored, reuse), renamed_entries(old_lists, new_lists), new_lists
    )
    if unsure:
        moved_out = set(p.loc[p["proposal_id"].isin(unsure), "folder"])
        again, reuse = again | moved_out, reuse - moved_out
        patched = rows_of(patched, reuse)
    todo = [f for f in found if f.id in again]
    rows = screen_local(
        todo,
        new_lists,
        as_of=as_of,
        years=years,
        verdicts=verdicts,
        progress=progress,
        index=index,
    )
    new_keys = proposal_keys(found, new_lists, **kw)
    old = join_store(stored, store)
    patched = _brought_up_to_date(patched, new_lists, new_list)
    merged = merge_tables(patched, assemble(rows, new_lists, store))
    new = with_keys(join_store(merged, store), new_keys)
    # a proposal not screened again keeps its findings' keys, evidence and cited entries
    changes, outcomes = compare(rows_of(old, again), rows_of(new, again), diff)
    report = RescreenReport(diff, changes, outcomes, old, new)
    done = tuple(f.id for f in todo)
    return Incremental(report, tuple(sorted(changed, key=str)), done, tuple(sorted(reuse)))
