"""Hostile and broken databases: every store problem is a clear error and exit 2, no traceback.

The corpus is generated: each case makes a database location in a temporary
folder (or points at a server that is not there) and names the words the
error must contain. Each case is tried through :func:`open_store` and through
every ``workbench store`` action on the command line.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.cli import main
from workbench.errors import InputError
from workbench.store import open_store

Case = Callable[[Path], str]


def _garbage(tmp: Path) -> str:
    path = tmp / "garbage.db"
    path.write_bytes(bytes(range(256)) * 64)
    return str(path)


def _text_file(tmp: Path) -> str:
    path = tmp / "notes.db"
    path.write_text("this is not a database\n" * 200)
    return str(path)


def _truncated_store(tmp: Path) -> str:
    path = tmp / "cut.db"
    store = open_store(path)
    for i in range(200):
        store.start_review(f"P-{i}", reviewer="alice", expected_seq=0, finding_keys=["k" * 500])
    store.close()
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 4000 + data[4100 : len(data) // 2])
    return str(path)


def _folder(tmp: Path) -> str:
    path = tmp / "a-folder.db"
    path.mkdir()
    return str(path)


def _future_revision(tmp: Path) -> str:
    path = tmp / "future.db"
    store = open_store(path)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    store.close()
    return str(path)


def _read_only_folder(tmp: Path) -> str:
    if os.geteuid() == 0:  # root writes through permissions: use a folder no one can create in
        return "/proc/workbench-store/wb.db"
    folder = tmp / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    return str(folder / "wb.db")


def _read_only_file(tmp: Path) -> str:
    path = tmp / "ro.db"
    open_store(path, upgrade=False).close()  # an empty database file, never migrated
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def _unreachable_postgres(tmp: Path) -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once the socket is closed
    return f"postgresql://wb:secret@127.0.0.1:{port}/workbench?connect_timeout=5"


CASES: dict[str, tuple[Case, str]] = {
    "garbage bytes": (_garbage, "not a SQLite database"),
    "a text file": (_text_file, "not a SQLite database"),
    "a truncated store": (_truncated_store, "not a SQLite database"),
    "a folder": (_folder, "is a folder"),
    "a future schema revision": (_future_revision, "newer than this workbench"),
    "a read-only folder": (_read_only_folder, "cannot be opened or created"),
    "a read-only file": (_read_only_file, "cannot be written"),
    "unreachable PostgreSQL": (_unreachable_postgres, "cannot connect"),
    "MySQL URL": (lambda tmp: "mysql://u@127.0.0.1/wb", "unsupported database"),
    "unknown scheme": (lambda tmp: "gopher://127.0.0.1/wb", "gopher"),
    "not a URL at all": (lambda tmp: "://", "not a database URL"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_open_store_raises_a_clear_input_error(tmp_path: Path, case: str) -> None:
    make, words = CASES[case]
    url = make(tmp_path)
    with pytest.raises(InputError) as info:
        open_store(url)
    problem = info.value.problems[0]
    assert words in problem.message, problem
    assert problem.field == "database" and problem.expected
    assert "secret" not in str(info.value)


@pytest.mark.parametrize("action", [["migrate"], ["verify"], ["history", "P-1"]])
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_store_command_exits_2_with_the_reason(
    tmp_path: Path, capsys, case: str, action: list[str]
) -> None:
    make, words = CASES[case]
    url = make(tmp_path)
    assert main(["store", "--db", url, *action]) == 2
    captured = capsys.readouterr()
    assert words in captured.err and "Traceback" not in captured.err + captured.out
    assert "secret" not in captured.err
