"""``workbench screen``: screen one proposal and print the result as JSON or a readable report.

``workbench screen PROPOSAL --publications FILE [...] --list FILE [...]
[--as-of YYYY-MM-DD] --format json|text``. ``PROPOSAL`` is the questionnaire as
JSON or as the Excel template; ``--list`` defaults to the lists shipped in
``data/lists/``. Every input file is read before anything fails, so one run
shows every problem; bad input prints the problems and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbench.errors import InputError, Problem
from workbench.faq import cite
from workbench.model import LoadReport, Proposal, ScreeningList, Work
from workbench.output_text import printable
from workbench.remembered import Remembering, Suppressed
from workbench.screening import ScreeningResult, screen
from workbench.settings import read_setting
from workbench.window import DEFAULT_YEARS

if TYPE_CHECKING:
    from workbench.store.memory import MatchVerdicts

T = TypeVar("T")


def iso_date(text: str) -> date:
    """A ``--as-of`` date: ISO, and late enough for a look-back window before it."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (expected YYYY-MM-DD)") from None
    if day.year < 1900:
        raise argparse.ArgumentTypeError(f"'{text}' is too early (expected a date from 1900 on)")
    return day


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("proposal", metavar="PROPOSAL", help="questionnaire: .json or .xlsx")
    parser.add_argument(
        "--publications",
        action="append",
        default=[],
        metavar="FILE",
        help="the team's works: OpenAlex JSON / JSON Lines, or flat CSV (repeatable)",
    )
    parser.add_argument(
        "--list",
        dest="lists",
        action="append",
        default=[],
        metavar="FILE",
        help="screening list in any supported format (repeatable; default: WORKBENCH_LISTS, "
        "else the shipped lists, as on the review page)",
    )
    parser.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="reference date of the look-back window (default: the proposal's submission date)",
    )
    parser.add_argument(
        "--years",
        type=int,
        default=None,
        metavar="N",
        help="look-back window in years (default: WORKBENCH_LOOKBACK_YEARS, else "
        f"{DEFAULT_YEARS}, as on the review page)",
    )
    parser.add_argument(
        "--compare",
        metavar="OLD",
        default=None,
        help="the previous version of the questionnaire: also print what changed and which "
        "findings are new, gone or unchanged (FAQ Q7.1, Q8.1)",
    )
    add_memory_arguments(parser)
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument(
        "--lang", choices=("ja", "en"), default="ja", help="language of the text report"
    )


def add_memory_arguments(parser: argparse.ArgumentParser) -> None:
    """``--db URL`` and ``--no-memory``: the store whose remembered verdicts apply."""
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="judgments store whose remembered verdicts apply (default WORKBENCH_DB_URL when "
        "set; 'none' for none)",
    )
    parser.add_argument(
        "--no-memory",
        action="store_true",
        help="ignore the reviewers' remembered verdicts (show every match)",
    )


