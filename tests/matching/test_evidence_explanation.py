"""Each match keeps its explanation as far as the evidence panel: alias, kind, guards."""

from __future__ import annotations

from widgets.common.markup import _evidence_rows
from workbench.matching import Matcher
from workbench.rule_context import evidence
from workbench.session.view import evidence_row


def test_the_evidence_carries_the_matchers_explanation_to_the_page(matcher: Matcher) -> None:
    text = "Nanjing Aeronautics and Astronautics University, Nanjing, China"
    (m,) = (m for m in matcher.match(text) if m.entry_id == "jp-eul-555")
    e = evidence(text, m)
    assert e.explanation == m.explanation()
    assert "loose-name" in e.explanation and "word-order" in e.explanation
    assert e.to_json()["explanation"] == e.explanation
    row = evidence_row(e, {})
    html = _evidence_rows([row], lambda key, **_: key)
    assert "title='&#x27;Nanjing University of Aeronautics and Astronautics&#x27;" in html
    assert "(distinctive): loose-name, word-order, country-agrees:CN" in html
