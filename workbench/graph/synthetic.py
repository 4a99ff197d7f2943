"""A synthetic proposal with a large co-authorship network, for benchmarks and picture checks.

Deterministic for a given seed: a small team, a pool of co-authors (some at
organisations of a small screening list), works spread over ten years. Real
proposals have a few hundred works; this reaches the sizes the workbench must
stay fast at (3,000 works, 20,000 authorships, 5,000 people).

Examples
--------
>>> proposal, works, screening = synthetic_network(n_works=40, n_coauthors=60, seed=1)
>>> len(works), len(proposal.people), screening.entry_count
(40, 12, 3)
>>> sum(len(w.authorships) for w in works) > 40 * 4
True
"""

from __future__ import annotations

import random
from datetime import date

from workbench.model import (
    Authorship,
    ListEntry,
    Person,
    Proposal,
    PubDate,
    ScreeningList,
    Side,
    Work,
)

LIST_NAME = "Synthetic List"
LISTED = (
    (
        "syn-1",
        "Harbin Institute of Technology",
        "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China",
    ),
    (
        "syn-2",
        "National University of Defense Technology",
        "College of Advanced Studies, National University of Defense Technology, Changsha",
    ),
    (
        "syn-3",
        "Sharif University of Technology",
        "Department of Physics, Sharif University of Technology, Tehran, Iran",
    ),
)
PLAIN = (
    "Department of Physics, Kyoto University, Kyoto, Japan",
    "Faculty of Applied Sciences, Delft University of Technology, Delft, The Netherlands",
    "Institute for Solid State Physics, The University of Tokyo, Kashiwa, Japan",
    "QuTech, Delft, The Netherlands",
    "Department of Electrical Engineering, Eindhoven University of Technology, Eindhoven",
    "RIKEN Center for Quantum Computing, Wako, Saitama, Japan",
    "School of Physics, Zhejiang University, Hangzhou, China",
    "Department of Materials, University of Oxford, Oxford, UK",
    "MESA+ Institute, University of Twente, Enschede, The Netherlands",
    "Graduate School of Engineering, Osaka University, Suita, Japan",
)
GIVEN = (
    "Haruki",
    "Yui",
    "Ren",
    "Aya",
    "Wei",
    "Lei",
    "Fang",
    "Ming",
    "Anna",
    "Jan",
    "Pieter",
    "Sanne",
    "Ivan",
    "Olga",
    "Hamid",
    "Sara",
    "Kenji",
    "Mei",
    "Tom",
    "Lotte",
    "Ali",
    "Yuki",
)
FAMILY = (
    "Sato",
    "Tanaka",
    "Kobayashi",
    "Suzuki",
    "Chen",
    "Zhang",
    "Wang",
    "Li",
    "de Vries",
    "Jansen",
    "Bakker",
    "Petrov",
    "Ivanova",
    "Karimi",
    "Ahmadi",
    "Ito",
    "Kato",
    "Liu",
    "Visser",
    "Smit",
    "Mori",
    "Yamamoto",
    "Huang",
    "Zhao",
    "Meijer",
    "Mulder",
)


def synthetic_network(
    n_works: int = 3000,
    n_coauthors: int = 5000,
    *,
    team_size: int = 12,
    authors_per_work: tuple[int, int] = (4, 9),
    listed_share: float = 0.02,
    seed: int = 20250620,
) -> tuple[Proposal, list[Work], ScreeningList]:
    """A proposal, its works and a screening list; see the module text."""
    rng = random.Random(seed)
    team = []
    for i in range(team_size):
        side = Side.NL if i >= team_size - 3 else Side.JP
        role = "PI" if i in (0, team_size - 3) else ("Co-PI" if i == 1 else "researcher")
        team.append(
            Person(
                f"p{i + 1}",
                f"{FAMILY[i % len(FAMILY)]} {GIVEN[i % len(GIVEN)]}",
                side,
                role,
                orcid=f"0000-0001-{i + 1:04d}-0000" if i % 2 == 0 else None,
            )
        )
    team_authorships = [
        Authorship(
            f"{GIVEN[i % len(GIVEN)]} {FAMILY[i % len(FAMILY)]}",
            orcid=p.orcid,
            raw_affiliations=(PLAIN[i % len(PLAIN)],),
        )
        for i, p in enumerate(team)
    ]

    pool: list[Authorship] = []
    for j in range(n_coauthors):
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)} {j}"  # unique: the suffix
        listed = rng.random() < listed_share
        aff = rng.choice(LISTED)[2] if listed else rng.choice(PLAIN)
        r = rng.random()
        orcid = f"0000-0002-{j // 10000:04d}-{j % 10000:04d}" if r < 0.2 else None
        openalex = f"A9{j:09d}" if 0.2 <= r < 0.9 else None
        pool.append(
            Authorship(name, orcid=orcid, openalex_author_id=openalex, raw_affiliations=(aff,))
        )

    works = []
    for k in range(n_works):
        n_team = rng.choice((1, 1, 1, 2, 2, 3))
        members = rng.sample(team_authorships, n_team)
        n_co = max(0, rng.randint(*authors_per_work) - n_team)
        # A few co-authors write often: a third of the slots go to the first 5 %.
        frequent = max(1, n_coauthors // 20)
        others = [
            pool[rng.randrange(frequent) if rng.random() < 0.33 else rng.randrange(n_coauthors)]
            for _ in range(n_co)
        ]
        authors = tuple(dict.fromkeys([*members, *others]))
        year = rng.randint(2015, 2025)
        month = rng.randint(1, 12)
        when = PubDate(year) if rng.random() < 0.1 else PubDate(year, month, rng.randint(1, 28))
        works.append(
            Work(f"W8{k:09d}", f"Synthetic work {k}", when, authors, doi=f"10.5555/syn.{k}")
        )
    screening = ScreeningList(
        LIST_NAME,
        "synthetic",
        date(2025, 1, 1),
        "synthetic",
        tuple(ListEntry(LIST_NAME, eid, name) for eid, name, _ in LISTED),
    )
    proposal = Proposal("SYN-5000", "Synthetic proposal", tuple(team), submitted=date(2025, 6, 20))
    return proposal, works, screening
