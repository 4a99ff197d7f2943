"""Widgets change on the kernel's own thread, between the messages it handles.

Background threads read, screen and compute; what they found reaches the
widgets through :func:`call_soon`, which runs it on the kernel's main thread
(the thread that handles the browser's messages). So a widget never changes
while the kernel is in the middle of the reviewer's click or of answering the
browser's request for a widget's state: a pick is never lost while the
picker's options are being replaced, and the browser never receives a state
older than one it has already been sent.

Outside a kernel (scripts, tests) and on the kernel's thread itself the call
is made at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("widgets")


def kernel_loop() -> Any | None:
    """The running kernel's event loop (a tornado ``IOLoop``), or None outside a kernel."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    return getattr(kernel, "io_loop", None)


def call_soon(fn: Callable[..., object], *args: Any) -> None:
    """Run ``fn(*args)`` on the kernel's thread: at once there (or outside a kernel), else next.

    An exception raised by ``fn`` when it runs later is logged with its
    traceback; ``fn`` shows the reviewer its own errors.
    """
    loop = kernel_loop()
    if loop is None or threading.current_thread() is threading.main_thread():
        fn(*args)
        return
    loop.add_callback(_logged, fn, args)


def _logged(fn: Callable[..., object], args: tuple[Any, ...]) -> None:
    try:
        fn(*args)
    except Exception:
        log.exception("%s failed on the kernel's thread", getattr(fn, "__qualname__", fn))
