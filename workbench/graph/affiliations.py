"""The affiliation strings of a proposal's works, cleaned once per distinct record and
matched once per distinct string, and the screening's people-to-works links kept for the
works the graph uses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.errors import Problem
from workbench.graph.records import ListHit
from workbench.linking import Links
from workbench.model import Work
from workbench.rules import MatcherLike, affiliation_texts


def links_of(links: Links, index: Mapping[str, int]) -> Links:
    """The screening's links to the works the graph uses (duplicates and authorless dropped).

    Links are made work by work, so those of the works kept are the links
    :func:`~workbench.linking.link_people` would make for them alone.
    """
    if all(k.work_id in index for k in (*links.links, *links.duplicates)) and not links.warnings:
        return links

    def kept(p: Problem) -> bool:  # "work <id> authorship <n>" (see workbench.linking)
        parts = p.location.split(" ")
        return len(parts) < 2 or parts[1] in index

    return Links(
        tuple(k for k in links.links if k.work_id in index),
        tuple(p for p in links.warnings if kept(p)),
        tuple(k for k in links.duplicates if k.work_id in index),
    )


@dataclass(frozen=True, slots=True)
class Given:
    """Per work, per authorship: the affiliation strings given and the list hits in them."""

    per_work: list[list[tuple[tuple[str, ...], tuple[ListHit, ...]]]]
    distinct: int  # distinct affiliation strings


def given_affiliations(works: list[Work], matcher: MatcherLike | None) -> Given:
    """Clean each authorship's affiliations once per distinct record, match each string once.

    Co-authors repeat their affiliations from work to work, so strings are cleaned
    and their hits gathered per distinct tuple of raw strings (or institutions).
    """
    strings_of: dict[tuple[Any, ...], tuple[str, ...]] = {}
    keys: list[list[tuple[Any, ...]]] = []
    for w in works:
        row = []
        for a in w.authorships:
            key: tuple[Any, ...] = (a.raw_affiliations, a.institutions)
            if key not in strings_of:
                strings_of[key] = affiliation_texts(a)
            row.append(key)
        keys.append(row)
    distinct = list(dict.fromkeys(s for strings in strings_of.values() for s in strings))
    hits_of = match_all(matcher, distinct)
    given = {
        key: (strings, tuple(h for s in strings for h in hits_of.get(s, ())))
        for key, strings in strings_of.items()
    }
    return Given([[given[k] for k in row] for row in keys], len(distinct))


def match_all(matcher: MatcherLike | None, texts: list[str]) -> dict[str, tuple[ListHit, ...]]:
    """One matcher call per distinct affiliation string."""
    if matcher is None or not texts:
        return {}
    many = getattr(matcher, "match_many", None)
    results = many(texts) if callable(many) else [matcher.match(t) for t in texts]
    return {
        t: tuple(
            ListHit(m.list_name, m.entry_id, m.name, t, tuple(m.span), float(m.score)) for m in ms
        )
        for t, ms in zip(texts, results, strict=True)
        if ms
    }
