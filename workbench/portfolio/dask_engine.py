"""The portfolio screening on ``dask.distributed``: same function, many processes or machines.

The proposal folders are cut into :data:`PER_WORKER` partitions per worker, of
about equal authorships (the size of their works files); each partition is one
task running :func:`workbench.portfolio.screen.screen_files` — the same
function, and the same columnar reading of Parquet works, as the local engine —
on each of its proposals, the worker reading the files itself (a task carries
paths, not data). Nothing large goes through the scheduler: the client makes
sure the list index is in the shared index folder
(:class:`~workbench.session.list_index.SharedIndex`, the file the review pages
read, built once per list version) and keeps the lists and their entry facts
beside it (:class:`Shared`); each worker reads both once per list version and
keeps them, with its match cache, for all the proposals it screens. A worker
also digests the files it read (the screening keys of the tables), and sends
back plain rows, so the tables are the same as the local engine's.

Without a ``scheduler`` address a :class:`~distributed.LocalCluster` of
``workers`` processes (one thread each) is started for the run and closed
after it, while the client readies the index; with an address
(``tcp://host:8786``) the run uses that cluster, whose workers must see the
proposal folders and the index folder under the same paths.
"""

from __future__ import annotations

import contextlib
import dataclasses
import heapq
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workbench.folders import ProposalFiles
from workbench.model import ScreeningList
from workbench.portfolio.rows import ProposalRows
from workbench.portfolio.strings import Strings
from workbench.window import DEFAULT_YEARS

Progress = Callable[[int, int, str], None]

#: Per worker process: the key of the lists -> (lists, matcher, entry facts).
_WORKER_STATE: dict[str, tuple[Any, Any, Any]] = {}
_WORKER_LOCK = threading.Lock()
#: partitions per worker: few tasks to schedule, yet a balanced end on a shared machine
PER_WORKER = 2
#: the lists (and their entry facts) kept beside the index, one file per list version
LISTS_FOLDER = "lists"
#: Digests of the files a task read: path -> (size, mtime in ns, SHA-256).
Digests = dict[str, tuple[int, int, str]]


@dataclass(frozen=True)
class DaskRun:
    """What a run on the cluster gives back to :func:`~workbench.portfolio.screen_portfolio`."""

    rows: list[ProposalRows]  # in the input order
    workers: int
    strings: list[Strings]  # of each partition
    digests: Digests  # of the files read
    #: seconds of the run's parts: ``start`` (cluster started and index readied, at once),
    #: ``screening`` (first task sent to last result), and, summed over the tasks, ``read
    #: index`` (lists and index read by the workers) and ``tasks`` (screening in the workers)
    phases: dict[str, float]


@dataclass(frozen=True)
class Shared:
    """Where a worker finds the lists and their index: a folder every worker sees."""

    folder: str  # the index folder (SharedIndex); the lists in its LISTS_FOLDER
    key: str  # the lists' key there

    def load(self) -> tuple[Any, Any, Any]:
        """(lists, matcher, entry facts), read once per worker process and list version (the
        matcher keeps its matches for the worker's next partitions)."""
        from workbench.remembered import Remembering
        from workbench.session.list_index import SharedIndex
        from workbench.session.screening_cache import DiskCache

        with _WORKER_LOCK:
            hit = _WORKER_STATE.get(self.key)
            if hit is None:
                kept = DiskCache(Path(self.folder) / LISTS_FOLDER).get(self.key)
                if kept is None:
                    raise RuntimeError(f"the screening lists are not in {self.folder}")
                lists, entries = kept
                _WORKER_STATE.clear()  # one set of lists at a time per worker
                index = SharedIndex(Path(self.folder)).matcher(lists)
                hit = (lists, Remembering(index), entries)
                _WORKER_STATE[self.key] = hit
        return hit


def share(lists: Sequence[ScreeningList], folder: Path) -> Shared | None:
    """The lists kept in ``folder`` with their index (each written once per list version);
    None when the folder cannot be written."""
    from workbench.portfolio.rows import entry_info
    from workbench.session.list_index import KEPT, SharedIndex
    from workbench.session.screening_cache import DiskCache

    index = SharedIndex(folder)
    key = index.key(lists)
    kept = DiskCache(folder / LISTS_FOLDER, limit=KEPT)
    if not kept.has(key) and not kept.put(key, (tuple(lists), entry_info(lists))):
        return None
    if not index.stored(lists):
        index.matcher(lists)  # built here once, read by every worker
    return Shared(str(folder), key)


