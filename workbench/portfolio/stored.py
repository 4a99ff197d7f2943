"""Portfolio tables kept between runs: screen only the proposals that are new or changed.

Every proposal row carries a ``screening_key``: a digest of the *content* of
everything that decides its screening — the bytes of its files, the lists as
loaded, the reviewers' match verdicts, the reference date and window, and the
workbench's own code (:func:`workbench.session.screening_cache.screening_key`,
the key the review page's cache uses). :func:`refresh` reads the tables that
``workbench portfolio screen --out`` (or an earlier :func:`refresh`) wrote,
keeps the rows of every proposal whose key is unchanged, screens only the
proposals that are missing or stale (and those that failed before), and writes
the merged tables back. What the store says — judgments, dispositions and
measures — is joined again on every refresh, since reviewers change it without
changing any key.

Examples
--------
>>> import tempfile
>>> from workbench.portfolio.tables import assemble
>>> out = Path(tempfile.mkdtemp())
>>> stored_tables(out) is None  # nothing written yet
True
>>> _ = assemble([], []).write(out)
>>> len(stored_tables(out).proposals)
0
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.folders import ProposalFiles, find_proposals
from workbench.model import ScreeningList
from workbench.portfolio.keys import KEY, DigestMemo, proposal_keys, with_keys
from workbench.portfolio.rows import FAILED, Row
from workbench.portfolio.screen import Progress, screen_local
from workbench.portfolio.tables import (
    SCHEMAS,
    PortfolioTables,
    _store_rows,
    assemble,
    frame,
)
from workbench.window import DEFAULT_YEARS

log = logging.getLogger("workbench")


def stored_tables(out_dir: str | Path) -> PortfolioTables | None:
    """The tables written in ``out_dir``, or None when there are none that can be read."""
    folder = Path(out_dir)
    if not all((folder / f"{name}.parquet").is_file() for name in SCHEMAS):
        return None
    try:
        return PortfolioTables.read(folder)
    except Exception:  # written by another version, or damaged: screened again
        log.warning("portfolio tables in %s could not be read; screening again", folder)
        return None


@dataclass(frozen=True)
class Refreshed:
    """The tables after a refresh, and what it took: folder ids reused and screened."""

    tables: PortfolioTables
    reused: tuple[str, ...]
    screened: tuple[str, ...]
    written: bool


def _reusable(stored: PortfolioTables | None, keys: dict[str, str]) -> set[str]:
    if stored is None or KEY not in stored.proposals.columns:
        return set()
    p = stored.proposals
    return {
        folder
        for folder, status, key in zip(p["folder"], p["status"], p[KEY], strict=True)
        if status != FAILED and isinstance(key, str) and keys.get(folder) == key
    }


def rows_of(stored: PortfolioTables, folders: set[str]) -> PortfolioTables:
    """The rows of ``stored`` that belong to the proposal folders ``folders``."""
    proposals = stored.proposals[stored.proposals["folder"].isin(folders)]
    ids = set(proposals["proposal_id"].dropna())

    def of(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["proposal_id"].isin(ids)]

    return dataclasses.replace(
        stored,
        proposals=proposals,
        findings=of(stored.findings),
        evidence=of(stored.evidence),
        scope=of(stored.scope),
        problems=stored.problems[stored.problems["folder"].isin(folders)],
    )


def merge_tables(old: PortfolioTables, new: PortfolioTables) -> PortfolioTables:
    """One set of tables, in the order a full screening gives (by proposal id, then folder)."""
    proposals = pd.concat([old.proposals, new.proposals], ignore_index=True)
    proposals = proposals.assign(_id=proposals["proposal_id"].fillna(""))
    proposals = proposals.sort_values(["_id", "folder"], kind="stable").drop(columns="_id")
    rank = {pid: i for i, pid in enumerate(proposals["proposal_id"]) if isinstance(pid, str)}
    folder_rank = {f: i for i, f in enumerate(proposals["folder"])}

    def ordered(name: str, by: str, ranks: dict[str, int]) -> pd.DataFrame:
        frame = pd.concat([getattr(old, name), getattr(new, name)], ignore_index=True)
        order = frame[by].map(ranks).fillna(len(ranks))
        return frame.iloc[order.argsort(kind="stable")].reset_index(drop=True)

    return PortfolioTables(
        proposals=proposals.reset_index(drop=True),
        findings=ordered("findings", "proposal_id", rank),
        evidence=ordered("evidence", "proposal_id", rank),
        scope=ordered("scope", "proposal_id", rank),
        problems=ordered("problems", "folder", folder_rank),
        measures=new.measures,
        lists=new.lists,
    )


def refresh(
    out_dir: str | Path,
    folder: str | Path | Iterable[ProposalFiles],
    lists: Sequence[ScreeningList],
    *,
    store: Any = None,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    progress: Progress | None = None,
    write: bool = True,
) -> Refreshed:
    """The portfolio tables of ``folder``, screening only proposals missing or stale in
    ``out_dir`` (and writing the result back there, unless ``write`` is false or nothing
    changed). A folder that cannot be written only costs the speed-up next time."""
    found = find_proposals(folder) if isinstance(folder, str | Path) else list(folder)
    verdicts = store.match_verdicts() if store is not None else None
    memo = DigestMemo.read(out_dir)
    keys = proposal_keys(found, lists, memory=verdicts, as_of=as_of, years=years, digests=memo)
    if write and memo.changed:
        _write_memo(memo, out_dir)
    stored = stored_tables(out_dir)
    reuse = _reusable(stored, keys)
    todo = [f for f in found if f.id not in reuse]
    if stored is None or not reuse:
        return _full(out_dir, found, lists, keys, store, as_of, years, progress, write)
    rows = (
        screen_local(todo, lists, as_of=as_of, years=years, verdicts=verdicts, progress=progress)
        if todo
        else []
    )
    # a folder screened now that claims an id a kept one holds: both are screened in one run,
    # so that the first of them keeps the id, as in a full screening
    claimed = {r.proposal.get("proposal_id") for r in rows} - {None}
    p = stored.proposals
    clash = {f for f, pid in zip(p["folder"], p["proposal_id"], strict=True) if pid in claimed}
    clash &= reuse
    if clash:
        again = [f for f in found if f.id in clash]
        reuse -= clash
        todo += again
        rows += screen_local(again, lists, as_of=as_of, years=years, verdicts=verdicts)
    old = rows_of(stored, reuse)
    new = with_keys(assemble(rows, lists, store), keys)
    tables = join_store(merge_tables(old, new), store)
    changed = bool(todo) or len(stored.proposals) != len(tables.proposals)
    written = _write(tables, out_dir) if write and changed else False
    return Refreshed(tables, tuple(sorted(reuse)), tuple(f.id for f in todo), written)


def _full(
    out_dir: str | Path,
    found: Sequence[ProposalFiles],
    lists: Sequence[ScreeningList],
    keys: dict[str, str],
    store: Any,
    as_of: date | None,
    years: int,
    progress: Progress | None,
    write: bool,
) -> Refreshed:
    verdicts = store.match_verdicts() if store is not None else None
    rows = screen_local(
        found, lists, as_of=as_of, years=years, verdicts=verdicts, progress=progress
    )
    tables = with_keys(assemble(rows, lists, store), keys)
    written = _write(tables, out_dir) if write else False
    return Refreshed(tables, (), tuple(f.id for f in found), written)


def _write(tables: PortfolioTables, out_dir: str | Path) -> bool:
    try:
        tables.write(out_dir)
    except OSError:
        log.warning("portfolio tables could not be written in %s", out_dir, exc_info=True)
        return False
    return True


def _write_memo(memo: DigestMemo, out_dir: str | Path) -> None:
    try:
        memo.write(out_dir)
    except OSError:
        log.warning("file digests could not be written in %s", out_dir, exc_info=True)


_JUDGMENT = ("review_status", "outcome", "judged_by", "judged_at", "judgment_notes")
_DISPOSITION = ("disposition", "rationale", "decided_by")


def join_store(tables: PortfolioTables, store: Any) -> PortfolioTables:
    """``tables`` with the store's judgments, dispositions and measures joined anew.

    For tables kept between runs: reviewers change the store without changing a
    proposal's files. A finding keeps the disposition it had when the store holds
    none under its own key (one recorded under a cited entry's key is found only
    when the proposal is screened).
    """
    if store is None:
        return tables
    p = tables.proposals.copy()
    screened = p["status"] != FAILED
    judgments, dispositions, measures = _store_rows(store, list(p.loc[screened, "proposal_id"]))
    not_reviewed: Row = {"review_status": "not-reviewed"}
    for col in _JUDGMENT:
        p.loc[screened, col] = [
            judgments.get(pid, not_reviewed).get(col) for pid in p.loc[screened, "proposal_id"]
        ]
    f = tables.findings.copy()
    hits = [
        dispositions.get(f"{pid}\x00{key}")
        for pid, key in zip(f["proposal_id"], f["key"], strict=True)
    ]
    for col in _DISPOSITION:
        f[col] = [h[col] if h else old for h, old in zip(hits, f[col], strict=True)]
    return dataclasses.replace(
        tables,
        proposals=frame("proposals", _records(p)),
        findings=frame("findings", _records(f)),
        measures=frame("measures", measures),
    )


def _records(df: pd.DataFrame) -> list[Row]:
    """Rows of ``df`` with missing values as None (what :func:`frame` takes)."""
    clean = df.astype(object).where(df.notna(), None)
    return [{str(k): v for k, v in row.items()} for row in clean.to_dict("records")]
