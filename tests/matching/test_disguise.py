"""Disguised names: hidden and look-alike characters give the clean string's match, flagged.

A zero-width space, a soft hyphen, a right-to-left override or a Cyrillic "Н"
inside "Harbin Institute of Technology" looks the same to a reader; the matcher
finds the same entry, maps the span back to the original text and says the
text was disguised, and the finding's evidence carries the warning. Text in
another script (Russian, Chinese, Japanese) is never folded into Latin.
"""

from __future__ import annotations

import pytest

from tests.policy.factory import PI, aff, author, found, person, proposal, work
from workbench.findings import DISGUISE_WARNING
from workbench.matching import Matcher
from workbench.matching.disguise import reveal
from workbench.model import ScreeningList
from workbench.screening import screen

CLEAN = "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China"
NAME = "Harbin Institute of Technology"
START = CLEAN.index(NAME)
REVERSED = "\u202e" + NAME[::-1] + "\u202c"  # shown as the name, stored reversed

DISGUISES = {
    "zero-width space": CLEAN.replace("Institute", "Insti\u200btute"),
    "zero-width joiner": CLEAN.replace("Technology", "Tech\u200dnology"),
    "soft hyphen": CLEAN.replace("Harbin", "Har\u00adbin"),
    "word joiner and BOM": CLEAN.replace("of", "o\u2060f\ufeff"),
    "right-to-left override": CLEAN.replace(NAME, REVERSED),
    "left-to-right mark": CLEAN.replace(" Institute", " \u200eInstitute"),
    "Cyrillic capital En": CLEAN.replace("Harbin", "\u041darbin"),
    "Cyrillic small o and a": CLEAN.replace("Technology", "Techn\u043el\u043egy").replace(
        "Harbin", "H\u0430rbin"
    ),
    "Greek capital Iota and Eta": CLEAN.replace("Institute", "\u0399nstitute").replace(
        "Harbin", "\u0397arbin"
    ),
}
REASON = {"Cyrillic": "look-alike-characters", "Greek": "look-alike-characters"}


def _reason(label: str) -> str:
    return REASON.get(label.split()[0], "hidden-characters")


def test_the_clean_string_is_matched_without_a_flag(matcher: Matcher) -> None:
    (m,) = [m for m in matcher.match(CLEAN) if m.entry_id == "jp-eul-541"]
    assert not m.disguised
    assert "hidden-characters" not in m.reasons
    assert "disguised" not in m.to_json()


@pytest.mark.parametrize("label", sorted(DISGUISES))
def test_each_disguise_gives_the_clean_match_flagged(matcher: Matcher, label: str) -> None:
    text = DISGUISES[label]
    assert text != CLEAN
    clean = {(m.list_name, m.entry_id) for m in matcher.match(CLEAN)}
    matches = matcher.match(text)
    assert {(m.list_name, m.entry_id) for m in matches} == clean
    (hit,) = [m for m in matches if m.entry_id == "jp-eul-541"]
    assert hit.disguised and hit.to_json()["disguised"] is True
    assert _reason(label) in hit.reasons
    start, end = hit.span  # the span covers the disguised name in the original, and no more
    covered = reveal(text[start:end]).text
    assert covered == (NAME[::-1] if label == "right-to-left override" else NAME)


def test_explain_flags_the_same_match(matcher: Matcher) -> None:
    reported = [m for m, why in matcher.explain(DISGUISES["soft hyphen"]) if why is None]
    assert reported and all(m.disguised for m in reported)


@pytest.mark.parametrize(
    "text",
    [
        "Московский государственный университет, Москва, Россия",
        "Институт прикладной математики им. М.В. Келдыша РАН",
        "哈尔滨工业大学计算学部",
        "東京大学大学院工学系研究科",
        "Πανεπιστήμιο Αθηνών, Αθήνα",
        "Université Paris-Saclay, Orsay, France",
        "Łódź University of Technology, Łódź, Poland",
    ],
)
def test_other_scripts_and_accents_are_left_alone(text: str) -> None:
    revealed = reveal(text)
    assert not revealed.disguised
    assert revealed.text == text


def test_cjk_names_still_match_and_are_not_flagged(matcher: Matcher) -> None:
    matches = matcher.match("哈尔滨工业大学计算学部")
    assert [m.entry_id for m in matches] == ["jp-eul-541"]
    assert not matches[0].disguised


def test_a_whole_lookalike_acronym_in_latin_text_is_folded() -> None:
    revealed = reveal("\u041d\u0406\u0422, Harbin, China")  # Cyrillic Н І Т
    assert revealed.text == "HIT, Harbin, China"
    assert revealed.lookalike and not revealed.hidden


def test_offsets_map_every_revealed_character_to_the_original() -> None:
    text = DISGUISES["right-to-left override"]
    revealed = reveal(text)
    assert len(revealed.offsets) == len(revealed.text)
    assert all(
        text[i] == c for c, i in zip(revealed.text, revealed.offsets, strict=True)
    )  # hidden characters removed, nothing else changed here


@pytest.mark.parametrize("label", sorted(DISGUISES))
def test_the_finding_is_the_clean_one_with_the_warning(
    matcher: Matcher, shipped: list[ScreeningList], label: str
) -> None:
    def run(affiliation: str) -> object:
        p2 = person("p2", "Chen Wei", aff(affiliation, "concurrent"))
        w = work("W1", "2025-01-10", author("Chen Wei", affiliation))
        return screen(proposal(PI, p2), [w], matcher, shipped)

    clean, disguised = run(CLEAN), run(DISGUISES[label])
    assert found(disguised) == found(clean) != set()  # type: ignore[arg-type]
    for finding in disguised.findings:  # type: ignore[attr-defined]
        assert finding.evidence
        assert all(e.warning == DISGUISE_WARNING for e in finding.evidence)
        assert all(e.to_json()["warning"] == DISGUISE_WARNING for e in finding.evidence)
    for finding in clean.findings:  # type: ignore[attr-defined]
        assert all(e.warning is None for e in finding.evidence)
