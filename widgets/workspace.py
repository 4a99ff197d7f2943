"""The review page's one doorway to the domain package: proposals, lists, screening, store.

:class:`Workspace` holds what a page session works with — the proposals
folder, the screening lists and the matcher built from them (once), and the
judgments store — and offers the few operations the page needs, each a plain
call that raises :class:`~workbench.errors.InputError` or the store's
:class:`~workbench.store.conflicts.StaleWriteError` for the page to show.
Nothing here imports a widget, so it is tested without a browser.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import InputError, Problem
from workbench.model import Proposal, ScreeningList, Work
from workbench.settings import Settings

from .view import ReviewView, build_view

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported when first used
    from workbench.store.state import ReviewState
    from workbench.store.store import Store

log = logging.getLogger("widgets")

#: Screened proposals kept in memory (most recently used).
CACHE_SIZE = 24

PROPOSAL_FILES = ("proposal.json", "questionnaire.xlsx", "proposal.xlsx")
WORKS_FILES = ("works.json", "works.jsonl", "publications.csv")

Progress = Callable[[str, float], None]


def _no_progress(step: str, fraction: float) -> None:
    return None


@dataclass(frozen=True, slots=True)
class ProposalFolder:
    """One proposal of the data folder, as found on disk."""

    id: str
    folder: Path
    proposal_file: Path | None
    works_files: tuple[Path, ...]
    title: str = ""
    error: str = ""


@dataclass(frozen=True, slots=True)
class Screened:
    """A proposal screened: the domain result, its JSON, the page's view, and the graph."""

    proposal: Proposal
    works: tuple[Work, ...]
    result: Any  # workbench.screening.ScreeningResult
    data: Mapping[str, Any]  # result.to_json()
    view: ReviewView
    graph: Any = None  # workbench.graph.CoauthorGraph, when the graph builder is present
    seconds: float = 0.0
    years: int = 2


