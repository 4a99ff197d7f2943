"""The affiliation strings of a portfolio, kept beside its tables: which proposal holds which.

A list revision changes the matcher's answer for few strings; a proposal none of
whose strings is among them screens as before. :class:`Strings` records, for
every proposal folder screened, each distinct string a screening can ask the
matcher about — affiliation strings and institution names of its works
(asked without a country) and the organisations its questionnaire declares
(asked with the declared country) — and the screening key the folder had
(``strings.parquet``, one row per folder and string). :mod:`workbench.portfolio.incremental`
reads it to screen again only the proposals holding a string whose answer changes.

Examples
--------
>>> import tempfile
>>> s = Strings.of({"P-1": ["RIKEN", ("Beihang University", "CN")]}, {"P-1": "k1"})
>>> back = Strings.read(s.write(tempfile.mkdtemp()).parent)
>>> sorted(back.texts()), back.folders_holding({("RIKEN", None)}), back.keys
([('Beihang University', 'CN'), ('RIKEN', None)], {'P-1'}, {'P-1': 'k1'})
>>> both = Strings.merged([s, Strings.of({"P-2": ["RIKEN", "NUDT"]}, {})], {"P-2": "k2"})
>>> both.folders_holding({("RIKEN", None)}) == {"P-1", "P-2"}, both.keys
(True, {'P-1': None, 'P-2': 'k2'})
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from workbench.atomic import write_bytes
from workbench.model import Proposal, Work
from workbench.rule_context import affiliation_texts

Text = tuple[str, str | None]  # (string, declared country or None)
FILE = "strings.parquet"
NONE = "\x00"  # the country of a string asked without one
SEP = "\x1f"  # between a string and its country on disk


def declared_texts(proposal: Proposal) -> set[Text]:
    """The organisations a questionnaire declares, each with its declared country."""
    out: set[Text] = set()
    for p in proposal.people:
        out |= {(a.organization, a.country) for a in p.affiliations}
    for o in proposal.organizations:
        out |= {(n, o.country) for n in (o.name, o.name_local) if n}
        out |= {(i.name, i.country) for i in o.investors}
    return {(t, c) for t, c in out if t and t.strip()}


def work_texts(works: Iterable[Work]) -> set[str]:
    """The affiliation strings and institution names of ``works`` (asked without a country)."""
    return {t for w in works for a in w.authorships for t in affiliation_texts(a)}


def shape(matches: Sequence[Any]) -> list[tuple[Any, ...]]:
    """What of a matcher's answer a screening shows besides entry names and reasons."""
    return [
        (
            m.list_name,
            m.entry_id,
            tuple(m.span),
            m.score,
            getattr(m, "disguised", False),
            getattr(m, "alias_kind", None),
        )
        for m in matches
    ]


def answer(matches: Sequence[Any]) -> str:
    """The digest of a matcher's answer for one string: of all of it, and of its
    :func:`shape` (two answers with the same second half differ at most in entry names).

    >>> answer(()) == answer(()) and answer(()).count(":") == 1
    True
    """

    def digest(value: Any) -> str:
        return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:20]

    return f"{digest(tuple(matches))}:{digest(shape(matches))}"


def same_hits(before: str, after: str) -> bool:
    """Whether two answers (their :func:`answer` digests) differ at most in entry names and
    the reasons given: the same entries, in the same order, spans and scores.

    >>> from workbench.matching.result import Match
    >>> a = Match("L", "1", "Old Name", "Old Name", (0, 8), 1.0, ("exact-name",))
    >>> b = Match("L", "1", "New Name", "Old Name", (0, 8), 1.0, ("exact-alias",))
    >>> same_hits(answer((a,)), answer((b,))), same_hits(answer((a,)), answer(()))
    (True, False)
    """
    return before.partition(":")[2] == after.partition(":")[2]


