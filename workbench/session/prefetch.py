"""Screening ahead of the reviewer, so that switching to another proposal is instant.

A :class:`Prefetcher` is given a :class:`~workbench.session.workspace.Workspace`
and screens the next few proposals in the picker's order in the background,
through the workspace's public calls, giving way to the reviewer's own
screening between the steps of each. Only a few: every screening made goes to
the shared disk cache, so one page's work serves the others, and a kernel that
screened a whole folder held hundreds of megabytes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.session.screened import Progress
    from workbench.session.workspace import Workspace

log = logging.getLogger("widgets")

#: Screened proposals kept in memory (most recently used).
CACHE_SIZE = 4

#: Proposals screened ahead of the one open, in the picker's order.
AHEAD = 3


class Prefetcher:
    """Background screening of a workspace's proposals to come.

    ``elsewhere``: proposals nobody has screened yet are screened by a separate
    process (:mod:`workbench.session.screen_worker`) and read back from the disk
    cache, so the kernel keeps none of the memory a screening made afresh leaves.
    """

    def __init__(self, workspace: Workspace, *, elsewhere: bool = True) -> None:
        self.workspace = workspace
        self.elsewhere = elsewhere

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
        reviewer to open, where the error is shown. Then lets go of the matcher
        (read back from the shared index file when a screening needs it). Returns
        how many were screened.
        """
        done = 0
        self._screen_elsewhere(folder_ids[:AHEAD], stop, idle)
        for folder_id in folder_ids[:AHEAD]:
            if idle is not None:
                idle.wait()
            if stop.is_set():
                break
            try:
                self.workspace.screen(folder_id, progress=self._give_way(folder_id, stop, idle))
                done += 1
                if done_one is not None:
                    done_one(done)
            except Exception:  # shown when the reviewer opens it
                log.info("prefetch of %s failed", folder_id, exc_info=True)
            self.workspace.forget_uncached_works()
        self.workspace.index.release()  # read back from the shared file when needed
        return done

    def _screen_elsewhere(
        self, folder_ids: Sequence[str], stop: threading.Event, idle: threading.Event | None
    ) -> None:
        """Have a separate process screen those of ``folder_ids`` not in the disk cache."""
        if not self.elsewhere or stop.is_set():
            return
        missing = []
        for folder_id in folder_ids:
            try:
                if not self.workspace.stored(folder_id):
                    missing.append(folder_id)
            except Exception:  # unreadable: the loop below reports it as before
                log.info("prefetch of %s: not looked up", folder_id, exc_info=True)
        if missing:
            if idle is not None:
                idle.wait()
            from workbench.session.screen_worker import screen_elsewhere

            screen_elsewhere(self.workspace.settings, missing, stop)

    @staticmethod
    def next_after(folder_ids: Sequence[str], current: str | None) -> list[str]:
        """The :data:`AHEAD` proposals after ``current`` in the picker's order.

        From the top of the list when nothing is open; wraps round at its end.

        Examples
        --------
        >>> Prefetcher.next_after(["a", "b", "c", "d", "e"], "c")
        ['d', 'e', 'a']
        >>> Prefetcher.next_after(["a", "b", "c", "d", "e"], None)
        ['a', 'b', 'c']
        """
        ids = list(folder_ids)
        start = ids.index(current) + 1 if current in ids else 0
        ahead = ids[start:] + ids[:start]
        return [i for i in ahead if i != current][:AHEAD]

    def _give_way(
        self, folder_id: str, stop: threading.Event, idle: threading.Event | None
    ) -> Progress:
        """A progress callback that pauses background work while the reviewer's runs."""

        def pause(_step: str, _fraction: float) -> None:
            if idle is None:
                return
            while not idle.wait(0.05):
                if stop.is_set() or self.workspace.wanted == folder_id:
                    return

        return pause
