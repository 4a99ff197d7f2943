"""US Consolidated Screening List (trade.gov): the CSV export and the JSON export.

The CSV has the header given in :data:`CSV_HEADER` (older copies lack
``_id``); multi-value fields (``alt_names``, ``addresses``, ``programs``,
``ids``) are joined with ``; ``. Real copies repeat the header as a data row
(skipped) and carry ``?`` where an apostrophe or quote was lost (kept, and
listed as a warning). The JSON is ``{"results": [...]}`` with lists in place
of joined fields and address objects.

- Entry id: ``_id`` (CSV) or ``id`` (JSON), exactly. A copy without ``_id``
  gets ``csl-<sha1 of source, entity_number, name>[:16]``, stable across
  re-orderings, and the report says so.
- The same id on two sub-lists (OFAC publishes one entity number on, e.g., SSI
  and NS-MBS) keeps both entries, with a warning; the same id twice on one
  sub-list is an error.
- ``country``: the country of the first address (the text after its last
  comma, usually an ISO code), else the first nationality, else the first
  citizenship.
- ``entity_type``: ``Entity`` → organization, ``Individual`` → individual,
  ``Vessel`` → vessel, empty → ``None``.
- Names lose the boilerplate tail ``and any successor, sub-unit, or subsidiary
  thereof`` / ``, and its sub-units and successors`` (a repair: the tail is
  not part of any name an affiliation would carry).
- Version: the date in the file name (``…_20240101.csv``) or of the JSON's
  ``search_performed_at``; otherwise the latest ``start_date`` in the file,
  a lower bound on the publication date (said in the report).

Examples
--------
>>> strip_boilerplate("Poly Technologies Incorporated (PTI), and its sub-units and successors")
'Poly Technologies Incorporated (PTI)'
>>> lost_apostrophe("Xi?an Research Institute"), lost_apostrophe("Who?")
(True, False)
>>> country_of_address("113 Hezuo Road, Shijiazhuang, Hebei, China, CN")
'CN'
>>> country_of_address("3037 S. 69TH DRIVE, PHONEIX, AZ, 85043") is None
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from workbench.input_files import JsonLimit, loads
from workbench.lists.building import ListBuilder
from workbench.lists.names import is_local_script
from workbench.lists.reading import (
    decode_text,
    iso_date,
    json_error,
    json_type,
    read_csv,
    read_raw,
    split_multi,
    version_from_name,
)
from workbench.model import ListEntry, Loaded, ScreeningList

LIST_NAME = "US Consolidated Screening List"
PUBLISHER = "International Trade Administration (trade.gov), US Department of Commerce"

#: The header of the trade.gov CSV export.
CSV_HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
    "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
    "source_information_url,ids"
)
CSV_COLUMNS: tuple[str, ...] = tuple(CSV_HEADER.split(","))
#: Columns a CSV must have to be read as the CSL (``_id`` may be missing in old copies).
REQUIRED = ("source", "name", "type", "alt_names", "addresses")
ENTITY_TYPES = {"entity": "organization", "individual": "individual", "vessel": "vessel"}
SEPARATOR = "; "

_BOILERPLATE = re.compile(
    r"[,;]?\s+and\s+(?:any\s+successor,?\s+sub-unit,?\s+or\s+subsidiary\s+thereof"
    r"|its\s+sub-units\s+and\s+successors)\.?\s*$",
    re.IGNORECASE,
)
_LOST_APOSTROPHE = re.compile(r"(?<=\w)\?(?=\w)|(?<=\s)\?(?=\w)|^\?(?=\w)")
_LEADING_AND = re.compile(r"^and\s+(?=[A-Z])")  # "…; and Beijing …": the list's last item
_COUNTRY = re.compile(r"[A-Za-z][A-Za-z .'()-]*")
EXPECTED_CSV = "the trade.gov consolidated screening list CSV"
EXPECTED_JSON = 'the trade.gov consolidated screening list JSON ({"results": [...]})'


def strip_boilerplate(name: str) -> str:
    return _BOILERPLATE.sub("", name).strip()


def lost_apostrophe(text: str) -> bool:
    """``?`` inside or in front of a word: an apostrophe or quote lost in an export."""
    return _LOST_APOSTROPHE.search(text) is not None


def country_of_address(address: str) -> str | None:
    """The text after the last comma when it reads as a country (not a postal code)."""
    last = address.rsplit(",", 1)[-1].strip()
    return last if _COUNTRY.fullmatch(last) else None


def _entry(
    build: ListBuilder,
    entry_id: str,
    place: str,
    written_name: str,
    alt_names: Sequence[str],
    countries: Sequence[str | None],
    programs: Sequence[str],
    kind: str,
    source: str,
    own_id: str | None = None,
) -> None:
    name = strip_boilerplate(written_name.strip())
    if not name:
        build.unusable_entry(f"{place} ({entry_id})", "name", "empty", "the listed name")
        return
    if name != written_name.strip():
        build.repaired.append(f"{entry_id}: name '{written_name.strip()}' trimmed to '{name}'")
    aliases = [_LEADING_AND.sub("", strip_boilerplate(a)) for a in alt_names]
    for text in (name, *aliases):
        if lost_apostrophe(text):
            build.warnings.append(
                f"{entry_id}: '?' in place of an apostrophe or quote kept as written: '{text}'"
            )
    entity_type = ENTITY_TYPES.get(kind.strip().lower())
    if kind.strip() and entity_type is None:
        build.problems.warning(
            place, "type", f"unknown type '{kind}'", "Entity, Individual, Vessel"
        )
    local = tuple(dict.fromkeys(a for a in aliases if is_local_script(a)))
    build.entries.append(
        ListEntry(
            list_name=build.list_name,
            entry_id=entry_id,
            name=name,
            aliases=tuple(a for a in dict.fromkeys(aliases) if a and a != name and a not in local),
            local_names=local,
            country=next((c for c in countries if c), None),
            programs=tuple(programs),
            entity_type=entity_type,
            source_list=source.strip() or None,
            list_id=(own_id or "").strip() or None,
        )
    )


class _Ids:
    """Entry ids seen so far: unique per sub-list; shared across sub-lists with a warning."""

    def __init__(self, build: ListBuilder, field_: str) -> None:
        self.build, self.field = build, field_
        self.places: dict[tuple[str, str], str] = {}
        self.sources: dict[str, str] = {}

    def claim(self, entry_id: str, source: str, place: str) -> bool:
        first = self.places.get((entry_id, source))
        if first is not None:
            self.build.problems.error(
                place,
                self.field,
                f"duplicate id '{entry_id}' on sub-list '{source}'",
                f"unique ids within a sub-list; first at {first}",
            )
            return False
        self.places[(entry_id, source)] = place
        other = self.sources.setdefault(entry_id, source)
        if other != source:
            self.build.warnings.append(
                f"{entry_id}: listed on two sub-lists ({other}; {source}); both kept"
            )
        return True


def _version(
    build: ListBuilder, path: Path, stated: date | None, starts: list[date]
) -> date | None:
    version = version_from_name(path.name) or stated
    if version is None and starts:
        today = date.today()
        version = max(d for d in starts if d <= today) if any(d <= today for d in starts) else None
        if version is not None:
            build.warnings.append(
                f"version {version.isoformat()} is the latest start_date in the file "
                "(the file names no publication date)"
            )
    if version is None:
        build.warnings.append("no version date in the file name or the data")
    return version


def load_csv(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load the trade.gov consolidated screening list CSV."""
    raw = read_raw(path)
    build = ListBuilder(raw, name or LIST_NAME, PUBLISHER)
    text = decode_text(raw, build.problems, EXPECTED_CSV)
    parsed = read_csv(text, build.problems, allow_truncated_end=True) if text is not None else None
    build.problems.raise_if_errors()
    assert parsed is not None
    header, rows = parsed
    missing = [c for c in REQUIRED if c not in header]
    for column in missing:
        build.problems.error("row 1", column, "column missing from the header", EXPECTED_CSV)
    build.problems.raise_if_errors()
    has_id = "_id" in header
    if not has_id:
        build.warnings.append(
            "no '_id' column: entry ids are made as 'csl-' + the first 16 hex digits of "
            "the sha1 of the row's cells (stable while the row is unchanged)"
        )
    ids = _Ids(build, "_id")
    starts: list[date] = []
    for row in rows:
        cells = row.cells
        if has_id and cells["_id"] == "_id":
            build.warnings.append(f"row {row.number}: repeated header row skipped")
            continue
        build.read += 1
        place = f"row {row.number}"
        if row.short:
            build.warnings.append(
                f"{place}: the file ends inside this record (a truncated copy); "
                "loaded with the fields present"
            )
        entry_id = cells["_id"].strip() if has_id else _made_id(cells)
        if not has_id and (entry_id, cells["source"]) in ids.places:
            first = ids.places[(entry_id, cells["source"])]
            build.warnings.append(f"{place}: identical to {first}; skipped")
            continue
        if not entry_id:
            build.problems.error(place, "_id", "empty", "the CSL entry id")
            continue
        if not ids.claim(entry_id, cells["source"], place):
            continue
        if started := iso_date(cells.get("start_date", "")):
            starts.append(started)
        _entry(
            build,
            entry_id,
            place,
            cells["name"],
            split_multi(cells["alt_names"], SEPARATOR),
            [
                *(country_of_address(a) for a in split_multi(cells["addresses"], SEPARATOR)),
                *split_multi(cells.get("nationalities", ""), SEPARATOR),
                *split_multi(cells.get("citizenships", ""), SEPARATOR),
            ],
            split_multi(cells.get("programs", ""), SEPARATOR),
            cells["type"],
            cells["source"],
            cells.get("entity_number"),
        )
    return build.finish(_version(build, path, None, starts))


