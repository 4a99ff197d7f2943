"""Judging one candidate: guards against the classic traps, then a score with its reasons.

A candidate is a listed name variant found at some token positions of an
affiliation. It is *rejected* (``None``) when

- it runs across a separator the listed name does not have ("Nanjing
  University, Science and Technology Park" is not NUST);
- it is the start of a longer, different name: followed by "of"/"for" and more
  words ("Tehran University *of Medical Sciences*"), or directly by a field in the
  abbreviated style ("Univ Tehran *Med Sci*"), or preceded by a word
  that extends names ("*National* Sun Yat-sen University");
- a name made of generic words only is preceded by another word of the same
  name ("Shanghai Institute of Technical Physics" is not the "Institute of
  Technical Physics"), or a CJK name not starting with a place is preceded by
  another ideograph (西安电子科技大学 is not 电子科技大学);
- an acronym is not written in capitals.

Otherwise it is scored: 1.0 for an exact comparison form, less for
abbreviations, script folding and each corrected typo, much less when the
string names another country than the entry's; acronyms, short names
("Beihang") and generic names count only with the entry's country (or another
name of the entry) in the string.

The country the affiliation is *declared* in (``Matcher.match(text,
country=...)``) counts like a country named in the string when it agrees with
the entry's; when it disagrees and the string names no country, it costs less
than a country written in the string (a declaration may be loose, a miss is a
security gap), so a full name is still reported.
"""

from __future__ import annotations

from collections.abc import Set
from functools import lru_cache
from typing import NamedTuple

from workbench.matching.normalize import Tokens, tokenize
from workbench.matching.places import PLACES, countries_in
from workbench.matching.token_set import LOOSE_PENALTY
from workbench.matching.transliteration import TRANSLITERATION_PENALTY, translit_key
from workbench.matching.variants import CONTEXT_KINDS, IndexedEntry, Variant
from workbench.matching.vocabulary import (
    CANONICAL,
    EXTENDING_PREFIXES,
    EXTENDING_SUFFIXES,
    LINK_WORDS,
    STOPWORDS,
)

#: Ideographs that may precede a CJK name without making it a longer name (province, city …).
CJK_ADMIN_SUFFIXES = frozenset("省市区县")

ABBREVIATION_PENALTY = 0.02
SCRIPT_FOLD_PENALTY = 0.02
FUZZY_PENALTY = 0.07  # per edit
CONFLICT_PENALTY = 0.4
KEPT_CONFLICT_PENALTY = 0.2
DECLARED_CONFLICT_PENALTY = 0.2
ACRONYM_WITH_CONTEXT = 0.9
ACRONYM_WITHOUT_CONTEXT = 0.5
GENERIC_WITH_COUNTRY = 0.85
GENERIC_WITHOUT_COUNTRY = 0.55


class Candidate(NamedTuple):
    """A listed name variant found at some comparison tokens of an affiliation."""

    variant: int
    first: int  # first comparison token
    last: int  # last comparison token (inclusive)
    edits: int  # corrected typos inside
    loose: tuple[str, ...] = ()  # how a loosely matched name differs (see token_set)


