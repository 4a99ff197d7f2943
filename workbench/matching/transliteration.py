"""Transliteration keys: one key for the spellings of a Persian, Arabic, Russian or Chinese name.

Names written in Latin letters from another script come in many spellings:
Hossein, Hussein, Hosein, Hoseyn; Baqiyatallah, Baghiatollah; Khajeh, Khaje;
Malek, Maleke. :func:`translit_key` gives them one key: ``kh``/``gh``/``q``/
``ph``/``w``/``y`` folded, vowels reduced to two classes (a o u, e i), doubled
letters single, a final ``h`` after a vowel and a final e/i/y ending dropped.

Only *name words* get a key: four letters or more, plain ASCII letters, not a
generic word of organisation names (``university``, ``marine`` …), a place or
a word of the abbreviation table, so that ordinary words are never merged.
The name index gives listed words with the same key one code; a match through
another spelling says so (``transliteration:hosein~hossein``), costs a little,
and is allowed for at most one word in three of a name of two words or more.

Examples
--------
>>> [translit_key(w) for w in ("hossein", "hussein", "hosein", "hoseyn", "hosseini")]
['hasin', 'hasin', 'hasin', 'hasin', 'hasin']
>>> translit_key("baqiyatallah") == translit_key("baghiatollah")
True
>>> translit_key("khajeh") == translit_key("khaje"), translit_key("maleke") == translit_key("malek")
(True, True)
>>> translit_key("hassan") == translit_key("hossein")
False
>>> translit_key("imam") == translit_key("emam"), translit_key("uni")
(True, None)
"""

from __future__ import annotations

import re
from functools import cache

from workbench.matching.places import PLACES
from workbench.matching.vocabulary import CANONICAL, GENERIC

_FOLDS = (("kh", "k"), ("gh", "g"), ("q", "g"), ("ph", "f"), ("w", "v"), ("y", "i"))
_VOWELS = str.maketrans("aoue", "aaai")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_PLAIN = re.compile("[a-z]{4,}")

#: A match through another spelling costs this much per word.
TRANSLITERATION_PENALTY = 0.05


@cache
def translit_key(word: str) -> str | None:
    """The key of a name word (``None`` for short words and non-letters)."""
    if not _PLAIN.fullmatch(word):
        return None
    key = _FINAL_H.sub("", word)
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = _DOUBLE.sub(r"\1", key.translate(_VOWELS))
    if len(key) > 4 and key.endswith("i"):
        key = key[:-1]
    return key if len(key) >= 3 else None


@cache
def _ordinary() -> frozenset[str]:
    words = set(GENERIC) | set(CANONICAL) | set(CANONICAL.values())
    words.update(w for key in PLACES for w in key.split())
    return frozenset(words)


def name_key(word: str) -> str | None:
    """The key of ``word`` when it is a name word (not generic, a place nor an abbreviation)."""
    if word in _ordinary():
        return None
    return translit_key(word)