@dataclass(frozen=True)
class Strings:
    """The strings of each proposal folder, and the screening key each folder had then.

    Kept compact: each distinct string once (``texts``), and one (folder, string) pair of
    numbers per string a folder holds (``pairs``).
    """

    folders: list[str]
    keys_of: list[str | None]  # per folder
    texts_of: list[Text]  # distinct
    pairs: np.ndarray  # (n, 2): folder number, text number
    #: per distinct string: the digest of the matcher's answer then (:func:`answer`), or
    #: None when not kept (written by an older version: the old lists matched again)
    answers_of: list[str] | None = None

    @classmethod
    def of(
        cls, texts: Mapping[str, Iterable[str | Text]], keys: Mapping[str, str | None]
    ) -> Strings:
        """From the strings of each folder: a plain string is asked without a country."""
        number: dict[str | Text, int] = {}
        folders = list(texts)
        pairs = []
        for f, held in enumerate(texts.values()):
            codes = [number.setdefault(t, len(number)) for t in held]
            pairs.append(np.column_stack([np.full(len(codes), f), np.array(codes, dtype=np.int64)]))
        stacked = np.concatenate(pairs) if pairs else np.zeros((0, 2), dtype=np.int64)
        distinct: list[Text] = [(t, None) if isinstance(t, str) else t for t in number]
        return cls(folders, [keys.get(f) for f in folders], distinct, stacked.astype(np.int64))

    @classmethod
    def merged(cls, parts: Sequence[Strings], keys: Mapping[str, str | None]) -> Strings:
        """One record of the folders of ``parts`` (each folder in one part), with ``keys``."""
        number: dict[Text, int] = {}
        folders: list[str] = []
        pairs = []
        said: dict[Text, str] | None = {}
        for part in parts:
            held = part.answers()
            said = None if said is None or held is None else {**said, **held}
            codes = np.array([number.setdefault(t, len(number)) for t in part.texts_of] or [0])
            shifted = part.pairs.copy()
            shifted[:, 0] += len(folders)
            shifted[:, 1] = codes[part.pairs[:, 1]] if len(part.pairs) else shifted[:, 1]
            pairs.append(shifted)
            folders += part.folders
        stacked = np.concatenate(pairs) if pairs else np.zeros((0, 2), dtype=np.int64)
        answers = None if said is None else [said[t] for t in number]
        return cls(folders, [keys.get(f) for f in folders], list(number), stacked, answers)

    def answered(self, ask: Callable[[str, str | None], Sequence[Any]]) -> Strings:
        """These strings with the digest of ``ask``'s answer for each (the plain matcher's)."""
        return dataclasses.replace(self, answers_of=[answer(ask(t, c)) for t, c in self.texts_of])

    def answers(self) -> dict[Text, str] | None:
        """The digest of the answer kept for each string, or None when none were kept."""
        if self.answers_of is None:
            return None
        return dict(zip(self.texts_of, self.answers_of, strict=True))

    @property
    def keys(self) -> dict[str, str | None]:
        return dict(zip(self.folders, self.keys_of, strict=True))

    def texts(self) -> set[Text]:
        return set(self.texts_of)

    def folders_holding(self, texts: set[Text]) -> set[str]:
        wanted = [n for n, t in enumerate(self.texts_of) if t in texts]
        hit = np.unique(self.pairs[np.isin(self.pairs[:, 1], wanted), 0])
        return {self.folders[i] for i in hit.tolist()}

    def write(self, out: str | Path) -> Path:
        """Write ``strings.parquet`` in ``out`` (whole or not at all); returns its path."""
        f, t = self.pairs[:, 0], self.pairs[:, 1]
        table = pa.table(
            {
                "folder": pa.DictionaryArray.from_arrays(f, pa.array(self.folders, pa.string())),
                "key": pa.DictionaryArray.from_arrays(
                    f, pa.array([k or "" for k in self.keys_of], pa.string())
                ),
                # the string and its country, joined: one column to read back
                "text": pa.DictionaryArray.from_arrays(
                    t, pa.array([f"{x}{SEP}{c or NONE}" for x, c in self.texts_of], pa.string())
                ),
            }
        )
        if self.answers_of is not None:
            answers = pa.array(self.answers_of, pa.string())
            table = table.append_column("answer", pa.DictionaryArray.from_arrays(t, answers))
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        path = Path(out) / FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, sink.getvalue().to_pybytes())
        return path

    @classmethod
    def read(cls, folder: str | Path) -> Strings | None:
        """The strings written in ``folder``; None when there are none that can be read."""
        try:
            table = pq.read_table(Path(folder) / FILE)
            folder_col = table.column("folder").cast(pa.string()).combine_chunks()
            folder_col = folder_col.dictionary_encode()
            pair = table.column("text").cast(pa.string()).combine_chunks().dictionary_encode()
        except Exception:  # absent, or written by another version: screened in full
            return None
        folders = folder_col.dictionary.to_pylist()
        fi = folder_col.indices.to_numpy(zero_copy_only=False)
        first = np.unique(fi, return_index=True)[1]
        keys = [k or None for k in table.column("key").take(pa.array(first)).to_pylist()]
        texts: list[Text] = []
        for v in pair.dictionary.to_pylist():
            text, _, country = v.rpartition(SEP)
            texts.append((text, None if country == NONE else country))
        ti = pair.indices.to_numpy(zero_copy_only=False)
        answers = None
        if "answer" in table.column_names:
            firsts = np.unique(ti, return_index=True)[1]
            answers = table.column("answer").cast(pa.string()).take(pa.array(firsts)).to_pylist()
        return cls(folders, keys, texts, np.column_stack([fi, ti]).astype(np.int64), answers)
