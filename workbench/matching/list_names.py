"""List names that run on into other fields, cleaned when the lists are loaded.

A list's name field sometimes holds more than the name: the parent
organisation ("Baotou Guanghua Chemical Industrial Corporation (Parent
Organization: China National Nuclear Group Corporation (CNNC))"), former and
other names ("OAO Volgogradneftemash (f.k.a. Dochernee … Gazprom)",
"Astronautics Research Institute [aka Astronautics Systems Research Center,
Aerospace Research Institute]", "Chitron Electronics Company Ltd., a.k.a.
Chi-Chung Electronics Company Ltd."). The parent's name is not the entry's
(its acronym would match every string naming the parent); the other names are
the entry's aliases. The entry keeps its name as written for display.

Examples
--------
>>> cleaned("Baotou Guanghua Chemical Industrial Corporation (Parent Organization: "
...         "China National Nuclear Group Corporation (CNNC))")
('Baotou Guanghua Chemical Industrial Corporation', (), ('parent-note',))
>>> cleaned("Astronautics Research Institute [aka Astronautics Systems Research Center, "
...         "Aerospace Research Institute]")[1]
('Astronautics Systems Research Center', 'Aerospace Research Institute')
>>> cleaned("OAO Volgogradneftemash (f.k.a. Dochernee Obshchestvo Volgogradneftemash)")[:2]
('OAO Volgogradneftemash', ('Dochernee Obshchestvo Volgogradneftemash',))
>>> cleaned("Harbin Institute of Technology (HIT)")
('Harbin Institute of Technology (HIT)', (), ())
"""

from __future__ import annotations

import re

_PARENT_NOTE = re.compile(r"\s*[(\[]\s*parent\s+organi[sz]ation\s*:.*$", re.IGNORECASE)
_OTHER_NAMES = re.compile(
    r"\s*[(\[,;]?\s*\b(?:f\.?\s?k\.?\s?a|a\.?\s?k\.?\s?a|formerly(?:\s+known\s+as)?"
    r"|also\s+known\s+as)\b\.?\s*[,:]?\s*",
    re.IGNORECASE,
)
_BETWEEN_NAMES = re.compile(r",\s*(?![^()]*\))")


def cleaned(name: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(the entry's own name, other names written in the field, what was set aside)."""
    aside: tuple[str, ...] = ()
    note = _PARENT_NOTE.search(name)
    if note is not None and note.start() > 0:
        name, aside = name[: note.start()], ("parent-note",)
    parts = _OTHER_NAMES.split(name)
    own = parts[0].strip().rstrip(",;").strip()
    if len(parts) < 2 or not own:
        return name.strip(), (), aside
    others: list[str] = []
    for part in parts[1:]:
        part = part.strip().rstrip(")]").strip()
        if part.count("(") > part.count(")"):
            part += ")"
        others += [p.strip() for p in _BETWEEN_NAMES.split(part) if p.strip()]
    return own, tuple(others), aside
