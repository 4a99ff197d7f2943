"""Reading outside text files: compressed or not, UTF-8, JSON — every failure a Problem.

Loaders of proposals and publications share these steps; each reports into
the loader's :class:`~workbench.errors.ProblemCollector` rather than raising,
so a batch load can go on to the next file and report everything at once.

Examples
--------
>>> from workbench.errors import ProblemCollector, Severity
>>> c = ProblemCollector("p.json")
>>> parse_json('{"a": 1,}', c)
(False, None)
>>> c.problems[0].location
'line 1, column 9'
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

from workbench.errors import InputError, ProblemCollector, Severity
from workbench.input_files import JsonLimit, loads, read_input

#: Field name used for problems with the file as a whole.
FILE = "(file)"


def base_suffix(path: Path) -> str:
    """The file's format suffix, looking through a final ``.gz``.

    Examples
    --------
    >>> base_suffix(Path("works.JSONL.gz")), base_suffix(Path("a.csv"))
    ('.jsonl', '.csv')
    """
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_bytes(path: Path, collector: ProblemCollector) -> bytes | None:
    """The file's bytes, decompressed when it ends in ``.gz``; ``None`` after a problem."""
    gunzip = path.suffix.lower() == ".gz"
    try:
        data = read_input(path, collector.file, gunzip=gunzip)
    except InputError as exc:
        collector.problems.extend(exc.problems)
        return None
    except (OSError, EOFError, zlib.error) as exc:
        if gunzip:
            reason = (
                "not gzip data" if isinstance(exc, gzip.BadGzipFile) else "cut short or damaged"
            )
            collector.error("file", FILE, f"not a readable gzip file: {reason}", "gzip data")
            return None
        raise
    return data


def decode_text(data: bytes, collector: ProblemCollector) -> str | None:
    """UTF-8 text (a byte-order mark is allowed), or ``None`` after reporting where it breaks."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        collector.error(
            f"line {line} (byte {exc.start})",
            "(encoding)",
            f"byte 0x{data[exc.start]:02x} is not UTF-8",
            "UTF-8 text; save the file as UTF-8",
        )
        return None


def read_text(path: Path, collector: ProblemCollector) -> str | None:
    """The file as text; reports an empty file as a problem too."""
    data = read_bytes(path, collector)
    if data is None:
        return None
    text = decode_text(data, collector)
    if text is not None and not text.strip():
        collector.error("file", FILE, "the file is empty", "file contents")
        return None
    return text


def parse_json(text: str, collector: ProblemCollector, place: str = "") -> tuple[bool, object]:
    """``(True, value)`` for valid JSON, else ``(False, None)`` after reporting line and column.

    ``place`` prefixes the location (``"line 7, "`` for one line of JSON Lines).
    """
    try:
        return True, loads(text)
    except json.JSONDecodeError as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}" if not place else f"{place}column {exc.colno}"
        )
        collector.error(where, "(json)", f"not valid JSON: {exc.msg}", "a JSON document")
        return False, None
    except JsonLimit as exc:
        collector.error(place or "file", "(json)", str(exc), "a JSON document")
        return False, None


def describe(value: object) -> str:
    """A value as a problem message shows what was found instead of what was expected.

    Examples
    --------
    >>> describe(20240514), describe("yes"), describe(None), describe([1])
    ('number 20240514', "text 'yes'", 'null', 'a list')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def errors_since(collector: ProblemCollector, mark: int) -> bool:
    """Whether an error was reported after the collector held ``mark`` problems.

    Cheaper than ``collector.errors`` when called once per record of a large file.
    """
    return any(p.severity is Severity.ERROR for p in collector.problems[mark:])
