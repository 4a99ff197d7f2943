"""One way to translate the pages: a namespaced key looked up in one table per language.

A key is ``namespace.name``. The pages' own words live in
:mod:`widgets.common.labels_ja` and :mod:`widgets.common.labels_en` under ``review.*``,
``portfolio.*`` and ``network.*``, next to the words both pages share (``check.*``,
``severity.*``). The words of a review record (``outcome.*``, ``disposition.*``,
``measure.*``, ``measure_status.*``, ``status.*``) come from the store's vocabulary,
so the pages and the Excel export say the same thing. Data (names, titles,
affiliations) is never translated: it is shown as given.

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
from workbench.settings import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]

#: language -> namespaced key -> text; the one label table of each language.
TABLES: dict[str, dict[str, str]] = {"ja": labels_ja.LABELS, "en": labels_en.LABELS}

#: The pages whose labels have their own namespace (and so their own translator).
PAGES = ("review", "portfolio", "network")

#: Namespaces whose words come from the store's vocabulary (one source for page and export).
_VOCABULARY_PREFIXES = ("outcome.", "disposition.", "measure.", "status.", "measure_status.")


def _vocabulary(key: str, language: str) -> str | None:
    try:
        from workbench.store import vocabulary as v
    except ImportError:  # the store is optional for the page's labels
        return None
    prefix, _, value = key.partition(".")
    enums: dict[str, Any] = {
        "outcome": v.Outcome,
        "disposition": v.Disposition,
        "measure": v.MeasureKind,
        "status": v.ReviewStatus,
        "measure_status": v.MeasureStatus,
    }
    enum = enums.get(prefix)
    if enum is None:
        return None
    try:
        return str(v.label(enum(value), language))
    except ValueError:
        return None


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The label ``key`` (namespaced) in ``language``, formatted with ``values``.

    Any language other than Japanese reads the English table; an unknown key shows as is.

    >>> translate("portfolio.drill.title", "en", what="Quantum", n=2)
    'Proposals behind: Quantum (2)'
    >>> translate("no.such.key", "en")
    'no.such.key'
    """
    text = TABLES["ja" if language == "ja" else "en"].get(key)
    if text is None:
        found = _vocabulary(key, language) if key.startswith(_VOCABULARY_PREFIXES) else None
        text = found or key
    return text.format(**values) if values else text


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
