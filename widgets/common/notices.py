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
"""

from __future__ import annotations

from collections.abc import Iterable

from widgets.common.markup import esc


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
