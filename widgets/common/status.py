"""The page's one status area: a plain-words message and a progress bar.

Errors reach the reviewer here, never as a traceback; :meth:`StatusBar.fail`
logs the exception with its traceback for the operator and shows one line.
"""

from __future__ import annotations

import logging

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from workbench.errors import InputError

log = logging.getLogger("widgets")


class StatusBar(w.VBox):
    """Shows ``message`` at ``level`` (info, ok, busy, error) and ``progress`` (0–1) while busy."""

    message = t.Unicode("")
    level = t.Enum(["info", "ok", "busy", "error"], default_value="info")
    progress = t.Float(0.0, min=0.0, max=1.0)
    language = t.Unicode("ja")

    def __init__(self, **kwargs: object) -> None:
        self._html = w.HTML(layout=w.Layout(flex="1 1 auto"))
        self._bar = w.FloatProgress(
            value=0.0, min=0.0, max=1.0, layout=w.Layout(width="14rem", visibility="hidden")
        )
        self._bar.add_class("wb-progress")
        row = w.HBox([self._html, self._bar], layout=w.Layout(width="100%", align_items="center"))
        super().__init__(children=[row], **kwargs)
        self.add_class("wb-status-area")
        self._said: tuple[str, dict[str, object]] | None = None
        self.observe(self._render, names=["message", "level", "progress"])
        self.observe(self._retranslate, names="language")
        self._render()

    def _render(self, _change: object = None) -> None:
        self._html.value = markup.status_html(self.message, self.level) if self.message else ""
        busy = self.level == "busy"
        self._bar.layout.visibility = "visible" if busy else "hidden"
        self._bar.value = self.progress
        self._bar.bar_style = "info" if busy else ""

    def say(
        self, key: str, level: str = "info", progress: float | None = None, **values: object
    ) -> None:
        """Show the label ``key`` (re-said in the new language when the language changes)."""
        self.show(translator(self.language)(key, **values), level, progress)
        self._said = (key, values)

    def _retranslate(self, _change: object = None) -> None:
        if self._said is not None:
            key, values = self._said
            self.message = translator(self.language)(key, **values)

    def show(self, message: str, level: str = "info", progress: float | None = None) -> None:
        self._said = None
        with self.hold_trait_notifications():
            self.message = message
            self.level = level
            if progress is not None:
                self.progress = max(0.0, min(1.0, progress))

    def fail(self, what: str, exc: BaseException) -> None:
        """Log ``exc`` in full and show it to the reviewer in plain words."""
        if isinstance(exc, InputError):
            log.warning("%s: %s", what, exc)
            errors = [p for p in exc.problems if p.severity == "error"] or list(exc.problems)
            first = " / ".join(str(p) for p in errors[:3]) + (" …" if len(errors) > 3 else "")
            text = translator(self.language)("error.input", n=len(errors), first=first)
        else:
            log.error("%s failed", what, exc_info=exc)
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            text = translator(self.language)("error.generic", what=f"{what} ({detail})")
        self.show(text, "error", 0.0)