def store_url(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> str | None:
    """The store ``--db`` or ``WORKBENCH_DB_URL`` names, if any (``none``: no store)."""
    url = args.db if args.db is not None else (environ or os.environ).get("WORKBENCH_DB_URL")
    return None if not url or url.lower() == "none" else url


def read_verdicts(args: argparse.Namespace) -> MatchVerdicts | None:
    """The remembered verdicts in force in the configured store, unless ``--no-memory``."""
    url = store_url(args)
    if args.no_memory or url is None:
        return None
    from workbench.store import open_store

    store = open_store(url)
    try:
        return store.match_verdicts()
    finally:
        store.close()


def _notes(report: LoadReport) -> list[str]:
    """Every warning, repair and unusable record of a proposal or publications file."""
    return [
        *report.warnings,
        *(f"{report.source}: repaired {r}" for r in report.repaired),
        *(f"{report.source}: unusable {u}" for u in report.unusable),
    ]


def _attempt(problems: list[Problem], load: Callable[[], T]) -> T | None:
    try:
        return load()
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _shipped() -> list[Path]:
    from workbench.lists import shipped_lists

    return list(shipped_lists())


def load_inputs(
    proposal_path: str, publication_paths: Sequence[str], list_paths: Sequence[str]
) -> tuple[Proposal, tuple[Work, ...], list[ScreeningList], list[str]]:
    """Read every input file; raise one :class:`InputError` with the problems of all of them."""
    from workbench.lists import load_list
    from workbench.proposal import load_proposal_with_report
    from workbench.publications import load_works_many

    problems: list[Problem] = []
    notes: list[str] = []
    loaded_proposal = _attempt(problems, lambda: load_proposal_with_report(proposal_path))
    works: tuple[Work, ...] = ()
    if publication_paths:
        loaded_works = _attempt(problems, lambda: load_works_many(publication_paths))
        if loaded_works is not None:
            works = loaded_works.value
            notes += _notes(loaded_works.report)
    else:
        notes.append("no --publications given: the co-authorship checks had no works to read")
    lists: list[ScreeningList] = []
    paths = [Path(p) for p in list_paths] or _shipped()
    if not paths:
        problems.append(
            Problem(
                "--list",
                "command line",
                "list",
                "no screening list given and none shipped in data/lists/",
                "--list FILE",
            )
        )
    for path in paths:
        loaded_list = _attempt(problems, lambda path=path: load_list(path))  # type: ignore[misc]
        if loaded_list is not None:
            lists.append(loaded_list.value)
            # the details of a list's load belong to `workbench lists`; here only its summary
            notes.append(loaded_list.report.summary())
    if problems or loaded_proposal is None:
        raise InputError(problems)
    notes = _notes(loaded_proposal.report) + notes
    return loaded_proposal.value, works, lists, notes


def run(args: argparse.Namespace) -> int:
    list_paths = args.lists or [str(p) for p in read_setting("lists")]
    years = args.years if args.years is not None else read_setting("lookback_years")
    if not 1 <= years <= 10:
        raise InputError(
            [Problem("command line", "--years", "years", f"out of range: {years}", "1 to 10")]
        )
    proposal, works, lists, notes = load_inputs(args.proposal, args.publications, list_paths)
    verdicts = read_verdicts(args)
    remembering = Remembering.from_lists(lists, verdicts)
    result, suppressed = remembering.screen(proposal, works, lists, as_of=args.as_of, years=years)
    matcher = remembering.for_proposal(proposal.proposal_id)
    comparison = None
    if args.compare:
        from workbench.proposal import load_proposal
        from workbench.revision import compare_findings, compare_proposals

        old = load_proposal(args.compare)
        # the same reference date and window for both, so only the questionnaire differs
        before = screen(old, works, matcher, lists, window=result.window)
        comparison = (
            compare_proposals(old, proposal),
            compare_findings(before.findings, result.findings),
        )
    if args.format == "json":
        data = result.to_json()
        data["warnings"] = notes + data["warnings"]
        data["suppressed_by_memory"] = {**suppressed.to_json(), "applied": verdicts is not None}
        if comparison is not None:
            data["comparison"] = {
                "questionnaire": comparison[0].to_json(),
                "findings": comparison[1].to_json(),
            }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        # names come from data: no terminal escape or bidi override reaches the terminal
        shown = suppressed if verdicts is not None else None
        sys.stdout.write(printable(render_text(result, notes, lang=args.lang, suppressed=shown)))
        if comparison is not None:
            from workbench.revision import render_comparison

            sys.stdout.write(printable("\n" + render_comparison(*comparison, lang=args.lang)))
    return 0


# --- the text report -------------------------------------------------------------------------


def _evidence_line(e: dict[str, Any], ja: bool = False) -> str:
    parts = []
    if e["work_id"]:
        when = e["date"] or "undated"
        if e["date_uncertain"]:
            when += " (date uncertain / 日付不確定)"
        parts.append(f"{e['work_id']} {when}")
        if e["doi"]:
            parts.append(f"doi:{e['doi']}")
    if e["coauthor"]:
        parts.append(f"co-author {e['coauthor']}")
    if e["affiliation"]:
        parts.append(f"“{e['affiliation']}”")
    if e["matched_text"]:
        parts.append(f"matched “{e['matched_text']}” score {e['score']:.2f}")
    if e.get("note"):
        parts.append(e["note_ja"] if ja and e.get("note_ja") else e["note"])
    return " · ".join(parts)


def render_text(
    result: ScreeningResult,
    notes: Sequence[str] = (),
    *,
    lang: str = "ja",
    suppressed: Suppressed | None = None,
) -> str:
    """A readable report of a screening (headings in both languages, summaries in ``lang``).

    ``suppressed``: the matches remembered dismissals hid (``None``: no verdicts were read).
    """
    data = result.to_json()
    ja = lang == "ja"
    out = [
        f"研究セキュリティ確認 / Screening: {data['proposal_id']}",
        f"基準日 / reference date {data['as_of']} · 確認期間 / window "
        f"{data['window_start']} – {data['as_of']} (直近{result.years}年 / last {result.years} "
        "years)",
        *(
            [f"  ! {notice['note_ja'] if ja else notice['note']}"]
            if (notice := data["window_notice"])
            else []
        ),
        "リスト / lists: "
        + "; ".join(
            f"{x['name']} ({x['version'] or 'undated'}, {x['entries']})" for x in data["lists"]
        ),
        "",
    ]
    s = result.suggested_outcome
    out += [
        f"判断の提案 / suggested outcome: {s.code}  [{s.label_ja if ja else s.label}]",
        f"  {s.note_ja if ja else s.note}",
        f"  {cite(s.faq)}",
        *(f"  ← {k}" for k in s.driven_by),
        "",
    ]
    for title, items in (
        ("対象 / in scope", result.scope.included),
        ("対象外 / out of scope", result.scope.excluded),
    ):
        out.append(f"{title} ({len(items)}):")
        out += [
            f"  {d.id} {d.name} — {d.reason_ja if ja else d.reason} [{cite(d.faq)}]" for d in items
        ]
        out.append("")
    out.append(f"所見 / findings ({len(result.findings)}):")
    if suppressed is not None:
        out.append(f"  ({suppressed.line(lang)})")
    for f, fj in zip(result.findings, data["findings"], strict=True):
        entry = "".join(f" — {r.list} {r.entry_id}" for r in f.entries)
        out.append(f"  [{f.severity}] {f.check} · {f.subject}{entry} [{cite(f.faq)}]")
        out.append(f"    {f.summary_ja if ja else f.summary}")
        out += [f"    - {_evidence_line(e, ja)}" for e in fj["evidence"]]
    warnings = [*notes, *data["warnings"]]
    if warnings:
        out += ["", f"注意 / warnings ({len(warnings)}):", *(f"  - {w}" for w in warnings)]
    return "\n".join(out) + "\n"
