"""Markup of the page's notices: banners, errors beside a form, and remembered verdicts.

Like :mod:`widgets.common.markup`, every string from data or the store passes
through :func:`~widgets.common.markup.esc` before it is put into HTML.

Examples
--------
>>> banner_html("<b>", "error")
"<div class='wb-banner wb-banner-error' role='alert'>&lt;b&gt;</div>"
>>> banner_html("")
''
>>> form_errors_html(["a < b", "a < b"])
"<div class='wb-form-error' role='alert'><div>a &lt; b</div></div>"
>>> p = Problem("review of P-1", "new measure", "due", "2020-01-01 is in the past", "a date")
>>> said([p, ("judgment.need_outcome", {})], "en")
['The due date must be today or later (2020-01-01 is in the past).', 'Please choose an outcome.']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from widgets.common.i18n import label
from widgets.common.markup import esc
from workbench.errors import Problem
from workbench.messages import localise


def banner_html(message: str, level: str = "warning") -> str:
    """A banner (``warning`` or ``error``) saying ``message``; empty for no message."""
    if not message:
        return ""
    return f"<div class='wb-banner wb-banner-{esc(level)}' role='alert'>{esc(message)}</div>"


def form_errors_html(messages: Iterable[str]) -> str:
    """The problems of a save, shown beside the form that caused them, each once."""
    unique = list(dict.fromkeys(m for m in messages if m))
    if not unique:
        return ""
    items = "".join(f"<div>{esc(m)}</div>" for m in unique)
    return f"<div class='wb-form-error' role='alert'>{items}</div>"


def said(errors: Sequence[Any], language: str) -> list[str]:
    """The errors of a form in ``language``: a store :class:`~workbench.errors.Problem` in
    the words of :mod:`workbench.messages`, a ``(label key, values)`` pair by its label."""
    out = []
    for error in errors:
        if isinstance(error, Problem):
            out.append(localise(error, language))
        else:
            key, values = error
            out.append(label(key, language, **dict(values)))
    return out
