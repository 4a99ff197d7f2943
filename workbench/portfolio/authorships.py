"""One proposal's Parquet works as columns, and the few works its screening can depend on.

A proposal's publications run to thousands of authorships, of which a handful
can change its screening: the team's own rows (they link to a person) and rows
whose affiliation strings match a list entry. :func:`read_authorships` reads
every Parquet partition of a folder into one Arrow table and decodes each
column once per *distinct* value (:mod:`workbench.portfolio.columns`), without
a Python object per authorship. :meth:`Authorships.works` then asks each
distinct affiliation string once whether it matches, each distinct (ORCID,
OpenAlex id, name) once whom it fits, and builds :class:`~workbench.model.Work`
records only for the works that can matter:

- a work with an authorship whose affiliation strings match (under the
  proposal's matcher, or under the plain one when a dismissal is in force:
  the matches it hides are counted);
- a work with an authorship fitting several team members, or with two
  authorships fitting one (the linking warns about both);
- a work without date or dated after the reference date (warned about);
- each person's first work (so that whoever has works still has them).

In those works an authorship that neither fits a team member nor matches is
an empty stand-in (no name, no affiliation): it links to nobody and matches
nothing, as the original did, and keeps the others' positions. The screening
of the pruned works is therefore the screening of all of them; the
portfolio tests compare both for every fixture.

Anything this reading does not handle the way :func:`workbench.folders.load_files`
does — a bad value, a missing column, partitions of different schemas, a
questionnaire with errors — makes :func:`read_authorships` return ``None``, and
the caller reads the folder the ordinary way (with every problem reported).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from workbench import identifiers
from workbench.errors import Problem, ProblemCollector
from workbench.folders import ProposalFiles, repeated_works, report_problems
from workbench.linking import link_candidates
from workbench.model import Authorship, LoadReport, Person, PubDate, Work
from workbench.portfolio.columns import (
    StringLists,
    canonical_dois,
    encoded,
    institution_codes,
    parsed_codes,
)
from workbench.portfolio.parquet_works import POSITIONS, check_schema
from workbench.publications.dates import parse_pub_date
from workbench.window import Window

#: stands in for an authorship that neither links nor matches
STAND_IN = Authorship("")
NOTHING = -1  # fits no team member
SEVERAL = -2  # fits several


def _author_id(value: str) -> str | None:
    return identifiers.openalex_id(value, kind="A")


def _blank(column: pa.ChunkedArray) -> bool:
    """True when a cell is null or empty (a row the loader reports)."""
    if pa.types.is_null(column.type) or column.null_count:
        return True
    return bool(pc.any(pc.equal(column, "")).as_py())


def _tables(paths: Sequence[Path]) -> pa.Table | None:
    """The partitions as one table (column ``_file``: the partition's number), or None."""
    tables = []
    for path in paths:
        if not path.name.lower().endswith(".parquet"):
            return None
        try:
            t = pq.ParquetFile(path).read()
        except (pa.ArrowException, OSError):
            return None
        c = ProblemCollector(str(path))
        check_schema(t, c)
        if c.problems or t.num_rows == 0:
            return None
        tables.append(t)
    if not tables:
        return None
    schema = tables[0].schema.remove_metadata()
    if any(t.schema.remove_metadata() != schema for t in tables):
        return None
    table = pa.concat_tables([t.replace_schema_metadata(None) for t in tables])
    files = np.repeat(np.arange(len(tables)), [t.num_rows for t in tables])
    return table.append_column("_file", pa.array(files))


@dataclass(frozen=True)
class Authorships:
    """The authorships of one proposal folder's Parquet partitions, as codes.

    Rows are those kept by the loader: of a work found in several partitions,
    the rows of the first (``rows``: their numbers in the partitions read one
    after the other). Each ``*_idx`` array gives per kept row the index of its
    value in the matching list (``-1``: the last item, the empty value).
    """

    paths: tuple[Path, ...]
    rows: np.ndarray
    work: np.ndarray  # per row: its work, numbered in order of first appearance
    work_ids: list[str]
    titles: list[Any]  # per work
    dates: list[PubDate | None]  # distinct dates
    date_idx: np.ndarray  # per work
    dois: list[str | None]  # per work
    files: np.ndarray  # per work: the partition it comes from
    names: list[str]
    name_idx: np.ndarray
    positions: list[Any]
    position_idx: np.ndarray
    orcids: list[Any]
    orcid_idx: np.ndarray
    author_ids: list[Any]
    author_idx: np.ndarray
    affiliations: StringLists
    institutions: list[Any]
    institution_idx: np.ndarray
    countries: StringLists
    problems: tuple[Problem, ...]  # the loader's warnings: undated works, repeated works

    def texts(self) -> set[str]:
        """Every distinct affiliation string and institution name of the rows."""
        names = {i.display_name for t in self.institutions for i in t if i.display_name}
        return self.affiliations.strings() | {n for n in names if n.strip()}

    def _hits(self, matches: Callable[[str], bool]) -> np.ndarray:
        """Per row: True when one of its affiliation strings or institution names matches."""
        inst = [
            any(i.display_name and matches(i.display_name) for i in t) for t in self.institutions
        ]
        return self.affiliations.hits(matches)[self.rows] | np.array(inst)[self.institution_idx]

    def _fits(self, people: Sequence[Person]) -> np.ndarray:
        """Per row: the index of the one team member it fits, NOTHING or SEVERAL."""
        fits = link_candidates(people)
        index = {p.id: n for n, p in enumerate(people)}
        o, a = len(self.orcids), len(self.author_ids)
        key = (self.name_idx * o + self.orcid_idx % o) * a + self.author_idx % a
        triples, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        found = np.empty(len(triples), dtype=np.int64)
        names, orcids, ids = self.names, self.orcids, self.author_ids
        for k, (n, oc, ac) in enumerate(
            zip(
                self.name_idx[first].tolist(),
                self.orcid_idx[first].tolist(),
                self.author_idx[first].tolist(),
                strict=True,
            )
        ):
            hit = fits(Authorship(names[n], orcid=orcids[oc], openalex_author_id=ids[ac]))
            found[k] = (
                NOTHING if hit is None else SEVERAL if len(hit[1]) > 1 else index[hit[1][0].id]
            )
        return found[inverse.reshape(-1)]

    def works(
        self, people: Sequence[Person], matches: Callable[[str], bool], window: Window
    ) -> tuple[Work, ...]:
        """The works the screening of ``people`` can depend on (see the module text)."""
        hits = self._hits(matches)
        fits = self._fits(people)
        linked = fits != NOTHING
        n_works = len(self.work_ids)
        keep = np.zeros(n_works, dtype=bool)
        keep[self.work[hits]] = True
        keep[self.work[fits == SEVERAL]] = True
        keep[np.bincount(self.work[linked], minlength=n_works) > 1] = True
        warned = [d is None or window.after(d) for d in self.dates]
        keep |= np.array(warned, dtype=bool)[self.date_idx]
        for person in np.unique(fits[fits >= 0]).tolist():
            keep[self.work[fits == person].min()] = True
        rows = np.flatnonzero(keep[self.work])
        rows = rows[np.argsort(self.work[rows], kind="stable")]
        real = rows[(hits | linked)[rows]]
        made = dict(zip(real.tolist(), self._authorships(real), strict=True))
        out = []
        for w, group in _groups(self.work[rows], rows):
            out.append(
                Work(
                    self.work_ids[w],
                    self.titles[w] or "",
                    self.dates[self.date_idx[w]],
                    tuple(made.get(r, STAND_IN) for r in group),
                    self.dois[w],
                    str(self.paths[self.files[w]]),
                )
            )
        return tuple(out)

    def _authorships(self, rows: np.ndarray) -> list[Authorship]:
        """The records of ``rows``, as the loader makes them."""
        return [
            Authorship(
                self.names[n],
                self.positions[p],
                self.orcids[o],
                self.author_ids[a],
                self.affiliations.row(r),
                self.institutions[i],
                tuple(x.upper() for x in self.countries.row(r)),
            )
            for r, n, p, o, a, i in zip(
                self.rows[rows].tolist(),
                self.name_idx[rows].tolist(),
                self.position_idx[rows].tolist(),
                self.orcid_idx[rows].tolist(),
                self.author_idx[rows].tolist(),
                self.institution_idx[rows].tolist(),
                strict=True,
            )
        ]


def _groups(works: np.ndarray, rows: np.ndarray) -> list[tuple[int, list[int]]]:
    """Rows (sorted by work) grouped by work: (work, [row, …])."""
    if not len(rows):
        return []
    cuts = np.flatnonzero(np.diff(works)) + 1
    starts = [0, *cuts.tolist()]
    ends = [*cuts.tolist(), len(rows)]
    r = rows.tolist()
    return [(int(works[s]), r[s:e]) for s, e in zip(starts, ends, strict=True)]


def read_authorships(files: ProposalFiles) -> Authorships | None:
    """The Parquet works of a proposal folder as codes; None when the folder is to be read
    the ordinary way (see the module text)."""
    paths = tuple(files.works_files)
    table = _tables(paths)
    if table is None:
        return None
    names = set(table.column_names)

    def col(name: str) -> pa.ChunkedArray | None:
        return table.column(name) if name in names else None

    work_col, name_col, pos_col = col("work_id"), col("author_name"), col("author_position")
    assert work_col is not None and name_col is not None
    if _blank(work_col) or _blank(name_col):
        return None
    positioned = pos_col is not None and not pa.types.is_null(pos_col.type)
    if positioned and not set(pc.unique(pos_col).drop_null().to_pylist()) <= POSITIONS:
        return None
    n = table.num_rows
    coded: dict[str, tuple[list[Any], np.ndarray]] = {}
    for name, norm in (
        ("publication_date", parse_pub_date),
        ("orcid", identifiers.orcid),
        ("openalex_author_id", _author_id),
        ("author_position", str),
    ):
        parsed, idx, bad = parsed_codes(col(name), n, norm)
        if bad:
            return None
        coded[name] = (parsed, idx)
    doi_parsed, doi_idx, good = canonical_dois(col("doi"), n)
    try:
        affiliations = StringLists(col("affiliations"), n)
        countries = StringLists(col("countries"), n)
        institutions = institution_codes(col("institutions"), n)
    except LookupError:
        return None
    if not good:
        return None
    wids, wid_idx = encoded(work_col)
    file_of = table.column("_file").to_numpy()
    # a work found in several partitions: the rows of the first
    first_file = np.full(len(wids), len(paths), dtype=np.int64)
    np.minimum.at(first_file, wid_idx, file_of)
    kept = np.flatnonzero(file_of == first_file[wid_idx])
    per_file, per_file_first = np.unique(file_of * len(wids) + wid_idx, return_index=True)
    date_parsed, date_idx = coded["publication_date"]
    undated = np.array([date_parsed[i] is None for i in date_idx[per_file_first].tolist()])
    problems: list[Problem] = []
    for k, path in enumerate(paths):
        count = int(undated[per_file // len(wids) == k].sum())
        warnings = (f"{count} works without publication_date, kept undated",) if count else ()
        problems += report_problems(LoadReport(str(path), 0, warnings=warnings))
    if len(per_file) > len(wids):
        problems.append(repeated_works(files.folder, len(per_file) - len(wids)))
    order, first_rows = np.unique(wid_idx[kept], return_index=True)
    by_appearance = np.argsort(first_rows, kind="stable")
    number = np.empty(len(wids), dtype=np.int64)
    number[order[by_appearance]] = np.arange(len(order))
    work_rows = kept[first_rows[by_appearance]]
    title_col = col("title")
    assert title_col is not None
    author_names, name_idx = encoded(name_col)

    def codes(key: str) -> np.ndarray:
        return coded[key][1][kept]

    return Authorships(
        paths=paths,
        rows=kept,
        work=number[wid_idx[kept]],
        work_ids=[wids[i] for i in wid_idx[work_rows].tolist()],
        titles=title_col.take(work_rows).to_pylist(),
        dates=date_parsed,
        date_idx=date_idx[work_rows],
        dois=[doi_parsed[i] for i in doi_idx[work_rows].tolist()],
        files=file_of[work_rows],
        names=author_names,
        name_idx=name_idx[kept],
        positions=coded["author_position"][0],
        position_idx=codes("author_position"),
        orcids=coded["orcid"][0],
        orcid_idx=codes("orcid"),
        author_ids=coded["openalex_author_id"][0],
        author_idx=codes("openalex_author_id"),
        affiliations=affiliations,
        institutions=institutions[0],
        institution_idx=institutions[1][kept],
        countries=countries,
        problems=tuple(problems),
    )
