"""Give memory freed by a session's background work back to the system.

After a burst of work (screening ahead, building an index) a kernel frees
tens of megabytes in small pieces; the C allocator keeps the pages for later
use unless asked to return them. :func:`release_free_memory` asks (glibc's
``malloc_trim``) and does nothing elsewhere.

Examples
--------
>>> release_free_memory() in (True, False)
True
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any

__all__ = ["release_free_memory"]


@cache
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def release_free_memory() -> bool:
    """Return the C allocator's free pages to the system; whether any were returned."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0))
