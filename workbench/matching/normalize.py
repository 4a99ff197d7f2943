"""The comparison form of names and affiliations, with offsets back into the input.

One pipeline serves list names and affiliation strings alike:

1. per character: Unicode NFKC (full-width forms, compatibility ideographs),
   case folding, accents dropped (Latin, Greek, Cyrillic, Arabic only — never
   kana or hangul), dashes and apostrophes folded;
2. CJK runs: Japanese shinjitai and traditional forms folded to simplified
   Chinese with OpenCC (``jp2t`` then ``t2s``), phrase by phrase, so that METI's
   哈爾浜工業大学 and a paper's 哈尔滨工业大学 meet;
3. tokens: words of letters and digits, and every CJK character on its own
   (CJK text has no word boundaries, so CJK names match character by
   character); separators (``, ; ( ) /`` …) start a new segment;
4. comparison tokens: stop words left out, bibliographic abbreviations and
   spellings mapped by :data:`~workbench.matching.vocabulary.CANONICAL`.

Words glued together by text extraction ("Engineering*N*anjing") are split
only when asked (``splits``, see :func:`glued_words`): the matcher decides which
glued words to split, knowing the listed words.

Every token keeps the span of the *original* string it came from.

Examples
--------
>>> normalize("Harbin Inst. Technol., Sch. Comp. Sci. & Technol.")
'harbin institute technology school computer science technology'
>>> normalize("ＮＡＴＬ　ＵＮＩＶ　ＤＥＦ　ＴＥＣＨＮＯＬ")
'national university defense technology'
>>> normalize("哈爾浜工業大学") == normalize("哈尔滨工业大学") == "哈尔滨工业大学"
True
>>> normalize("金策工業総合大学")
'金策工业综合大学'
>>> normalize("国防科学技術大学") == normalize("国防科技大学")
True
>>> normalize("Université Técnica, Xi’an")
'university technical xian'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from workbench.matching.vocabulary import CANONICAL, STOPWORDS

#: Han ideographs (with 々 and 〆), kana and hangul: matched character by character.
CJK_CLASS = (
    "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3\uff66-\uff9f"
)
HAN_CLASS = "\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_HAN = re.compile(f"[{HAN_CLASS}]")
_SEPARATORS = ',;:|/()\\[\\]{}<>"、。「」『』【】〔〕'
_TOKEN = re.compile(
    f"(?P<c>[{CJK_CLASS}])"
    f"|(?P<w>[^\\W_{CJK_CLASS}]+(?:'[^\\W_{CJK_CLASS}]+)*)"
    f"|(?P<s>[{_SEPARATORS}]|\\s-\\s)"
)
_WORD = re.compile(f"[{CJK_CLASS}]|[^\\W_{CJK_CLASS}]+(?:'[^\\W_{CJK_CLASS}]+)*")
_SEPARATOR = re.compile(f"[{_SEPARATORS}]|\\s-\\s")
_ASCII_WORD = re.compile("[a-z0-9]+(?:'[a-z0-9]+)*")
#: Bytes to space but ASCII letters and digits: ``_ASCII_WORD``'s words of a text without
#: apostrophes, split at C speed.
_ASCII_SPACES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256)
)
#: A lower-case letter followed by a capital inside a word ("EngineeringNanjing").
GLUED = re.compile("[a-z][A-Z]")
_GLUED_WORD = re.compile("[A-Za-z]*[a-z][A-Z][A-Za-z]*")

#: Glued words to split: lower-case word -> the offsets where its pieces start (0 first).
Splits = Mapping[str, tuple[int, ...]]
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u0060\u00b4\u2032"


def _fold_char(ch: str) -> str:
    """The folded form of one character (may be empty or longer than one)."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF or code == 0xFFFD:  # unpaired surrogate, replacement char
        return " "
    if ch in _DASHES:
        return "-"
    if ch in _APOSTROPHES:
        return "'"
    text = unicodedata.normalize("NFKC", ch).casefold()
    if code < 0x2000 or 0xFF00 <= code <= 0xFF5E:  # letters with accents: drop the marks
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    if code < 0x20 or 0x7F <= code < 0xA0:  # control characters
        return " "
    return text


