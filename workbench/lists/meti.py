"""METI End User List (外国ユーザーリスト): the registry JSON and the official spreadsheet.

Two layouts are read into the same entries, with ids ``jp-eul-<No.>``:

- the registry JSON (a JSON array of records with ``id``, ``entity_name``,
  ``aliases``, ``addresses``, ``reason``), as scraped from METI's PDF;
- METI's own ``.xlsx`` layout, columns ``No.``, ``国名、地域名 / Country or
  Region``, ``企業名、組織名 / Company or Organization``, ``別名 / Also Known
  As`` (aliases joined by ``・``), ``懸念区分 / Type of WMD`` and ``通常兵器 /
  Conventional Weapons``; the header row may follow title rows.

Repairs, each listed in the load report:

- an empty name whose text was glued after the country (``People's Republic of
  China 23rd Research Institute``) is recovered from the country field;
- a name holding two names joined by ``・`` keeps the first, the rest become aliases;
- PDF artefacts: an alias ending in ``; and`` is trimmed, and local names lose
  line-break spaces and Kangxi radicals (see :mod:`workbench.lists.names`).

The version date of the registry JSON is the date of the METI press release
that every record cites in ``source_url`` (``…/press/2025/09/20250929006/…``),
else a date in the file name (``…_20250929.json``). For the spreadsheet it is a
date written above the header (``2025年9月29日``, ``令和7年9月29日``), else a date
in the file name.

Examples
--------
>>> parse_reasons("大量破壊兵器等の懸念: ミサイル、核 M、N; 通常兵器の懸念: CW")
('M', 'N', 'CW')
>>> parse_reasons("核 Ｎ")
('N',)
>>> recover_glued_name("People's Republic of China 23rd Research Institute", COUNTRIES)
("People's Republic of China", '23rd Research Institute')
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from workbench.input_files import JsonLimit, loads
from workbench.lists.building import ListBuilder
from workbench.lists.names import is_local_script, split_list, split_name
from workbench.lists.reading import decode_text, json_error, json_type, read_raw, version_from_name
from workbench.model import ListEntry, Loaded, ScreeningList

LIST_NAME = "METI End User List"
PUBLISHER = "経済産業省 Ministry of Economy, Trade and Industry (METI), Japan"

#: Concern codes in the order METI prints them, with bilingual labels.
REASON_LABELS: dict[str, str] = {
    "B": "生物兵器 biological weapons",
    "C": "化学兵器 chemical weapons",
    "M": "ミサイル missiles",
    "N": "核兵器 nuclear weapons",
    "CW": "通常兵器 conventional weapons",
}
_REASON_WORDS = {"生物": "B", "化学": "C", "ミサイル": "M", "核": "N"}

#: Country names as the list writes them (used to un-glue names from countries).
COUNTRIES: frozenset[str] = frozenset(
    {
        "Islamic Republic of Afghanistan",
        "Arab Republic of Egypt",
        "Hong Kong",
        "India",
        "Islamic Republic of Iran",
        "Islamic Republic of Pakistan",
        "State of Israel",
        "North Korea",
        "People's Republic of China",
        "Republic of Lebanon",
        "Republic of Yemen",
        "Russian Federation",
        "Syrian Arab Republic",
        "Taiwan",
        "United Arab Emirates",
    }
)

_ALIAS_ARTEFACT = re.compile(r"\s*(?:;\s*and|;)\s*$")
_PRESS_RELEASE = re.compile(r"/press/\d{4}/\d\d/(20\d{6})\d{3}/")
EXPECTED_JSON = "a JSON array of METI End User List records"


def parse_reasons(text: str) -> tuple[str, ...]:
    """Concern codes (B, C, M, N, CW) from METI's reason text, in METI's order."""
    text = unicodedata.normalize("NFKC", text)
    found = {code for word, code in _REASON_WORDS.items() if word in text}
    found |= set(re.findall(r"(?<![A-Za-z])([BCMN])(?![A-Za-z])", text))
    if "CW" in text or "通常兵器" in text:
        found.add("CW")
    return tuple(code for code in REASON_LABELS if code in found)


def recover_glued_name(text: str, countries: Iterable[str]) -> tuple[str, str] | None:
    """Split ``"<country> <name>"`` at the longest known country; ``None`` when none fits."""
    for country in sorted(countries, key=len, reverse=True):
        if text.startswith(country + " ") and text[len(country) :].strip():
            return country, text[len(country) :].strip()
    return None


def build_entry(
    entry_id: str,
    list_name: str,
    written_name: str,
    written_aliases: Iterable[str],
    country: str | None,
    reasons: tuple[str, ...],
) -> tuple[ListEntry, list[str]]:
    """One entry from the name and aliases as written, with the repairs it needed."""
    repairs: list[str] = []
    names = split_list(written_name)
    if len(names) > 1:
        repairs.append(
            f"name '{written_name}' holds {len(names)} names joined by '・'; "
            f"kept the first, the rest are aliases"
        )
    first = split_name(names[0] if names else written_name)
    aliases: list[str] = list(first.aliases)
    locals_: list[str] = list(first.local_names)
    repairs.extend(first.repairs)
    for alias in [*names[1:], *written_aliases]:
        trimmed = _ALIAS_ARTEFACT.sub("", alias).strip()
        if trimmed != alias.strip():
            repairs.append(f"alias '{alias}' trimmed to '{trimmed}'")
        if not trimmed:
            continue
        parts = split_name(trimmed)
        repairs.extend(parts.repairs)
        locals_.extend(parts.local_names)
        if not is_local_script(trimmed):
            aliases.extend([parts.name, *parts.aliases])
    local_set = set(locals_)
    alias_tuple = tuple(
        a for a in dict.fromkeys(aliases) if a and a != first.name and a not in local_set
    )
    entry = ListEntry(
        list_name=list_name,
        entry_id=entry_id,
        name=first.name,
        aliases=alias_tuple,
        local_names=tuple(dict.fromkeys(locals_)),
        country=country or None,
        reasons=reasons,
        entity_type="organization",
    )
    return entry, [f"{entry_id}: {r}" for r in repairs]


# --------------------------------------------------------------------------- registry JSON


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def load_registry_json(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load the registry JSON layout of the METI End User List."""
    raw = read_raw(path)
    build = ListBuilder(raw, name or LIST_NAME, PUBLISHER)
    text = decode_text(raw, build.problems, EXPECTED_JSON)
    if text is None:
        build.problems.raise_if_errors()
    try:
        records = loads(text or "")
    except (json.JSONDecodeError, JsonLimit) as exc:
        json_error(exc, build.problems, EXPECTED_JSON)
        build.problems.raise_if_errors()
    if not isinstance(records, list):
        build.problems.error("$", "(top level)", f"a JSON {json_type(records)}", EXPECTED_JSON)
        build.problems.raise_if_errors()
    countries = set(COUNTRIES) | {
        r["addresses"][0]
        for r in records
        if isinstance(r, dict) and r.get("entity_name") and _strings(r.get("addresses"))
    }
    press_dates: set[date] = set()
    for i, record in enumerate(records):
        place = f"$[{i}]"
        if not isinstance(record, dict):
            build.problems.error(place, "(record)", f"a JSON {json_type(record)}", "a JSON object")
            continue
        build.read += 1
        entry_id = record.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            build.problems.error(place, "id", "missing or empty", "an id like 'jp-eul-12'")
            continue
        if not build.claim_id(entry_id, place, "id"):
            continue
        written = record.get("entity_name")
        aliases = _strings(record.get("aliases", []))
        addresses = _strings(record.get("addresses", []))
        reason = record.get("reason", "")
        bad = False
        if not isinstance(written, str):
            build.problems.error(place, "entity_name", "missing or not text", "a name (text)")
            bad = True
        if aliases is None:
            build.problems.error(place, "aliases", "not a list of texts", "a JSON array of texts")
            bad = True
        if addresses is None:
            build.problems.error(
                place, "addresses", "not a list of texts", "a JSON array with the country name"
            )
            bad = True
        if not isinstance(reason, str):
            build.problems.error(place, "reason", "not text", "text such as '… M,N; … CW'")
            bad = True
        if bad or not isinstance(written, str) or aliases is None or addresses is None:
            continue
        found = _PRESS_RELEASE.search(str(record.get("source_url") or ""))
        if found and (press_date := version_from_name(found[1])):
            press_dates.add(press_date)
        country = addresses[0].strip() if addresses else None
        if not written.strip():
            glued = recover_glued_name(country or "", countries)
            if glued is None:
                build.unusable_entry(
                    f"{place} ({entry_id})",
                    "entity_name",
                    "empty, and no name follows the country in 'addresses'",
                    "an organization name",
                )
                continue
            country, written = glued
            build.repaired.append(
                f"{entry_id}: name '{written}' recovered from addresses (country '{country}')"
            )
        reasons = parse_reasons(str(reason))
        if not reasons:
            build.problems.warning(
                place, "reason", f"no concern code in '{reason}'", "codes B, C, M, N or CW"
            )
        entry, repairs = build_entry(entry_id, build.list_name, written, aliases, country, reasons)
        build.entries.append(entry)
        build.repaired.extend(repairs)
    version = max(press_dates) if press_dates else version_from_name(path.name)
    if len(press_dates) > 1:
        build.warnings.append(
            f"records cite {len(press_dates)} press releases; version is "
            f"the latest, {max(press_dates).isoformat()}"
        )
    if version is None:
        build.warnings.append(
            "no version date: no press-release URL in the records and no "
            "date (YYYYMMDD) in the file name"
        )
    return build.finish(version)


# --------------------------------------------------------------------------- spreadsheet


def load_xlsx(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load METI's official spreadsheet layout (``.xlsx``); see :mod:`workbench.lists.meti_xlsx`."""
    from workbench.lists.meti_xlsx import load

    return load(path, name=name)
