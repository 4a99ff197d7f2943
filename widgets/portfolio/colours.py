"""One colour per listed organisation, the same in every chart, filter and session.

The colour is chosen from the organisation's name alone (a digest of it picks one of
:data:`PALETTE`), never from its rank or position in a chart, so filtering the page
or opening another chart never repaints an organisation.

Examples
--------
>>> org_colour("Harbin Institute of Technology") == org_colour("Harbin Institute of Technology")
True
>>> org_colour("Harbin Institute of Technology") in PALETTE
True
"""

from __future__ import annotations

import hashlib
from typing import Any

#: plotly's "Dark24" and "Alphabet" qualitative colours, dark enough for text on white
PALETTE = (
    "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#222A2A", "#B68100",
    "#750D86", "#EB663B", "#511CFB", "#00A08B", "#FB00D1", "#FC0080", "#B2828D",
    "#6C7C32", "#778AAE", "#862A16", "#A777F1", "#620042", "#1616A7", "#DA60CA",
    "#6C4516", "#0D2A63", "#AF0038", "#325A9B", "#85660D", "#3283FE", "#1C8356",
    "#B10DA1", "#C075A6", "#782AB6", "#AA0DFE", "#0F7C7C", "#5A6C00",
)  # fmt: skip


def org_colour(name: Any) -> str:
    """The colour of the organisation named ``name``."""
    digest = hashlib.sha256(str(name).encode("utf-8")).digest()
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]
