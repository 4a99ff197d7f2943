"""An input file that fails below its loader, named in a clear error instead of a bare exception.

The loaders raise :class:`~workbench.errors.InputError` for what they
recognise; a file can still fail beneath them: JSON nested deeper than the
parser's recursion limit, an integer longer than Python converts (4,300
digits), bytes that are not text, a read error. :func:`read_naming` turns such
a failure into an InputError that names the file, so the page and the command
line say which file to fix.

Examples
--------
>>> from pathlib import Path
>>> def deep(paths):
...     raise RecursionError("maximum recursion depth exceeded")
>>> try:
...     read_naming((Path("p/works.json"),), deep)
... except InputError as exc:
...     print(exc.problems[0])
p/works.json: (whole file): field 'content': nested too deeply to read (expected a well-formed file)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from workbench.errors import InputError, Problem

T = TypeVar("T")

#: What a file can raise below its loader (InputError, a ValueError, passes unchanged).
FAILURES = (RecursionError, ValueError, OSError)


def unreadable(paths: Sequence[Path], exc: BaseException) -> InputError:
    """An InputError naming each of ``paths`` as unreadable because of ``exc``."""
    if isinstance(exc, RecursionError):
        message = "nested too deeply to read"
    else:
        message = (str(exc).splitlines() or [type(exc).__name__])[0]
    return InputError(
        Problem(str(p), "(whole file)", "content", message, "a well-formed file") for p in paths
    )


def read_naming(paths: Sequence[Path], read: Callable[[Sequence[Path]], T]) -> T:
    """``read(paths)``; a failure below the loader becomes an InputError naming the file.

    With several files, the first that fails alone is named (all of them if none does).
    """
    try:
        return read(paths)
    except InputError:
        raise
    except FAILURES as exc:
        raise unreadable(_failing(paths, read), exc) from exc


def _failing(paths: Sequence[Path], read: Callable[[Sequence[Path]], object]) -> Sequence[Path]:
    if len(paths) < 2:
        return paths
    for path in paths:
        try:
            read((path,))
        except (*FAILURES,):
            return (path,)
    return paths
