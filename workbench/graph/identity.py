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
    if name.isascii():  # nothing to compose, decompose or strip
        text = name.casefold()
    else:
        text = unicodedata.normalize("NFKC", name).casefold()
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
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
    links: list[dict[int, str]] = [{} for _ in authorships]  # per work: authorship -> person
    for (w, i), person_id in (team_links or {}).items():
        links[w][i] = person_id
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

    # 2. Identifiers on authorships, and the team links; 3. the names of identified
    # co-authors (team members are linked above only). Work out each distinct pair of
    # identifiers, and each name, once.
    key_cache: dict[tuple[str | None, str | None], list[str]] = {}
    key_of_name: dict[str, str] = {}
    keys_of: list[list[list[str]]] = []  # per work, per authorship
    joined: set[tuple[str, str]] = set()  # pairs already in one group: nothing more to learn
    by_name: dict[str, set[str]] = defaultdict(set)
    for w, work in enumerate(authorships):
        row: list[list[str]] = []
        linked = links[w]
        for i, a in enumerate(work):
            ids = (a.orcid, a.openalex_author_id)
            keys = key_cache.get(ids)
            if keys is None:
                keys = key_cache[ids] = _strong_keys(*ids)
            row.append(keys)
            if keys:
                name = key_of_name.get(a.author_name)
                if name is None:
                    name = key_of_name[a.author_name] = name_key(a.author_name)
                by_name[name].add(keys[0])
            pid = linked.get(i)
            if pid is not None:
                chain = [person_node(pid), *keys]
            elif len(keys) > 1:
                chain = keys
            else:
                continue
            for k in chain[1:]:
                if (chain[0], k) in joined:
                    continue
                held = {uf.person_of(chain[0]), uf.person_of(k)}
                if len(held - {None}) > 1:
                    conflicts.append(f"{a.author_name}: identifier {k} links two team members")
                    continue
                uf.union(chain[0], k)
                joined.add((chain[0], k))
        keys_of.append(row)

    # 4. Every authorship gets its group's node; name-only ones join a unique named
    # co-author. The groups no longer change, so each key and name is looked up once.
    node_of_root = _node_ids(uf)
    find = uf.find
    node_of_key: dict[str, str] = {}
    node_of_name: dict[str, str] = {}
    ambiguous: set[str] = set(conflicts)
    nodes: list[tuple[str, ...]] = []
    for work, row_keys, linked in zip(authorships, keys_of, links, strict=True):
        node_row = []
        for i, (a, keys) in enumerate(zip(work, row_keys, strict=True)):
            pid = linked.get(i)
            key = person_node(pid) if pid is not None else keys[0] if keys else None
            if key is not None:
                node = node_of_key.get(key)
                if node is None:
                    node = node_of_key[key] = node_of_root(find(key))
            else:
                node = node_of_name.get(a.author_name)
                if node is None:
                    node, why = _by_name(a.author_name, key_of_name, by_name, uf, node_of_root)
                    node_of_name[a.author_name] = node
                    if why:
                        ambiguous.add(why)
            node_row.append(node)
        nodes.append(tuple(node_row))

    return Resolution(
        nodes=tuple(nodes),
        team={p.id: node_of_root(find(person_node(p.id))) for p in people},
        ambiguous=tuple(sorted(ambiguous)),
    )


def _by_name(
    author_name: str,
    key_of_name: dict[str, str],
    by_name: Mapping[str, set[str]],
    uf: _UnionFind,
    node_of_root: Callable[[str], str],
) -> tuple[str, str]:
    """The node of a name-only authorship, and why the name was not joined ("" if it was)."""
    key = key_of_name.get(author_name)
    if key is None:
        key = key_of_name[author_name] = name_key(author_name)
    candidates = {r for r in (uf.find(k) for k in by_name.get(key, ())) if uf.person_of(r) is None}
    if len(candidates) == 1:
        return node_of_root(candidates.pop()), ""
    why = f"{author_name}: {len(candidates)} authors share this name" if candidates else ""
    return f"name:{key}", why


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
