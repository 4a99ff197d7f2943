"""Names written in another word order, with words inserted or dropped: token-set matching.

Bylines write "Nanjing Aeronautics and Astronautics University" for the
Nanjing University of Aeronautics and Astronautics, "National University of
Defense Science and Technology" for the National University of Defense
Technology, "Khajeh Nasir Toosi University" for the Khajeh Nassir-Al-Deen
Toosi University. A listed name of three words or more (not an acronym, not
generic) matches *loosely* when one part of the string (between separators)
holds every one of its words, in any order, and nothing else but

- words that are often inserted into names ("Science", "Research", "State",
  "All"-Russian), stop words, and up to three words in parentheses that are
  not generic ("Khajeh Nasir (K. N.) Toosi University");
- and the name may lack its name particles (al-, -Din, ibn) or "Research".

Guards: every other word of the part is refused (so "Nanjing University of
Science and Technology" is not "Nanjing University", which has two words
anyway); at most one word in three — one word when the name has fewer — may
be another spelling (a transliteration or a typo) and one name word at least
is written as listed; a loose match is vetoed when the string names another
country than the entry's, or is declared in one. A loose match costs
:data:`LOOSE_PENALTY` and says what was loose: ``word-order``,
``words-inserted:science``, ``words-dropped:al,deen``.

The words are compared by their codes in the name index, so abbreviations
("Univ.", "Tech."), transliterations and corrected typos count as the word.
Each name is looked for only where two of its words are written together
(one more Aho-Corasick pass over the string's codes): a byline that reorders
a name or inserts words into it still keeps a pair.

Examples
--------
>>> INSERTABLE >= {"science", "research"}, "al" in DROPPABLE
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from workbench.matching.normalize import Tokens
from workbench.matching.places import PLACES
from workbench.matching.variants import Variant
from workbench.matching.vocabulary import EXTENDING_SUFFIXES, GENERIC

#: Name particles of Arabic and Persian names that bylines often leave out.
PARTICLES = frozenset({"al", "el", "ad", "ud", "ul", "din", "deen", "ibn", "bin", "ben", "abu"})
#: Listed words a byline may leave out.
DROPPABLE = PARTICLES | {"research"}
#: Words a byline may add inside a listed name (comparison forms: "scientific" is "science").
INSERTABLE = DROPPABLE | {"science", "state", "federal", "all"}
#: Fewest words (besides droppable ones) a name needs to be matched loosely.
MIN_WORDS = 3
LOOSE_PENALTY = 0.1
#: Most words written in parentheses inside a name ("X (Y) University").
MAX_PARENTHESISED = 3
_PARENTHESES = frozenset("()（）.")
#: Most entries whose names have a word for it to be a name's own (not "Electronic").
COMMON_WORD = 5
#: Most listed names writing a pair of common words for it to be looked for.
COMMON_PAIR = 5
_W = 4  # characters of one token code (index.CODE_WIDTH)


@dataclass(frozen=True, slots=True)
class TokenSet:
    """One listed name as a set of word codes."""

    variant: int  # position in NameIndex.variants
    required: Mapping[str, str]  # code -> listed word, for every word that must be present
    dropped: Mapping[str, str]  # code -> listed word, for the words that may be missing
    names: int  # required words that are neither generic nor places
    codes: frozenset[str]  # the codes of the required words


def token_sets(
    variants: Sequence[Variant], codes: Mapping[str, str]
) -> tuple[list[TokenSet], dict[str, list[int]]]:
    """The names to match loosely, and for each anchor code (a name's rarest word) their numbers."""
    sets: list[TokenSet] = []
    for pos, v in enumerate(variants):
        if v.cjk or v.weak or v.commas or v.kind not in ("name", "alias"):
            continue
        required = {codes[w]: w for w in v.words if w not in DROPPABLE}
        if len(required) < MIN_WORDS or len(required) != len(set(v.words) - DROPPABLE):
            continue
        names = sum(1 for w in required.values() if w not in GENERIC and w not in PLACES)
        if not names and len(required) < MIN_WORDS + 1:
            continue
        dropped = {codes[w]: w for w in v.words if w in DROPPABLE}
        sets.append(TokenSet(pos, required, dropped, names, frozenset(required)))
    frequency: dict[str, int] = {}
    entries: dict[str, set[int]] = {}
    for v in variants:
        for a, b in pairwise(v.words):
            frequency[codes[a] + codes[b]] = frequency.get(codes[a] + codes[b], 0) + 1
        for w in v.words:
            entries.setdefault(w, set()).add(v.entry)
    common = frozenset(w for w, e in entries.items() if len(e) > COMMON_WORD or _common(w))
    anchors: dict[str, list[int]] = {}
    for number, s in enumerate(sets):
        for key in _anchors(s, frequency, common):
            anchors.setdefault(key, []).append(number)
    return sets, anchors


def _anchors(s: TokenSet, frequency: Mapping[str, int], common: frozenset[str]) -> list[str]:
    """The keys a name is looked for by: pairs of its words written together.

    A byline that reorders a name or inserts a word into it still writes two
    of its words together as listed ("Nanjing *Aeronautics and Astronautics*
    University"). Pairs of common words (places, words of more
    than :data:`COMMON_WORD` entries' names: "Electronic Engineering") are in
    too many strings: a name made of such words only is looked for by its
    pairs without a place that at most :data:`COMMON_PAIR` listed names write
    ("*University of Defense* Science and Technology"; not "Science and
    Technology").
    """
    keys, words = list(s.required), list(s.required.values())
    named = [
        (a, b)
        for (a, b), (x, y) in zip(pairwise(keys), pairwise(words), strict=True)
        if x not in common or y not in common
    ]
    if not named:  # pairs few names write ("University of Defense", "Aeronautics and Astronautics")
        named = [
            (a, b)
            for (a, b), (x, y) in zip(pairwise(keys), pairwise(words), strict=True)
            if x not in PLACES and y not in PLACES and frequency.get(a + b, 0) <= COMMON_PAIR
        ]
    return [a + b for a, b in named]


def _common(word: str) -> bool:
    """Places, fields of medicine and short words: in too many strings to look for names by."""
    return word in PLACES or word in EXTENDING_SUFFIXES or len(word) < 4


def split_hits(
    hits: list[tuple[int, tuple[int, ...]]], sets: Sequence[TokenSet], codes: str
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[int, int]]]:
    """The name automaton's hits over ``codes``: those of names, and the token sets to try.

    A token set ``n`` is the key ``-1 - n`` (see :func:`anchor_keys`); it is
    tried, as (set, position), only when every word of it is in the string.
    """
    names: list[tuple[int, tuple[int, ...]]] = []
    tried: dict[int, int] = {}
    present: frozenset[str] | None = None
    for hit in hits:
        numbers = hit[1]
        if numbers[0] >= 0:
            names.append(hit)
        if numbers[-1] < 0:
            if present is None:
                present = frozenset([codes[i : i + _W] for i in range(0, len(codes), _W)])
            for key in numbers:
                n = -1 - key
                if n >= 0 and n not in tried and sets[n].codes <= present:
                    tried[n] = hit[0] // _W
    return names, list(tried.items())


