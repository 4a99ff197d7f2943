"""Outputs written whole or not at all: through a temporary sibling, then one rename.

A full disk, a crash or a failed later step leaves no truncated workbook and
no orphan file: the temporary file or folder is removed and the previous
output, if any, stays as it was.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp()) / "a.txt"
>>> with atomic_path(out) as tmp:
...     _ = tmp.write_text("done")
>>> out.read_text(), sorted(p.name for p in out.parent.iterdir())
('done', ['a.txt'])
>>> try:
...     with atomic_path(out) as tmp:
...         _ = tmp.write_text("half")
...         raise OSError("disk full")
... except OSError:
...     pass
>>> out.read_text(), sorted(p.name for p in out.parent.iterdir())
('done', ['a.txt'])
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed onto ``target`` when the block succeeds."""
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target`` holding every output; it replaces the files of
    the same names in ``target`` (created if needed) only when the block succeeds.

    Each file moves with one rename, so no file is ever half-written; the set of
    files is complete before the first one moves.
    """
    target = Path(target)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    try:
        yield tmp
        target.mkdir(exist_ok=True)
        for item in sorted(tmp.iterdir()):
            os.replace(item, target / item.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
