"""The reviewer's decisions: dispositions, the judgment and its measures, and the export.

:class:`Decisions` is the layer of the review page that records what the
reviewer decides through the :class:`~widgets.workspace.Workspace` (the
store's append-only log) and shows the new state everywhere it matters. Each
write runs under the page's state machine (``SAVING`` while it is written); a
write refused as stale (someone else wrote first) shows the latest state and
the conflict in plain words instead of overwriting it.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from workbench.errors import InputError
from workbench.output_text import safe_stem
from workbench.reviewer import resolve_reviewer

from . import markup
from .app_state import AppBase, AppState
from .i18n import translator

if TYPE_CHECKING:
    from workbench.store.state import ReviewState

log = logging.getLogger("widgets")


class Decisions(AppBase):
    """Records the reviewer's decisions and shows them (a layer of :class:`~widgets.app.App`)."""

    def _dispositions(self, review: ReviewState) -> dict[str, str]:
        return {k: str(d.disposition) for k, d in review.dispositions.items()}

    def _record(self, review: ReviewState, *, reset: bool) -> dict[str, Any]:
        j = review.judgment
        history = []
        for e in reversed(review.history):
            why = e.reason or str(e.payload.get("rationale") or e.payload.get("notes") or "")
            history.append(
                {"when": e.when(), "who": e.reviewer, "what": e.describe(self.language), "why": why}
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
        decision = self.review.dispositions.get(key) if (self.review and key) else None
        self.evidence.current = (
            {
                "status": str(decision.disposition),
                "rationale": decision.rationale,
                "who": decision.reviewer,
                "when": decision.decided_at.strftime("%Y-%m-%d %H:%M UTC"),
            }
            if decision
            else {}
        )
        if self.network is not None:
            self.network.highlight_link = self._link_of(key)

    def _link_of(self, key: str) -> tuple[str, ...]:
        """The network link a finding rests on: (team member, co-author) node ids, or ()."""
        from workbench.graph import name_key

        graph = self.screened.graph if self.screened else None
        row = self.screened.view.finding(key) if (self.screened and key) else None
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

    def _who(self) -> str | None:
        try:
            return resolve_reviewer(self.reviewer, configured=self.settings.reviewer).name
        except InputError:
            self.status.say("judgment.need_reviewer", "error")
            return None

    def _write(self, what: str, action: Callable[[str, int], ReviewState]) -> bool:
        """Run one store write with the state machine and the error handling around it."""
        if self.screened is None or self.review is None:
            return False
        who = self._who()
        if who is None:
            return False
        from workbench.store.conflicts import StaleWriteError

        self.state = AppState.SAVING
        try:
            review = action(who, self.review.seq)
        except StaleWriteError as exc:
            log.info("stale write refused: %s", exc)
            latest = self.workspace.state(self.screened.proposal.proposal_id)
            self._take(latest, reset=False)
            message = exc.message(self.language)
            self.judgment.conflict = message
            self.status.show(message.splitlines()[0], "error")
            self.state = AppState.READY
            return False
        except InputError as exc:
            self.status.fail(what, exc)
            self.state = AppState.READY
            return False
        except Exception as exc:
            self.status.fail(what, exc)
            self.state = AppState.READY
            return False
        self._take(review, reset=True)
        self.judgment.conflict = ""
        self.state = AppState.READY
        return True

    def _take(self, review: ReviewState, *, reset: bool) -> None:
        """Show a new store state everywhere it matters."""
        assert self.screened is not None
        self.review = review
        view = self.workspace.view_with_decisions(self.screened, review)
        with self.hold_trait_notifications():
            for part in (self.overview, self.scope, self.findings, self.evidence):
                part.view = view
            self.findings.dispositions = self._dispositions(review)
            self.judgment.record = self._record(review, reset=reset)
        key = self.findings.selected_key
        self._on_select({"new": key})
        entries = [dict(e) for e in self.picker.entries]
        for e in entries:
            if e.get("proposal_id") == review.proposal_id:
                e["status"] = str(review.status)
        self.picker.entries = entries

    def _on_dispose(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or self.screened is None:
            return
        tr = translator(self.language)
        if req["disposition"] == "dismissed" and not req["rationale"]:
            self.status.say("disposition.need_rationale", "error")
            return
        screened = self.screened
        ok = self._write(
            tr("section.evidence"),
            lambda who, seq: self.workspace.dispose(
                screened,
                req["key"],
                req["disposition"],
                req["rationale"],
                bool(req["remember"]),
                reviewer=who,
                expected_seq=seq,
            ),
        )
        if ok:
            self.status.say("disposition.saved", "ok")

    def _on_judge(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or self.screened is None:
            return
        if req.get("action") == "update-measure":
            self._update_measure(req)
            return
        tr = translator(self.language)
        if not req.get("outcome"):
            self.status.say("judgment.need_outcome", "error")
            return
        screened = self.screened
        ok = self._write(
            tr("section.judgment"),
            lambda who, seq: self.workspace.judge(
                screened,
                req["outcome"],
                req["notes"],
                req["measures"],
                reviewer=who,
                expected_seq=seq,
            ),
        )
        if ok:
            self.status.say("judgment.saved", "ok")

    def _update_measure(self, req: Mapping[str, Any]) -> None:
        """Record a new status and/or due date of one stored measure."""
        mid = int(req["measure_id"])
        changes = dict(req.get("changes") or {})
        if not changes:
            self.status.say("judgment.measure_unchanged", "error", id=mid)
            return
        tr = translator(self.language)
        screened = self.screened
        assert screened is not None
        ok = self._write(
            tr("judgment.measures"),
            lambda who, seq: self.workspace.update_measure(
                screened, mid, changes, reviewer=who, expected_seq=seq
            ),
        )
        if ok:
            self.status.say("judgment.measure_updated", "ok")

    def _on_export(self, change: Mapping[str, Any]) -> None:
        req = change["new"]
        if not req or self.screened is None or self.review is None:
            return
        tr = translator(self.language)
        screened = self.screened
        pid = screened.proposal.proposal_id
        try:
            if req["format"] == "xlsx":
                if not self.review.started:
                    who = self._who()
                    if who is None:
                        return
                    self._take(
                        self.workspace.ensure_started(screened, who, self.review.seq), reset=False
                    )
                payload = self.workspace.export_xlsx(screened)
                name = f"{safe_stem(pid)}-review.xlsx"
                mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            else:
                view = self.workspace.view_with_decisions(screened, self.review)
                record = self._record(self.review, reset=False)
                dispositions = {
                    k: {"status": str(d.disposition), "rationale": d.rationale}
                    for k, d in self.review.dispositions.items()
                }
                judgment = {
                    "outcome": record["outcome"],
                    "notes": record["notes"],
                    "reviewer": record["who"],
                    "measures": record["measures"],
                }
                page = markup.printable_html(
                    view, dispositions, judgment, record["history"], self.language, tr
                )
                payload = page.encode("utf-8")
                name = f"{safe_stem(pid)}-review.html"
                mime = "text/html"
        except Exception as exc:
            self.status.fail(tr("section.export"), exc)
            return
        self.last_export = payload
        self.export.link = markup.download_link(
            tr("export.ready", name=name), name, mime, base64.b64encode(payload).decode("ascii")
        )