#: Standard contractions of Chinese names, same length (NUL is no token): 科学技术 → 科技.
CJK_CONTRACTIONS = {"科学技术": "科\x00技\x00"}


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on first use; remembers length-changing characters."""

    def __init__(self) -> None:
        super().__init__()
        self.resizing: set[str] = set()

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(folded) != 1:
            self.resizing.add(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


@cache
def _opencc() -> tuple[object, object]:
    import opencc

    return opencc.OpenCC("jp2t.json"), opencc.OpenCC("t2s.json")


_RUN_CACHE: dict[str, str] = {}


def fold_cjk(run: str) -> str:
    """Fold a CJK run to simplified Chinese, keeping its length (one character per character).

    OpenCC converts phrase by phrase (総合 → 綜合 → 综合, where the character
    alone would give 总); when a phrase changes length the run is folded
    character by character instead.

    Examples
    --------
    >>> fold_cjk("哈爾浜工業大学"), fold_cjk("気"), fold_cjk("総合")
    ('哈尔滨工业大学', '气', '综合')
    >>> fold_cjk("東京工業大学")
    '东京工业大学'
    """
    done = _RUN_CACHE.get(run)
    if done is not None:
        return done
    jp2t, t2s = _opencc()
    out = t2s.convert(jp2t.convert(run))  # type: ignore[attr-defined]
    if len(out) != len(run):
        chars = []
        for ch in run:
            one = t2s.convert(jp2t.convert(ch))  # type: ignore[attr-defined]
            chars.append(one if len(one) == 1 else ch)
        out = "".join(chars)
    if len(_RUN_CACHE) > 200_000:
        _RUN_CACHE.clear()
    _RUN_CACHE[run] = out
    return out


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` character by character; the offset map when lengths changed.

    Returns the folded text and, when some character folded to more or fewer
    than one character, the list giving for each folded character the index
    of the original character it came from (``None`` when they align).

    Examples
    --------
    >>> fold("Straße")
    ('strasse', [0, 1, 2, 3, 4, 4, 5])
    >>> fold("ＨＩＴ 哈爾浜")
    ('hit 哈尔滨', None)
    """
    if text.isascii() and "`" not in text:
        return text.lower(), None
    folded = text.translate(_TABLE)
    origin: list[int] | None = None
    if len(folded) != len(text) or (_TABLE.resizing and not _TABLE.resizing.isdisjoint(text)):
        parts: list[str] = []
        origin = []
        for i, ch in enumerate(text):
            piece = _TABLE[ord(ch)]
            parts.append(piece)
            origin.extend([i] * len(piece))
        folded = "".join(parts)
    if _HAN.search(folded):
        folded = _CJK_RUN.sub(lambda m: fold_cjk(m[0]), folded)
        for long, short in CJK_CONTRACTIONS.items():
            if long in folded:
                folded = folded.replace(long, short)
    return folded, origin


