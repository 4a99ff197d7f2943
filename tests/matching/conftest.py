"""A matcher over the shipped lists, built once for the matching tests."""

from __future__ import annotations

import pytest

from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.model import ScreeningList


@pytest.fixture(scope="session")
def shipped() -> list[ScreeningList]:
    return [load_list(path).value for path in shipped_lists()]


@pytest.fixture(scope="session")
def matcher(shipped: list[ScreeningList]) -> Matcher:
    return Matcher.from_lists(shipped)
