"""Which OpenAlex author ids are a person's: safest way first, never on a name alone.

1. ids the reviewer gave (``--author PERSON=A…``, or a choice on the page);
2. the OpenAlex author id in the questionnaire;
3. the ORCID, with ``GET /authors/orcid:{ORCID}``;
4. ``GET /authors?search=NAME``, kept only when exactly one candidate has one of
   the person's declared institutions among its institutions (by ROR id when
   both sides have one, else by name).

An id OpenAlex has merged into another is followed to the id it now answers
with. When no way gives an id, the person is *unidentified*: the reason and the
candidates of the name search (id, display name, works count, last known
institutions) are kept for the reviewer to choose from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.model import Person
from workbench.openalex.http import OpenAlexClient

AUTHOR_ID = re.compile(r"^A\d+$")
CANDIDATE_FIELDS = "id,display_name,works_count,last_known_institutions,affiliations"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An OpenAlex author a name search found, as the reviewer needs to choose."""

    id: str
    display_name: str
    works_count: int
    institutions: tuple[str, ...]  # last known institutions' display names

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "display_name": self.display_name,
            "works_count": self.works_count,
            "last_known_institutions": list(self.institutions),
        }


@dataclass(frozen=True, slots=True)
class Identity:
    """One person's author ids and how they were found; no ids means unidentified."""

    person_id: str
    name: str
    author_ids: tuple[str, ...]
    method: str  # command line | questionnaire | orcid | name at declared institution | none
    note: str = ""
    candidates: tuple[Candidate, ...] = ()
    merged: tuple[tuple[str, str], ...] = ()  # (asked id, id OpenAlex answered with)

    @property
    def identified(self) -> bool:
        return bool(self.author_ids)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "person_id": self.person_id,
            "name": self.name,
            "author_ids": list(self.author_ids),
            "method": self.method,
        }
        if self.note:
            data["note"] = self.note
        if self.merged:
            data["merged"] = [{"asked": a, "now": b} for a, b in self.merged]
        if not self.identified:
            data["candidates"] = [c.to_json() for c in self.candidates]
        return data


def bare_id(value: object) -> str:
    """``https://openalex.org/A5023888391`` → ``A5023888391`` (anything else unchanged)."""
    text = str(value or "")
    return text.rsplit("/", 1)[-1]


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    words = [w for w in text.split() if w != "the"]
    return " ".join(words)


def same_institution(declared: str, found: str) -> bool:
    """Declared and found institution names agree (ignoring case, punctuation, 'the').

    >>> same_institution("The University of Tokyo", "University of Tokyo")
    True
    >>> same_institution("Kyoto University", "Kyoto University of Education")
    False
    """
    a, b = _norm(declared), _norm(found)
    return bool(a) and a == b


def _institutions(raw: dict[str, Any]) -> list[dict[str, Any]]:
    found = [i for i in raw.get("last_known_institutions") or [] if isinstance(i, dict)]
    for aff in raw.get("affiliations") or []:
        if isinstance(aff, dict) and isinstance(aff.get("institution"), dict):
            found.append(aff["institution"])
    return found


def _candidate(raw: dict[str, Any]) -> Candidate:
    last = [i for i in raw.get("last_known_institutions") or [] if isinstance(i, dict)]
    return Candidate(
        id=bare_id(raw.get("id")),
        display_name=str(raw.get("display_name") or ""),
        works_count=int(raw.get("works_count") or 0),
        institutions=tuple(str(i.get("display_name") or "") for i in last),
    )


def _at_declared(raw: dict[str, Any], names: Sequence[str], rors: Sequence[str]) -> bool:
    for inst in _institutions(raw):
        ror = bare_id(inst.get("ror"))
        if ror and ror in rors:
            return True
        if any(same_institution(n, str(inst.get("display_name") or "")) for n in names):
            return True
    return False


def _follow(client: OpenAlexClient, author_id: str) -> tuple[str | None, str]:
    """The id OpenAlex answers for ``author_id`` (merged ids redirect), or None if unknown."""
    body = client.get_json(f"authors/{author_id}", {"select": "id"}, kind="author")
    if not isinstance(body, dict) or not body.get("id"):
        return None, f"author id {author_id} unknown to OpenAlex"
    return bare_id(body["id"]), ""


def _resolve_ids(
    client: OpenAlexClient, ids: Iterable[str]
) -> tuple[list[str], list[tuple[str, str]], str]:
    found: list[str] = []
    merged: list[tuple[str, str]] = []
    notes: list[str] = []
    for asked in ids:
        now, note = _follow(client, asked)
        if now is None:
            notes.append(note)
            continue
        if now != asked:
            merged.append((asked, now))
        if now not in found:
            found.append(now)
    return found, merged, "; ".join(notes)


def identify_person(
    client: OpenAlexClient,
    person: Person,
    chosen: Sequence[str] = (),
    rors: Sequence[str] = (),
) -> Identity:
    """The author ids of ``person``; see the module's description for the order of ways."""
    ways: tuple[tuple[str, Sequence[str | None]], ...] = (
        ("command line", chosen),
        ("questionnaire", [person.openalex_id]),
    )
    for way, ids in ways:
        given = [i for i in ids if i]
        if given:
            found, merged, note = _resolve_ids(client, given)
            if found:
                return Identity(person.id, person.name, tuple(found), way, note, (), tuple(merged))
            return Identity(person.id, person.name, (), "none", note)
    notes: list[str] = []
    if person.orcid:
        body = client.get_json(f"authors/orcid:{person.orcid}", {"select": "id"}, kind="author")
        if isinstance(body, dict) and body.get("id"):
            return Identity(person.id, person.name, (bare_id(body["id"]),), "orcid")
        notes.append(f"ORCID {person.orcid} unknown to OpenAlex")
    names = [a.organization for a in person.affiliations]
    params = {"search": person.name, "per_page": "25", "select": CANDIDATE_FIELDS}
    body = client.get_json("authors", params, kind="author search")
    results = body.get("results") if isinstance(body, dict) else None
    raws = [r for r in results or [] if isinstance(r, dict) and r.get("id")]
    candidates = tuple(_candidate(r) for r in raws)
    at_home = [r for r in raws if _at_declared(r, names, rors)]
    if len(at_home) == 1:
        note = "; ".join(notes)
        home_id = (bare_id(at_home[0]["id"]),)
        return Identity(person.id, person.name, home_id, "name at declared institution", note)
    if not raws:
        notes.append(f"no OpenAlex author named {person.name!r}")
    elif not at_home:
        notes.append(f"{len(raws)} author(s) named so, none at a declared institution")
    else:
        notes.append(f"{len(at_home)} authors named so at a declared institution")
        candidates = tuple(_candidate(r) for r in at_home)
    return Identity(person.id, person.name, (), "none", "; ".join(notes), candidates)
