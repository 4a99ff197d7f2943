"""A revised questionnaire's findings against the previous version's (FAQ Q7.1, Q8.1).

:func:`revision_findings` screens the version a hand-in replaced and the one it
brought with the same works, lists, matcher and look-back, and matches their
findings by key: new, gone, unchanged (:func:`workbench.revision.compare_findings`).
"""

from __future__ import annotations

from typing import Any

from workbench.revision import FindingChanges, compare_findings
from workbench.screening import screen
from workbench.session.intake import Intake
from workbench.window import Window


def revision_findings(intake: Intake, workspace: Any) -> FindingChanges | None:
    """The findings of ``intake``'s questionnaire against those of the one it replaced,
    screened through ``workspace`` (a :class:`~workbench.session.workspace.Workspace`);
    None when the hand-in was not a revision."""
    if intake.written is None or intake.previous is None:
        return None
    proposal, works = workspace.load(intake.written.name)
    matcher, lists = workspace.matcher(), workspace.lists()
    years = workspace.settings.lookback_years

    def findings(p: Any) -> Any:
        return screen(p, works, matcher, lists, window=Window.for_proposal(p, None, years)).findings

    return compare_findings(findings(intake.previous), findings(proposal))
