"""The name index: every listed name, alias and local name as a token sequence.

Each comparison token gets one code point, so a name becomes a short string
and an affiliation becomes a string of the same alphabet: one Aho-Corasick
pass (pyahocorasick) finds every listed name in it, and token boundaries come
for free (a code point is a whole token; CJK names are sequences of
characters). Written names are turned into several *variants*: as written,
without parenthesised parts, the parenthesised acronym or local name alone,
hyphens joined (Yat-sen / Yatsen), and without a trailing or leading legal
form (rigour's table) (see :mod:`~workbench.matching.variants`). Entries of two
lists that are one organisation share their names; entries that ROR knows get
its Chinese and Japanese labels and acronyms (:mod:`~workbench.matching.ror`).

Typos are found by correcting single tokens, not by scanning names: a deletion index
(symmetric delete, one character) over the list vocabulary proposes the few listed words one
edit away from an unknown token, rapidfuzz checks the distance. An unknown token that may be
two words glued together by text extraction ("engineeringnanjing") gets its own code, so the
matcher looks at the written capitals of only those strings.

Examples
--------
>>> from workbench.model import ListEntry, ScreeningList
>>> e = ListEntry("L", "x-1", "Harbin Institute of Technology (HIT) (哈爾浜工業大学)")
>>> index = NameIndex.build([ScreeningList("L", "p", None, "", (e,))])
>>> sorted({" ".join(v.words) for v in index.variants})
['harbin institute technology', 'hit', '哈 尔 滨 工 业 大 学']
>>> index.correct("technolgy")
('technology', 1)
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

import ahocorasick
from rapidfuzz.distance import OSA

from workbench.matching.alias_kinds import SET_ASIDE, shared_acronyms
from workbench.matching.broken_words import SUFFIXES, code_positions, fragments
from workbench.matching.derived_names import (
    classify_alias,
    group_prefixes,
    linked_names,
    split_compounds,
)
from workbench.matching.parents import acronym_parents, units_of
from workbench.matching.places import PLACES
from workbench.matching.ror import RorNames, ror_variants
from workbench.matching.token_set import token_sets
from workbench.matching.transliteration import name_key
from workbench.matching.variants import (
    SKIPPED_TYPES,
    IndexedEntry,
    Variant,
    indexed_entry,
    names_and_set_aside,
    own_name_words,
    replaced,
    variants_of,
)
from workbench.matching.vocabulary import CANONICAL, GENERIC, STOPWORDS
from workbench.model import ScreeningList

__all__ = ["CODE_WIDTH", "IndexedEntry", "NameIndex", "Variant", "known_words"]

UNKNOWN = " ~~~"  # "~" is not a digit: no key contains it
#: An unknown word that may be listed words glued together ("engineeringnanjing").
GLUED_CODE = " ~~!"
#: An unknown word that begins or ends a listed word: a piece of a broken word ("sity").
FRAGMENT_CODE = " ~~#"
CODE_WIDTH = 4
_DIGITS = [chr(0x21 + i) for i in range(90)]


def _code(token_id: int) -> str:
    """Four characters per token: a space and three base-90 digits.

    A small alphabet keeps the automaton's nodes narrow (a code point per
    token would give the root one child per listed first word); the space
    keeps every match aligned on token boundaries.
    """
    return " " + _DIGITS[token_id // 8100] + _DIGITS[token_id // 90 % 90] + _DIGITS[token_id % 90]


@cache
def known_words() -> frozenset[str]:
    """Real words that typo correction leaves alone: Hunan is not a misspelt Henan.

    ``known_words.csv`` holds the words (five letters or more, comparison form,
    apparent typos left out) of organisation names in ROR records (CC0) of CN,
    HK, TW, MO, JP, RU, IR, KP, PK, BY, AE and SY; places and generic words are
    added here.
    """
    text = resources.files(__package__).joinpath("known_words.csv").read_text(encoding="utf-8")
    words = set(text.split()[1:])  # first line: the header "word"
    words.update(w for key in PLACES for w in key.split())
    words.update(GENERIC)
    return frozenset(words)


class NameIndex:
    """Listed names as token-code strings in one Aho-Corasick automaton."""

    def __init__(
        self,
        entries: list[IndexedEntry],
        variants: list[Variant],
    ) -> None:
        self.entries = entries
        self.variants = variants
        #: per variant, what the matcher asks of each candidate (computed once, not per match)
        self.needs_context = [v.needs_context for v in variants]
        self.kinds = [v.alias_kind for v in variants]
        vocab: dict[str, str] = {}
        by_key: dict[str, list[int]] = {}
        # name words with one transliteration key share a code (Hossein, Hussein, Hosein)
        self.translit: dict[str, str] = {}
        for pos, v in enumerate(variants):
            key = "".join(
                vocab[w] if w in vocab else self._new_code(vocab, w, v.kind != "acronym")
                for w in v.words
            )
            by_key.setdefault(key, []).append(pos)
        self.codes = vocab
        # folded token -> code: comparison tokens, their abbreviations, stop words (no code)
        lookup = dict(vocab)
        for variant, canon in CANONICAL.items():
            if canon in vocab and variant not in lookup:
                lookup[variant] = vocab[canon]
        for word in STOPWORDS:
            lookup[word] = ""
        self.lookup = _OrUnknown(lookup)
        # folded token -> code, unknown words -> code of the listed word they misspell
        self._fuzzy_lookup = self._new_fuzzy_lookup()
        self.empty = not by_key  # an automaton without keys cannot search
        # names matched loosely (word order, inserted and dropped words): found by pairs of
        # their words, keys of the same automaton: a key's value is (names, token sets)
        self.token_sets, anchors = token_sets(variants, vocab)
        automaton = ahocorasick.Automaton()
        for key in dict.fromkeys(by_key) | dict.fromkeys(anchors):
            automaton.add_word(key, (tuple(by_key.get(key, ())), tuple(anchors.get(key, ()))))
        if by_key:
            automaton.make_automaton()
        self.automaton = automaton
        self.key_lengths = {pos: len(v.words) for pos, v in enumerate(variants)}
        frequency: dict[str, int] = {}
        for v in variants:
            if v.kind != "acronym" and not v.cjk:
                for w in v.words:
                    if len(w) >= 5 and w.isalpha():
                        frequency[w] = frequency.get(w, 0) + 1
        self.frequency = frequency
        # spelling -> comparison token: listed words, and the spellings that fold into them
        spellings = {w: w for w in frequency}
        spellings.update(
            {s: c for s, c in CANONICAL.items() if c in frequency and len(s) >= 5 and s.isalpha()}
        )
        deletions: dict[str, list[str]] = {}
        add = deletions.setdefault
        for spelled in spellings:
            add(spelled, []).append(spelled)
            for i in range(len(spelled)):
                add(spelled[:i] + spelled[i + 1 :], []).append(spelled)
        self.spellings = spellings
        self.fragments = fragments(spellings)
        self.deletions = {k: tuple(v) for k, v in deletions.items()}
        self.known = known_words()
        #: names of the lists not indexed, by why: "parent-name", "parent-acronym",
        #: "shared-acronym", "legal-form", "place" (see alias_kinds)
        self.set_aside: dict[str, int] = {}
        #: the lists' aliases by kind: "distinctive", "generic", "acronym", "legal-form", "place"
        self.alias_kinds: dict[str, int] = {}
        self._corrections: dict[str, tuple[str, int] | None] = {}
        self._piece_codes: dict[str, str] = {}  # pieces of broken words left unjoined -> code
        #: listed unit -> its listed parents; group -> its listed units carrying its acronym
        self.parents: dict[int, frozenset[int]] = {}
        self.group_units: dict[int, frozenset[int]] = {}
        self.with_parents: frozenset[int] = frozenset()  # entries of either

    def _new_code(self, vocab: dict[str, str], word: str, name: bool) -> str:
        key = name_key(word) if name else None
        code = self.translit.get(key) if key else None
        if code is None:
            code = _code(len(vocab) + 1)
            if key:
                self.translit[key] = code
        vocab[word] = code
        return code

    @classmethod
    def build(cls, lists: Sequence[ScreeningList], ror: RorNames | None = None) -> NameIndex:
        """The index of every name of ``lists``.

        ``ror`` gives original-script names and acronyms of the entries that
        lack them (:mod:`workbench.matching.ror`): ``None`` for the shipped
        table, ``RorNames()`` for none.
        """
        # Hundreds of thousands of small containers and no cycles: the cyclic
        # collector would only rescan them over and over while they are made.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._build(lists, RorNames.shipped() if ror is None else ror)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _build(cls, lists: Sequence[ScreeningList], ror: RorNames) -> NameIndex:
        entries: list[IndexedEntry] = []
        variants: list[Variant] = []
        set_aside: dict[str, int] = {}
        alias_kinds: dict[str, int] = {}
        own_names: list[tuple[str, ...]] = []
        for screening_list in lists:
            for entry in screening_list.entries:
                if (entry.entity_type or "").lower() in SKIPPED_TYPES:
                    continue
                pos = len(entries)
                entries.append(indexed_entry(screening_list, entry))
                own_names.append(own_name_words(entry.name or ""))
                seen: set[tuple[str, ...]] = set()
                names, aside = names_and_set_aside(entry)
                for why in aside:
                    set_aside[why] = set_aside.get(why, 0) + 1
                for written, kind in names:
                    alias = kind == "alias" and classify_alias(written, alias_kinds)
                    if alias in SET_ASIDE:
                        set_aside[alias] = set_aside.get(alias, 0) + 1
                        continue
                    for v in variants_of(pos, written, kind):
                        if v.words not in seen:
                            seen.add(v.words)
                            variants.append(
                                replaced(v, generic_alias=True) if alias == "generic" else v
                            )
        groups = acronym_parents(variants, own_names)
        variants, shared = shared_acronyms(variants, own_names)
        set_aside["shared-acronym"] = shared
        variants = group_prefixes(variants)
        variants += split_compounds(variants, known_words())
        variants = linked_names(entries, variants)  # the lists' own names first, then ROR's
        from_ror, parents = ror_variants(entries, variants, ror)
        index = cls(entries, variants + from_ror)
        for unit, ps in groups.items():
            parents.setdefault(unit, set()).update(ps)
        index.parents = {unit: frozenset(ps) for unit, ps in parents.items()}
        index.group_units = {g: frozenset(us) for g, us in units_of(groups).items()}
        index.with_parents = frozenset(index.parents) | frozenset(index.group_units)
        index.set_aside = {why: n for why, n in set_aside.items() if n}
        index.alias_kinds = alias_kinds
        return index

    def load_report(self) -> str:
        """What the index holds: entries, names, the lists' aliases by kind and what was set aside.

        Examples
        --------
        >>> from workbench.model import ListEntry, ScreeningList
        >>> e = ListEntry("L", "x", "Ural Works", ("Federal State Unitary Enterprise", "Perm"))
        >>> print(NameIndex.build([ScreeningList("L", "p", None, "", (e,))]).load_report())
        1 entries, 1 searchable names; aliases: legal-form 1, place 1;
        set aside: legal-form 1, place 1
        """
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.alias_kinds.items()))
        aside = ", ".join(f"{k} {n}" for k, n in sorted(self.set_aside.items()))
        return (
            f"{len(self.entries)} entries, {len(self.variants)} searchable names;"
            f" aliases: {kinds or 'none'};\nset aside: {aside or 'nothing'}"
        )

    def encode(self, raw: Sequence[str]) -> str:
        """Codes of folded tokens as they are; stop words get none.

        Position ``k`` (times :data:`CODE_WIDTH`) is the ``k``-th comparison token.
        """
        return "".join(map(self.lookup.__getitem__, raw))

    def corrected_codes(self, raw: Sequence[str]) -> list[str]:
        """Like :meth:`encode`, code by code, unknown words coded as the listed word they
        misspell; pieces of broken words are :data:`FRAGMENT_CODE`."""
        return list(map(self._fuzzy_lookup.__getitem__, raw))

    def _new_fuzzy_lookup(self) -> _Learnt:
        fuzzy = _Learnt(self.lookup, self._learn)
        # listed words that are word endings too ("ing") are looked at as pieces first
        for ending in SUFFIXES:
            if self.lookup.get(ending):
                fuzzy[ending] = FRAGMENT_CODE
        return fuzzy

    def _learn(self, word: str) -> str:
        found = self.correct(CANONICAL.get(word, word))
        if found is not None:
            code = self.codes[found[0]]
        elif word in self.fragments and word not in self.known:
            code = FRAGMENT_CODE  # the matcher joins it or takes its fallback()
        else:
            code = self.fallback(word)
        if len(self._fuzzy_lookup) > len(self.lookup) + 500_000:
            self._fuzzy_lookup = self._new_fuzzy_lookup()
        self._fuzzy_lookup[word] = code
        return code

    def respelt(self, word: str) -> bool:
        """Whether ``word`` is another spelling of a listed name word (its transliteration key)."""
        key = name_key(word)
        return key is not None and key in self.translit

    def fallback(self, word: str) -> str:
        """The code of a word that no typo correction explains, nor broken word joins."""
        if word in self.lookup:  # a listed word that is a word ending too ("ing")
            return self.lookup[word]
        if self.respelt(word):  # a spelling no list writes
            return self.translit[name_key(word) or ""]
        return GLUED_CODE if self.may_be_glued(word) else UNKNOWN

    def encode_fallback(
        self, raw: Sequence[str], at: Sequence[int] | None = None, codes: list[str] | None = None
    ) -> str:
        """Like :meth:`corrected_codes`, joined, pieces of broken words left unjoined coded as
        words.

        ``at``: where the pieces are, and ``codes``: the :meth:`corrected_codes` of ``raw``,
        when known.
        """
        codes = list(map(self._fuzzy_lookup.__getitem__, raw) if codes is None else codes)
        pieces = self._piece_codes
        for k in code_positions(codes, FRAGMENT_CODE) if at is None else at:
            word = raw[k]
            code = pieces.get(word)
            if code is None:  # a few words only: those that begin or end listed words
                code = pieces[word] = self.fallback(word)
            codes[k] = code
        return "".join(codes).replace(GLUED_CODE, UNKNOWN)

    def is_fragment(self, word: str) -> bool:
        """Whether ``word`` is no listed word but begins or ends one (see broken_words)."""
        return word not in self.lookup and word in self.fragments and word not in self.known

    def may_be_glued(self, word: str) -> bool:
        """Whether an unknown word is two words glued together, one of them listed.

        A cheap, case-blind first look, once per distinct word: the matcher then
        checks the written capitals (``EngineeringNanjing``) before splitting.
        """
        lookup, known = self.lookup, self.known
        if len(word) < 6 or not word.isalpha() or word in known:
            return False
        for i in range(3, len(word) - 2):  # pieces of three letters at least ("and")
            left, right = word[:i], word[i:]
            if lookup.get(left) and len(left) >= 4 and (right in lookup or right in known):
                return True
            if lookup.get(right) and len(right) >= 4 and (left in lookup or left in known):
                return True
        return False

    def correct(self, word: str) -> tuple[str, int] | None:
        """The listed word one edit away from an unknown ``word`` (two for long words)."""
        cache = self._corrections
        if word in cache:
            return cache[word]
        found: tuple[str, int] | None = None
        if len(word) >= 5 and word.isalpha() and word not in self.known:
            limit = 1 if len(word) < 9 else 2
            candidates: set[str] = set(self.deletions.get(word, ()))
            for i in range(len(word)):
                candidates.update(self.deletions.get(word[:i] + word[i + 1 :], ()))
            best = sorted(
                (OSA.distance(word, c, score_cutoff=limit), -self.frequency[self.spellings[c]], c)
                for c in candidates
                if c[0] == word[0]
            )
            if best and best[0][0] <= limit:
                found = (self.spellings[best[0][2]], best[0][0])
        if len(cache) > 500_000:
            cache.clear()
        cache[word] = found
        return found


class _OrUnknown(dict[str, str]):
    """Word -> code; :data:`UNKNOWN` for a word no list has (a lookup at C speed)."""

    def __missing__(self, word: str) -> str:
        return UNKNOWN


class _Learnt(dict[str, str]):
    """Word -> code, learning the code of a word not seen yet (a lookup at C speed otherwise)."""

    def __init__(self, known: dict[str, str], learn: Callable[[str], str]) -> None:
        super().__init__(known)
        self._learn = learn

    def __missing__(self, word: str) -> str:
        return self._learn(word)  # stores it
