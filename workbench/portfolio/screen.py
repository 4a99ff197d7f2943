"""Screen a whole folder of proposals into portfolio tables.

:func:`screen_portfolio` finds one proposal per sub-folder
(:mod:`workbench.folders`, the rule the review page reads folders by too), screens each with
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

import dataclasses
import logging
import sys
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import InputError, Problem, Severity
from workbench.folders import ProposalFiles, find_proposals, load_files
from workbench.matching.memory import MatchMemory
from workbench.model import ScreeningList
from workbench.portfolio.keys import DigestMemo, proposal_keys, with_keys
from workbench.portfolio.rows import EntryInfo, ProposalRows, entry_info, failed_rows, result_rows
from workbench.portfolio.strings import Strings, Text, declared_texts, work_texts
from workbench.portfolio.tables import PortfolioTables, assemble
from workbench.remembered import Remembering, Suppressed
from workbench.window import DEFAULT_YEARS, Window

if TYPE_CHECKING:
    from workbench.store.memory import MatchVerdicts

log = logging.getLogger("workbench")

#: ``progress(done, total, label)`` after each proposal.
Progress = Callable[[int, int, str], None]
ENGINES = ("local", "dask")


def screen_files(
    files: ProposalFiles,
    lists: Sequence[ScreeningList],
    matcher: Any,
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    entries: EntryInfo | None = None,
    columnar: bool = True,
) -> ProposalRows:
    """Load and screen one proposal folder; never raises for bad input (see the module text).

    ``matcher`` is a :class:`~workbench.remembered.Remembering` (the remembered
    verdicts that apply to each proposal in force, as on the review page) or a
    plain matcher. ``columnar``: read Parquet works as columns and build records only
    for the works the screening can depend on (:mod:`workbench.portfolio.authorships`;
    the same rows, faster); ``False`` reads every work into records.
    """
    from workbench.screening import screen

    folder = str(files.folder)
    if columnar and isinstance(matcher, Remembering):
        try:
            fast = screen_columnar(files, lists, matcher, as_of=as_of, years=years, entries=entries)
        except Exception:  # never a wrong table: read the folder the ordinary way
            log.warning("%s: screened record by record", folder, exc_info=True)
            fast = None
        if fast is not None:
            return fast
    try:
        proposal, works, problems = load_files(files)
        if proposal is None:
            return failed_rows(files.id, folder, problems)
        suppressed = Suppressed()
        try:
            if isinstance(matcher, Remembering):
                result, suppressed = matcher.screen(
                    proposal, works, lists, as_of=as_of, years=years
                )
            else:
                result = screen(proposal, works, matcher, lists, as_of=as_of, years=years)
        except InputError as exc:
            return failed_rows(files.id, folder, [*problems, *exc.problems])
        rows = result_rows(
            files.id,
            folder,
            proposal,
            works,
            result,
            entries if entries is not None else entry_info(lists),
            problems,
        )
        rows.proposal["suppressed_by_memory"] = suppressed.count
        rows.proposal["suppressed_memory_ids"] = "; ".join(suppressed.memory_ids) or None
        texts: tuple[str | Text, ...] = (*work_texts(works), *declared_texts(proposal))
        return dataclasses.replace(rows, texts=texts)
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


def screen_columnar(
    files: ProposalFiles,
    lists: Sequence[ScreeningList],
    matcher: Remembering,
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    entries: EntryInfo | None = None,
) -> ProposalRows | None:
    """:func:`screen_files` for a folder of Parquet works, read as columns; None when the
    folder is to be read the ordinary way (see :mod:`workbench.portfolio.authorships`)."""
    from workbench.portfolio.authorships import read_authorships

    proposal, _, problems = load_files(files, works=False)
    if proposal is None or any(p.severity is Severity.ERROR for p in problems):
        return None
    found = read_authorships(files)
    if found is None:
        return None
    problems += found.problems
    try:
        window = Window.for_proposal(proposal, as_of, years)
    except InputError:
        return None
    works = found.works(proposal.people, _matches(matcher, proposal.proposal_id), window)
    try:
        result, suppressed = matcher.screen(proposal, works, lists, window=window)
    except InputError as exc:
        return failed_rows(files.id, str(files.folder), [*problems, *exc.problems])
    rows = result_rows(
        files.id,
        str(files.folder),
        proposal,
        works,
        result,
        entries if entries is not None else entry_info(lists),
        problems,
        counts=(len(found.work_ids), len(found.rows)),
    )
    rows.proposal["suppressed_by_memory"] = suppressed.count
    rows.proposal["suppressed_memory_ids"] = "; ".join(suppressed.memory_ids) or None
    texts: tuple[str | Text, ...] = (
        *(sys.intern(t) for t in found.texts()),
        *declared_texts(proposal),
    )
    return dataclasses.replace(rows, texts=texts)


#: per matcher (one per set of verdicts in force): whether each text asked matches
_HITS: weakref.WeakKeyDictionary[Any, dict[str, bool]] = weakref.WeakKeyDictionary()
_HITS_KEPT = 400_000


def _matches(matcher: Remembering, proposal_id: str | None) -> Callable[[str], bool]:
    """Whether a text matches with the proposal's verdicts in force, or is a match one of its
    dismissals hides (counted as hidden), each text asked once per set of verdicts."""
    memory = matcher.memory(proposal_id)
    memo, plain = matcher.matcher(memory), matcher.matcher(MatchMemory())
    known = _HITS.setdefault(memo, {})

    def matches(text: str) -> bool:
        hit = known.get(text)
        if hit is None:
            if len(known) >= _HITS_KEPT:
                known.clear()
            hit = bool(memo.match(text)) or (bool(memory.dismissed) and bool(plain.match(text)))
            known[text] = hit
        return hit

    return matches


def held_strings(rows: Sequence[ProposalRows], matcher: Remembering) -> Strings:
    """The strings of ``rows``' proposals, with the plain matcher's answer for each (kept from
    their screening)."""
    texts = Strings.of({r.proposal["folder"]: r.texts for r in rows}, {})
    return texts.answered(matcher.matcher(MatchMemory()).match)


def screen_local(
    folders: Sequence[ProposalFiles],
    lists: Sequence[ScreeningList],
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    verdicts: MatchVerdicts | None = None,
    progress: Progress | None = None,
    index: Any = None,
) -> list[ProposalRows]:
    """The local engine: this process, one proposal after the other (``index``: a
    :class:`~workbench.matching.Matcher` over ``lists`` already built, or a
    :class:`~workbench.remembered.Remembering` over it, whose matches it then keeps)."""
    if isinstance(index, Remembering):
        matcher = index.with_verdicts(verdicts)
    elif index is not None:
        matcher = Remembering(index, verdicts)
    else:
        matcher = Remembering.from_lists(lists, verdicts)
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
    #: the digests of the files screened (written beside the tables: a later run reads
    #: unchanged files no more)
    digests: DigestMemo | None = None
    #: the strings each proposal holds (written beside the tables: a re-screening after a
    #: list revision screens again only the proposals holding strings it changes)
    strings: Strings | None = None
    #: seconds of the run's parts (``screening``, ``tables``; on Dask also ``start`` and the
    #: workers' summed ``read index`` and ``tasks``: see ``dask_engine.DaskRun``)
    phases: tuple[tuple[str, float], ...] = ()

    def write(self, out: str | Path) -> list[Path]:
        """Write the tables, the file digests and the strings in ``out``; returns the
        tables' paths."""
        paths = self.tables.write(out)
        if self.digests is not None:
            self.digests.write(out)
        if self.strings is not None:
            self.strings.write(out)
        return paths


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
    memory: bool = True,
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
        measures are joined to the tables and its remembered verdicts applied to
        each proposal they hold for (:mod:`workbench.remembered`).
    memory
        ``False``: ignore the store's remembered verdicts (show every match).

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
    verdicts = store.match_verdicts() if store is not None and memory else None
    start = time.perf_counter()
    if engine == "dask":
        from workbench.portfolio.dask_engine import screen_dask

        done = screen_dask(
            found,
            lists,
            as_of=as_of,
            years=years,
            verdicts=verdicts,
            scheduler=scheduler,
            workers=workers,
            progress=progress,
        )
        rows, n_workers, held, phases = done.rows, done.workers, done.strings, done.phases
        digests = DigestMemo(done.digests)  # the workers digested the files they read
    else:
        matcher = Remembering.from_lists(lists, verdicts)
        rows = screen_local(
            found,
            lists,
            as_of=as_of,
            years=years,
            verdicts=verdicts,
            progress=progress,
            index=matcher,
        )
        phases = {"screening": time.perf_counter() - start}
        n_workers = 1
        held = [held_strings(rows, matcher)]
        digests = DigestMemo()
    keys = proposal_keys(found, lists, memory=memory, as_of=as_of, years=years, digests=digests)
    tables = with_keys(assemble(rows, lists, store), keys)
    strings = Strings.merged(held, keys)
    seconds = time.perf_counter() - start
    phases["tables"] = seconds - sum(v for k, v in phases.items() if k in ("start", "screening"))
    return PortfolioRun(tables, engine, seconds, n_workers, digests, strings, tuple(phases.items()))
