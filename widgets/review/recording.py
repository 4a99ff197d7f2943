"""The reviewer's decisions: dispositions, the judgment and its measures, and the export.

:class:`Recorder`, a controller owned by the review ``App``, records what the
reviewer decides through the workspace's
:class:`~workbench.session.decisions.Decisions` (the store's append-only log)
and shows the new state everywhere it matters. Each write runs under the page's
state machine (``SAVING`` while it is written); a write refused as stale
(someone else wrote first) shows the latest state and the conflict in plain
words instead of overwriting it.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from widgets.common import markup, printable
from widgets.common.form_errors import FormErrors
from widgets.common.i18n import translator
from widgets.review.requests import Dispose, Export, Judge, Revoke, UpdateMeasure
from widgets.review.state import AppState
from workbench.errors import InputError
from workbench.findings import by_finding
from workbench.output_text import safe_stem
from workbench.reviewer import resolve_reviewer
from workbench.vocabulary import Disposition

if TYPE_CHECKING:
    from widgets.review.app import App
    from widgets.review.parts import ReviewParts
    from workbench.session.remembered import RememberedView
    from workbench.store.history_text import HistoryWords
    from workbench.store.state import ReviewState

log = logging.getLogger("widgets")


class Recorder:
    """Records the reviewer's decisions on ``app`` and shows them."""

    def __init__(self, app: App) -> None:
        self.app = app
        app.proposal_panes.when_built(
            lambda panes: panes.findings.observe(self._on_select, names="selected_key")
        )
        app.observe(self._relabel, names="language")
        app.parts.when_built(self._wire_parts)

    def _wire_parts(self, parts: ReviewParts) -> None:
        parts.evidence.observe(self._on_dispose, names="request")
        parts.judgment.observe(self._on_judge, names="request")
        parts.export.observe(self._on_export, names="request")
        parts.remembered.observe(self._on_revoke, names="request")

    def _relabel(self, _change: object = None) -> None:
        if self.app.review is not None and self.app.parts.shown:
            self.app.judgment.record = self._record(self.app.review, reset=False)

    def show(self, review: ReviewState, *, reset: bool) -> None:
        """Show a store state of the open proposal everywhere it matters."""
        app = self.app
        assert app.screened is not None
        app.review = review
        view = app.workspace.view_with_decisions(app.screened, review)
        with app.hold_trait_notifications():
            for part in (app.overview, app.scope, app.findings, app.evidence):
                part.view = view
            # a disposition stored under any entry a finding cites shows on that finding
            decided = by_finding(app.screened.result.findings, review.dispositions)
            app.findings.dispositions = {k: str(d.disposition) for k, d in decided.items()}
            app.judgment.record = self._record(review, reset=reset)

    def show_remembered(self, memory: RememberedView | None) -> None:
        """Show the remembered verdicts for the open proposal and the findings they hide."""
        app = self.app
        with app.hold_trait_notifications():
            app.findings.show_hidden = False
            app.findings.hidden = memory.hidden if memory else ()
            app.parts.remembered.remembered = memory

    def _names(self, review: ReviewState) -> HistoryWords:
        """How the history names findings (as the table does, hidden ones too) and measures."""
        from workbench.store.history_text import HistoryWords

        screened = self.app.screened
        if screened is None:
            return HistoryWords.of(review.history)
        hidden = [h.as_json() for h in self.app.findings.hidden]
        data = screened.data
        screening = {"scope": data.get("scope"), "findings": [*data["findings"], *hidden]}
        return HistoryWords.of(review.history, screening, years=screened.years)

    def _record(self, review: ReviewState, *, reset: bool) -> dict[str, Any]:
        j = review.judgment
        names = self._names(review)
        history = []
        from workbench.store.history_text import version_labels  # the store: off the first view

        made_on = version_labels(review.history, self.app.language)  # once revised
        for e in reversed(review.history):
            why = e.reason or str(e.payload.get("rationale") or e.payload.get("notes") or "")
            history.append(
                {
                    "when": e.when(),
                    "who": e.reviewer,
                    "what": names.describe(e, self.app.language),
                    "version": made_on.get(e.seq, ""),
                    "why": why,
                }
            )
        return {
            "proposal_id": review.proposal_id,
            "seq": review.seq,
            "reset": reset,
            "outcome": str(j.outcome) if j else "",
            "notes": j.notes if j else "",
            "who": j.reviewer if j else "",
            "when": j.decided_at.strftime("%Y-%m-%d %H:%M UTC") if j else "",
            "measures": [
                {
                    "id": m.id,
                    "number": names.measure(m.id),  # 1, 2, … in this proposal
                    "kind": str(m.kind),
                    "text": m.text,
                    "persons": list(m.persons),
                    "due": m.due.isoformat() if m.due else "",
                    "status": str(m.status),
                }
                for m in review.measures
            ],
            "history": history,
        }

    def _on_select(self, change: Mapping[str, Any]) -> None:
        key = str(change["new"] or "")
        review, screened = self.app.review, self.app.screened
        decided = (
            by_finding(screened.result.findings, review.dispositions) if review and screened else {}
        )
        decision = decided.get(key) if key else None
        self.app.evidence.current = (
            {
                "status": str(decision.disposition),
                "rationale": decision.rationale,
                "who": decision.reviewer,
                "when": decision.decided_at.strftime("%Y-%m-%d %H:%M UTC"),
            }
            if decision
            else {}
        )
        if self.app.network is not None:
            self.app.network.highlight_link = self._link_of(key)

    def _link_of(self, key: str) -> tuple[str, ...]:
        """The network link a finding rests on: (team member, co-author) node ids, or ()."""
        from workbench.graph import name_key

        graph = self.app.screened.graph if self.app.screened else None
        row = self.app.screened.view.finding(key) if (self.app.screened and key) else None
        if graph is None or row is None:
            return ()
        me = graph.team.get(row.subject)
        if me is None or me not in graph.coauthors:
            return ()
        wanted = {(e.work_id, name_key(e.coauthor)) for e in row.evidence if e.coauthor}
        for other in graph.coauthors.neighbors(me):
            for c in graph.contributions.get(other, ()):
                if (c.work_id, name_key(c.author_name)) in wanted:
                    return (me, other)
        return ()

    def _who(self, form: FormErrors | None = None) -> str | None:
        try:
            return resolve_reviewer(self.app.reviewer, configured=self.app.settings.reviewer).name
        except InputError:
            self._refuse(form, "judgment.need_reviewer")
            return None

    def _refuse(self, form: FormErrors | None, key: str, **values: Any) -> None:
        """Say why the page did not save: beside ``form``, else in the status area."""
        if form is None:
            self.app.status.say(key, "error", **values)
            return
        form.errors = [(key, values)]
        self.app.status.say("error.see_form", "error")

    def _write(
        self,
        part: str,
        saved: str,
        action: Callable[[str, int], ReviewState],
        form: FormErrors | None = None,
    ) -> bool:
        """Run one store write with the state machine and the error handling around it;
        ``part`` names what is written (a label key), ``saved`` the label said once written;
        the problems of refused input are shown beside ``form``, once, in the page's language."""
        if self.app.screened is None or self.app.review is None:
            return False
        who = self._who(form)
        if who is None:
            return False
        from workbench.store.conflicts import StaleWriteError

        self.app.state = AppState.SAVING
        try:
            review = action(who, self.app.review.seq)
        except StaleWriteError as exc:
            log.info("stale write refused: %s", exc)
            latest = self.app.workspace.decisions.state(self.app.screened.proposal.proposal_id)
            self._take(latest, reset=False)
            message = exc.message(self.app.language)
            self.app.judgment.conflict = message
            self.app.status.show(message.splitlines()[0], "error")
            self.app.state = AppState.READY
            return False
        except InputError as exc:  # bad input: beside the form, in the page's language
            log.info("%s refused: %s", part, exc)
            if form is None:
                self.app.status.fail(self.app.what(part), exc)
            else:
                errors = [p for p in exc.problems if p.severity == "error"] or list(exc.problems)
                form.errors = errors
                self.app.status.say("error.see_form", "error")
            self.app.state = AppState.READY
            return False
        except Exception as exc:  # a failed write, in plain words
            self.app.status.fail(self.app.what(part), exc)
            self.app.state = AppState.READY
            return False
        if form is not None:
            form.errors = []
        self._take(review, reset=True)
        self.app.judgment.conflict = ""
        self.app.state = AppState.READY
        self.app.status.say(saved, "ok")
        return True

    def _take(self, review: ReviewState, *, reset: bool) -> None:
        """Show a new store state, the selected finding's decision and the picker's status."""
        self.show(review, reset=reset)
        self._on_select({"new": self.app.findings.selected_key})
        entries = [dict(e) for e in self.app.picker.entries]
        for e in entries:
            if e.get("proposal_id") == review.proposal_id:
                e["status"] = str(review.status)
        self.app.picker.entries = entries

    def _on_dispose(self, change: Mapping[str, Any]) -> None:
        req: Dispose | None = change["new"]
        if req is None or self.app.screened is None:
            return
        if req.disposition == Disposition.DISMISSED and not req.rationale:
            self._refuse(self.app.evidence.errors, "disposition.need_rationale")
            return
        screened = self.app.screened
        saved = self._write(
            "section.evidence",
            "disposition.saved",
            lambda who, seq: self.app.workspace.decisions.dispose(
                screened,
                req.key,
                req.disposition,
                req.rationale,
                req.remember,
                reviewer=who,
                expected_seq=seq,
                scope=req.scope,
            ),
            self.app.evidence.errors,
        )
        if saved and req.remember and req.disposition == Disposition.DISMISSED:
            self.app.screening.rescreen()  # the verdict now hides the finding: say so

    def _on_revoke(self, change: Mapping[str, Any]) -> None:
        req: Revoke | None = change["new"]
        if req is None or self.app.screened is None:
            return
        form = self.app.parts.remembered.errors
        if not req.reason:
            self._refuse(form, "remembered.need_reason")
            return
        who = self._who(form)
        if who is None:
            return
        try:
            self.app.workspace.decisions.revoke(req.memory_id, req.reason, reviewer=who)
        except InputError as exc:
            form.errors = [p for p in exc.problems if p.severity == "error"] or list(exc.problems)
            self.app.status.say("error.see_form", "error")
            return
        except Exception as exc:  # a failed write, in plain words
            self.app.status.fail(self.app.what("section.remembered"), exc)
            return
        form.errors = []
        self.app.status.say("remembered.revoked", "ok")
        self.app.screening.rescreen()  # what the verdict hid comes back

    def _on_judge(self, change: Mapping[str, Any]) -> None:
        req: Judge | UpdateMeasure | None = change["new"]
        if req is None or self.app.screened is None:
            return
        if isinstance(req, UpdateMeasure):
            self._update_measure(req)
            return
        if not req.outcome:
            self._refuse(self.app.judgment.errors, "judgment.need_outcome")
            return
        screened = self.app.screened
        self._write(
            "section.judgment",
            "judgment.saved",
            lambda who, seq: self.app.workspace.decisions.judge(
                screened,
                req.outcome,
                req.notes,
                req.measures,
                reviewer=who,
                expected_seq=seq,
            ),
            self.app.judgment.errors,
        )

    def _update_measure(self, req: UpdateMeasure) -> None:
        """Record a new status and/or due date of one stored measure."""
        mid = req.measure_id
        changes = dict(req.changes)
        if not changes:
            number = self._names(self.app.review).measure(mid) if self.app.review else mid
            self._refuse(self.app.judgment.errors, "judgment.measure_unchanged", id=number)
            return
        screened = self.app.screened
        assert screened is not None
        self._write(
            "judgment.measures",
            "judgment.measure_updated",
            lambda who, seq: self.app.workspace.decisions.update_measure(
                screened, mid, changes, reviewer=who, expected_seq=seq
            ),
            self.app.judgment.errors,
        )

    def _on_export(self, change: Mapping[str, Any]) -> None:
        req: Export | None = change["new"]
        if req is None or self.app.screened is None or self.app.review is None:
            return
        tr = translator(self.app.language)
        screened = self.app.screened
        pid = screened.proposal.proposal_id
        try:
            if req.format == "xlsx":
                if not self.app.review.started:
                    who = self._who()
                    if who is None:
                        return
                    self._take(
                        self.app.workspace.decisions.ensure_started(
                            screened, who, self.app.review.seq
                        ),
                        reset=False,
                    )
                payload = self.app.workspace.decisions.export_xlsx(
                    screened, self.app.language, self._names(self.app.review)
                )
                name = f"{safe_stem(pid)}-review.xlsx"
                mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            else:
                view = self.app.workspace.view_with_decisions(screened, self.app.review)
                record = self._record(self.app.review, reset=False)
                dispositions = {
                    k: {"status": str(d.disposition), "rationale": d.rationale}
                    for k, d in by_finding(
                        screened.result.findings, self.app.review.dispositions
                    ).items()
                }
                judgment = {
                    "outcome": record["outcome"],
                    "notes": record["notes"],
                    "reviewer": record["who"],
                    "measures": record["measures"],
                }
                page = printable.printable_html(
                    view, dispositions, judgment, record["history"], self.app.language, tr
                )
        except Exception as exc:
            self.app.status.fail(tr("section.export"), exc)
            return
        if req.format != "xlsx":  # the printable page: opened in a new tab
            self.app.last_export = page.encode("utf-8")
            self.app.export.link = ""
            self.app.export.new_tab.show(
                page, tr("export.open", name=f"{safe_stem(pid)}-review.html")
            )
            return
        self.app.last_export = payload
        self.app.export.link = markup.download_link(
            tr("export.ready", name=name), name, mime, base64.b64encode(payload).decode("ascii")
        )
