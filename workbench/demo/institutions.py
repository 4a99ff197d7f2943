"""Real institutions the demo co-authors come from, listed and not listed.

Every institution here is real. Identifiers are the real ones where a public
source gave them: ROR ids and Chinese/Japanese labels from the ROR registry
(CC0), OpenAlex institution ids from OpenAlex records (CC0). Where no source at
hand gave an id it is ``None`` rather than invented.

``listed`` names the list entries an institution is on, as ``"<list>:<entry id>"``
with the entry ids of the METI End User List of 2025-09-29 and of the partial US
Consolidated Screening List snapshot of 2023-11 shipped in ``data/lists/``.
``near_miss_of`` names the listed institutions an unlisted one is easily mistaken
for (Harbin Medical University for Harbin Institute of Technology, Tehran
University of Medical Sciences for the University of Tehran, whose METI alias
is "Tehran University").

Examples
--------
>>> INSTITUTIONS["hit"].listed
('METI End User List:jp-eul-541',)
>>> INSTITUTIONS["hmu"].near_miss_of
('Harbin Institute of Technology', 'Harbin Engineering University')
>>> sorted(k for k, i in INSTITUTIONS.items() if i.listed)[:3]
['aut', 'bit', 'buaa']
"""

from __future__ import annotations

from workbench.demo.institution import COUNTRY_NAMES, CSL, METI, Inst
from workbench.demo.institutions_listed import LISTED, NEAR_MISS
from workbench.demo.institutions_other import OTHER

__all__ = ["COUNTRY_NAMES", "CSL", "INSTITUTIONS", "METI", "Inst", "listed_keys"]

#: Every institution of the demo, by key.
INSTITUTIONS: dict[str, Inst] = {i.key: i for i in (*LISTED, *NEAR_MISS, *OTHER)}


def listed_keys() -> frozenset[str]:
    """Keys of the institutions that are on a shipped list."""
    return frozenset(k for k, i in INSTITUTIONS.items() if i.listed)
