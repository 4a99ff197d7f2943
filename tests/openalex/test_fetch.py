"""Fetching works from a local OpenAlex replay server: every documented case, no internet."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.openalex.conftest import (
    Answer,
    ReplayServer,
    page,
    person,
    real_author,
    works_like,
    write_proposal,
)
from workbench.cli import main
from workbench.openalex import FetchError, OpenAlexClient, fetch_proposal_works, write_fetch
from workbench.proposal import load_proposal
from workbench.publications import load_works

AS_OF = date(2025, 6, 20)
FROM = "2022-06-20"  # one year before the two-year window's start
AID = "A5023888391"


def client(server: ReplayServer, tmp_path: Path, **kw) -> OpenAlexClient:
    sleeps: list[float] = []
    kw.setdefault("sleep", sleeps.append)
    c = OpenAlexClient(server.url, cache_dir=tmp_path / "cache", backoff=0.01, **kw)
    c.sleeps = sleeps  # type: ignore[attr-defined]
    return c


def serve_author(server: ReplayServer, works_pages: list[list[dict]], aid: str = AID) -> None:
    server.add(f"/authors/{aid}", Answer(body=real_author()))
    total = sum(len(p) for p in works_pages)
    for i, results in enumerate(works_pages):
        nxt = f"c{i + 1}" if i + 1 < len(works_pages) else None
        server.add(
            "/works", Answer(body=page(results, total, nxt)), cursor="*" if i == 0 else f"c{i}"
        )


def test_three_pages_fetched_written_and_loadable(openalex, tmp_path):
    serve_author(openalex, [works_like(200), works_like(200, 200), works_like(57, 400)])
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "Jason Priem", openalex_id=AID)))
    progress: list[tuple[str, int, int]] = []
    with client(openalex, tmp_path) as c:
        result = fetch_proposal_works(c, proposal, AS_OF, 2, progress=lambda *a: progress.append(a))
    assert len(result.works) == 457
    assert progress == [("P1", 200, 457), ("P1", 400, 457), ("P1", 457, 457)]
    assert result.calls["requests"] == 1 + 3  # one author look-up, three pages
    works_query = next(q for p, q in openalex.log if p == "/works")
    assert works_query["filter"] == f"authorships.author.id:{AID},from_publication_date:{FROM}"
    assert works_query["per_page"] == "200"
    assert "raw_affiliation_strings" not in works_query["select"]  # a top-level select
    assert "authorships" in works_query["select"].split(",")
    out = tmp_path / "works.json"
    prov = json.loads(write_fetch(result, out).read_text())
    assert prov["persons"][0]["author_ids"] == [AID]
    assert prov["persons"][0]["method"] == "questionnaire"
    assert prov["works"] == 457 and prov["unidentified"] == []
    loaded = load_works(out).value
    assert len(loaded) == 457
    assert loaded[0].authorships[1].openalex_author_id == AID
    assert any(a.raw_affiliations for w in loaded[:1] for a in w.authorships)


def test_second_fetch_makes_no_network_calls(openalex, tmp_path):
    serve_author(openalex, [works_like(3)])
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "Jason Priem", openalex_id=AID)))
    with client(openalex, tmp_path) as c:
        first = fetch_proposal_works(c, proposal, AS_OF)
    before = len(openalex.log)
    with client(openalex, tmp_path) as c:
        second = fetch_proposal_works(c, proposal, AS_OF)
        assert c.summary.requests == 0 and c.summary.cached == 2
    assert len(openalex.log) == before
    assert second.works == first.works


def test_429_waits_as_long_as_retry_after_asks(openalex, tmp_path):
    openalex.add(
        f"/authors/{AID}",
        Answer(429, {"error": "slow down"}, {"Retry-After": "7"}),
        Answer(body=real_author()),
    )
    openalex.add("/works", Answer(body=page(works_like(2), 2, None)))
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "J", openalex_id=AID)))
    with client(openalex, tmp_path) as c:
        result = fetch_proposal_works(c, proposal, AS_OF)
        assert max(c.sleeps) >= 7
        assert c.summary.retries == 1
    assert len(result.works) == 2


def test_500_then_success_is_retried(openalex, tmp_path):
    openalex.add(f"/authors/{AID}", Answer(body=real_author()))
    openalex.add(
        "/works", Answer(500, {"error": "oops"}), Answer(body=page(works_like(1), 1, None))
    )
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "J", openalex_id=AID)))
    with client(openalex, tmp_path) as c:
        result = fetch_proposal_works(c, proposal, AS_OF)
        assert c.summary.retries == 1 and c.summary.by_kind["works page"] == 2
    assert len(result.works) == 1


def test_a_timeout_is_retried(openalex, tmp_path):
    openalex.add(
        f"/authors/{AID}", Answer(body=real_author(), delay=1.0), Answer(body=real_author())
    )
    openalex.add("/works", Answer(body=page(works_like(1), 1, None)))
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "J", openalex_id=AID)))
    with client(openalex, tmp_path, timeout=0.2) as c:
        result = fetch_proposal_works(c, proposal, AS_OF)
        assert c.summary.retries == 1
    assert result.persons[0].identity.author_ids == (AID,)


def test_endless_timeouts_give_up_with_the_url(openalex, tmp_path):
    openalex.add(f"/authors/{AID}", Answer(body=real_author(), delay=0.5))
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "J", openalex_id=AID)))
    with client(openalex, tmp_path, timeout=0.1, retries=3) as c, pytest.raises(FetchError) as err:
        fetch_proposal_works(c, proposal, AS_OF)
    assert f"/authors/{AID}" in str(err.value) and "timed out" in str(err.value)
    assert "gave up after 3 attempts" in str(err.value)


def run_cli(server: ReplayServer, tmp_path: Path, monkeypatch, *args: str) -> int:
    monkeypatch.setenv("WORKBENCH_OPENALEX_URL", server.url)
    monkeypatch.setenv("WORKBENCH_OPENALEX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("WORKBENCH_OPENALEX_API_KEY", "secret-key")
    return main(["works", "fetch", *args])


def test_malformed_json_writes_nothing_and_names_the_url(openalex, tmp_path, monkeypatch, capsys):
    openalex.add(f"/authors/{AID}", Answer(body=real_author()))
    openalex.add("/works", Answer(raw=b"<html>upstream error</html>"))
    path = write_proposal(tmp_path, person("P1", "J", openalex_id=AID))
    out = tmp_path / "works.json"
    out.write_text("previous")
    status = run_cli(openalex, tmp_path, monkeypatch, str(path), "--out", str(out))
    err = capsys.readouterr().err
    assert status == 1
    assert "not JSON" in err and "/works?" in err and "nothing written" in err
    assert "secret-key" not in err
    assert out.read_text() == "previous"
    assert not (tmp_path / "works.provenance.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_merged_author_id_is_followed(openalex, tmp_path):
    openalex.add("/authors/A1111", Answer(301, {}, {"Location": f"/authors/{AID}?select=id"}))
    openalex.add(f"/authors/{AID}", Answer(body=real_author()))
    openalex.add("/works", Answer(body=page(works_like(4), 4, None)))
    proposal = load_proposal(write_proposal(tmp_path, person("P1", "J", openalex_id="A1111")))
    with client(openalex, tmp_path) as c:
        result = fetch_proposal_works(c, proposal, AS_OF)
        assert c.summary.redirects == 1
    identity = result.persons[0].identity
    assert identity.author_ids == (AID,) and identity.merged == (("A1111", AID),)
    works_query = next(q for p, q in openalex.log if p == "/works")
    assert works_query["filter"].startswith(f"authorships.author.id:{AID},")
    assert result.provenance()["persons"][0]["merged"] == [{"asked": "A1111", "now": AID}]


def test_unknown_orcid_falls_back_to_name_at_declared_institution(openalex, tmp_path):
    openalex.add("/authors/orcid:0000-0001-6187-6610", Answer(404, {"error": "not found"}))
    openalex.add("/authors", Answer(body=page([real_author()], 1, None)), search="Jason Priem")
    openalex.add("/works", Answer(body=page(works_like(1), 1, None)))
    p = person("P1", "Jason Priem", "OurResearch", orcid="0000-0001-6187-6610")
    proposal = load_proposal(write_proposal(tmp_path, p))
    with client(openalex, tmp_path) as c:
        identity = fetch_proposal_works(c, proposal, AS_OF).persons[0].identity
    assert identity.author_ids == (AID,)
    assert identity.method == "name at declared institution"
    assert "ORCID 0000-0001-6187-6610 unknown to OpenAlex" in identity.note


def test_a_name_alone_never_identifies(openalex, tmp_path):
    openalex.add("/authors", Answer(body=page([real_author()], 1, None)), search="Jason Priem")
    proposal = load_proposal(
        write_proposal(tmp_path, person("P1", "Jason Priem", "Kyoto University"))
    )
    with client(openalex, tmp_path) as c:
        result = fetch_proposal_works(c, proposal, AS_OF)
    identity = result.persons[0].identity
    assert not identity.identified and result.works == ()
    assert "none at a declared institution" in identity.note
    assert [c.id for c in identity.candidates] == [AID]
    assert openalex.calls("/works") == 0


def test_two_candidates_at_one_institution_are_listed_then_chosen(
    openalex, tmp_path, monkeypatch, capsys
):
    twin = real_author()
    twin["id"], twin["display_name"], twin["works_count"] = (
        "https://openalex.org/A42",
        "J. Priem",
        3,
    )
    openalex.add(
        "/authors", Answer(body=page([real_author(), twin], 2, None)), search="Jason Priem"
    )
    openalex.add(f"/authors/{AID}", Answer(body=real_author()))
    openalex.add("/works", Answer(body=page(works_like(5), 5, None)))
    path = write_proposal(tmp_path, person("P1", "Jason Priem", "OurResearch"))
    out = tmp_path / "works.json"
    assert run_cli(openalex, tmp_path, monkeypatch, str(path), "--out", str(out)) == 3
    err = capsys.readouterr().err
    assert "2 authors named so at a declared institution" in err
    assert f"--author P1={AID}" in err and "--author P1=A42" in err and "OurResearch" in err
    prov = json.loads((tmp_path / "works.provenance.json").read_text())
    assert prov["unidentified"] == ["P1"]
    assert {c["id"] for c in prov["persons"][0]["candidates"]} == {AID, "A42"}
    assert prov["persons"][0]["candidates"][0]["last_known_institutions"] == ["OurResearch"]
    assert json.loads(out.read_text())["results"] == []
    status = run_cli(
        openalex, tmp_path, monkeypatch, str(path), "--out", str(out), "--author", f"P1={AID}"
    )
    assert status == 0
    assert len(json.loads(out.read_text())["results"]) == 5
    prov = json.loads((tmp_path / "works.provenance.json").read_text())
    assert prov["persons"][0]["method"] == "command line"
    assert "secret-key" not in json.dumps(prov)


def test_zero_works_is_written_as_zero(openalex, tmp_path, monkeypatch, capsys):
    openalex.add(f"/authors/{AID}", Answer(body=real_author()))
    openalex.add("/works", Answer(body=page([], 0, None)))
    path = write_proposal(tmp_path, person("P1", "J", openalex_id=AID))
    out = tmp_path / "works.json"
    assert run_cli(openalex, tmp_path, monkeypatch, str(path), "--out", str(out)) == 0
    assert "P1 J: A5023888391 (questionnaire), 0 works" in capsys.readouterr().out
    assert load_works(out).value == ()
    assert json.loads((tmp_path / "works.provenance.json").read_text())["works"] == 0


def test_shared_works_are_written_once_and_out_of_scope_people_are_not_fetched(openalex, tmp_path):
    serve_author(openalex, [works_like(3)])
    serve_author(openalex, [works_like(3)], aid="A77")
    nl = {**person("P3", "Dutch PI", openalex_id="A99"), "side": "NL", "role": "PI"}
    proposal = load_proposal(
        write_proposal(
            tmp_path, person("P1", "J", openalex_id=AID), person("P2", "K", openalex_id="A77"), nl
        )
    )
    with client(openalex, tmp_path) as c:
        result = fetch_proposal_works(c, proposal, AS_OF)
    assert [p.identity.person_id for p in result.persons] == ["P1", "P2"]
    assert len(result.works) == 3
    assert openalex.calls("/authors/A99") == 0


def test_unknown_person_in_author_option_is_an_input_error(openalex, tmp_path, monkeypatch, capsys):
    path = write_proposal(tmp_path, person("P1", "J", openalex_id=AID))
    status = run_cli(
        openalex,
        tmp_path,
        monkeypatch,
        str(path),
        "--out",
        str(tmp_path / "w.json"),
        "--author",
        "P9=A1",
    )
    assert status == 2
    assert "no person 'P9'" in capsys.readouterr().err
    assert openalex.log == []
