"""Store fixtures: SQLite files in temporary folders, and a throw-away PostgreSQL cluster.

The cluster is started once per test session (per xdist worker: the PostgreSQL
tests share the ``postgres`` xdist group, so they land on one worker) with the
server binaries of Debian's ``postgresql`` package, on a free port of
127.0.0.1, in a temporary folder that is removed afterwards. As root, the
binaries run as the ``postgres`` system user (initdb refuses root). Without
the binaries, every PostgreSQL test skips with the reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbench.store import Store, open_store

POSTGRES = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]
BACKENDS = ["sqlite", pytest.param("postgres", marks=POSTGRES)]


@dataclass
class Clock:
    """A clock for the store that starts at ``now`` and ticks one second per reading."""

    now: datetime = datetime(2025, 6, 20, 3, 0, tzinfo=UTC)  # 12:00 in Japan

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass(frozen=True)
class PgServer:
    port: int
    folder: Path

    def admin_dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"


def _server_bin() -> Path | None:
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        return None
    newest = max(found, key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(newest).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _server_bin()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): "
            "install Debian's postgresql (scripts/system-deps.sh) to run these tests"
        )
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' system user to run initdb")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "server.log"

    def run(*cmd: str) -> None:
        done = subprocess.run([*run_as, *cmd], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            server_log = log.read_text() if log.exists() else ""
            pytest.fail(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}\n{server_log}")

    run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    )
    port = _free_port()
    # fsync off: a throw-away cluster; client crashes are what the tests provoke.
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(log),
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start",
    )
    try:
        yield PgServer(port, folder)
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database on the throw-away cluster."""
    import psycopg

    name = "wb_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server.admin_dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    with psycopg.connect(pg_server.admin_dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'workbench.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_url: str, clock: Clock) -> Iterator[Store]:
    s = open_store(db_url, clock=clock)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_proposals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's proposal folders, generated once per test session."""
    from workbench.demo.generate import generate

    out = tmp_path_factory.mktemp("demo")
    generate(out)
    return out / "proposals"
