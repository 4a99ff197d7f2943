"""The review page's one doorway to the domain package: proposals, lists, screening, store.

:class:`Workspace` holds what a page session works with — the proposals
folder, the screening lists and the matcher built from them (once), and the
judgments store — and offers the few operations the page needs, each a plain
call that raises :class:`~workbench.errors.InputError` or the store's
:class:`~workbench.store.conflicts.StaleWriteError` for the page to show.
Nothing here imports a widget, so it is tested without a browser.

A screening is done once: kept in memory for the session and on disk between
sessions (:mod:`workbench.session.screening_cache`), both under a key made of the content
of its inputs, so an edited file, another list version or a new match verdict
is screened afresh and never served stale. The screening and the graph share
the people-to-works links and one match per distinct affiliation string, and
the network is laid out with the screening, so showing a proposal is only
drawing it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from workbench.errors import InputError, Problem
from workbench.folders import ProposalFiles, find_proposals, load_folder
from workbench.model import Proposal, ScreeningList, Work
from workbench.remembered import Remembering, memory_for
from workbench.session.decisions import Decisions
from workbench.session.list_index import HeldIndex, read_lists
from workbench.session.prefetch import CACHE_SIZE, Prefetcher
from workbench.session.screen_worker import screen_elsewhere, screen_pick
from workbench.session.screened import Progress, Screened, screen_afresh
from workbench.session.screened import no_progress as _no_progress
from workbench.session.screened import view_with_decisions as _view_with_decisions
from workbench.session.screening_cache import (
    DiskCache,
    WriteBehind,
    code_version,
    folder_digests,
    list_key,
    memory_digest,
    screening_key,
)
from workbench.session.view import ReviewView
from workbench.settings import Settings
from workbench.vocabulary import ReviewStatus

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported when first used
    from workbench.store.state import ReviewState
    from workbench.store.store import Store

__all__ = ["CACHE_SIZE", "Progress", "ProposalFiles", "Screened", "Workspace"]

log = logging.getLogger("widgets")


@dataclass
class Workspace:
    """Proposals folder + lists + matcher + store, for one page session.

    Its parts, each in its own module: :attr:`ahead`, a
    :class:`~workbench.session.prefetch.Prefetcher` screening proposals ahead of the
    reviewer, and :attr:`decisions`, the
    :class:`~workbench.session.decisions.Decisions` written to the store.

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
    _lists_key: tuple[tuple[str, str, str], ...] = field(default=(), init=False)
    # folder id -> (digests of its files, proposal, works)
    _loaded: dict[str, tuple[str, Proposal, tuple[Work, ...]]] = field(
        default_factory=dict, init=False
    )
    _screened: OrderedDict[str, Screened] = field(default_factory=OrderedDict, init=False)
    _key_locks: dict[str, threading.Lock] = field(default_factory=dict, init=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False)
    #: the folder the reviewer asked for last: background screening never waits for it
    wanted: str = field(default="", init=False)
    #: set while the reviewer waits for nothing: background work (prefetching, writing the
    #: disk cache) goes on only then
    idle: threading.Event = field(default_factory=threading.Event, init=False)
    _writes: WriteBehind | None = field(default=None, init=False)

    _local: threading.local = field(default_factory=threading.local, init=False)

    ahead: Prefetcher = field(init=False)
    decisions: Decisions = field(init=False)

    def __post_init__(self) -> None:
        self.idle.set()
        self.ahead = Prefetcher(self)
        self.decisions = Decisions(lambda: self.db, self.lists)

    def forget_uncached_works(self) -> None:
        """Drop the works read for proposals no longer kept in memory."""
        with self._lock:
            cached = {s.proposal.proposal_id for s in self._screened.values()}
            for stale in [k for k, v in self._loaded.items() if v[1].proposal_id not in cached]:
                del self._loaded[stale]

    def last_timings(self) -> dict[str, float]:
        """Seconds per step of this thread's last :meth:`screen`: the steps when it was
        screened afresh, else {"memory": …} or {"disk": …}."""
        return dict(getattr(self._local, "timings", {}))

    @cached_property
    def disk(self) -> DiskCache:
        """The screenings kept between sessions (``settings.cache_dir``); one per workspace,
        so a folder that cannot be used is warned about once."""
        return DiskCache(self.settings.cache_dir)

    @cached_property
    def index(self) -> HeldIndex:
        """The list index, shared in the cache folder, and its matchers (workbench.remembered)."""
        return HeldIndex(self.settings.cache_dir / "index")

    @property
    def db(self) -> Store:
        """The store, opened (and migrated) on first use."""
        with self._lock:
            if self.store is None:
                from workbench.store.store import open_store

                self.store = open_store(self.settings.db_url)
            return self.store

    # ---- proposals ---------------------------------------------------------------------

    def folders(self) -> list[ProposalFiles]:
        """Every proposal sub-folder of the data folder, sorted by id (:mod:`workbench.folders`)."""
        return find_proposals(self.settings.data_dir)

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
            status = known.get(pid, ReviewStatus.NOT_REVIEWED) if statuses else ""
            entries.append(
                {"id": f.id, "proposal_id": pid, "title": title, "status": status, "error": error}
            )
        return entries

    def statuses(self) -> dict[str, str]:
        """Review status by proposal id, for every proposal with a started review."""
        return {pid: str(r.status) for pid, r in self.db.reviews().items()}

    def _folder(self, folder_id: str) -> ProposalFiles:
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

    def _proposal(self, f: ProposalFiles) -> Proposal:
        if f.proposal_file is None:
            raise InputError(list(f.problems))
        from workbench.proposal import load_proposal

        return load_proposal(f.proposal_file)

    def _digests(self, f: ProposalFiles) -> dict[str, str]:
        """SHA-256 of each file of a proposal folder, by file name."""
        return folder_digests(f)

    def load(self, folder_id: str) -> tuple[Proposal, tuple[Work, ...]]:
        """The proposal of ``folder_id`` and its works (read again only when the files change)."""
        f = self._folder(folder_id)
        return self._load(f, self._digests(f))

    def _load(
        self, f: ProposalFiles, digests: Mapping[str, str]
    ) -> tuple[Proposal, tuple[Work, ...]]:
        stamp = repr(sorted(digests.items()))
        with self._lock:
            held = self._loaded.get(f.id)
            if held is not None and held[0] == stamp:
                return held[1], held[2]
        proposal, works = load_folder(f)
        with self._lock:
            self._loaded[f.id] = (stamp, proposal, works)
        return proposal, works

    # ---- lists and matcher -------------------------------------------------------------

    def lists(self) -> tuple[ScreeningList, ...]:
        """The screening lists of the settings, loaded once."""
        with self._lock:
            if self._lists is None:
                self._lists = read_lists(self.settings.lists)
                self._lists_key = tuple(list_key(lst) for lst in self._lists)
            return self._lists

    def matcher(self, proposal_id: str | None = None) -> Any:
        """The matcher over the lists (index built once) with the store's remembered verdicts
        for ``proposal_id`` in force (``None``: those for every proposal).

        It is a :class:`~workbench.match_memo.MatchMemo`: each distinct
        affiliation string is matched once per session, for the screening and
        the graph alike, until the reviewers' verdicts change.
        """
        return self._remembering_now().for_proposal(proposal_id)

    def prepare_index(self) -> None:
        """Have the shared list index built, by a child process (in this one if that fails)."""
        lists = self.lists()
        if not self.index.shared.stored(lists) and not screen_elsewhere(
            self.settings, [], threading.Event()
        ):
            self.index.get(lists)

    def _remembering_now(self, verdicts: Any = None) -> Remembering:
        """The matchers with the store's verdicts now in force (``verdicts``: those read)."""
        remembering = self.index.get(self.lists())
        if verdicts is None:
            verdicts = self.db.match_verdicts()
        return remembering.with_verdicts(verdicts)

    def _key(
        self,
        f: ProposalFiles,
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
        memory: Any = None,
        *,
        elsewhere: bool = False,
    ) -> Screened:
        """Screen one proposal, or take it from memory or disk when its inputs are unchanged.

        The matcher obeys ``memory`` (a ``MatchMemory``), by default the store's
        remembered verdicts that apply to this proposal (scoped to it or to all).
        ``elsewhere``: screened afresh with those verdicts by a child process and read back
        (:mod:`workbench.session.screen_worker`); here only if that fails.
        """
        started = time.perf_counter()
        years = self.settings.lookback_years if years is None else years
        progress("progress.lists", 0.05)
        f = self._folder(folder_id)
        digests = self._digests(f)
        verdicts = None
        if memory is None:  # the store's verdicts for this proposal, applied as everywhere
            verdicts = self.db.match_verdicts()
            memory = memory_for(verdicts, self._proposal_id(f, digests))
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
            by_child = screened is None and elsewhere and verdicts is not None
            if by_child and screen_pick(self.settings, f.id, (as_of, years), progress):
                screened = self._read_back(key, started, "elsewhere")  # None: screened here
            if screened is None:
                from workbench.graph.collector import collector_paused

                remembering = self._remembering_now(verdicts)
                # the given ``memory`` alone, or each proposal's verdicts (workbench.remembered)
                matcher = remembering if verdicts is not None else remembering.matcher(memory)
                # hundreds of thousands of small records and no reference cycles: the cycle
                # collector would only walk the whole heap again and again meanwhile
                with collector_paused:
                    screened = screen_afresh(
                        lambda: self._load(f, digests),
                        self.lists,
                        key,
                        matcher,
                        as_of,
                        years,
                        progress,
                        started,
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

    def _read_back(self, key: str, started: float, step: str = "disk") -> Screened | None:
        from workbench.graph.collector import collector_paused

        with collector_paused:  # a few hundred thousand objects, no cycles
            stored = self.disk.get(key)
        if not isinstance(stored, Screened) or stored.key != key:
            return None
        spent = time.perf_counter() - started
        return replace(stored, seconds=spent, timings={step: spent})

    def _proposal_id(self, f: ProposalFiles, digests: Mapping[str, str]) -> str | None:
        """The proposal id of folder ``f`` (None if unreadable: the screening says why)."""
        with self._lock:
            held = self._loaded.get(f.id)
        if held is not None and held[0] == repr(sorted(digests.items())):
            return held[1].proposal_id
        try:
            return self._proposal(f).proposal_id
        except (InputError, OSError, ValueError):
            return None

    def _default_key(self, folder_id: str) -> str:
        """The key of ``folder_id`` screened for the default window with the store's verdicts."""
        f = self._folder(folder_id)
        digests = self._digests(f)
        memory = memory_for(self.db.match_verdicts(), self._proposal_id(f, digests))
        return self._key(f, digests, None, self.settings.lookback_years, memory)

    def cached(self, folder_id: str) -> bool:
        """Whether ``folder_id`` is screened in memory for the default window."""
        key = self._default_key(folder_id)
        with self._lock:
            return key in self._screened

    def stored(self, folder_id: str) -> bool:
        """Whether ``folder_id`` is screened in the disk cache for the default window."""
        return self.disk.has(self._default_key(folder_id))

    def view_with_decisions(self, screened: Screened, state: ReviewState) -> ReviewView:
        """The view with the suggested outcome recomputed from the reviewer's dispositions."""
        return _view_with_decisions(screened, state)
