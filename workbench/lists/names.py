"""Splitting list names into a Latin-script name, acronym aliases and local-script names.

Lists such as METI's write an entry as ``English name (ACRONYM) (原語名)``, with
full- or half-width parentheses, sometimes mixed, sometimes nested. Matching
needs the three parts apart: the original-script name goes to ``local_names``,
the acronym becomes an alias, and the English name stays the name.

Rules (each covered by an example below):

- a parenthesised group containing CJK characters (漢字, kana, hangul) is a
  local-script name, wherever it stands;
- a parenthesised acronym (``CETC``, ``CETC 14``, ``3M``; legal forms such as
  ``LTD`` or ``HK`` excluded) is an alias when it ends the name, or when its
  letters appear in order in the text before it (``China Electronics
  Technology Group Corporation (CETC) 54th …``);
- other parenthesised text (``(Pvt)``, ``(Dalian)``, ``(Korea)``) stays;
- CJK text after the last Latin word, without parentheses, is a local name;
- text with CJK and no Latin letter at all is a local name as a whole.

Local names lose the spaces a PDF line break left between two CJK characters,
and Kangxi radicals (U+2F00–U+2FDF, also PDF artefacts) become the ordinary
ideographs they look like; both count as repairs.

Examples
--------
>>> p = split_name("10th Research Institute of CETC (CETC) (中国電子科技集団公司第十研究所)")
>>> p.name, p.aliases, p.local_names
('10th Research Institute of CETC', ('CETC',), ('中国電子科技集団公司第十研究所',))
>>> split_name("Academy of Aerospace Technology （航天动力技术研究院）").local_names
('航天动力技术研究院',)
>>> split_name("Korea Rungrado (General) Trading Co. (朝鮮綾羅島貿易(総)会社)")[:3]
('Korea Rungrado (General) Trading Co.', (), ('朝鮮綾羅島貿易(総)会社',))
>>> split_name("DULING TECHNOLOGY (HK) LIMITED.").aliases
()
>>> split_name("Chengdu RML Technology Co., Ltd.（成都雷电微力科技 股份有限公司）").local_names
('成都雷电微力科技股份有限公司',)
>>> split_name("セソン技術貿易")[:3]
('セソン技術貿易', (), ('セソン技術貿易',))
>>> split_name("鼐实鑫电子(深圳)有限公司").local_names
('鼐实鑫电子(深圳)有限公司',)
>>> split_list("ザラ・アエロ・Zala Aero・ZALA")
('ザラ・アエロ', 'Zala Aero', 'ZALA')
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_CJK_CLASS = (
    "\u2e80-\u2fdf\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"
)
_CJK = re.compile(f"[{_CJK_CLASS}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]")
_SPACE_IN_CJK = re.compile(f"(?<=[{_CJK_CLASS}])\\s+(?=[{_CJK_CLASS}])")
_KANGXI = re.compile("[\u2f00-\u2fdf]")
_TRAILING_CJK = re.compile(f"^(.*[A-Za-z0-9.)）])\\s+([{_CJK_CLASS}][{_CJK_CLASS}0-9\\s()（）]*)$")
_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9&.\-]{0,11}(?: ?\d{1,3})?")
_WHITESPACE = re.compile(r"\s+")

OPEN = "(（"
CLOSE = ")）"

#: Parenthesised words that are legal forms or places, never an entity's acronym.
NOT_ACRONYMS = frozenset(
    {"LTD", "LLC", "INC", "CO", "CORP", "PVT", "PLC", "HK", "FZE", "FZC", "FZCO", "JSC", "PJSC"}
    | {"OJSC", "CJSC", "OOO", "AO", "PAO", "GMBH", "SA", "AG", "BV", "LLP", "KK", "PTE", "PTY"}
)


class NameParts(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    local_names: tuple[str, ...]
    repairs: tuple[str, ...]  # what was cleaned inside local names


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def is_local_script(text: str) -> bool:
    """CJK text with no Latin letter: a name in its original script."""
    return has_cjk(text) and _LATIN.search(text) is None


def clean_space(text: str) -> str:
    """Collapse every run of white space (ideographic space included) to one space."""
    return _WHITESPACE.sub(" ", text).strip()


def is_acronym(text: str) -> bool:
    """``CETC``, ``CETC 14``, ``FTsDT``, ``3M``; not ``Pvt``, ``Dalian`` or ``LTD``."""
    if not _ACRONYM.fullmatch(text) or text.upper().rstrip(".") in NOT_ACRONYMS:
        return False
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    has_digit = any(c.isdigit() for c in text)
    return (upper >= 2 and upper > lower) or (upper >= 1 and lower == 0 and has_digit)


def _letters_in_order(acronym: str, before: str) -> bool:
    letters = [c for c in acronym.upper() if c.isalpha()]
    pool = iter(before.upper())
    return bool(letters) and all(letter in pool for letter in letters)


def _groups(text: str) -> list[tuple[int, int]] | None:
    """Spans of top-level parenthesised groups (either width); ``None`` when unbalanced."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                spans.append((start, i + 1))
    return spans if depth == 0 else None


