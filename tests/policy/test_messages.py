"""Every problem the review page can show on saving has a Japanese and an English text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from workbench.errors import InputError, Problem
from workbench.messages import MESSAGES, code_of, localise
from workbench.store.commands import (
    MAX_TEXT,
    AddMeasure,
    RememberMatch,
    SetDisposition,
    SetJudgment,
    StartReview,
    UpdateMeasure,
)
from workbench.store.state import Measure, ReviewState
from workbench.vocabulary import MeasureKind, MeasureStatus

TODAY = date(2025, 6, 20)
T = datetime(2025, 6, 20, tzinfo=UTC)
MEASURE = Measure(
    4,
    MeasureKind("other"),
    "A measure",
    (),
    date(2025, 9, 1),
    MeasureStatus.REQUESTED,
    "alice",
    T,
    "alice",
    T,
)
STARTED = ReviewState("P-1", seq=5, finding_keys=("k1",), measures=(MEASURE,))
NEW = ReviewState("P-1")

CASES: list[tuple[ReviewState, Any, set[str]]] = [
    (NEW, SetDisposition("k1", "confirmed"), {"review.not_started"}),
    (STARTED, SetDisposition("k1", "dismissed", " "), {"rationale.dismissal"}),
    (STARTED, SetDisposition("k9", "confirmed"), {"finding.unknown"}),
    (STARTED, SetDisposition("k1", "maybe"), {"choice.unknown"}),
    (STARTED, SetJudgment("perhaps", 123), {"choice.unknown", "text.not_text"}),  # type: ignore[arg-type]
    (STARTED, AddMeasure("other", "", due="2020-01-01"), {"text.empty", "due.past"}),
    (STARTED, AddMeasure("other", "x\x1b", due="soon"), {"text.control", "due.not_a_date"}),
    (
        STARTED,
        AddMeasure("nope", "x" * (MAX_TEXT + 1), persons="a"),
        {"choice.unknown", "text.too_long", "persons.not_list"},
    ),
    (STARTED, UpdateMeasure(99, text="t"), {"measure.unknown"}),
    (STARTED, UpdateMeasure(4, status="requested"), {"measure.no_change"}),
    (STARTED, StartReview(TODAY, (), ("k1", "k1")), {"finding.repeated"}),
    (STARTED, RememberMatch("t", "L", "e", "dismissed", "all", ""), {"text.empty"}),
    (STARTED, RememberMatch("t", "L", "e", "odd", "everywhere"), {"choice.unknown"}),
]


def _problems(state: ReviewState, command: Any) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as e:
        command.payload(state, TODAY)
    return e.value.problems


@pytest.mark.parametrize(("state", "command", "codes"), CASES)
def test_every_save_problem_has_a_code_with_both_texts(
    state: ReviewState, command: Any, codes: set[str]
) -> None:
    problems = _problems(state, command)
    assert {code_of(p) for p in problems} == codes
    for p in problems:
        ja, en = localise(p, "ja"), localise(p, "en")
        assert ja and en and ja != en
        assert "{" not in ja + en  # every placeholder filled


def test_every_code_has_a_japanese_and_an_english_text() -> None:
    for code, m in MESSAGES.items():
        assert m.ja.strip() and m.en.strip(), code
        assert any("\u3040" <= ch <= "\u9fff" for ch in m.ja), code  # Japanese script
        assert m.ja != m.en, code


def test_the_due_date_problem_reads_as_the_form_needs_it() -> None:
    (p,) = _problems(STARTED, AddMeasure("other", "ok", due="2020-01-01"))
    assert (
        localise(p, "ja") == "期限は今日以降の日付にしてください（2020-01-01 は過去の日付です）。"
    )


def test_a_problem_no_code_knows_keeps_its_own_words() -> None:
    p = Problem("f.json", "$", "colour", "is mauve")
    assert code_of(p) is None and localise(p, "ja") == "colour: is mauve"
