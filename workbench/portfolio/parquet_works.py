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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from workbench import identifiers
from workbench.errors import InputError, ProblemCollector
from workbench.model import Authorship, Loaded, LoadReport, Work
from workbench.portfolio.columns import checked, row_institutions, row_lists
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


def _author_id(value: str) -> str | None:
    return identifiers.openalex_id(value, kind="A")


def check_schema(table: pa.Table, c: ProblemCollector) -> None:
    """Report a missing required column or a column of the wrong type to ``c``."""
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
    check_schema(table, c)
    c.raise_if_errors()
    names = set(table.column_names)
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
    dates = checked(col("publication_date"), n, "publication_date", parse_pub_date, c, EXPECTED)
    dois = checked(col("doi"), n, "doi", identifiers.doi, c, "a DOI 10.xxxx/…")
    orcids = checked(
        col("orcid"), n, "orcid", identifiers.orcid, c, "an ORCID iD 0000-0000-0000-0000"
    )
    author_ids = checked(
        col("openalex_author_id"),
        n,
        "openalex_author_id",
        _author_id,
        c,
        "an OpenAlex author id A…",
    )
    affiliations = row_lists(col("affiliations"), n)
    countries = row_lists(col("countries"), n)
    institutions = row_institutions(col("institutions"), n)
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
