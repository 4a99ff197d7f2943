"""Where list files are: the folder of the shipped snapshots and the suffixes a list file has.

Kept apart from the list loaders (:mod:`workbench.lists`) so that the settings can
name the shipped files without importing the loaders, which a page needs only
once it screens.

>>> sorted(SUFFIXES) == sorted(LIST_SUFFIXES)
True
>>> all(p.suffix.lower() in LIST_SUFFIXES for p in shipped_files())
True
"""

from __future__ import annotations

from pathlib import Path

#: Where the shipped list snapshots live (``data/lists/`` of the repository).
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "lists"
#: The suffixes of the list files the loaders read.
SUFFIXES = (".xlsx", ".json", ".jsonl", ".ndjson", ".csv")
LIST_SUFFIXES = frozenset(SUFFIXES)


def shipped_files() -> list[Path]:
    """The list files shipped in ``data/lists/``, sorted by name."""
    if not DATA_DIR.is_dir():
        return []
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix.lower() in LIST_SUFFIXES)
