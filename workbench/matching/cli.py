"""``workbench match``: affiliation strings on stdin, JSON Lines of matches on stdout.

One output object per input line, in order::

    {"input": "...", "matches": [{"list": "...", "entry_id": "...", "name": "...",
     "matched_alias": "...", "span": [start, end], "score": 0.97, "reasons": ["..."]}]}

Spans index the input string as written in the ``input`` field (code points).
Input is read as bytes: a line that is not valid UTF-8 is decoded with U+FFFD
for the bad bytes and its object gets an ``error`` field; empty lines, binary
garbage and very long lines each get their object too, and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from workbench.errors import InputError, Problem
from workbench.matching.matcher import DEFAULT_THRESHOLD, Matcher


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list",
        dest="lists",
        action="append",
        type=Path,
        metavar="FILE",
        help="screening list file, any format `workbench lists` reads; repeatable "
        "(default: the shipped lists)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="T",
        help=f"report matches scoring at least T, between 0 and 1 (default {DEFAULT_THRESHOLD})",
    )


def decode_line(line: bytes) -> tuple[str, str | None]:
    """A line's text without its line ending, and an error message when it was not UTF-8.

    Examples
    --------
    >>> decode_line(b"Harbin Inst Technol\\r\\n")
    ('Harbin Inst Technol', None)
    >>> text, error = decode_line(b"Bad \\xff byte\\n")
    >>> text, error.split(";")[0]
    ('Bad \\ufffd byte', 'line is not valid UTF-8 (invalid start byte at byte 4)')
    """
    line = line.rstrip(b"\r\n")
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = line.decode("utf-8", errors="replace")
        return text, (
            f"line is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
            "bad bytes replaced by U+FFFD"
        )


def match_lines(matcher: Matcher, lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """The output object of each input line, in order."""
    for line in lines:
        text, error = decode_line(line)
        record: dict[str, Any] = {"input": text, "matches": []}
        try:
            record["matches"] = [m.to_json() for m in matcher.match(text)]
        except Exception as exc:  # one bad line must not end the run
            error = f"could not match this line: {type(exc).__name__}: {exc}"
        if error:
            record["error"] = error
        yield record


def run(
    args: argparse.Namespace, stdin: BinaryIO | None = None, stdout: TextIO | None = None
) -> int:
    if not 0.0 <= args.threshold <= 1.0:
        raise InputError(
            [Problem("command line", "--threshold", "threshold", f"{args.threshold}", "0 to 1")]
        )
    from workbench.lists import load_lists, shipped_lists

    paths = args.lists or shipped_lists()
    lists = [loaded.value for loaded in load_lists(paths)]
    matcher = Matcher.from_lists(lists, threshold=args.threshold)
    source = stdin if stdin is not None else sys.stdin.buffer
    out = stdout if stdout is not None else sys.stdout
    if out is sys.stdout and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    interactive = out.isatty()
    for record in match_lines(matcher, source):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if interactive:
            out.flush()
    out.flush()
    return 0