@dataclass(slots=True)
class Tokens:
    """The tokens of one string: every token, and which of them are comparison tokens.

    ``words[k]`` is the comparison token of ``content[k]``-th token; ``starts``
    and ``ends`` index the original string.
    """

    text: str
    folded: str
    raw: list[str] = field(default_factory=list)  # folded token text, all tokens
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    segs: list[int] = field(default_factory=list)
    cjk: list[bool] = field(default_factory=list)
    content: list[int] = field(default_factory=list)  # indices of comparison tokens
    words: list[str] = field(default_factory=list)  # comparison tokens

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original-string span of comparison tokens ``first..last`` (inclusive)."""
        return self.starts[self.content[first]], self.ends[self.content[last]]


#: :func:`fold`'s result for one text, passed on so that a text is folded once.
Folding = tuple[str, list[int] | None]


def tokenize(text: str, splits: Splits | None = None, folding: Folding | None = None) -> Tokens:
    """Split ``text`` into tokens with their original spans.

    ``splits`` (from :func:`glued_words`) gives the glued words to cut in pieces;
    ``folding``: ``fold(text)``, when known.

    Examples
    --------
    >>> t = tokenize("Dept. of Physics, Harbin Inst Technol")
    >>> t.words
    ['department', 'physics', 'harbin', 'institute', 'technology']
    >>> t.text[slice(*t.span(2, 4))]
    'Harbin Inst Technol'
    >>> t.segs
    [0, 0, 0, 1, 1, 1]
    """
    folded, origin = fold(text) if folding is None else folding
    tokens = Tokens(text, folded)
    raw, starts, ends, segs, cjk = tokens.raw, tokens.starts, tokens.ends, tokens.segs, tokens.cjk
    content, words, canonical = tokens.content, tokens.words, CANONICAL.get
    seg = 0
    for m in _TOKEN.finditer(folded):
        kind = m.lastgroup
        if kind == "s":
            seg += 1
            continue
        start, end = m.span()
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        word = m[0]
        if kind == "w" and "'" in word:
            word = word.replace("'", "")
        if splits and word in splits and origin is None:
            cuts = (*splits[word], len(word))
            for a, b in pairwise(cuts):
                add_token(tokens, word[a:b], start + a, start + b, seg, False)
            continue
        if word not in STOPWORDS:  # add_token, inlined: the hot loop of every judged string
            content.append(len(raw))
            words.append(canonical(word, word))
        raw.append(word)
        starts.append(start)
        ends.append(end)
        segs.append(seg)
        cjk.append(kind == "c")
    return tokens


def add_token(tokens: Tokens, word: str, start: int, end: int, seg: int, cjk: bool) -> None:
    """Append one token (a comparison token too unless a stop word)."""
    if word not in STOPWORDS:
        tokens.content.append(len(tokens.raw))
        tokens.words.append(CANONICAL.get(word, word))
    tokens.raw.append(word)
    tokens.starts.append(start)
    tokens.ends.append(end)
    tokens.segs.append(seg)
    tokens.cjk.append(cjk)


def raw_words(text: str, splits: Splits | None = None, folding: Folding | None = None) -> list[str]:
    """The folded tokens of ``text``, stop words included, without offsets (the fast path).

    The same tokens as :func:`tokenize` finds, in the same order; ``folding``:
    ``fold(text)``, when known.

    Examples
    --------
    >>> raw_words("Univ. of Tehran, Xi’an 哈爾浜")
    ['univ', 'of', 'tehran', 'xian', '哈', '尔', '滨']
    """
    folded, origin = fold(text) if folding is None else folding
    aligned = origin is None
    if "'" in folded:
        words = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
        words = [w.replace("'", "") for w in words]
    elif folded.isascii():  # most strings: as _ASCII_WORD finds them, several times faster
        words = folded.encode().translate(_ASCII_SPACES).decode().split()
    else:
        words = _WORD.findall(folded)
    if splits and aligned:  # as tokenize() does: only where offsets align
        words = [piece for w in words for piece in _pieces(w, splits)]
    return words


def _pieces(word: str, splits: Splits) -> list[str]:
    cuts = splits.get(word)
    if cuts is None:
        return [word]
    ends = (*cuts, len(word))
    return [word[a:b] for a, b in pairwise(ends)]


def glued_words(text: str) -> dict[str, tuple[str, ...]]:
    """Words of ``text`` with a capital after a lower-case letter, with their pieces (lower case).

    Examples
    --------
    >>> glued_words("Dept of Communication EngineeringNanjing Univ, McGill")
    {'engineeringnanjing': ('engineering', 'nanjing'), 'mcgill': ('mc', 'gill')}
    """
    out: dict[str, tuple[str, ...]] = {}
    for m in _GLUED_WORD.finditer(text):
        word = m[0]
        cuts = [0] + [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()]
        low = word.lower()
        out[low] = tuple(low[a:b] for a, b in zip(cuts, [*cuts[1:], len(low)], strict=True))
    return out


def comparison_words(text: str) -> list[str]:
    """The comparison tokens of ``text`` (what :func:`tokenize` gives as ``words``), fast.

    Examples
    --------
    >>> comparison_words("Univ. of Tehran")
    ['university', 'tehran']
    """
    get = CANONICAL.get
    return [get(w, w) for w in raw_words(text) if w not in STOPWORDS]


def has_separator(text: str) -> bool:
    """Whether ``text`` has a separator (comma, semicolon, parenthesis …) between tokens."""
    return _SEPARATOR.search(fold(text)[0]) is not None


def join_words(words: list[str] | tuple[str, ...]) -> str:
    """Comparison tokens as text: spaces between words, none between CJK characters."""
    out: list[str] = []
    prev_cjk = False
    for w in words:
        is_cjk = len(w) == 1 and _CJK_RUN.fullmatch(w) is not None
        if out and not (is_cjk and prev_cjk):
            out.append(" ")
        out.append(w)
        prev_cjk = is_cjk
    return "".join(out)


def normalize(text: str) -> str:
    """The comparison form of ``text`` (see the module documentation).

    Examples
    --------
    >>> normalize("Nanjing Univ Sci & Technol")
    'nanjing university science technology'
    >>> normalize("Nanjing University of Science and Technology")
    'nanjing university science technology'
    >>> normalize("中国電子科技集団公司")
    '中国电子科技集团公司'
    """
    return join_words(tokenize(text).words)
