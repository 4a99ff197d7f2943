"""Portfolio screening hands the declared country to the matcher, as one-proposal screening does."""

from __future__ import annotations

from pathlib import Path

from workbench.lists import load_list
from workbench.match_memo import MatchMemo
from workbench.matching import Matcher
from workbench.rules import cached_match


def test_memo_matcher_passes_the_declared_country(tmp_path: Path) -> None:
    path = tmp_path / "watch.csv"
    path.write_text("name,aliases,country,note\nRIKEN,,JP,own list\n", encoding="utf-8")
    memo = MatchMemo(Matcher.from_lists([load_list(path).value]))
    assert memo.match("RIKEN") == ()
    (hit,) = memo.match("RIKEN", country="JP")
    assert hit.entry_id == "watch-2"
    assert memo.match("RIKEN") == ()  # remembered per (text, country), not per text
    match = cached_match(memo)  # what the checks call
    assert [m.entry_id for m in match("RIKEN", country="JP")] == ["watch-2"]
