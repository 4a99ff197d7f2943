"""Who is reviewing: the identity every recorded decision carries.

The name comes, in this order, from JupyterHub (``JUPYTERHUB_USER``, set by
the hub for each signed-in user), from the configured setting
(``WORKBENCH_REVIEWER``), or from a name the reviewer enters. An empty name
is refused: a decision without a reviewer is never recorded.

Examples
--------
>>> resolve_reviewer(environ={"JUPYTERHUB_USER": "tanaka"})
Reviewer(name='tanaka', source=<IdentitySource.JUPYTERHUB: 'jupyterhub'>)
>>> resolve_reviewer("  Sato   Hanako ", environ={}).name
'Sato Hanako'
>>> try:
...     resolve_reviewer("", environ={})
... except InputError as exc:
...     print(exc.problems[0].message)
no reviewer name: JUPYTERHUB_USER and WORKBENCH_REVIEWER are not set and no name was entered
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from workbench.errors import InputError, Problem

MAX_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tabs, newlines: whitespace
#: Letters and marks that show nothing (Hangul fillers, combining grapheme joiner).
_BLANK_LETTERS = frozenset("\u034f\u115f\u1160\u3164\uffa0")
#: Characters that reorder text on screen (a name must read as it is stored).
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class IdentitySource(StrEnum):
    JUPYTERHUB = "jupyterhub"
    SETTING = "setting"
    ENTERED = "entered"


@dataclass(frozen=True, slots=True)
class Reviewer:
    """A reviewer's name (or user id) and where it came from."""

    name: str
    source: IdentitySource

    def __str__(self) -> str:
        return self.name


def _problem(where: str, message: str, expected: str = "your name or user id") -> InputError:
    return InputError([Problem("reviewer identity", where, "reviewer", message, expected)])


def clean_name(text: str, where: str = "entered name") -> str:
    """``text`` with runs of whitespace made single; refuses empty, control characters, over-long.

    Examples
    --------
    >>> clean_name(" 山田\\u3000太郎 ")
    '山田 太郎'
    >>> try:
    ...     clean_name("\\u200b\\u2060")
    ... except InputError as exc:
    ...     print(exc.problems[0].message)
    only invisible characters
    """
    if not isinstance(text, str):
        raise _problem(where, f"not text: {type(text).__name__}")
    if _CONTROL.search(text):
        raise _problem(where, "contains control characters", "printable text")
    if BIDI_CONTROLS.search(text):
        raise _problem(
            where, "contains right-to-left or other direction controls", "a name as it reads"
        )
    name = " ".join(text.split())
    visible = "".join(
        ch
        for ch in name
        if unicodedata.category(ch) != "Cf" and ch not in _BLANK_LETTERS and not ch.isspace()
    )
    if not visible:
        raise _problem(where, "empty name" if not name else "only invisible characters")
    if len(name) > MAX_LENGTH:
        raise _problem(where, f"{len(name)} characters long", f"at most {MAX_LENGTH} characters")
    return name


def resolve_reviewer(
    entered: str | None = None,
    *,
    configured: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Reviewer:
    """The reviewer for this session.

    ``configured`` overrides ``WORKBENCH_REVIEWER`` (pass the settings' value);
    ``entered`` is used only when neither JupyterHub nor a setting names one.
    """
    env = os.environ if environ is None else environ
    hub = env.get("JUPYTERHUB_USER", "")
    if hub.strip():
        return Reviewer(clean_name(hub, "JUPYTERHUB_USER"), IdentitySource.JUPYTERHUB)
    setting = configured if configured is not None else env.get("WORKBENCH_REVIEWER", "")
    if setting.strip():
        return Reviewer(clean_name(setting, "WORKBENCH_REVIEWER"), IdentitySource.SETTING)
    if entered is None or not entered.strip():
        raise _problem(
            "entered name",
            "no reviewer name: JUPYTERHUB_USER and WORKBENCH_REVIEWER are not set "
            "and no name was entered",
        )
    return Reviewer(clean_name(entered), IdentitySource.ENTERED)
