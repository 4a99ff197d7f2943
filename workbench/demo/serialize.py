"""Demo records to the input files the workbench reads: proposal.json, works.json, publications.csv.

Output is byte-stable: fixed key order, ``\\n`` line ends, UTF-8 without
escapes, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from workbench.demo.institutions import INSTITUTIONS
from workbench.demo.spec import CALL, Member, Org, Story
from workbench.demo.works import WorkFactory
from workbench.publications.flat_csv import COLUMNS as CSV_COLUMNS

WORKS_NOTE = (
    "Fictitious demo works of the ASPIRE workbench: people, titles and DOIs (10.5555, a test "
    "prefix) are invented; the institutions are real. OpenAlex /works response shape."
)


def _person(m: Member, factory: WorkFactory) -> dict[str, Any]:
    author = factory.members[m.id]
    d: dict[str, Any] = {"id": m.id, "name": m.name.questionnaire}
    if m.name.local:
        d["name_local"] = m.name.local
    d["side"] = m.side
    d["role"] = m.role
    d["lab_of"] = m.lab_of
    if m.lab_site:
        d["lab_site"] = m.lab_site
    d["involved_in_research"] = m.involved
    d["accesses_research_information"] = m.access
    d["residency"] = m.residency
    d["specific_category"] = m.specific_note is not None
    if m.specific_note:
        d["specific_category_note"] = m.specific_note
    d["orcid"] = author.orcid if m.orcid else None
    d["openalex_id"] = author.author_id if m.openalex else None
    d["affiliations"] = [
        {
            "organization": a.text,
            "country": INSTITUTIONS[a.inst].country,
            "type": a.type,
            "is_research_institution": INSTITUTIONS[a.inst].kind != "company",
            "start": a.start,
            "end": a.end,
        }
        for a in m.affs
    ]
    return d


def _org(o: Org) -> dict[str, Any]:
    d: dict[str, Any] = {"id": o.id, "name": o.name}
    if o.name_local:
        d["name_local"] = o.name_local
    d["country"] = o.country
    d["role"] = o.role
    d["receives_funding"] = o.funded
    d["investors"] = [
        {"name": n, "country": c, "clearly_identified": clear} for n, c, clear in o.investors
    ]
    return d


def proposal_data(story: Story, factory: WorkFactory) -> dict[str, Any]:
    return {
        "proposal_id": story.proposal_id,
        "title": story.title,
        "field": story.field,
        "call": CALL,
        "submitted": story.submitted,
        "people": [_person(m, factory) for m in story.members],
        "organizations": [_org(o) for o in story.orgs],
    }


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def works_json(works: list[dict[str, Any]]) -> str:
    """An OpenAlex ``/works`` response, one work per line so that diffs and greps stay readable."""
    meta = json.dumps({"count": len(works), "note": WORKS_NOTE}, ensure_ascii=False)
    lines = [json.dumps(w, ensure_ascii=False, separators=(", ", ": ")) for w in works]
    return '{"meta": ' + meta + ',\n "results": [\n' + ",\n".join(lines) + "\n]}\n"


def _bare(url: str | None, prefix: str) -> str:
    return url[len(prefix) :] if url and url.startswith(prefix) else (url or "")


def publications_csv(works: list[dict[str, Any]]) -> str:
    """The flat CSV: one row per authorship (works without authors cannot be written)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for w in works:
        day = w["publication_date"] or str(w["publication_year"])
        for a in w["authorships"]:
            writer.writerow(
                (
                    _bare(w["id"], "https://openalex.org/"),
                    _bare(w["doi"], "https://doi.org/"),
                    w["title"],
                    day,
                    a["author_position"],
                    a["author"]["display_name"],
                    _bare(a["author"]["orcid"], "https://orcid.org/"),
                    _bare(a["author"]["id"], "https://openalex.org/"),
                    " | ".join(a["raw_affiliation_strings"]),
                    " | ".join(a["countries"]),
                )
            )
    return out.getvalue()
