"""Write ``workbench/matching/ror_names.csv``: ROR names of the organisations on the shipped lists.

    .venv/bin/python scripts/build_ror_names.py [--records FILE] [--out FILE]

Reads the ROR records (CC0) in
``../shared/data/raw/ror/ror_v2_records_cn_jp_ru_ir_kp_pk_etc.jsonl`` and keeps
the organisations that are on the shipped lists: those with an English name or
alias equal, in comparison form, to a list entry's name or alias, in the same
country. For each it writes the English names (to recognise the entry), its
Chinese and Japanese labels and aliases, and its acronyms, leaving out

- acronyms another ROR organisation also uses, alone or as part of its own
  acronym (``NSCC`` is also ``NSCC-TJ``), or that are the acronym of another
  list entry;
- Chinese and Japanese names that the matcher finds inside a name of another,
  unrelated ROR organisation: one whose English names do not name the entry
  (checked with the matcher itself, until nothing more is left out).

It also writes the units ROR records as each kept organisation's children
(its ``child`` relationships, and the records naming it as ``parent``): the
relationship's label and, for a child whose record is in the file, its English
and Chinese or Japanese names, leaving out generic ones ("Military University").
A university's (ROR type ``education``) units are kept only when they are
list entries themselves (to link them to the university): bylines write a
university's laboratories and hospitals with the university's name, which is
found anyway (every such string of the labelled sets and the affiliation gold
sets does), while an academy's or a ministry's institutes go by their own
names (CAEP's Institute of Fluid Physics).

The output is committed; rerun this when the lists or the ROR records change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.lists import load_list, shipped_lists  # noqa: E402
from workbench.matching import Matcher  # noqa: E402
from workbench.matching.index import NameIndex  # noqa: E402
from workbench.matching.normalize import CJK_CLASS, comparison_words  # noqa: E402
from workbench.matching.ror import TABLE, RorNames, RorOrganisation, linked  # noqa: E402
from workbench.matching.variants import MIN_CJK_CHARS, is_weak  # noqa: E402
from workbench.matching.vocabulary import GENERIC  # noqa: E402
from workbench.model import ScreeningList  # noqa: E402

RECORDS = (
    ROOT.parent / "shared" / "data" / "raw" / "ror" / "ror_v2_records_cn_jp_ru_ir_kp_pk_etc.jsonl"
)
OUT = ROOT / "workbench" / "matching" / TABLE
_CJK = re.compile(f"[{CJK_CLASS}]")
_LATIN = re.compile(r"[A-Za-z]")
_PARTS = re.compile(r"[A-Z0-9]+")


def organisation(record: dict) -> RorOrganisation:
    """Every name of one ROR record, sorted into English names, local names and acronyms."""
    countries = {loc["geonames_details"]["country_code"] for loc in record.get("locations", ())}
    names: list[str] = []
    local: list[str] = []
    acronyms: list[str] = []
    for n in record["names"]:
        value = " ".join(n["value"].split())
        if "acronym" in n["types"]:
            acronyms.append(value)
        elif _CJK.search(value) and not _LATIN.search(value):
            if n.get("lang") in ("zh", "ja", None) and len(_CJK.findall(value)) >= MIN_CJK_CHARS:
                local.append(value)
        elif _LATIN.search(value) and not _CJK.search(value):
            words = tuple(comparison_words(value))
            if not is_weak(words) or (words[0] not in GENERIC and len(words[0]) >= 5):
                names.append(value)  # not "Institute of Physics" nor "Reactor"
    return RorOrganisation(
        record["id"].rsplit("/", 1)[-1],
        countries.pop() if len(countries) == 1 else None,
        tuple(dict.fromkeys(names)),
        tuple(dict.fromkeys(local)),
        tuple(dict.fromkeys(acronyms)),
    )


def read_records(path: Path, listed: set[tuple[str, ...]]) -> list[RorOrganisation]:
    """The organisations of the records; ``listed``: the lists' names in comparison form."""
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    units = sub_units(records)
    out = []
    for r in records:
        if r.get("status") == "withdrawn":
            continue
        own = units.get(_bare(r["id"]), ())
        if "education" in r.get("types", ()):  # a university's units: only listed ones
            own = tuple(u for u in own if tuple(comparison_words(u[1])) in listed)
        out.append(replace(organisation(r), sub_units=own))
    return out


def listed_names(lists: list[ScreeningList]) -> set[tuple[str, ...]]:
    index = NameIndex.build(lists, RorNames())
    return {v.words for v in index.variants if v.kind in ("name", "alias", "local-name")}


def sub_units(records: list[dict]) -> dict[str, tuple[tuple[str, str], ...]]:
    """ROR id -> (child's ROR id, name) of every unit ROR records as its child."""
    by_id = {_bare(r["id"]): r for r in records if r.get("status") != "withdrawn"}
    labels: dict[str, dict[str, str]] = {}
    for rid, record in by_id.items():
        for rel in record.get("relationships", ()):
            other = _bare(rel["id"])
            if rel["type"] == "child":
                labels.setdefault(rid, {}).setdefault(other, rel["label"])
            elif rel["type"] == "parent":
                labels.setdefault(other, {}).setdefault(rid, _first_name(record))
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for parent, children in labels.items():
        found: dict[tuple[str, str], None] = {}
        for child, label in children.items():
            names = [label]
            if child in by_id:
                org = organisation(by_id[child])
                names += [*org.names, *org.local_names]
            for name in names:
                if _unit_name(name):
                    found[(child, name)] = None
        if found:
            out[parent] = tuple(found)
    return out


