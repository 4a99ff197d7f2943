"""Screening in a separate process: a page's kernel only reads the results back.

A screening made afresh builds hundreds of thousands of short-lived objects;
freed, they leave a kernel's memory in pieces the allocator keeps (about 40 MB
after three proposals), and it needs the matcher's list index (about 11 MB
more). So a page's kernel screens nothing itself: a proposal nobody has
screened yet — the reviewer's pick, or one of those screened ahead — is
screened by a child process (:func:`screen_elsewhere`), which writes it to
the shared disk cache and exits; the page then reads it back like any other
kernel would. The reviewer's pick is screened at the kernel's CPU priority,
its progress passed on as it goes; proposals ahead at a lower one.

The list index, when no session has built it yet, is built by such a child
too (with no folder ids). Run as ``python -m workbench.session.screen_worker``:
reads the pickled :class:`Job` its parent writes on its standard input, and
writes each step of its progress on its standard output (step, tab, fraction).
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("widgets")

ROOT = Path(__file__).resolve().parents[2]
#: The longest a worker may take (seconds) before it is stopped.
TIMEOUT_S = 900.0
#: The CPU priority of screening ahead, below the kernel's (``nice``).
NICENESS = 10


@dataclass(frozen=True)
class Job:
    """What a worker screens: ``folder_ids`` for the window ``as_of``/``years`` (``None``:
    the settings'), at CPU priority ``niceness``, saying its progress when ``progress``."""

    settings: Any
    folder_ids: tuple[str, ...]
    as_of: date | None = None
    years: int | None = None
    niceness: int = NICENESS
    progress: bool = False


def screen_elsewhere(
    settings: Any,
    folder_ids: Sequence[str],
    stop: threading.Event,
    timeout: float = TIMEOUT_S,
    *,
    window: tuple[date | None, int | None] = (None, None),
    niceness: int = NICENESS,
    progress: Callable[[str, float], None] | None = None,
) -> bool:
    """Screen ``folder_ids`` into the disk cache in a child process; whether it succeeded.

    ``window`` is the reference date and years screened; ``progress`` is called
    with each step the child reports. Returns early (the child stopped) when
    ``stop`` is set or ``timeout`` passes.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    job = Job(settings, tuple(folder_ids), *window, niceness, progress is not None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench.session.screen_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE if progress is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None
    reader = None
    if progress is not None and proc.stdout is not None:
        reader = threading.Thread(target=_pass_on, args=(proc.stdout, progress), daemon=True)
        reader.start()
    try:
        proc.stdin.write(pickle.dumps(job))
        proc.stdin.close()
    except OSError:
        pass  # it exited at once: its error is read below
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if stop.wait(0.05) or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return False
    if reader is not None:
        reader.join(5.0)
    if proc.returncode:
        error = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
        log.warning("screening in a separate process failed: %s", error)
        return False
    return True


def screen_pick(
    settings: Any,
    folder_id: str,
    window: tuple[date | None, int | None],
    progress: Callable[[str, float], None],
) -> bool:
    """The reviewer's pick screened into the disk cache by a child process at the kernel's
    CPU priority, its steps passed to ``progress``; whether it succeeded."""
    return screen_elsewhere(
        settings, [folder_id], threading.Event(), window=window, niceness=0, progress=progress
    )


def _pass_on(stream: IO[bytes], progress: Callable[[str, float], None]) -> None:
    """Call ``progress`` with each step a worker writes (step, tab, fraction)."""
    for line in stream:
        step, _, fraction = line.decode(errors="replace").strip().partition("\t")
        try:
            progress(step, float(fraction))
        except ValueError:
            continue  # not a step
        except Exception:  # only a display: the screening goes on
            log.info("progress of a separate screening not shown", exc_info=True)


def _say(step: str, fraction: float) -> None:
    sys.stdout.write(f"{step}\t{fraction:.3f}\n")
    sys.stdout.flush()


def main() -> int:
    from workbench.session.screened import no_progress
    from workbench.session.workspace import Workspace

    job: Job = pickle.load(sys.stdin.buffer)
    if job.niceness:
        os.nice(job.niceness)
    workspace = Workspace(job.settings)
    workspace.index.shared.matcher(workspace.lists())  # built for every session, or read
    progress = _say if job.progress else no_progress
    for folder_id in job.folder_ids:
        try:
            workspace.screen(folder_id, job.as_of, job.years, progress=progress)
        except Exception:  # shown when the reviewer opens it
            log.info("screening %s in a separate process failed", folder_id, exc_info=True)
    return 0 if workspace.flush(TIMEOUT_S) else 1


if __name__ == "__main__":
    raise SystemExit(main())
