"""Keep Python's cycle collector from running while a graph is built.

Examples
--------
>>> import gc
>>> with collector_paused:
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType


class CollectorPause:
    """Keep Python's cycle collector from running while a graph is built.

    A build makes a few hundred thousand small containers (link attributes, records,
    adjacency dicts) and no reference cycles, but every 700 of them start a
    collection, and now and then one that walks every object the process holds
    (the matcher's index, loaded lists, other graphs) — a third of the build's time.
    Reference counting still frees everything. The collector resumes when the last
    concurrent build ends (unless it was off before the first began), and its next
    young-generation run examines what the build made, once (``bench/bench_graph.py``
    prints what that costs).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._resume:
                gc.enable()


#: The one pause shared by every build in the process.
collector_paused = CollectorPause()
