"""The screening key of a proposal folder: a digest of everything that decides its screening.

The same key the review page's cache uses
(:func:`workbench.session.screening_cache.screening_key`): the bytes of the
proposal's files, the lists as loaded, the reviewers' match verdicts, the
reference date and window, and the workbench's code. Portfolio tables carry it
in the ``screening_key`` column of ``proposals``, so a later run can tell which
proposals are unchanged (:mod:`workbench.portfolio.stored`).

Examples
--------
>>> memory_text(None)
''
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from workbench.atomic import write_bytes
from workbench.folders import ProposalFiles
from workbench.model import ScreeningList
from workbench.portfolio.rows import FAILED
from workbench.portfolio.tables import PortfolioTables
from workbench.session.screening_cache import (
    code_version,
    file_digest,
    folder_digests,
    list_key,
    memory_digest,
    screening_key,
)
from workbench.window import DEFAULT_YEARS

KEY = "screening_key"


def memory_text(memory: Any) -> str:
    """The digest of the reviewers' verdicts; "" when there are none (as with no store).

    ``memory``: a ``MatchMemory``, or the store's ``MatchVerdicts`` (every verdict in
    force with its scope: a change to any of them changes every key).
    """
    if isinstance(getattr(memory, "entries", None), tuple):
        said = sorted(
            (
                v.scope,
                v.proposal_id if v.scope == "proposal" else "",
                v.text,
                v.list_name,
                v.entry_id,
                str(v.verdict),
            )
            for v in memory.entries
        )
        return hashlib.sha256(repr(said).encode("utf-8")).hexdigest() if said else ""
    if memory is None or not (getattr(memory, "confirmed", ()) or getattr(memory, "dismissed", ())):
        return ""
    return memory_digest(memory)


class DigestMemo:
    """SHA-256 of files, remembered with their size and modification time (in nanoseconds).

    A file whose size and time are unchanged is not read again (the rule ``git status``
    follows); any change reads and hashes it anew. Kept as ``files.parquet`` beside the
    portfolio tables (:meth:`read`, :meth:`write`).
    """

    FILE = "files.parquet"

    def __init__(self, known: dict[str, tuple[int, int, str]] | None = None) -> None:
        self.known = dict(known or {})
        self.used: dict[str, tuple[int, int, str]] = {}

    def digest(self, path: Path) -> str:
        st = path.stat()
        name = str(path)
        hit = self.known.get(name)
        if hit is not None and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            self.used[name] = hit
            return hit[2]
        digest = file_digest(path)
        self.used[name] = (st.st_size, st.st_mtime_ns, digest)
        return digest

    def folder(self, files: ProposalFiles) -> dict[str, str]:
        """Like :func:`~workbench.session.screening_cache.folder_digests`, through the memo."""
        paths = (
            [files.proposal_file, *files.works_files]
            if files.proposal_file
            else list(files.works_files)
        )
        return {str(p.relative_to(files.folder)): self.digest(p) for p in paths}

    @property
    def changed(self) -> bool:
        return self.used != self.known

    @classmethod
    def read(cls, folder: str | Path) -> DigestMemo:
        path = Path(folder) / cls.FILE
        try:
            t = pq.read_table(path).to_pydict()
            rows = zip(t["path"], t["size"], t["mtime_ns"], t["digest"], strict=True)
            return cls({p: (int(n), int(m), str(d)) for p, n, m, d in rows})
        except Exception:  # absent or unreadable: every file is hashed
            return cls()

    def write(self, folder: str | Path) -> None:
        """The digests used last (written whole or not at all)."""
        items = sorted(self.used.items())
        table = pa.table(
            {
                "path": [p for p, _ in items],
                "size": [v[0] for _, v in items],
                "mtime_ns": [v[1] for _, v in items],
                "digest": [v[2] for _, v in items],
            }
        )
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        Path(folder).mkdir(parents=True, exist_ok=True)
        write_bytes(Path(folder) / self.FILE, sink.getvalue().to_pybytes())


def proposal_keys(
    found: Iterable[ProposalFiles],
    lists: Sequence[ScreeningList],
    *,
    memory: Any = None,
    as_of: date | None = None,
    years: int = DEFAULT_YEARS,
    digests: DigestMemo | None = None,
) -> dict[str, str]:
    """The screening key of each proposal folder, by folder id (``digests``: a memo of
    file digests to read and fill)."""
    listed = [list_key(lst) for lst in lists]
    verdicts = memory_text(memory)
    code = code_version()
    out = {}
    for f in found:
        try:
            digests_of = digests.folder(f) if digests is not None else folder_digests(f)
        except OSError:  # unreadable now: never taken as unchanged
            continue
        out[f.id] = screening_key(
            digests_of,
            source=str(Path(f.folder).resolve()),
            lists=listed,
            memory=verdicts,
            as_of=as_of.isoformat() if as_of else "",
            years=years,
            code=code,
        )
    return out


def with_keys(tables: PortfolioTables, keys: dict[str, str]) -> PortfolioTables:
    """``tables`` with each proposal's screening key (failed folders keep none)."""
    p = tables.proposals.copy()
    ok = p["status"] != FAILED
    p[KEY] = [keys.get(f) if good else None for f, good in zip(p["folder"], ok, strict=True)]
    return dataclasses.replace(tables, proposals=p)
