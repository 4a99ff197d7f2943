"""Screening work done once between page sessions: a disk cache of screened proposals.

:class:`DiskCache` keeps what a screening produced between page sessions, under
a key made of the *content* of everything that decides the result
(:func:`screening_key`): the bytes of the proposal's files, the lists as
loaded, the reviewers' match verdicts, the reference date and window, and the
workbench's own code and library versions. Any change gives another key, so a
stale result is never served; unused entries are pruned oldest first.
Entries are Python pickles, and a pickle can run code when read, so each one
is signed (HMAC-SHA256) with a secret kept in the folder's ``.key`` file,
readable by its owner only; an entry whose signature does not match is
removed unread, and a folder that others may write to (or a key that others
may read) is not used at all. :class:`WriteBehind` writes entries in the
background, while the reviewer waits for nothing.

Examples
--------
>>> import tempfile
>>> from workbench.window import DEFAULT_YEARS
>>> cache = DiskCache(Path(tempfile.mkdtemp()))
>>> key = screening_key({"proposal.json": "ab12"}, lists=[("L", "2025-01-01", "c0ffee")],
...                     memory="", as_of="", years=DEFAULT_YEARS)
>>> cache.get(key) is None
True
>>> cache.put(key, {"findings": 3})
True
>>> cache.get(key)
{'findings': 3}
>>> key == screening_key({"proposal.json": "ab13"}, lists=[("L", "2025-01-01", "c0ffee")],
...                      memory="", as_of="", years=DEFAULT_YEARS)
False
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import pickle
import platform
import secrets
import stat
import tempfile
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger("widgets")

ROOT = Path(__file__).resolve().parents[2]
#: Bumped when what is stored changes shape in a way the code hash would not show.
FORMAT = "screened-2"
#: The folder's signing secret (32 random bytes, mode 0600).
KEY_FILE = ".key"
_SIGNATURE_BYTES = 32
_KEY_BYTES = 32
#: The largest entry read back (bytes): a bigger file is removed unread, never loaded whole.
#: A screening of the largest real proposals pickles to a few megabytes.
MAX_ENTRY_BYTES = 256 * 1024 * 1024
#: Libraries whose objects are inside the stored results.
_LIBRARIES = ("networkx", "numpy")


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def folder_digests(files: Any) -> dict[str, str]:
    """SHA-256 of each file of a proposal folder (a :class:`~workbench.folders.ProposalFiles`),
    by its path inside the folder."""
    paths = [files.proposal_file, *files.works_files] if files.proposal_file else files.works_files
    return {str(p.relative_to(files.folder)): file_digest(p) for p in paths}


def list_key(lst: Any) -> tuple[str, str, str]:
    """(name, version, digest of the content) of a loaded screening list."""
    digest = lst.content_hash
    if not digest:
        digest = hashlib.sha256(repr(lst.entries).encode()).hexdigest()
    return (lst.name, lst.version.isoformat() if lst.version else "", digest)


def memory_digest(memory: Any) -> str:
    """A digest of reviewer match verdicts (a ``MatchMemory``); "" when there are none."""
    if not memory:
        return ""
    confirmed = sorted(getattr(memory, "confirmed", ()))
    dismissed = sorted(getattr(memory, "dismissed", ()))
    text = json.dumps([confirmed, dismissed], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code that makes a screening and of the versions it runs on.

    Every source and data file of ``workbench/`` (the session's view and network
    data are made there too), plus the Python,
    networkx and numpy versions: a changed rule, matcher or vocabulary gives
    another key.
    """
    h = hashlib.sha256(FORMAT.encode())
    h.update(platform.python_version().encode())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:  # pragma: no cover - both are dependencies
            h.update(f"{name}=?".encode())
    files = [p for p in (ROOT / "workbench").rglob("*") if p.is_file()]
    for path in sorted(files):
        if "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo"):
            continue
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def screening_key(
    files: Mapping[str, str],
    *,
    lists: Sequence[tuple[str, str, str]],
    memory: str,
    as_of: str,
    years: int,
    code: str = "",
    source: str = "",
) -> str:
    """The cache key of one screening: a digest of everything that decides its result.

    ``files`` maps each proposal file's name to its digest; ``lists`` holds
    (name, version, content digest) of each list screened against; ``memory``
    is :func:`memory_digest` of the reviewers' verdicts; ``source`` is the
    folder read (warnings name its files).
    """
    parts = {
        "format": FORMAT,
        "source": source,
        "files": dict(sorted(files.items())),
        "lists": [list(x) for x in lists],
        "memory": memory,
        "as_of": as_of,
        "years": years,
        "code": code,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class DiskCache:
    """Signed pickles in ``folder``, one file per key, at most ``limit`` files."""

    def __init__(self, folder: Path, limit: int = 64) -> None:
        self.folder = folder
        self.limit = limit
        self._warned = False

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``, or None (absent, unreadable, unsigned or foreign)."""
        path = self._path(key)
        try:
            with path.open("rb") as f:
                size = os.fstat(f.fileno()).st_size
                blob = None if size > MAX_ENTRY_BYTES else f.read(MAX_ENTRY_BYTES + 1)
        except OSError:  # absent, or no such folder
            return None
        if blob is None or len(blob) > MAX_ENTRY_BYTES:
            log.warning(
                "cache file %s is larger than %d bytes; removed unread", path, MAX_ENTRY_BYTES
            )
            self._drop(path)
            return None
        secret = self._secret(create=False)
        if secret is None:
            return None
        signature, payload = blob[:_SIGNATURE_BYTES], blob[_SIGNATURE_BYTES:]
        if not hmac.compare_digest(signature, _sign(secret, payload)):
            log.warning("cache file %s was not written by this workbench; removed unread", path)
            self._drop(path)
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # signed but unreadable (other library versions): screen again
            log.warning("unreadable cache file %s; removed", path, exc_info=True)
            self._drop(path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return value

    def put(self, key: str, value: Any) -> bool:
        """Store ``value`` under ``key`` (written whole or not at all); False when it cannot."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            secret = self._secret(create=True)
            if secret is None:
                return False
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            if len(payload) + _SIGNATURE_BYTES > MAX_ENTRY_BYTES:
                log.info("screening too large to cache (%d bytes)", len(payload))
                return False
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(_sign(secret, payload))
                    f.write(payload)
                os.replace(tmp, self._path(key))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except Exception:  # a full disk or a read-only folder only costs the speed-up
            log.warning("could not write the screening cache in %s", self.folder, exc_info=True)
            return False
        self._prune()
        return True

    def _secret(self, *, create: bool) -> bytes | None:
        """The folder's signing secret (made on first write); None when it cannot be trusted."""
        if not self._private(self.folder):
            return None
        path = self.folder / KEY_FILE
        if create and not path.exists():
            with contextlib.suppress(FileExistsError):  # another session made it meanwhile
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(secrets.token_bytes(_KEY_BYTES))
        try:
            secret = path.read_bytes()
        except OSError:
            return None
        if not self._private(path):
            return None
        if len(secret) != _KEY_BYTES:
            return self._replace_key(path, len(secret))
        return secret

    def _replace_key(self, path: Path, length: int) -> bytes | None:
        """A new secret in place of a key file of the wrong length (its entries go unread)."""
        log.warning(
            "screening cache key %s holds %d bytes instead of %d; replaced with a new key "
            "(entries signed before are screened again)",
            path,
            length,
            _KEY_BYTES,
        )
        secret = secrets.token_bytes(_KEY_BYTES)
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".key")
            with os.fdopen(fd, "wb") as f:  # mkstemp makes it 0600
                f.write(secret)
            os.replace(tmp, path)
        except OSError:
            log.warning("could not replace the screening cache key %s", path, exc_info=True)
            return None
        return secret

    def _private(self, path: Path) -> bool:
        """Whether only its owner, this user, may change ``path`` (and read it, for the key)."""
        try:
            st = path.stat()
        except OSError:
            return False
        if not hasattr(os, "getuid"):  # pragma: no cover - Windows: folder permissions apply
            return True
        loose = stat.S_IWGRP | stat.S_IWOTH
        if stat.S_ISREG(st.st_mode):
            loose |= stat.S_IRGRP | stat.S_IROTH
        if st.st_uid == os.getuid() and not st.st_mode & loose:
            return True
        if not self._warned:
            self._warned = True
            log.warning(
                "screening cache not used: %s may be changed or read by other users "
                "(make it private to the workbench's user, or set WORKBENCH_CACHE_DIR)",
                path,
            )
        return False

    @staticmethod
    def _drop(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)

    def _prune(self) -> None:
        try:
            entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        except OSError:
            return
        for old in entries[: max(0, len(entries) - self.limit)]:
            old.unlink(missing_ok=True)

    def __len__(self) -> int:
        return len(list(self.folder.glob("*.pickle"))) if self.folder.is_dir() else 0

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (not read: it may still prove unusable)."""
        return self._path(key).is_file()


def _sign(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


class WriteBehind:
    """Values written to a :class:`DiskCache` by a background thread, while ``idle`` is set.

    Pickling a large screening takes a moment; it is done when the reviewer
    waits for nothing (``idle`` is the page's signal), in the order queued.

    Examples
    --------
    >>> import tempfile, threading
    >>> idle = threading.Event()
    >>> writes = WriteBehind(DiskCache(Path(tempfile.mkdtemp())), idle)
    >>> writes.put("k", 1)
    >>> writes.flush(timeout=0.2), writes.cache.get("k")  # not while the reviewer waits
    (False, None)
    >>> idle.set()
    >>> writes.flush(), writes.cache.get("k")
    (True, 1)
    """

    def __init__(self, cache: DiskCache, idle: threading.Event) -> None:
        self.cache = cache
        self.idle = idle
        self._queue: list[tuple[str, Any]] = []
        self._thread: threading.Thread | None = None
        self._changed = threading.Condition()

    def put(self, key: str, value: Any) -> None:
        with self._changed:
            self._queue.append((key, value))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="workbench-cache-writer", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            self.idle.wait()
            with self._changed:
                if not self._queue:
                    self._thread = None
                    self._changed.notify_all()
                    return
                key, value = self._queue[0]
            self.cache.put(key, value)
            with self._changed:
                self._queue.pop(0)
                self._changed.notify_all()

    def flush(self, timeout: float = 60.0) -> bool:
        """Wait until everything queued is written; False when ``timeout`` ran out first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queue, timeout=timeout)
