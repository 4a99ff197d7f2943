"""The name index: every listed name, alias and local name as a token sequence.

Each comparison token gets one code point, so a name becomes a short string
and an affiliation becomes a string of the same alphabet: one Aho-Corasick
pass (pyahocorasick) finds every listed name in it, and token boundaries come
for free (a code point is a whole token; CJK names are sequences of
characters). Written names are turned into several *variants*: as written,
without parenthesised parts, the parenthesised acronym or local name alone,
hyphens joined (Yat-sen / Yatsen), and without a trailing or leading legal
form (rigour's table).

Typos are found by correcting single tokens, not by scanning names: a
deletion index (symmetric delete, one character) over the list vocabulary
proposes the few listed words one edit away from an unknown token, rapidfuzz
checks the distance.

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
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick
from rapidfuzz.distance import OSA

from workbench.matching.normalize import CJK_CLASS, comparison_words, has_separator
from workbench.matching.places import PLACES, country_code
from workbench.matching.vocabulary import CANONICAL, GENERIC, STOPWORDS, legal_forms
from workbench.model import ListEntry, ScreeningList

UNKNOWN = " ~~~"  # "~" is not a digit: no key contains it
CODE_WIDTH = 4
_DIGITS = [chr(0x21 + i) for i in range(90)]
_CJK = re.compile(f"[{CJK_CLASS}]")
_CJK_RUN = re.compile(f"[{CJK_CLASS}][{CJK_CLASS}\\s\\d]*[{CJK_CLASS}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_GROUP = re.compile(r"[(（]([^()（）]*)[)）]")
_HYPHENATED = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)?|no")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-.]{1,9}")
_ORG_WORDS = frozenset(
    {
        *("university", "institute", "academy", "college", "company", "corporation"),
        *("center", "laboratory", "group", "factory", "plant", "bureau", "agency"),
        "organization",
    }
)
#: Entity types that are not organisations: their names are not looked for in affiliations.
SKIPPED_TYPES = frozenset({"individual", "person", "vessel", "aircraft"})
#: Fewest CJK characters a CJK name needs to be looked for.
MIN_CJK_CHARS = 4


@dataclass(frozen=True, slots=True)
class IndexedEntry:
    list_name: str
    entry_id: str
    name: str
    country: str | None  # ISO 3166 alpha-2 when known


@dataclass(frozen=True, slots=True)
class Variant:
    """One searchable form of one written name of one entry."""

    entry: int  # position in NameIndex.entries
    alias: str  # the name as the list writes it
    words: tuple[str, ...]
    kind: str  # name / alias / local-name / acronym
    commas: bool = False  # the written form has separators inside
    weak: bool = False  # generic words only, or a single word: needs the country too
    cjk: bool = False
    cjk_generic: bool = False  # a CJK name not starting with a place name
    legal_form_dropped: bool = False
    written_cjk: str = ""  # the written CJK characters, to tell script folding
    linked_from: str = ""  # "list:entry" whose local name this is (same organisation)


def _code(token_id: int) -> str:
    """Four characters per token: a space and three base-90 digits.

    A small alphabet keeps the automaton's nodes narrow (a code point per
    token would give the root one child per listed first word); the space
    keeps every match aligned on token boundaries.
    """
    return " " + _DIGITS[token_id // 8100] + _DIGITS[token_id // 90 % 90] + _DIGITS[token_id % 90]


@cache
def _legal_sequences() -> frozenset[tuple[str, ...]]:
    found = set()
    for form in legal_forms():
        words = tuple(comparison_words(form))
        if words and not (len(words) == 1 and len(words[0]) < 2):
            found.add(words)
    return frozenset(found)


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


def _is_cjk_word(word: str) -> bool:
    return len(word) == 1 and _CJK.match(word) is not None


def _strip_legal_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    sequences = _legal_sequences()
    changed = True
    while changed and len(words) > 2:
        changed = False
        for size in (6, 5, 4, 3, 2, 1):
            if len(words) - size < 2:
                continue
            if words[-size:] in sequences:
                words, changed = words[:-size], True
                break
            if words[:size] in sequences:
                words, changed = words[size:], True
                break
    return words


def _cjk_place_prefix(words: tuple[str, ...]) -> bool:
    text = "".join(words[:4])
    return any(text.startswith(p) for p in _cjk_places())


@cache
def _cjk_places() -> tuple[str, ...]:
    return tuple(k for k in PLACES if not k.isascii())


def _written_forms(written: str, kind: str) -> list[tuple[str, str]]:
    """The texts to index for one written name, each with its kind."""
    forms = [(written, kind)]
    groups = _GROUP.findall(written)
    if groups:
        forms.append((_GROUP.sub(" ", written), kind))
        for inner in groups:
            inner = inner.strip()
            words = tuple(comparison_words(inner))
            if _CJK.search(inner) and not _LATIN.search(inner):
                forms.append((inner, "local-name"))
            elif (
                " ".join(words) in PLACES
                or words in _legal_sequences()
                or all(w in GENERIC for w in words)
            ):
                continue
            elif _ACRONYM.fullmatch(inner):
                forms.append((inner, "acronym"))
            elif len(words) >= 2 and _ORG_WORDS.intersection(words):
                forms.append((inner, "alias"))
            elif len(words) >= 2 and len(groups) == 1:  # "Khajeh … (K. N. Toosi) University"
                after = written[written.index(inner) + len(inner) :].lstrip(")） ")
                if len(comparison_words(after)) >= 1:
                    forms.append((f"{inner} {after}", kind))
    if _CJK.search(written) and _LATIN.search(written):
        for run in _CJK_RUN.findall(written):
            forms.append((run, "local-name"))
        latin = _CJK_RUN.sub(" ", _GROUP.sub(" ", written))
        if latin.strip() != written.strip():
            forms.append((latin, kind))
    if kind != "local-name" and "," in written:  # "Shanghai Institute of …, Chinese Academy of …"
        head = written.split(",")[0]
        if len(comparison_words(head)) >= 2:
            forms.append((head, kind))
    if kind != "local-name" and _ACRONYM.fullmatch(written.strip()):
        forms[0] = (written, "acronym")
    for text, k in list(forms):
        if _HYPHENATED.search(text):
            forms.append((_HYPHENATED.sub("", text), k))
    return forms


def _variants_of(entry_pos: int, written: str, kind: str) -> list[Variant]:
    out: list[Variant] = []
    for text, k in _written_forms(written, kind):
        words = tuple(comparison_words(text))
        if not words:
            continue
        cjk_count = sum(_is_cjk_word(w) for w in words)
        is_cjk = cjk_count == len(words)
        commas = has_separator(text.strip())
        if is_cjk:
            if cjk_count < MIN_CJK_CHARS:
                continue
            written_cjk = "".join(_CJK.findall(text))
            generic = not _cjk_place_prefix(words)
            base = Variant(entry_pos, written, words, "local-name", commas, False, True, generic)
            out.append(_with(base, written_cjk=written_cjk))
            stripped = _strip_legal_forms(words)
            if stripped != words and len(stripped) >= MIN_CJK_CHARS:
                out.append(_with(base, words=stripped, legal_form_dropped=True))
            continue
        if cjk_count:
            continue  # mixed scripts: indexed through its parts
        if all(len(w) <= 2 for w in words):
            continue  # initials only ("T.E.G.", "W & M")
        if k == "acronym" or (len(words) == 1 and text.strip().isupper()):
            if len(words) == 1 and len(words[0]) >= 3 and not words[0].isdigit():
                out.append(Variant(entry_pos, written, words, "acronym", commas))
            elif len(words) > 1:
                out.append(Variant(entry_pos, written, words, k, commas, _weak(words)))
            continue
        if len(words) == 1 and len(words[0]) < 5:
            continue
        base = Variant(entry_pos, written, words, k, commas, _weak(words))
        out.append(base)
        stripped = _strip_legal_forms(words)
        if stripped != words and not _weak(stripped) and any(len(w) > 2 for w in stripped):
            # the separator of "Co., Ltd." went with the legal form
            out.append(_with(base, words=stripped, legal_form_dropped=True, commas=False))
    return out


def _with(v: Variant, **changes: object) -> Variant:
    from dataclasses import replace

    return replace(v, **changes)  # type: ignore[arg-type]


def _weak(words: tuple[str, ...]) -> bool:
    """Generic words only (three at most), or one word: not enough to name one organisation."""
    if len(words) == 1:
        return True
    generic = all(w in GENERIC or _ORDINAL.fullmatch(w) for w in words)
    return generic and len(words) <= 3


class NameIndex:
    """Listed names as token-code strings in one Aho-Corasick automaton."""

    def __init__(
        self,
        entries: list[IndexedEntry],
        variants: list[Variant],
    ) -> None:
        self.entries = entries
        self.variants = variants
        vocab: dict[str, str] = {}
        by_key: dict[str, list[int]] = {}
        for pos, v in enumerate(variants):
            key = "".join(vocab.setdefault(w, _code(len(vocab) + 1)) for w in v.words)
            by_key.setdefault(key, []).append(pos)
        self.codes = vocab
        # folded token -> code: comparison tokens, their abbreviations, stop words (no code)
        lookup = dict(vocab)
        for variant, canon in CANONICAL.items():
            if canon in vocab and variant not in lookup:
                lookup[variant] = vocab[canon]
        for word in STOPWORDS:
            lookup[word] = ""
        self.lookup = lookup
        # folded token -> code, unknown words -> code of the listed word they misspell
        self._fuzzy_lookup: dict[str, str] = dict(lookup)
        automaton = ahocorasick.Automaton()
        for key, positions in by_key.items():
            automaton.add_word(key, tuple(positions))
        if by_key:
            automaton.make_automaton()
        self.automaton = automaton
        self.empty = not by_key  # an automaton without keys cannot search
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
        self.deletions = {k: tuple(v) for k, v in deletions.items()}
        self.known = known_words()
        self._corrections: dict[str, tuple[str, int] | None] = {}

    @classmethod
    def build(cls, lists: Sequence[ScreeningList]) -> NameIndex:
        # Hundreds of thousands of small containers and no cycles: the cyclic
        # collector would only rescan them over and over while they are made.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._build(lists)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _build(cls, lists: Sequence[ScreeningList]) -> NameIndex:
        entries: list[IndexedEntry] = []
        variants: list[Variant] = []
        for screening_list in lists:
            for entry in screening_list.entries:
                if (entry.entity_type or "").lower() in SKIPPED_TYPES:
                    continue
                pos = len(entries)
                entries.append(_indexed(screening_list, entry))
                seen: set[tuple[str, ...]] = set()
                for written, kind in _names_of(entry):
                    for v in _variants_of(pos, written, kind):
                        if v.words not in seen:
                            seen.add(v.words)
                            variants.append(v)
        return cls(entries, _linked(entries, variants))

    def encode(self, raw: Sequence[str]) -> str:
        """Codes of folded tokens as they are; stop words get none.

        Position ``k`` (times :data:`CODE_WIDTH`) is the ``k``-th comparison token.
        """
        get = self.lookup.get
        return "".join([get(w, UNKNOWN) for w in raw])

    def encode_corrected(self, raw: Sequence[str]) -> str:
        """Like :meth:`encode`, with unknown words replaced by the listed word they misspell."""
        get = self._fuzzy_lookup.get
        learn = self._learn
        return "".join([c if (c := get(w)) is not None else learn(w) for w in raw])

    def _learn(self, word: str) -> str:
        found = self.correct(CANONICAL.get(word, word))
        code = UNKNOWN if found is None else self.codes[found[0]]
        if len(self._fuzzy_lookup) > len(self.lookup) + 500_000:
            self._fuzzy_lookup = dict(self.lookup)
        self._fuzzy_lookup[word] = code
        return code

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


def _linked(entries: list[IndexedEntry], variants: list[Variant]) -> list[Variant]:
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
                            _with(v, entry=target, linked_from=f"{b.list_name}:{b.entry_id}")
                        )
    return variants + added


def _indexed(screening_list: ScreeningList, entry: ListEntry) -> IndexedEntry:
    return IndexedEntry(
        screening_list.name,
        entry.entry_id,
        entry.name or next(iter(entry.all_names), ""),
        country_code(entry.country),
    )


def _names_of(entry: ListEntry) -> list[tuple[str, str]]:
    names = [(entry.name, "name")] if entry.name else []
    names += [(a, "alias") for a in entry.aliases if a]
    names += [(n, "local-name") for n in entry.local_names if n]
    return names
