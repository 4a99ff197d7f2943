"""Opening outside files safely: regular files only, bounded sizes, bounded JSON.

Every loader reads its file through :func:`read_input`, so that a FIFO or
``/dev/zero`` given as input, a symlink loop, a file larger than any real
input or a small ``.gz`` that inflates to gigabytes is refused with a clear
:class:`~workbench.errors.InputError` instead of blocking or exhausting memory;
and parses JSON through :func:`loads`, so that a number of thousands of digits
or a document nested thousands of levels deep is a problem, not a traceback.

Examples
--------
>>> loads('{"a": [1]}')
{'a': [1]}
>>> try:
...     loads("[" * 100_000 + "]" * 100_000)
... except JsonLimit as exc:
...     print(exc)
JSON nested too deeply
>>> clip("x" * 10, 4)
('xxxx', True)
"""

from __future__ import annotations

import errno
import gzip
import json
import stat
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem

#: Largest input file read, and largest decompressed ``.gz`` content (bytes).
MAX_FILE_BYTES = 256 * 2**20
MAX_EXPANDED_BYTES = 256 * 2**20
#: Longest name, affiliation or other free text kept from a record; longer text
#: is cut with a warning (no real name is this long, and matching stays fast).
MAX_FIELD_CHARS = 2_000

FILE = "(file)"


class JsonLimit(ValueError):
    """A JSON document valid in syntax but beyond what is read: too deep, a number too long."""


def loads(text: str | bytes) -> Any:
    """``json.loads``; too deep a nesting or too long a number raise :class:`JsonLimit`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise JsonLimit("JSON nested too deeply") from None
    except ValueError as exc:  # int('9' * 5000): "Exceeds the limit (4300 digits) ..."
        raise JsonLimit(f"a number too long to read ({exc})") from None


def clip(text: str, limit: int = MAX_FIELD_CHARS) -> tuple[str, bool]:
    """``text`` cut to ``limit`` characters, and whether it was cut."""
    return (text[:limit], True) if len(text) > limit else (text, False)


def input_problem(path: Path, label: str | None = None, location: str = "file") -> Problem | None:
    """Why ``path`` cannot be read as an input file, or ``None`` when it can."""
    label = label or str(path)
    try:
        info = path.stat()
    except OSError as exc:
        reason = "a symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        return Problem(label, location, FILE, f"cannot be opened: {reason}", "a readable file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe or device)"
        return Problem(label, location, FILE, f"is {kind}", "a regular file")
    if info.st_size > MAX_FILE_BYTES:
        return Problem(
            label,
            location,
            FILE,
            f"is {info.st_size:,} bytes, more than the {MAX_FILE_BYTES:,} read",
            "an input file of a sensible size",
        )
    return None


def read_input(path: Path, label: str | None = None, *, gunzip: bool = False) -> bytes:
    """The bytes of a regular input file, decompressed when ``gunzip``; :class:`InputError`
    for anything else, or when it inflates beyond :data:`MAX_EXPANDED_BYTES`.

    A missing file stays ``FileNotFoundError``: it is not a problem of the file's contents.
    """
    label = label or str(path)
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))
    problem = input_problem(path, label)
    if problem is not None:
        raise InputError([problem])
    try:
        if not gunzip:
            return path.read_bytes()
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_EXPANDED_BYTES + 1)
    except OSError as exc:
        if isinstance(exc, gzip.BadGzipFile | EOFError) or not exc.strerror:
            raise
        raise InputError(
            [Problem(label, "file", FILE, f"cannot be read: {exc.strerror}", "a readable file")]
        ) from None
    if len(data) > MAX_EXPANDED_BYTES:
        raise InputError(
            [
                Problem(
                    label,
                    "file",
                    FILE,
                    f"inflates to more than {MAX_EXPANDED_BYTES:,} bytes (a compression bomb?)",
                    "a compressed file of a sensible size",
                )
            ]
        )
    return data
