"""Every label exists in Japanese and English; Japanese is the default."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from widgets.common.i18n import LABELS, _glossary, label, translator

WIDGETS = Path(__file__).resolve().parents[2] / "widgets"
#: The review page's modules (the network explorer and the portfolio keep their own labels).
REVIEW_MODULES = [*sorted((WIDGETS / "review").glob("*.py")), *(WIDGETS / "common").glob("*.py")]


def test_every_key_has_both_languages_and_they_differ_where_words_are_translated() -> None:
    for key, pair in LABELS.items():
        assert len(pair) == 2, key
        ja, en = pair
        assert ja.strip() and en.strip(), key
        # Japanese labels contain Japanese script unless they are a shared term (FAQ, names)
        if ja != en:
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja), key


def test_placeholders_agree_between_languages() -> None:
    for key, (ja, en) in LABELS.items():
        assert set(re.findall(r"{(\w+)", ja)) == set(re.findall(r"{(\w+)", en)), key


def test_japanese_is_the_default() -> None:
    assert label("section.findings") == "所見"
    assert translator()("app.title") == LABELS["app.title"][0]


def test_store_words_come_from_the_store_vocabulary_in_both_languages() -> None:
    assert label("outcome.mitigation-before-start", "ja") == "研究開始前にリスク低減措置が必要"
    assert label("outcome.mitigation-before-start", "en") == "mitigation required before start"
    assert label("disposition.dismissed", "en") == "dismissed"
    assert label("status.judged", "ja") == "判定済み"


def _literal_keys() -> set[str]:
    """Label keys written as literals in the widgets' calls to ``tr``/``label``."""
    keys: set[str] = set()
    for path in REVIEW_MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "label")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                keys.add(node.args[0].value)
    return keys


def test_every_key_the_widgets_use_is_declared() -> None:
    keys = _literal_keys()
    assert len(keys) > 50
    # the window's words come from the glossary (they depend on the window in use)
    assert sorted(k for k in keys if k not in LABELS and _glossary(k, "ja", 7) is None) == []


def test_review_status_words_are_the_store_vocabulary() -> None:
    """The picker's status words are declared here (no store import at start-up) and agree."""
    from workbench.store.vocabulary import ReviewStatus
    from workbench.store.vocabulary import label as store_label

    for status in ReviewStatus:
        for i, lang in enumerate(("ja", "en")):
            assert LABELS[f"status.{status}"][i] == store_label(status, lang)
