"""A plain reader of the generated demo files, for the demo tests.

The reader parses the files with ``json`` and ``csv`` only, so the demo's
format is checked independently of the workbench's own loaders (which other
tests exercise on the same files).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

DATA_LISTS = Path(__file__).resolve().parents[2] / "data" / "lists"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
PARENS = re.compile(r"[(（][^()（）]*[)）]")


@dataclass(frozen=True)
class Authorship:
    name: str
    author_id: str | None
    orcid: str | None
    affiliations: tuple[str, ...]
    institutions: tuple[str, ...]  # display names


@dataclass(frozen=True)
class Work:
    id: str
    doi: str | None
    day: str | None  # ISO date, or None for a year alone
    year: int
    authorships: tuple[Authorship, ...]

    def interval(self) -> tuple[date, date]:
        """Earliest and latest day the work may carry."""
        if self.day:
            d = date.fromisoformat(self.day)
            return d, d
        return date(self.year, 1, 1), date(self.year, 12, 31)


def _bare(value: str | None, prefix: str) -> str | None:
    return value[len(prefix) :] if value and value.startswith(prefix) else value or None


def read_works_json(path: Path) -> list[Work]:
    data = json.loads(path.read_text(encoding="utf-8"))
    works = []
    for w in data["results"]:
        works.append(
            Work(
                id=_bare(w["id"], "https://openalex.org/") or "",
                doi=_bare(w["doi"], "https://doi.org/"),
                day=w["publication_date"],
                year=w["publication_year"],
                authorships=tuple(
                    Authorship(
                        name=a["author"]["display_name"],
                        author_id=_bare(a["author"]["id"], "https://openalex.org/"),
                        orcid=_bare(a["author"]["orcid"], "https://orcid.org/"),
                        affiliations=tuple(a["raw_affiliation_strings"]),
                        institutions=tuple(i["display_name"] for i in a["institutions"]),
                    )
                    for a in w["authorships"]
                ),
            )
        )
    return works


def read_publications_csv(path: Path) -> list[Work]:
    rows: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row["work_id"], []).append(row)
    works = []
    for work_id, group in rows.items():
        day = group[0]["publication_date"]
        works.append(
            Work(
                id=work_id,
                doi=group[0]["doi"] or None,
                day=day if len(day) == 10 else None,
                year=int(day[:4]),
                authorships=tuple(
                    Authorship(
                        name=r["author_name"],
                        author_id=r["openalex_author_id"] or None,
                        orcid=r["orcid"] or None,
                        affiliations=tuple(
                            a.strip() for a in r["affiliation"].split("|") if a.strip()
                        ),
                        institutions=(),
                    )
                    for r in group
                ),
            )
        )
    return works


def segments(text: str) -> list[str]:
    """The parts of an affiliation string an institution name can fill, case-folded."""
    parts = []
    for piece in text.split(","):
        piece = piece.strip()
        parts.extend(piece.split() if CJK.search(piece) else [piece])
    return [p.casefold() for p in parts if p]


@dataclass
class Demo:
    root: Path  # the generated data/demo folder

    @property
    def proposals(self) -> Path:
        return self.root / "proposals"

    def index(self) -> dict[str, Any]:
        return json.loads((self.proposals / "index.json").read_text(encoding="utf-8"))

    def proposal(self, pid: str) -> dict[str, Any]:
        return json.loads((self.proposals / pid / "proposal.json").read_text(encoding="utf-8"))

    def works(self, pid: str) -> list[Work]:
        """Works of both files, a work in both kept once (by id)."""
        folder = self.proposals / pid
        found: dict[str, Work] = {}
        if (folder / "works.json").exists():
            found.update({w.id: w for w in read_works_json(folder / "works.json")})
        if (folder / "publications.csv").exists():
            for w in read_publications_csv(folder / "publications.csv"):
                found.setdefault(w.id, w)
        return list(found.values())


def listed_names() -> set[str]:
    """Every organisation name and alias on the shipped lists, parentheses removed, case-folded."""
    names: set[str] = set()
    meti = DATA_LISTS / "jp_end_user_list_20250929.json"
    csl = DATA_LISTS / "csl_2023-11.csv"
    if not meti.exists() or not csl.exists():
        pytest.skip("the shipped lists are not in data/lists")
    for rec in json.loads(meti.read_text(encoding="utf-8")):
        for n in [rec["entity_name"], *rec["aliases"]]:
            names.update(_name_forms(n))
    with csl.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["_id"] == "_id" or row["type"] == "Individual":
                continue
            for n in [row["name"], *(row["alt_names"] or "").split("; ")]:
                names.update(_name_forms(n))
    names.discard("")
    return names


def _name_forms(name: str) -> set[str]:
    """The name without its parenthesised parts, and each parenthesised original-script name."""
    inner = {m.strip("()（） ").casefold() for m in PARENS.findall(name) if CJK.search(m)}
    return {PARENS.sub("", name).strip().casefold(), *inner}
