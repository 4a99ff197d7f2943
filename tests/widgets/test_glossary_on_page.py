"""One term per concept on the review page: its labels keep to workbench.glossary."""

from __future__ import annotations

import pytest

from widgets.common.i18n import TABLES, translator
from workbench.glossary import AVOID, term

#: label key -> the concept whose term it says (in both languages)
CONCEPTS = {
    "app.reviewer": "reviewer",
    "judgment.reviewer": "reviewer",
    "section.findings": "finding",
    "section.evidence": "evidence",
    "findings.disposition": "disposition",
    "judgment.outcome": "judgment",
    "section.outcome": "suggested_outcome",
    "outcome.suggestion": "suggestion",
    "section.scope": "scope",
    "overview.as_of": "reference_date",
    "overview.window": "look_back_window",
    "findings.entry": "list_entry",
    "judgment.measures": "mitigation",
    "picker.prepared": "screened_ahead",
    "findings.check": "check",
}
#: the analyst page's labels for the same concepts (namespace ``portfolio``)
ANALYST_CONCEPTS = {
    "filter.check": "check",
    "chart.by_check": "check",
    "network.col.checks": "check",
}


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("key", "concept"), sorted(CONCEPTS.items()))
def test_each_concept_is_said_with_its_one_term(key: str, concept: str, language: str) -> None:
    assert term(concept, language).lower() in translator(language)(key, n=12).lower()


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("key", "concept"), sorted(ANALYST_CONCEPTS.items()))
def test_the_analyst_page_says_each_concept_with_the_same_term(
    key: str, concept: str, language: str
) -> None:
    said = translator(language, "portfolio")(key).lower()
    assert term(concept, language).lower() in said


def test_no_label_uses_a_word_the_glossary_replaced() -> None:
    avoided = [w for words in AVOID.values() for w in words]
    said = [t for table in TABLES.values() for t in table.values()]
    assert [t for t in said if any(w in t for w in avoided)] == []


@pytest.mark.parametrize("language", ["ja", "en"])
def test_proposals_screened_ahead_cannot_be_read_as_reviewed(language: str) -> None:
    text = translator(language)("picker.prepared", n=12)
    assert "確認済み" not in text and "審査済み" not in text
    assert ("未審査" in text) if language == "ja" else ("not reviewed" in text)
    reviewed = translator(language)("status.judged")
    assert reviewed not in text
