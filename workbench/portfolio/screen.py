"""Screen a whole folder of proposals into portfolio tables.

:func:`screen_portfolio` finds one proposal per sub-folder
(:mod:`workbench.portfolio.folders`), screens each with
:func:`workbench.screening.screen` — reference date its ``submitted`` unless
``as_of`` is given — and assembles tidy tables (:mod:`workbench.portfolio.tables`).
The per-proposal work, :func:`screen_files`, is one pure function that both
engines run: ``"local"`` (this process, one proposal after the other, with one
match cache shared by all proposals) and ``"dask"`` (a ``dask.distributed``
cluster, :mod:`workbench.portfolio.dask_engine`); the tables are identical.

A malformed proposal folder never stops the run: a proposal is screened only
when its questionnaire and *every* one of its publication files load (screening
it without a broken file would silently miss co-authors); otherwise it is
listed as failed and every problem of every bad file goes into the
``problems`` table, naming the file, place and field.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem, Severity
from workbench.model import LoadReport, ScreeningList, Work
from workbench.portfolio.folders import ProposalFiles, find_proposals
from workbench.portfolio.rows import EntryInfo, ProposalRows, entry_info, failed_rows, result_rows
from workbench.portfolio.tables import PortfolioTables, assemble
from workbench.window import DEFAULT_YEARS

#: ``progress(done, total, label)`` after each proposal.
Progress = Callable[[int, int, str], None]
ENGINES = ("local", "dask")


class MemoMatcher:
    """A matcher whose answers are remembered across proposals (affiliations recur a lot).

    The wrapped matcher is a pure function of the text, so remembering its
    answers changes no result. The memory is emptied when it holds ``limit`` texts.
    """

    def __init__(self, matcher: Any, limit: int = 1_000_000) -> None:
        self.matcher = matcher
        self.limit = limit
        self._memo: dict[tuple[str, str | None], tuple[Any, ...]] = {}

    def match(self, text: str, country: str | None = None) -> tuple[Any, ...]:
        """The wrapped matcher's answer for ``text`` with the declared ``country`` (ISO code)."""
        key = (text, country)
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) >= self.limit:
                self._memo.clear()
            found = (
                self.matcher.match(text, country=country) if country else self.matcher.match(text)
            )
            hit = self._memo[key] = tuple(found)
        return hit


def _warning_problems(report: LoadReport) -> list[Problem]:
    return [
        Problem(report.source, "file", "(load report)", w, None, Severity.WARNING)
        for w in report.warnings
    ]


def _load_works(path: Path) -> Any:
    from workbench.portfolio.parquet_works import load_parquet_works
    from workbench.publications import load_works

    if path.name.lower().endswith(".parquet"):
        return load_parquet_works(path)
    return load_works(path)


def load_files(files: ProposalFiles) -> tuple[Any, tuple[Work, ...], list[Problem]]:
    """The proposal, its works (each id once, first file wins) and every problem found.

    The proposal is ``None`` when anything failed; the problems then hold every
    error of every file, not just the first.
    """
    from workbench.proposal import load_proposal_with_report

    problems: list[Problem] = list(files.problems)
    problems += [
        Problem(
            str(p),
            "file",
            "(file)",
            "not a questionnaire or publications file; ignored",
            "proposal.json, .xlsx, .json, .jsonl, .ndjson, .csv or .parquet",
            Severity.WARNING,
        )
        for p in files.ignored
    ]
    proposal = None
    if files.proposal_file is not None:
        try:
            loaded = load_proposal_with_report(files.proposal_file)
            proposal = loaded.value
            problems += _warning_problems(loaded.report)
        except InputError as exc:
            problems += exc.problems
    works: dict[str, Work] = {}
    repeated = 0
    for path in files.works_files:
        try:
            found = _load_works(path)
        except InputError as exc:
            problems += exc.problems
            continue
        problems += _warning_problems(found.report)
        for w in found.value:
            if w.id in works:
                repeated += 1
            else:
                works[w.id] = w
    if repeated:
        problems.append(
            Problem(
                str(files.folder),
                "publications",
                "id",
                f"{repeated} works found in more than one file were kept once",
                None,
                Severity.WARNING,
            )
        )
    if not files.works_files:
        problems.append(
            Problem(
                str(files.folder),
                "publications",
                "(file)",
                "no publications file: the co-authorship checks had no works to read",
                "works.json, publications.csv, works/*.parquet …",
                Severity.WARNING,
            )
        )
    if any(p.severity is Severity.ERROR for p in problems):
        proposal = None
    return proposal, tuple(works.values()), problems


