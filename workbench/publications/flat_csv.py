"""The flat publications CSV: one row per authorship, rows of a work sharing ``work_id``.

Columns (header row required, order free)::

    work_id, doi, title, publication_date, author_position, author_name,
    orcid, openalex_author_id, affiliation, country

``work_id``, ``title``, ``publication_date``, ``author_name`` and
``affiliation`` are required columns (cells may be empty where the text says
so); the others are optional. Rows of one work need not be adjacent; the
work's ``doi``, ``title`` and ``publication_date`` come from its first row, and
a later row that differs is reported as a warning.

An author with several affiliations is written either in one row, the
affiliations separated by ``|`` (best written `` | ``) in the ``affiliation`` cell (``country`` may
list as many, separated the same way), or as *consecutive* rows repeating the
same author (same ``work_id``, ``author_name``, ``author_position``, ``orcid``
and ``openalex_author_id``), which are merged into one authorship. Rows of the
same name that are not consecutive stay separate authors: two co-authors may
share a name.

``publication_date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; an empty cell
keeps the work undated, with a warning. Rows are numbered as a spreadsheet
shows them: the header is row 1.

Examples
--------
>>> from workbench.errors import ProblemCollector
>>> text = '''work_id,title,publication_date,author_name,affiliation,country
... W1,T,2023,Ren Kobayashi,RIKEN | Tohoku University,JP
... W1,T,2023,Hamid Karimi,Sharif University of Technology,IR
... '''
>>> works = works_from_csv(text, ProblemCollector("p.csv"))
>>> for a in works[0].authorships:
...     print(a.author_name, a.raw_affiliations)
Ren Kobayashi ('RIKEN', 'Tohoku University')
Hamid Karimi ('Sharif University of Technology',)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench import identifiers
from workbench.errors import ProblemCollector
from workbench.input_files import MAX_FIELD_CHARS
from workbench.model import Authorship, PubDate, Work
from workbench.publications.dates import EXPECTED, parse_pub_date
from workbench.publications.files import errors_since

COLUMNS = (
    "work_id",
    "doi",
    "title",
    "publication_date",
    "author_position",
    "author_name",
    "orcid",
    "openalex_author_id",
    "affiliation",
    "country",
)
REQUIRED = ("work_id", "title", "publication_date", "author_name", "affiliation")
EXPECTED_ID = {
    "doi": "a DOI 10.xxxx/…",
    "orcid": "an ORCID iD 0000-0000-0000-0000",
    "openalex_author_id": "an OpenAlex author id A…",
}
POSITIONS = frozenset({"first", "middle", "last"})


@dataclass
class _Draft:
    """A work being assembled from its rows."""

    row: int
    id: str
    title: str
    date: PubDate | None
    doi: str | None
    authorships: list[Authorship] = field(default_factory=list)


def _split(cell: str) -> list[str]:
    if "|" not in cell:
        return [cell] if cell else []
    return [p.strip() for p in cell.split("|") if p.strip()]


def works_from_csv(text: str, c: ProblemCollector, source: str = "") -> list[Work]:
    """The works of one CSV text; problems go to ``c``, whose errors the caller raises."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        c.error("file", "(csv)", f"not readable as CSV: {exc}", "comma-separated values")
        return []
    if not rows:
        c.error("file", "(file)", "the file is empty", "a header row and data rows")
        return []
    header = [h.strip().lower() for h in rows[0]]
    for name in REQUIRED:
        if name not in header:
            c.error("row 1", name, "missing column", "header with " + ", ".join(REQUIRED))
    for name in header:
        if name not in COLUMNS:
            c.warning("row 1", name or "(empty)", "unknown column, ignored", ", ".join(COLUMNS))
    if c.errors:
        return []
    col = {name: header.index(name) for name in COLUMNS if name in header}
    width = len(header)
    drafts: dict[str, _Draft] = {}
    previous: tuple[object, ...] | None = None  # (work, author) of the row above
    for n, cells in enumerate(rows[1:], start=2):
        if not "".join(cells).strip():
            continue
        if len(cells) != width:
            c.error(f"row {n}", "(row)", f"{len(cells)} fields", f"{width} fields as in the header")
            continue
        previous = _row(n, {k: cells[i].strip() for k, i in col.items()}, drafts, c, previous)
    if not drafts and not c.errors:
        c.error("file", "(file)", "no data rows", "one row per authorship")
    for d in drafts.values():
        if d.date is None:
            c.warning(
                f"row {d.row}",
                "publication_date",
                f"work {d.id} has no publication date; kept undated",
                EXPECTED,
            )
    return [
        Work(d.id, d.title, d.date, tuple(d.authorships), d.doi, source) for d in drafts.values()
    ]


