"""Identifiers are brought to the bare forms every record stores."""

from __future__ import annotations

import pytest

from workbench import identifiers


@pytest.mark.parametrize(
    ("raw", "bare"),
    [
        ("https://orcid.org/0000-0001-0000-0002", "0000-0001-0000-0002"),
        ("http://orcid.org/0000-0003-1613-5981", "0000-0003-1613-5981"),
        ("orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        (" 0000-0002-1825-0097 ", "0000-0002-1825-0097"),
        ("000000021825009x", "0000-0002-1825-009X"),
        ("", None),
        (None, None),
    ],
)
def test_orcid_bare_form(raw: str | None, bare: str | None) -> None:
    assert identifiers.orcid(raw) == bare


@pytest.mark.parametrize("raw", ["0000-0001-23", "https://orcid.org/abc", "0000-0001-0000-000Y"])
def test_orcid_rejects_what_is_not_one(raw: str) -> None:
    with pytest.raises(ValueError, match="not an ORCID iD"):
        identifiers.orcid(raw)


def test_orcid_check_digit() -> None:
    # Both examples of the ORCID documentation on check digits.
    assert identifiers.orcid_checksum_ok("0000-0002-1825-0097")
    assert identifiers.orcid_checksum_ok("0000-0002-1694-233X")
    assert not identifiers.orcid_checksum_ok("0000-0002-1825-0098")
    assert not identifiers.orcid_checksum_ok("0000-0001-0000-0001")  # the examples' placeholder


@pytest.mark.parametrize(
    ("raw", "kind", "bare"),
    [
        ("https://openalex.org/A5000000001", "A", "A5000000001"),
        ("https://openalex.org/W2741809807", "W", "W2741809807"),
        ("https://api.openalex.org/authors/a5023888391", "A", "A5023888391"),
        ("I27837315", "I", "I27837315"),
        ("https://openalex.org/I201537933", None, "I201537933"),
    ],
)
def test_openalex_bare_form(raw: str, kind: str | None, bare: str) -> None:
    assert identifiers.openalex_id(raw, kind=kind) == bare


def test_openalex_kind_is_enforced() -> None:
    with pytest.raises(ValueError, match="OpenAlex A… id"):
        identifiers.openalex_id("https://openalex.org/I201537933", kind="A")
    with pytest.raises(ValueError, match="not an OpenAlex id"):
        identifiers.openalex_id("Tohoku University")


@pytest.mark.parametrize(
    ("raw", "bare"),
    [
        ("https://doi.org/10.0000/example.2024.001", "10.0000/example.2024.001"),
        ("https://doi.org/10.1103/PhysRevLett.118.221101", "10.1103/physrevlett.118.221101"),
        ("http://dx.doi.org/10.7717/peerj.4375", "10.7717/peerj.4375"),
        ("doi:10.1142/10552", "10.1142/10552"),
        ("10.1142/10552", "10.1142/10552"),
        (None, None),
    ],
)
def test_doi_bare_lower_case(raw: str | None, bare: str | None) -> None:
    assert identifiers.doi(raw) == bare


def test_doi_rejects_what_is_not_one() -> None:
    with pytest.raises(ValueError, match="not a DOI"):
        identifiers.doi("https://example.org/paper.pdf")


def test_ror_and_work_ids() -> None:
    assert identifiers.ror("https://ror.org/035t8zc32") == "035t8zc32"
    assert identifiers.work_id("https://openalex.org/W9000000001") == "W9000000001"
    assert identifiers.work_id("x/W12") == "x/W12"  # not an OpenAlex id: kept as given
    with pytest.raises(ValueError, match="must be text"):
        identifiers.doi(10.1)
