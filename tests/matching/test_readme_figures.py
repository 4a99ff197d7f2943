"""The README's matcher rows state what the matcher measures on the labelled sets.

The rows are written by ``bench/bench_matcher.py`` (which also checks the
throughput the README states); here the quality figures, which do not depend on
the machine, are recomputed and looked for in the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.matching import Matcher
from workbench.matching.evaluation import DEVSET, HELD_ASIDE, evaluate, load_devset, readme_row

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize(
    ("title", "path"), [("development set", DEVSET), ("held-aside set", HELD_ASIDE)]
)
def test_readme_states_the_measured_figures(matcher: Matcher, title: str, path: Path) -> None:
    rows = load_devset(path)
    row = readme_row(title, rows, evaluate(matcher, rows))
    assert f"| {row} |" in README.read_text(encoding="utf-8"), row


def test_the_row_changes_with_the_figures(matcher: Matcher) -> None:
    rows = load_devset(DEVSET)
    fewer = [r for r in rows if r.category != "variant"]
    assert readme_row("development set", fewer, evaluate(matcher, fewer)) != readme_row(
        "development set", rows, evaluate(matcher, rows)
    )
