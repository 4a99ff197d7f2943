"""Precision and recall of the matcher on a labelled set of affiliation strings.

The development set (``data/devsets/affiliations.tsv``) has one string a row:
``category``, ``text``, ``expected`` (entry ids separated by spaces, empty when
no listed organisation is named) and ``source``. Counting is per (string,
entry) pair: a reported entry that is expected is a true positive, one that is
not a false positive, an expected one not reported a false negative.

A category with no expected entry at all (the negatives) has no recall; its
precision is the share of its strings with no false match.

Examples
--------
>>> rows = [DevRow("plain", "x", frozenset({"a"}), ""), DevRow("neg", "y", frozenset(), "")]
>>> s = score_rows(rows, [("a",), ("b",)])
>>> s["plain"].precision, s["plain"].recall, s["neg"].precision, s["neg"].recall
(1.0, 1.0, 0.0, None)
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.matching.matcher import Matcher

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devsets" / "affiliations.tsv"
#: Labelled strings kept out of tuning (see ``data/devsets/build_held_aside.py``).
HELD_ASIDE = DEVSET.with_name("held_aside.tsv")


@dataclass(frozen=True, slots=True)
class DevRow:
    category: str
    text: str
    expected: frozenset[str]
    source: str


@dataclass(slots=True)
class Tally:
    strings: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    strings_with_fp: int = 0
    errors: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)

    @property
    def has_positives(self) -> bool:
        return self.tp + self.fn > 0

    @property
    def precision(self) -> float:
        if not self.has_positives:
            return 1.0 - self.strings_with_fp / self.strings if self.strings else 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.has_positives else None


def load_devset(path: Path = DEVSET) -> list[DevRow]:
    with open(path, encoding="utf-8", newline="") as f:
        return [
            DevRow(r["category"], r["text"], frozenset(r["expected"].split()), r["source"])
            for r in csv.DictReader(f, delimiter="\t")
        ]


def score_rows(rows: Sequence[DevRow], predicted: Sequence[Sequence[str]]) -> dict[str, Tally]:
    """Tallies per category and ``"overall"`` (pairs counted over all strings)."""
    tallies: dict[str, Tally] = {}
    overall = Tally()
    for row, ids in zip(rows, predicted, strict=True):
        got = set(ids)
        for tally in (tallies.setdefault(row.category, Tally()), overall):
            tally.strings += 1
            tally.tp += len(got & row.expected)
            fp, fn = len(got - row.expected), len(row.expected - got)
            tally.fp += fp
            tally.fn += fn
            tally.strings_with_fp += fp > 0
            if fp or fn:
                tally.errors.append((row.text, tuple(sorted(row.expected)), tuple(sorted(got))))
    tallies["overall"] = overall
    return tallies


def evaluate(matcher: Matcher, rows: Sequence[DevRow]) -> dict[str, Tally]:
    predicted = [tuple(m.entry_id for m in matcher.match(row.text)) for row in rows]
    return score_rows(rows, predicted)


def unlisted_fp_per_thousand(rows: Sequence[DevRow], tallies: dict[str, Tally]) -> float:
    """False-positive strings per 1,000 strings that name no listed organisation."""
    negatives = {r.category for r in rows} - {
        name for name, t in tallies.items() if t.has_positives
    }
    strings = sum(tallies[c].strings for c in negatives)
    wrong = sum(tallies[c].strings_with_fp for c in negatives)
    return 1000 * wrong / strings if strings else 0.0


def report(tallies: dict[str, Tally]) -> str:
    """The table ``scripts/evaluate_matching.py`` prints."""
    lines = [
        f"{'category':34} {'n':>5} {'tp':>5} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"
    ]
    for name, t in sorted(tallies.items(), key=lambda kv: (kv[0] == "overall", kv[0])):
        recall = "n/a" if t.recall is None else f"{t.recall:.3f}"
        lines.append(
            f"{name:34} {t.strings:5d} {t.tp:5d} {t.fp:4d} {t.fn:4d} {t.precision:9.3f} {recall:>7}"
        )
    return "\n".join(lines)


def readme_row(title: str, rows: Sequence[DevRow], tallies: dict[str, Tally]) -> str:
    """The first two cells of the README's row for one labelled set, as measured.

    ``bench/bench_matcher.py --check-readme`` and the test of the README's
    figures compare them with the README.
    """
    categories = {name: t for name, t in tallies.items() if name != "overall"}
    overall = tallies["overall"]
    recall = overall.recall if overall.recall is not None else 1.0
    lowest = min((t.recall, name) for name, t in categories.items() if t.recall is not None)
    variant = categories.get("variant")
    parts = [
        f"precision {overall.precision:.3f}, recall {recall:.3f}",
        f"lowest category recall {lowest[0]:.3f} ({lowest[1]})",
    ]
    if variant is not None and variant.recall is not None:
        parts.append(f"variant recall {variant.recall:.3f}")
    parts.append(
        f"{unlisted_fp_per_thousand(rows, tallies):.2f} false-positive strings per 1,000 unlisted"
    )
    return (
        f"matcher, {title} ({len(rows):,} labelled strings, {len(categories)} categories)"
        f" | {'; '.join(parts)}"
    )
