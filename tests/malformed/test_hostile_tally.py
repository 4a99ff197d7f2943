"""The hardening tally's corpus (``scripts/hostile_tally.py``) names tests that exist."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tally():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "hostile_tally", ROOT / "scripts" / "hostile_tally.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_selector_names_an_existing_file_and_test() -> None:
    tally = _tally()
    for selectors in tally.CORPORA.values():
        for s in selectors:
            file, _, name = s.partition("::")
            text = (ROOT / file).read_text(encoding="utf-8")
            assert not name or f"def {name}(" in text, s


def test_each_case_falls_in_the_first_class_naming_it() -> None:
    tally = _tally()
    assert tally.class_of("tests/matching/test_disguise.py::test_x[zero-width]") == "evasion"
    fifo = "tests/malformed/test_hostile_files.py::test_fifo_is_refused_without_blocking[works]"
    assert tally.class_of(fifo) == "quadratic work"
    deep = "tests/malformed/test_hostile_files.py::test_deep_nesting_is_a_problem[list]"
    assert tally.class_of(deep) == "tracebacks"
    assert tally.class_of("tests/store/test_store.py::test_save") is None
