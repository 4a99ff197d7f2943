"""Widgets change on the kernel's thread: checked inside a real IPython kernel."""

from __future__ import annotations

import ast
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from widgets.common.kernel_thread import call_soon, kernel_loop

ROOT = Path(__file__).resolve().parents[2]

#: Run in the kernel: one call from its own thread, one from a worker thread.
SCHEDULE = """
import threading
from widgets.common.kernel_thread import call_soon

ran = []

def record(what):
    ran.append((what, threading.current_thread().name))

call_soon(record, "kernel")
worker = threading.Thread(
    target=lambda: (call_soon(record, "worker"), ran.append(("worker done", "worker"))),
    name="worker",
)
worker.start()
worker.join()
print(repr(ran))
"""


@pytest.fixture(scope="module")
def kernel() -> Iterator[Any]:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(startup_timeout=120, cwd=str(ROOT))
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _run(client: Any, code: str) -> str:
    out: list[str] = []

    def collect(msg: dict[str, Any]) -> None:
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            out.append("\n".join(msg["content"]["traceback"]))

    reply = client.execute_interactive(code, output_hook=collect, timeout=60)
    assert reply["content"]["status"] == "ok", "".join(out)
    return "".join(out)


def test_a_worker_threads_call_runs_on_the_kernel_thread_after_the_current_message(
    kernel: Any,
) -> None:
    during = ast.literal_eval(_run(kernel, SCHEDULE).strip())
    # on the kernel's thread: at once; from the worker: not while the cell still runs
    assert during == [("kernel", "MainThread"), ("worker done", "worker")]
    after = ast.literal_eval(_run(kernel, "print(repr(ran))").strip())
    assert after == [*during, ("worker", "MainThread")]


def test_a_failure_later_is_logged_and_the_kernel_goes_on(kernel: Any) -> None:
    code = """
import logging, io, threading, time
from widgets.common.kernel_thread import call_soon
caught = io.StringIO()
logging.getLogger("widgets").addHandler(logging.StreamHandler(caught))
def broken():
    raise ValueError("no such proposal")
t = threading.Thread(target=call_soon, args=(broken,))
t.start(); t.join()
"""
    _run(kernel, code)
    text = _run(kernel, "print(caught.getvalue())")
    assert "broken failed on the kernel's thread" in text
    assert "ValueError: no such proposal" in text


def test_outside_a_kernel_the_call_is_made_at_once_on_any_thread() -> None:
    assert kernel_loop() is None
    ran: list[str] = []
    worker = threading.Thread(
        target=call_soon, args=(lambda: ran.append(threading.current_thread().name),), name="w"
    )
    worker.start()
    worker.join()
    assert ran == ["w"]
