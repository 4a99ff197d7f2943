"""Searchable forms of the names a list writes: as written, without parenthesised parts, …

One written name gives several *variants*: as written, without parenthesised
parts, the parenthesised acronym or local name alone, hyphens joined (Yat-sen /
Yatsen), and without a trailing or leading legal form (rigour's table). Each
variant is a tuple of comparison tokens with what the decision needs to know
about it (kind, generic or not, CJK, where it came from).

Examples
--------
>>> found = variants_of(0, "Harbin Institute of Technology (HIT)", "name")
>>> sorted({" ".join(v.words) for v in found})
['harbin institute technology', 'harbin institute technology hit', 'hit']
>>> is_weak(("national", "defense", "academy")), is_weak(("harbin", "institute", "technology"))
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from workbench.matching.list_names import cleaned
from workbench.matching.normalize import CJK_CLASS, comparison_words, has_separator
from workbench.matching.places import PLACES, country_code
from workbench.matching.vocabulary import GENERIC, legal_forms
from workbench.model import ListEntry, ScreeningList

_CJK = re.compile(f"[{CJK_CLASS}]")
_CJK_RUN = re.compile(f"[{CJK_CLASS}][{CJK_CLASS}\\s\\d]*[{CJK_CLASS}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_GROUP = re.compile(r"[(（]([^()（）]*)[)）]")
_HYPHENATED = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)?|no")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-.]{1,9}")
#: Reason code of a name indexed without its group's leading acronym (derived_names).
PREFIX_OMITTED = "group-acronym-omitted:"
_PARENT_PREFIX = re.compile(r"\s*([A-Z]{2,6})\s+[A-Z][a-z]")
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


#: Kinds of name that count only with the entry's country or another of its names.
CONTEXT_KINDS = ("acronym", "short-name", "sub-unit")


@dataclass(frozen=True, slots=True)
class Variant:
    """One searchable form of one written name of one entry."""

    entry: int  # position in NameIndex.entries
    alias: str  # the name as the list writes it
    words: tuple[str, ...]
    kind: str  # name / alias / local-name / acronym / short-name / sub-unit
    commas: bool = False  # the written form has separators inside
    weak: bool = False  # generic words only, or a single word: needs the country too
    cjk: bool = False
    cjk_generic: bool = False  # a CJK name not starting with a place name
    legal_form_dropped: bool = False
    written_cjk: str = ""  # the written CJK characters, to tell script folding
    linked_from: str = ""  # "list:entry" whose local name this is (same organisation)
    origin: str = ""  # reason code of a name from outside the list ("ror-label:<ROR id>")
    generic_alias: bool = False  # an alias of generic words: counts only beside another name

    @property
    def alias_kind(self) -> str:
        """What kind of name this is, as a match explains it (see alias_kinds)."""
        if self.kind in CONTEXT_KINDS:
            return self.kind
        return "generic" if self.weak or self.generic_alias else "distinctive"

    @property
    def needs_context(self) -> bool:
        """Acronyms, short names, sub-units' and generic names count only with context.

        Context: the entry's country, or another name of the entry, in the string.
        """
        return self.weak or self.generic_alias or self.kind in CONTEXT_KINDS


@cache
def _legal_sequences() -> frozenset[tuple[str, ...]]:
    found = set()
    for form in legal_forms():
        words = tuple(comparison_words(form))
        if words and not (len(words) == 1 and len(words[0]) < 2):
            found.add(words)
    return frozenset(found)


def legal_sequences() -> frozenset[tuple[str, ...]]:
    """Legal forms ("Co., Ltd.", "Federal State Unitary Enterprise") as comparison words."""
    return _legal_sequences()


def own_name_words(name: str) -> tuple[str, ...]:
    """The comparison words of an entry's own name: no parent, no parenthesised parts."""
    return tuple(comparison_words(_GROUP.sub(" ", cleaned(parent_of(name)[0])[0])))


def is_cjk_word(word: str) -> bool:
    return len(word) == 1 and _CJK.match(word) is not None


def strip_legal_forms(words: tuple[str, ...]) -> tuple[str, ...]:
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


def written_forms(written: str, kind: str) -> list[tuple[str, str]]:
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


def variants_of(entry_pos: int, written: str, kind: str) -> list[Variant]:
    out: list[Variant] = []
    for text, k in written_forms(written, kind):
        words = tuple(comparison_words(text))
        if not words:
            continue
        cjk_count = sum(is_cjk_word(w) for w in words)
        is_cjk = cjk_count == len(words)
        commas = has_separator(text.strip())
        if is_cjk:
            if cjk_count < MIN_CJK_CHARS:
                continue
            written_cjk = "".join(_CJK.findall(text))
            generic = not _cjk_place_prefix(words)
            base = Variant(entry_pos, written, words, "local-name", commas, False, True, generic)
            out.append(replaced(base, written_cjk=written_cjk))
            stripped = strip_legal_forms(words)
            if stripped != words and len(stripped) >= MIN_CJK_CHARS:
                out.append(replaced(base, words=stripped, legal_form_dropped=True))
            continue
        if cjk_count:
            continue  # mixed scripts: indexed through its parts
        if all(len(w) <= 2 for w in words):
            continue  # initials only ("T.E.G.", "W & M")
        if k == "acronym" or (len(words) == 1 and text.strip().isupper()):
            if len(words) == 1 and len(words[0]) >= 3 and not words[0].isdigit():
                out.append(Variant(entry_pos, written, words, "acronym", commas))
            elif len(words) > 1:
                out.append(Variant(entry_pos, written, words, k, commas, is_weak(words)))
            continue
        if len(words) == 1 and len(words[0]) < 5:
            continue
        base = Variant(entry_pos, written, words, k, commas, is_weak(words))
        out.append(base)
        prefix = _PARENT_PREFIX.match(text)
        rest = words[1:]
        if (
            prefix
            and k in ("name", "alias")
            and words[0] == prefix.group(1).lower()
            and len(rest) >= 3
            and _ORG_WORDS.intersection(rest)
            and not is_weak(rest)
        ):  # "AECC Beijing Institute of Aeronautical Materials": the group's acronym first
            out.append(replaced(base, words=rest, origin=f"{PREFIX_OMITTED}{words[0]}"))
        if k in ("name", "alias") and is_short_name_of(words):
            out.append(Variant(entry_pos, written, words[:1], "short-name"))
        stripped = strip_legal_forms(words)
        if stripped != words and not is_weak(stripped) and any(len(w) > 2 for w in stripped):
            # the separator of "Co., Ltd." went with the legal form
            out.append(replaced(base, words=stripped, legal_form_dropped=True, commas=False))
    return out


