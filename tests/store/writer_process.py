"""A separate writer process for the store's concurrency and crash tests.

    python writer_process.py race URL PROPOSAL N NAME   # N attempts, after "go" on stdin
    python writer_process.py loop URL PROPOSAL          # append until killed
    python writer_process.py hold URL PROPOSAL N        # N uncommitted rows, then wait

``race`` prints ``ready``, waits for a line on stdin, then tries N writes, each
with the seq it has just read; it prints one JSON line: the accepted writes
(seq, marker) and, for every refused write, what its StaleWriteError said.
Any other exception ends the process with a traceback (non-zero exit).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from workbench.store import StaleWriteError, open_store
from workbench.store.engine import WRITE
from workbench.store.schema import events


def race(url: str, pid: str, n: int, name: str) -> None:
    store = open_store(url)
    print("ready", flush=True)
    sys.stdin.readline()
    accepted, refused = [], []
    for i in range(n):
        seen = store.state(pid).seq
        marker = f"{name}:{i}"
        try:
            if i % 3 == 0:
                s = store.set_judgment(
                    pid,
                    "mitigation-as-needed",
                    marker,
                    reviewer=name,
                    expected_seq=seen,
                    reason=marker,
                )
            elif i % 3 == 1:
                s = store.set_disposition(
                    pid, "k1", "needs-information", reviewer=name, expected_seq=seen, reason=marker
                )
            else:
                s = store.add_measure(
                    pid, "other", marker, reviewer=name, expected_seq=seen, reason=marker
                )
            accepted.append([s.seq, marker])
        except StaleWriteError as exc:
            refused.append(
                {
                    "expected": exc.expected_seq,
                    "current": exc.current_seq,
                    "changes": len(exc.changes),
                    "reviewers": list(exc.reviewers),
                    "by_unique_key": isinstance(exc.__cause__, IntegrityError),
                    "mentions_changes": all(
                        e.describe("en") in exc.message("en") for e in exc.changes
                    ),
                }
            )
    store.close()
    print(json.dumps({"name": name, "accepted": accepted, "refused": refused}), flush=True)


def loop(url: str, pid: str) -> None:
    store = open_store(url)
    seq = store.state(pid).seq
    while True:
        seq = store.set_judgment(
            pid, "no-concern", f"loop {seq}", reviewer="looper", expected_seq=seq
        ).seq
        print(seq, flush=True)


def hold(url: str, pid: str, n: int) -> None:
    store = open_store(url)
    start = store.state(pid).seq
    filler = "x" * 1000
    with store.engine.execution_options(**{WRITE: True}).begin() as conn:
        conn.execute(
            events.insert(),
            [
                {
                    "proposal_id": pid,
                    "seq": start + i,
                    "kind": "judgment",
                    "reviewer": "ghost",
                    "payload": {"outcome": "no-concern", "notes": filler},
                    "created_at": datetime.now(UTC),
                    "reason": None,
                }
                for i in range(1, n + 1)
            ],
        )
        print("inside", flush=True)
        time.sleep(600)  # killed before this ends


if __name__ == "__main__":
    mode, url, pid, *rest = sys.argv[1:]
    if mode == "race":
        race(url, pid, int(rest[0]), rest[1])
    elif mode == "loop":
        loop(url, pid)
    elif mode == "hold":
        hold(url, pid, int(rest[0]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
