"""Screening lists: one loader per format, one entry point that picks the loader.

:func:`load_list` tells the format from the file's extension and first bytes:

========================  =================================================
``.xlsx``                 METI End User List, official spreadsheet layout
``.json`` array           METI End User List, registry JSON
``.json`` ``{"results"}``  US Consolidated Screening List, trade.gov JSON
``.json`` lines, ``.ftm.json``, ``.jsonl``, ``.ndjson``
                          FollowTheMoney entities (one JSON object a line)
``.csv`` with ``alt_names`` or ``_id`` and ``source`` columns
                          US Consolidated Screening List, trade.gov CSV
``.csv`` with ``name`` (and ``aliases``, ``country``, ``note``)
                          an institution's own watch list
========================  =================================================

Every load returns the list with a :class:`~workbench.model.LoadReport`
(entries read, repaired, unusable and why, warnings); a file that cannot be
used raises :class:`~workbench.errors.InputError` naming the file, the place
and the field. :func:`load_lists` loads several files and reports the problems
of all of them before it raises.

Examples
--------
>>> [p.name for p in shipped_lists()]
['csl_2023-11.csv', 'jp_end_user_list_20250929.json']
>>> meti = load_list(shipped_lists()[1]).value
>>> meti.name, meti.version.isoformat(), meti.entry_count
('METI End User List', '2025-09-29', 835)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path

from workbench.errors import InputError, Problem
from workbench.list_files import DATA_DIR, SUFFIXES, shipped_files
from workbench.lists import csl, custom, ftm, meti
from workbench.lists.reading import FILE, read_raw
from workbench.model import Loaded, ScreeningList

__all__ = ["DATA_DIR", "detect_format", "load_list", "load_lists", "shipped_lists"]

Loader = Callable[..., Loaded[ScreeningList]]

#: format key -> (loader, description)
FORMATS: dict[str, tuple[Loader, str]] = {
    "meti-xlsx": (meti.load_xlsx, "METI End User List spreadsheet (.xlsx)"),
    "meti-json": (meti.load_registry_json, "METI End User List registry JSON"),
    "csl-csv": (csl.load_csv, "US Consolidated Screening List CSV"),
    "csl-json": (csl.load_json, "US Consolidated Screening List JSON"),
    "ftm": (ftm.load, "FollowTheMoney entity JSON lines"),
    "custom-csv": (custom.load, "own watch list CSV (name,aliases,country,note)"),
}


def _first_char(data: bytes) -> str:
    head = data[:4096].decode("utf-8-sig", errors="replace").lstrip()
    return head[:1]


def _csv_header(data: bytes) -> list[str]:
    head = data[:65536].decode("utf-8-sig", errors="replace")
    try:
        first = next(csv.reader(io.StringIO(head, newline="")), [])
    except csv.Error:
        return []
    return [h.strip().lower() for h in first]


def detect_format(path: Path, data: bytes) -> str | None:
    """The format key of a list file, from its name and first bytes; ``None`` if unknown.

    A ``.json`` file is told apart by its first value: an array (METI registry),
    an object with ``results`` (CSL) or one object per line (FollowTheMoney).
    An empty or undecidable file goes to the loader its extension suggests,
    which then says what is wrong with it.
    """
    name = path.name.lower()
    if name.endswith(".xlsx"):
        return "meti-xlsx"
    if name.endswith((".ftm.json", ".jsonl", ".ndjson")):
        return "ftm"
    if name.endswith(".json"):
        first = _first_char(data)
        if first == "[":
            return "meti-json"
        if first == "{":
            head = data[:65536].decode("utf-8", errors="replace")
            line = head.lstrip().split("\n", 1)[0]
            if '"schema"' in line and '"results"' not in line:
                return "ftm"
            return "csl-json"
        return "meti-json"  # not JSON at all: the METI loader reports it
    if name.endswith(".csv"):
        header = set(_csv_header(data))
        if "alt_names" in header or {"_id", "source"} <= header:
            return "csl-csv"
        return "custom-csv"
    return None


def load_list(path: str | Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load one screening list file of any supported format.

    Parameters
    ----------
    path
        The list file.
    name
        The list's name, when not the format's own (``"METI End User List"``,
        ``"US Consolidated Screening List"``, or the file stem for FtM and
        custom lists).

    Raises
    ------
    InputError
        For an unknown format, or a file that cannot be used, with every problem found.
    """
    path = Path(path)
    data = read_raw(path).data
    key = detect_format(path, data)
    if key is None:
        raise InputError(
            [
                Problem(
                    path.name,
                    "line 1",
                    FILE,
                    f"unknown list format '{path.suffix or path.name}'",
                    "one of " + ", ".join(SUFFIXES),
                )
            ]
        )
    loader, _ = FORMATS[key]
    return loader(path, name=name)


def load_lists(paths: Iterable[str | Path]) -> list[Loaded[ScreeningList]]:
    """Load several lists; if any fails, raise one error with the problems of all files."""
    loaded: list[Loaded[ScreeningList]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_list(path))
        except InputError as exc:
            problems.extend(exc.problems)
        except OSError as exc:
            problems.append(
                Problem(
                    Path(path).name, "line 1", FILE, exc.strerror or str(exc), "a readable file"
                )
            )
    if problems:
        raise InputError(problems)
    return loaded


def shipped_lists() -> list[Path]:
    """The list files in force by default: those shipped in ``data/lists/``, sorted by name,
    each replaced by the list of its kind ``workbench lists update`` downloaded, if any."""
    from workbench.list_updates.active import active_lists

    return active_lists(shipped_files())
