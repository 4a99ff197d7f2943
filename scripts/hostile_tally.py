"""Run the hostile and malformed-input corpora and tally them per class of hardening.

The classes are those of the hardening work: the server, evasion (disguised
names), silent loss of rows, quadratic or unbounded work, tracebacks instead
of a clear error, injection (formulas, terminal escapes, markup, paths),
integrity of the store and of outputs, and the on-disk cache. Each test case
(a parametrised case counts as one) belongs to the first class whose selector
names it; a case that passes is *handled*, one that fails or errors is a
*failure*, one skipped (no PostgreSQL, no browser) is counted apart.

Usage::

    .venv/bin/python scripts/hostile_tally.py            # every class, browser tests included
    .venv/bin/python scripts/hostile_tally.py --no-e2e   # without the served-page tests
    .venv/bin/python scripts/hostile_tally.py --list     # the selectors of each class

It is not part of ``make test`` (the same tests run there, one by one); it
prints the closing table of the hardening work, measured again.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: class -> pytest selectors (a file, or a file and a test name: every case of it)
CORPORA: dict[str, tuple[str, ...]] = {
    "server": (
        "tests/e2e/test_serving_guard.py",
        "tests/widgets/test_broken_proposal.py",
    ),
    "evasion": ("tests/matching/test_disguise.py",),
    "silent loss": (
        "tests/malformed/test_hostile_workbooks.py::test_meti_list_with_stale_dimension_keeps_every_entry",
        "tests/malformed/test_hostile_workbooks.py::test_stale_dimension_drops_no_row_and_is_warned",
    ),
    "quadratic work": (
        "tests/malformed/test_hostile_workbooks.py::test_sheet_declaring_the_whole_grid_reads_quickly_and_equal",
        "tests/malformed/test_hostile_workbooks.py::test_whitespace_padded_workbook_is_refused_before_parsing",
        "tests/malformed/test_hostile_files.py::test_long_list_name_is_cut_with_a_warning",
        "tests/malformed/test_hostile_files.py::test_long_proposal_affiliation_is_cut_with_a_warning",
        "tests/malformed/test_hostile_files.py::test_long_work_affiliation_is_cut_with_a_warning",
        "tests/malformed/test_hostile_files.py::test_scope_of_a_large_team_answers_for_every_person",
        "tests/malformed/test_hostile_files.py::test_gzip_bomb_is_refused",
        "tests/malformed/test_hostile_files.py::test_fifo_is_refused_without_blocking",
        "tests/malformed/test_hostile_files.py::test_device_is_refused",
        "tests/malformed/test_hostile_files.py::test_oversized_file_is_refused_unread",
    ),
    "tracebacks": (
        "tests/malformed/test_hostile_files.py",
        "tests/malformed/test_hostile_cli.py::test_bad_option_values_exit_2_with_a_message",
        "tests/malformed/test_hostile_cli.py::test_findings_file_not_utf8_is_a_problem",
        "tests/malformed/test_hostile_cli.py::test_findings_file_deep_or_long_number_is_a_problem",
        "tests/malformed/test_hostile_cli.py::test_portfolio_out_naming_a_file_is_refused_before_screening",
        "tests/malformed/test_properties.py",
        "tests/store/test_hostile_databases.py",
        "tests/lists/test_malformed.py",
        "tests/proposal/test_malformed.py",
        "tests/publications/test_malformed.py",
    ),
    "injection": (
        "tests/malformed/test_hostile_cli.py",
        "tests/malformed/test_hostile_text_outputs.py",
        "tests/store/test_hostile_text.py",
        "tests/widgets/test_app.py::test_hostile_text_stays_text_everywhere",
        "tests/widgets/test_markup.py::test_every_page_part_escapes_data_in_both_languages",
        "tests/widgets/test_network.py::test_hostile_names_never_reach_figure_text_unescaped",
        "tests/portfolio/test_dashboard.py::test_hostile_text_is_escaped_everywhere",
    ),
    "integrity": (
        "tests/store/test_chain.py",
        "tests/store/test_atomic.py",
        "tests/store/test_concurrency.py",
        "tests/malformed/test_atomic_outputs.py",
    ),
    "cache": ("tests/session/test_cache_signing.py",),
}


def class_of(nodeid: str) -> str | None:
    """The class of test case ``nodeid``: the first whose selector names it."""
    case = nodeid.split("[", 1)[0]
    for name, selectors in CORPORA.items():
        for s in selectors:
            if case == s or case.startswith(s + "::"):
                return name
    return None


class Tally:
    """A pytest plugin counting each case's outcome by class."""

    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report: Any) -> None:
        nodeid = report.nodeid
        if report.failed:
            if self.outcomes.get(nodeid) != "failed":
                self.failed.append(nodeid)
            self.outcomes[nodeid] = "failed"
        elif report.skipped and nodeid not in self.outcomes:
            self.outcomes[nodeid] = "skipped"
        elif report.when == "call" and report.passed and nodeid not in self.outcomes:
            self.outcomes[nodeid] = "passed"

    def table(self) -> str:
        counts: dict[str, Counter[str]] = {name: Counter() for name in CORPORA}
        for nodeid, outcome in self.outcomes.items():
            name = class_of(nodeid)
            if name is not None:
                counts[name][outcome] += 1
        rows = [("class", "cases tried", "handled", "failures", "skipped")]
        total: Counter[str] = Counter()
        for name, c in counts.items():
            tried = c["passed"] + c["failed"]
            rows.append((name, str(tried), str(c["passed"]), str(c["failed"]), str(c["skipped"])))
            total.update(c)
        tried = total["passed"] + total["failed"]
        rows.append(
            ("total", str(tried), str(total["passed"]), str(total["failed"]), str(total["skipped"]))
        )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

        def line(r: tuple[str, ...]) -> str:
            cells = [
                r[0].ljust(widths[0]),
                *(v.rjust(w) for v, w in zip(r[1:], widths[1:], strict=True)),
            ]
            return "| " + " | ".join(cells) + " |"

        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        return "\n".join([line(rows[0]), rule, *(line(r) for r in rows[1:])])


def main(argv: list[str] | None = None) -> int:
    import os

    import pytest

    os.chdir(ROOT)  # the selectors are relative to the repository
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-e2e", action="store_true", help="leave out the served-page tests")
    parser.add_argument("--list", action="store_true", help="print the selectors and stop")
    args = parser.parse_args(argv)
    if args.list:
        for name, selectors in CORPORA.items():
            print(name)
            print("\n".join(f"  {s}" for s in selectors))
        return 0
    selectors = list(dict.fromkeys(s for group in CORPORA.values() for s in group))
    if args.no_e2e:
        selectors = [s for s in selectors if not s.startswith("tests/e2e/")]
    tally = Tally()
    code = pytest.main(
        ["-q", "-n", "0", "-p", "no:cacheprovider", "--no-header", "-rN", *selectors],
        plugins=[tally],
    )
    print()
    print(tally.table())
    if tally.failed:
        print("\nfailures:")
        print("\n".join(f"  {n}" for n in tally.failed))
    return 0 if code in (0, 5) and not tally.failed else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
