"""Hand in a questionnaire (and publications) on the review page.

A file chooser takes one filled Excel questionnaire (``workbench template``, in
Japanese or English) or a proposal JSON, and any publications files; "取り込む"
(hand in) checks them all with the loaders before anything is written
(:func:`workbench.session.intake.hand_in`). Problems are listed beside the chooser
in the page language, each with the uploaded file's name; nothing is added. A valid
hand-in sets the output trait ``handed_in`` (the proposal's folder), which the page
answers by listing it in the picker and opening it. For a revision the panel says
which version was kept and what changed (``compare``, given by the page, tells the
findings new, gone and unchanged).

>>> panel = UploadPanel("/nonexistent")
>>> panel.language = "en"
>>> panel.button.description
'Hand in'
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.common.notices import form_errors_html
from workbench.errors import Problem
from workbench.messages import localise
from workbench.revision import FindingChanges, compare_proposals
from workbench.session.intake import Intake, Upload, hand_in

log = logging.getLogger("widgets")

ACCEPT = ".xlsx,.json,.jsonl,.ndjson,.csv,.parquet,.gz"
#: what the page gives to compare a revision's findings with the previous version's
Compare = Callable[[Intake], FindingChanges | None]


def problem_text(problem: Problem, language: str) -> str:
    """A problem as the panel lists it: the uploaded file, the place, then what is wrong."""
    where = (
        problem.file
        if problem.location in ("upload", "")
        else (f"{problem.file} — {problem.location}")
    )
    return f"{where}: {localise(problem, language)}"


class UploadPanel(w.VBox):
    language = t.Unicode("ja")
    handed_in = t.Unicode("")  # output: the folder of the proposal handed in last

    def __init__(
        self,
        data_dir: str | Path,
        compare: Compare | None = None,
        folders: Callable[[], Mapping[str, str]] | None = None,
        **kw: Any,
    ) -> None:
        self._data_dir = Path(data_dir)
        self._compare_findings = compare
        self._known_folders = folders  # proposal id → folder, as the picker lists them
        self._heading = w.HTML()
        self.chooser = w.FileUpload(accept=ACCEPT, multiple=True)
        self.button = w.Button(icon="upload", button_style="primary")
        self.problems = w.HTML()
        self.result = w.HTML()
        self.last: Intake | None = None
        self._findings: FindingChanges | None = None
        super().__init__(
            [
                self._heading,
                w.HBox([self.chooser, self.button], layout=w.Layout(flex_flow="row wrap")),
                self.problems,
                self.result,
            ],
            **kw,
        )
        self.add_class("wb-card")
        self.add_class("wb-upload")
        self.button.on_click(lambda _b: self.hand_in_chosen())
        self.observe(self._render, names="language")
        self._render()

    def hand_in_chosen(self) -> Intake:
        """Hand in the chosen files (what the button does)."""
        uploads = [Upload(str(f["name"]), bytes(f["content"])) for f in self.chooser.value]
        return self.hand_in(uploads)

    def hand_in(self, uploads: Sequence[Upload]) -> Intake:
        try:
            known = self._known_folders() if self._known_folders is not None else None
            intake = hand_in(self._data_dir, uploads, folders=known)
        except OSError as exc:  # the proposals folder cannot be written: said, nothing added
            log.error("hand-in into %s failed", self._data_dir, exc_info=exc)
            intake = Intake(None, (Problem(str(self._data_dir), "", "(folder)", str(exc)),))
        self.last = intake
        self._findings = None
        if intake.ok and intake.previous is not None and self._compare_findings is not None:
            try:
                self._findings = self._compare_findings(intake)
            except Exception:  # the comparison is extra: the hand-in stands, the log says why
                log.warning("comparing the revision's findings failed", exc_info=True)
        self.chooser.value = ()
        self._render()
        if intake.ok and intake.written is not None:
            self.handed_in = ""  # the same proposal handed in again opens again
            self.handed_in = intake.written.name
        return intake

    def _render(self, _change: object = None) -> None:
        tr = translator(self.language, "review")
        self._heading.value = markup.heading_html(tr("upload.title"))
        self.chooser.description = tr("upload.choose")
        self.button.description = tr("upload.hand_in")
        intake = self.last
        if intake is None:
            self.problems.value = ""
            self.result.value = f"<p class='wb-muted'>{markup.esc(tr('upload.help'))}</p>"
            return
        self.problems.value = form_errors_html(
            problem_text(p, self.language) for p in intake.errors
        )
        self.result.value = self._result_html(intake, tr) if intake.ok else ""

    def _result_html(self, intake: Intake, tr: Callable[..., str]) -> str:
        assert intake.proposal is not None
        lang = self.language
        pid = intake.proposal.proposal_id
        if intake.kept is None or intake.previous is None:
            return f"<p>{markup.esc(tr('upload.added', id=pid))}</p>"
        kept = intake.kept
        lines = [tr("upload.revised", id=pid, old=kept.number, new=kept.number + 1)]
        changes = compare_proposals(intake.previous, intake.proposal)
        items = [c.text(lang) for c in changes.changes] or [tr("upload.unchanged")]
        found = self._findings
        if found is not None:
            items.append(
                tr(
                    "upload.findings",
                    new=len(found.new),
                    gone=len(found.gone),
                    unchanged=len(found.unchanged),
                )
            )
            for word, group in (("upload.new", found.new), ("upload.gone", found.gone)):
                items += [
                    f"{tr(word)}: {f.summary_ja if lang == 'ja' else f.summary}" for f in group
                ]
        body = "".join(f"<li>{markup.esc(x)}</li>" for x in items)
        return f"<p>{markup.esc(lines[0])}</p><ul class='wb-changes'>{body}</ul>"
