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

import re
from bisect import bisect_left, bisect_right
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
#: What parts a string, besides a separator token: anything but letters, digits, spaces,
#: parentheses and full stops between two tokens of different segments.
_PARTING = re.compile(r"[^\w\s()（）.]|_")
_NONE: frozenset[int] = frozenset()
_REFUSED = {-1}
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
    bare: frozenset[str]  # the codes of the required words without their leading space
    key: str  # the codes of every word, in the listed order: the name as listed


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
        bare = frozenset(c[1:] for c in required)
        key = "".join(codes[w] for w in v.words)
        sets.append(TokenSet(pos, required, dropped, names, bare, key))
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
    hits: list[tuple[int, tuple[tuple[int, ...], tuple[int, ...]]]],
    sets: Sequence[TokenSet],
    codes: str,
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[int, int]]]:
    """The name automaton's hits over ``codes``: those of names, and the token sets to try.

    A hit is (end, (names, token sets)); a token set is tried, as (set,
    position), only when every word of it is in the string.
    """
    names = [(end, found[0]) for end, found in hits if found[0]]
    tried: dict[int, int] = {}
    present: set[str] | None = None
    for end, (_, numbers) in hits:
        if numbers:
            if present is None:  # the codes without their leading space, split at C speed
                present = set(codes.split(" "))
            for n in numbers:
                if n not in tried and sets[n].bare <= present:
                    tried[n] = end // _W
    return names, list(tried.items())


def parts_of(tokens: Tokens) -> list[int]:
    """The part of the string each comparison token is in, as a number that never decreases.

    Two neighbouring comparison tokens are in one part when no separator lies
    between them but parentheses ("Khajeh Nasir (K. N.) Toosi University").
    """
    content, segs, starts, ends = tokens.content, tokens.segs, tokens.starts, tokens.ends
    text = tokens.text
    if text.isascii() and "(" not in text and ")" not in text:
        return [segs[i] for i in content]  # every separator parts: the segments are the parts
    parting = _PARTING.search
    out: list[int] = []
    part = 0
    before = content[0] if content else 0
    for i in content:
        if segs[i] != segs[before] and parting(tokens.text, ends[before], starts[i]):
            part += 1
        out.append(part)
        before = i
    return out


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
    s: TokenSet, at: int, tokens: Tokens, codes: str, parts: Sequence[int]
) -> tuple[int, int, tuple[str, ...], int] | None:
    """(first, last, what was loose, words spelt otherwise) of ``s`` around token ``at``.

    ``codes`` holds the code of every comparison token of ``tokens`` (typos
    corrected, other spellings folded); ``parts``: :func:`parts_of` the tokens;
    ``None`` when the name is not there.
    """
    words = tokens.words
    part = parts[at]
    lo = bisect_left(parts, part, 0, at)
    hi = bisect_right(parts, part, at) - 1
    written = codes[lo * _W : hi * _W + _W]  # codes are aligned: a code is found only whole
    text = tokens.text[tokens.starts[tokens.content[lo]] : tokens.ends[tokens.content[hi]]]
    parenthesised = "(" in text or "（" in text
    if written == s.key and not parenthesised:
        return None  # the name as listed, alone in its part: the exact pass finds it
    for code in s.required:
        if code not in written:
            return None
    within = _parenthesised(tokens, lo, hi) if parenthesised else _NONE
    if within == _REFUSED:
        return None
    found: dict[str, int] = {}
    inserted: list[str] = []
    required, dropped = s.required, s.dropped
    for k in range(lo, hi + 1):
        if k in within:
            inserted.append(f"({words[k]})")
            continue
        code = codes[k * _W : k * _W + _W]
        if code in required:
            if code in found:
                return None  # a word twice: two names, not one
            found[code] = k
        elif code not in dropped:
            if words[k] not in INSERTABLE:
                return None
            inserted.append(words[k])
    if len(found) != len(required):
        return None
    spelt = 0
    exact_name = False
    for code, k in found.items():
        word = words[k]
        if word != required[code]:
            spelt += 1
        elif not exact_name and word not in GENERIC and word not in PLACES:
            exact_name = True
    if spelt > max(1, len(required) // 3) or (spelt and not exact_name):
        return None
    positions = sorted(found.values())
    loose: list[str] = []
    if positions != [found[code] for code in required]:
        loose.append("word-order")
    if inserted:
        loose.append(f"words-inserted:{','.join(inserted)}")
    missing = [word for code, word in dropped.items() if code not in written]
    if missing:
        loose.append(f"words-dropped:{','.join(missing)}")
    if not loose:
        return None  # the name as listed: the exact pass finds it
    return positions[0], positions[-1], tuple(loose), spelt
