"""Real concurrent writers and a writer killed mid-transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.store import Store, fold, open_store
from workbench.store.schema import events

WRITER = Path(__file__).with_name("writer_process.py")
ROOT = Path(__file__).resolve().parents[2]
WRITERS, ATTEMPTS = 4, 500


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


@pytest.mark.slow
def test_four_writers_lose_nothing_and_every_conflict_is_refused(store: Store, db_url: str) -> None:
    store.start_review("P-1", reviewer="setup", expected_seq=0, finding_keys=["k1"])
    procs = [_spawn("race", db_url, "P-1", str(ATTEMPTS), f"w{i}") for i in range(WRITERS)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready", p.stderr
    started = time.perf_counter()
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err  # any error but a StaleWriteError crashes the writer
        results.append(json.loads(out.strip().splitlines()[-1]))
    elapsed = time.perf_counter() - started

    state = open_store(db_url).state("P-1")  # a fresh reader: folds the whole log
    history = state.history
    assert [e.seq for e in history] == list(range(1, len(history) + 1))  # no gaps
    accepted = {marker: (seq, r["name"]) for r in results for seq, marker in r["accepted"]}
    refused = [x | {"name": r["name"]} for r in results for x in r["refused"]]
    assert all(len(r["accepted"]) + len(r["refused"]) == ATTEMPTS for r in results)
    # Every accepted write is in the log, where its writer was told it is; nothing else is.
    assert len(history) == 1 + len(accepted) == _count(store)
    for marker, (seq, name) in accepted.items():
        assert (history[seq - 1].reason, history[seq - 1].reviewer) == (marker, name)
    # Conflicts happened, and each refusal said who had written meanwhile (never oneself).
    assert refused, "no write was ever refused: the writers did not overlap"
    for x in refused:
        assert x["current"] > x["expected"] and x["changes"] == x["current"] - x["expected"]
        assert x["name"] not in x["reviewers"] and x["mentions_changes"]
    backend = db_url.split(":")[0]
    print(
        f"\n{backend}: {WRITERS}×{ATTEMPTS} attempts in {elapsed:.1f}s: "
        f"{len(accepted)} appended, {len(refused)} refused as stale "
        f"({sum(x['by_unique_key'] for x in refused)} of them by the unique key)"
    )


def _integrity_ok(store: Store) -> None:
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_a_writer_killed_inside_its_transaction_leaves_the_log_intact(db_url: str) -> None:
    store = open_store(db_url)
    seq = store.start_review("P-1", reviewer="alice", expected_seq=0).seq
    seq = store.set_judgment("P-1", "no-concern", reviewer="alice", expected_seq=seq).seq
    p = _spawn("hold", db_url, "P-1", "5000")  # ~5 MB uncommitted: spills into the WAL
    assert p.stdout is not None and p.stdout.readline().strip() == "inside", p.stderr
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    store.close()

    after = open_store(db_url)  # as a new session would
    try:
        _integrity_ok(after)
        state = after.state("P-1")
        assert state.seq == seq == _count(after)  # none of the killed writer's rows
        assert fold("P-1", state.history) == state
        assert (
            after.set_judgment("P-1", "review-withheld", reviewer="bob", expected_seq=seq).seq
            == seq + 1
        )
    finally:
        after.close()


def test_a_writer_killed_between_commits_keeps_every_committed_event(db_url: str) -> None:
    store = open_store(db_url)
    store.start_review("P-1", reviewer="alice", expected_seq=0)
    store.close()
    p = _spawn("loop", db_url, "P-1")
    assert p.stdout is not None
    reported = [int(p.stdout.readline()) for _ in range(40)]
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)

    after = open_store(db_url)
    try:
        _integrity_ok(after)
        state = after.state("P-1")
        assert state.seq >= reported[-1]  # every write reported as done is there
        assert [e.seq for e in state.history] == list(range(1, state.seq + 1))
        assert (
            after.set_judgment("P-1", "no-concern", reviewer="bob", expected_seq=state.seq).seq
            == state.seq + 1
        )
    finally:
        after.close()
