"""Names from ROR for list entries that lack them: Chinese and Japanese labels, acronyms.

The US CSL writes no Chinese names, and METI writes Japanese kanji for only
some of its entries, so 四川大学 (Sichuan University) or 中山大学 (Sun Yat-sen
University) would go unnoticed in a Chinese-script affiliation. ROR, the
Research Organization Registry (CC0), records ``zh``/``ja`` labels and acronyms.

``ror_names.csv`` in this package holds, for the ROR organisations that are on
the shipped lists only, one name a row: ``ror_id``, ``country`` (ISO code),
``type`` and ``value``, where ``type`` is

- ``name``: an English name, alias or former name ("State Northwest Institute
  of Engineering" for Northwestern Polytechnical University): it recognises
  the list entry, and is indexed as the entry's alias (not when generic);
- ``local-name``: a Chinese or Japanese label or alias, indexed;
- ``acronym``: indexed (acronyms still need the country or another name);
- ``sub-unit``: the name of a unit ROR records as the organisation's child
  (CAEP's Institute of Fluid Physics, Rosatom's research institutes), written
  ``<child's ROR id> <name>``: indexed as the entry's name with the reason
  ``ror-sub-unit:<child's ROR id>``, counted only with the entry's country or
  another of its names (a unit's name alone may be another's: "Institute of
  Fluid Physics").

``scripts/build_ror_names.py`` writes it from the ROR records and leaves out
what would raise false matches (acronyms other organisations use, labels that
match inside an unrelated organisation's label).

An entry of *any* list gets an organisation's local names and acronyms when
one of the entry's names or aliases *is*, in comparison form, one of the
organisation's English names, and their countries do not disagree. Each such
variant carries the reason ``ror-label:<ROR id>`` (``ror-acronym:<ROR id>``,
``ror-name:<ROR id>``), so the reviewer sees where the name came from.

Examples
--------
>>> org = RorNames.shipped().find(("sichuan", "university"))[0]
>>> org.ror_id, org.country, org.local_names
('011ashp19', 'CN', ('四川大学',))
>>> RorNames.read("ror_id,country,type,value\\n0001,CN,local-name,测试大学\\n").organisations[0]
... # doctest: +NORMALIZE_WHITESPACE
RorOrganisation(ror_id='0001', country='CN', names=(), local_names=('测试大学',),
                acronyms=(), sub_units=())
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from workbench.matching.normalize import comparison_words
from workbench.matching.variants import IndexedEntry, Variant, replaced, variants_of

TABLE = "ror_names.csv"
FIELDS = ("ror_id", "country", "type", "value")
TYPES = ("name", "local-name", "acronym", "sub-unit")


@dataclass(frozen=True, slots=True)
class RorOrganisation:
    """One ROR organisation: its id (bare, ``011ashp19``), country and names."""

    ror_id: str
    country: str | None
    names: tuple[str, ...] = ()  # English: recognise the list entry
    local_names: tuple[str, ...] = ()  # zh / ja: indexed
    acronyms: tuple[str, ...] = ()  # indexed
    sub_units: tuple[tuple[str, str], ...] = ()  # (child's ROR id, name): indexed


@dataclass(frozen=True)
class RorNames:
    """ROR organisations, found by the comparison form of their English names."""

    organisations: tuple[RorOrganisation, ...] = ()
    _by_words: dict[tuple[str, ...], tuple[RorOrganisation, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        found: dict[tuple[str, ...], dict[RorOrganisation, None]] = {}
        for org in self.organisations:
            for name in org.names:
                words = tuple(comparison_words(name))
                if words:
                    found.setdefault(words, {})[org] = None
        self._by_words.update({k: tuple(v) for k, v in found.items()})

    def __len__(self) -> int:
        return len(self.organisations)

    def find(self, words: tuple[str, ...]) -> tuple[RorOrganisation, ...]:
        """The organisations with an English name of exactly these comparison tokens."""
        return self._by_words.get(words, ())

    @classmethod
    def read(cls, text: str) -> RorNames:
        """Parse the table (CSV text with the header :data:`FIELDS`)."""
        reader = csv.DictReader(io.StringIO(text))
        if tuple(reader.fieldnames or ()) != FIELDS:
            raise ValueError(f"{TABLE}: header {reader.fieldnames} is not {list(FIELDS)}")
        orgs: dict[str, tuple[str | None, dict[str, list[str]]]] = {}
        for row in reader:
            kind = row["type"]
            if kind not in TYPES or not row["ror_id"] or not row["value"]:
                raise ValueError(
                    f"{TABLE}: line {reader.line_num}: expected an id, a type among "
                    f"{', '.join(TYPES)} and a value, got {row}"
                )
            if kind == "sub-unit" and len(row["value"].split(" ", 1)) < 2:
                raise ValueError(
                    f"{TABLE}: line {reader.line_num}: a sub-unit is written"
                    f" '<ROR id> <name>', got {row['value']!r}"
                )
            _, names = orgs.setdefault(row["ror_id"], (row["country"] or None, {}))
            names.setdefault(kind, []).append(row["value"])
        return cls(
            tuple(
                RorOrganisation(
                    ror_id,
                    country,
                    tuple(names.get("name", ())),
                    tuple(names.get("local-name", ())),
                    tuple(names.get("acronym", ())),
                    tuple(_sub_unit(v) for v in names.get("sub-unit", ())),
                )
                for ror_id, (country, names) in orgs.items()
            )
        )

    def to_csv(self) -> str:
        """The table as :meth:`read` reads it."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FIELDS)
        for org in self.organisations:
            units = tuple(f"{ror_id} {name}" for ror_id, name in org.sub_units)
            for kind, values in zip(
                TYPES, (org.names, org.local_names, org.acronyms, units), strict=True
            ):
                for value in values:
                    writer.writerow((org.ror_id, org.country or "", kind, value))
        return out.getvalue()

    @staticmethod
    def shipped() -> RorNames:
        """The table shipped in this package."""
        return _shipped()