def anchor_keys(by_key: dict[str, list[int]], anchors: Mapping[str, list[int]]) -> None:
    """Add the token sets to the name automaton's keys: set ``n`` as ``-1 - n``, after names."""
    for code, numbers in anchors.items():
        by_key.setdefault(code, []).extend(-1 - n for n in numbers)


def _joined(tokens: Tokens, k: int, after: int) -> bool:
    """Whether comparison tokens ``k`` and ``after`` are in one part: no separator between
    them but parentheses ("Khajeh Nasir (K. N.) Toosi University")."""
    i, j = tokens.content[k], tokens.content[after]
    if tokens.segs[i] == tokens.segs[j]:
        return True
    gap = tokens.text[tokens.ends[i] : tokens.starts[j]]
    return all(c.isalnum() or c.isspace() or c in _PARENTHESES for c in gap)


def _parenthesised(tokens: Tokens, lo: int, hi: int) -> set[int]:
    """Comparison tokens ``lo..hi`` written in parentheses, when a few words are (at most 3)."""
    inside: set[int] = set()
    depth = 0
    for k in range(lo, hi + 1):
        if k > lo:
            gap = tokens.text[tokens.ends[tokens.content[k - 1]] : tokens.starts[tokens.content[k]]]
            depth += gap.count("(") + gap.count("（") - gap.count(")") - gap.count("）")
        if depth > 0:
            inside.add(k)
    if len(inside) > MAX_PARENTHESISED or any(tokens.words[k] in GENERIC for k in inside):
        return {-1}  # not a few words: refused below
    return inside


def loose_match(
    s: TokenSet, at: int, tokens: Tokens, codes: str
) -> tuple[int, int, tuple[str, ...], int] | None:
    """(first, last, what was loose, words spelt otherwise) of ``s`` around token ``at``.

    ``codes`` holds the code of every comparison token of ``tokens`` (typos
    corrected, other spellings folded); ``None`` when the name is not there.
    """
    content, words = tokens.content, tokens.words
    lo = at
    while lo > 0 and _joined(tokens, lo - 1, lo):
        lo -= 1
    hi = at
    while hi + 1 < len(content) and _joined(tokens, hi, hi + 1):
        hi += 1
    found: dict[str, int] = {}
    inserted: list[str] = []
    within = _parenthesised(tokens, lo, hi)
    for k in range(lo, hi + 1):
        code = codes[k * _W : k * _W + _W]
        if k in within:
            inserted.append(f"({words[k]})")
        elif code in s.required:
            if code in found:
                return None  # a word twice: two names, not one
            found[code] = k
        elif code not in s.dropped:
            if words[k] not in INSERTABLE:
                return None
            inserted.append(words[k])
    if len(found) != len(s.required) or within == {-1}:
        return None
    spelt = sum(1 for code, k in found.items() if words[k] != s.required[code])
    exact_name = any(
        words[k] == s.required[code] and words[k] not in GENERIC and words[k] not in PLACES
        for code, k in found.items()
    )
    if spelt > max(1, len(s.required) // 3) or (spelt and not exact_name):
        return None
    positions = sorted(found.values())
    listed_order = [found[code] for code in s.required]
    loose: list[str] = []
    if positions != listed_order:
        loose.append("word-order")
    if inserted:
        loose.append(f"words-inserted:{','.join(inserted)}")
    present = {codes[k * _W : k * _W + _W] for k in range(lo, hi + 1)}
    missing = [word for code, word in s.dropped.items() if code not in present]
    if missing:
        loose.append(f"words-dropped:{','.join(missing)}")
    if not loose:
        return None  # the name as listed: the exact pass finds it
    return positions[0], positions[-1], tuple(loose), spelt
