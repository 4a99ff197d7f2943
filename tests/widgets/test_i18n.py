"""One label table per language, namespaced, read one way; Japanese is the default."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from widgets.common.i18n import PAGES, TABLES, resolve, translate, translator

WIDGETS = Path(__file__).resolve().parents[2] / "widgets"
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
JA, EN = TABLES["ja"], TABLES["en"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
#: Namespaces of the tables: one per page, and the words both pages share.
NAMESPACES = {*PAGES, "check"}
#: The one table of each language; no other module of the pages holds Japanese text.
TABLE_MODULES = {WIDGETS / "common" / "labels_ja.py", WIDGETS / "common" / "labels_en.py"}
#: Japanese strings allowed outside the table: a language's own name in the language picker.
OWN_NAMES = {"日本語"}


def test_both_languages_have_exactly_the_same_keys() -> None:
    assert sorted(set(JA) ^ set(EN)) == []
    assert len(JA) > 250


def test_every_key_is_namespaced() -> None:
    assert sorted(k for k in JA if k.split(".")[0] not in NAMESPACES) == []


def test_every_label_is_written_and_japanese_where_words_are_translated() -> None:
    for key in JA:
        ja, en = JA[key], EN[key]
        assert ja.strip() and en.strip(), key
        # Japanese labels contain Japanese script unless they are a shared term (FAQ, names)
        if ja != en:
            assert JAPANESE.search(ja), key
        assert not JAPANESE.search(en), key


def test_placeholders_agree_between_languages() -> None:
    for key in JA:
        assert set(re.findall(r"{(\w+)", JA[key])) == set(re.findall(r"{(\w+)", EN[key])), key


def test_japanese_is_the_default() -> None:
    assert translate("review.section.findings") == "所見"
    assert translator()("app.title") == JA["review.app.title"]
    assert translator(namespace="portfolio")("app.title") == JA["portfolio.app.title"]


def test_a_page_reads_its_own_namespace_first_then_the_shared_words() -> None:
    assert translator("en", "portfolio")("app.title") == "Research-security portfolio analysis"
    assert translator("en", "review")("app.title") == "Research-security review workbench"
    assert translator("en", "network")("team") == "Team member"
    assert translator("en", "portfolio")("check.past_affiliation") == "Past affiliation"
    assert resolve("status.empty", "portfolio") == "portfolio.status.empty"
    assert resolve("status.judged", "portfolio") == "status.judged"


def test_store_words_come_from_the_store_vocabulary_in_both_languages() -> None:
    assert translate("outcome.mitigation-before-start", "ja") == "研究開始前にリスク低減措置が必要"
    assert translate("outcome.mitigation-before-start", "en") == "mitigation required before start"
    assert translate("disposition.dismissed", "en") == "dismissed"
    assert translate("status.judged", "ja") == "判定済み"
    assert translator("en", "portfolio")("status.in-progress") == "in progress"


def _page_modules() -> dict[str, list[Path]]:
    """Each page's modules; the common widgets serve the review page."""
    return {
        "review": [*sorted((WIDGETS / "review").glob("*.py")), *(WIDGETS / "common").glob("*.py")],
        "portfolio": sorted((WIDGETS / "portfolio").glob("*.py")),
        "network": sorted((WIDGETS / "network").glob("*.py")),
    }


def _literal_keys(paths: list[Path]) -> set[str]:
    """Label keys written as literals in calls to ``tr``/``self.label``/``translate``."""
    keys: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if (
                name in ("tr", "label", "translate")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                keys.add(first.value)
    return keys


@pytest.mark.parametrize("page", PAGES)
def test_every_key_a_page_uses_is_declared(page: str) -> None:
    keys = _literal_keys(_page_modules()[page])
    assert len(keys) > 15
    missing = [
        k
        for k in sorted(keys)
        if k not in JA and resolve(k, page) not in JA and translate(k, "en") == k
    ]
    assert missing == []


def _strings_outside_docstrings(tree: ast.AST) -> list[str]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_no_other_label_table_exists() -> None:
    """Japanese words of the pages are written only in the Japanese table (grep-style).

    Notebooks' prose (markdown cells) is not a label; their code is.
    """
    found = []
    for path in sorted(WIDGETS.rglob("*.py")):
        if path in TABLE_MODULES:
            continue
        for text in _strings_outside_docstrings(ast.parse(path.read_text())):
            if JAPANESE.search(text) and text not in OWN_NAMES:
                found.append(f"{path.relative_to(WIDGETS)}: {text!r}")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        if JAPANESE.search(code):
            found.append(path.name)
    assert found == []


def test_no_module_defines_a_labels_table_or_its_own_translate() -> None:
    pattern = re.compile(r"^(LABELS\b|def (t|label|text_of|translator_of)\()", re.M)
    owners = sorted(
        str(p.relative_to(WIDGETS))
        for p in WIDGETS.rglob("*.py")
        if p not in TABLE_MODULES and pattern.search(p.read_text())
    )
    assert owners == []


def test_the_checks_names_have_one_source_the_glossary() -> None:
    from workbench.glossary import ANY_WINDOW_LABELS, CHECK_LABELS

    for lang, table in TABLES.items():
        assert not [k for k in table if k.startswith("check.")]  # none of their own
        for check, (ja, en) in CHECK_LABELS.items():
            pair = ANY_WINDOW_LABELS.get(check, (ja, en))
            assert translate(f"check.{check}", lang) == pair[0 if lang == "ja" else 1]
            assert translate(f"check.{check}", lang, years=7) == (
                ja if lang == "ja" else en
            ).format(years=7)
