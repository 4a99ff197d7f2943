"""How the text of a setting (an environment variable or a documented default) becomes a value.

Each reader takes the text and gives the value, or raises :class:`Invalid` saying
what would do; :mod:`workbench.settings` names the variable in the error.

Examples
--------
>>> language(" EN ")
'en'
>>> db_url("postgresql://reviewer@db/workbench")
'postgresql://reviewer@db/workbench'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Languages the user interface speaks; the first is the default.
LANGUAGES: tuple[str, ...] = ("ja", "en")


class Invalid(ValueError):
    """A value that cannot be used; ``expected`` says what would do."""

    def __init__(self, message: str, expected: str) -> None:
        super().__init__(message)
        self.expected = expected


def path(text: str) -> Path:
    if not text.strip():
        raise Invalid("empty path", "a folder path")
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else ROOT / path


def paths(text: str) -> tuple[Path, ...]:
    parts = [p for p in text.split(os.pathsep) if p.strip()]
    if not parts:
        raise Invalid("no list file given", f"list file paths separated by '{os.pathsep}'")
    return tuple(path(p) for p in parts)


def db_url(text: str) -> str:
    url = text.strip()
    if "://" not in url and url:
        return f"sqlite:///{path(url)}"  # a plain file path is a SQLite file
    if url.startswith("sqlite:///") and url != "sqlite:///" and not url.startswith("sqlite:////"):
        return f"sqlite:///{path(url[len('sqlite:///') :])}"
    if not url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:", "postgres:")):
        raise Invalid(
            f"unsupported database URL {url!r}",
            "sqlite:///path/to/file.db, a file path, or postgresql://user@host/db",
        )
    return url


def language(text: str) -> str:
    lang = text.strip().lower()
    if lang not in LANGUAGES:
        raise Invalid(f"unknown language {text!r}", "one of: " + ", ".join(LANGUAGES))
    return lang


def reviewer(text: str) -> str:
    name = " ".join(text.split())
    if len(name) > 200:
        raise Invalid("longer than 200 characters", "a short reviewer name or id")
    return name


def text(text: str) -> str:
    return text.strip()


def url(text: str) -> str:
    url = text.strip()
    if not url.startswith(("http://", "https://")):
        raise Invalid(f"not an http(s) URL: {text!r}", "a URL starting with https://")
    return url


def email(text: str) -> str:
    mail = text.strip()
    if mail and ("@" not in mail or " " in mail):
        raise Invalid(f"not an e-mail address: {text!r}", "an address like name@example.org")
    return mail


def host_names(text: str) -> tuple[str, ...]:
    names = tuple(n.strip().lower().rstrip(".") for n in text.split(",") if n.strip())
    bad = [n for n in names if not n or any(not (c.isalnum() or c in ".-:") for c in n)]
    if bad or not names:
        raise Invalid(f"not host names: {text!r}", "host names separated by commas")
    return names


def whole_number(low: int, high: int | None, expected: str) -> Callable[[str], int]:
    """A reader of whole numbers from ``low`` to ``high`` (no upper end for ``None``).

    >>> whole_number(1, 10, "a whole number of years, 1 to 10")(" 3 ")
    3
    >>> whole_number(1, None, "a whole number of days, 1 or more")("0")
    Traceback (most recent call last):
    ...
    workbench.setting_values.Invalid: out of range: 0
    """

    def read(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            raise Invalid(f"not a whole number: {text!r}", expected) from None
        if number < low or (high is not None and number > high):
            raise Invalid(f"out of range: {number}", expected)
        return number

    return read


#: The look-back window in years; the number of days a list may age; a pool's size.
years = whole_number(1, 10, "a whole number of years, 1 to 10")
days = whole_number(1, None, "a whole number of days, 1 or more")
pool_size = whole_number(0, 20, "a whole number, 0 to 20")
