"""The sanity guard: a new list version that lost many entries is refused unless confirmed.

A list that suddenly holds far fewer entries than its previous version is
far more often a broken download than a real delisting (the US Consolidated
Screening List once shrank overnight). Screening against it would silently
miss listed organisations, so :func:`check_shrink` refuses a version that lost
more than :data:`SHRINK_LIMIT` of the previous version's entries, unless the
person loading it confirms (``confirm=True``, ``--confirm-shrink``).

Examples
--------
>>> check_shrink("L", "2025-01-01", 1000, "2025-02-01", 905).refused
False
>>> s = check_shrink("L", "2025-01-01", 1000, "2025-02-01", 880)
>>> s.refused, round(s.lost_fraction, 2)
(True, 0.12)
>>> check_shrink("L", "2025-01-01", 1000, "2025-02-01", 880, confirm=True).refused
False
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import InputError, Problem

#: A new version may lose at most this share of the previous version's entries unconfirmed.
SHRINK_LIMIT = 0.10


@dataclass(frozen=True, slots=True)
class ShrinkCheck:
    """The guard's verdict on one new version against its previous version."""

    list_name: str
    previous_version: str | None
    previous_count: int
    new_version: str | None
    new_count: int
    confirmed: bool = False
    limit: float = SHRINK_LIMIT

    @property
    def lost_fraction(self) -> float:
        if self.previous_count <= 0:
            return 0.0
        return max(0, self.previous_count - self.new_count) / self.previous_count

    @property
    def shrinks(self) -> bool:
        """More than ``limit`` of the previous entries are gone."""
        return self.lost_fraction > self.limit

    @property
    def refused(self) -> bool:
        return self.shrinks and not self.confirmed

    def message(self) -> str:
        return (
            f"version {self.new_version or 'undated'} of '{self.list_name}' has "
            f"{self.new_count} entries, {self.previous_count - self.new_count} fewer than "
            f"version {self.previous_version or 'undated'} ({self.previous_count}): "
            f"{self.lost_fraction:.1%} lost, more than the {self.limit:.0%} allowed "
            "without confirmation"
        )


def check_shrink(
    list_name: str,
    previous_version: str | None,
    previous_count: int,
    new_version: str | None,
    new_count: int,
    *,
    confirm: bool = False,
    limit: float = SHRINK_LIMIT,
) -> ShrinkCheck:
    """The guard's verdict: does the new version lose more than ``limit`` of the entries?"""
    return ShrinkCheck(
        list_name, previous_version, previous_count, new_version, new_count, confirm, limit
    )


def refuse(check: ShrinkCheck, source: str) -> InputError:
    """The error that refuses a shrunken version, saying how to load it anyway."""
    return InputError(
        [
            Problem(
                source,
                "list",
                "entries",
                check.message(),
                "a complete download of the list; if the list really shrank, "
                "load it with --confirm-shrink (confirm=True)",
            )
        ]
    )
