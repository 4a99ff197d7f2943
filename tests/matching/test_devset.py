"""Quality gate: the matcher's precision and recall on the labelled development set."""

from __future__ import annotations

from workbench.matching import Matcher
from workbench.matching.evaluation import (
    HELD_ASIDE,
    evaluate,
    load_devset,
    unlisted_fp_per_thousand,
)

#: Name variants (transliterations, word order, split words): the held-aside target is 0.9;
#: on the development set the gate keeps their recall from falling below today's.
VARIANT_RECALL_FLOOR = {"development": 0.85, "held-aside": 0.9}


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
        "variant",
    } <= categories
    assert sum(1 for r in rows if not r.expected) >= 250  # many negatives


def test_devset_targets(matcher: Matcher) -> None:
    rows = load_devset()
    tallies = evaluate(matcher, [r for r in rows if r.category != "variant"])
    overall = tallies.pop("overall")
    assert overall.precision >= 0.97, overall.errors[:10]
    assert overall.recall is not None and overall.recall >= 0.99, overall.errors[:10]
    variant = evaluate(matcher, [r for r in rows if r.category == "variant"])["variant"]
    assert variant.precision >= 0.99, variant.errors
    assert variant.recall is not None
    assert variant.recall >= VARIANT_RECALL_FLOOR["development"], variant.errors
    for name, tally in tallies.items():
        assert tally.precision >= 0.95, (name, tally.errors)
        assert tally.recall is None or tally.recall >= 0.95, (name, tally.errors)


def test_held_aside_targets(matcher: Matcher) -> None:
    """The part kept out of tuning: precision, false positives per 1,000 unlisted, recall."""
    rows = load_devset(HELD_ASIDE)
    assert len(rows) >= 4000
    tallies = evaluate(matcher, rows)
    overall = tallies["overall"]
    assert overall.precision >= 0.99, overall.errors[:10]
    assert unlisted_fp_per_thousand(rows, tallies) <= 0.5, overall.errors[:10]
    assert overall.recall is not None and overall.recall >= 0.98, overall.errors[:10]
    variant = tallies["variant"]
    assert variant.recall is not None
    assert variant.recall >= VARIANT_RECALL_FLOOR["held-aside"], variant.errors
