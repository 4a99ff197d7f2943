"""Words broken in two by text extraction: "Engineer ing", "Univer- sity"; glued ones split.

Words glued together ("EngineeringNanjing") are split by :func:`glued_splits`.

PDF extraction and line-end hyphenation cut words: a space inside a word, or
a hyphen and a line break ("Univer-\\nsity"). Two neighbouring words of one
part of the string are joined when, written together, they are a word the
lists write (or one of its spellings), and one of them is no word at all:

- a hyphen followed by a space or line break between them ("Univer- sity"),
  or
- one piece is a *fragment*: a word no list writes that begins or ends a
  listed word ("sity", "nology"), or a word ending no name uses alone
  (:data:`SUFFIXES`: "ing", "tion", …).

Two real words are never joined ("North Western" is another class, see
:func:`~workbench.matching.derived_names.split_compounds`), nor words across a
comma or parenthesis. A joined word keeps the span of both pieces, and the
match says ``word-rejoined:<word>``.

Examples
--------
>>> from workbench.matching.normalize import tokenize
>>> spellings = {"engineering", "university", "technology"}
>>> is_fragment = {"sity", "nology"}.__contains__
>>> t = tokenize("Harbin Engineer ing Univer- sity, Tech nology Park")
>>> sorted(joins(t, spellings.__contains__, is_fragment))
[1, 3, 5]
>>> [w for w in joined(t, frozenset({1, 3}))[0].raw]
['harbin', 'engineering', 'university', 'tech', 'nology', 'park']
>>> sorted(joins(tokenize("Harbin, Engineer ing"), spellings.__contains__, is_fragment))
[1]
>>> joins(tokenize("Engineer, ing"), spellings.__contains__, is_fragment)
frozenset()
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence, Set

from workbench.matching.decide import Candidate
from workbench.matching.normalize import GLUED, Splits, Tokens, add_token, glued_words
from workbench.matching.vocabulary import CANONICAL, STOPWORDS

#: Word endings that no organisation name writes as a word of its own.
SUFFIXES = frozenset(
    {
        *("ing", "tion", "tions", "sion", "ity", "ities", "ical", "ics", "ogy", "ology"),
        *("ment", "ments", "ence", "ance", "ness", "ship", "ization", "isation", "ional"),
    }
)
#: What a broken word joined again costs (as an abbreviation does).
REJOIN_PENALTY = 0.02
#: Fewest letters of a listed word rejoined from two pieces.
MIN_JOINED = 6
#: Fewest letters of a fragment: shorter pieces ("s", "ty") are too easily something else.
MIN_FRAGMENT = 2


def fragments(spellings: Iterable[str]) -> frozenset[str]:
    """Every proper beginning and ending (two letters or more) of the listed spellings."""
    out: set[str] = set()
    for word in spellings:
        if len(word) >= MIN_JOINED and word.isalpha():
            for i in range(MIN_FRAGMENT, len(word) - MIN_FRAGMENT + 1):
                out.add(word[:i])
                out.add(word[i:])
    return frozenset(out)


def joins(
    tokens: Tokens, is_listed: Callable[[str], bool], is_fragment: Callable[[str], bool]
) -> frozenset[int]:
    """Positions ``k`` of the tokens to join with token ``k + 1`` (see the module's rules)."""
    raw, segs, starts, ends, cjk = tokens.raw, tokens.segs, tokens.starts, tokens.ends, tokens.cjk
    text = tokens.text
    out: set[int] = set()
    k = 0
    while k + 1 < len(raw):
        a, b = raw[k], raw[k + 1]
        gap = text[ends[k] : starts[k + 1]]
        if (
            segs[k] == segs[k + 1]
            and not cjk[k]
            and not cjk[k + 1]
            and a.isalpha()
            and b.isalpha()
            and gap.strip(" -\n\r\t") == ""
            and len(a) + len(b) >= MIN_JOINED
            and a not in STOPWORDS
            and b not in STOPWORDS
            and is_listed(CANONICAL.get(a + b, a + b))
            and (
                ("-" in gap and gap[-1].isspace())
                or b in SUFFIXES
                or is_fragment(a)
                or is_fragment(b)
            )
        ):
            out.add(k)
            k += 2
            continue
        k += 1
    return frozenset(out)


def code_positions(codes: list[str], code: str) -> list[int]:
    """Where ``code`` is in ``codes`` (searched at C speed)."""
    at: list[int] = []
    k = -1
    try:
        while True:
            k = codes.index(code, k + 1)
            at.append(k)
    except ValueError:
        return at


def may_join(raw: Sequence[str], at: Sequence[int], spellings: Container[str]) -> bool:
    """Whether a piece of a broken word (at ``at``) and a neighbour make a listed word."""
    for k in at:
        word = raw[k]
        if k > 0 and CANONICAL.get(raw[k - 1] + word, raw[k - 1] + word) in spellings:
            return True
        after = word + raw[k + 1] if k + 1 < len(raw) else ""
        if after and CANONICAL.get(after, after) in spellings:
            return True
    return False


def joined_raw(raw: list[str], at: frozenset[int]) -> list[str]:
    """The folded tokens with the pieces at ``at`` joined (the fast path's words)."""
    out: list[str] = []
    skip = False
    for k, word in enumerate(raw):
        if skip:
            skip = False
            continue
        if k in at:
            out.append(word + raw[k + 1])
            skip = True
        else:
            out.append(word)
    return out


def joined(tokens: Tokens, at: frozenset[int]) -> tuple[Tokens, frozenset[int]]:
    """``tokens`` with the pieces at ``at`` joined into one token spanning both; where they are."""
    out = Tokens(tokens.text, tokens.folded)
    where: set[int] = set()
    k = 0
    while k < len(tokens.raw):
        word, start, end = tokens.raw[k], tokens.starts[k], tokens.ends[k]
        if k in at:
            word, end = word + tokens.raw[k + 1], tokens.ends[k + 1]
            where.add(len(out.raw))
        add_token(out, word, start, end, tokens.segs[k], tokens.cjk[k])
        k += 2 if k in at else 1
    return out, frozenset(where)


def rejoined_score(
    tokens: Tokens, c: Candidate, rejoined: frozenset[int], value: float, reasons: tuple[str, ...]
) -> tuple[float, tuple[str, ...]]:
    """A match over a broken word joined again says so, and costs a little."""
    content = tokens.content
    words = [tokens.raw[content[k]] for k in range(c.first, c.last + 1) if content[k] in rejoined]
    if not words:
        return value, reasons
    return max(0.0, round(value - REJOIN_PENALTY, 4)), (
        *reasons,
        *(f"word-rejoined:{w}" for w in words),
    )


def glued_splits(text: str, lookup: Mapping[str, str], known: Set[str]) -> Splits | None:
    """Glued words to split: every piece a known word, one of them a listed word.

    "EngineeringNanjing" and "andAstronautics" are split; "McGill" and a word
    known as a whole ("BeiHang", "ShanghaiTech") are not.
    """
    if not GLUED.search(text):
        return None
    out: dict[str, tuple[int, ...]] = {}
    for word, pieces in glued_words(text).items():
        if word in lookup or word in known:
            continue
        if all(
            len(p) >= 2 and (p in lookup or CANONICAL.get(p, p) in known) for p in pieces
        ) and any(lookup.get(p) for p in pieces):
            starts = [0]
            for p in pieces[:-1]:
                starts.append(starts[-1] + len(p))
            out[word] = tuple(starts)
    return out or None


__all__ = [
    "SUFFIXES",
    "fragments",
    "glued_splits",
    "joined",
    "joined_raw",
    "joins",
    "rejoined_score",
]
