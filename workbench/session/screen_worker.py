"""Screening ahead in a separate process: a page's kernel only reads the results back.

A screening made afresh builds hundreds of thousands of short-lived objects;
freed, they leave a kernel's memory in pieces the allocator keeps (about 40 MB
after three proposals). The proposals a page screens ahead, when nobody has
screened them yet, are screened instead by a child process at a lower CPU
priority (:func:`screen_elsewhere`), which writes them to the shared disk cache
and exits; the page then reads them back like any other kernel would. The
reviewer's own pick is still screened in the kernel, at once.

The list index, when no session has built it yet, is built by such a child
too (with no folder ids). Run as ``python -m workbench.session.screen_worker``:
reads the pickled ``(settings, folder ids)`` its parent writes on its standard
input.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("widgets")

ROOT = Path(__file__).resolve().parents[2]
#: The longest a worker may take (seconds) before it is stopped.
TIMEOUT_S = 900.0
#: The worker's CPU priority below the kernel's (``nice``).
NICENESS = 10


def screen_elsewhere(
    settings: Any, folder_ids: Sequence[str], stop: threading.Event, timeout: float = TIMEOUT_S
) -> bool:
    """Screen ``folder_ids`` into the disk cache in a child process; whether it succeeded.

    Returns early (the child stopped) when ``stop`` is set or ``timeout`` passes.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench.session.screen_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None
    try:
        proc.stdin.write(pickle.dumps((settings, list(folder_ids))))
        proc.stdin.close()
    except OSError:
        pass  # it exited at once: its error is read below
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if stop.wait(0.1) or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return False
    if proc.returncode:
        error = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
        log.info("screening ahead in a separate process failed: %s", error)
        return False
    return True


def main() -> int:
    from workbench.session.workspace import Workspace

    os.nice(NICENESS)
    settings, folder_ids = pickle.load(sys.stdin.buffer)
    workspace = Workspace(settings)
    workspace.index.shared.matcher(workspace.lists())  # built for every session, or read
    for folder_id in folder_ids:
        try:
            workspace.screen(folder_id)
        except Exception:  # shown when the reviewer opens it
            log.info("screening %s ahead failed", folder_id, exc_info=True)
    return 0 if workspace.flush(TIMEOUT_S) else 1


if __name__ == "__main__":
    raise SystemExit(main())
