"""One way to translate the pages: a namespaced key looked up in one table per language.

A key is ``namespace.name``. The pages' own words live in
:mod:`widgets.common.labels_ja` and :mod:`widgets.common.labels_en` under ``review.*``,
``portfolio.*`` and ``network.*``. The checks' names both pages share (``check.*``)
are the glossary's (:data:`workbench.glossary.CHECK_LABELS`). The words of screening
and review (``severity.*``, ``outcome.*``, ``disposition.*``, ``measure.*``,
``measure_status.*``, ``status.*``) are the vocabulary's (:mod:`workbench.vocabulary`),
so the pages, the command line and the Excel export say the same thing. Data (names,
titles, affiliations) is never translated: it is shown as given.

:func:`translate` reads a full key; :func:`translator` binds a language and a page's
namespace, so the review page writes ``tr("section.findings")`` for
``review.section.findings`` and still reaches the shared words by their own keys.

Examples
--------
>>> translate("review.section.findings", "en")
'Findings'
>>> tr = translator("en")
>>> tr("section.findings"), translator("ja")("section.findings")
('Findings', '所見')
>>> tr("outcome.no-concern")
'no concern'
>>> tr("progress.works", n=3)
'3 works screened'
>>> translator("en", "portfolio")("chart.by_check")
'Findings by check'
>>> translator("en", "network")("check.recent_coauthorship")
'Co-authorship in the window'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from widgets.common import labels_en, labels_ja
from workbench import vocabulary as v
from workbench.settings import LANGUAGES
from workbench.window import DEFAULT_YEARS

DEFAULT_LANGUAGE = LANGUAGES[0]

#: language -> namespaced key -> text; the one label table of each language.
TABLES: dict[str, dict[str, str]] = {"ja": labels_ja.LABELS, "en": labels_en.LABELS}

#: The pages whose labels have their own namespace (and so their own translator).
PAGES = ("review", "portfolio", "network")

#: Namespaces whose words are the vocabulary's (one source for the pages, the CLI and exports).
VOCABULARY: dict[str, tuple[type[v.Word], ...]] = {
    "severity": (v.Severity,),
    "outcome": (v.Outcome, v.Suggestion),
    "disposition": (v.Disposition,),
    "measure": (v.MeasureKind,),
    "measure_status": (v.MeasureStatus,),
    "status": (v.ReviewStatus,),
}


def _vocabulary(key: str, language: str) -> str | None:
    namespace, _, value = key.partition(".")
    for enum in VOCABULARY.get(namespace, ()):
        try:
            return enum(value).label(language)
        except ValueError:
            continue
    return None


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The label ``key`` (namespaced) in ``language``, formatted with ``values``.

    Any language other than Japanese reads the English table; an unknown key shows as is.

    >>> translate("portfolio.drill.title", "en", what="Quantum", n=2)
    'Proposals behind: Quantum (2)'
    >>> translate("no.such.key", "en")
    'no.such.key'

    Given the window ``years``, a check's label (``check.<name>``) is the glossary's for
    that window; without it, the label that holds for any window (the analyst page counts
    findings of many windows). The window's own words (``window.years``,
    ``window.notice``) are the glossary's:

    >>> translate("check.recent_coauthorship", "ja", years=7)
    '直近7年の共著'
    >>> translate("check.recent_coauthorship", "en")
    'Co-authorship in the window'
    >>> translate("window.years", "en", years=7), translate("window.notice", "en")
    ('the last 7 years', '')

    Any other ``years`` (the analyst page's submission years) is only a value to format.
    """
    years = values.get("years")
    if key.startswith("check."):  # the checks' names are the glossary's
        said = _check(key.removeprefix("check."), language, years)
        if said is not None:
            return said
    if isinstance(years, int) or (years is None and key.startswith("window.")):
        said = _glossary(key, language, years or DEFAULT_YEARS)
        if said is not None:
            return said
    text = TABLES["ja" if language == "ja" else "en"].get(key)
    if text is None:
        text = _vocabulary(key, language) or key
    return text.format(**values) if values else text


def _check(check: str, language: str, years: object) -> str | None:
    """A check's label from the glossary: for the window ``years``, else for any window."""
    from workbench import glossary

    if check not in glossary.CHECK_LABELS:
        return None
    return glossary.check_label(check, language, years if isinstance(years, int) else None)


def _glossary(key: str, language: str, years: int) -> str | None:
    """The glossary's words for the window-dependent keys, else ``None``."""
    from workbench import glossary

    if key == "window.years":
        return glossary.window_label(years, language)
    if key == "window.notice":
        notice = glossary.window_notice(years)
        return "" if notice is None else notice[1 if language == "ja" else 0]
    return None


def resolve(key: str, namespace: str) -> str:
    """The full key ``key`` stands for on the page ``namespace``: its own, else a shared one.

    >>> resolve("section.findings", "review"), resolve("check.past_affiliation", "review")
    ('review.section.findings', 'check.past_affiliation')
    """
    own = f"{namespace}.{key}"
    return own if own in TABLES["ja"] else key


def translator(language: str = DEFAULT_LANGUAGE, namespace: str = "review") -> Callable[..., str]:
    """A function ``tr(key, **values)`` giving page ``namespace``'s labels in ``language``."""

    def tr(key: str, **values: Any) -> str:
        return translate(resolve(key, namespace), language, **values)

    return tr
