"""``workbench works fetch PROPOSAL --out works.json``: the team's works from OpenAlex.

Options: ``--as-of DATE`` (reference date; default the proposal's submission
date), ``--years N`` (look-back window; default the setting), ``--author
PERSON_ID=A…`` (repeatable; several ids for one person allowed) for a person the
fetch could not identify, ``--refresh`` (ask OpenAlex again instead of the cache).

Exit status: 0 every in-scope person identified and fetched; 3 the files are
written but some persons are unidentified (listed with their candidates and the
``--author`` option to pass); 1 a request failed (nothing written); 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from workbench.errors import InputError, Problem
from workbench.screening_cli import iso_date

UNIDENTIFIED = 3


def _choice(text: str) -> tuple[str, str]:
    person, _, author = text.partition("=")
    author = author.strip().rsplit("/", 1)[-1]
    if not person.strip() or not author.startswith("A") or not author[1:].isdigit():
        raise argparse.ArgumentTypeError(
            f"'{text}' is not PERSON_ID=OPENALEX_AUTHOR_ID (for example P3=A5023888391)"
        )
    return person.strip(), author


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    fetch = sub.add_parser("fetch", help="fetch the works of every in-scope person")
    fetch.add_argument("proposal", metavar="PROPOSAL", help="questionnaire: .json or .xlsx")
    fetch.add_argument("--out", required=True, type=Path, metavar="FILE", help="works.json")
    fetch.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD")
    fetch.add_argument("--years", type=int, default=None, metavar="N", help="look-back years")
    fetch.add_argument(
        "--author",
        action="append",
        default=[],
        type=_choice,
        metavar="PERSON_ID=OPENALEX_AUTHOR_ID",
        help="the OpenAlex author id of a person (repeatable)",
    )
    fetch.add_argument("--refresh", action="store_true", help="ignore the on-disk cache")


def run(args: argparse.Namespace) -> int:
    from workbench.openalex.http import FetchError, OpenAlexClient
    from workbench.openalex.works import fetch_proposal_works, write_fetch
    from workbench.proposal import load_proposal
    from workbench.settings import read_setting
    from workbench.window import reference_date

    proposal = load_proposal(args.proposal)
    known = {p.id for p in proposal.people}
    chosen: dict[str, list[str]] = defaultdict(list)
    problems = []
    for person_id, author in args.author:
        if person_id not in known:
            problems.append(
                Problem(
                    "--author",
                    "command line",
                    "person",
                    f"no person {person_id!r} in {args.proposal}",
                    "one of: " + ", ".join(sorted(known)),
                )
            )
        chosen[person_id].append(author)
    if problems:
        raise InputError(problems)
    years = args.years or read_setting("lookback_years")
    reference = reference_date(args.as_of, proposal.submitted, source=str(args.proposal))
    client = OpenAlexClient(
        read_setting("openalex_url"),
        api_key=read_setting("openalex_api_key"),
        email=read_setting("openalex_email"),
        cache_dir=read_setting("openalex_cache_dir"),
        refresh=args.refresh,
    )
    with client:
        try:
            result = fetch_proposal_works(client, proposal, reference, years, chosen)
        except FetchError as exc:
            print(f"error: {exc}; nothing written to {args.out}", file=sys.stderr)
            print(client.summary.line(), file=sys.stderr)
            return 1
    provenance = write_fetch(result, args.out)
    for p in result.persons:
        ids = ", ".join(p.identity.author_ids) or "-"
        print(
            f"{p.identity.person_id} {p.identity.name}: {ids} ({p.identity.method}), "
            f"{p.works} works"
        )
    print(f"{len(result.works)} works written to {args.out}; provenance in {provenance}")
    print(client.summary.line())
    if not result.unidentified:
        return 0
    print("\n未特定の人 / unidentified persons (not fetched):", file=sys.stderr)
    for identity in result.unidentified:
        print(f"  {identity.person_id} {identity.name}: {identity.note}", file=sys.stderr)
        for c in identity.candidates:
            where = "; ".join(c.institutions) or "no institution known"
            print(
                f"    --author {identity.person_id}={c.id}   {c.display_name}, "
                f"{c.works_count} works, {where}",
                file=sys.stderr,
            )
    return UNIDENTIFIED
