"""The suggested outcome of a proposal's screening — a suggestion for the reviewer, never a verdict.

The codes are the judgments store's outcome codes. From the findings still
standing (those the reviewer has not dismissed):

- ``mitigation-before-start`` when a person in scope is currently affiliated
  with a listed organization (Q3.5) or a cooperating company or its clear
  investor is listed (Q3.4): mitigation is to be agreed and, on adoption, stated
  in the research plan as in place before the research starts (Q2.2, Q6.1);
- ``mitigation-as-needed`` when there is a recent co-authorship to report
  (Q3.6, Q3.9), a declaration to verify (Q8.1), or deemed-export control applies
  (Q3.12, Q3.13): the review goes ahead and mitigation is asked for as the
  information handled requires (Q2.1, Q2.2);
- ``resubmission-requested`` when the reviewer has *confirmed* an undeclared
  listed affiliation: the questionnaire was inaccurate (Q8.1);
- ``no-concern`` otherwise, with the Q3.11 note: awareness-raising on research
  security is expected on adoption — but only when the co-authorship checks could
  be run for everyone in scope: a person in scope without any publications
  (``unscreened``) makes it ``screening-incomplete``, naming them, and any other
  suggestion says for whom the checks could not be run (``incomplete`` in JSON).

``review-withheld`` (Q2.2) follows only from the reviewer's judgment that a
response to a mitigation request was inadequate; it is never suggested here.

Examples
--------
>>> from workbench.vocabulary import Severity
>>> str(suggest_outcome([]).code)
'no-concern'
>>> f = Finding("non_resident", "p3", "person", ("Q3.12",), None, (), "", "", Severity.CONTROL)
>>> s = suggest_outcome([f])
>>> str(s.code), s.driven_by
('mitigation-as-needed', ('non_resident:p3::',))
>>> str(suggest_outcome([f], dismissed={f.key}).code)
'no-concern'
>>> s = suggest_outcome([], unscreened=(("p3", "Daiki Yamamoto"),))
>>> str(s.code), s.to_json()["incomplete"]["persons"]
('screening-incomplete', [{'id': 'p3', 'name': 'Daiki Yamamoto'}])
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.faq import sort_keys
from workbench.findings import Finding
from workbench.vocabulary import Outcome, Suggested, Suggestion

#: The checks that need the team's publications.
PUBLICATION_CHECKS = ("recent_coauthorship", "undeclared_listed_affiliation")
#: The store's outcome codes, mildest first.
OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)

BEFORE_START_CHECKS = frozenset({"listed_affiliation", "partner_listed"})
AS_NEEDED_CHECKS = frozenset(
    {"recent_coauthorship", "undeclared_listed_affiliation", "non_resident", "specific_category"}
)

_TEXT: dict[Suggested, tuple[str, str, tuple[str, ...]]] = {
    Outcome.NO_CONCERN: (
        "No concern found: the review can go ahead. On adoption, the team is expected to run "
        "some awareness-raising activity on research security (Q3.11).",
        "懸念事項は見当たりません。審査を進められます。採択された場合は、研究参加者の研究セキュリティに"
        "関する意識を涵養する取組が期待されます（Q3.11）。",
        ("Q2.1", "Q3.11"),
    ),
    Outcome.MITIGATION_AS_NEEDED: (
        "The review can go ahead; ask for risk mitigation as the information handled requires "
        "(e.g. define specified research information and limit access to it).",
        "審査を進められます。取り扱う情報の内容等を踏まえ、必要に応じてリスク低減措置"
        "（特定研究情報の定義とアクセス者の限定など）を依頼します。",
        ("Q2.1", "Q2.2", "Q3.10"),
    ),
    Outcome.MITIGATION_BEFORE_START: (
        "Ask for risk mitigation; on adoption, the research plan states that it is in place "
        "before the research starts. If the response is inadequate, the review may be withheld.",
        "リスク低減措置の対応を依頼します。採択された場合は、研究開始までにリスク低減措置を講じる旨を"
        "研究計画書に記載するよう求めます。対応が不十分な場合は審査を留保することがあります。",
        ("Q2.2", "Q6.1"),
    ),
    Suggestion.SCREENING_INCOMPLETE: (
        "No concern can be suggested yet: the co-authorship checks could not be run for "
        "everyone in scope (see below). Screen their publications, then decide.",
        "まだ「懸念なし」とは提案できません。対象者の一部について共著の確認を実施できませんでした"
        "（下記）。論文を確認してから判断してください。",
        ("Q3.6", "Q3.9", "Q8.1"),
    ),
    Outcome.RESUBMISSION_REQUESTED: (
        "A declaration was confirmed inaccurate: the institution re-checks, takes mitigation as "
        "needed, and submits the questionnaire again.",
        "申告が事実と異なることが確認されました。研究機関で再確認し、必要に応じてリスク低減措置を講じた"
        "うえで、アンケートを再提出するよう依頼します。",
        ("Q8.1",),
    ),
}


@dataclass(frozen=True, slots=True)
class SuggestedOutcome:
    """A suggested outcome code with the finding keys that drive it and the FAQ it rests on."""

    code: Suggested
    driven_by: tuple[str, ...]
    faq: tuple[str, ...]
    note: str
    note_ja: str
    label: str = "suggestion — the reviewer decides"
    label_ja: str = "提案（判定は審査者が行います）"
    #: (id, name) of each person in scope for whom the co-authorship checks could not run
    unscreened: tuple[tuple[str, str], ...] = ()

    def incomplete(self) -> dict[str, Any] | None:
        """For whom the co-authorship checks could not be run, and why, in both languages."""
        if not self.unscreened:
            return None
        en, ja = incomplete_texts(self.unscreened)
        return {
            "persons": [{"id": i, "name": n} for i, n in self.unscreened],
            "checks": list(PUBLICATION_CHECKS),
            "note": en,
            "note_ja": ja,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "label_ja": self.label_ja,
            "driven_by": list(self.driven_by),
            "faq": list(self.faq),
            "note": self.note,
            "note_ja": self.note_ja,
            "incomplete": self.incomplete(),
        }


def incomplete_texts(unscreened: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """Why the co-authorship checks could not be run, for whom (English, Japanese)."""
    who = ", ".join(f"{name} ({pid})" if name else pid for pid, name in unscreened)
    who_ja = "、".join(f"{name}（{pid}）" if name else pid for pid, name in unscreened)
    return (
        f"The co-authorship checks (Q3.6, Q3.9, Q8.1) could not be run for {who}: no "
        "publications were given for them.",
        f"{who_ja} の論文が与えられていないため、共著の確認（Q3.6, Q3.9, Q8.1）を実施できません"
        "でした。",
    )


def suggest_outcome(
    findings: Iterable[Finding],
    *,
    dismissed: Collection[str] = (),
    confirmed: Collection[str] = (),
    unscreened: Sequence[tuple[str, str]] = (),
) -> SuggestedOutcome:
    """Suggest an outcome from the findings not in ``dismissed`` (finding keys).

    ``confirmed`` holds the keys the reviewer has confirmed; a confirmed
    ``undeclared_listed_affiliation`` turns the suggestion into a resubmission (Q8.1).
    ``unscreened`` are (id, name) of the persons in scope without any publications:
    never ``no-concern`` then, and every suggestion's note says for whom.
    """
    code: Suggested
    standing = [f for f in findings if f.key not in dismissed]
    resubmit = [
        f for f in standing if f.check == "undeclared_listed_affiliation" and f.key in confirmed
    ]
    before = [f for f in standing if f.check in BEFORE_START_CHECKS]
    as_needed = [f for f in standing if f.check in AS_NEEDED_CHECKS]
    if resubmit:
        code, driving = Outcome.RESUBMISSION_REQUESTED, resubmit + before
    elif before:
        code, driving = Outcome.MITIGATION_BEFORE_START, before
    elif as_needed:
        code, driving = Outcome.MITIGATION_AS_NEEDED, as_needed
    elif unscreened:
        code, driving = Suggestion.SCREENING_INCOMPLETE, []
    else:
        code, driving = Outcome.NO_CONCERN, []
    note, note_ja, faq = _TEXT[code]
    if unscreened:
        en, ja = incomplete_texts(unscreened)
        note, note_ja = f"{en} {note}", f"{ja}{note_ja}"
        faq = (*faq, "Q3.6", "Q3.9", "Q8.1")
    cited = sort_keys([*faq, *(q for f in driving for q in f.faq)])
    return SuggestedOutcome(
        code, tuple(f.key for f in driving), cited, note, note_ja, unscreened=tuple(unscreened)
    )
