"""What kind of name each alias of a list is, decided once when the lists are loaded.

An alias is *distinctive* (it names one organisation), or it is not a name of
its own:

- ``legal-form``: a legal form alone ("Federal State Unitary Enterprise", left
  over when a list splits an alias at a comma);
- ``place``: a place alone (an enterprise whose alias is its town);
- ``generic``: generic words only ("National Institute", "Research Center"),
  a phrase cut short;
- ``acronym``: letters, counted only with the entry's country or another of
  its names (see :mod:`~workbench.matching.decide`).

Legal forms and places alone are set aside: they would match every string of
their town or kind. Generic aliases never match alone: only next to another
name of the same entry (``generic-alias-supporting``). An acronym that many
entries with different names carry ("CASIC" in the entries of the
corporation's academies and institutes) names none of them but the entry
whose own name it abbreviates, and only when that name has no number or own
word besides ("China Aerospace Science and Industry Corporation", not "… 54th
Research Institute"); it is set aside for the others (``shared-acronym``).
The index counts every class (:attr:`NameIndex.alias_kinds`,
:attr:`NameIndex.set_aside`) for the load report.

Examples
--------
>>> alias_kind(("federal", "state", "unitary", "enterprise"))
'legal-form'
>>> alias_kind(("tehran",)), alias_kind(("national", "institute")), alias_kind(("harbin", "hit"))
('place', 'generic', 'distinctive')
>>> abbreviates("casic", ("china", "aerospace", "science", "industry", "corporation"))
True
>>> abbreviates("avic", ("aviation", "industry", "corporation", "china"))
True
>>> abbreviates("cetc", ("china", "electronics", "technology", "group", "corporation", "54th",
...                      "research", "institute"))
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from workbench.matching.places import PLACES
from workbench.matching.variants import Variant, legal_sequences
from workbench.matching.vocabulary import GENERIC

#: Entries with different names carrying one acronym for it to be shared (a group's).
SHARED_ACRONYM = 3
_NUMBER = re.compile(r"\d|^no$")
#: Kinds of alias that are not names of their own and are not indexed.
SET_ASIDE = frozenset({"legal-form", "place"})


def alias_kind(words: tuple[str, ...], acronym: bool = False) -> str:
    """``distinctive``, ``generic``, ``legal-form``, ``place`` or ``acronym``."""
    if acronym:
        return "acronym"
    if words in legal_sequences():
        return "legal-form"
    if " ".join(words) in PLACES:
        return "place"
    if all(w in GENERIC for w in words):  # a number is a sub-unit's own ("54th Institute")
        return "generic"
    return "distinctive"


def abbreviates(acronym: str, words: Sequence[str]) -> bool:
    """Whether ``acronym`` is made of the first letters of ``words``, in order, and they all count.

    Each word used gives one or more of its first letters ("AVic" from
    Aviation); the words not used must be generic words or places ("Group",
    "of China"), not a number or a word of the name's own.
    """
    return _abbreviates(acronym, tuple(words))


@cache
def _abbreviates(acronym: str, words: tuple[str, ...]) -> bool:
    if not acronym:
        return all(_skippable(w) for w in words)
    if not words:
        return False
    first, rest = words[0], words[1:]
    for k in range(min(len(acronym), len(first)), 0, -1):
        if first.startswith(acronym[:k]) and _abbreviates(acronym[k:], rest):
            return True
    return _skippable(first) and _abbreviates(acronym, rest)


def _skippable(word: str) -> bool:
    return not _NUMBER.search(word) and (word in GENERIC or word in PLACES)


def shared_acronyms(
    variants: list[Variant], own_names: Sequence[tuple[str, ...]]
) -> tuple[list[Variant], int]:
    """The variants without shared acronyms of entries they do not abbreviate; how many went.

    ``own_names[e]`` are the comparison words of entry ``e``'s own name.
    """
    names_of: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for v in variants:
        if v.kind == "acronym":
            names_of.setdefault(v.words, set()).add(own_names[v.entry])
    shared = {words for words, names in names_of.items() if len(names) >= SHARED_ACRONYM}
    kept = [
        v
        for v in variants
        if v.kind != "acronym"
        or v.words not in shared
        or abbreviates(v.words[0], own_names[v.entry])
    ]
    return kept, len(variants) - len(kept)


__all__ = ["SET_ASIDE", "abbreviates", "alias_kind", "shared_acronyms"]
