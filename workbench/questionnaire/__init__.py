"""The research-security questionnaire as an Excel workbook, written and read back.

Reviewers and institutions live in Excel: :func:`write_template` writes the
bilingual template (empty, or filled from a proposal), :func:`read_questionnaire`
reads a filled one into the same :class:`~workbench.model.Proposal` the JSON
loader gives, with every problem named by sheet and cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.questionnaire.reader import read_questionnaire, read_questionnaire_with_report
    from workbench.questionnaire.writer import write_template

__all__ = ["read_questionnaire", "read_questionnaire_with_report", "write_template"]


def __getattr__(name: str) -> Any:
    # Imported on first use: workbench.proposal imports this package's field
    # readers, and the reader imports workbench.proposal.
    if name in ("read_questionnaire", "read_questionnaire_with_report"):
        from workbench.questionnaire import reader

        return getattr(reader, name)
    if name == "write_template":
        from workbench.questionnaire.writer import write_template

        return write_template
    raise AttributeError(name)
