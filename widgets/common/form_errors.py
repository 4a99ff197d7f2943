"""Why a save was refused, shown beside the form that asked for it, in the page's language.

Input traits: ``errors`` (store :class:`~workbench.errors.Problem` values, or
``(label key, values)`` pairs for what the page itself checks), ``language``.
Each message is shown once, and said again in the other language when the
reviewer switches; an empty list shows nothing.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common.notices import form_errors_html, said


class FormErrors(w.HTML):
    errors: t.List[Any] = t.List()
    language = t.Unicode("ja")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("wb-form-errors")
        self.observe(self._render, names=["errors", "language"])
        self._render()

    def messages(self) -> list[str]:
        """The messages shown, in order, each once."""
        return list(dict.fromkeys(said(self.errors, self.language)))

    def _render(self, _change: object = None) -> None:
        self.value = form_errors_html(self.messages())
