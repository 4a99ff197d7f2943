"""Fetch the works of every in-scope person and write ``works.json`` + ``works.provenance.json``.

Works are asked for from one year before the window's start (so the reviewer
can widen the window a little without fetching again), with cursor paging, 200
a page, and ``select`` keeping the fields the loaders read. A work two persons
of the team share is written once. The two files are written atomically, the
works first: a failed fetch leaves what was there before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from workbench.findings import PERSON
from workbench.model import Proposal
from workbench.openalex.http import FetchError, OpenAlexClient, _write_atomic
from workbench.openalex.identity import Identity, identify_person
from workbench.scope import decide_scope
from workbench.window import DEFAULT_YEARS, years_before

PER_PAGE = 200
#: Persons whose works are fetched at the same time (the client's rate limit still holds).
WORKERS = 4
#: The work fields the publication loaders read (workbench/publications/openalex.py).
WORK_FIELDS = "id,doi,title,display_name,publication_date,publication_year,authorships"
#: Called as works arrive: (person id, works fetched so far, works OpenAlex counts).
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class PersonWorks:
    identity: Identity
    works: int  # works fetched for this person (before removing shared ones)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """Everything one fetch produced: the works and what the provenance file records."""

    proposal_id: str
    reference_date: date
    from_date: date
    persons: tuple[PersonWorks, ...]
    works: tuple[str, ...]  # each work as compact JSON text (a fraction of the parsed size)
    api: str
    fetched_at: datetime
    calls: dict[str, Any]

    @property
    def unidentified(self) -> tuple[Identity, ...]:
        return tuple(p.identity for p in self.persons if not p.identity.identified)

    def provenance(self) -> dict[str, Any]:
        return {
            "proposal_id": self.proposal_id,
            "fetched_at": self.fetched_at.isoformat(timespec="seconds"),
            "api": self.api,
            "reference_date": self.reference_date.isoformat(),
            "from_publication_date": self.from_date.isoformat(),
            "works": len(self.works),
            "persons": [{**p.identity.to_json(), "works": p.works} for p in self.persons],
            "unidentified": [i.person_id for i in self.unidentified],
            "calls": self.calls,
        }


def provenance_path(out: Path) -> Path:
    """``works.json`` → ``works.provenance.json`` beside it."""
    return out.with_name(f"{out.stem}.provenance.json")


def person_works(
    client: OpenAlexClient,
    author_ids: Sequence[str],
    from_date: date,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Every work of the authors ``author_ids`` published on or after ``from_date``."""
    flt = f"authorships.author.id:{'|'.join(author_ids)},from_publication_date:{from_date}"
    cursor: str | None = "*"
    works: list[dict[str, Any]] = []
    while cursor:
        params = {"filter": flt, "per_page": str(PER_PAGE), "cursor": cursor, "select": WORK_FIELDS}
        body = client.get_json("works", params, kind="works page")
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            url = client.url("works", params)
            raise FetchError(f"{url}: the answer has no list of 'results'")
        works += [w for w in results if isinstance(w, dict)]
        meta = body.get("meta") if isinstance(body.get("meta"), dict) else {}
        if progress is not None:
            progress(len(works), int(meta.get("count") or len(works)))
        next_cursor = meta.get("next_cursor")
        cursor = str(next_cursor) if results and next_cursor else None
    return works


def fetch_proposal_works(
    client: OpenAlexClient,
    proposal: Proposal,
    reference: date,
    years: int = DEFAULT_YEARS,
    chosen: Mapping[str, Sequence[str]] | None = None,
    progress: Progress | None = None,
) -> FetchResult:
    """Identify every in-scope person and fetch their works; raises :class:`FetchError`."""
    chosen = chosen or {}
    scope = decide_scope(proposal)
    from_date = years_before(years_before(reference, years), 1)
    identities = [
        identify_person(client, person, chosen.get(person.id, ()))
        for person in proposal.people
        if scope.includes(PERSON, person.id)
    ]

    def works_of(identity: Identity) -> list[dict[str, Any]]:
        if not identity.identified:
            return []
        report = None
        if progress is not None:
            report = lambda n, total: progress(identity.person_id, n, total)  # noqa: E731
        return person_works(client, identity.author_ids, from_date, report)

    # a few persons at a time: one's answer is read while the next request waits its turn
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        fetched = list(pool.map(works_of, identities))
    persons: list[PersonWorks] = []
    seen: dict[str, str] = {}
    for identity, works in zip(identities, fetched, strict=True):
        for work in works:
            key = str(work.get("id"))
            if key not in seen:
                seen[key] = json.dumps(work, ensure_ascii=False, separators=(",", ":"))
        persons.append(PersonWorks(identity, len(works)))
    return FetchResult(
        proposal_id=proposal.proposal_id,
        reference_date=reference,
        from_date=from_date,
        persons=tuple(persons),
        works=tuple(seen.values()),
        api=client.base_url,
        fetched_at=datetime.now(UTC),
        calls=client.summary.to_json(),
    )


def write_fetch(result: FetchResult, out: Path, provenance: Path | None = None) -> Path:
    """Write the works (a ``/works``-shaped document) and the provenance file; both atomic.

    The provenance goes to ``provenance`` when given, else beside ``out``
    (:func:`provenance_path`).
    """
    head = json.dumps({"count": len(result.works)})
    _write_atomic(out, f'{{"meta":{head},"results":[' + ",\n".join(result.works) + "]}\n")
    path = provenance or provenance_path(out)
    _write_atomic(path, json.dumps(result.provenance(), ensure_ascii=False, indent=2) + "\n")
    return path
