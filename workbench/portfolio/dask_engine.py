"""The portfolio screening on ``dask.distributed``: same function, many processes or machines.

The proposal folders are cut into a few partitions per worker (:data:`PER_WORKER`,
so that a worker that finishes early takes another); each partition is one task
running :func:`workbench.portfolio.screen.screen_files` — the same function, and
the same columnar reading of Parquet works, as the local engine — on each of its
proposals. The lists (and the reviewers' remembered verdicts) are
sent to every worker once (``scatter(..., broadcast=True)``); each worker
builds its matcher once per set of list versions and keeps it, with its match
cache, for all the proposals it screens. Works may be partitioned (several
JSON Lines or Parquet files per proposal): a task reads its proposal's
partitions. Results come back as plain rows, so the tables are the same as
the local engine's.

Without a ``scheduler`` address a :class:`~distributed.LocalCluster` of
``workers`` processes (one thread each) is started for the run and closed
after it; with an address (``tcp://host:8786``) the run uses that cluster,
whose workers must see the proposal folders under the same paths.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from workbench.folders import ProposalFiles
from workbench.model import ScreeningList
from workbench.portfolio.rows import ProposalRows
from workbench.portfolio.strings import Strings
from workbench.window import DEFAULT_YEARS

Progress = Callable[[int, int, str], None]

#: Per worker process: key of the list hashes -> (matchers, entry info).
_WORKER_MATCHERS: dict[tuple[Any, ...], tuple[Any, Any]] = {}
_WORKER_LOCK = threading.Lock()
#: partitions per worker: few tasks to schedule, yet a balanced end
PER_WORKER = 4


def _worker_matcher(lists: Sequence[ScreeningList], verdicts: Any) -> tuple[Any, Any]:
    from workbench.portfolio.rows import entry_info
    from workbench.remembered import Remembering

    key = tuple((x.name, x.content_hash, x.entry_count) for x in lists)
    with _WORKER_LOCK:
        hit = _WORKER_MATCHERS.get(key)
        if hit is None:
            _WORKER_MATCHERS.clear()  # one set of lists at a time per worker
            hit = (Remembering.from_lists(lists), entry_info(lists))
            _WORKER_MATCHERS[key] = hit
    return hit[0].with_verdicts(verdicts), hit[1]


def screen_task(
    part: Sequence[ProposalFiles],
    lists: Sequence[ScreeningList],
    verdicts: Any,
    as_of: date | None,
    years: int,
) -> tuple[list[ProposalRows], Strings]:
    """One partition of proposals on a worker (the matcher is built once per worker and
    list versions)."""
    from workbench.portfolio.screen import screen_files

    matcher, entries = _worker_matcher(lists, verdicts)
    rows = [
        screen_files(files, lists, matcher, as_of=as_of, years=years, entries=entries)
        for files in part
    ]
    # the strings travel once per partition, not once per proposal holding them
    strings = Strings.of({r.proposal["folder"]: r.texts for r in rows}, {})
    return [dataclasses.replace(r, texts=()) for r in rows], strings


def partitions(folders: Sequence[ProposalFiles], n: int) -> list[list[ProposalFiles]]:
    """``folders`` cut into at most ``n`` consecutive partitions of (nearly) equal size.

    >>> [len(p) for p in partitions(list("abcdefghij"), 4)]
    [3, 3, 2, 2]
    """
    n = max(1, min(n, len(folders)))
    size, extra = divmod(len(folders), n)
    out, start = [], 0
    for k in range(n):
        end = start + size + (1 if k < extra else 0)
        out.append(list(folders[start:end]))
        start = end
    return [p for p in out if p]


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
) -> tuple[list[ProposalRows], int, list[Strings]]:
    """Screen ``folders`` on a Dask cluster; returns the rows (input order), the worker count
    and the strings of each partition."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        n_workers = len(client.scheduler_info()["workers"])
        # Wrapped in a list so that each is scattered as one object, not element by element.
        [lists_f] = client.scatter([tuple(lists)], broadcast=True)
        [verdicts_f] = client.scatter([verdicts], broadcast=True)
        parts = partitions(folders, n_workers * PER_WORKER)
        futures = [
            client.submit(screen_task, part, lists_f, verdicts_f, as_of, years, pure=False)
            for part in parts
        ]
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[list[ProposalRows]] = [[] for _ in futures]
        strings: list[Strings] = []
        done = 0
        for fut in as_completed(futures):
            i = index[fut.key]
            out[i], held = fut.result()
            strings.append(held)
            for files in parts[i]:
                done += 1
                if progress is not None:
                    progress(done, len(folders), files.id)
        return [r for rows in out for r in rows], n_workers, strings
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
