"""Names derived from those the lists write, as bylines write them: built with the index.

- a group's acronym before an institute's name left out ("AECC Beijing
  Institute of Aeronautical Materials" as "Beijing Institute of …"), where the
  acronym starts the names of several entries (:func:`group_prefixes`);
- a compound listed word written as two known words ("North Western" for
  Northwestern, :func:`split_compounds`);
- the names of an entry of another list that is the same organisation
  (:func:`linked`);
- the kind of each alias a list writes, counted (:func:`classify_alias`, see
  :mod:`~workbench.matching.alias_kinds`).
"""

from __future__ import annotations

import re

from workbench.matching.alias_kinds import alias_kind
from workbench.matching.normalize import comparison_words
from workbench.matching.places import PLACES
from workbench.matching.variants import PREFIX_OMITTED, IndexedEntry, Variant, replaced
from workbench.matching.vocabulary import GENERIC


def classify_alias(written: str, counts: dict[str, int]) -> str:
    """The kind of one alias a list writes (see alias_kinds), counted."""
    words = tuple(comparison_words(_GROUP_PARTS.sub(" ", written))) or ("",)
    kind = alias_kind(words, acronym=_ACRONYM_ALIAS.fullmatch(written.strip()) is not None)
    counts[kind] = counts.get(kind, 0) + 1
    return kind


_GROUP_PARTS = re.compile(r"[(（][^()（）]*[)）]")
_ACRONYM_ALIAS = re.compile(r"[A-Z][A-Z0-9&\-.]{1,9}")


#: Entries whose names start with one acronym for it to be a group's (AVIC, AECC, CETC).
GROUP_PREFIX_ENTRIES = 3


def group_prefixes(variants: list[Variant]) -> list[Variant]:
    """Names without a leading acronym, kept only where the acronym is a group's.

    "AECC Beijing Institute of Aeronautical Materials" is written without the
    group's acronym in bylines; an acronym that starts the names of several
    entries names their group, while one that starts a single entry's name
    ("LIMMT Economic and Trade Company") is that entry's own.
    """
    entries_of: dict[str, set[int]] = {}
    for v in variants:
        if v.origin.startswith(PREFIX_OMITTED):
            entries_of.setdefault(v.origin, set()).add(v.entry)
    return [
        v
        for v in variants
        if not v.origin.startswith(PREFIX_OMITTED)
        or (
            len(entries_of[v.origin]) >= GROUP_PREFIX_ENTRIES
            and len(v.words) >= 4
            and _distinctive(v.words)
        )
    ]


#: Reason code of a name found with one of its words written as two ("North Western").
WORD_SPLIT = "word-split:"
#: Fewest letters of each half of a listed word written as two words.
SPLIT_HALF = 5


def split_compounds(variants: list[Variant], known: frozenset[str]) -> list[Variant]:
    """Names with a compound word written as two known words: "North Western Polytechnical".

    Bylines break a listed word that is two real words ("Northwestern") in two
    ("North Western", "North-Western"); only splits into two known words of
    five letters or more, neither generic, are made, so "Beihang",
    "Polytechnical" and "International" stay whole.

    Examples
    --------
    >>> v = Variant(0, "Northwestern Polytechnical University",
    ...             ("northwestern", "polytechnical", "university"), "name")
    >>> [(s.words, s.origin) for s in split_compounds([v], frozenset({"north", "western"}))]
    [(('north', 'western', 'polytechnical', 'university'), 'word-split:northwestern')]
    """
    out: list[Variant] = []
    halves: dict[str, tuple[str, str] | None] = {}
    for v in variants:
        if v.cjk or v.kind == "acronym" or len(v.words) < 2 or v.weak:
            continue
        for k, word in enumerate(v.words):
            if word not in halves:
                halves[word] = _halves(word, known)
            pair = halves[word]
            if pair is not None:
                words = (*v.words[:k], *pair, *v.words[k + 1 :])
                out.append(replaced(v, words=words, origin=f"{WORD_SPLIT}{word}"))
    return out


def _halves(word: str, known: frozenset[str]) -> tuple[str, str] | None:
    if len(word) < 2 * SPLIT_HALF or not word.isalpha() or not word.isascii():
        return None
    for i in range(SPLIT_HALF, len(word) - SPLIT_HALF + 1):
        left, right = word[:i], word[i:]
        if left in known and right in known and left not in GENERIC and right not in GENERIC:
            return word[:i], word[i:]
    return None


def _distinctive(words: tuple[str, ...]) -> bool:
    """A place, or two words that are not generic (not "South Industry Company Limited")."""
    if any(w in PLACES for w in words):
        return True
    return sum(1 for w in words if w not in GENERIC and w not in LEGAL_WORDS) >= 2


LEGAL_WORDS = frozenset({"company", "limited", "corporation", "group", "jsc", "ojsc", "oao"})


def linked_names(entries: list[IndexedEntry], variants: list[Variant]) -> list[Variant]:
    """Share names between entries of different lists that are one organisation.

    Entries of two lists with the same (distinctive) Latin name and no
    disagreeing country are taken to be the same organisation: the CSL writes
    no Chinese names, METI does, so 北京航空航天大学 finds the CSL's BUAA too,
    and METI's "UESTC" finds the CSL entry that writes no acronym.
    """
    groups: dict[tuple[str, ...], set[int]] = {}
    for v in variants:
        if not v.cjk and v.kind in ("name", "alias") and not v.weak and len(v.words) >= 2:
            groups.setdefault(v.words, set()).add(v.entry)
    local: dict[int, list[Variant]] = {}
    for v in variants:
        local.setdefault(v.entry, []).append(v)
    have = {(v.entry, v.words) for v in variants}
    added: list[Variant] = []
    for members in groups.values():
        if len({entries[m].list_name for m in members}) < 2:
            continue
        for target in members:
            for source in members:
                a, b = entries[target], entries[source]
                if a.list_name == b.list_name or (
                    a.country and b.country and a.country != b.country
                ):
                    continue
                for v in local.get(source, ()):
                    if (target, v.words) not in have:
                        have.add((target, v.words))
                        added.append(
                            replaced(v, entry=target, linked_from=f"{b.list_name}:{b.entry_id}")
                        )
    return variants + added
