"""Names written in another word order, with words inserted or dropped: token-set matching.

Bylines write "Nanjing Aeronautics and Astronautics University" for the
Nanjing University of Aeronautics and Astronautics, "National University of
Defense Science and Technology" for the National University of Defense
Technology, "Khajeh Nasir Toosi University" for the Khajeh Nassir-Al-Deen
Toosi University. A listed name of three words or more (not an acronym, not
generic) matches *loosely* when one part of the string (between separators)
holds every one of its words, in any order, and nothing else but

- words that are often inserted into names ("Science", "Research", "State",
  "All"-Russian) and stop words;
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
Each name is looked for only where its rarest word is found (one more
Aho-Corasick pass over the string's codes).

Examples
--------
>>> INSERTABLE >= {"science", "research"}, "al" in DROPPABLE
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.matching.normalize import Tokens
from workbench.matching.places import PLACES
from workbench.matching.variants import Variant
from workbench.matching.vocabulary import GENERIC

#: Name particles of Arabic and Persian names that bylines often leave out.
PARTICLES = frozenset({"al", "el", "ad", "ud", "ul", "din", "deen", "ibn", "bin", "ben", "abu"})
#: Listed words a byline may leave out.
DROPPABLE = PARTICLES | {"research"}
#: Words a byline may add inside a listed name (comparison forms: "scientific" is "science").
INSERTABLE = DROPPABLE | {"science", "state", "federal", "all"}
#: Fewest words (besides droppable ones) a name needs to be matched loosely.
MIN_WORDS = 3
LOOSE_PENALTY = 0.1
_W = 4  # characters of one token code (index.CODE_WIDTH)


@dataclass(frozen=True, slots=True)
class TokenSet:
    """One listed name as a set of word codes."""

    variant: int  # position in NameIndex.variants
    required: Mapping[str, str]  # code -> listed word, for every word that must be present
    dropped: Mapping[str, str]  # code -> listed word, for the words that may be missing
    names: int  # required words that are neither generic nor places


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
        sets.append(TokenSet(pos, required, dropped, names))
    frequency: dict[str, int] = {}
    for s in sets:
        for code in s.required:
            frequency[code] = frequency.get(code, 0) + 1
    anchors: dict[str, list[int]] = {}
    for number, s in enumerate(sets):
        rarest = min(s.required, key=lambda code: (frequency[code], code))
        anchors.setdefault(rarest, []).append(number)
    return sets, anchors


def loose_match(
    s: TokenSet, at: int, tokens: Tokens, codes: str
) -> tuple[int, int, tuple[str, ...], int] | None:
    """(first, last, what was loose, words spelt otherwise) of ``s`` around token ``at``.

    ``codes`` holds the code of every comparison token of ``tokens`` (typos
    corrected, other spellings folded); ``None`` when the name is not there.
    """
    content, segs, words = tokens.content, tokens.segs, tokens.words
    seg = segs[content[at]]
    lo = at
    while lo > 0 and segs[content[lo - 1]] == seg:
        lo -= 1
    hi = at
    while hi + 1 < len(content) and segs[content[hi + 1]] == seg:
        hi += 1
    found: dict[str, int] = {}
    inserted: list[str] = []
    for k in range(lo, hi + 1):
        code = codes[k * _W : k * _W + _W]
        if code in s.required:
            if code in found:
                return None  # a word twice: two names, not one
            found[code] = k
        elif code not in s.dropped:
            if words[k] not in INSERTABLE:
                return None
            inserted.append(words[k])
    if len(found) != len(s.required):
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
