"""Arrow columns decoded once per distinct value: authorship rows repeat the same strings.

An institution's name comes back on thousands of authorships, a date on hundreds: each
function here dictionary-encodes a column, turns each *distinct* value into Python once,
and gives per row the index of its value (``-1`` for a null row, which indexes the last
item of the list of values: the empty value). :mod:`workbench.portfolio.parquet_works`
materialises them row by row; :mod:`workbench.portfolio.authorships` keeps them as codes.

Examples
--------
>>> import pyarrow as pa
>>> parsed, idx = list_codes(pa.chunked_array([[["RIKEN", " RIKEN "], None, ["RIKEN"]]]), 3)
>>> [parsed[i] for i in idx.tolist()]
[('RIKEN',), (), ('RIKEN',)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from workbench.errors import ProblemCollector
from workbench.model import Institution

T = TypeVar("T")
_SEP = "\x1f"  # joins a row's strings (unit separator: not in names)
_FIELD = "\x1e"  # joins an institution's fields
_NULL = "\x00"  # stands for a missing field while joined


def encoded(column: pa.ChunkedArray | pa.Array) -> tuple[list[Any], np.ndarray]:
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


def list_codes(column: pa.ChunkedArray | None, n: int) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """A list-of-strings column, or a ``|``-separated text column: each distinct row value as a
    tuple of distinct strings (parsed once), and per row the index of its value (-1 for a null
    row, the last item of the list: ``()``).

    Raises ``LookupError`` for list columns holding null strings or the join separator
    (read row by row instead: :func:`_lists_slowly`).
    """
    if column is None:
        return [()], np.full(n, -1, dtype=np.int64)
    listed = pa.types.is_list(column.type) or pa.types.is_large_list(column.type)
    if not listed:
        uniques, idx = encoded(column)
        parsed = [_distinct_strings(u.split("|")) if u else () for u in uniques]
    else:
        arr = column.combine_chunks()
        flat = pc.list_flatten(arr)
        if flat.null_count or pc.any(pc.match_substring(flat, _SEP)).as_py():
            raise LookupError("read row by row")
        uniques, idx = encoded(pc.binary_join(arr, _SEP))
        parsed = [_distinct_strings(u.split(_SEP)) if u else () for u in uniques]
    parsed.append(())  # index -1: a null row
    return parsed, idx


def row_lists(column: pa.ChunkedArray | None, n: int) -> list[tuple[str, ...]]:
    """A list-of-strings column, or a ``|``-separated text column, as tuples of distinct strings."""
    try:
        parsed, idx = list_codes(column, n)
    except LookupError:
        assert column is not None
        return _lists_slowly(column)
    return [parsed[i] for i in idx.tolist()]


def _lists_slowly(column: pa.ChunkedArray) -> list[tuple[str, ...]]:
    """:func:`row_lists` for list columns holding null strings or the join separator."""
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


def institution_codes(
    column: pa.ChunkedArray | None, n: int
) -> tuple[list[tuple[Institution, ...]], np.ndarray]:
    """The ``institutions`` column: each distinct row value as a tuple of institutions (made
    once), and per row the index of its value (-1 for none: the last item, ``()``).

    Raises ``LookupError`` when fields hold the characters rows are joined with.
    """
    if column is None or pa.types.is_null(column.type):
        return [()], np.full(n, -1, dtype=np.int64)
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
        raise LookupError("read row by row")
    rows = pa.ListArray.from_arrays(arr.offsets, item, mask=arr.is_null())
    uniques, idx = encoded(pc.binary_join(rows, _SEP))
    first = np.full(len(uniques), -1, dtype=np.int64)
    kinds, at = np.unique(idx, return_index=True)
    keep = kinds >= 0
    first[kinds[keep]] = at[keep]
    parsed = [_institution_row(arr[int(i)].as_py(), cache) for i in first.tolist()]
    parsed.append(())
    return parsed, idx


def row_institutions(column: pa.ChunkedArray | None, n: int) -> list[tuple[Institution, ...]]:
    try:
        parsed, idx = institution_codes(column, n)
    except LookupError:
        assert column is not None
        cache: dict[Any, Institution] = {}
        return [_institution_row(v, cache) for v in column.to_pylist()]
    return [parsed[i] for i in idx.tolist()]


def _institution_row(v: Any, cache: dict[Any, Institution]) -> tuple[Institution, ...]:
    items = (_institution(x, cache) for x in v or ())
    return tuple(i for i in items if i.display_name or i.id)


def parsed_codes(
    column: pa.ChunkedArray | None, n: int, norm: Callable[[str], T | None]
) -> tuple[list[T | None], np.ndarray, list[tuple[int, ValueError]]]:
    """Each distinct value of a column parsed once (``None`` for empty ones and the last item,
    index -1, for nulls), per row the index of its value, and (row, error) of each bad value
    at its first row."""
    if column is None:
        return [None], np.full(n, -1, dtype=np.int64), []
    uniques, idx = encoded(column)
    parsed: list[T | None] = []
    bad: list[tuple[int, ValueError]] = []
    for k, v in enumerate(uniques):
        if v is None or v == "":
            parsed.append(None)
            continue
        try:
            parsed.append(norm(v))
        except ValueError as exc:
            parsed.append(None)
            bad.append((int(np.argmax(idx == k)), exc))
    parsed.append(None)
    return parsed, idx, bad


def checked(
    column: pa.ChunkedArray | None,
    n: int,
    name: str,
    norm: Callable[[str], T | None],
    c: ProblemCollector,
    expected: str,
) -> list[T | None]:
    """A column parsed once per distinct value; a bad value reported at its first row."""
    parsed, idx, bad = parsed_codes(column, n, norm)
    for row, exc in bad:
        c.error(f"row {row + 1}", name, str(exc), expected)
    return [parsed[i] for i in idx.tolist()]


class StringLists:
    """A list-of-strings column (or ``|``-separated text) kept as Arrow: the distinct strings
    are tested once (:meth:`hits`), a row turned into Python only when asked (:meth:`row`),
    as the tuple of distinct stripped strings :func:`row_lists` gives.

    Raises ``LookupError`` for list columns holding null strings or the join separator.

    >>> s = StringLists(pa.chunked_array([[["RIKEN ", "Tohoku"], [], ["Tohoku"]]]), 3)
    >>> s.hits(lambda t: t == "RIKEN").tolist(), s.row(0), s.row(1)
    ([True, False, False], ('RIKEN', 'Tohoku'), ())
    """

    def __init__(self, column: pa.ChunkedArray | None, n: int) -> None:
        self.n = n
        self.arr = None if column is None else column.combine_chunks()
        self.listed = self.arr is not None and (
            pa.types.is_list(self.arr.type) or pa.types.is_large_list(self.arr.type)
        )
        if self.listed:
            flat = pc.list_flatten(self.arr)
            if flat.null_count or pc.any(pc.match_substring(flat, _SEP)).as_py():
                raise LookupError("read row by row")

    def hits(self, test: Callable[[str], bool]) -> np.ndarray:
        """Per row: True when one of its strings passes ``test`` (each distinct one asked once)."""
        out = np.zeros(self.n, dtype=bool)
        if self.arr is None:
            return out
        if self.listed:
            values, idx = encoded(pc.list_flatten(self.arr))
            tested = np.array([bool(v.strip()) and test(v.strip()) for v in values], dtype=bool)
            parents = pc.list_parent_indices(self.arr).to_numpy(zero_copy_only=False)
            out[parents[tested[idx]]] = True
            return out
        uniques, idx = encoded(self.arr)
        good = [bool(u) and any(test(t) for t in _distinct_strings(u.split("|"))) for u in uniques]
        return np.array([*good, False], dtype=bool)[idx]

    def strings(self) -> set[str]:
        """Every distinct (stripped) string of the column."""
        if self.arr is None:
            return set()
        if self.listed:
            values = encoded(pc.list_flatten(self.arr))[0]
            return {v.strip() for v in values if v.strip()}
        return {t for u in encoded(self.arr)[0] if u for t in _distinct_strings(u.split("|"))}

    def row(self, i: int) -> tuple[str, ...]:
        if self.arr is None:
            return ()
        v = self.arr[i].as_py()
        if not v:
            return ()
        return _distinct_strings(v if self.listed else v.split("|"))


def canonical_dois(column: pa.ChunkedArray | None, n: int) -> tuple[list[Any], np.ndarray, bool]:
    """:func:`parsed_codes` of a DOI column, values already in the bare lower-case form
    ``10.xxxx/…`` (printable ASCII) taken as they are; and whether every value is good."""
    from workbench.identifiers import doi

    if column is None:
        return [None], np.full(n, -1, dtype=np.int64), True
    enc = column.combine_chunks().dictionary_encode()
    idx = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    values = enc.dictionary
    bare = pc.and_(
        pc.match_substring_regex(values, r"^10\.[0-9]{4,9}/[!-~]+$"),
        pc.equal(pc.utf8_lower(values), values),
    )
    parsed: list[Any] = []
    for v, ok in zip(values.to_pylist(), bare.to_pylist(), strict=True):
        if ok or v is None or v == "":
            parsed.append(v or None)
            continue
        try:
            parsed.append(doi(v))
        except ValueError:
            return [], idx, False
    parsed.append(None)
    return parsed, idx, True
