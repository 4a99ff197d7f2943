"""Bring outside identifiers to the bare forms every record stores.

Sources write the same identifier many ways (``https://orcid.org/…``,
``https://openalex.org/A…``, ``https://doi.org/10.X/Y``, ``doi:10.X/Y``). The
records keep one bare form, so comparing two identifiers is comparing two
strings:

===========  ================================  ======================
identifier   bare form                         function
===========  ================================  ======================
ORCID        ``0000-0001-0000-0002``           :func:`orcid`
OpenAlex     ``A5000000001``, ``W…``, ``I…``   :func:`openalex_id`
DOI          ``10.0000/x`` (lower case)        :func:`doi`
ROR          ``035t8zc32``                     :func:`ror`
===========  ================================  ======================

Each function returns ``None`` for an empty value and raises :class:`ValueError`
with a plain message when the value is not an identifier of that kind; loaders
turn that message into a :class:`~workbench.errors.Problem`.

Examples
--------
>>> orcid("https://orcid.org/0000-0002-1825-0097")
'0000-0002-1825-0097'
>>> openalex_id("https://openalex.org/A5000000001")
'A5000000001'
>>> doi("https://doi.org/10.1103/PhysRevLett.118.221101")
'10.1103/physrevlett.118.221101'
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each pattern takes the optional URL or scheme prefix and the bare identifier at once.
_ORCID = re.compile(
    r"(?:https?://)?(?:www\.)?(?:orcid\.org/|orcid:)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])",
    re.IGNORECASE,
)
_OPENALEX = re.compile(
    r"(?:(?:https?://)?(?:api\.)?openalex\.org/(?:[a-z]+/)?)?([WAISVPCFTK])(\d+)",
    re.IGNORECASE,
)
#: The letters OpenAlex uses: works, authors, institutions, sources, venues (2022),
#: publishers, concepts, funders, topics, keywords.
OPENALEX_KINDS = "WAISVPCFTK"
_DOI = re.compile(
    r"(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)",
    re.IGNORECASE,
)
_ROR = re.compile(r"(?:(?:https?://)?ror\.org/)?(0[a-z0-9]{6}\d{2})", re.IGNORECASE)
_CACHE = 65536  # identifiers repeat a lot across the works of one team


def _clean(value: object, kind: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{kind} must be text, not {type(value).__name__}")
    text = value.strip()
    return text or None


def orcid(value: object) -> str | None:
    """The bare ORCID iD ``0000-0000-0000-000X``, from a URL or a bare form.

    The check digit is *not* verified here (see :func:`orcid_checksum_ok`):
    a wrong check digit is worth a warning, not a refusal.

    Examples
    --------
    >>> orcid("http://orcid.org/0000-0003-1613-5981")
    '0000-0003-1613-5981'
    >>> orcid("000000021825009x")
    '0000-0002-1825-009X'
    >>> orcid("") is None
    True
    >>> orcid("0000-0001-23")
    Traceback (most recent call last):
    ...
    ValueError: not an ORCID iD: '0000-0001-23'
    """
    text = _clean(value, "ORCID iD")
    return None if text is None else _orcid(text)


def _matched(pattern: re.Pattern[str], text: str, what: str) -> re.Match[str]:
    """``pattern``'s match of the whole of ``text``; ``ValueError`` naming ``what`` if none."""
    m = pattern.fullmatch(text)
    if m is None:
        raise ValueError(f"not {what}: {text!r}")
    return m


@lru_cache(maxsize=_CACHE)
def _orcid(text: str) -> str:
    return "-".join(_matched(_ORCID, text, "an ORCID iD").groups()).upper()


def orcid_checksum_ok(bare: str) -> bool:
    """Whether the last character of a bare ORCID iD is its ISO 7064 11,2 check digit.

    Examples
    --------
    >>> orcid_checksum_ok("0000-0002-1825-0097")
    True
    >>> orcid_checksum_ok("0000-0002-1825-0098")
    False
    """
    digits = bare.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    result = (12 - total % 11) % 11
    check = "X" if result == 10 else str(result)
    return digits[-1:] == check


def openalex_id(value: object, kind: str | None = None) -> str | None:
    """The bare OpenAlex id (``A5000000001``, ``W…``, ``I…``) from a URL or a bare form.

    ``kind`` restricts the letter (``"A"`` for authors, ``"W"`` for works, …).

    Examples
    --------
    >>> openalex_id("https://openalex.org/W2741809807", kind="W")
    'W2741809807'
    >>> openalex_id("https://api.openalex.org/authors/a5023888391")
    'A5023888391'
    >>> openalex_id("I27837315", kind="A")
    Traceback (most recent call last):
    ...
    ValueError: not an OpenAlex A… id: 'I27837315'
    """
    text = _clean(value, "OpenAlex id")
    return None if text is None else _openalex(text, kind.upper() if kind else None)


@lru_cache(maxsize=_CACHE)
def _openalex(text: str, kind: str | None) -> str:
    m = _OPENALEX.fullmatch(text)
    if m is None or (kind is not None and m.group(1).upper() != kind):
        what = f"OpenAlex {kind}… id" if kind else "OpenAlex id"
        raise ValueError(f"not an {what}: {text!r}")
    return m.group(1).upper() + m.group(2)


def doi(value: object) -> str | None:
    """The bare DOI in lower case (``10.xxxx/yyy``), from a URL, ``doi:`` form or bare form.

    DOIs are case-insensitive, so the lower-case form compares reliably.

    Examples
    --------
    >>> doi("doi:10.7717/PeerJ.4375")
    '10.7717/peerj.4375'
    >>> doi("https://dx.doi.org/10.1142/10552")
    '10.1142/10552'
    >>> doi("peerj.4375")
    Traceback (most recent call last):
    ...
    ValueError: not a DOI: 'peerj.4375'
    """
    text = _clean(value, "DOI")
    return None if text is None else _doi(text)


@lru_cache(maxsize=_CACHE)
def _doi(text: str) -> str:
    return _matched(_DOI, text, "a DOI").group(1).lower()


def ror(value: object) -> str | None:
    """The bare ROR id (``035t8zc32``) from ``https://ror.org/…`` or a bare form.

    Examples
    --------
    >>> ror("https://ror.org/035t8zc32")
    '035t8zc32'
    """
    text = _clean(value, "ROR id")
    return None if text is None else _ror(text)


@lru_cache(maxsize=_CACHE)
def _ror(text: str) -> str:
    return _matched(_ROR, text, "a ROR id").group(1).lower()


def work_id(value: object) -> str | None:
    """A work's id: the bare OpenAlex ``W…`` id when it is one, else the text as given.

    Works from a reviewer's own CSV may carry any id; OpenAlex ids in any
    spelling are brought to the bare form so that files can be merged.

    Examples
    --------
    >>> work_id("https://openalex.org/W9000000001")
    'W9000000001'
    >>> work_id("paper-17")
    'paper-17'
    """
    text = _clean(value, "work id")
    if text is None:
        return None
    try:
        return openalex_id(text, kind="W")
    except ValueError:
        return text
