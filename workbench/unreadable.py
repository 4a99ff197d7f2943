"""An input file that fails below its loader, named in a clear error instead of a bare exception.

The loaders raise :class:`~workbench.errors.InputError` for what they
recognise; a file can still fail beneath them: JSON nested deeper than the
parser's recursion limit, an integer longer than Python converts (4,300
digits), bytes that are not text, a read error. :func:`unreadable` turns such
a failure into problems that name the file, so the page and the command line
say which file to fix.

Examples
--------
>>> from pathlib import Path
>>> print(unreadable(Path("p/works.json"), RecursionError("maximum recursion depth")))
p/works.json: (whole file): field 'content': nested too deeply to read (expected a well-formed file)
>>> try:
...     int("9" * 5000)
... except FAILURES as exc:
...     print(unreadable(Path("p/works.json"), exc).message[:46])
Exceeds the limit (4300 digits) for integer st
"""

from __future__ import annotations

from pathlib import Path

from workbench.errors import Problem

#: What a file can raise below its loader (an InputError, itself a ValueError, is caught first).
FAILURES = (RecursionError, ValueError, OSError)


def unreadable(path: Path, exc: BaseException) -> Problem:
    """The problem of ``path``, which could not be read because of ``exc``."""
    if isinstance(exc, RecursionError):
        message = "nested too deeply to read"
    else:
        message = (str(exc).splitlines() or [type(exc).__name__])[0]
    return Problem(str(path), "(whole file)", "content", message, "a well-formed file")
