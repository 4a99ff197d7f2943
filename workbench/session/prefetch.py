"""Screening ahead of the reviewer, so that switching to another proposal is instant.

A :class:`Prefetcher` is given a :class:`~workbench.session.workspace.Workspace`
and screens its proposals in the background, largest first, through the
workspace's public calls, giving way to the reviewer's own screening between
the steps of each.
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
CACHE_SIZE = 24


class Prefetcher:
    """Background screening of a workspace's proposals to come."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

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
                self.workspace.screen(folder_id, progress=self._give_way(folder_id, stop, idle))
                done += 1
                if done_one is not None:
                    done_one(done)
            except Exception:  # shown when the reviewer opens it
                log.info("prefetch of %s failed", folder_id, exc_info=True)
            self.workspace.forget_uncached_works()
        return done

    def largest_first(self, folder_ids: Sequence[str]) -> list[str]:
        """``folder_ids`` ordered by the size of their works files, largest first.

        The order the page screens ahead in: a small proposal is screened in a
        blink when asked for, a large one takes seconds, so those are made ready first.
        """
        size = {
            f.id: sum(p.stat().st_size for p in f.works_files) for f in self.workspace.folders()
        }
        return sorted(folder_ids, key=lambda i: -size.get(i, 0))

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
