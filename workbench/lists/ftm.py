"""FollowTheMoney entities, one JSON object a line (OpenSanctions exports).

Only schemas that can stand for a screened party are kept (see
:data:`SCREENABLE`); the others (``Sanction``, ``Ownership``, ``Address``,
``Directorship``, ``Family``, ``Passport`` …) describe relations or details of
an entity, not an entity: they are counted in one warning, never errors.

- Entry id: the FtM ``id``, exactly. Name: ``caption``, else the first ``name``.
- Aliases: the other ``name`` values, ``alias``, ``weakAlias``,
  ``previousName`` and ``abbreviation``; names in CJK script go to ``local_names``.
- Country: the first of ``country``, ``jurisdiction``, ``nationality``,
  ``citizenship`` (lower-case ISO codes, as FtM writes them).
- Reasons: ``topics`` (``sanction``, ``export.control`` …); programs: ``program``
  and ``programId``; ``source_list``: the entity's ``datasets``.
- Version: the latest ``last_change`` (else ``last_seen``) of the kept entities.

Examples
--------
>>> ENTITY_TYPES["Person"], ENTITY_TYPES["Company"]
('individual', 'organization')
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from workbench.input_files import JsonLimit, loads
from workbench.lists.building import ListBuilder
from workbench.lists.names import has_cjk
from workbench.lists.reading import (
    decode_text,
    iso_date,
    json_type,
    lines,
    read_raw,
    version_from_name,
)
from workbench.model import ListEntry, Loaded, ScreeningList

PUBLISHER = "FollowTheMoney export"

#: Schemas kept as list entries, and the entity type each becomes.
ENTITY_TYPES: dict[str, str] = {
    "LegalEntity": "organization",
    "Organization": "organization",
    "Company": "organization",
    "PublicBody": "organization",
    "Person": "individual",
    "Vessel": "vessel",
}
SCREENABLE = frozenset(ENTITY_TYPES)
ALIAS_PROPERTIES = ("name", "alias", "weakAlias", "previousName", "abbreviation")
COUNTRY_PROPERTIES = ("country", "jurisdiction", "nationality", "citizenship")
EXPECTED = "one FollowTheMoney entity (a JSON object) per line"


def _values(properties: dict[str, Any], key: str) -> list[str]:
    value = properties.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def load(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load FollowTheMoney entity JSON lines."""
    raw = read_raw(path)
    list_name = name or path.name.split(".")[0]
    build = ListBuilder(raw, list_name, PUBLISHER)
    text = decode_text(raw, build.problems, EXPECTED)
    build.problems.raise_if_errors()
    skipped: Counter[str] = Counter()
    datasets: set[str] = set()
    changes: list[date] = []
    for number, line in lines(text or ""):
        if not line.strip():
            continue
        place = f"line {number}"
        try:
            record = loads(line)
        except json.JSONDecodeError as exc:
            build.problems.error(place, "(json)", f"{exc.msg} at column {exc.colno}", EXPECTED)
            continue
        except JsonLimit as exc:
            build.problems.error(place, "(json)", str(exc), EXPECTED)
            continue
        if not isinstance(record, dict):
            build.problems.error(place, "(line)", f"a JSON {json_type(record)}", EXPECTED)
            continue
        schema = record.get("schema")
        entity_id = record.get("id")
        properties = record.get("properties", {})
        bad = False
        for key, value, expected in (
            ("id", entity_id, "the entity id (text)"),
            ("schema", schema, "a schema name such as 'Company'"),
        ):
            if not isinstance(value, str) or not value.strip():
                build.problems.error(f"{place}: $.{key}", key, "missing or empty", expected)
                bad = True
        if not isinstance(properties, dict):
            build.problems.error(
                f"{place}: $.properties",
                "properties",
                "not an object",
                "an object of property lists",
            )
            bad = True
        if bad:
            continue
        assert isinstance(schema, str) and isinstance(entity_id, str)
        if schema not in SCREENABLE:
            skipped[schema] += 1
            continue
        build.read += 1
        if not build.claim_id(entity_id, place, "id"):
            continue
        names = _values(properties, "name")
        caption = record.get("caption")
        primary = caption.strip() if isinstance(caption, str) and caption.strip() else ""
        primary = primary or (names[0] if names else "")
        if not primary:
            build.unusable_entry(
                f"{place} ({entity_id})",
                "name",
                "no caption and no name",
                "a name in 'caption' or properties.name",
            )
            continue
        others = [n for key in ALIAS_PROPERTIES for n in _values(properties, key)]
        local = tuple(dict.fromkeys(n for n in [primary, *others] if has_cjk(n)))
        own = [d for d in record.get("datasets", []) if isinstance(d, str)]
        datasets.update(own)
        changed = iso_date(str(record.get("last_change") or record.get("last_seen") or ""))
        if changed:
            changes.append(changed)
        countries = [c for key in COUNTRY_PROPERTIES for c in _values(properties, key)]
        build.entries.append(
            ListEntry(
                list_name=list_name,
                entry_id=entity_id,
                name=primary,
                aliases=tuple(n for n in dict.fromkeys(others) if n != primary and n not in local),
                local_names=local,
                country=countries[0] if countries else None,
                reasons=tuple(_values(properties, "topics")),
                programs=tuple(_values(properties, "program") + _values(properties, "programId")),
                entity_type=ENTITY_TYPES[schema],
                source_list="; ".join(own) or None,
            )
        )
    if skipped:
        counts = ", ".join(f"{schema} {n}" for schema, n in skipped.most_common())
        build.warnings.append(
            f"{sum(skipped.values())} records are not an entity, skipped: {counts}"
        )
    if datasets:
        shown = sorted(datasets)[:4]
        more = f" and {len(datasets) - 4} more" if len(datasets) > 4 else ""
        build.publisher = f"{PUBLISHER} ({', '.join(shown)}{more})"
    return build.finish(max(changes) if changes else version_from_name(path.name))
