"""How fast one proposal screens: 30 people, 3,000 works, 20,000 authorships (target < 1 s).

The lists shipped in ``data/lists/`` are loaded and indexed once, outside the
timing; each timed run is a full :func:`workbench.screening.screen` (scope,
window, linking, every check, outcome) with an empty match cache. The baseline,
measured in the same run, is the matcher alone over every distinct affiliation
string of the same works: the floor the screening cannot go below.

Run: ``.venv/bin/python bench/bench_screening.py`` (``make bench`` runs it too).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import TypeVar

from workbench.lists import load_list, shipped_lists
from workbench.matching import Match, Matcher
from workbench.model import (
    Affiliation,
    AffiliationType,
    Authorship,
    Institution,
    Person,
    Proposal,
    PubDate,
    ScreeningList,
    Side,
    Work,
)
from workbench.rules import affiliation_texts
from workbench.screening import ScreeningResult, screen

T = TypeVar("T")

FAMILY = [
    "Sato",
    "Suzuki",
    "Takahashi",
    "Tanaka",
    "Watanabe",
    "Ito",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Kato",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Kim",
    "Park",
    "Petrov",
]
GIVEN = [
    "Haruki",
    "Yui",
    "Ren",
    "Aya",
    "Sota",
    "Hina",
    "Wei",
    "Fang",
    "Lei",
    "Min",
    "Ivan",
    "Mei",
    "Kenta",
    "Riko",
    "Daiki",
    "Nao",
    "Yuto",
    "Saki",
]
PLACES = [
    "Tohoku University, Sendai, Japan",
    "Osaka University, Suita, Japan",
    "RIKEN, Wako, Japan",
    "The University of Tokyo, Tokyo, Japan",
    "Kyoto University, Kyoto, Japan",
    "Delft University of Technology, Delft, The Netherlands",
    "University of Twente, Enschede",
    "Tsinghua University, Beijing, China",
    "Peking University, Beijing, China",
    "Massachusetts Institute of Technology, Cambridge, MA, USA",
    "ETH Zurich, Switzerland",
    "Harbin Medical University, Harbin, China",
    "Nanjing University, Nanjing, China",
    "Tehran University of Medical Sciences, Tehran, Iran",
    "Seoul National University, Korea",
    "Harbin Institute of Technology, Harbin 150001, China",
    "National University of Defense Technology, Changsha 410073, China",
    "Beihang University, Beijing 100191, China",
    "Sharif University of Technology, Tehran, Iran",
    "Northwestern Polytechnical University, Xi'an, China",
]
DEPARTMENTS = [
    "School of Physics",
    "Department of Electrical Engineering",
    "Institute of Microelectronics",
    "Center for Quantum Computing",
    "School of Materials Science",
    "Graduate School of Engineering",
    "College of Computer Science",
    "Key Laboratory of Micro-Systems",
    "Department of Applied Physics",
    "School of Astronautics",
]


def team(rng: random.Random, size: int = 30) -> tuple[Person, ...]:
    people = []
    for i in range(size):
        name = f"{rng.choice(FAMILY)} {GIVEN[i % len(GIVEN)]}{i}"
        people.append(
            Person(
                f"p{i}",
                name,
                Side.JP,
                "PI" if i == 0 else "researcher",
                orcid=f"0000-0002-{i:04d}-0000" if i % 3 else None,
                affiliations=(Affiliation(rng.choice(PLACES[:5]), "JP", AffiliationType.PRIMARY),),
            )
        )
    return tuple(people)


def works(rng: random.Random, people: tuple[Person, ...], n: int, per_work: float) -> list[Work]:
    out = []
    start = date(2019, 1, 1)
    for w in range(n):
        members = rng.sample(people, rng.choice((1, 1, 2)))
        authors = [
            Authorship(p.name, orcid=p.orcid, raw_affiliations=(p.affiliations[0].organization,))
            for p in members
        ]
        for _ in range(max(0, round(rng.gauss(per_work, 2))) - len(members)):
            place = rng.choice(PLACES)
            raw = f"{rng.choice(DEPARTMENTS)} {rng.randrange(1, 40)}, {place}"
            inst = Institution(place.split(",")[0])
            authors.append(
                Authorship(
                    f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    raw_affiliations=(raw,),
                    institutions=(inst,),
                )
            )
        day = start + timedelta(days=rng.randrange(7 * 365))
        when = PubDate(day.year) if rng.random() < 0.1 else PubDate(day.year, day.month, day.day)
        out.append(Work(f"W{w}", f"work {w}", when, tuple(authors)))
    return out


def fresh_timed(lists: list[ScreeningList], fn: Callable[[Matcher], T]) -> tuple[float, T]:
    """Best of three runs of ``fn(matcher)``, each with a freshly built matcher (not timed)."""
    runs = []
    for _ in range(3):
        matcher = Matcher.from_lists(lists)
        t = time.perf_counter()
        result = fn(matcher)
        runs.append((time.perf_counter() - t, result))
    return min(runs, key=lambda r: r[0])


def screen_with(
    proposal: Proposal, ws: list[Work], lists: list[ScreeningList], m: Matcher
) -> ScreeningResult:
    return screen(proposal, ws, m, lists)


def match_all(strings: list[str], m: Matcher) -> list[tuple[Match, ...]]:
    return [m.match(s) for s in strings]


def main() -> None:
    lists = [load_list(p).value for p in shipped_lists()]
    t = time.perf_counter()
    Matcher.from_lists(lists)
    print(
        f"lists: {', '.join(f'{x.name} ({x.entry_count})' for x in lists)}; "
        f"index built in {time.perf_counter() - t:.2f} s (not counted below)"
    )
    rng = random.Random(20250620)
    people = team(rng)
    proposal = Proposal("BENCH", "benchmark", people, submitted=date(2025, 6, 20))
    print(
        f"{'works':>6} {'authorships':>11} {'strings':>7} {'screen s':>9} {'x 750':>6} "
        f"{'matcher-only s':>14} {'screen/matcher':>14} {'findings':>8}"
    )
    first = None
    for n in (750, 1500, 3000, 6000):
        ws = works(random.Random(n), people, n, 20000 / 3000)
        authorships = sum(len(w.authorships) for w in ws)
        strings = sorted({t for w in ws for a in w.authorships for t in affiliation_texts(a)})
        elapsed, result = fresh_timed(lists, partial(screen_with, proposal, ws, lists))
        baseline, _ = fresh_timed(lists, partial(match_all, strings))
        first = first or elapsed
        print(
            f"{n:>6} {authorships:>11} {len(strings):>7} {elapsed:>9.3f} {elapsed / first:>6.2f} "
            f"{baseline:>14.3f} {elapsed / baseline:>14.2f} {len(result.findings):>8}"
        )


if __name__ == "__main__":
    main()
