"""OpenAlex work objects, current and 2022 schema, into :class:`~workbench.model.Work`.

Two schemas occur in real files:

* current: ``authorships[].raw_affiliation_strings`` (a list) and
  ``authorships[].affiliations[{raw_affiliation_string, institution_ids}]``;
* 2022: a singular ``authorships[].raw_affiliation_string`` (may be null),
  ``host_venue`` instead of ``primary_location``, no ``countries``.

Every raw affiliation string found in either form is kept (once, in order).
Authorship countries come from ``countries`` or, in the 2022 schema, from the
institutions' ``country_code``. Empty institution objects (``{}``, which the
2022 data has) carry nothing and are skipped; the load report counts them.

The date is ``publication_date`` (full date, or the month or year it gives),
else ``publication_year`` alone; a work with neither is kept undated with a
warning naming it, so that the checks can report it.

Examples
--------
>>> from workbench.errors import ProblemCollector
>>> raw = {"id": "https://openalex.org/W1", "title": "T", "publication_year": 2021,
...        "authorships": [{"author": {"display_name": "A. Author", "id": None},
...                         "institutions": [], "raw_affiliation_string": "Tohoku University"}]}
>>> w = work_from_openalex(raw, "$", ProblemCollector("w.json"), Tally())
>>> w.id, w.date.isoformat(), w.authorships[0].raw_affiliations
('W1', '2021', ('Tohoku University',))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbench import identifiers
from workbench.errors import ProblemCollector
from workbench.input_files import MAX_FIELD_CHARS
from workbench.model import Authorship, Institution, PubDate, Work
from workbench.publications.dates import EXPECTED, parse_pub_date, pub_date_from_year
from workbench.publications.files import describe, errors_since

#: What each identifier should look like, for problem messages.
EXPECTED_ID = {
    "orcid": "an ORCID iD 0000-0000-0000-0000",
    "doi": "a DOI 10.xxxx/…",
    "ror": "a ROR id",
    "A": "an OpenAlex author id A…",
    "I": "an OpenAlex institution id I…",
}


@dataclass
class Tally:
    """Counts kept across the works of one file, for its load report."""

    empty_institutions: int = 0
    #: Institutions already read, by their raw (id, display_name, ror, country_code).
    institutions: dict[tuple[object, ...], Institution] = field(default_factory=dict)


def _text(value: object, where: str, key: str, c: ProblemCollector) -> str | None:
    """Text or null at ``where.key``; the place is only spelled out for a problem."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) > MAX_FIELD_CHARS:
            c.warning(
                f"{where}.{key}",
                key.rsplit(".", 1)[-1],
                f"text longer than {MAX_FIELD_CHARS:,} characters cut",
                "a name or affiliation",
            )
            value = value[:MAX_FIELD_CHARS]
        return value.strip() or None
    c.error(f"{where}.{key}", key.rsplit(".", 1)[-1], f"got {describe(value)}", "text or null")
    return None


_NORMALISE: dict[str, Callable[[object], str | None]] = {
    "orcid": identifiers.orcid,
    "doi": identifiers.doi,
    "ror": identifiers.ror,
    "A": lambda v: identifiers.openalex_id(v, kind="A"),
    "I": lambda v: identifiers.openalex_id(v, kind="I"),
}


def _ident(value: object, where: str, key: str, c: ProblemCollector, kind: str) -> str | None:
    if value is None:
        return None
    try:
        return _NORMALISE[kind](value)
    except ValueError as exc:
        name = key.rsplit(".", 1)[-1]
        c.error(f"{where}.{key}", name, str(exc), EXPECTED_ID[kind] + " or null")
        return None


def _list(value: object, where: str, field: str, c: ProblemCollector) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    c.error(where, field, f"got {describe(value)}", "a list")
    return []


def work_from_openalex(
    raw: object, path: str, c: ProblemCollector, tally: Tally, source: str = ""
) -> Work | None:
    """One OpenAlex work object at JSON path ``path``, or ``None`` after reporting its problems."""
    if not isinstance(raw, dict):
        c.error(path, "(work)", f"got {describe(raw)}", "an OpenAlex work object")
        return None
    mark = len(c.problems)
    other = _other_entity(raw.get("id"))
    if other:
        c.error(f"{path}.id", "id", other, "a work id such as W2741809807")
        return None
    wid: str | None = None
    try:
        wid = identifiers.work_id(raw.get("id"))
    except ValueError as exc:
        c.error(f"{path}.id", "id", str(exc), "a work id such as W2741809807")
    if wid is None and not errors_since(c, mark):
        c.error(f"{path}.id", "id", "missing", "a work id such as W2741809807")
    title = raw.get("title")
    if title is None:
        title = raw.get("display_name")
    title = _text(title, path, "title", c)
    doi = _ident(raw.get("doi"), path, "doi", c, "doi")
    when = _date(raw, path, c, wid)
    if "authorships" not in raw:
        c.error(f"{path}.authorships", "authorships", "missing", "a list of authorships")
    authorships = []
    for i, a in enumerate(_list(raw.get("authorships"), f"{path}.authorships", "authorships", c)):
        au = _authorship(a, f"{path}.authorships[{i}]", c, tally)
        if au is not None:
            authorships.append(au)
    if errors_since(c, mark) or wid is None:
        return None
    return Work(wid, title or "", when, tuple(authorships), doi, source)


