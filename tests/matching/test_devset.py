"""Quality gate: the matcher's precision and recall on the labelled development set."""

from __future__ import annotations

from workbench.matching import Matcher
from workbench.matching.evaluation import evaluate, load_devset


def test_devset_has_every_style_and_enough_strings() -> None:
    rows = load_devset()
    categories = {r.category for r in rows}
    assert len(rows) >= 500
    assert {
        "plain",
        "department-prefixed",
        "bibliographic-abbreviation",
        "typo",
        "chinese-script",
        "japanese-script",
        "campus",
        "near-miss-negative",
        "japanese-institution-negative",
        "acronym-collision",
    } <= categories
    assert sum(1 for r in rows if not r.expected) >= 250  # many negatives


def test_devset_targets(matcher: Matcher) -> None:
    tallies = evaluate(matcher, load_devset())
    overall = tallies.pop("overall")
    assert overall.precision >= 0.97, overall.errors[:10]
    assert overall.recall is not None and overall.recall >= 0.99, overall.errors[:10]
    for name, tally in tallies.items():
        assert tally.precision >= 0.95, (name, tally.errors)
        assert tally.recall is None or tally.recall >= 0.95, (name, tally.errors)
