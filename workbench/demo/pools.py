"""Weighted pools of real, unlisted institutions for background co-authors.

No pool holds a listed institution: listed ones enter a demo only through a
story's planted links, so each story's findings are exactly the planted ones.

>>> from workbench.demo.institutions import listed_keys
>>> any(k in listed_keys() for pool in ALL_POOLS for k, _ in pool)
False
"""

from __future__ import annotations

Pool = tuple[tuple[str, float], ...]

JAPAN: Pool = (
    ("tohoku", 3),
    ("osaka", 3),
    ("kyoto", 2),
    ("utokyo", 3),
    ("riken", 2),
    ("nagoya", 2),
    ("kyushu", 1),
    ("keio", 1),
    ("waseda", 1),
    ("tsukuba", 1),
    ("titech", 1),
    ("aist", 2),
    ("hiroshima", 1),
    ("naist", 1),
    ("oist", 0.5),
    ("kek", 0.5),
    ("qst", 0.5),
    ("ynu", 0.5),
)
JAPAN_INDUSTRY: Pool = (("hitachi", 1), ("fujitsu", 1), ("toshiba", 1), ("sss", 1), ("kioxia", 1))
NETHERLANDS: Pool = (
    ("tudelft", 3),
    ("utwente", 2),
    ("tue", 2),
    ("uva", 1),
    ("radboud", 1),
    ("groningen", 1),
)
EUROPE: Pool = (
    ("leuven", 2),
    ("ghent", 1),
    ("eth", 2),
    ("psi", 1),
    ("juelich", 1),
    ("kit", 1),
    ("tum", 1),
    ("rwth", 1),
    ("chalmers", 1),
    ("kth", 1),
    ("dtu", 1),
    ("copenhagen", 1),
    ("grenoble", 1),
    ("polimi", 1),
    ("innsbruck", 1),
    ("cambridge", 1),
    ("oxford", 1),
    ("ucl", 1),
    ("infineon", 0.5),
)
USA: Pool = (
    ("mit", 2),
    ("harvard", 1),
    ("princeton", 1),
    ("purdue", 1),
    ("gatech", 1),
    ("columbia", 1),
    ("ibm", 1),
    ("intel", 0.5),
    ("argonne", 1),
    ("ornl", 1),
)
ASIA: Pool = (
    ("tsinghua", 2),
    ("pku", 1),
    ("fudan", 1),
    ("ustc", 1),
    ("zju", 1),
    ("sjtu", 1),
    ("hust", 1),
    ("xidian", 0.5),
    ("sustech", 1),
    ("ntu_tw", 1),
    ("kaist", 2),
    ("snu", 2),
    ("samsung", 0.5),
)
INDIA: Pool = (("iisc", 2), ("iitb", 1), ("iiti", 1))
RUSSIA: Pool = (("msu", 2), ("mephi", 1), ("mipt", 1))
NEAR_MISS: Pool = (
    ("hmu", 1),
    ("harbin_ust", 1),
    ("nju", 2),
    ("bjut", 1),
    ("tums", 1),
    ("sbmu", 1),
    ("iums", 1),
)

ALL_POOLS = (JAPAN, JAPAN_INDUSTRY, NETHERLANDS, EUROPE, USA, ASIA, INDIA, RUSSIA, NEAR_MISS)


def mix(*weighted: tuple[Pool, float]) -> Pool:
    """Pools joined, each scaled by its weight."""
    return tuple((k, w * scale) for pool, scale in weighted for k, w in pool)