@cache
def _shipped() -> RorNames:
    text = resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8")
    return RorNames.read(text)


def linked(
    entries: Sequence[IndexedEntry], variants: Iterable[Variant], names: RorNames
) -> dict[tuple[int, RorOrganisation], None]:
    """(entry position, organisation) pairs: one of the entry's names is the organisation's.

    Only the entry's own Latin names and aliases count (not acronyms, nor
    names shared from another list); an organisation in another country than
    the entry's is left alone.
    """
    found: dict[tuple[int, RorOrganisation], None] = {}
    for v in variants:
        if v.cjk or v.kind not in ("name", "alias") or v.linked_from:
            continue
        for org in names.find(v.words):
            country = entries[v.entry].country
            if country is None or org.country is None or country == org.country:
                found[(v.entry, org)] = None
    return found


def ror_variants(
    entries: Sequence[IndexedEntry], variants: Sequence[Variant], names: RorNames
) -> tuple[list[Variant], dict[int, set[int]]]:
    """Variants from ROR names for the entries :func:`linked` to an organisation; unit -> parents.

    Variants the entry already has are not repeated. A sub-unit that is a
    list entry of its own (a distinctive name of it, same country) is not
    its parent's alias: it is linked to its parent (see parents).
    """
    if not names.organisations:
        return [], {}
    pairs = linked(entries, variants, names)
    if not pairs:
        return [], {}
    listed: dict[tuple[str, ...], set[int]] = {}
    for v in variants:
        if v.kind in ("name", "alias", "local-name") and not v.needs_context:
            listed.setdefault(v.words, set()).add(v.entry)
    parents: dict[int, set[int]] = {}
    wanted = {entry for entry, _ in pairs}
    have: dict[int, set[tuple[str, ...]]] = {e: set() for e in wanted}
    for v in variants:
        if v.entry in wanted:
            have[v.entry].add(v.words)
    out: list[Variant] = []
    for entry, org in pairs:
        seen = have[entry]
        for kind, values in (
            ("local-name", org.local_names),
            ("acronym", org.acronyms),
            ("alias", org.names),
        ):
            origin = f"ror-{_ORIGINS[kind]}:{org.ror_id}"
            for value in values:
                for v in variants_of(entry, value, kind):
                    if v.words not in seen and not v.weak:
                        seen.add(v.words)
                        out.append(replaced(v, origin=origin))
    for v in out:
        if v.kind in ("name", "alias", "local-name") and not v.needs_context:
            listed.setdefault(v.words, set()).add(v.entry)
    for entry, org in pairs:
        seen = have[entry]
        for child, name in org.sub_units:
            for v in variants_of(entry, name, "alias"):
                if v.words in seen or v.weak or v.kind not in ("alias", "local-name"):
                    continue
                seen.add(v.words)
                country = entries[entry].country
                units = {
                    u
                    for u in listed.get(v.words, ())
                    if u != entry and entries[u].country in (None, country)
                }
                if units:
                    for u in units:
                        parents.setdefault(u, set()).add(entry)
                else:
                    out.append(replaced(v, kind="sub-unit", origin=f"ror-sub-unit:{child}"))
    return out, parents


def _sub_unit(value: str) -> tuple[str, str]:
    ror_id, name = value.split(" ", 1)
    return ror_id, name


#: The reason code of each kind of ROR name: ror-label, ror-acronym, ror-name (ROR id after).
_ORIGINS = {"local-name": "label", "acronym": "acronym", "alias": "name"}
