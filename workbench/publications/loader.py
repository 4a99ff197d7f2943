"""Load publication files, whatever their shape, into works.

The format is found from the file name and, for JSON, from the content:

=========================================  ==========================================
file                                       read as
=========================================  ==========================================
``*.csv``                                  flat CSV, one row per authorship
``*.jsonl``, ``*.ndjson``                  JSON Lines, one OpenAlex work per line
``*.json`` holding ``{"results": [...]}``  an OpenAlex ``/works`` API response
``*.json`` holding ``[...]``               a list of OpenAlex works
``*.json`` holding ``{"id": ...}``         a single OpenAlex work
``*.json`` holding one object per line     JSON Lines
any of the above ``+ .gz``                 the same, gzip-compressed
=========================================  ==========================================

A file loads whole or not at all: every problem of it is collected and raised
together as :class:`~workbench.errors.InputError`. Warnings (undated works,
a work listed twice) travel in the :class:`~workbench.model.LoadReport`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from workbench.errors import InputError, Problem, ProblemCollector
from workbench.input_files import JsonLimit, loads
from workbench.model import Loaded, LoadReport, Work
from workbench.publications.files import (
    base_suffix,
    decode_text,
    describe,
    parse_json,
    read_bytes,
)
from workbench.publications.flat_csv import works_from_csv
from workbench.publications.openalex import Tally, work_from_openalex

JSON_LINES = (".jsonl", ".ndjson")
SHAPES = "an OpenAlex work, a list of works, or a /works response with 'results'"


def load_works(path: str | Path) -> Loaded[tuple[Work, ...]]:
    """Read one publications file (OpenAlex JSON in any shape, JSON Lines or flat CSV).

    Raises
    ------
    InputError
        With every problem of the file, each naming the file, place and field.

    Examples
    --------
    >>> from pathlib import Path
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "works.csv"
    >>> _ = f.write_text("work_id,title,publication_date,author_name,affiliation\\n"
    ...                  "W1,T,2024-11-02,Ren Kobayashi,RIKEN\\n")
    >>> loaded = load_works(f)
    >>> loaded.value[0].date.isoformat(), loaded.report.read
    ('2024-11-02', 1)
    """
    path = Path(path)
    c = ProblemCollector(str(path))
    works = _read(path, c)
    c.raise_if_errors()
    works = _drop_repeats(works, c)
    return Loaded(tuple(works), _report(str(path), len(works), c.warnings))


def load_works_many(paths: Iterable[str | Path]) -> Loaded[tuple[Work, ...]]:
    """Read several publications files into one tuple of works.

    Every file is read before failing, so the error lists the problems of all
    of them. A work found in more than one file (co-authored papers in
    per-person downloads) is kept once, from the first file; the report says
    how many were merged.
    """
    files = [Path(p) for p in paths]
    problems: list[Problem] = []
    warnings: list[Problem] = []
    works: list[Work] = []
    for path in files:
        c = ProblemCollector(str(path))
        found = _read(path, c)
        if not c.errors:
            works += _drop_repeats(found, c)
        problems += c.errors
        warnings += c.warnings
    if problems:
        raise InputError([*problems, *warnings])
    unique = [works[i] for i in _first_of_each(works).values()]
    source = ", ".join(str(p) for p in files)
    report = _report(source, len(unique), warnings)
    if len(unique) < len(works):
        note = f"{len(works) - len(unique)} works found in more than one file were kept once"
        report = LoadReport(report.source, report.read, warnings=(*report.warnings, note))
    return Loaded(tuple(unique), report)


def _report(source: str, read: int, warnings: Iterable[Problem]) -> LoadReport:
    return LoadReport(source, read, warnings=tuple(str(w) for w in warnings))


def _first_of_each(works: list[Work]) -> dict[int, int]:
    """Map each work's position to the position of its first copy, for works kept.

    Two records are one work when they share the id, or the DOI (an OpenAlex
    id and a DOI, or two OpenAlex ids, pointing to the same paper).
    """
    by_id: dict[str, int] = {}
    by_doi: dict[str, int] = {}
    kept: dict[int, int] = {}
    for i, w in enumerate(works):
        first = by_id.get(w.id)
        if first is None and w.doi:
            first = by_doi.get(w.doi)
        if first is None:
            kept[i] = i
            by_id[w.id] = i
            if w.doi:
                by_doi[w.doi] = i
    return kept


def _drop_repeats(works: list[Work], c: ProblemCollector) -> list[Work]:
    """Keep the first of works with the same id or DOI within one file, warning about the others."""
    kept = _first_of_each(works)
    by_id = {w.id: i for i, w in reversed(list(enumerate(works)))}
    by_doi = {w.doi: i for i, w in reversed(list(enumerate(works))) if w.doi}
    for i, w in enumerate(works):
        if i in kept:
            continue
        same_id = by_id[w.id] != i
        first = by_id[w.id] if same_id else by_doi[w.doi or ""]
        if same_id:
            field, message = "id", f"work {w.id} appears again (first as work {first + 1})"
        else:
            field = "doi"
            message = f"work {w.id} has the DOI {w.doi} of work {first + 1} ({works[first].id})"
        c.warning(
            f"work {i + 1} of the file", field, message + "; the first is kept", "each work once"
        )
    return [works[i] for i in kept.values()]


def _read(path: Path, c: ProblemCollector) -> list[Work]:
    data = read_bytes(path, c)
    text = decode_text(data, c) if data is not None else None
    if text is None:
        return []
    if not text.strip():
        c.error("file", "(file)", "the file is empty", "publications")
        return []
    suffix = base_suffix(path)
    source = str(path)
    if suffix == ".csv" or (
        suffix not in (".json", *JSON_LINES) and not text.lstrip().startswith(("{", "["))
    ):
        return works_from_csv(text, c, source)
    if suffix in JSON_LINES:
        return _json_lines(text, c, source)
    try:
        document = loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            return _json_lines(text, c, source)
        parse_json(text, c)  # reports line and column
        return []
    except JsonLimit as exc:
        c.error("file", "(json)", str(exc), "a JSON document")
        return []
    return _document(document, c, source)


def _document(document: object, c: ProblemCollector, source: str) -> list[Work]:
    tally = Tally()
    works: list[Work | None]
    if isinstance(document, list):
        works = [work_from_openalex(w, f"$[{i}]", c, tally, source) for i, w in enumerate(document)]
    elif isinstance(document, dict) and "results" in document:
        results = document["results"]
        if not isinstance(results, list):
            c.error("$.results", "results", f"got {describe(results)}", "a list of works")
            return []
        works = [
            work_from_openalex(w, f"$.results[{i}]", c, tally, source)
            for i, w in enumerate(results)
        ]
    elif isinstance(document, dict) and ("authorships" in document or "id" in document):
        works = [work_from_openalex(document, "$", c, tally, source)]
    else:
        c.error("$", "(document)", f"got {describe(document)} of another kind", SHAPES)
        return []
    _note(tally, c)
    return [w for w in works if w is not None]


def _json_lines(text: str, c: ProblemCollector, source: str) -> list[Work]:
    tally = Tally()
    works: list[Work] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        ok, raw = parse_json(line, c, place=f"line {n}, ")
        if ok:
            w = work_from_openalex(raw, f"line {n}: $", c, tally, source)
            if w is not None:
                works.append(w)
    _note(tally, c)
    return works


def _note(tally: Tally, c: ProblemCollector) -> None:
    if tally.empty_institutions:
        c.warning(
            "file",
            "institutions",
            f"{tally.empty_institutions} empty institution objects skipped",
            "institutions with a display_name or id",
        )
