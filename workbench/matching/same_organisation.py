"""Entries of different lists that name one organisation.

Beihang University is on METI's End User List as "Beijing University of
Aeronautics and Astronautics (BUAA) (北京航空航天大学)" and on the US Entity
List as "Beijing University of Aeronautics and Astronautics (BUAA)": one
organisation, two entries. A co-author there gives one finding per list, and
an analyst counting organisations wants it once, with both lists named.

Two entries of *different* lists are taken as one organisation when they
share a full name (a name, alias or local-script name in the form the matcher
accepts without further context: not generic, not an acronym, not a short
name) and do not declare different countries. An organisation holds at most
one entry of each list (a list that keeps two entries means two), and people,
vessels and aircraft are never joined. Sharing is transitive: an entry joins
the organisation of the earliest entry it shares a name with.

Examples
--------
>>> from workbench.model import ListEntry, ScreeningList
>>> meti = ScreeningList("METI", "METI", None, "", (
...     ListEntry("METI", "m1", "Beijing University of Aeronautics and Astronautics (BUAA)",
...               local_names=("北京航空航天大学",), country="China"),
...     ListEntry("METI", "m2", "Harbin Institute of Technology", country="China"),
... ))
>>> csl = ScreeningList("CSL", "ITA", None, "", (
...     ListEntry("CSL", "c1", "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS", country="CN"),
...     ListEntry("CSL", "c2", "BUAA", country="CN"),
... ))
>>> same = same_organisations([meti, csl])
>>> same[("CSL", "c1")] == same[("METI", "m1")]
True
>>> same[("METI", "m1")].lists, same[("CSL", "c2")].lists, same[("METI", "m2")].lists
(('METI', 'CSL'), ('CSL',), ('METI',))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.matching.places import country_code
from workbench.matching.variants import SKIPPED_TYPES, names_of, variants_of
from workbench.model import ListEntry, ScreeningList

#: Variant kinds that name an organisation in full.
FULL_NAMES = frozenset({"name", "alias", "local-name"})

EntryKey = tuple[str, str]  # (list name, entry id)


@dataclass(frozen=True, slots=True)
class Organisation:
    """One organisation as the lists name it: the entries that share a full name."""

    key: str  # "list:entry id" of its first entry, in the order the lists were given
    name: str  # the first of its entries' names not written in capitals only
    lists: tuple[str, ...]  # the lists it is on, in the order given
    entries: tuple[EntryKey, ...]


def full_names(entry: ListEntry) -> set[tuple[str, ...]]:
    """The comparison words of every full name of ``entry`` (none for people and vessels).

    >>> sorted(full_names(ListEntry("L", "1", "Harbin Institute of Technology (HIT)")))
    [('harbin', 'institute', 'technology'), ('harbin', 'institute', 'technology', 'hit')]
    """
    if (entry.entity_type or "").lower() in SKIPPED_TYPES:
        return set()
    out: set[tuple[str, ...]] = set()
    for written, kind in names_of(entry):
        for v in variants_of(0, written, kind):
            if v.kind in FULL_NAMES and not v.needs_context:
                out.add(v.words)
    return out


def same_organisations(lists: Sequence[ScreeningList]) -> dict[EntryKey, Organisation]:
    """Every entry of ``lists`` → its :class:`Organisation` (alone or with other lists')."""
    first_seen: dict[EntryKey, ListEntry] = {}
    for lst in lists:
        for e in lst.entries:  # an id a list repeats (on two sub-lists) is one entry
            first_seen.setdefault((lst.name, e.entry_id), e)
    order = list(first_seen.items())
    parent: dict[EntryKey, EntryKey] = {}
    rank = {key: i for i, (key, _) in enumerate(order)}
    on: dict[EntryKey, set[str]] = {key: {key[0]} for key, _ in order}  # root -> its lists

    def root(k: EntryKey) -> EntryKey:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    def join(a: EntryKey, b: EntryKey) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or on[ra] & on[rb]:  # one entry per list
            return
        first, second = sorted((ra, rb), key=rank.__getitem__)  # the earlier names it
        parent[second] = first
        on[first] |= on.pop(second)

    countries = {key: country_code(e.country) for key, e in order}
    by_name: dict[tuple[str, ...], list[EntryKey]] = defaultdict(list)
    for key, entry in order:
        for words in sorted(full_names(entry)):  # sorted: the same joins in every process
            by_name[words].append(key)
    for keys in by_name.values():  # names in the order of their first entry, entries in order
        first = keys[0]
        for b in keys[1:]:
            if b[0] != first[0] and not _differ(countries[first], countries[b]):
                join(first, b)

    members: dict[EntryKey, list[EntryKey]] = defaultdict(list)
    for key, _ in order:
        members[root(key)].append(key)
    entries = dict(order)
    out: dict[EntryKey, Organisation] = {}
    for first, group in members.items():
        lists_on = tuple(dict.fromkeys(k[0] for k in group))
        name = _display_name([entries[k].name for k in group]) or first[1]
        org = Organisation(f"{first[0]}:{first[1]}", name, lists_on, tuple(group))
        for key in group:
            out[key] = org
    return out


def _display_name(names: Sequence[str]) -> str:
    """The first name written in mixed case (lists that shout come second), else the first.

    >>> _display_name(["IRAN ELECTRONICS INDUSTRIES", "Iran Electronics Industries"])
    'Iran Electronics Industries'
    >>> _display_name(["AL QA'IDA", "AL-QAIDA"])
    "AL QA'IDA"
    """
    written = [n for n in names if n]
    return next((n for n in written if not n.isupper()), written[0] if written else "")


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b