def rejected(tokens: Tokens, c: Candidate, v: Variant, entry: IndexedEntry) -> str | None:
    """Why the candidate is not this entry at all (``None`` when it may be)."""
    content, segs, raw = tokens.content, tokens.segs, tokens.raw
    i, j = content[c.first], content[c.last]
    if not v.commas and segs[i] != segs[j]:
        return "crosses-separator"
    if v.kind == "acronym":
        written = tokens.text[tokens.starts[i] : tokens.ends[j]]
        if not written.isupper():
            return "acronym-not-capitals"
    if v.cjk:
        prev = i - 1
        if (
            v.cjk_generic
            and prev >= 0
            and tokens.cjk[prev]
            and tokens.ends[prev] == tokens.starts[i]
            and raw[prev] not in CJK_ADMIN_SUFFIXES
        ):
            return "longer-name"
        return None
    n = len(raw)
    if j + 2 < n and raw[j + 1] in LINK_WORDS and segs[j + 1] == segs[j] == segs[j + 2]:
        following = raw[j + 2]
        if following not in STOPWORDS and PLACES.get(following) != (entry.country or "-"):
            return "longer-name"
    if j + 1 < n and segs[j + 1] == segs[j] and not tokens.cjk[j + 1]:
        following = CANONICAL.get(raw[j + 1], raw[j + 1])
        if following in EXTENDING_SUFFIXES and following not in v.words:
            return "longer-name"
    prev = i - 1
    if prev >= 0 and segs[prev] == segs[i] and not tokens.cjk[prev]:
        before = raw[prev]
        if before in EXTENDING_PREFIXES and CANONICAL.get(before, before) != v.words[0]:
            return "longer-name"
        back = prev
        while back > 0 and raw[back] in STOPWORDS and segs[back - 1] == segs[i]:
            back -= 1
        if raw[back] in ("under", "affiliated"):  # "Financial University under the Government …"
            return "longer-name"
    if not v.cjk and (spelled := len(transliterated(tokens, c, v))):
        size = c.last - c.first + 1
        if size < 2 or spelled > max(1, size // 3):
            return "transliteration-too-loose"
    if v.weak:  # generic names stand alone in their segment
        if c.first > 0 and segs[content[c.first - 1]] == segs[i]:
            return "longer-name"
        if c.last + 1 < len(content) and segs[content[c.last + 1]] == segs[j]:
            return "longer-name"
    return None


def transliterated(tokens: Tokens, c: Candidate, v: Variant) -> list[tuple[str, str]]:
    """(written, listed) words of the candidate that are other spellings of a listed name word."""
    out: list[tuple[str, str]] = []
    if c.edits:  # corrected typos explain the differences
        return out
    written_words = tokens.words[c.first : c.last + 1]
    if written_words == list(v.words):  # the common case: written as listed
        return out
    for written, listed in zip(written_words, v.words, strict=False):
        if written != listed and (key := translit_key(written)) and key == translit_key(listed):
            out.append((written, listed))
    return out


def score(
    tokens: Tokens,
    c: Candidate,
    v: Variant,
    entry: IndexedEntry,
    countries: set[str],
    context: bool,
    declared: str | None = None,
    postal: Set[str] = frozenset(),
) -> tuple[float, tuple[str, ...]]:
    """Score and reasons of a candidate that passed :func:`rejected`.

    ``countries`` are the countries the whole string names (places and
    ``postal`` codes); ``context`` says whether another name of the same entry
    was found in it; ``declared`` is the ISO code of the country the
    affiliation is declared in, if any.

    Another country named outside the name vetoes an acronym or a generic
    name (``country-veto:``); a distinctive full name written as the list
    writes it is kept a little lower (``full-name-kept``, reported), one
    written otherwise (abbreviated, respelt, corrected) falls under the
    reporting threshold (``name-not-as-listed``).
    """
    content = tokens.content
    reasons = [f"{'fuzzy' if c.edits else 'exact'}-{v.kind}"]
    value = 1.0
    if c.edits:
        value -= FUZZY_PENALTY * c.edits
        reasons.append(f"fuzzy:distance={c.edits}")
    if v.cjk:
        seen = "".join(tokens.text[tokens.starts[content[k]]] for k in range(c.first, c.last + 1))
        if seen != v.written_cjk:
            value -= SCRIPT_FOLD_PENALTY
            reasons.append("script-folded")
    else:
        for k in range(c.first, c.last + 1):
            raw = tokens.raw[content[k]]
            if len(raw) < len(tokens.words[k]) and CANONICAL.get(raw) == tokens.words[k]:
                value -= ABBREVIATION_PENALTY
                reasons.append("abbreviation-expanded")
                break
    for written, listed in transliterated(tokens, c, v):
        value -= TRANSLITERATION_PENALTY
        reasons.append(f"transliteration:{written}~{listed}")
    if v.linked_from:
        reasons.append(f"name-of-linked-entry:{v.linked_from}")
    if v.origin:
        reasons.append(v.origin)
    if v.legal_form_dropped:
        reasons.append("legal-form-ignored")
    agrees = entry.country is not None and entry.country in countries
    if agrees:
        reasons.append(f"country-agrees:{entry.country}")
    elif entry.country is not None and entry.country == declared:
        agrees = True
        reasons.append(f"declared-country-agrees:{declared}")
    elif entry.country is not None and countries and v.needs_context:
        # an acronym or generic words: not this entry's name here
        reasons.append(f"country-veto:{','.join(sorted(countries))}")
        return 0.0, tuple(reasons)
    elif entry.country is not None and countries and (other := _around(tokens, c, postal)):
        codes = ",".join(sorted(other))
        kept = value == 1.0 and written_as_listed(tokens, c, v)
        value -= KEPT_CONFLICT_PENALTY if kept else CONFLICT_PENALTY
        reasons += [f"country-conflict:{codes}", "full-name-kept" if kept else "name-not-as-listed"]
    elif entry.country is not None and declared:
        value -= DECLARED_CONFLICT_PENALTY
        reasons.append(f"declared-country-conflict:{declared}")
    if v.kind in CONTEXT_KINDS:
        if agrees or context:
            value = min(value, ACRONYM_WITH_CONTEXT)
            reasons.append(f"{v.kind}-with-context")
        else:
            value = min(value, ACRONYM_WITHOUT_CONTEXT)
            reasons.append(f"{v.kind}-without-context")
    elif v.generic_alias and not context:  # generic words only: never a name alone
        value = min(value, GENERIC_WITHOUT_COUNTRY)
        reasons.append("generic-alias-alone")
    elif v.weak:
        if v.generic_alias:
            reasons.append("generic-alias-supporting")
        if agrees or context:
            value = min(value, GENERIC_WITH_COUNTRY)
            reasons.append("generic-name")
        else:
            value = min(value, GENERIC_WITHOUT_COUNTRY)
            reasons.append("generic-name-without-country")
    return max(0.0, round(value, 4)), tuple(reasons)


def _around(tokens: Tokens, c: Candidate, postal: Set[str]) -> set[str]:
    """Countries named outside the candidate's words: "Korea" in a name is no address."""
    words = tokens.words
    return countries_in(words[: c.first] + words[c.last + 1 :]) | postal


def written_as_listed(tokens: Tokens, c: Candidate, v: Variant) -> bool:
    """Whether the candidate's words are written as in the list's name, word for word.

    "Northwestern Polytechnic University" is the listed "Northwestern
    Polytechnical University" only through a spelling table; under another
    country that is not enough.
    """
    if v.cjk:
        content = tokens.content
        seen = "".join(tokens.text[tokens.starts[content[k]]] for k in range(c.first, c.last + 1))
        return seen == v.written_cjk
    written = " ".join(tokens.raw[tokens.content[k]] for k in range(c.first, c.last + 1))
    return f" {written} " in _listed_words(v.alias)


@lru_cache(maxsize=4096)
def _listed_words(alias: str) -> str:
    listed = tokenize(alias)
    return f" {' '.join(listed.raw[k] for k in listed.content)} "


def score_loose(
    c: Candidate,
    v: Variant,
    entry: IndexedEntry,
    countries: set[str],
    declared: str | None = None,
) -> tuple[float, tuple[str, ...]]:
    """Score and reasons of a name matched loosely (:mod:`~workbench.matching.token_set`).

    A loose match rests on part of what the list writes, so another country
    named in the string, or declared, vetoes it (score 0, ``country-veto:``).
    """
    reasons = [f"loose-{v.kind}", *c.loose]
    value = 1.0 - LOOSE_PENALTY - TRANSLITERATION_PENALTY * c.edits
    if c.edits:
        reasons.append(f"spelt-otherwise:{c.edits}")
    if v.linked_from:
        reasons.append(f"name-of-linked-entry:{v.linked_from}")
    if v.origin:
        reasons.append(v.origin)
    if entry.country is not None:
        if entry.country in countries:
            reasons.append(f"country-agrees:{entry.country}")
        elif entry.country == declared:
            reasons.append(f"declared-country-agrees:{declared}")
        elif countries or declared:
            value = 0.0
            reasons.append(f"country-veto:{','.join(sorted(countries or {declared or ''}))}")
    return max(0.0, round(value, 4)), tuple(reasons)
