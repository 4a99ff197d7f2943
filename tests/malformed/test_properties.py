"""Property-based: random and mutated inputs to every loader and the matcher.

Whatever the bytes, a loader either loads or raises a clear
:class:`~workbench.errors.InputError` — never another exception — within a
generous deadline per example. Mutations start from a real sample of each
format (truncated, bytes flipped, chunks inserted, JSON values swapped for
random ones), so they reach deep into each parser, not only its first check.
"""

from __future__ import annotations

import functools
import json
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.errors import InputError
from workbench.lists import load_list
from workbench.matching import Matcher
from workbench.proposal import load_proposal
from workbench.publications import load_works
from workbench.questionnaire import write_template

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PROPOSAL = FIXTURES / "proposal" / "proposal.json"
WORKS = FIXTURES / "publications" / "works.json"

SETTINGS = settings(
    max_examples=25,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def _jsonl(path: Path) -> bytes:
    document = json.loads(path.read_text(encoding="utf-8"))
    works = document["results"] if isinstance(document, dict) else document
    return "\n".join(json.dumps(w) for w in works).encode()


@functools.cache
def _template() -> bytes:
    """The filled template, written once (a workbook's bytes carry the time it was written)."""
    with tempfile.TemporaryDirectory() as tmp:
        return write_template(Path(tmp) / "p.xlsx", load_proposal(PROPOSAL)).read_bytes()


#: name -> (file name the loader sees, seed bytes, loader)
SEEDS: dict[str, tuple[str, Callable[[], bytes], Callable[[Path], object]]] = {
    "proposal-json": ("proposal.json", PROPOSAL.read_bytes, load_proposal),
    "proposal-xlsx": ("proposal.xlsx", _template, load_proposal),
    "works-json": ("works.json", WORKS.read_bytes, load_works),
    "works-jsonl": ("works.jsonl", lambda: _jsonl(WORKS), load_works),
    "works-csv": (
        "works.csv",
        (FIXTURES / "publications" / "publications.csv").read_bytes,
        load_works,
    ),
    "csl-json": ("csl.json", (FIXTURES / "lists" / "csl_sample.json").read_bytes, load_list),
    "csl-csv": (
        "csl.csv",
        (FIXTURES / "lists" / "consolidated_sample_13rows.csv").read_bytes,
        load_list,
    ),
    "ftm": ("e.ftm.json", (FIXTURES / "lists" / "sample_entities.ftm.json").read_bytes, load_list),
    "custom-csv": ("watch.csv", (FIXTURES / "lists" / "watch_list.csv").read_bytes, load_list),
    "meti-xlsx": ("meti.xlsx", (FIXTURES / "lists" / "meti_eul_sample.xlsx").read_bytes, load_list),
    "meti-json": (
        "meti.json",
        lambda: json.dumps(
            [{"No.": 1, "Country or Region": "China", "Company or Organization": "X"}]
        ).encode(),
        load_list,
    ),
}

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` truncated, with bytes flipped or a random chunk inserted (one or more)."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "flip", "insert"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "truncate":
            del data[at:]
        elif kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
    return bytes(data)


@st.composite
def json_swapped(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed JSON document with one value, somewhere inside, replaced by a random one."""
    document = json.loads(seed)
    node, key = document, None
    for _ in range(draw(st.integers(0, 6))):
        children = (
            list(node.items())
            if isinstance(node, dict)
            else list(enumerate(node))
            if isinstance(node, list)
            else []
        )
        if not children:
            break
        key, child = draw(st.sampled_from(children))
        if not isinstance(child, dict | list):
            break
        node = child
    value = draw(JSON_VALUES)
    if key is None:
        document = value
    else:
        node[key] = value
    return json.dumps(document).encode()


def _load_only_input_errors(name: str, data: bytes, load: Callable[[Path], object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            load(path)
        except InputError as exc:
            assert exc.problems and all(p.file for p in exc.problems)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@SETTINGS
@given(data=st.data())
def test_mutated_and_random_files_give_only_input_errors(fmt: str, data: st.DataObject) -> None:
    name, seed, load = SEEDS[fmt]
    raw = seed()
    choices = [mutated(raw), st.binary(max_size=600)]
    if name.endswith((".json",)) and not name.endswith(".ftm.json"):
        choices.append(json_swapped(raw))
    _load_only_input_errors(name, data.draw(st.one_of(*choices)), load)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    lists = [load_list(FIXTURES / "lists" / n).value for n in ("csl_sample.json", "watch_list.csv")]
    return Matcher.from_lists(lists)


TEXTS = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2_000),
    st.lists(st.sampled_from(["Harbin", "Institute", "of", "Technology", ";", ",", "Univ."])).map(
        " ".join
    ),
)


@SETTINGS
@given(text=TEXTS, country=st.one_of(st.none(), st.sampled_from(["CN", "JP", "", "xx"])))
def test_matcher_takes_any_text(matcher: Matcher, text: str, country: str | None) -> None:
    for m in matcher.match(text, country=country):
        assert 0.0 <= m.score <= 1.0