#: OpenAlex entities other than works, by the letter of their ids.
ENTITIES = {
    "A": "author",
    "I": "institution",
    "S": "source",
    "V": "venue",
    "P": "publisher",
    "C": "concept",
    "F": "funder",
    "T": "topic",
    "K": "keyword",
}


def _other_entity(value: object) -> str | None:
    """What a record is, when its id says it is an OpenAlex entity but not a work."""
    try:
        bare = identifiers.openalex_id(value)
    except ValueError:
        return None
    if bare is None or bare[0] == "W":
        return None
    return f"{bare} is an OpenAlex {ENTITIES[bare[0]]} record, not a work"


def _date(raw: dict[str, Any], path: str, c: ProblemCollector, wid: str | None) -> PubDate | None:
    text = raw.get("publication_date")
    if text not in (None, ""):
        if not isinstance(text, str):
            c.error(
                f"{path}.publication_date", "publication_date", f"got {describe(text)}", EXPECTED
            )
            return None
        try:
            return parse_pub_date(text)
        except ValueError as exc:
            c.error(f"{path}.publication_date", "publication_date", str(exc), EXPECTED)
            return None
    year = raw.get("publication_year")
    if year not in (None, ""):
        try:
            return pub_date_from_year(year)
        except ValueError as exc:
            c.error(f"{path}.publication_year", "publication_year", str(exc), "a year YYYY")
            return None
    c.warning(
        f"{path}.publication_date",
        "publication_date",
        f"work {wid or '(no id)'} has no publication date or year; kept undated",
        EXPECTED,
    )
    return None


def _authorship(a: object, where: str, c: ProblemCollector, tally: Tally) -> Authorship | None:
    if not isinstance(a, dict):
        c.error(where, "(authorship)", f"got {describe(a)}", "an authorship object")
        return None
    author = a.get("author") or {}
    if not isinstance(author, dict):
        c.error(f"{where}.author", "author", f"got {describe(author)}", "an author object")
        author = {}
    name = _text(author.get("display_name"), where, "author.display_name", c)
    name = name or _text(a.get("raw_author_name"), where, "raw_author_name", c)
    if not name:
        c.error(f"{where}.author.display_name", "display_name", "missing", "the author's name")
    raws: dict[str, None] = {}
    listed = _list(a.get("raw_affiliation_strings"), where, "raw_affiliation_strings", c)
    for k, s in enumerate(listed):
        if isinstance(s, str) and s.strip():
            raws[_text(s, where, f"raw_affiliation_strings[{k}]", c) or ""] = None
    for k, aff in enumerate(_list(a.get("affiliations"), where, "affiliations", c)):
        s = aff.get("raw_affiliation_string") if isinstance(aff, dict) else aff
        s = _text(s, where, f"affiliations[{k}].raw_affiliation_string", c)
        if s:
            raws[s] = None
    single = _text(a.get("raw_affiliation_string"), where, "raw_affiliation_string", c)
    if single:
        raws[single] = None
    institutions = []
    for k, inst in enumerate(_list(a.get("institutions"), where, "institutions", c)):
        found = _institution(inst, f"{where}.institutions[{k}]", c, tally)
        if found is not None:
            institutions.append(found)
    if "countries" in a:
        listed = _list(a.get("countries"), where, "countries", c)
        countries = [x for x in listed if isinstance(x, str)]
    else:
        countries = [i.country_code for i in institutions if i.country_code]
    return Authorship(
        author_name=name or "",
        position=_text(a.get("author_position"), where, "author_position", c),
        orcid=_ident(author.get("orcid"), where, "author.orcid", c, "orcid"),
        openalex_author_id=_ident(author.get("id"), where, "author.id", c, "A"),
        raw_affiliations=tuple(raws),
        institutions=tuple(institutions),
        countries=tuple(dict.fromkeys(countries)),
    )


def _institution(inst: object, where: str, c: ProblemCollector, tally: Tally) -> Institution | None:
    if not isinstance(inst, dict):
        c.error(where, "(institution)", f"got {describe(inst)}", "an institution object")
        return None
    key = (inst.get("id"), inst.get("display_name"), inst.get("ror"), inst.get("country_code"))
    try:  # the same institution recurs on many authorships
        known = tally.institutions.get(key)
    except TypeError:  # a list or object where text belongs: reported below
        known = None
    if known is not None:
        return known
    if not any(inst.values()):
        tally.empty_institutions += 1
        return None
    mark = len(c.problems)
    found = Institution(
        display_name=_text(key[1], where, "display_name", c) or "",
        id=_ident(key[0], where, "id", c, "I"),
        ror=_ident(key[2], where, "ror", c, "ror"),
        country_code=_text(key[3], where, "country_code", c),
    )
    if not errors_since(c, mark):
        tally.institutions[key] = found
    return found
