"""Who is who across works: one stable node per author, and the team linked in.

The same researcher appears on many works, spelt many ways. Authorships are
grouped by the strongest evidence they carry, in this order:

1. ORCID iD (``orcid:…``),
2. OpenAlex author id (``openalex:…``) — an authorship carrying both joins the two,
3. the normalised name (order-insensitive, accents and punctuation dropped),
   used only for authorships with no identifier, and only when the name points to
   exactly one identified co-author; otherwise a name-only node is made.

Team members are linked by :func:`workbench.linking.link_people` (ORCID,
OpenAlex id, full name, initials — the same links the screening uses); a linked
authorship's identifiers then carry the person to the rest of their works.
Ambiguous names are never guessed at: they are counted for the build report.

Examples
--------
>>> name_key("Sato, Haruki"), name_key("Haruki SATO"), name_key("Ménard  J.-P.")
('haruki sato', 'haruki sato', 'j menard p')
>>> name_key("佐藤 春樹") == name_key("佐藤春樹")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from workbench.model import Authorship, Person

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def name_key(name: str) -> str:
    """The order-insensitive comparison form of a personal name.

    Latin-script names become their sorted lower-case words without accents or
    punctuation; names in CJK script keep their order and lose their spaces.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = _WORD.findall(text.replace("_", " "))
    if _CJK.search(text):
        return "".join(words)
    return " ".join(sorted(words))


def person_node(person_id: str) -> str:
    """The node id of a team member.

    >>> person_node("p1")
    'person:p1'
    """
    return f"person:{person_id}"


class _UnionFind:
    """Groups of keys; a group may carry the id of the team member it is."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.person: dict[str, str] = {}  # root -> person id

    def tag(self, key: str, person_id: str) -> None:
        self.person[self.find(key)] = person_id

    def person_of(self, key: str) -> str | None:
        if key not in self.parent:
            return None
        return self.person.get(self.find(key))

    def find(self, key: str) -> str:
        parent = self.parent
        root = parent.setdefault(key, key)
        while parent[root] != root:
            root = parent[root]
        while key != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the smaller key as root so the result does not depend on order.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo
            if hi in self.person:
                self.person.setdefault(lo, self.person.pop(hi))


def _strong_keys(orcid: str | None, openalex: str | None) -> list[str]:
    keys = []
    if orcid:
        keys.append(f"orcid:{orcid.upper()}")
    if openalex:
        keys.append(f"openalex:{openalex.upper()}")
    return keys


@dataclass(frozen=True, slots=True)
class Resolution:
    """The node of each authorship, the team links, and what could not be decided."""

    nodes: tuple[tuple[str, ...], ...]  # per work, per authorship: node id
    team: dict[str, str]  # person id -> node id
    ambiguous: tuple[str, ...]  # "<name>: <why>"


def resolve(
    people: Sequence[Person],
    authorships: Sequence[Sequence[Authorship]],
    team_links: Mapping[tuple[int, int], str] | None = None,
) -> Resolution:
    """Give each authorship (grouped per work) a node id, linking team members in.

    ``team_links`` maps (work index, authorship index) to the person id that
    :func:`workbench.linking.link_people` linked it to; those authorships, and every
    authorship sharing an identifier with them, become that person's node.

    Examples
    --------
    >>> from workbench.model import Side
    >>> team = [Person("p1", "Sato Haruki", Side.JP, "PI")]
    >>> works = [
    ...     [Authorship("Haruki Sato", orcid="0000-0001-0000-0001", openalex_author_id="A1")],
    ...     [Authorship("H. Sato", openalex_author_id="A1"), Authorship("Lei Zhang")],
    ...     [Authorship("Zhang Lei"), Authorship("SATO Haruki")],
    ... ]
    >>> r = resolve(team, works, {(0, 0): "p1", (2, 1): "p1"})
    >>> r.nodes
    (('person:p1',), ('person:p1', 'name:lei zhang'), ('name:lei zhang', 'person:p1'))
    """
    links = dict(team_links or {})
    uf = _UnionFind()
    conflicts: list[str] = []

    # 1. Team members, with their own identifiers.
    for p in people:
        own = person_node(p.id)
        uf.tag(own, p.id)
        for k in _strong_keys(p.orcid, p.openalex_id):
            if uf.person_of(k) not in (None, p.id):
                conflicts.append(f"{p.name}: identifier {k} already belongs to another team member")
                continue
            uf.union(own, k)

    # 2. Identifiers on authorships, and the team links.
    for w, work in enumerate(authorships):
        for i, a in enumerate(work):
            keys = _strong_keys(a.orcid, a.openalex_author_id)
            pid = links.get((w, i))
            if pid is not None:
                keys = [person_node(pid), *keys]
            for k in keys[1:]:
                held = {uf.person_of(keys[0]), uf.person_of(k)}
                if len(held - {None}) > 1:
                    conflicts.append(f"{a.author_name}: identifier {k} links two team members")
                    continue
                uf.union(keys[0], k)

    # 3. Names of the identified co-authors (team members are linked above only).
    by_name: dict[str, set[str]] = defaultdict(set)
    for work in authorships:
        for a in work:
            keys = _strong_keys(a.orcid, a.openalex_author_id)
            if keys:
                by_name[name_key(a.author_name)].add(keys[0])

    # 4. Every authorship gets its group; name-only ones join a unique named co-author.
    nodes: list[tuple[str, ...]] = []
    ambiguous: set[str] = set(conflicts)
    for w, work in enumerate(authorships):
        row = []
        for i, a in enumerate(work):
            keys = _strong_keys(a.orcid, a.openalex_author_id)
            pid = links.get((w, i))
            if pid is not None:
                root = uf.find(person_node(pid))
            elif keys:
                root = uf.find(keys[0])
            else:
                key = name_key(a.author_name)
                candidates = {
                    r for r in (uf.find(k) for k in by_name.get(key, ())) if uf.person_of(r) is None
                }
                if len(candidates) == 1:
                    root = candidates.pop()
                else:
                    if candidates:
                        ambiguous.add(f"{a.author_name}: {len(candidates)} authors share this name")
                    root = uf.find(f"name:{key}")
            row.append(root)
        nodes.append(tuple(row))

    node_of_root = _node_ids(uf)
    return Resolution(
        nodes=tuple(tuple(node_of_root(r) for r in row) for row in nodes),
        team={p.id: node_of_root(uf.find(person_node(p.id))) for p in people},
        ambiguous=tuple(sorted(ambiguous)),
    )


def _node_ids(uf: _UnionFind) -> Callable[[str], str]:
    """Map a union-find root to its public node id (person, ORCID, OpenAlex, then name)."""
    rank = {"person": 0, "orcid": 1, "openalex": 2, "name": 3}
    best: dict[str, tuple[int, str]] = {}
    for key in list(uf.parent):
        root = uf.find(key)
        candidate = (rank.get(key.split(":", 1)[0], 9), key)
        if root not in best or candidate < best[root]:
            best[root] = candidate

    def node_of_root(root: str) -> str:
        return best[root][1] if root in best else root

    return node_of_root


def all_names(authorships: Iterable[Authorship]) -> tuple[str, ...]:
    """Distinct printed names, most frequent first (ties: first seen)."""
    counts: dict[str, int] = {}
    for a in authorships:
        counts[a.author_name] = counts.get(a.author_name, 0) + 1
    return tuple(sorted(counts, key=lambda n: -counts[n]))
