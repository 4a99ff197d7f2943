"""The words of screening and review: severities, outcomes, dispositions, measures, statuses.

Each value is a :class:`~enum.StrEnum` whose value is what the screening result
and the store write; :func:`label` gives its Japanese or English name, and
:func:`faq` the FAQ question it rests on, so the pages, the command line and the
Excel export speak the same words. This is the one definition of each: the
screening (:mod:`workbench.findings`, :mod:`workbench.outcome`), the store and
the widgets import them from here.

Examples
--------
>>> Outcome("review-withheld").label("en")
'review withheld pending institutional action'
>>> label(MeasureKind.SPECIFIED_RESEARCH_INFORMATION, "ja")
'特定研究情報の定義とアクセス者の限定'
>>> faq(Outcome.RESUBMISSION_REQUESTED)
'Q8.1'
>>> Severity.REPORT.label("en"), Suggestion.SCREENING_INCOMPLETE.label("ja")
('report', '確認未完了（共著の確認ができていない対象者あり）')
"""

from __future__ import annotations

from enum import StrEnum

#: Languages labels exist in; the first is the default.
LANGUAGES: tuple[str, ...] = ("ja", "en")


class Labelled(StrEnum):
    """A word with a name in each language (:func:`label`); every enum below is one."""

    def label(self, lang: str = "ja") -> str:
        return label(self, lang)  # type: ignore[arg-type]  # every subclass is a Word


class Severity(Labelled):
    """How strongly a finding calls for action, strongest first.

    ``report``: the FAQ asks for it to be reported and mitigated (Q3.4, Q3.5, Q3.6);
    ``verify``: a declaration the reviewer should check (Q8.1); ``control``:
    deemed-export control applies, not itself a concern (Q3.12, Q3.13); ``info``:
    shown for context, not reportable by itself (Q3.9).
    """

    REPORT = "report"
    VERIFY = "verify"
    CONTROL = "control"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the strongest; sorts findings by severity."""
        return list(Severity).index(self)


class EventKind(Labelled):
    """What one event of a proposal's log records."""

    REVIEW_STARTED = "review-started"
    FINDING_DISPOSITION = "finding-disposition"
    JUDGMENT = "judgment"
    MEASURE_ADDED = "measure-added"
    MEASURE_UPDATED = "measure-updated"
    MATCH_MEMORY = "match-memory"


class Disposition(Labelled):
    """A reviewer's decision on one finding; dismissal needs a rationale."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    NEEDS_INFORMATION = "needs-information"


class Outcome(Labelled):
    """The proposal-level judgment (Q1.3, Q2.1, Q2.2, Q6.1, Q8.1)."""

    NO_CONCERN = "no-concern"
    MITIGATION_AS_NEEDED = "mitigation-as-needed"
    MITIGATION_BEFORE_START = "mitigation-before-start"
    REVIEW_WITHHELD = "review-withheld"
    RESUBMISSION_REQUESTED = "resubmission-requested"


class Suggestion(Labelled):
    """A suggested outcome that is no judgment: the store refuses it as an outcome."""

    #: the co-authorship checks could not be run for everyone in scope
    SCREENING_INCOMPLETE = "screening-incomplete"


#: What the screening may suggest: an outcome of the store, or that screening is incomplete.
Suggested = Outcome | Suggestion


class MeasureKind(Labelled):
    """The kind of a mitigation measure asked of the proposers."""

    SPECIFIED_RESEARCH_INFORMATION = "specified-research-information"
    ACCESS_RESTRICTION = "access-restriction"
    EXPORT_CONTROL_CONSULTATION = "export-control-consultation"
    AWARENESS_RAISING = "awareness-raising"
    BEFORE_START_COMMITMENT = "before-start-commitment"
    RECHECK_AFTER_CHANGE = "recheck-after-change"
    RESUBMISSION = "resubmission"
    OTHER = "other"


class MeasureStatus(Labelled):
    """Where a mitigation measure stands."""

    REQUESTED = "requested"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class Verdict(Labelled):
    """Match memory: this affiliation string is (confirmed) or is not (dismissed) that entry."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class ReviewStatus(Labelled):
    """Where the review of a proposal stands, for pickers and portfolios."""

    NOT_REVIEWED = "not-reviewed"
    IN_PROGRESS = "in-progress"
    JUDGED = "judged"


Word = (
    Severity
    | EventKind
    | Disposition
    | Outcome
    | Suggestion
    | MeasureKind
    | MeasureStatus
    | Verdict
    | ReviewStatus
)

