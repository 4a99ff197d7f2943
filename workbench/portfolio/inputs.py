"""What a set of portfolio tables was made from, told apart cheaply: changed since or not.

A kernel that Voila preheats (its pool) reads the tables and draws the analyst page
before anyone opens it; the analyst who takes the kernel minutes later must not see
tables older than the files. :func:`inputs_stamp` takes, without reading any file's
content, what :func:`~workbench.portfolio.stored.refresh` would find different: the
size and modification time of every file of the proposals folder (hidden ones skipped,
as :func:`~workbench.folders.find_proposals` skips them), of the list files and of the
tables kept in the portfolio folder, and how many events the store holds and the last
one's id (judgments, dispositions, measures and match verdicts are events appended to
one log). Two stamps differ when any of it changed; the content keys of
:mod:`workbench.portfolio.keys` then decide which proposals are screened again.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> before = inputs_stamp(folder, [], folder / "tables")
>>> _ = (folder / "P-1").mkdir(), (folder / "P-1" / "proposal.json").write_text("{}")
>>> inputs_stamp(folder, [], folder / "tables") == before
False
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: (path, size, modification time in ns) of a file; ``(path, -1, -1)`` when it is missing
FileStat = tuple[str, int, int]


@dataclass(frozen=True)
class InputsStamp:
    """File stats of the proposals, lists and kept tables, and the store's last event."""

    proposals: tuple[FileStat, ...]
    lists: tuple[FileStat, ...]
    tables: tuple[FileStat, ...]
    store: tuple[Any, ...]


def _stat(path: str | Path) -> FileStat:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_size, st.st_mtime_ns)


def tree_stats(root: str | Path) -> tuple[FileStat, ...]:
    """Every visible file under ``root`` (sorted), or nothing when it is not a folder."""
    out: list[FileStat] = []

    def walk(folder: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                walk(entry.path)
            else:
                try:
                    st = entry.stat()
                except OSError:
                    continue
                out.append((entry.path, st.st_size, st.st_mtime_ns))

    walk(str(root))
    return tuple(sorted(out))


def table_stats(out_dir: str | Path) -> tuple[FileStat, ...]:
    """The files the tables are kept in (the top of the portfolio folder)."""
    try:
        names = sorted(e.name for e in os.scandir(out_dir) if e.is_file())
    except OSError:
        return ()
    return tuple(_stat(Path(out_dir) / n) for n in names if n.endswith(".parquet"))


def store_mark(store: Any) -> tuple[Any, ...]:
    """How many events the store holds and the last one's id (``()`` without a store)."""
    if store is None:
        return ()
    from sqlalchemy import func, select

    from workbench.store.schema import events

    with store.engine.connect() as conn:
        row = conn.execute(select(func.count(), func.max(events.c.id))).one()
    return (int(row[0]), row[1])


def inputs_stamp(
    data_dir: str | Path,
    list_files: Iterable[str | Path],
    out_dir: str | Path,
    store: Any = None,
) -> InputsStamp:
    """The stamp of the proposals in ``data_dir``, the lists, the tables in ``out_dir``
    and ``store`` (a :class:`~workbench.store.Store`, or None)."""
    return InputsStamp(
        proposals=tree_stats(data_dir),
        lists=tuple(_stat(p) for p in list_files),
        tables=table_stats(out_dir),
        store=store_mark(store),
    )