def clean_local(text: str) -> tuple[str, tuple[str, ...]]:
    """Strip a local name of line-break spaces and Kangxi radicals; say what changed."""
    text = clean_space(text)
    repairs: list[str] = []
    joined = _SPACE_IN_CJK.sub("", text)
    if joined != text:
        repairs.append(f"removed line-break space in local name '{text}'")
    fixed = _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m[0]), joined)
    if fixed != joined:
        repairs.append(f"replaced Kangxi radical(s) in local name '{joined}'")
    return fixed, tuple(repairs)


def split_name(text: str) -> NameParts:
    """Split one written name into name, acronym aliases and local-script names."""
    text = clean_space(text)
    if is_local_script(text):  # parentheses inside a CJK name are part of it
        local, done = clean_local(text)
        return NameParts(local, (), (local,), done)
    aliases: list[str] = []
    locals_: list[str] = []
    spans = _groups(text) or []
    keep_until = len(text)  # text after this index has been taken away
    removed: list[tuple[int, int]] = []
    for start, end in reversed(spans):
        inner = clean_space(text[start + 1 : end - 1])
        trailing = not text[end:keep_until].strip()
        if has_cjk(inner):
            locals_.insert(0, inner)
        elif is_acronym(inner) and (trailing or _letters_in_order(inner, text[:start])):
            aliases.insert(0, inner)
        else:
            continue
        removed.append((start, end))
        if trailing:
            keep_until = start
    name = text
    for start, end in removed:  # right to left, so earlier spans stay valid
        name = name[:start] + " " + name[end:]
    name = clean_space(name)
    tail = _TRAILING_CJK.match(name)
    if tail and _LATIN.search(tail[1]):
        name, locals_ = clean_space(tail[1]), [*locals_, tail[2]]
    if is_local_script(name):
        locals_.insert(0, name)
    repairs: list[str] = []
    cleaned: list[str] = []
    for local in locals_:
        fixed, done = clean_local(local)
        cleaned.append(fixed)
        repairs.extend(done)
    if not name and cleaned:
        name = cleaned[0]
    return NameParts(name, tuple(aliases), tuple(dict.fromkeys(cleaned)), tuple(repairs))


def split_list(text: str, separator: str = "・") -> tuple[str, ...]:
    """Split aliases joined by ``・``, except a middle dot between katakana (``ザラ・アエロ``)."""
    parts: list[str] = []
    current = ""
    for i, ch in enumerate(text):
        if ch == separator:
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if _KATAKANA.match(prev) and _KATAKANA.match(nxt):
                current += ch
                continue
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return tuple(clean_space(p) for p in parts if clean_space(p))