def screen_files(
    files: ProposalFiles,
    lists: Sequence[ScreeningList],
    matcher: Any,
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    entries: EntryInfo | None = None,
) -> ProposalRows:
    """Load and screen one proposal folder; never raises for bad input (see the module text)."""
    from workbench.screening import screen

    folder = str(files.folder)
    try:
        proposal, works, problems = load_files(files)
        if proposal is None:
            return failed_rows(files.id, folder, problems)
        try:
            result = screen(proposal, works, matcher, lists, as_of=as_of, years=years)
        except InputError as exc:
            return failed_rows(files.id, folder, [*problems, *exc.problems])
        return result_rows(
            files.id,
            folder,
            proposal,
            works,
            result,
            entries if entries is not None else entry_info(lists),
            problems,
        )
    except Exception as exc:  # one broken folder must not stop a portfolio run
        return failed_rows(
            files.id,
            folder,
            [
                Problem(
                    folder,
                    "proposal folder",
                    "(error)",
                    f"could not be screened: {type(exc).__name__}: {exc}",
                )
            ],
        )


def screen_local(
    folders: Sequence[ProposalFiles],
    lists: Sequence[ScreeningList],
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    memory: Any = None,
    progress: Progress | None = None,
) -> list[ProposalRows]:
    """The local engine: this process, one proposal after the other."""
    from workbench.matching import Matcher

    matcher = MemoMatcher(Matcher.from_lists(lists, memory=memory))
    entries = entry_info(lists)
    out = []
    for n, files in enumerate(folders, start=1):
        out.append(screen_files(files, lists, matcher, as_of=as_of, years=years, entries=entries))
        if progress is not None:
            progress(n, len(folders), files.id)
    return out


@dataclass(frozen=True)
class PortfolioRun:
    """A finished portfolio screening: the tables, and how the run went."""

    tables: PortfolioTables
    engine: str
    seconds: float
    workers: int = 1


def screen_portfolio(
    folder: str | Path | Iterable[ProposalFiles],
    lists: Sequence[ScreeningList],
    as_of: date | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    *,
    years: int = DEFAULT_YEARS,
    store: Any = None,
    workers: int = 2,
) -> PortfolioRun:
    """Screen every proposal of ``folder`` against ``lists`` into portfolio tables.

    Parameters
    ----------
    folder
        A folder with one sub-folder per proposal (or the found folders themselves).
    lists
        The screening lists (every proposal is screened against all of them).
    as_of
        Reference date for all proposals; default: each proposal's ``submitted``.
    engine
        ``"local"`` or ``"dask"``.
    scheduler
        Dask only: a scheduler address (``tcp://host:8786``); default a
        ``LocalCluster`` of ``workers`` processes.
    progress
        Called as ``progress(done, total, label)`` after each proposal.
    store
        An open :class:`~workbench.store.Store`: its judgments, dispositions and
        measures are joined to the tables and its match memory used for matching.

    Raises
    ------
    InputError
        For a folder that does not exist or an unknown engine — never for a bad proposal.
    """
    if engine not in ENGINES:
        raise InputError(
            [
                Problem(
                    "--engine",
                    "command line",
                    "engine",
                    f"unknown engine {engine!r}",
                    " or ".join(ENGINES),
                )
            ]
        )
    found = find_proposals(folder) if isinstance(folder, str | Path) else list(folder)
    memory = store.match_memory() if store is not None else None
    start = time.perf_counter()
    if engine == "dask":
        from workbench.portfolio.dask_engine import screen_dask

        rows, n_workers = screen_dask(
            found,
            lists,
            as_of=as_of,
            years=years,
            memory=memory,
            scheduler=scheduler,
            workers=workers,
            progress=progress,
        )
    else:
        rows = screen_local(
            found, lists, as_of=as_of, years=years, memory=memory, progress=progress
        )
        n_workers = 1
    tables = assemble(rows, lists, store)
    return PortfolioRun(tables, engine, time.perf_counter() - start, n_workers)