def is_short_name_of(words: tuple[str, ...]) -> bool:
    """Whether the first word of a name is used alone for it: "Beihang" for Beihang University.

    Only two-word university names whose first word is coined (not a place,
    not a generic word) give a short name; it counts only with the entry's
    country, like an acronym.

    Examples
    --------
    >>> is_short_name_of(("beihang", "university")), is_short_name_of(("sichuan", "university"))
    (True, False)
    """
    if len(words) != 2 or words[1] != "university":
        return False
    first = words[0]
    return len(first) >= 5 and first.isalpha() and first not in GENERIC and first not in PLACES


def replaced(v: Variant, **changes: object) -> Variant:
    """``v`` with some fields changed."""
    return replace(v, **changes)  # type: ignore[arg-type]


def is_weak(words: tuple[str, ...]) -> bool:
    """Generic words only (three at most), or one word: not enough to name one organisation."""
    if len(words) == 1:
        return True
    generic = all(w in GENERIC or _ORDINAL.fullmatch(w) for w in words)
    return generic and len(words) <= 3


def indexed_entry(screening_list: ScreeningList, entry: ListEntry) -> IndexedEntry:
    return IndexedEntry(
        screening_list.name,
        entry.entry_id,
        entry.name or next(iter(entry.all_names), ""),
        country_code(entry.country),
    )


_SUBORDINATE = re.compile(
    r"^(?P<parent>.+?)(?:\s+entity\s*:|,?\s+and\s+subordinate\s+entity\b:?)\s*(?P<own>\S.*)$",
    re.IGNORECASE,
)
_SEGMENT = re.compile(r"[,;:()（）]")


def parent_of(name: str) -> tuple[str, str]:
    """(own name, parent named before it) of "Department of Atomic Energy entity: X".

    Examples
    --------
    >>> parent_of("Department of Atomic Energy entity: Bhabha Atomic Research Center (BARC)")
    ('Bhabha Atomic Research Center (BARC)', 'Department of Atomic Energy')
    >>> parent_of("Atomic Energy Commission (AEC), and subordinate entity Nuclear reactors")
    ('Nuclear reactors', 'Atomic Energy Commission (AEC)')
    >>> parent_of("Harbin Institute of Technology")
    ('Harbin Institute of Technology', '')
    """
    found = _SUBORDINATE.match(name)
    if found is None:
        return name, ""
    return found.group("own").strip(), found.group("parent").strip()


def parent_acronyms(name: str, parent: str) -> frozenset[str]:
    """Initials of the parent and of every part of ``name`` after its first: not its acronyms.

    "DAE" in "Bhabha Atomic Research Centre , Department of Atomic Energy" is
    the department's, not the centre's.

    Examples
    --------
    >>> sorted(parent_acronyms("Bhabha Atomic Research Centre , Department of Atomic Energy", ""))
    ['dae']
    """
    parts = [p for p in _SEGMENT.split(name)[1:] if p.strip()] + ([parent] if parent else [])
    out = set()
    for part in parts:
        words = comparison_words(part)
        if len(words) >= 2:
            out.add("".join(w[0] for w in words))
        for inner in _ACRONYM.findall(part):
            if inner in parent:
                out.add(inner.lower())
    return frozenset(out)


def names_of(entry: ListEntry) -> list[tuple[str, str]]:
    """The names to index, with their kind; a parent's name and acronym are left out."""
    names, _ = names_and_set_aside(entry)
    return names


def names_and_set_aside(entry: ListEntry) -> tuple[list[tuple[str, str]], list[str]]:
    """The names to index and why the others are set aside (``parent-name``, ``parent-acronym``)."""
    aside: list[str] = []
    own, parent = parent_of(entry.name) if entry.name else ("", "")
    if parent:
        aside.append("parent-name")
    own, others, noted = cleaned(own)
    aside += noted
    names = [(own, "name")] if own else []
    names += [(other, "alias") for other in others]
    not_own = parent_acronyms(own, parent) if own else frozenset()
    for alias in entry.aliases:
        if not alias:
            continue
        if _ACRONYM.fullmatch(alias.strip()) and alias.strip().lower() in not_own:
            aside.append("parent-acronym")
            continue
        names.append((alias, "alias"))
    names += [(n, "local-name") for n in entry.local_names if n]
    return names, aside
