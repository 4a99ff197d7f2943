"""The proposal's research-security questionnaire, read from JSON or Excel and validated.

The JSON layout is the one of ``examples/proposal.json``; the Excel layout is
the questionnaire template of :mod:`workbench.questionnaire`, which reads its
sheets into the same plain data and validates it here, so both formats obey
the same rules and give the same messages (only the places differ:
``$.people[2].side`` in JSON, ``研究者 People!E4`` in Excel).

What is an error and what is a warning
--------------------------------------
Errors make the proposal unusable and are all reported together
(:class:`~workbench.errors.InputError`): missing or ill-typed fields, unknown
``side``/``residency``/affiliation ``type``/organization ``role`` (values the rules
depend on),
malformed dates, an affiliation that ends before it starts, duplicate ids, and
``lab_of`` naming no person of the proposal (or the person themself).

Warnings keep the proposal but are shown to the reviewer
(``load_proposal_with_report(path).report.warnings``): no ``submitted`` date
(screening then needs ``--as-of``); dates later than ``submitted`` (an
affiliation starting after submission is announced, not current — the reviewer
should know, but it is not wrong); ``lab_of`` pointing to someone who is not a
PI or Co-PI (Q3.8 speaks of PIs' and Co-PIs' labs); ``lab_site`` that is none of
that PI's affiliations; an ORCID iD whose check digit is wrong; fields the
format does not know (often a misspelling); a person's ``role`` the workbench does
not know (``coordinator``): kept as given, scope following ``involved_in_research``
and ``accesses_research_information`` as the FAQ does (Q3.7).

Examples
--------
>>> data = {"proposal_id": "X-1", "title": "t", "submitted": "2025-06-20",
...         "people": [{"id": "p1", "name": "Sato Haruki", "side": "JP", "role": "PI"}]}
>>> proposal_from_data(data, ProblemCollector("x.json")).people[0].role
'PI'
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from workbench import identifiers
from workbench.errors import ProblemCollector
from workbench.model import (
    PERSON_ROLES,
    Affiliation,
    AffiliationType,
    Investor,
    Loaded,
    LoadReport,
    Organization,
    OrgRole,
    Person,
    Proposal,
    Residency,
    Side,
)
from workbench.output_text import id_problem
from workbench.publications.files import parse_json, read_text
from workbench.questionnaire.fields import DataPath, FieldReader, Locator, json_path

#: Roles whose lab members are named through ``lab_of`` (Q3.7, Q3.8).
LAB_HEADS = frozenset({"PI", "Co-PI"})

TOP_FIELDS = ("proposal_id", "title", "field", "call", "submitted", "people", "organizations")
PERSON_FIELDS = (
    "id",
    "name",
    "name_local",
    "side",
    "role",
    "lab_of",
    "lab_site",
    "involved_in_research",
    "accesses_research_information",
    "residency",
    "specific_category",
    "specific_category_note",
    "orcid",
    "openalex_id",
    "affiliations",
)
AFFILIATION_FIELDS = ("organization", "country", "type", "is_research_institution", "start", "end")
ORGANIZATION_FIELDS = (
    "id",
    "name",
    "name_local",
    "country",
    "role",
    "receives_funding",
    "investors",
)
INVESTOR_FIELDS = ("name", "country", "clearly_identified")


def proposal_from_data(
    data: object, collector: ProblemCollector, locate: Locator = json_path, source: str = ""
) -> Proposal | None:
    """Validate plain questionnaire data into a :class:`Proposal`, or ``None`` after errors.

    Every problem goes to ``collector``; ``locate`` turns a data path into the
    place shown to the reader (a JSON path by default, a cell for Excel).
    """
    v = FieldReader(collector, locate)
    top = v.obj(data, (), TOP_FIELDS)
    if top is None:
        return None
    proposal_id = v.text(top, (), "proposal_id", required=True)
    raw_id = top.get("proposal_id")
    if proposal_id is not None and (why := id_problem(raw_id if isinstance(raw_id, str) else "")):
        v.error(("proposal_id",), f"{raw_id!r} {why}", "an id without '/', '\\' or controls")
        proposal_id = None
    title = v.text(top, (), "title", required=True)
    research_field, call = v.text(top, (), "field"), v.text(top, (), "call")
    submitted = v.day(top, (), "submitted")
    if submitted is None and top.get("submitted") in (None, ""):
        v.warn(
            ("submitted",), "no submission date; screening will need --as-of", "a date YYYY-MM-DD"
        )
    raw_people = v.items(top, (), "people")
    if not raw_people and isinstance(top.get("people"), list | None):
        v.error(("people",), "no people", "at least one person")
    people = [_person(v, raw, ("people", i), submitted) for i, raw in enumerate(raw_people)]
    orgs = [
        _organization(v, raw, ("organizations", i))
        for i, raw in enumerate(v.items(top, (), "organizations"))
    ]
    _check_ids(v, raw_people, top.get("organizations") or [])
    _check_labs(v, people, {r.get("id") for r in raw_people if isinstance(r, dict)})
    if collector.errors or proposal_id is None or title is None:
        return None
    return Proposal(
        proposal_id=proposal_id,
        title=title,
        people=tuple(p for p in people if p is not None),
        organizations=tuple(o for o in orgs if o is not None),
        field=research_field,
        call=call,
        submitted=submitted,
        source=source,
    )


def _person(v: FieldReader, raw: object, path: DataPath, submitted: date | None) -> Person | None:
    obj = v.obj(raw, path, PERSON_FIELDS)
    if obj is None:
        return None
    pid = v.text(obj, path, "id", required=True)
    name = v.text(obj, path, "name", required=True)
    side = v.choice(obj, path, "side", Side)
    roles = " or ".join(PERSON_ROLES)
    role = v.text(obj, path, "role")
    if role is None and obj.get("role") in (None, ""):
        v.error((*path, "role"), "missing", roles)
    elif role is not None and role not in PERSON_ROLES:
        # an open-ended label: scope follows involvement and access (Q3.7), not the role
        v.warn(
            (*path, "role"),
            f"unknown role {role!r}: kept as given; scope follows involved_in_research and "
            "accesses_research_information (Q3.7)",
            roles,
        )
    residency = v.choice(obj, path, "residency", Residency, Residency.RESIDENT)
    orcid = v.identifier(obj, path, "orcid", identifiers.orcid, "an ORCID iD 0000-0000-0000-0000")
    if orcid is not None and not identifiers.orcid_checksum_ok(orcid):
        v.warn((*path, "orcid"), f"check digit of ORCID iD {orcid} is wrong", "a valid ORCID iD")
    openalex = v.identifier(
        obj,
        path,
        "openalex_id",
        lambda x: identifiers.openalex_id(x, kind="A"),
        "an OpenAlex author id A…",
    )
    specific = v.flag(obj, path, "specific_category", False)
    note = v.text(obj, path, "specific_category_note")
    if note and not specific:
        v.warn(
            (*path, "specific_category_note"),
            "a note is given but specific_category is false",
            "specific_category true",
        )
    affiliations = [
        _affiliation(v, a, (*path, "affiliations", j), submitted)
        for j, a in enumerate(v.items(obj, path, "affiliations"))
    ]
    person = Person(
        id=pid or "",
        name=name or "",
        side=side or Side.JP,
        role=role or "",
        name_local=v.text(obj, path, "name_local"),
        lab_of=v.text(obj, path, "lab_of"),
        lab_site=v.text(obj, path, "lab_site"),
        involved_in_research=v.flag(obj, path, "involved_in_research", True),
        accesses_research_information=v.flag(obj, path, "accesses_research_information", True),
        residency=residency or Residency.RESIDENT,
        specific_category=specific,
        specific_category_note=note,
        orcid=orcid,
        openalex_id=openalex,
        affiliations=tuple(a for a in affiliations if a is not None),
    )
    return person if None not in (pid, name, side, role, residency) else None


def _affiliation(
    v: FieldReader, raw: object, path: DataPath, submitted: date | None
) -> Affiliation | None:
    obj = v.obj(raw, path, AFFILIATION_FIELDS)
    if obj is None:
        return None
    organization = v.text(obj, path, "organization", required=True)
    kind = v.choice(obj, path, "type", AffiliationType)
    start, end = v.day(obj, path, "start"), v.day(obj, path, "end")
    if start and end and end < start:
        v.error(
            (*path, "end"),
            f"ends {end} before it starts {start} (reversed dates)",
            f"a date on or after {start}",
        )
    if submitted and start and start > submitted:
        v.warn(
            (*path, "start"),
            f"starts {start}, after the submission date {submitted}; not current then",
            f"a date up to {submitted}",
        )
    if submitted and end and end > submitted and kind is AffiliationType.PAST:
        v.warn(
            (*path, "end"),
            f"a past affiliation ending {end}, after the submission date {submitted}",
            "type 'concurrent' or 'primary' if it still runs",
        )
    if kind is AffiliationType.PAST and end is None:
        v.warn((*path, "end"), "a past affiliation without an end date", "a date YYYY-MM-DD")
    country = v.text(obj, path, "country")
    if organization is None or kind is None:
        return None
    return Affiliation(
        organization=organization,
        country=country.upper() if country and len(country) == 2 else country,
        type=kind,
        is_research_institution=v.flag(obj, path, "is_research_institution", True),
        start=start,
        end=end,
    )


def _organization(v: FieldReader, raw: object, path: DataPath) -> Organization | None:
    obj = v.obj(raw, path, ORGANIZATION_FIELDS)
    if obj is None:
        return None
    oid = v.text(obj, path, "id", required=True)
    name = v.text(obj, path, "name", required=True)
    role = v.choice(obj, path, "role", OrgRole)
    investors = []
    for k, raw_inv in enumerate(v.items(obj, path, "investors")):
        ipath = (*path, "investors", k)
        inv = v.obj(raw_inv, ipath, INVESTOR_FIELDS)
        if inv is None:
            continue
        iname = v.text(inv, ipath, "name", required=True)
        country = v.text(inv, ipath, "country")
        clear = v.flag(inv, ipath, "clearly_identified", False)
        if iname is not None:
            investors.append(Investor(iname, country, clear))
    name_local, country = v.text(obj, path, "name_local"), v.text(obj, path, "country")
    funded = v.flag(obj, path, "receives_funding", False)
    if oid is None or name is None or role is None:
        return None
    return Organization(oid, name, role, country, name_local, funded, tuple(investors))


def _check_ids(v: FieldReader, people: list[Any], orgs: object) -> None:
    """Person and organization ids are unique across the whole proposal."""
    seen: dict[str, DataPath] = {}
    groups = [("people", people), ("organizations", orgs if isinstance(orgs, list) else [])]
    for group, records in groups:
        for i, raw in enumerate(records):
            rid = raw.get("id") if isinstance(raw, dict) else None
            if not isinstance(rid, str) or not rid.strip():
                continue
            path: DataPath = (group, i, "id")
            if rid.strip() in seen:
                first = v.locate(seen[rid.strip()])
                v.error(path, f"duplicate id {rid!r}, already used at {first}", "an id used once")
            else:
                seen[rid.strip()] = path


def _check_labs(v: FieldReader, people: list[Person | None], written: set[object]) -> None:
    """``lab_of`` names a person of this proposal, ideally a PI or Co-PI (Q3.7, Q3.8).

    ``written`` are the ids as written, so a lab head whose own record has errors (already
    reported) is not reported a second time as missing."""
    by_id = {p.id: p for p in people if p is not None}
    for i, p in enumerate(people):
        if p is None or p.lab_of is None:
            if p is not None and p.lab_site:
                v.warn(
                    ("people", i, "lab_site"),
                    "lab_site without lab_of",
                    "lab_of naming the lab's PI",
                )
            continue
        path: DataPath = ("people", i, "lab_of")
        head = by_id.get(p.lab_of)
        if p.lab_of == p.id:
            v.error(path, "a person cannot be in their own lab", "the id of the lab's PI or Co-PI")
        elif head is None and p.lab_of in written:
            continue  # the head's record has errors of its own, reported where they are
        elif head is None:
            v.error(
                path,
                f"refers to {p.lab_of!r}, who is not a person of this proposal",
                "the id of a PI or Co-PI in people",
            )
        else:
            if head.role not in LAB_HEADS:
                v.warn(
                    path,
                    f"refers to {head.id!r}, whose role is {head.role!r}",
                    "the id of a PI or Co-PI",
                )
            sites = {a.organization for a in head.affiliations}
            if p.lab_site and sites and p.lab_site not in sites:
                v.warn(
                    ("people", i, "lab_site"),
                    f"{p.lab_site!r} is none of {head.id}'s affiliations",
                    " or ".join(sorted(sites)),
                )


def load_proposal_with_report(path: str | Path) -> Loaded[Proposal]:
    """Read a questionnaire (``.json``, or ``.xlsx`` from the Excel template) with its warnings.

    Raises
    ------
    InputError
        With every problem of the file, each naming the file, place and field.
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from workbench.questionnaire.reader import read_questionnaire_with_report

        return read_questionnaire_with_report(path)
    collector = ProblemCollector(str(path))
    text = read_text(path, collector)
    proposal = None
    if text is not None:
        ok, data = parse_json(text, collector)
        if ok:
            proposal = proposal_from_data(data, collector, source=str(path))
    collector.raise_if_errors()
    assert proposal is not None
    return Loaded(proposal, report_for(proposal, collector))


def report_for(proposal: Proposal, collector: ProblemCollector) -> LoadReport:
    """The load report of a proposal: people and organizations read, warnings."""
    return LoadReport(
        source=collector.file,
        read=len(proposal.people) + len(proposal.organizations),
        warnings=tuple(str(w) for w in collector.warnings),
    )


def load_proposal(path: str | Path) -> Proposal:
    """Read a questionnaire (JSON or Excel); see :func:`load_proposal_with_report`."""
    return load_proposal_with_report(path).value
