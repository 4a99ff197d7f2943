"""The review page's one doorway to the domain package: proposals, lists, screening, store.

:class:`Workspace` holds what a page session works with — the proposals
folder, the screening lists and the matcher built from them (once), and the
judgments store — and offers the few operations the page needs, each a plain
call that raises :class:`~workbench.errors.InputError` or the store's
:class:`~workbench.store.conflicts.StaleWriteError` for the page to show.
Nothing here imports a widget, so it is tested without a browser.

A screening is done once: kept in memory for the session and on disk between
sessions (:mod:`widgets.screening_cache`), both under a key made of the content
of its inputs, so an edited file, another list version or a new match verdict
is screened afresh and never served stale. The screening and the graph share
the people-to-works links and one match per distinct affiliation string, and
the network is laid out with the screening, so showing a proposal is only
drawing it.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import InputError, Problem
from workbench.model import Proposal, ScreeningList, Work
from workbench.settings import Settings

from .screening_cache import (
    DiskCache,
    SharedMatcher,
    WriteBehind,
    code_version,
    file_digest,
    memory_digest,
    screening_key,
)
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
    #: the graph laid out for the explorer (``widgets.network_filter.GraphArrays``)
    network: Any = None
    #: seconds per step: load, screen, graph, layout, view (or "disk" when read back)
    timings: Mapping[str, float] = field(default_factory=dict)
    key: str = ""  # the content key it was screened under (see ``widgets.screening_cache``)


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
    _matcher: Any = field(default=None, init=False)  # SharedMatcher over the index + memory
    _memory: Any = field(default=None, init=False)  # the MatchMemory the matcher obeys
    _lists_key: tuple[tuple[str, str, str], ...] = field(default=(), init=False)
    # folder id -> (digests of its files, proposal, works)
    _loaded: dict[str, tuple[str, Proposal, tuple[Work, ...]]] = field(
        default_factory=dict, init=False
    )
    _screened: OrderedDict[str, Screened] = field(default_factory=OrderedDict, init=False)
    _key_locks: dict[str, threading.Lock] = field(default_factory=dict, init=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False)
    _index_lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    #: the folder the reviewer asked for last: background screening never waits for it
    wanted: str = field(default="", init=False)
    #: set while the reviewer waits for nothing: background work (prefetching, writing the
    #: disk cache) goes on only then
    idle: threading.Event = field(default_factory=threading.Event, init=False)
    _writes: WriteBehind | None = field(default=None, init=False)

    _local: threading.local = field(default_factory=threading.local, init=False)

    def __post_init__(self) -> None:
        self.idle.set()

    def last_timings(self) -> dict[str, float]:
        """Seconds per step of this thread's last :meth:`screen`: the steps when it was
        screened afresh, else {"memory": …} or {"disk": …}."""
        return dict(getattr(self._local, "timings", {}))

    @property
    def disk(self) -> DiskCache:
        """The screenings kept between sessions (``settings.cache_dir``)."""
        return DiskCache(self.settings.cache_dir)

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

    def _digests(self, f: ProposalFolder) -> dict[str, str]:
        """SHA-256 of each file of a proposal folder, by file name."""
        files = [f.proposal_file, *f.works_files] if f.proposal_file else list(f.works_files)
        return {p.name: file_digest(p) for p in files}

    def load(self, folder_id: str) -> tuple[Proposal, tuple[Work, ...]]:
        """The proposal of ``folder_id`` and its works (read again only when the files change)."""
        f = self._folder(folder_id)
        return self._load(f, self._digests(f))

    def _load(
        self, f: ProposalFolder, digests: Mapping[str, str]
    ) -> tuple[Proposal, tuple[Work, ...]]:
        stamp = repr(sorted(digests.items()))
        with self._lock:
            held = self._loaded.get(f.id)
            if held is not None and held[0] == stamp:
                return held[1], held[2]
        from workbench.publications import load_works_many

        proposal = self._proposal(f)
        works: tuple[Work, ...] = ()
        if f.works_files:
            loaded = load_works_many(f.works_files)
            works = loaded.value
        with self._lock:
            self._loaded[f.id] = (stamp, proposal, works)
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
                self._lists_key = tuple(_list_key(lst) for lst in self._lists)
            return self._lists

    def matcher(self) -> Any:
        """The matcher over the lists (index built once) with the store's match memory in force.

        It is a :class:`~widgets.screening_cache.SharedMatcher`: each distinct
        affiliation string is matched once per session, for the screening and
        the graph alike, until the reviewers' verdicts change.
        """
        return self._matcher_for(self.db.match_memory())

    def _matcher_for(self, memory: Any) -> Any:
        from workbench.matching import Matcher

        lists = self.lists()
        with self._index_lock:  # built once, without holding up anything else
            if self._index is None:
                self._index = Matcher.from_lists(lists)
        with self._lock:
            if self._matcher is None or memory != self._memory:
                self._matcher = SharedMatcher(self._index.with_memory(memory))
                self._memory = memory
            return self._matcher

    def _key(
        self,
        f: ProposalFolder,
        digests: Mapping[str, str],
        as_of: date | None,
        years: int,
        memory: Any,
    ) -> str:
        """The content key of a screening against the lists with the verdicts ``memory``."""
        self.lists()
        with self._lock:
            lists = self._lists_key
        return screening_key(
            digests,
            source=str(f.folder.resolve()),
            lists=lists,
            memory=memory_digest(memory),
            as_of=as_of.isoformat() if as_of else "",
            years=years,
            code=code_version(),
        )

    # ---- screening ---------------------------------------------------------------------

    def screen(
        self,
        folder_id: str,
        as_of: date | None = None,
        years: int | None = None,
        progress: Progress = _no_progress,
    ) -> Screened:
        """Screen one proposal, or take it from memory or disk when its inputs are unchanged."""
        started = time.perf_counter()
        years = self.settings.lookback_years if years is None else years
        progress("progress.lists", 0.05)
        memory = self.db.match_memory()
        f = self._folder(folder_id)
        digests = self._digests(f)
        key = self._key(f, digests, as_of, years, memory)  # the matcher is made only when needed
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # one screening per key at a time; a second caller takes its result
            with self._lock:
                cached = self._screened.get(key)
                if cached is not None:
                    self._screened.move_to_end(key)
            if cached is not None:
                self._local.timings = {"memory": time.perf_counter() - started}
                return cached
            screened = self._read_back(key, started)
            if screened is None:
                from workbench.graph.collector import collector_paused

                matcher = self._matcher_for(memory)
                # hundreds of thousands of small records and no reference cycles: the cycle
                # collector would only walk the whole heap again and again meanwhile
                with collector_paused:
                    screened = self._screen(
                        f, digests, key, matcher, as_of, years, progress, started
                    )
                if self._digests(f) == digests:  # not edited meanwhile: keep it for next time
                    self._write_later(key, screened)
            self._local.timings = dict(screened.timings)
            with self._lock:
                self._screened[key] = screened
                while len(self._screened) > CACHE_SIZE:
                    self._screened.popitem(last=False)
            return screened

    def _write_later(self, key: str, screened: Screened) -> None:
        """Queue a screening for the disk cache; written once the reviewer waits for nothing."""
        with self._lock:
            if self._writes is None:
                self._writes = WriteBehind(self.disk, self.idle)
        self._writes.put(key, screened)

    def flush(self, timeout: float = 60.0) -> bool:
        """Wait until every queued screening is on disk (tests, benchmarks, shutdown)."""
        return self._writes is None or self._writes.flush(timeout)

    def _read_back(self, key: str, started: float) -> Screened | None:
        from workbench.graph.collector import collector_paused

        with collector_paused:  # a few hundred thousand objects, no cycles
            stored = self.disk.get(key)
        if not isinstance(stored, Screened) or stored.key != key:
            return None
        spent = time.perf_counter() - started
        return replace(stored, seconds=spent, timings={"disk": spent})

    def _screen(
        self,
        f: ProposalFolder,
        digests: Mapping[str, str],
        key: str,
        matcher: Any,
        as_of: date | None,
        years: int,
        progress: Progress,
        started: float,
    ) -> Screened:
        from workbench.screening import screen

        timings: dict[str, float] = {}
        clock = time.perf_counter()

        def step(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[name] = now - clock
            clock = now

        progress("progress.loading", 0.15)
        proposal, works = self._load(f, digests)
        step("load")
        progress("progress.screening", 0.35)
        result = screen(proposal, works, matcher, self.lists(), as_of=as_of, years=years)
        data = result.to_json()
        step("screen")
        progress("progress.graph", 0.55)
        graph = self._graph(proposal, works, matcher, result.as_of, years, result.links)
        step("graph")
        progress("progress.graph", 0.7)
        network = _laid_out(graph)
        step("layout")
        titles = {w.id: w.title for w in works}
        view = build_view(data, proposal, self.lists(), titles, works=len(works))
        step("view")
        return Screened(
            proposal,
            works,
            result,
            data,
            view,
            graph,
            time.perf_counter() - started,
            years,
            network,
            timings,
            key,
        )

    def cached(self, folder_id: str) -> bool:
        """Whether ``folder_id`` is screened in memory for the default window."""
        f = self._folder(folder_id)
        key = self._key(
            f, self._digests(f), None, self.settings.lookback_years, self.db.match_memory()
        )
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

        Waits for ``idle`` before each proposal and between the steps of one (the
        reviewer's own screening goes first, unless it is the one being screened
        here) and ends when ``stop`` is set. Proposals that fail are left for the
        reviewer to open, where the error is shown. Returns how many were screened.
        """
        done = 0
        for folder_id in folder_ids[:CACHE_SIZE]:
            if idle is not None:
                idle.wait()
            if stop.is_set():
                break
            try:
                self.screen(folder_id, progress=self._give_way(folder_id, stop, idle))
                done += 1
                if done_one is not None:
                    done_one(done)
            except Exception:  # shown when the reviewer opens it
                log.info("prefetch of %s failed", folder_id, exc_info=True)
            with self._lock:  # keep the works only of what is cached
                cached = {s.proposal.proposal_id for s in self._screened.values()}
                for stale in [k for k, v in self._loaded.items() if v[1].proposal_id not in cached]:
                    del self._loaded[stale]
        return done

    def largest_first(self, folder_ids: Sequence[str]) -> list[str]:
        """``folder_ids`` ordered by the size of their works files, largest first.

        The order the page screens ahead in: a small proposal is screened in a
        blink when asked for, a large one takes seconds, so those are made ready first.
        """
        size = {f.id: sum(p.stat().st_size for p in f.works_files) for f in self.folders()}
        return sorted(folder_ids, key=lambda i: -size.get(i, 0))

    def _give_way(
        self, folder_id: str, stop: threading.Event, idle: threading.Event | None
    ) -> Progress:
        """A progress callback that pauses background work while the reviewer's runs."""

        def pause(_step: str, _fraction: float) -> None:
            if idle is None:
                return
            while not idle.wait(0.05):
                if stop.is_set() or self.wanted == folder_id:
                    return

        return pause

    def _graph(
        self,
        proposal: Proposal,
        works: Sequence[Work],
        matcher: Any,
        as_of: date,
        years: int,
        links: Any = None,
    ) -> Any:
        try:
            from workbench.graph import build_graph
        except ImportError:  # pragma: no cover - the graph package ships with the workbench
            return None
        # the page shows people and links, not the institution view: no organisation graph
        return build_graph(
            proposal, works, matcher, as_of=as_of, years=years, links=links, organisations=False
        )

    def view_with_decisions(self, screened: Screened, state: ReviewState) -> ReviewView:
        """The view with the suggested outcome recomputed from the reviewer's dispositions."""
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


def _list_key(lst: ScreeningList) -> tuple[str, str, str]:
    """(name, version, digest of the content) of a loaded list."""
    digest = lst.content_hash
    if not digest:
        digest = hashlib.sha256(repr(lst.entries).encode()).hexdigest()
    return (lst.name, lst.version.isoformat() if lst.version else "", digest)


def _laid_out(graph: Any) -> Any:
    """The graph laid out for the network explorer, or None without a graph."""
    if graph is None:
        return None
    from .network_filter import laid_out

    return laid_out(graph)


def _started(state: ReviewState) -> ReviewState:
    """``state`` as if started, to check commands before the review is registered."""
    return state if state.started else replace(state, seq=1, finding_keys=None)
