"""Listed organisations and their listed sub-units: who is whose parent, and what a match says.

Lists name a group and, as entries of their own, its units: CASIC and its
academies (each entry carrying the group's acronym), Sun Yat-sen University
and its National Supercomputer Center in Guangzhou (ROR records the centre as
the university's child). The index knows these links (:func:`acronym_parents`,
and ROR's children that are entries themselves, :mod:`~workbench.matching.ror`).

What a match then says:

- a unit's match, its parent listed too: ``parent-organisation-listed:<list>:<id>``;
  and when the parent is named in the same string (beside the unit's name or
  inside it), ``parent-organisation-mentioned:…`` instead;
- a group's match (CASIC, whose acronym its units' entries carry), with none
  of its listed units named: one ``parent-organisation-mentioned`` note (the
  parent alone names no unit);
- a parent's name written inside its unit's name ("54th Research Institute of
  China Electronics Technology Group Corporation") is part of the unit's name:
  no match of its own, the unit's says the parent is mentioned.

Examples
--------
>>> from workbench.matching.variants import Variant
>>> v = [Variant(0, "CASIC", ("casic",), "acronym"), Variant(1, "CASIC", ("casic",), "acronym"),
...      Variant(2, "CASIC", ("casic",), "acronym"), Variant(3, "CASIC", ("casic",), "acronym")]
>>> own = [("china", "aerospace", "science", "industry", "corporation"),
...        ("first", "academy"), ("second", "academy"), ("third", "academy")]
>>> acronym_parents(v, own)
{1: {0}, 2: {0}, 3: {0}}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from workbench.matching.alias_kinds import SHARED_ACRONYM, abbreviates
from workbench.matching.decide import Candidate
from workbench.matching.result import Match
from workbench.matching.variants import IndexedEntry, Variant

#: Entry -> the listed entries that are its parent organisation.
Parents = Mapping[int, Set[int]]


def acronym_parents(variants: Sequence[Variant], own_names: Sequence[tuple[str, ...]]) -> dict:
    """Units -> parents, from an acronym many entries carry and only the parents' names make.

    ``own_names[e]`` are the comparison words of entry ``e``'s own name.
    """
    carriers: dict[tuple[str, ...], set[int]] = {}
    for v in variants:
        if v.kind == "acronym":
            carriers.setdefault(v.words, set()).add(v.entry)
    out: dict[int, set[int]] = {}
    for words, entries in carriers.items():
        if len({own_names[e] for e in entries}) < SHARED_ACRONYM:
            continue
        parents = {e for e in entries if abbreviates(words[0], own_names[e])}
        for e in entries - parents:
            if parents:
                out.setdefault(e, set()).update(parents)
    return out


def drop_contained(
    kept: list[Candidate], variants: Sequence[Variant]
) -> tuple[list[Candidate], list[Candidate]]:
    """Drop candidates lying strictly inside a longer candidate of another entry.

    A parent named inside its unit's name ("54th Research Institute of China
    Electronics Technology Group Corporation") is the unit's name, not a match
    of its own: the unit's match says its parent is mentioned.
    """
    if len(kept) < 2:
        return kept, []
    out, inside = [], []
    for c in kept:
        entry, first, last = variants[c.variant].entry, c.first, c.last
        for o in kept:
            if (
                o.first <= first
                and last <= o.last
                and (o.last - o.first) > (last - first)
                and variants[o.variant].entry != entry
            ):
                inside.append(c)
                break
        else:
            out.append(c)
    return out, inside


def with_parent_notes(
    best: dict[int, Match],
    named: Set[int],
    entries: Sequence[IndexedEntry],
    parents: Parents,
    units: Parents,
) -> dict[int, Match]:
    """The matches of one string (entry -> its best match) with what they say of parents.

    ``named``: the entries named anywhere in the string (inside a longer name
    too); ``units``: group -> its listed units carrying the group's acronym
    (the parent alone, named by that acronym or its name, raises one note).
    """
    out = dict(best)
    for e, m in best.items():
        notes: list[str] = []
        for p in sorted(parents.get(e, ())):
            kind = "mentioned" if p in named else "listed"
            notes.append(f"parent-organisation-{kind}:{entries[p].list_name}:{entries[p].entry_id}")
        if e in units and not any(u in best for u in units[e]):
            notes.append("parent-organisation-mentioned")
        if notes:
            out[e] = replace(m, reasons=(*m.reasons, *notes))
    return out


def units_of(parents: Parents) -> dict[int, set[int]]:
    """Parent -> its listed units (the links turned round)."""
    out: dict[int, set[int]] = {}
    for unit, ps in parents.items():
        for p in ps:
            out.setdefault(p, set()).add(unit)
    return out


__all__ = ["acronym_parents", "drop_contained", "units_of", "with_parent_notes"]
