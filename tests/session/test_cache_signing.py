"""The disk cache reads back only what this workbench wrote: signed entries, private folders."""

from __future__ import annotations

import logging
import os
import pickle
import tracemalloc
from pathlib import Path

import pytest

from workbench.session import screening_cache
from workbench.session.screening_cache import KEY_FILE, MAX_ENTRY_BYTES, DiskCache

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")


class Planted:
    """A pickle that, when read, creates a file: what a planted cache entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_a_planted_pickle_is_removed_unread(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    assert cache.put("k", {"findings": 3})
    marker = tmp_path / "ran"
    planted = pickle.dumps(Planted(marker))
    path = cache.folder / "k.pickle"
    path.write_bytes(b"\0" * 32 + planted)
    assert cache.get("k") is None
    assert not marker.exists() and not path.exists()


def test_an_entry_signed_with_another_folders_key_is_refused(tmp_path: Path) -> None:
    mine, theirs = DiskCache(tmp_path / "mine"), DiskCache(tmp_path / "theirs")
    assert mine.put("k", "mine") and theirs.put("k", "theirs")
    assert (mine.folder / KEY_FILE).read_bytes() != (theirs.folder / KEY_FILE).read_bytes()
    (mine.folder / "k.pickle").write_bytes((theirs.folder / "k.pickle").read_bytes())
    assert mine.get("k") is None
    assert theirs.get("k") == "theirs"


def test_the_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    assert cache.put("k", 1)
    assert (cache.folder / KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert cache.folder.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("loosened", "mode"), [("folder", 0o777), ("folder", 0o770), ("key", 0o644)]
)
def test_a_folder_or_key_others_can_touch_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, loosened: str, mode: int
) -> None:
    cache = DiskCache(tmp_path / "cache")
    assert cache.put("k", 1) and cache.get("k") == 1
    target = cache.folder if loosened == "folder" else cache.folder / KEY_FILE
    target.chmod(mode)
    with caplog.at_level(logging.WARNING, logger="widgets"):
        assert cache.get("k") is None
        assert cache.put("j", 2) is False
    assert "may be changed or read by other users" in caplog.text
    assert (cache.folder / "k.pickle").exists()  # left alone: its owner decides
    target.chmod(0o700 if loosened == "folder" else 0o600)
    assert DiskCache(cache.folder).get("k") == 1


def test_an_entry_over_the_size_limit_is_removed_without_being_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = DiskCache(tmp_path / "cache")
    assert cache.put("k", {"findings": 3})
    path = cache.folder / "k.pickle"
    with path.open("wb") as f:  # a planted 1 GiB entry (sparse: no disk space used)
        f.truncate(1024**3)
    tracemalloc.start()
    try:
        with caplog.at_level(logging.WARNING, logger="widgets"):
            assert cache.get("k") is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_ENTRY_BYTES // 16  # not read whole, nor up to the limit
    assert "larger than" in caplog.text
    assert not path.exists()
    assert cache.put("k", {"findings": 4}) and cache.get("k") == {"findings": 4}


def test_a_value_too_large_to_read_back_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screening_cache, "MAX_ENTRY_BYTES", 1000)
    cache = DiskCache(tmp_path / "cache")
    assert cache.put("small", "x" * 10)
    assert cache.put("big", "x" * 2000) is False
    assert cache.get("small") == "x" * 10 and cache.get("big") is None


@pytest.mark.parametrize("content", [b"", b"short", b"x" * 64])
def test_a_key_file_of_the_wrong_length_is_replaced_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    cache = DiskCache(tmp_path / "cache")
    assert cache.put("k", 1)
    key = cache.folder / KEY_FILE
    key.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="widgets"):
        assert cache.get("k") is None  # signed with the old key: screened again
        assert cache.put("k", 2)
    assert "replaced with a new key" in caplog.text
    assert len(key.read_bytes()) == 32 and key.stat().st_mode & 0o777 == 0o600
    assert DiskCache(cache.folder).get("k") == 2  # the cache works again