_LABEL_TABLE: tuple[tuple[Word, tuple[str, str]], ...] = (
    (Severity.REPORT, ("要報告", "report")),
    (Severity.VERIFY, ("要確認", "verify")),
    (Severity.CONTROL, ("輸出管理", "export control")),
    (Severity.INFO, ("参考", "info")),
    (EventKind.REVIEW_STARTED, ("審査開始", "review started")),
    (EventKind.FINDING_DISPOSITION, ("所見の判断", "finding disposition")),
    (EventKind.JUDGMENT, ("判定", "judgment")),
    (EventKind.MEASURE_ADDED, ("措置の追加", "measure added")),
    (EventKind.MEASURE_UPDATED, ("措置の更新", "measure updated")),
    (EventKind.MATCH_MEMORY, ("照合結果の記憶", "match remembered")),
    (Disposition.CONFIRMED, ("該当を確認", "confirmed")),
    (Disposition.DISMISSED, ("誤検出として却下", "dismissed")),
    (Disposition.NEEDS_INFORMATION, ("追加情報が必要", "needs information")),
    (Outcome.NO_CONCERN, ("懸念なし", "no concern")),
    (Outcome.MITIGATION_AS_NEEDED, ("必要に応じてリスク低減措置", "mitigation as needed")),
    (
        Outcome.MITIGATION_BEFORE_START,
        (
            "研究開始前にリスク低減措置が必要",
            "mitigation required before start",
        ),
    ),
    (
        Outcome.REVIEW_WITHHELD,
        (
            "審査保留（機関の対応待ち）",
            "review withheld pending institutional action",
        ),
    ),
    (Outcome.RESUBMISSION_REQUESTED, ("質問票の再提出を依頼", "resubmission requested")),
    (
        Suggestion.SCREENING_INCOMPLETE,
        (
            "確認未完了（共著の確認ができていない対象者あり）",
            "screening incomplete (co-authorship not checked for everyone)",
        ),
    ),
    (
        MeasureKind.SPECIFIED_RESEARCH_INFORMATION,
        (
            "特定研究情報の定義とアクセス者の限定",
            "define specified research information and limit access",
        ),
    ),
    (MeasureKind.ACCESS_RESTRICTION, ("アクセス制限", "access restriction")),
    (
        MeasureKind.EXPORT_CONTROL_CONSULTATION,
        (
            "安全保障輸出管理部署への相談",
            "consult the export-control office",
        ),
    ),
    (MeasureKind.AWARENESS_RAISING, ("研究セキュリティの意識啓発", "awareness raising")),
    (
        MeasureKind.BEFORE_START_COMMITMENT,
        (
            "研究開始前の措置完了の確約",
            "measures in place before the research starts",
        ),
    ),
    (MeasureKind.RECHECK_AFTER_CHANGE, ("体制変更後の再確認", "re-check after a team change")),
    (MeasureKind.RESUBMISSION, ("質問票の再提出", "resubmit the questionnaire")),
    (MeasureKind.OTHER, ("その他", "other")),
    (MeasureStatus.REQUESTED, ("依頼済み", "requested")),
    (MeasureStatus.IN_PROGRESS, ("対応中", "in progress")),
    (MeasureStatus.DONE, ("完了", "done")),
    (MeasureStatus.WITHDRAWN, ("取り下げ", "withdrawn")),
    (Verdict.CONFIRMED, ("同一と確認", "is this entry")),
    (Verdict.DISMISSED, ("別の組織（誤検出）", "is not this entry")),
    (ReviewStatus.NOT_REVIEWED, ("未審査", "not reviewed")),
    (ReviewStatus.IN_PROGRESS, ("審査中", "in progress")),
    (ReviewStatus.JUDGED, ("判定済み", "judged")),
)

_FAQ_TABLE: tuple[tuple[Word, str], ...] = (
    (Outcome.NO_CONCERN, "Q2.1"),
    (Outcome.MITIGATION_AS_NEEDED, "Q1.3"),
    (Outcome.MITIGATION_BEFORE_START, "Q6.1"),
    (Outcome.REVIEW_WITHHELD, "Q2.2"),
    (Outcome.RESUBMISSION_REQUESTED, "Q8.1"),
    (MeasureKind.SPECIFIED_RESEARCH_INFORMATION, "Q3.10"),
    (MeasureKind.ACCESS_RESTRICTION, "Q3.10"),
    (MeasureKind.EXPORT_CONTROL_CONSULTATION, "Q3.5"),
    (MeasureKind.AWARENESS_RAISING, "Q3.11"),
    (MeasureKind.BEFORE_START_COMMITMENT, "Q6.1"),
    (MeasureKind.RECHECK_AFTER_CHANGE, "Q7.1"),
    (MeasureKind.RESUBMISSION, "Q8.1"),
)


# Keyed by enum class as well: Disposition.DISMISSED == Verdict.DISMISSED as strings.
_LABELS = {(type(w), w.value): v for w, v in _LABEL_TABLE}
_FAQ = {(type(w), w.value): v for w, v in _FAQ_TABLE}


def label(word: Word, lang: str = "ja") -> str:
    """The name of ``word`` in ``lang`` (``"ja"`` or ``"en"``; anything else gives English)."""
    ja, en = _LABELS[(type(word), word.value)]
    return ja if lang == "ja" else en


def bilingual(word: Word) -> str:
    """``"日本語 / English"``, for headers and exports that show both.

    Examples
    --------
    >>> bilingual(Disposition.NEEDS_INFORMATION)
    '追加情報が必要 / needs information'
    """
    return f"{label(word, 'ja')} / {label(word, 'en')}"


def faq(word: Word) -> str | None:
    """The FAQ question ``word`` rests on, when there is one."""
    return _FAQ.get((type(word), word.value))


def choices(enum: type[Word]) -> str:
    """The accepted values of ``enum``, for error messages.

    Examples
    --------
    >>> choices(Disposition)
    'one of: confirmed, dismissed, needs-information'
    """
    return "one of: " + ", ".join(str(v) for v in enum)
