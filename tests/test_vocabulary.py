"""One vocabulary: each word is defined once, in workbench/vocabulary.py, with both labels."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from workbench import vocabulary as v
from workbench.findings import Finding, sort_findings
from workbench.outcome import OUTCOMES, suggest_outcome

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = ROOT / "workbench" / "vocabulary.py"
ENUMS: tuple[type[v.Word], ...] = (
    v.Severity,
    v.EventKind,
    v.Disposition,
    v.Outcome,
    v.Suggestion,
    v.MeasureKind,
    v.MeasureStatus,
    v.Verdict,
    v.ReviewStatus,
)


#: Classes that share a name with a word but hold another concept.
OTHER_CONCEPTS = {
    # how bad an input problem is (error or warning), not how strongly a finding calls for action
    "workbench/errors.py: class Severity",
}


def _modules() -> list[Path]:
    """The code of the domain package, the pages and the server, demo data aside."""
    return [
        p
        for top in ("workbench", "widgets", "serving")
        for p in sorted((ROOT / top).rglob("*.py"))
        if p != VOCABULARY and "demo" not in p.parts
    ]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_word_has_a_label_in_both_languages(enum: type[v.Word]) -> None:
    for word in enum:
        ja, en = word.label("ja"), word.label("en")
        assert ja and en and ja != en, word
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja), word


def test_each_word_is_defined_once() -> None:
    """No class of the same name, no constant spelling a word's value, no table of its labels."""
    names = {e.__name__ for e in ENUMS}
    values = {str(w) for e in ENUMS for w in e}
    # "判定" (judgment) is also the glossary's term and a form's caption: a word, not a table
    labels = {w.label("ja") for e in ENUMS for w in e} - {"判定"}
    found = []
    for path in _modules():
        text = path.read_text()
        tree = ast.parse(text)
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ClassDef)
                and node.name in names
                and (f"{where}: class {node.name}" not in OTHER_CONCEPTS)
            ):
                found.append(f"{where}: class {node.name}")
            constant = getattr(node, "value", None)
            if (
                isinstance(node, ast.Assign | ast.AnnAssign)
                and isinstance(constant, ast.Constant)
                and constant.value in values
            ):
                found.append(f"{where}: {ast.unparse(node)}")
            if isinstance(node, ast.AnnAssign) and "Literal[" in ast.unparse(node):
                found.append(f"{where}: {ast.unparse(node)}")
        found += [f"{where}: label {label!r}" for label in labels if f'"{label}"' in text]
    assert found == []


def test_findings_and_outcomes_speak_the_vocabulary() -> None:
    info = Finding("past_affiliation", "p2", "person", ("Q3.9",), None, (), "", "", v.Severity.INFO)
    report = Finding(
        "listed_affiliation", "p1", "person", ("Q3.5",), None, (), "", "", v.Severity.REPORT
    )
    assert [f.check for f in sort_findings([info, report])] == [
        "listed_affiliation",
        "past_affiliation",
    ]
    assert suggest_outcome([report]).code is v.Outcome.MITIGATION_BEFORE_START
    assert suggest_outcome([], unscreened=(("p3", "X"),)).code is v.Suggestion.SCREENING_INCOMPLETE
    assert tuple(v.Outcome) == OUTCOMES
    assert v.Suggestion.SCREENING_INCOMPLETE not in v.Outcome.__members__.values()
