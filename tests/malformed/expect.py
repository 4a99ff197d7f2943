"""The check every malformed-input test makes: each expected problem, and only those, is named."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import InputError, Severity


def assert_names_every_problem(
    error: InputError, path: Path, expected: list[tuple[str, str, str]]
) -> None:
    """``error`` names ``path`` and exactly the expected places and fields, each explained."""
    errors = [p for p in error.problems if p.severity is Severity.ERROR]
    assert sorted((p.location, p.field) for p in errors) == sorted(
        (place, field) for place, field, _ in expected
    )
    for place, field, words in expected:
        (problem,) = [p for p in errors if (p.location, p.field) == (place, field)]
        assert words in problem.message, (problem, words)
        assert problem.expected, problem
    text = str(error)
    assert str(path) in text
    assert all(place in text for place, _, _ in expected)
