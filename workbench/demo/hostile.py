"""A hostile proposal for the dashboards' security tests: markup and script in every text field.

It is a valid proposal (it loads and screens like any other) whose names,
titles, organizations and affiliation strings carry HTML and script. Every
payload that would run sets ``window.__xss`` or calls ``alert``, so a browser
test can assert that nothing ran. It lives in ``hostile/``, never among the
demo proposals a reviewer picks from.

>>> files = hostile_files()
>>> sorted(files)
['ASPIRE-2025-H-001/proposal.json', 'ASPIRE-2025-H-001/works.json']
>>> "<script>" in files["ASPIRE-2025-H-001/works.json"]
True
"""

from __future__ import annotations

from typing import Any

from workbench.demo.serialize import dump_json, works_json
from workbench.demo.spec import CALL

HOSTILE_ID = "ASPIRE-2025-H-001"
IMG = "<img src=x onerror=alert(1)>"
IMG_FLAG = '<img src=x onerror="window.__xss=1">'
SCRIPT = "<script>window.__xss=2;alert('xss')</script>"
SVG = '"><svg onload="window.__xss=3">'
LINK = '<a href="javascript:window.__xss=4">click</a>'
STYLE = "<style>body{display:none}</style>"
PAYLOADS = (IMG, IMG_FLAG, SCRIPT, SVG, LINK, STYLE)


def _person(pid: str, name: str, role: str, org: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "side": extra.pop("side", "JP"),
        "role": role,
        "lab_of": extra.pop("lab_of", None),
        "involved_in_research": True,
        "accesses_research_information": True,
        "residency": extra.pop("residency", "resident"),
        "specific_category": False,
        "orcid": None,
        "openalex_id": extra.pop("openalex_id", None),
        "affiliations": [
            {
                "organization": org,
                "country": "JP",
                "type": "primary",
                "is_research_institution": True,
                "start": "2018-04-01",
                "end": None,
            },
        ],
        **extra,
    }


def _proposal() -> dict[str, Any]:
    return {
        "proposal_id": HOSTILE_ID,
        "title": f"Quantum sensing {SCRIPT} of {IMG} devices",
        "field": "quantum",
        "call": CALL,
        "submitted": "2025-06-20",
        "people": [
            _person(
                "p1",
                f"Sato {IMG} Haruki",
                "PI",
                f"Tohoku University {SVG}",
                openalex_id="A5900000001",
                name_local=f"佐藤 {SCRIPT}",
            ),
            _person("p2", f"{SCRIPT}Chen Wei", "Co-PI", f"Osaka University {IMG_FLAG}"),
            _person(
                "p3",
                f"Tanaka {LINK} Yui",
                "student",
                f"Tohoku University {STYLE}",
                lab_of="p1",
                residency="non-resident",
            ),
            _person(
                "p4",
                f"de Vries {IMG}",
                "PI",
                f"TU Delft {SCRIPT}",
                side="NL",
                residency="non-resident",
            ),
        ],
        "organizations": [
            {
                "id": "o1",
                "name": f"Hostile {SVG} Devices K.K.",
                "name_local": f"株式会社{SCRIPT}",
                "country": "JP",
                "role": "cooperation-partner",
                "receives_funding": False,
                "investors": [
                    {"name": f"{IMG_FLAG} Capital", "country": "JP", "clearly_identified": True}
                ],
            },
        ],
    }


def _authorship(
    pos: str, aid: str, name: str, raw: str, inst: dict[str, Any] | None, cc: str
) -> dict[str, Any]:
    return {
        "author_position": pos,
        "author": {"id": f"https://openalex.org/{aid}", "display_name": name, "orcid": None},
        "institutions": [inst] if inst else [],
        "countries": [cc],
        "raw_author_name": name,
        "raw_affiliation_strings": [raw],
    }


def _works() -> list[dict[str, Any]]:
    hit = {
        "id": "https://openalex.org/I204983213",
        "display_name": f"Harbin Institute of Technology {IMG}",
        "ror": "https://ror.org/01yqg2h08",
        "country_code": "CN",
        "type": "education",
    }
    sato = ("A5900000001", f"Haruki {IMG} Sato")
    rows: list[tuple[str, str, list[tuple[Any, ...]]]] = [
        (
            "2024-05-14",
            f"Cryogenic {SCRIPT} multiplexers",
            [
                (
                    "first",
                    "A5900000101",
                    f"Lei {IMG_FLAG} Zhang",
                    f"{SCRIPT}School of Astronautics, Harbin Institute of Technology, "
                    "Harbin 150001, China",
                    hit,
                    "CN",
                ),
                ("last", *sato, f"Tohoku University {SVG}, Sendai 980-8577, Japan", None, "JP"),
            ],
        ),
        (
            "2024-11-02",
            f"Spin readout {IMG} with {LINK}",
            [
                ("first", *sato, f"東北大学 {STYLE}, 仙台 980-8577", None, "JP"),
                (
                    "last",
                    "A5900000102",
                    f"Hamid {SVG} Karimi",
                    f"Department of Physics, Sharif University of Technology {IMG}, Tehran, Iran",
                    None,
                    "IR",
                ),
            ],
        ),
        (
            "2021-03-01",
            f"{STYLE}Old work{IMG_FLAG}",
            [
                ("first", *sato, f"Tohoku University {LINK}", None, "JP"),
            ],
        ),
    ]
    works = []
    for n, (day, title, authors) in enumerate(rows, 1):
        works.append(
            {
                "id": f"https://openalex.org/W9900{n:06d}",
                "doi": f"https://doi.org/10.5555/aspire-demo.hostile.{n:03d}",
                "title": title,
                "publication_date": day,
                "publication_year": int(day[:4]),
                "authorships": [_authorship(*a) for a in authors],
            }
        )
    return works


def hostile_files() -> dict[str, str]:
    return {
        f"{HOSTILE_ID}/proposal.json": dump_json(_proposal()),
        f"{HOSTILE_ID}/works.json": works_json(_works()),
    }
