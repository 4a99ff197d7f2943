"""The settings table: environment overrides, clear errors, and documentation kept in step."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.settings import ROOT, SETTINGS, Settings, settings_markdown


def test_defaults_without_environment() -> None:
    s = Settings.from_env({})
    assert s.data_dir == ROOT / "data" / "demo" / "proposals"
    assert s.db_url == f"sqlite:///{ROOT / 'data' / 'workbench.db'}"
    assert s.language == "ja"
    assert s.lookback_years == 2
    assert s.reviewer == ""
    assert all(p.parent == ROOT / "data" / "lists" for p in s.lists)
    assert s.cache_dir == ROOT / "data" / "cache"


def test_every_setting_is_overridden_by_its_variable(tmp_path: Path) -> None:
    env = {
        "WORKBENCH_DATA_DIR": str(tmp_path / "props"),
        "WORKBENCH_LISTS": os.pathsep.join([str(tmp_path / "a.json"), "lists/b.csv"]),
        "WORKBENCH_DB_URL": "postgresql://reviewer@127.0.0.1:5432/wb",
        "WORKBENCH_LANG": "EN",
        "WORKBENCH_LOOKBACK_YEARS": "3",
        "WORKBENCH_REVIEWER": "  Sato   Hanako ",
        "WORKBENCH_CACHE_DIR": str(tmp_path / "cache"),
        "WORKBENCH_ALLOWED_HOSTS": " Reviews.Example.JP., localhost",
        "WORKBENCH_KERNEL_POOL": "2",
    }
    s = Settings.from_env(env)
    assert s.data_dir == tmp_path / "props"
    assert s.lists == (tmp_path / "a.json", ROOT / "lists" / "b.csv")
    assert s.db_url == "postgresql://reviewer@127.0.0.1:5432/wb"
    assert (s.language, s.lookback_years, s.reviewer) == ("en", 3, "Sato Hanako")
    assert s.cache_dir == tmp_path / "cache"
    assert s.allowed_hosts == ("reviews.example.jp", "localhost")
    assert s.kernel_pool == 2
    assert {f.name for f in dataclasses.fields(Settings)} == {x.name for x in SETTINGS}


def test_relative_sqlite_paths_are_taken_from_the_repository_root(tmp_path: Path) -> None:
    assert Settings.from_env({"WORKBENCH_DB_URL": "sqlite:///runs/x.db"}).db_url == (
        f"sqlite:///{ROOT / 'runs' / 'x.db'}"
    )
    assert Settings.from_env({"WORKBENCH_DB_URL": str(tmp_path / "y.db")}).db_url == (
        f"sqlite:///{tmp_path / 'y.db'}"
    )


def test_every_bad_value_is_reported_at_once_naming_the_variable() -> None:
    env = {
        "WORKBENCH_LANG": "de",
        "WORKBENCH_LOOKBACK_YEARS": "0",
        "WORKBENCH_DB_URL": "mysql://x",
        "WORKBENCH_LISTS": os.pathsep,
        "WORKBENCH_ALLOWED_HOSTS": "evil.example/x",
        "WORKBENCH_KERNEL_POOL": "99",
    }
    with pytest.raises(InputError) as caught:
        Settings.from_env(env)
    where = {p.location for p in caught.value.problems}
    assert where == set(env)
    text = str(caught.value)
    assert "unknown language 'de'" in text and "out of range: 0" in text


def test_settings_are_frozen() -> None:
    s = Settings.from_env({})
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.language = "en"  # type: ignore[misc]
    assert s.replace(language="en").language == "en"


def test_readme_shows_the_table_generated_from_the_code() -> None:
    assert settings_markdown() in (ROOT / "README.md").read_text()


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [s.env for s in SETTINGS if s.env not in readme]
    assert missing == [], f"README lacks {missing}"
