"""Hidden and look-alike characters: what a reader sees, with offsets back into the input.

An affiliation can hide a listed name from a matcher while a reader sees it
unchanged: a zero-width space or a soft hyphen inside a word, a right-to-left
override that shows reversed text in reading order, a Cyrillic "Н" in place of
the Latin "H". :func:`reveal` gives the text a matcher should read:

1. default-ignorable characters (zero-width spaces and joiners, soft hyphens,
   variation selectors, tags …) and bidirectional controls are removed;
2. text under a right-to-left override (U+202E, up to U+202C or the end of the
   line) is put in the order it is displayed;
3. letters of another script confusable with Latin letters (Unicode TR39
   confusables, from ``confusable_homoglyphs``) are folded to their Latin
   skeleton, but only in a word that mixes them with Latin letters, or in a
   word made only of such letters in a string whose other words are Latin:
   Russian, Greek, Chinese or Japanese text is left as it is.

Every character of the revealed text keeps the offset of the original character
it came from, so a span found in it maps back to the original string.

Disguise is itself a signal for a reviewer: :attr:`Revealed.disguised` says the
text needed any of this.

Examples
--------
>>> r = reveal("Harbin Inst\\u200bitute of Tech\\u00adnology")
>>> r.text, r.hidden, r.lookalike
('Harbin Institute of Technology', True, False)
>>> r = reveal("\\u041darbin Institute of Technology")  # Cyrillic capital En
>>> r.text, r.lookalike, r.original_span(0, 6)
('Harbin Institute of Technology', True, (0, 6))
>>> reveal("Московский университет").disguised  # Russian stays Russian
False
>>> reveal("Harbin \\u202eygolonhceT fo etutitsnI\\u202c").text
'Harbin Institute of Technology'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: Bidirectional controls (embeddings, overrides, isolates, marks).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_RLO, _PDF = "\u202e", "\u202c"

#: Default_Ignorable_Code_Point ranges of Unicode's DerivedCoreProperties.txt (format
#: characters such as U+200B are category Cf and are caught by that test as well).
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_KEEP_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "LATIN")
_LETTER = re.compile(r"[^\W\d_]+")


@cache
def hidden_characters() -> frozenset[str]:
    """Default-ignorable characters, bidirectional controls and other format characters."""
    out = set(BIDI_CONTROLS)
    for lo, hi in _IGNORABLE_RANGES:
        out.update(chr(c) for c in range(lo, hi + 1))
    out.update(chr(c) for c in range(0x80, 0x10000) if unicodedata.category(chr(c)) == "Cf")
    return frozenset(out)


def is_hidden(ch: str) -> bool:
    """A default-ignorable or bidirectional-control character (drawn as nothing)."""
    return ch in hidden_characters()


@cache
def latin_lookalikes() -> dict[str, str]:
    """Letters of other scripts -> the Latin letter(s) TR39 says they are confusable with."""
    path = resources.files("confusable_homoglyphs") / "confusables.json"
    table: dict[str, list[dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for ch, homoglyphs in table.items():
        if len(ch) != 1 or not ch.isalpha() or ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        if not name or name.startswith(_KEEP_SCRIPTS) or "IDEOGRAPH" in name:
            continue
        for glyph in homoglyphs:
            target = glyph["c"]
            if target.isascii() and target.isalpha():
                # TR39's prototype of "I" is "l": a capital keeps its reading as "I"
                out[ch] = "I" if target == "l" and ch.isupper() else target
                break
    return out


@cache
def _suspects() -> frozenset[str]:
    """Every character :func:`reveal` may have to change."""
    return hidden_characters() | frozenset(latin_lookalikes())


@dataclass(frozen=True, slots=True)
class Revealed:
    """The text as read, each character's offset in the original, and what was changed."""

    text: str
    offsets: tuple[int, ...]  # offsets[i]: where text[i] came from in the original
    hidden: bool = False  # hidden characters removed or reordered
    lookalike: bool = False  # look-alike letters folded to Latin

    @property
    def disguised(self) -> bool:
        return self.hidden or self.lookalike

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original string that ``text[start:end]`` came from."""
        if start >= end or not self.offsets:
            return start, end
        covered = self.offsets[start:end]
        return min(covered), max(covered) + 1


def may_be_disguised(text: str) -> bool:
    """Whether ``text`` has a character :func:`reveal` may change (cheap: most text has none)."""
    return not text.isascii() and not _suspects().isdisjoint(text)


def reveal(text: str) -> Revealed:
    """The text a reader sees, for matching (see the module's description)."""
    if not may_be_disguised(text):
        return Revealed(text, ())
    chars: list[tuple[str, int]] = []
    hidden = False
    reversed_from: int | None = None
    hidden_set = hidden_characters()
    for i, ch in enumerate(text):
        if ch == _RLO:
            reversed_from = len(chars)
        elif reversed_from is not None and (ch == _PDF or ch in "\n\r"):
            chars[reversed_from:] = chars[reversed_from:][::-1]
            reversed_from = None
        if ch in hidden_set:
            hidden = True
            continue
        chars.append((ch, i))
    if reversed_from is not None:
        chars[reversed_from:] = chars[reversed_from:][::-1]
    folded, lookalike = _fold_lookalikes("".join(c for c, _ in chars))
    return Revealed(folded, tuple(i for _, i in chars), hidden, lookalike)


def _fold_lookalikes(text: str) -> tuple[str, bool]:
    """Fold look-alike letters in mixed-script words (same length: one letter for one)."""
    table = latin_lookalikes()
    words = _LETTER.findall(text)
    latin_words = sum(1 for w in words if all(_is_latin(c) for c in w))
    foreign_words = [w for w in words if not any(_is_latin(c) for c in w)]
    whole_words = latin_words > 0 and all(all(c in table for c in w) for w in foreign_words)
    out: list[str] = []
    last = 0
    changed = False
    for m in _LETTER.finditer(text):
        word = m.group()
        if not any(c in table for c in word):
            continue
        mixed = any(_is_latin(c) for c in word)
        if not (mixed or whole_words):
            continue
        replaced = "".join(table[c] if c in table and len(table[c]) == 1 else c for c in word)
        if replaced != word:
            out.append(text[last : m.start()])
            out.append(replaced)
            last = m.end()
            changed = True
    if not changed:
        return text, False
    out.append(text[last:])
    return "".join(out), True


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalpha()) or unicodedata.name(ch, "").startswith("LATIN")
