"""A disguised affiliation is shown as a warning on the page: on the evidence and the overview."""

from __future__ import annotations

import pytest

from tests.policy.factory import PI, aff, author, person, proposal, work
from widgets.common import markup
from widgets.common.i18n import translator
from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.screening import screen
from workbench.session.view import ReviewView, build_view

CLEAN = "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China"
HIDDEN = CLEAN.replace("Institute", "Insti\u200btute")  # a zero-width space
LOOKALIKE = CLEAN.replace("Harbin", "\u041darbin")  # a Cyrillic capital En


@pytest.fixture(scope="module")
def views() -> dict[str, ReviewView]:
    lists = [load_list(p).value for p in shipped_lists()]
    matcher = Matcher.from_lists(lists)
    out = {}
    for label, text in (("clean", CLEAN), ("hidden", HIDDEN), ("lookalike", LOOKALIKE)):
        p2 = person("p2", "Chen Wei", aff(text, "concurrent"))
        w = work("W1", "2025-01-10", author("Chen Wei", text))
        prop = proposal(PI, p2)
        result = screen(prop, [w], matcher, lists)
        out[label] = build_view(result, prop, lists)
    return out


@pytest.mark.parametrize("label", ["hidden", "lookalike"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_disguise_is_named_on_the_evidence_and_the_overview(
    views: dict[str, ReviewView], label: str, lang: str
) -> None:
    tr = translator(lang)
    view = views[label]
    assert view.findings and view.disguised == ("Chen Wei (p2)",)
    overview = markup.overview_html(view, tr)
    assert tr("overview.disguised", names="Chen Wei (p2)") in overview
    flagged = [f for f in view.findings if f.evidence]
    assert flagged
    for row in flagged:
        html = markup.evidence_html(row, view.entry(row), {}, lang, tr)
        assert tr("evidence.disguised") in html


def test_a_clean_affiliation_carries_no_warning(views: dict[str, ReviewView]) -> None:
    tr = translator("ja")
    view = views["clean"]
    assert view.findings and view.disguised == ()
    assert tr("overview.disguised", names="").split(":")[0] not in markup.overview_html(view, tr)
    for row in view.findings:
        assert tr("evidence.disguised") not in markup.evidence_html(
            row, view.entry(row), {}, "ja", tr
        )