def _bare(ror_id: str) -> str:
    return ror_id.rsplit("/", 1)[-1]


def _first_name(record: dict) -> str:
    names = [n["value"] for n in record["names"] if "ror_display" in n["types"]]
    return names[0] if names else record["names"][0]["value"]


def _unit_name(name: str) -> bool:
    """A unit's name distinctive enough to index: two words of its own (a place, a number).

    "Institute of Fluid Physics" has one: other institutes may bear it, and a
    string naming it with a Chinese city is no sign of CAEP.
    """
    if _CJK.search(name):
        return len(_CJK.findall(name)) >= MIN_CJK_CHARS
    words = tuple(comparison_words(name))
    return not is_weak(words) and sum(1 for w in words if w not in GENERIC) >= 2


def on_lists(lists: list[ScreeningList], orgs: list[RorOrganisation]) -> list[RorOrganisation]:
    """The organisations one of whose English names is a list entry's name."""
    index = NameIndex.build(lists, RorNames())
    pairs = linked(index.entries, index.variants, RorNames(tuple(orgs)))
    return list(dict.fromkeys(org for _, org in pairs))


def free_acronyms(
    kept: list[RorOrganisation], everyone: list[RorOrganisation], lists: list[ScreeningList]
) -> tuple[list[RorOrganisation], list[str]]:
    """Leave out acronyms used by another organisation or another list entry."""
    users: dict[str, set[str]] = {}
    for org in everyone:
        for acronym in org.acronyms:
            for part in {acronym.upper(), *_PARTS.findall(acronym.upper())}:
                users.setdefault(part, set()).add(org.ror_id)
    index = NameIndex.build(lists, RorNames())
    entries_of: dict[tuple[str, ...], set[int]] = {}
    for v in index.variants:
        if v.kind == "acronym":
            entries_of.setdefault(v.words, set()).add(v.entry)
    pairs = linked(index.entries, index.variants, RorNames(tuple(kept)))
    own: dict[str, set[int]] = {}
    for entry, org in pairs:
        own.setdefault(org.ror_id, set()).add(entry)
    out, dropped = [], []
    for org in kept:
        keep = []
        for acronym in org.acronyms:
            others = users.get(acronym.upper(), set()) - {org.ror_id}
            words = tuple(comparison_words(acronym))
            other_entries = entries_of.get(words, set()) - own.get(org.ror_id, set())
            if others or other_entries:
                also = sorted(others)[:3] + [index.entries[e].entry_id for e in other_entries][:3]
                dropped.append(f"{org.ror_id} acronym {acronym}: also {', '.join(also)}")
            else:
                keep.append(acronym)
        out.append(replace(org, acronyms=tuple(keep)))
    return out, dropped


def unambiguous_labels(
    kept: list[RorOrganisation], everyone: list[RorOrganisation], lists: list[ScreeningList]
) -> tuple[list[RorOrganisation], list[str]]:
    """Leave out local names found in another organisation's name that does not name the entry."""
    plain = Matcher.from_lists(lists, ror=RorNames())
    index = NameIndex.build(lists, RorNames())
    linked_entries: dict[str, set[tuple[str, str]]] = {}
    for entry, org in linked(index.entries, index.variants, RorNames(tuple(everyone))):
        e = index.entries[entry]
        linked_entries.setdefault(org.ror_id, set()).add((e.list_name, e.entry_id))
    dropped: list[str] = []
    while True:
        matcher = Matcher.from_lists(lists, ror=RorNames(tuple(kept)))
        bad: dict[str, set[str]] = {}
        for other in everyone:
            if not other.local_names:
                continue
            expected = set(linked_entries.get(other.ror_id, ()))
            for name in other.names:
                expected.update((m.list_name, m.entry_id) for m in plain.match(name))
            for local in other.local_names:
                for m in matcher.match(local):
                    origins = [r.split(":", 1)[1] for r in m.reasons if r.startswith("ror-label:")]
                    unexpected = (m.list_name, m.entry_id) not in expected
                    if origins and origins[0] != other.ror_id and unexpected:
                        bad.setdefault(origins[0], set()).add(m.matched_alias)
                        dropped.append(
                            f"{origins[0]} label {m.matched_alias}: found in {local}"
                            f" ({other.ror_id}, {', '.join(other.names[:1])})"
                        )
        if not bad:
            return kept, dropped
        kept = [
            replace(
                org,
                local_names=tuple(n for n in org.local_names if n not in bad.get(org.ror_id, ())),
            )
            for org in kept
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=RECORDS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.records.exists():
        print(f"{args.records}: not found (the ROR records of ../shared)", file=sys.stderr)
        return 2
    lists = [load_list(path).value for path in shipped_lists()]
    everyone = read_records(args.records, listed_names(lists))
    kept = on_lists(lists, everyone)
    kept, dropped_acronyms = free_acronyms(kept, everyone, lists)
    kept, dropped_labels = unambiguous_labels(kept, everyone, lists)
    kept = [o for o in kept if o.local_names or o.acronyms or o.sub_units]
    kept.sort(key=lambda o: o.ror_id)
    args.out.write_text(RorNames(tuple(kept)).to_csv(), encoding="utf-8")
    for line in (*dropped_acronyms, *dropped_labels):
        print(f"left out: {line}", file=sys.stderr)
    print(
        f"{args.out}: {len(kept)} organisations, "
        f"{sum(len(o.local_names) for o in kept)} local names, "
        f"{sum(len(o.acronyms) for o in kept)} acronyms, "
        f"{sum(len(o.sub_units) for o in kept)} sub-unit names "
        f"(of {len(everyone)} ROR records)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
