"""The files have the exact shape of the examples, and the workbench's loaders read them cleanly."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from workbench.demo.hostile import HOSTILE_ID, IMG, SCRIPT
from workbench.demo.works import orcid_checksum

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "demo"


@pytest.fixture(scope="module")
def example_proposal() -> dict:
    return json.loads((EXAMPLES / "proposal.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example_work() -> dict:
    return json.loads((EXAMPLES / "works.json").read_text(encoding="utf-8"))["results"][0]


def _pids(demo) -> list[str]:
    return [p["proposal_id"] for p in demo.index()["proposals"]]


def test_proposals_use_the_example_fields_and_only_them(demo, example_proposal) -> None:
    person_keys = set().union(*(p.keys() for p in example_proposal["people"]))
    always = set.intersection(*(set(p) for p in example_proposal["people"]))
    aff_keys = set(example_proposal["people"][0]["affiliations"][0])
    org_keys = set().union(*(o.keys() for o in example_proposal["organizations"]))
    investor_keys = set(example_proposal["organizations"][0]["investors"][0])
    for pid in _pids(demo):
        data = demo.proposal(pid)
        assert list(data) == list(example_proposal), pid
        for person in data["people"]:
            assert always <= set(person) <= person_keys, (pid, person["id"])
            for aff in person["affiliations"]:
                assert set(aff) == aff_keys
        for org in data["organizations"]:
            assert set(org) <= org_keys and {"id", "name", "role", "investors"} <= set(org)
            for inv in org["investors"]:
                assert set(inv) == investor_keys


def test_proposal_ids_dates_and_identifiers_are_fictitious_and_well_formed(demo) -> None:
    for pid in _pids(demo):
        assert re.fullmatch(r"ASPIRE-2025-D-\d{3}", pid)
        data = demo.proposal(pid)
        assert data["submitted"].startswith("2025-")
        for person in data["people"]:
            if person["orcid"]:
                digits = person["orcid"].replace("-", "")
                assert person["orcid"].startswith("0000-0000-")  # a block ORCID never issues
                assert orcid_checksum(digits[:-1]) == digits[-1]
            if person["openalex_id"]:
                assert re.fullmatch(r"A5\d{9}", person["openalex_id"])


def test_works_have_the_openalex_shape_of_the_example(demo, example_work) -> None:
    work_keys = set(example_work)
    authorship_keys = set(example_work["authorships"][0])
    author_keys = set(example_work["authorships"][0]["author"])
    institution_keys = set(example_work["authorships"][0]["institutions"][0])
    checked = 0
    for path in sorted(demo.proposals.glob("*/works.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"meta", "results"} and data["meta"]["count"] == len(data["results"])
        for w in data["results"]:
            assert set(w) == work_keys
            assert re.fullmatch(r"https://openalex\.org/W9\d{9}", w["id"])
            assert w["doi"] is None or w["doi"].startswith("https://doi.org/10.5555/")
            for a in w["authorships"]:
                assert set(a) == authorship_keys
                assert set(a["author"]) == author_keys
                assert re.fullmatch(r"https://openalex\.org/A5\d{9}", a["author"]["id"])
                assert a["author_position"] in {"first", "middle", "last"}
                for inst in a["institutions"]:
                    assert set(inst) == institution_keys
                    assert inst["id"] or inst["ror"]
                    assert inst["id"] is None or re.fullmatch(
                        r"https://openalex\.org/I\d+", inst["id"]
                    )
                checked += 1
    assert checked > 20_000


def test_publications_csv_has_the_example_header(demo) -> None:
    header = (EXAMPLES / "publications.csv").read_text(encoding="utf-8").splitlines()[0]
    files = sorted(demo.proposals.glob("*/publications.csv"))
    assert [f.parent.name for f in files] == ["ASPIRE-2025-D-010", "ASPIRE-2025-D-011"]
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert ",".join(rows[0]) == header
        assert all(len(r) == len(rows[0]) for r in rows)
        assert all(r[1].startswith("10.5555/") for r in rows[1:] if r[1])


def test_the_workbench_loaders_read_every_proposal_without_a_warning(demo) -> None:
    from workbench.proposal import load_proposal_with_report
    from workbench.publications.loader import load_works_many

    for entry in demo.index()["proposals"]:
        folder = demo.proposals / entry["proposal_id"]
        loaded = load_proposal_with_report(folder / "proposal.json")
        assert loaded.report.warnings == (), [str(w) for w in loaded.report.warnings]
        assert loaded.value.proposal_id == entry["proposal_id"]
        loaded_works = load_works_many([folder / f for f in entry["files"] if f != "proposal.json"])
        works = loaded_works.value
        # the demo plants repeated papers (one DOI under two ids, or in two files): kept once
        repeats = entry["works"] - len(works)
        doi_repeats = [w for w in loaded_works.report.warnings if "field 'doi'" in w]
        assert repeats == len(doi_repeats)
        if entry["proposal_id"].endswith("-003"):  # the story's one repeated DOI
            assert repeats == 1
        assert len({w.doi for w in works if w.doi}) == sum(1 for w in works if w.doi)


def test_hostile_proposal_loads_and_carries_markup_in_every_kind_of_text(demo) -> None:
    from workbench.proposal import load_proposal
    from workbench.publications.loader import load_works

    folder = demo.root / "hostile" / HOSTILE_ID
    proposal = load_proposal(folder / "proposal.json")
    works = load_works(folder / "works.json").value
    assert SCRIPT in proposal.title and IMG in proposal.people[0].name
    assert any("<" in o.name for o in proposal.organizations)
    assert any(IMG in w.title or SCRIPT in w.title for w in works)
    assert any("<" in a.author_name for w in works for a in w.authorships)
    assert any(SCRIPT in s for w in works for a in w.authorships for s in a.raw_affiliations)
