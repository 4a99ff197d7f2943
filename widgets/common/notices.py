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

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from widgets.common.i18n import translator
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
            out.append(translator(language)(key, **dict(values)))
    return out


def _when(v: Any) -> str:
    return v.decided_at.strftime("%Y-%m-%d %H:%M UTC")


def hidden_by_html(verdicts: Sequence[Any], tr: Callable[..., str]) -> str:
    """Who dismissed a hidden finding's matches, when and why (one line per verdict)."""
    lines = dict.fromkeys(
        tr("findings.hidden_by", who=v.reviewer, when=_when(v), why=v.rationale or "—")
        for v in verdicts
    )
    return "".join(f"<div class='wb-small wb-hidden-by'>{esc(line)}</div>" for line in lines)


def remembered_cells_html(v: Any, tr: Callable[..., str]) -> str:
    """One remembered verdict as the section lists it: text, entry, verdict, scope, who, why."""
    from widgets.common.entries import entry_id_html
    from workbench.list_labels import shown_id

    cells = [
        esc(v.text),
        f"{esc(v.list_name)} · {entry_id_html(v.entry_id, shown_id(v.entry_id))}",
        esc(tr(f"remembered.verdict.{v.verdict}")),
        esc(tr(f"remembered.scope.{v.scope}")),
        f"{esc(v.reviewer)}<div class='wb-muted wb-small'>{esc(_when(v))}</div>",
        esc(v.rationale),
    ]
    return (
        "<div class='wb-cells'>"
        + "".join(f"<div class='wb-cell'>{c}</div>" for c in cells)
        + "</div>"
    )


#: Columns of the remembered verdicts' rows.
REMEMBERED_COLUMNS = (
    "remembered.text",
    "remembered.entry",
    "remembered.verdict",
    "remembered.scope",
    "remembered.who",
    "remembered.why",
)


def remembered_header_html(tr: Callable[..., str]) -> str:
    cells = "".join(f"<div class='wb-cell'>{esc(tr(k))}</div>" for k in REMEMBERED_COLUMNS)
    return f"<div class='wb-cells'>{cells}</div>"