def _clipped(r: dict[str, str], where: str, c: ProblemCollector) -> dict[str, str]:
    """The row with every over-long cell cut to :data:`MAX_FIELD_CHARS`, each with a warning."""
    long = [k for k, v in r.items() if isinstance(v, str) and len(v) > MAX_FIELD_CHARS]
    for k in long:
        c.warning(where, k, f"text longer than {MAX_FIELD_CHARS:,} characters cut", "a name")
    return {**r, **{k: r[k][:MAX_FIELD_CHARS] for k in long}} if long else r


def _row(
    n: int,
    r: dict[str, str],
    drafts: dict[str, _Draft],
    c: ProblemCollector,
    previous: tuple[object, ...] | None,
) -> tuple[object, ...] | None:
    """Add one row to its work; returns the row's (work, author) key, ``None`` after errors."""
    where = f"row {n}"
    r = _clipped(r, where, c)
    mark = len(c.problems)
    wid = identifiers.work_id(r["work_id"])
    if wid is None:
        c.error(where, "work_id", "missing", "the work's id")
    name = r["author_name"]
    if not name:
        c.error(where, "author_name", "missing", "the author's name")
    when: PubDate | None = None
    if r["publication_date"]:
        try:
            when = parse_pub_date(r["publication_date"])
        except ValueError as exc:
            c.error(where, "publication_date", str(exc), EXPECTED)
    doi = _ident(r.get("doi", ""), where, "doi", c, identifiers.doi)
    orcid = _ident(r.get("orcid", ""), where, "orcid", c, identifiers.orcid)
    author_id = _ident(r.get("openalex_author_id", ""), where, "openalex_author_id", c, _author_id)
    position = r.get("author_position") or None
    if position is not None and position not in POSITIONS:
        c.error(where, "author_position", f"unknown position {position!r}", "first, middle or last")
    if errors_since(c, mark) or wid is None:
        return None
    draft = drafts.get(wid)
    if draft is None:
        draft = drafts[wid] = _Draft(n, wid, r["title"], when, doi)
    else:
        for fld, mine, first in (
            ("title", r["title"], draft.title),
            ("publication_date", when, draft.date),
            ("doi", doi, draft.doi),
        ):
            if mine != first:
                c.warning(
                    where,
                    fld,
                    f"differs from row {draft.row} of work {wid}; row {draft.row} is kept",
                    f"the same {fld} on every row of a work",
                )
    affiliations = tuple(dict.fromkeys(_split(r["affiliation"])))
    countries = tuple(dict.fromkeys(x.upper() for x in _split(r.get("country", ""))))
    key = (wid, name, position, orcid, author_id)
    if key == previous and draft.authorships:
        prev = draft.authorships[-1]
        draft.authorships[-1] = Authorship(
            prev.author_name,
            prev.position,
            prev.orcid,
            prev.openalex_author_id,
            tuple(dict.fromkeys(prev.raw_affiliations + affiliations)),
            (),
            tuple(dict.fromkeys(prev.countries + countries)),
        )
    else:
        draft.authorships.append(
            Authorship(name, position, orcid, author_id, affiliations, (), countries)
        )
    return key


def _author_id(value: str) -> str | None:
    return identifiers.openalex_id(value, kind="A")


def _ident(
    value: str, where: str, field_: str, c: ProblemCollector, norm: Callable[[str], str | None]
) -> str | None:
    if not value:
        return None
    try:
        return norm(value)
    except ValueError as exc:
        c.error(where, field_, str(exc), EXPECTED_ID[field_] + " or an empty cell")
        return None
