"""Reviewer verdicts: dismissed matches are not raised again, confirmed ones are kept."""

from __future__ import annotations

import pytest

from workbench.matching import Matcher, MatchMemory

METI = "METI End User List"
TEXT = "School of Astronautics, Harbin Inst Technol, Harbin, China"


def test_dismissed_match_is_suppressed_for_that_text_only(matcher: Matcher) -> None:
    memory = MatchMemory().dismiss(TEXT, METI, "jp-eul-541")
    remembering = matcher.with_memory(memory)
    assert remembering.match(TEXT) == ()
    assert remembering.match("Harbin Institute of Technology")[0].entry_id == "jp-eul-541"
    # same text written differently (case, spacing) is the same text
    assert remembering.match("school of astronautics,  HARBIN INST TECHNOL, Harbin, China") == ()
    assert "reviewer-dismissed" in {why for _, why in remembering.explain(TEXT)}


def test_confirmed_match_scores_one_with_its_reason(matcher: Matcher) -> None:
    remembering = matcher.with_memory(MatchMemory().confirm(TEXT, METI, "jp-eul-541"))
    (m,) = remembering.match(TEXT)
    assert m.score == 1.0
    assert m.reasons[-1] == "reviewer-confirmed"
    assert "abbreviation-expanded" in m.reasons
    assert TEXT[m.span[0] : m.span[1]] == "Harbin Inst Technol"


def test_confirmed_match_the_engine_would_not_raise(matcher: Matcher) -> None:
    text = "HIT, Building 3"  # acronym without the country: below the threshold
    assert matcher.match(text) == ()
    (m,) = matcher.with_memory(MatchMemory().confirm(text, METI, "jp-eul-541")).match(text)
    assert (m.entry_id, m.score, m.span) == ("jp-eul-541", 1.0, (0, 3))
    text = "Ninth Academy of Something"  # not found at all: the whole text is the span
    (m,) = matcher.with_memory(MatchMemory().confirm(text, METI, "jp-eul-519")).match(text)
    assert (m.entry_id, m.span, m.reasons) == (
        "jp-eul-519",
        (0, len(text)),
        ("reviewer-confirmed",),
    )


def test_latest_verdict_wins_when_replayed() -> None:
    memory = MatchMemory.from_verdicts(
        [(TEXT, METI, "jp-eul-541", "dismissed"), (TEXT, METI, "jp-eul-541", "confirmed")]
    )
    assert memory.verdict(TEXT, METI, "jp-eul-541") == "confirmed"
    assert memory.dismissed == frozenset()
    with pytest.raises(ValueError, match="unknown verdict"):
        MatchMemory.from_verdicts([(TEXT, METI, "jp-eul-541", "maybe")])  # type: ignore[list-item]


def test_memory_is_a_frozen_value() -> None:
    memory = MatchMemory()
    changed = memory.confirm(TEXT, METI, "jp-eul-541")
    assert not memory and changed
    with pytest.raises(AttributeError):
        changed.confirmed = frozenset()  # type: ignore[misc]
