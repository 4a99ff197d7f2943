"""One term per concept, in Japanese and English: the words the domain's texts and the pages use.

The pages and exports say リスク低減措置 for mitigation measures and 審査者 for the
person who reviews a proposal, everywhere; the FAQ's own wording stays only in
its quotes (:mod:`workbench.faq`). Labels that speak of the look-back window say
the window in use — "直近7年の共著" with a seven-year window — never a fixed "2".

:func:`term` gives a term, :func:`check_label` a check's label for a window,
:func:`window_notice` the note shown when the window differs from the FAQ's.
Everything here is plain data and pure functions: the widgets read it, the
domain's texts are tested against it (``tests/policy/test_glossary.py``).

Examples
--------
>>> term("mitigation", "ja"), term("reviewer", "ja")
('リスク低減措置', '審査者')
>>> check_label("recent_coauthorship", "ja", 7), check_label("recent_coauthorship", "en", 7)
('直近7年の共著', 'Co-authorship in the last 7 years')
>>> window_notice(2) is None
True
>>> window_notice(7)[0]
"The FAQ's window is 2 years (Q3.6); this review uses 7."
"""

from __future__ import annotations

from workbench.window import DEFAULT_YEARS, FAQ_YEARS

#: concept -> (Japanese, English). One term per concept across the pages and exports.
TERMS: dict[str, tuple[str, str]] = {
    "mitigation": ("リスク低減措置", "risk mitigation measures"),
    "reviewer": ("審査者", "reviewer"),
    "finding": ("所見", "finding"),
    "evidence": ("根拠", "evidence"),
    "disposition": ("判断", "disposition"),
    "judgment": ("判定", "judgment"),
    "suggested_outcome": ("推奨される判定", "suggested outcome"),
    "suggestion": (
        "システムによる提案（判定は審査者が行います）",
        "suggested by the workbench — the reviewer decides",
    ),
    "scope": ("確認対象の範囲", "scope"),
    "check": ("確認項目", "check"),
    "reference_date": ("基準日", "reference date"),
    "look_back_window": ("確認期間", "look-back window"),
    "list_entry": ("リスト掲載", "list entry"),
    "listed_organisation": ("リスト掲載機関", "listed organisation"),
    "specified_research_information": ("特定研究情報", "specified research information"),
    "deemed_export": ("みなし輸出", "deemed export"),
    "non_resident": ("非居住者", "non-resident"),
    "specific_category": ("特定類型", "specific category"),
    "export_control_office": ("安全保障輸出管理部署", "export-control office"),
    "questionnaire": ("研究セキュリティ・アンケート", "research-security questionnaire"),
    # screened ahead of the reviewer: the machine's matching, not anybody's review
    "screened_ahead": ("照合済み（未審査）", "matched ahead (not reviewed)"),
}

#: Words the texts must not use for a concept that has its term above (old synonyms).
AVOID: dict[str, tuple[str, ...]] = {
    "mitigation": ("リスク軽減策", "リスク軽減措置"),
    "reviewer": ("評価者",),
    "check": ("検出項目",),
}

#: check -> (Japanese, English) label; ``{years}`` is the window in use.
CHECK_LABELS: dict[str, tuple[str, str]] = {
    "listed_affiliation": ("リスト掲載機関への所属", "Listed affiliation"),
    "recent_coauthorship": ("直近{years}年の共著", "Co-authorship in the last {years} years"),
    "undeclared_listed_affiliation": ("未申告の掲載機関所属", "Undeclared listed affiliation"),
    "past_affiliation": ("過去の所属", "Past affiliation"),
    "partner_listed": ("協力機関・出資者の掲載", "Listed partner or investor"),
    "non_resident": ("非居住者（みなし輸出）", "Non-resident (deemed export)"),
    "specific_category": ("特定類型（みなし輸出）", "Specific category (deemed export)"),
}


def term(concept: str, language: str = "ja") -> str:
    """The one term for ``concept`` in ``language`` (``ja`` or ``en``); ``KeyError`` if none."""
    ja, en = TERMS[concept]
    return ja if language == "ja" else en


#: check -> (Japanese, English) label where no one window applies (the analyst page counts
#: findings of many windows); every other check reads the same whatever the window.
ANY_WINDOW_LABELS: dict[str, tuple[str, str]] = {
    "recent_coauthorship": ("確認期間内の共著", "Co-authorship in the window"),
}


def check_label(check: str, language: str = "ja", years: int | None = DEFAULT_YEARS) -> str:
    """A check's label in ``language`` for a ``years``-year window (the check's name if none);
    ``years=None``: the label that holds for any window.

    >>> check_label("recent_coauthorship", "en", None), check_label("past_affiliation", "en", None)
    ('Co-authorship in the window', 'Past affiliation')
    """
    pair = (ANY_WINDOW_LABELS.get(check) if years is None else None) or CHECK_LABELS.get(check)
    if pair is None:
        return check
    return (pair[0] if language == "ja" else pair[1]).format(years=years or DEFAULT_YEARS)


def window_label(years: int, language: str = "ja") -> str:
    """The window in words: "直近7年" / "the last 7 years"."""
    return f"直近{years}年" if language == "ja" else f"the last {years} years"


def window_notice(years: int) -> tuple[str, str] | None:
    """(English, Japanese) note for a window other than the FAQ's; ``None`` for the FAQ's."""
    if years == FAQ_YEARS:
        return None
    return (
        f"The FAQ's window is {FAQ_YEARS} years (Q3.6); this review uses {years}.",
        f"FAQ の確認期間は {FAQ_YEARS} 年です（Q3.6）。この審査では {years} 年を使っています。",
    )
