"""Country sense: another country in the string lowers a full name and vetoes everything else.

A distinctive full name written as the list writes it is kept, a little lower,
with the reason ``full-name-kept``; written otherwise (another spelling the
tables fold, an abbreviation, a typo) it falls under the reporting threshold
(``name-not-as-listed``): "Northwestern Polytechnic University, Fremont,
California" is not Xi'an's Northwestern Polytechnical University. Acronyms,
generic and partial names are vetoed (``country-veto``). Countries come from
country names, ISO codes, cities and postcode formats, and not from the name
matched itself ("Korea" in a North Korean company's name is no address).
"""

from __future__ import annotations

import pytest

from workbench.matching import Matcher
from workbench.matching.decide import KEPT_CONFLICT_PENALTY
from workbench.matching.matcher import DEFAULT_THRESHOLD
from workbench.matching.normalize import tokenize
from workbench.matching.places import countries_in, postcode_countries
from workbench.model import ListEntry, ScreeningList

NPU = ListEntry(
    "L", "npu", "Northwestern Polytechnical University", ("NPU", "西北工业大学"), country="China"
)
RYONBONG = ListEntry("L", "ryonbong", "Korea Ryonbong General Corporation", country="KP")
NDA = ListEntry("L", "nda", "National Defense Academy", country="KP")


def _matcher(*entries: ListEntry) -> Matcher:
    return Matcher.from_lists([ScreeningList("L", "", None, "", entries)])


def _explained(matcher: Matcher, text: str) -> dict[str, tuple[float, tuple[str, ...]]]:
    return {m.matched_alias: (m.score, m.reasons) for m, _ in matcher.explain(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Northwestern Polytechnical University, Fremont, California, USA",
        "School of Automation, Northwestern Polytechnical University, Paris, France",
        "Northwestern Polytechnical University, Fremont, CA 94539",  # the postcode says US
        "西北工业大学, Tokyo, Japan",
    ],
)
def test_a_full_name_as_listed_in_another_country_is_kept_lower_and_says_why(text: str) -> None:
    (m,) = _matcher(NPU).match(text)
    assert m.entry_id == "npu"
    assert m.score == pytest.approx(1.0 - KEPT_CONFLICT_PENALTY)
    assert DEFAULT_THRESHOLD <= m.score < 1.0
    assert "full-name-kept" in m.reasons
    assert any(r.startswith("country-conflict:") for r in m.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Northwestern Polytechnic University, Fremont, California, USA",  # a spelling folded
        "Northwestern Polytech. Univ., Fremont, CA 94539",  # abbreviated
        "Northwestern Polytechnial University, Fremont, California, USA",  # a typo corrected
    ],
)
def test_a_full_name_written_otherwise_in_another_country_is_not_reported(text: str) -> None:
    matcher = _matcher(NPU)
    assert matcher.match(text) == ()
    assert matcher.match(text.split(",")[0])  # the same words alone are reported
    ((m, why),) = [(m, why) for m, why in matcher.explain(text) if m.score > 0]
    assert why == "below-threshold" and "name-not-as-listed" in m.reasons


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("NPU, Pingtung, Taiwan", "NPU"),
        (
            "Department of Physics, National Defense Academy, Yokosuka 239-8686",
            "National Defense Academy",
        ),
    ],
)
def test_acronyms_and_generic_names_in_another_country_are_vetoed(text: str, alias: str) -> None:
    matcher = _matcher(NPU, NDA)
    assert matcher.match(text) == ()
    score, reasons = _explained(matcher, text)[alias]
    assert score == 0.0 and any(r.startswith("country-veto:") for r in reasons)


def test_a_country_inside_the_name_matched_is_no_address() -> None:
    matcher = _matcher(RYONBONG)
    (m,) = matcher.match("Korea Ryonbong General Corporation")
    assert m.score == 1.0 and not any("country" in r for r in m.reasons)
    (m,) = matcher.match("Korea Ryonbong General Corporation, Pyongyang, DPR Korea")
    assert "country-agrees:KP" in m.reasons
    (m,) = matcher.match("Korea Ryonbong General Corporation, Seoul, Republic of Korea")
    assert "full-name-kept" in m.reasons and "country-conflict:KR" in m.reasons


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("School of Physics, Xi'an 710072, P.R. China", {"CN"}),
        ("Dept. of Physics, Tehran, IR", {"IR"}),
        ("Institute of Physics, Moscow 119991, RUS", {"RU"}),
        ("Seoul 08826, Korea", {"KR"}),
        ("Sarov, Korea", {"RU"}),  # "Korea" alone names neither Korea
        ("University of New South Wales, Sydney", {"AU"}),
        ("Dept of Chemistry, Evanston, IL 60208", set()),  # IL is Illinois here, not Israel
    ],
)
def test_countries_from_names_codes_and_cities(text: str, codes: set[str]) -> None:
    assert countries_in(tokenize(text).words) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Fremont, CA 94539", {"US"}),
        ("Pasadena, CA 91125-0001", {"US"}),
        ("Alderley Park, Macclesfield, Cheshire, SK10 2TG", {"GB"}),
        ("Lorentzweg 1, 2628 CJ Delft", {"NL"}),
        ("Yokosuka 239-8686", {"JP"}),
        ("〒113-8656 東京都文京区", {"JP"}),
        ("Vancouver, BC V6T 1Z4", {"CA"}),
        ("Xi'an 710072; Moscow 119991; Tehran 14115-111", set()),  # six digits name no country
        ("Building 2015 IEEE, Room 3-1234", set()),
    ],
)
def test_countries_from_postcode_formats(text: str, codes: set[str]) -> None:
    assert postcode_countries(text) == codes
