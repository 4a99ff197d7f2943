"""Evidence of one finding, and the reviewer's disposition of it.

Input traits: ``view``, ``key`` (the finding shown), ``current`` (its latest
disposition: ``status``, ``rationale``, ``who``, ``when``), ``language``,
``enabled``. Output trait: ``request`` — a
:class:`~widgets.review.requests.Dispose` when the reviewer records a
disposition; the app writes it to the store.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.form_errors import FormErrors
from widgets.common.i18n import translator
from widgets.review.requests import Dispose
from workbench.session.view import ReviewView
from workbench.vocabulary import Disposition
from workbench.window import DEFAULT_YEARS

DISPOSITIONS = tuple(Disposition)


def faq_texts(keys: tuple[str, ...], language: str) -> dict[str, tuple[str, str]]:
    """Question and answer text of FAQ ``keys``: Japanese original, or the English digest."""
    try:
        from workbench.faq import FAQ
    except ImportError:
        return {}
    texts = {}
    for k in keys:
        q = FAQ.get(k)
        if q is None:
            continue
        if language == "ja":
            texts[k] = (q.question_ja, q.answer_ja)
        else:
            texts[k] = (q.summary_en, "")
    return texts


class EvidencePanel(w.VBox):
    view = t.Instance(ReviewView, allow_none=True)
    key = t.Unicode("")
    current = t.Dict()
    language = t.Unicode("ja")
    enabled = t.Bool(True)
    request = t.Instance(Dispose, allow_none=True)  # output

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._body = w.HTML()
        self._now = w.HTML()
        self._choice = w.ToggleButtons(options=[], value=None, style={"button_width": "auto"})
        self._rationale = w.Textarea(rows=2, layout=w.Layout(width="100%"))
        self._remember = w.Checkbox(value=False, indent=False, layout=w.Layout(width="auto"))
        # where a remembered dismissal applies: this proposal (the default) or all of them
        self._scope = w.RadioButtons(options=[("", "proposal"), ("", "all")], value="proposal")
        self._save = w.Button(button_style="primary", icon="check")
        self.errors = FormErrors()  # why a save was refused, beside the form
        self._form = w.VBox(
            [
                self._now,
                self._choice,
                self._rationale,
                self._remember,
                self._scope,
                self._save,
                self.errors,
            ],
        )
        self._form.add_class("wb-disposition")
        super().__init__(children=[self._heading, self._body, self._form], **kwargs)
        self.add_class("wb-card")
        self.add_class("wb-evidence-panel")
        self._save.on_click(self._ask)
        t.dlink((self, "language"), (self.errors, "language"))
        self._choice.observe(self._enable, names="value")
        self._remember.observe(self._enable, names="value")
        self.observe(self._render, names=["view", "key", "language", "current", "enabled"])
        self._render()

    @property
    def choice(self) -> w.ToggleButtons:
        return self._choice

    @property
    def rationale(self) -> w.Textarea:
        return self._rationale

    @property
    def remember(self) -> w.Checkbox:
        return self._remember

    @property
    def scope(self) -> w.RadioButtons:
        """Where a remembered dismissal applies: ``proposal`` (default) or ``all``."""
        return self._scope

    @property
    def save_button(self) -> w.Button:
        return self._save

    def _render(self, change: dict[str, Any] | None = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.evidence"))
        self._rationale.placeholder = tr("disposition.rationale_placeholder")
        self._remember.description = tr("disposition.remember")
        self._save.description = tr("disposition.save")
        keep_scope = self._scope.value
        self._scope.options = [
            (tr("disposition.scope_proposal"), "proposal"),
            (tr("disposition.scope_all"), "all"),
        ]
        self._scope.value = keep_scope or "proposal"
        keep = self._choice.value
        self._choice.options = [(tr(f"disposition.{d}"), d) for d in DISPOSITIONS]
        row = self.view.finding(self.key) if self.view and self.key else None
        if row is None:
            self._body.value = f"<p class='wb-muted'>{markup.esc(tr('evidence.none'))}</p>"
            self._form.layout.display = "none"
            return
        self._form.layout.display = "flex"
        entry = self.view.entry(row) if self.view else None
        faq = faq_texts(row.faq, self.language)
        years = self.view.years if self.view else DEFAULT_YEARS
        self._body.value = markup.evidence_html(row, entry, faq, self.language, tr, years)
        cur = self.current
        if cur.get("status"):
            what = tr(f"disposition.{cur['status']}")
            self._now.value = (
                "<div class='wb-muted'>"
                + markup.esc(
                    tr(
                        "disposition.current",
                        what=what,
                        who=cur.get("who", ""),
                        when=cur.get("when", ""),
                    )
                )
                + (
                    f" — <em>{markup.esc(cur.get('rationale', ''))}</em>"
                    if cur.get("rationale")
                    else ""
                )
                + "</div>"
            )
        else:
            self._now.value = f"<div class='wb-muted'>{markup.esc(tr('disposition.label'))}</div>"
        if change is not None and change["name"] in ("key", "current", "view"):
            # a new finding (or a fresh decision) resets the form to what is recorded
            self._choice.value = cur.get("status") if cur.get("status") in DISPOSITIONS else None
            self._rationale.value = ""
            self._remember.value = False
            self._scope.value = "proposal"
            self.errors.errors = []
        else:
            self._choice.value = keep
        self._enable()

    def _enable(self, _change: object = None) -> None:
        row_open = bool(self.view and self.view.finding(self.key))
        self._save.disabled = not (self.enabled and row_open and self._choice.value)
        dismissing = self._choice.value == Disposition.DISMISSED
        row = self.view.finding(self.key) if self.view and self.key else None
        can_remember = bool(row and row.list_name and any(e.affiliation for e in row.evidence))
        self._remember.layout.display = "flex" if dismissing and can_remember else "none"
        remembering = dismissing and can_remember and self._remember.value
        self._scope.layout.display = "flex" if remembering else "none"
        for control in (self._choice, self._rationale, self._scope):
            control.disabled = not self.enabled

    def _ask(self, _button: object) -> None:
        self.request = Dispose(
            self.key,
            str(self._choice.value),
            self._rationale.value.strip(),
            bool(self._remember.value and self._choice.value == Disposition.DISMISSED),
            str(self._scope.value or "proposal"),
        )
