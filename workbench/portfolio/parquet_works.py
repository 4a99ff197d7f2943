"""Works as Parquet: one row per authorship, the columnar twin of the flat publications CSV.

Large portfolios keep their works as Parquet partitions (``works/part-000.parquet``,
…) because they read an order of magnitude faster than JSON. Columns:

=======================  ==============================  ========
column                   type                            required
=======================  ==============================  ========
``work_id``              string                          yes
``title``                string                          yes
``publication_date``     string ``YYYY[-MM[-DD]]``         yes (cells may be null: undated)
``author_name``          string                          yes
``affiliations``         list of strings, or a string    yes
                         with ``|`` between strings
``doi``                  string                          no
``author_position``      string first/middle/last        no
``orcid``                string                          no
``openalex_author_id``   string                          no
``countries``            list of strings, or ``|`` text  no
``institutions``         list of structs (``display_name``, no
                         ``id``, ``ror``, ``country_code``)
                         or list of display names
=======================  ==============================  ========

Rows of one work need not be adjacent; the work's title, date and DOI come
from its first row. Every problem of a file is collected and raised together
(:class:`~workbench.errors.InputError`), naming the file, the row (numbered
from 1 over the whole file) and the column. :func:`write_works` writes the
same layout, so ``load_parquet_works(write_works(works, path))`` gives the works back.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from workbench.model import Authorship, PubDate, Work
>>> w = Work("W1", "T", PubDate(2024, 5), (Authorship("Ren Kobayashi",
...          raw_affiliations=("RIKEN", "Tohoku University")),), doi="10.1234/x")
>>> path = write_works([w], Path(tempfile.mkdtemp()) / "part-0.parquet")
>>> [back] = load_parquet_works(path).value
>>> back.authorships == w.authorships, back.date, back.doi, back.source == str(path)
(True, PubDate(year=2024, month=5, day=None), '10.1234/x', True)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from workbench import identifiers
from workbench.errors import InputError, ProblemCollector
from workbench.model import Authorship, Institution, Loaded, LoadReport, Work
from workbench.publications.dates import EXPECTED, parse_pub_date

REQUIRED = ("work_id", "title", "publication_date", "author_name", "affiliations")
OPTIONAL = ("doi", "author_position", "orcid", "openalex_author_id", "countries", "institutions")
INSTITUTION = pa.struct(
    [
        ("display_name", pa.string()),
        ("id", pa.string()),
        ("ror", pa.string()),
        ("country_code", pa.string()),
    ]
)
POSITIONS = frozenset({"first", "middle", "last"})
FILE = "(file)"

SCHEMA = pa.schema(
    [
        ("work_id", pa.string()),
        ("title", pa.string()),
        ("publication_date", pa.string()),
        ("doi", pa.string()),
        ("author_position", pa.string()),
        ("author_name", pa.string()),
        ("orcid", pa.string()),
        ("openalex_author_id", pa.string()),
        ("affiliations", pa.list_(pa.string())),
        ("countries", pa.list_(pa.string())),
        ("institutions", pa.list_(INSTITUTION)),
    ]
)


T = TypeVar("T")
_SEP = "\x1f"  # joins a row's strings (unit separator: not in names)
_FIELD = "\x1e"  # joins an institution's fields
_NULL = "\x00"  # stands for a missing field while joined


def write_works(works: Sequence[Work], path: str | Path) -> Path:
    """Write ``works`` as one Parquet file in the layout above; returns the path."""
    cols: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    for w in works:
        for a in w.authorships:
            cols["work_id"].append(w.id)
            cols["title"].append(w.title)
            cols["publication_date"].append(w.date.isoformat() if w.date else None)
            cols["doi"].append(w.doi)
            cols["author_position"].append(a.position)
            cols["author_name"].append(a.author_name)
            cols["orcid"].append(a.orcid)
            cols["openalex_author_id"].append(a.openalex_author_id)
            cols["affiliations"].append(list(a.raw_affiliations))
            cols["countries"].append(list(a.countries))
            cols["institutions"].append(
                [
                    {
                        "display_name": i.display_name,
                        "id": i.id,
                        "ror": i.ror,
                        "country_code": i.country_code,
                    }
                    for i in a.institutions
                ]
            )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(cols, schema=SCHEMA), path)
    return path


def _texts(column: pa.ChunkedArray | None, n: int) -> list[Any]:
    if column is None:
        return [None] * n
    return column.to_pylist()


def _encoded(column: pa.ChunkedArray | pa.Array) -> tuple[list[Any], np.ndarray]:
    """The distinct values of a column and, per row, the index of its value (-1 for null).

    Rows repeat the same strings a great deal (an institution's name on thousands of
    authorships), so each distinct value is turned into Python once.
    """
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    enc = arr.dictionary_encode()
    indices = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    return enc.dictionary.to_pylist(), indices


def _distinct_strings(parts: Sequence[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def _lists(column: pa.ChunkedArray | None, n: int) -> list[tuple[str, ...]]:
    """A list-of-strings column, or a ``|``-separated text column, as tuples of distinct strings."""
    if column is None:
        return [()] * n
    listed = pa.types.is_list(column.type) or pa.types.is_large_list(column.type)
    if not listed:
        uniques, idx = _encoded(column)
        parsed = [_distinct_strings(u.split("|")) if u else () for u in uniques]
    else:
        arr = column.combine_chunks()
        flat = pc.list_flatten(arr)
        if flat.null_count or pc.any(pc.match_substring(flat, _SEP)).as_py():
            return _lists_slowly(column)
        uniques, idx = _encoded(pc.binary_join(arr, _SEP))
        parsed = [_distinct_strings(u.split(_SEP)) if u else () for u in uniques]
    parsed.append(())  # index -1: a null row
    return [parsed[i] for i in idx.tolist()]


def _lists_slowly(column: pa.ChunkedArray) -> list[tuple[str, ...]]:
    """:func:`_lists` for list columns holding null strings or the join separator."""
    seen: dict[tuple[Any, ...], tuple[str, ...]] = {}
    out: list[tuple[str, ...]] = []
    for v in column.to_pylist():
        if not v:
            out.append(())
            continue
        key = tuple(v)
        hit = seen.get(key)
        if hit is None:
            hit = seen[key] = _distinct_strings(v)
        out.append(hit)
    return out


def _institution(x: Any, cache: dict[Any, Institution]) -> Institution:
    key = tuple(x.values()) if isinstance(x, dict) else x
    inst = cache.get(key)
    if inst is None:
        if isinstance(x, dict):
            inst = Institution(
                x.get("display_name") or "", x.get("id"), x.get("ror"), x.get("country_code")
            )
        else:
            inst = Institution(x)
        cache[key] = inst
    return inst


def _institutions(column: pa.ChunkedArray | None, n: int) -> list[tuple[Institution, ...]]:
    if column is None or pa.types.is_null(column.type):
        return [()] * n
    cache: dict[Any, Institution] = {}
    arr = column.combine_chunks()
    # each row's institutions as one text, so that equal rows are turned into Python once
    values = arr.values
    if pa.types.is_struct(values.type):
        texts = [
            pc.fill_null(values.field(i).cast(pa.string()), _NULL)
            for i in range(values.type.num_fields)
        ]
        item = pc.binary_join_element_wise(*texts, _FIELD)
    else:
        texts = [pc.fill_null(values.cast(pa.string()), _NULL)]
        item = texts[0]
    if any(pc.any(pc.match_substring_regex(t, "[\x1e\x1f]")).as_py() for t in texts):
        return [_institution_row(v, cache) for v in column.to_pylist()]
    rows = pa.ListArray.from_arrays(arr.offsets, item, mask=arr.is_null())
    _, idx = _encoded(pc.binary_join(rows, _SEP))
    kinds, first = np.unique(idx, return_index=True)
    parsed = {
        int(k): _institution_row(arr[int(i)].as_py(), cache)
        for k, i in zip(kinds, first, strict=True)
    }
    parsed[-1] = ()
    return [parsed[i] for i in idx.tolist()]


def _institution_row(v: Any, cache: dict[Any, Institution]) -> tuple[Institution, ...]:
    items = (_institution(x, cache) for x in v or ())
    return tuple(i for i in items if i.display_name or i.id)


def _checked(
    column: pa.ChunkedArray | None,
    n: int,
    name: str,
    norm: Callable[[str], T | None],
    c: ProblemCollector,
    expected: str,
) -> list[T | None]:
    """A column parsed once per distinct value; a bad value reported at its first row."""
    if column is None:
        return [None] * n
    uniques, idx = _encoded(column)
    parsed: list[T | None] = []
    for k, v in enumerate(uniques):
        if v is None or v == "":
            parsed.append(None)
            continue
        try:
            parsed.append(norm(v))
        except ValueError as exc:
            parsed.append(None)
            c.error(f"row {int(np.argmax(idx == k)) + 1}", name, str(exc), expected)
    parsed.append(None)
    return [parsed[i] for i in idx.tolist()]


def _author_id(value: str) -> str | None:
    return identifiers.openalex_id(value, kind="A")


def load_parquet_works(path: str | Path) -> Loaded[tuple[Work, ...]]:
    """Read one Parquet file of authorships into works (see the module text for the layout).

    Raises
    ------
    InputError
        With every problem of the file: unreadable, a missing column, a column of
        the wrong type, a row without work id or author, a bad date or identifier.
    """
    path = Path(path)
    c = ProblemCollector(str(path))
    try:
        table = pq.ParquetFile(path).read()  # one file: no dataset discovery
    except (pa.ArrowException, OSError) as exc:
        c.error(FILE, FILE, f"not readable as Parquet: {exc}", "a Parquet file of authorships")
        raise InputError(c.problems) from None
    names = set(table.column_names)
    for name in REQUIRED:
        if name not in names:
            c.error("schema", name, "missing column", "columns " + ", ".join(REQUIRED))
    for name in table.column_names:
        typ = table.schema.field(name).type
        if name == "institutions":
            ok = pa.types.is_list(typ) and (
                pa.types.is_string(typ.value_type)
                or (
                    pa.types.is_struct(typ.value_type)
                    and typ.value_type.get_field_index("display_name") >= 0
                )
            )
            if not ok and not pa.types.is_null(typ):
                c.error(
                    "schema", name, f"type {typ}", "list<struct<display_name, …>> or list<string>"
                )
        elif name in ("affiliations", "countries"):
            ok = pa.types.is_string(typ) or (
                pa.types.is_list(typ) and pa.types.is_string(typ.value_type)
            )
            if not ok and not pa.types.is_null(typ):
                c.error("schema", name, f"type {typ}", "list<string> or string")
        elif name in (*REQUIRED, *OPTIONAL) and not (
            pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_null(typ)
        ):
            c.error("schema", name, f"type {typ}", "string")
    c.raise_if_errors()
    n = table.num_rows
    if n == 0:
        c.error(FILE, FILE, "no rows", "one row per authorship")
        raise InputError(c.problems)

    def col(name: str) -> pa.ChunkedArray | None:
        return table.column(name) if name in names else None

    wids = _texts(col("work_id"), n)
    titles = _texts(col("title"), n)
    authors = _texts(col("author_name"), n)
    positions = _texts(col("author_position"), n)
    dates = _checked(col("publication_date"), n, "publication_date", parse_pub_date, c, EXPECTED)
    dois = _checked(col("doi"), n, "doi", identifiers.doi, c, "a DOI 10.xxxx/…")
    orcids = _checked(
        col("orcid"), n, "orcid", identifiers.orcid, c, "an ORCID iD 0000-0000-0000-0000"
    )
    author_ids = _checked(
        col("openalex_author_id"),
        n,
        "openalex_author_id",
        _author_id,
        c,
        "an OpenAlex author id A…",
    )
    affiliations = _lists(col("affiliations"), n)
    countries = _lists(col("countries"), n)
    institutions = _institutions(col("institutions"), n)
    drafts: dict[str, tuple[int, list[Authorship]]] = {}
    for i in range(n):
        wid, name = wids[i], authors[i]
        if not wid:
            c.error(f"row {i + 1}", "work_id", "missing", "the work's id")
            continue
        if not name:
            c.error(f"row {i + 1}", "author_name", "missing", "the author's name")
            continue
        pos = positions[i]
        if pos is not None and pos not in POSITIONS:
            c.error(
                f"row {i + 1}",
                "author_position",
                f"unknown position {pos!r}",
                "first, middle or last",
            )
            continue
        draft = drafts.get(wid)
        if draft is None:
            draft = drafts[wid] = (i, [])
        draft[1].append(
            Authorship(
                name,
                pos,
                orcids[i],
                author_ids[i],
                affiliations[i],
                institutions[i],
                tuple(x.upper() for x in countries[i]),
            )
        )
    c.raise_if_errors()
    source = str(path)
    works = tuple(
        Work(wid, titles[i] or "", dates[i], tuple(auths), dois[i], source)
        for wid, (i, auths) in drafts.items()
    )
    undated = sum(1 for w in works if w.date is None)
    warnings = (f"{undated} works without publication_date, kept undated",) if undated else ()
    return Loaded(works, LoadReport(source, len(works), warnings=warnings))