def _made_id(cells: dict[str, str]) -> str:
    key = "\x1f".join(cells.values())
    return "csl-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _texts(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    return None


def load_json(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load the trade.gov consolidated screening list JSON (``{"results": [...]}``)."""
    raw = read_raw(path)
    build = ListBuilder(raw, name or LIST_NAME, PUBLISHER)
    text = decode_text(raw, build.problems, EXPECTED_JSON)
    build.problems.raise_if_errors()
    try:
        document = loads(text or "")
    except (json.JSONDecodeError, JsonLimit) as exc:
        json_error(exc, build.problems, EXPECTED_JSON)
        build.problems.raise_if_errors()
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        if not isinstance(document, dict):
            build.problems.error("$", "(top level)", f"a JSON {json_type(document)}", EXPECTED_JSON)
        elif results is None:
            build.problems.error("$", "results", "missing", EXPECTED_JSON)
        else:
            build.problems.error(
                "$.results", "results", f"a JSON {json_type(results)}", "an array of entries"
            )
        build.problems.raise_if_errors()
    assert isinstance(results, list)
    ids = _Ids(build, "id")
    starts: list[date] = []
    for i, record in enumerate(results):
        place = f"$.results[{i}]"
        if not isinstance(record, dict):
            build.problems.error(place, "(record)", f"a JSON {json_type(record)}", "an object")
            continue
        build.read += 1
        entry_id = record.get("id")
        if isinstance(entry_id, int) and not isinstance(entry_id, bool):
            entry_id = str(entry_id)
        if not isinstance(entry_id, str) or not entry_id.strip():
            build.problems.error(place, "id", "missing or empty", "the CSL entry id")
            continue
        fields = {
            k: _texts(record.get(k))
            for k in ("alt_names", "programs", "nationalities", "citizenships")
        }
        addresses = record.get("addresses") or []
        written, source, kind = (record.get(k) or "" for k in ("name", "source", "type"))
        bad = [k for k, v in fields.items() if v is None]
        if not isinstance(addresses, list) or not all(isinstance(a, dict) for a in addresses):
            bad.append("addresses")
        bad += [
            k
            for k, v in (("name", written), ("source", source), ("type", kind))
            if not isinstance(v, str)
        ]
        for key in bad:
            build.problems.error(f"{place}.{key}", key, "wrong type", "as in the trade.gov JSON")
        if bad:
            continue
        if not ids.claim(entry_id, source, place):
            continue
        if started := iso_date(str(record.get("start_date") or "")):
            starts.append(started)
        countries = [str(a.get("country") or "").strip() or None for a in addresses]
        _entry(
            build,
            entry_id,
            place,
            written,
            fields["alt_names"] or [],
            [*countries, *(fields["nationalities"] or []), *(fields["citizenships"] or [])],
            fields["programs"] or [],
            kind,
            source,
            str(record.get("entity_number") or "") or None,
        )
    stated = iso_date(str(document.get("search_performed_at") or ""))
    return build.finish(_version(build, path, stated, starts))