def screen_task(
    part: Sequence[ProposalFiles],
    shared: Shared,
    verdicts: Any,
    as_of: date | None,
    years: int,
) -> tuple[list[ProposalRows], Strings, Digests, tuple[float, float]]:
    """One partition of proposals on a worker: its rows, strings and file digests, and the
    seconds it took to read the index and to screen."""
    from workbench.portfolio.keys import DigestMemo
    from workbench.portfolio.screen import held_strings, screen_files

    start = time.perf_counter()
    lists, kept, entries = shared.load()
    loaded = time.perf_counter()
    matcher = kept.with_verdicts(verdicts)
    rows = [
        screen_files(files, lists, matcher, as_of=as_of, years=years, entries=entries)
        for files in part
    ]
    digests = DigestMemo()
    for files in part:
        with contextlib.suppress(OSError):  # unreadable now: digested (and failing) later
            digests.folder(files)
    # the strings travel once per partition, not once per proposal holding them
    strings = held_strings(rows, matcher)
    took = (loaded - start, time.perf_counter() - loaded)
    return [dataclasses.replace(r, texts=()) for r in rows], strings, digests.used, took


def _size(files: ProposalFiles) -> int:
    try:
        return sum(p.stat().st_size for p in files.works_files) + 1
    except OSError:
        return 1


def partitions(
    folders: Sequence[ProposalFiles], n: int, size: Callable[[Any], int] = _size
) -> list[list[ProposalFiles]]:
    """``folders`` cut into at most ``n`` partitions of (nearly) equal total ``size``, each
    in the input order (the largest first to the lightest partition).

    >>> [len(p) for p in partitions(list("abcdefghij"), 4, size=lambda x: 1)]
    [3, 3, 2, 2]
    >>> partitions([5, 1, 1, 1, 4, 2], 2, size=lambda x: x)
    [[5, 1, 1], [1, 4, 2]]
    """
    n = max(1, min(n, len(folders)))
    load: list[tuple[int, int]] = [(0, k) for k in range(n)]
    members: list[list[int]] = [[] for _ in range(n)]
    weights = [size(f) for f in folders]
    for i in sorted(range(len(folders)), key=lambda i: -weights[i]):
        total, k = heapq.heappop(load)
        members[k].append(i)
        heapq.heappush(load, (total + weights[i], k))
    return [[folders[i] for i in sorted(m)] for m in members if m]


def _cluster(workers: int) -> Any:
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    )


def screen_dask(
    folders: Sequence[ProposalFiles],
    lists: Sequence[ScreeningList],
    *,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    verdicts: Any = None,
    scheduler: str | None = None,
    workers: int = 2,
    progress: Progress | None = None,
    index_dir: Path | None = None,
) -> DaskRun:
    """Screen ``folders`` on a Dask cluster.

    ``index_dir``: the shared index folder (default ``settings.cache_dir / "index"``, a
    temporary folder when that one cannot be written).
    """
    from distributed import Client

    if index_dir is None:
        from workbench.settings import read_setting

        index_dir = Path(read_setting("cache_dir")) / "index"
    start = time.perf_counter()
    cluster = client = None
    with tempfile.TemporaryDirectory(prefix="workbench-index-") as spare:
        try:
            with ThreadPoolExecutor(1) as pool:
                # the index readied while the cluster starts (its processes need no GIL)
                ready = pool.submit(share, lists, index_dir)
                cluster = _cluster(workers) if scheduler is None else None
                shared = ready.result() or share(lists, Path(spare))
            if shared is None:
                raise RuntimeError(f"neither {index_dir} nor {spare} can hold the list index")
            client = Client(cluster if cluster is not None else scheduler)
            started = time.perf_counter() - start
            run = _run(client, folders, shared, verdicts, as_of, years, progress)
            return dataclasses.replace(run, phases={"start": started, **run.phases})
        finally:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()


def _run(
    client: Any,
    folders: Sequence[ProposalFiles],
    shared: Shared,
    verdicts: Any,
    as_of: date | None,
    years: int,
    progress: Progress | None,
) -> DaskRun:
    from distributed import as_completed

    start = time.perf_counter()
    n_workers = len(client.scheduler_info()["workers"])
    parts = partitions(folders, n_workers * PER_WORKER)
    futures = [
        client.submit(screen_task, part, shared, verdicts, as_of, years, pure=False)
        for part in parts
    ]
    index = {f.key: i for i, f in enumerate(futures)}
    position = {id(f): k for k, f in enumerate(folders)}
    out: list[ProposalRows | None] = [None] * len(folders)
    strings: list[Strings] = []
    digests: Digests = {}
    phases = {"read index": 0.0, "tasks": 0.0}
    done = 0
    for fut in as_completed(futures):
        i = index[fut.key]
        rows, held, read, (loading, screening) = fut.result()
        phases["read index"] += loading
        phases["tasks"] += screening
        strings.append(held)
        digests.update(read)
        for files, r in zip(parts[i], rows, strict=True):
            out[position[id(files)]] = r
            done += 1
            if progress is not None:
                progress(done, len(folders), files.id)
    phases = {"screening": time.perf_counter() - start, **phases}
    return DaskRun([r for r in out if r is not None], n_workers, strings, digests, phases)