@dataclass
class Workspace:
    """Proposals folder + lists + matcher + store, for one page session.

    Parameters
    ----------
    settings
        Where the proposals, lists and store are.
    store
        An open store (tests pass one on a temporary SQLite file); default
        opens ``settings.db_url``.
    """

    settings: Settings
    store: Store | None = None
    _lists: tuple[ScreeningList, ...] | None = field(default=None, init=False)
    _index: Any = field(default=None, init=False)  # Matcher without memory: the list index
    _matcher: Any = field(default=None, init=False)
    _memory: Any = field(default=None, init=False)  # the MatchMemory the matcher obeys
    _memory_version: int = field(default=0, init=False)
    _loaded: dict[str, tuple[Proposal, tuple[Work, ...]]] = field(default_factory=dict, init=False)
    _screened: OrderedDict[tuple[str, str, int, int], Screened] = field(
        default_factory=OrderedDict, init=False
    )
    _key_locks: dict[tuple[str, str, int, int], threading.Lock] = field(
        default_factory=dict, init=False
    )
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False)

    @property
    def db(self) -> Store:
        """The store, opened (and migrated) on first use."""
        with self._lock:
            if self.store is None:
                from workbench.store.store import open_store

                self.store = open_store(self.settings.db_url)
            return self.store

    # ---- proposals ---------------------------------------------------------------------

    def folders(self) -> list[ProposalFolder]:
        """Every proposal sub-folder of the data folder, sorted by id."""
        root = self.settings.data_dir
        if not root.is_dir():
            raise InputError(
                [
                    Problem(
                        str(root),
                        "data folder",
                        "WORKBENCH_DATA_DIR",
                        "folder not found",
                        "a folder with one sub-folder per proposal",
                    )
                ]
            )
        found = []
        for sub in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            proposal_file = next((sub / n for n in PROPOSAL_FILES if (sub / n).is_file()), None)
            works = tuple(sub / n for n in WORKS_FILES if (sub / n).is_file())
            if proposal_file is None:
                continue
            found.append(ProposalFolder(sub.name, sub, proposal_file, works))
        return found

    def proposals(self, *, statuses: bool = True) -> list[dict[str, Any]]:
        """Picker entries: ``id``, ``proposal_id``, ``title``, ``status`` and ``error``.

        ``statuses=False`` leaves the status empty (the store is not opened).
        """
        known = self.statuses() if statuses else {}
        entries = []
        for f in self.folders():
            title, error, pid = "", "", f.id
            try:
                proposal = self._proposal(f)
                title, pid = proposal.title, proposal.proposal_id
            except InputError as exc:
                error = str(exc.problems[0])
            except (OSError, ValueError) as exc:
                error = str(exc)
            status = known.get(pid, "not-reviewed") if statuses else ""
            entries.append(
                {"id": f.id, "proposal_id": pid, "title": title, "status": status, "error": error}
            )
        return entries

    def statuses(self) -> dict[str, str]:
        """Review status by proposal id, for every proposal with a started review."""
        return {pid: str(r.status) for pid, r in self.db.reviews().items()}

    def _folder(self, folder_id: str) -> ProposalFolder:
        found = next((f for f in self.folders() if f.id == folder_id), None)
        if found is None:
            raise InputError(
                [
                    Problem(
                        str(self.settings.data_dir),
                        folder_id,
                        "proposal",
                        "not found",
                        "a proposal folder",
                    )
                ]
            )
        return found

    def _proposal(self, f: ProposalFolder) -> Proposal:
        from workbench.proposal import load_proposal

        assert f.proposal_file is not None
        return load_proposal(f.proposal_file)

    def load(self, folder_id: str) -> tuple[Proposal, tuple[Work, ...]]:
        """The proposal of ``folder_id`` and its works (read once per session)."""
        with self._lock:
            if folder_id in self._loaded:
                return self._loaded[folder_id]
        from workbench.publications import load_works_many

        f = self._folder(folder_id)
        proposal = self._proposal(f)
        works: tuple[Work, ...] = ()
        if f.works_files:
            loaded = load_works_many(f.works_files)
            works = loaded.value
        with self._lock:
            self._loaded[folder_id] = (proposal, works)
        return proposal, works

    # ---- lists and matcher -------------------------------------------------------------

    def lists(self) -> tuple[ScreeningList, ...]:
        """The screening lists of the settings, loaded once."""
        with self._lock:
            if self._lists is None:
                from workbench.lists import load_list

                missing = [p for p in self.settings.lists if not p.is_file()]
                if missing:
                    raise InputError(
                        [
                            Problem(
                                str(p),
                                "list file",
                                "WORKBENCH_LISTS",
                                "file not found",
                                "a list file",
                            )
                            for p in missing
                        ]
                    )
                self._lists = tuple(load_list(p).value for p in self.settings.lists)
            return self._lists

    def matcher(self) -> Any:
        """The matcher over the lists (index built once) with the store's match memory in force."""
        from workbench.matching import Matcher

        memory = self.db.match_memory()
        with self._lock:
            if self._index is None:
                self._index = Matcher.from_lists(self.lists())
            if self._matcher is None or memory != self._memory:
                self._matcher = self._index.with_memory(memory)
                self._memory = memory
                self._memory_version += 1
            return self._matcher

    # ---- screening ---------------------------------------------------------------------

    def screen(
        self,
        folder_id: str,
        as_of: date | None = None,
        years: int | None = None,
        progress: Progress = _no_progress,
    ) -> Screened:
        """Screen one proposal (cached per reference date, window and match memory)."""
        started = time.perf_counter()
        years = self.settings.lookback_years if years is None else years
        progress("progress.lists", 0.05)
        matcher = self.matcher()
        key = (folder_id, as_of.isoformat() if as_of else "", years, self._memory_version)
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # one screening per key at a time; a second caller takes its result
            with self._lock:
                cached = self._screened.get(key)
                if cached is not None:
                    self._screened.move_to_end(key)
                    return cached
            screened = self._screen(folder_id, matcher, as_of, years, progress, started)
            with self._lock:
                self._screened[key] = screened
                while len(self._screened) > CACHE_SIZE:
                    self._screened.popitem(last=False)
            return screened

    def _screen(
        self,
        folder_id: str,
        matcher: Any,
        as_of: date | None,
        years: int,
        progress: Progress,
        started: float,
    ) -> Screened:
        from workbench.screening import screen

        progress("progress.loading", 0.15)
        proposal, works = self.load(folder_id)
        progress("progress.screening", 0.35)
        result = screen(proposal, works, matcher, self.lists(), as_of=as_of, years=years)
        data = result.to_json()
        progress("progress.graph", 0.65)
        graph = self._graph(proposal, works, matcher, result.as_of, years)
        titles = {w.id: w.title for w in works}
        view = build_view(data, proposal, self.lists(), titles, works=len(works))
        return Screened(
            proposal, works, result, data, view, graph, time.perf_counter() - started, years
        )

    def cached(self, folder_id: str) -> bool:
        """Whether ``folder_id`` is screened in memory for the default window."""
        key = (folder_id, "", self.settings.lookback_years, self._memory_version)
        with self._lock:
            return key in self._screened

    def prefetch(
        self,
        folder_ids: Sequence[str],
        stop: threading.Event,
        idle: threading.Event | None = None,
        done_one: Callable[[int], None] | None = None,
    ) -> int:
        """Screen proposals ahead of the reviewer (default window), so a switch is instant.

        Waits for ``idle`` before each proposal (the reviewer's own screening goes
        first) and ends when ``stop`` is set. Proposals that fail are left for the
        reviewer to open, where the error is shown. Returns how many were screened.
        """
        done = 0
        for folder_id in folder_ids[:CACHE_SIZE]:
            if idle is not None:
                idle.wait()
            if stop.is_set():
                break
            try:
                self.screen(folder_id)
                done += 1
                if done_one is not None:
                    done_one(done)
            except Exception:  # shown when the reviewer opens it
                log.info("prefetch of %s failed", folder_id, exc_info=True)
            with self._lock:  # keep the works only of what is cached
                cached = {k[0] for k in self._screened}
                for stale in [f for f in self._loaded if f not in cached]:
                    del self._loaded[stale]
        return done

    def _graph(
        self, proposal: Proposal, works: Sequence[Work], matcher: Any, as_of: date, years: int
    ) -> Any:
        try:
            from workbench.graph import build_graph
        except ImportError:  # pragma: no cover - the graph package ships with the workbench
            return None
        return build_graph(proposal, works, matcher, as_of=as_of, years=years)

    def view_with_decisions(self, screened: Screened, state: ReviewState) -> ReviewView:
        """The view with the suggested outcome recomputed from the reviewer's dispositions."""
        from dataclasses import replace

        from workbench.outcome import suggest_outcome

        dismissed = {k for k, d in state.dispositions.items() if str(d.disposition) == "dismissed"}
        confirmed = {k for k, d in state.dispositions.items() if str(d.disposition) == "confirmed"}
        if not dismissed and not confirmed:
            return screened.view
        outcome = suggest_outcome(
            screened.result.findings, dismissed=dismissed, confirmed=confirmed
        )
        data = dict(screened.data)
        data["suggested_outcome"] = outcome.to_json()
        fresh = build_view(data, screened.proposal, (), None, works=len(screened.works))
        return replace(screened.view, outcome=fresh.outcome)

    # ---- store -------------------------------------------------------------------------

    def state(self, proposal_id: str) -> ReviewState:
        return self.db.state(proposal_id)

    def ensure_started(self, screened: Screened, reviewer: str, expected_seq: int) -> ReviewState:
        """Register the screening in the store unless the review already holds it."""
        pid = screened.proposal.proposal_id
        state = self.db.state(pid)
        if state.seq != expected_seq:
            # let the store refuse the stale write with its own message
            return self.db.start_review(
                pid,
                reviewer=reviewer,
                expected_seq=expected_seq,
                as_of=screened.result.as_of,
                lists=self.lists(),
                finding_keys=[f.key for f in screened.result.findings],
            )
        keys = tuple(f.key for f in screened.result.findings)
        versions = {(lv.name, lv.version) for lv in state.lists}
        current = {(x.name, x.version.isoformat() if x.version else None) for x in self.lists()}
        if (
            state.started
            and state.finding_keys is not None
            and set(keys) <= set(state.finding_keys)
            and state.as_of == screened.result.as_of
            and versions == current
        ):
            return state
        return self.db.start_review(
            pid,
            reviewer=reviewer,
            expected_seq=expected_seq,
            as_of=screened.result.as_of,
            lists=self.lists(),
            finding_keys=sorted(set(keys) | set(state.finding_keys or ())),
        )

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
    ) -> ReviewState:
        """Record a finding's disposition (and, for a dismissal, remember the false matches)."""
        pid = screened.proposal.proposal_id
        state = self.ensure_started(screened, reviewer, expected_seq)
        state = self.db.set_disposition(
            pid, key, disposition, rationale, reviewer=reviewer, expected_seq=state.seq
        )
        row = screened.view.finding(key)
        if remember and disposition == "dismissed" and row is not None and row.list_name:
            texts = dict.fromkeys(e.affiliation for e in row.evidence if e.affiliation)
            for text in texts:
                state = self.db.remember_match(
                    pid,
                    text,
                    row.list_name,
                    row.entry_id,
                    "dismissed",
                    reviewer=reviewer,
                    expected_seq=state.seq,
                    reason=rationale,
                )
        return state

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
        """Record the judgment and the new measures, each as its own event, in order.

        Every command is checked before anything is written, so bad input
        (a past due date, an empty text) writes nothing.
        """
        from workbench.store.commands import AddMeasure, SetJudgment, today_in_japan

        pid = screened.proposal.proposal_id
        probe = self.db.state(pid)
        problems: list[Problem] = []
        checks: list[Any] = [SetJudgment(outcome, notes)]
        checks += [
            AddMeasure(m["kind"], m["text"], tuple(m.get("persons") or ()), m.get("due"))
            for m in measures
        ]
        for command in checks:
            try:
                command.payload(_started(probe), today_in_japan())
            except InputError as exc:
                problems += [p for p in exc.problems if p.field != "proposal_id"]
        if problems:
            raise InputError(problems)
        state = self.ensure_started(screened, reviewer, expected_seq)
        state = self.db.set_judgment(pid, outcome, notes, reviewer=reviewer, expected_seq=state.seq)
        for m in measures:
            state = self.db.add_measure(
                pid,
                m["kind"],
                m["text"],
                tuple(m.get("persons") or ()),
                m.get("due"),
                reviewer=reviewer,
                expected_seq=state.seq,
            )
        return state

    def export_xlsx(self, screened: Screened) -> bytes:
        """The review record as an Excel workbook (bytes)."""
        pid = screened.proposal.proposal_id
        with tempfile.TemporaryDirectory() as tmp:
            path = self.db.export_xlsx(pid, Path(tmp) / f"{pid}.xlsx", screened.data["findings"])
            return Path(path).read_bytes()


def _started(state: ReviewState) -> ReviewState:
    """``state`` as if started, to check commands before the review is registered."""
    from dataclasses import replace

    return state if state.started else replace(state, seq=1, finding_keys=None)
