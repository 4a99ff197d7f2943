"""The matcher's list index, built once per list version and shared by every page session.

Building the index of the METI and CSL lists takes most of a second of CPU and
leaves a few tens of megabytes of a kernel's memory in use; read back from a
pickle it takes a tenth of a second and about a third of the memory (the
pickle holds each distinct string once, and nothing is built and thrown
away). :class:`SharedIndex` keeps it in the ``index`` folder of the shared
screening cache (``settings.cache_dir``), signed like the screenings
(:class:`~workbench.session.screening_cache.DiskCache`), under a key made of
the lists as loaded (name, version, content digest) and the workbench's code:
a new list version, or a changed matcher, builds it afresh. Kernels that start
together build it once: the first takes the folder's lock file, the others
wait for it and read its result.

Examples
--------
>>> index_key([("L", "2025-01-01", "c0ffee")], code="abc") == index_key(
...     [("L", "2025-01-02", "c0ffee")], code="abc")
False
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import json
import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem
from workbench.model import ScreeningList
from workbench.remembered import Remembering
from workbench.session.free_memory import release_free_memory
from workbench.session.screening_cache import DiskCache, code_version, list_key

log = logging.getLogger("widgets")

#: Bumped when the stored index changes shape in a way the code digest would not show.
FORMAT = "name-index-1"
#: Index files kept (one per list version in use; the oldest are removed).
KEPT = 4


def read_lists(paths: Sequence[Path]) -> tuple[ScreeningList, ...]:
    """The screening lists of the settings (``WORKBENCH_LISTS``), every missing file named."""
    from workbench.lists import load_list

    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise InputError(
            [
                Problem(str(p), "list file", "WORKBENCH_LISTS", "file not found", "a list file")
                for p in missing
            ]
        )
    return tuple(load_list(p).value for p in paths)


def index_key(lists: Sequence[tuple[str, str, str]], code: str) -> str:
    """The key of the index of ``lists`` ((name, version, digest) each) made by ``code``."""
    parts = {"format": FORMAT, "lists": [list(x) for x in lists], "code": code}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class SharedIndex:
    """Matchers over the lists, read from ``folder`` or built there once.

    ``built`` counts the indexes this object built (tests and benchmarks tell a
    read from a build by it).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = DiskCache(folder, limit=KEPT)
        self.built = 0

    def stored(self, lists: Sequence[ScreeningList]) -> bool:
        """Whether the index of ``lists`` is in the folder (read back in a tenth of a second)."""
        return self.files.has(self.key(lists))

    @staticmethod
    def key(lists: Sequence[ScreeningList]) -> str:
        return index_key([list_key(lst) for lst in lists], code_version())

    def matcher(self, lists: Sequence[ScreeningList]) -> Any:
        """A :class:`~workbench.matching.Matcher` (no verdicts) over ``lists``."""
        key = self.key(lists)
        found = self._read(key)
        if found is not None:
            return found
        with self._building():  # another kernel may have built it meanwhile
            found = self._read(key)
            if found is not None:
                return found
            from workbench.matching import Matcher

            matcher = Matcher.from_lists(lists)
            self.built += 1
            if not self.files.put(key, matcher):
                log.info("list index not kept in %s; built in this session only", self.folder)
            return matcher

    def _read(self, key: str) -> Any:
        from workbench.matching import Matcher

        enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects and no cycles
        try:
            found = self.files.get(key)
        finally:
            if enabled:
                gc.enable()
        return found if isinstance(found, Matcher) else None

    @contextlib.contextmanager
    def _building(self) -> Iterator[None]:
        """Held while an index is built (no lock when the folder is unusable)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle = (self.folder / ".build.lock").open("a")
        except OSError:
            yield
            return
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


class HeldIndex:
    """What a session holds of the index: read from :class:`SharedIndex` when a screening
    needs it, let go (:meth:`release`) when none is expected soon."""

    def __init__(self, folder: Path) -> None:
        self.shared = SharedIndex(folder)
        self.held: Remembering | None = None
        self._lock = threading.Lock()

    def get(self, lists: Sequence[ScreeningList]) -> Remembering:
        """The matchers over ``lists`` (made once, without holding up anything else)."""
        with self._lock:
            if self.held is None:
                self.held = Remembering(self.shared.matcher(lists))
            return self.held

    def release(self) -> None:
        """Let go of the matchers and the matches they remembered."""
        with self._lock:
            self.held = None
        gc.collect()
        release_free_memory()
