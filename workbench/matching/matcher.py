"""The matcher: listed organisations in affiliation strings, fast and with reasons.

Examples
--------
>>> from workbench.model import ListEntry, ScreeningList
>>> hit = ListEntry("L", "jp-eul-541", "Harbin Institute of Technology (HIT) (哈爾浜工業大学)",
...                 country="China")
>>> matcher = Matcher.from_lists([ScreeningList("L", "p", None, "", (hit,))])
>>> [(m.entry_id, m.span, m.reasons) for m in matcher.match("Harbin Inst Technol, Harbin, China")]
[('jp-eul-541', (0, 19), ('exact-name', 'abbreviation-expanded', 'country-agrees:CN'))]
>>> [m.reasons for m in matcher.match("哈尔滨工业大学计算学部")]
[('exact-local-name', 'script-folded', 'country-agrees:CN')]
>>> matcher.match("HIT Lab, Holon Institute of Technology, Israel")
()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from workbench.matching.broken_words import (
    code_positions,
    glued_splits,
    joined,
    joined_raw,
    joins,
    may_join,
    rejoined_score,
)
from workbench.matching.decide import (
    Candidate,
    rejected,
    score,
    score_loose,
)
from workbench.matching.disguise import Revealed, may_be_disguised, reveal
from workbench.matching.index import (
    CODE_WIDTH,
    FRAGMENT_CODE,
    GLUED_CODE,
    UNKNOWN,
    IndexedEntry,
    NameIndex,
)
from workbench.matching.memory import MatchMemory, remembered
from workbench.matching.normalize import (
    Folding,
    Splits,
    Tokens,
    fold,
    join_words,
    raw_words,
    tokenize,
)
from workbench.matching.parents import drop_contained, with_parent_notes
from workbench.matching.places import (
    countries_in,
    declared_country,
    postcode_countries,
)
from workbench.matching.result import Match
from workbench.matching.ror import RorNames
from workbench.matching.token_set import loose_match, parts_of, split_hits
from workbench.model import ScreeningList

#: Matches scoring below this are not reported.
DEFAULT_THRESHOLD = 0.75


class Found(NamedTuple):
    """What the fast path found in one string."""

    candidates: list[Candidate]
    encoded: str  # token codes as written
    corrected: str | None  # token codes with typos corrected, when they differ
    splits: Splits | None  # glued words split
    anchored: list[tuple[int, int]]  # (token set, comparison token) where a name's rarest word is
    joins: frozenset[int] = frozenset()  # broken words joined: tokens joined with the next
    folding: Folding | None = None  # the text folded (normalize.fold), to tokenize it


_NOTHING = Found([], "", None, None, [])
_NO_JOINS: frozenset[int] = frozenset()


def _order(result: tuple[Match, str | None]) -> tuple[bool, int, float, str]:
    """Reported first, then by where in the string, best score first."""
    m, why = result
    return why is not None, m.span[0], -m.score, m.entry_id


class Matcher:
    """Finds the entries of screening lists named in affiliation strings."""

    def __init__(
        self,
        index: NameIndex,
        memory: MatchMemory | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        fuzzy: bool = True,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold {threshold} is outside [0, 1]")
        self.index = index
        self.memory = memory or MatchMemory()
        self._remembers = bool(self.memory)  # the memory is immutable: asked once
        self.threshold = threshold
        self.fuzzy = fuzzy
        self._by_id = {(e.list_name, e.entry_id): e for e in index.entries}
        self._confirmed: dict[str, list[tuple[str, str]]] = {}
        for text, list_name, entry_id in self.memory.confirmed:
            self._confirmed.setdefault(text, []).append((list_name, entry_id))

    @classmethod
    def from_lists(
        cls,
        lists: Sequence[ScreeningList],
        memory: MatchMemory | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        fuzzy: bool = True,
        ror: RorNames | None = None,
    ) -> Matcher:
        """A matcher over ``lists``; ``ror``: ROR names to add (see :meth:`NameIndex.build`)."""
        return cls(NameIndex.build(lists, ror), memory, threshold, fuzzy=fuzzy)

    def with_memory(self, memory: MatchMemory) -> Matcher:
        """The same index with other reviewer verdicts (the index is shared, not rebuilt)."""
        return Matcher(self.index, memory, self.threshold, fuzzy=self.fuzzy)

    def match(self, text: str, country: str | None = None) -> tuple[Match, ...]:
        """Every listed entry named in ``text``, best score first within equal spans.

        ``country`` is the country the affiliation is declared in (an ISO code
        such as ``"JP"``, or an English name), when the caller knows it: it counts
        as context like a country named in the string ("RIKEN" declared in Japan
        is the RIKEN of a list that says Japan).
        """
        if may_be_disguised(text) and (revealed := reveal(text)).disguised:
            judged = self._judge_revealed(revealed, False, declared_country(country))
            return tuple(m for m, why in judged if why is None)
        found = self._candidates(text)
        if not found.candidates and not found.anchored and not self._remembers:
            return ()  # the common case: nothing listed in the string
        declared = None if country is None else declared_country(country)
        return tuple([m for m, _ in self._judge(text, found=found, declared=declared)])  # reported

    def match_many(self, texts: Iterable[str]) -> list[tuple[Match, ...]]:
        return [self.match(t) for t in texts]

    def explain(self, text: str, country: str | None = None) -> list[tuple[Match, str | None]]:
        """Every candidate considered, with why it was not reported (``None``: reported)."""
        revealed = reveal(text)
        if revealed.disguised:
            return self._judge_revealed(revealed, True, declared_country(country))
        return self._judge(text, keep_all=True, declared=declared_country(country))

    def _judge_revealed(
        self, revealed: Revealed, keep_all: bool, declared: str | None
    ) -> list[tuple[Match, str | None]]:
        """Judge the revealed text; spans back in the original, each match flagged."""
        why_disguised = tuple(
            reason
            for reason, present in (
                ("hidden-characters", revealed.hidden),
                ("look-alike-characters", revealed.lookalike),
            )
            if present
        )
        out = []
        for m, why in self._judge(revealed.text, keep_all=keep_all, declared=declared):
            span = revealed.original_span(*m.span)
            reasons = (*m.reasons, *why_disguised)
            out.append((replace(m, span=span, reasons=reasons, disguised=True), why))
        return out

    # -- internals -------------------------------------------------------------------------

    def _joins(self, text: str, splits: Splits | None, folding: Folding) -> frozenset[int]:
        """Broken words to join (see broken_words): tokens joined with the next one."""
        index = self.index
        tokens = tokenize(text, splits, folding)
        return joins(tokens, index.spellings.__contains__, index.is_fragment)

    def _candidates(self, text: str) -> Found:
        """Candidates from the fast path (no offsets yet), with both code strings.

        Glued words are looked for only when the string has an unknown word
        that may be listed words glued together (learnt once per word).
        """
        index = self.index
        if index.empty:
            return _NOTHING
        folding = fold(text)
        raw = raw_words(text, None, folding)
        splits: Splits | None = None
        joins = _NO_JOINS
        corrected: str | None
        if self.fuzzy:
            codes = index.corrected_codes(raw)
            corrected = "".join(codes)
            if GLUED_CODE in corrected:
                if splits := glued_splits(text, self.index.lookup, self.index.known):
                    raw = raw_words(text, splits, folding)
                    codes = index.corrected_codes(raw)
                    corrected = "".join(codes)
                corrected = corrected.replace(GLUED_CODE, UNKNOWN)
            hyphenated = "-" in text and ("- " in text or "-\n" in text)
            if hyphenated or FRAGMENT_CODE in corrected:
                at = code_positions(codes, FRAGMENT_CODE)
                if hyphenated or may_join(raw, at, index.spellings):
                    joins = self._joins(text, splits, folding)
                    if joins:
                        raw = joined_raw(raw, joins)
                if joins:
                    corrected = index.encode_fallback(raw)
                elif at:
                    corrected = index.encode_fallback(raw, at, codes)
            hits = list(index.automaton.iter(corrected))
            if not hits:  # the common case: nothing listed in the string
                return _NOTHING if splits is None else Found([], "", None, splits, [])
            hits, anchored = split_hits(hits, index.token_sets, corrected)
            if not hits and not anchored:
                return _NOTHING if splits is None else Found([], "", None, splits, [])
            encoded = index.encode(raw)
            if encoded == corrected:
                corrected = None
        else:
            corrected = None
            if splits := glued_splits(text, self.index.lookup, self.index.known):
                raw = raw_words(text, splits, folding)
            encoded = index.encode(raw)
            hits, anchored = split_hits(
                list(index.automaton.iter(encoded)), index.token_sets, encoded
            )
        out: list[Candidate] = []
        lengths = index.key_lengths
        needs_context = index.needs_context
        w = CODE_WIDTH
        for end, positions in hits:
            last = end // w
            first = last - lengths[positions[0]] + 1
            corrected_at = 0
            if corrected is not None and encoded[first * w : end] != corrected[first * w : end]:
                corrected_at = sum(
                    1
                    for k in range(first, last + 1)
                    if encoded[k * w : k * w + w] != corrected[k * w : k * w + w]
                )
                size = last - first + 1
                if size < 2 or corrected_at > max(1, size // 3):
                    continue
            for pos in positions:
                if corrected_at and needs_context[pos]:
                    continue
                out.append(Candidate(pos, first, last, corrected_at))
        return Found(out, encoded, corrected, splits, anchored, joins, folding)

    def _loose(self, tokens: Tokens, found: Found) -> list[Candidate]:
        """Names written in another order, with words inserted or left out (see token_set)."""
        out = []
        codes = found.corrected if found.corrected is not None else found.encoded
        sets = self.index.token_sets
        parts = parts_of(tokens)
        for n, at in found.anchored:
            got = loose_match(sets[n], at, tokens, codes, parts)
            if got is not None:
                first, last, how, spelt = got
                out.append(Candidate(sets[n].variant, first, last, spelt, how))
        return out

    def _judge(
        self,
        text: str,
        keep_all: bool = False,
        found: Found | None = None,
        declared: str | None = None,
    ) -> list[tuple[Match, str | None]]:
        found = found or self._candidates(text)
        candidates, encoded, corrected, splits, anchored, at, folding = found
        if not candidates and not anchored and not self._remembers:
            return []
        tokens = tokenize(text, splits, folding)
        rejoined = _NO_JOINS
        if at:
            tokens, rejoined = joined(tokens, at)
        if not tokens.words:
            return []
        index = self.index
        if corrected is not None:  # count edits, not corrected tokens
            candidates = [self._with_edits(c, tokens, encoded, corrected) for c in candidates]
        results: list[tuple[Match, str | None]] = []
        kept: list[Candidate] = []
        for c in candidates:
            v = index.variants[c.variant]
            why = rejected(tokens, c, v, index.entries[v.entry])
            if why is None:
                kept.append(c)
            elif keep_all:
                results.append((self._as_match(tokens, c, 0.0, (why,)), why))
        if anchored:
            kept += self._loose(tokens, found)
        kept, inside = drop_contained(kept, index.variants)
        if keep_all:
            results += [
                (self._as_match(tokens, c, 0.0, ("inside-longer-name",)), "inside") for c in inside
            ]
        if kept:
            countries = countries_in(tokens.words)
            postal: set[str] | None = None  # read only when a country may disagree
            variants, needs_context = index.variants, index.needs_context
            strong = {variants[c.variant].entry for c in kept if not needs_context[c.variant]}
            best: dict[int, Match] = {}
            for c in kept:
                v = variants[c.variant]
                entry = index.entries[v.entry]
                context = needs_context[c.variant] and v.entry in strong
                if postal is None and entry.country and (c.loose or entry.country not in countries):
                    postal = postcode_countries(tokens.text)
                    countries = countries | postal
                if c.loose:  # countries named outside the name ("Nanjing" may be in it)
                    around = countries_in(tokens.words[: c.first] + tokens.words[c.last + 1 :])
                    around |= postal or set()
                    value, reasons = score_loose(c, v, entry, around, declared)
                else:
                    value, reasons = score(
                        tokens, c, v, entry, countries, context, declared, postal or set()
                    )
                if rejoined:
                    value, reasons = rejoined_score(tokens, c, rejoined, value, reasons)
                m = self._as_match(tokens, c, value, reasons)
                old = best.get(v.entry)
                if old is None or (value, m.span[1] - m.span[0]) > (
                    old.score,
                    old.span[1] - old.span[0],
                ):
                    if old is not None and keep_all:
                        results.append((old, "not-best-of-entry"))
                    best[v.entry] = m
                elif keep_all:
                    results.append((m, "not-best-of-entry"))
            if not index.with_parents.isdisjoint(best):
                named = {index.variants[c.variant].entry for c in (*kept, *inside)}
                best = with_parent_notes(
                    best, named, index.entries, index.parents, index.group_units
                )
            for m in best.values():
                results.append((m, None if m.score >= self.threshold else "below-threshold"))
        if self._remembers:
            results = remembered(
                self.memory, self._confirmed, self._by_id, join_words(tokens.words), text, results
            )
        if not keep_all:
            results = [(m, why) for m, why in results if why is None]
        if len(results) > 1:
            results.sort(key=_order)
        return results

    def _with_edits(self, c: Candidate, tokens: Tokens, encoded: str, corrected: str) -> Candidate:
        if not c.edits:
            return c
        edits = 0
        for k in range(c.first, c.last + 1):
            if (
                encoded[k * CODE_WIDTH : (k + 1) * CODE_WIDTH]
                != corrected[k * CODE_WIDTH : (k + 1) * CODE_WIDTH]
            ):
                if self.index.respelt(tokens.words[k]):
                    continue  # another spelling of a name word (see decide.transliterated)
                found = self.index.correct(tokens.words[k])
                edits += found[1] if found else 1
        return Candidate(c.variant, c.first, c.last, edits)

    def _as_match(
        self, tokens: Tokens, c: Candidate, value: float, reasons: tuple[str, ...]
    ) -> Match:
        index = self.index
        v = index.variants[c.variant]
        entry: IndexedEntry = index.entries[v.entry]
        return Match(
            entry.list_name,
            entry.entry_id,
            entry.name,
            v.alias,
            tokens.span(c.first, c.last),
            value,
            reasons,
            alias_kind=index.kinds[c.variant],
        )
