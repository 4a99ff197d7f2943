"""What a list entry's codes mean, in Japanese and English, and how its id is shown.

METI's End User List gives each entry's concerns as codes (``M``, ``CW``); a
reviewer reads them in full, with the codes: "大量破壊兵器等の懸念: ミサイル (M);
通常兵器 (CW)". The US Consolidated Screening List names sanctions programmes
(``SDGT``, ``NPWMD``) and the sub-list an entry comes from ("Entity List (EL) -
Bureau of Industry and Security"); both have labels here. A code without a label
is shown as written.

The CSL's own id of an entry is a 56-character hash; the list's own number
(``entity_number``, e.g. OFAC's SDN number) is shown where there is one, else
the hash shortened — the full value always kept beside it (exports, hover).

Examples
--------
>>> from workbench.model import ListEntry
>>> e = ListEntry("METI End User List", "jp-eul-559", "NWPU", reasons=("M", "CW"))
>>> reasons_text(e, "ja")
'大量破壊兵器等の懸念: ミサイル (M); 通常兵器 (CW)'
>>> reasons_text(e, "en")
'Concerns (weapons of mass destruction etc.): missiles (M); conventional weapons (CW)'
>>> shown_id("e610a2b6a9a3a3b485c11b771a09a5bf665626545bc1f7618fdd4942")
'e610a2b6…'
>>> shown_id("e610a2b6a9a3a3b485c11b771a09a5bf665626545bc1f7618fdd4942", "36126")
'36126'
>>> shown_id("jp-eul-559")
'jp-eul-559'
"""

from __future__ import annotations

import re

from workbench.model import ListEntry

#: METI End User List concern codes -> (Japanese, English).
METI_REASONS: dict[str, tuple[str, str]] = {
    "B": ("生物兵器", "biological weapons"),
    "C": ("化学兵器", "chemical weapons"),
    "M": ("ミサイル", "missiles"),
    "N": ("核兵器", "nuclear weapons"),
    "CW": ("通常兵器", "conventional weapons"),
}
REASONS_HEADING = ("大量破壊兵器等の懸念", "Concerns (weapons of mass destruction etc.)")

#: US CSL sanctions programmes -> (Japanese, English); the commonest of the shipped list.
CSL_PROGRAMS: dict[str, tuple[str, str]] = {
    "SDGT": ("特別指定国際テロリスト", "Specially Designated Global Terrorists"),
    "SDNTK": ("麻薬密売組織の重要人物（キングピン法）", "narcotics kingpins (Kingpin Act)"),
    "SDNT": ("特別指定麻薬密売人", "Specially Designated Narcotics Traffickers"),
    "NPWMD": ("大量破壊兵器の拡散者", "proliferators of weapons of mass destruction"),
    "E.O. 13382": ("大量破壊兵器の拡散者（大統領令13382号）", "WMD proliferators (E.O. 13382)"),
    "IRAQ2": ("イラク関連制裁", "Iraq-related sanctions"),
    "BALKANS": ("西バルカン関連制裁", "Western Balkans sanctions"),
    "UKRAINE-EO13662": ("ウクライナ関連制裁（大統領令13662号）", "Ukraine-related (E.O. 13662)"),
    "RUSSIA-EO14024": ("ロシア関連制裁（大統領令14024号）", "Russia-related (E.O. 14024)"),
    "CUBA": ("キューバ制裁", "Cuba sanctions"),
    "IRAN": ("イラン制裁", "Iran sanctions"),
    "SYRIA": ("シリア制裁", "Syria sanctions"),
    "DPRK": ("北朝鮮制裁", "North Korea sanctions"),
    "ZIMBABWE": ("ジンバブエ制裁", "Zimbabwe sanctions"),
    "NS-PLC": ("パレスチナ立法評議会（非SDN）", "Palestinian Legislative Council (non-SDN)"),
    "CMIC-EO13959": (
        "中国軍事産業複合体企業（大統領令13959号）",
        "Chinese military-industrial complex companies (E.O. 13959)",
    ),
}

#: CSL sub-lists by their abbreviation -> (Japanese, English).
CSL_SOURCES: dict[str, tuple[str, str]] = {
    "EL": ("エンティティ・リスト（米国商務省産業安全保障局）", "Entity List (Commerce, BIS)"),
    "SDN": ("特別指定国民リスト（米国財務省）", "Specially Designated Nationals (Treasury)"),
    "DPL": (
        "取引禁止顧客リスト（米国商務省産業安全保障局）",
        "Denied Persons List (Commerce, BIS)",
    ),
    "UVL": ("未検証リスト（米国商務省産業安全保障局）", "Unverified List (Commerce, BIS)"),
    "MEU": (
        "軍事エンドユーザー・リスト（米国商務省産業安全保障局）",
        "Military End User List (BIS)",
    ),
    "SSI": (
        "セクター別制裁対象リスト（米国財務省）",
        "Sectoral Sanctions Identifications (Treasury)",
    ),
    "ISN": ("不拡散制裁（米国国務省）", "Nonproliferation Sanctions (State)"),
    "DTC": ("ITAR 取引禁止（米国国務省）", "ITAR Debarred (State)"),
    "PLC": (
        "パレスチナ立法評議会リスト（米国財務省）",
        "Palestinian Legislative Council (Treasury)",
    ),
    "CMIC": (
        "非SDN中国軍事産業複合体企業リスト（米国財務省）",
        "Non-SDN Chinese Military-Industrial Complex (Treasury)",
    ),
    "NS-MBS LIST": (
        "非SDNメニュー方式制裁リスト（米国財務省）",
        "Non-SDN Menu-Based Sanctions (Treasury)",
    ),
    "FSE": ("外国制裁回避者リスト（米国財務省）", "Foreign Sanctions Evaders (Treasury)"),
    "CAP": ("CAPTA リスト（米国財務省）", "CAPTA List (Treasury)"),
}

_HASH = re.compile(r"[0-9a-f]{20,}")
_ABBREVIATION = re.compile(r"\(([^()]+)\)")
SHOWN_HASH = 8  # characters of a long hash id shown


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "ja" else pair[1]


def reason_label(code: str, language: str = "ja") -> str:
    """One METI concern code in full with the code: "ミサイル (M)" (the code alone if unknown)."""
    pair = METI_REASONS.get(code.strip().upper())
    return f"{_pick(pair, language)} ({code})" if pair else code


def reasons_text(entry: ListEntry, language: str = "ja") -> str:
    """The entry's concerns in full, with their codes; "" when it gives none."""
    if not entry.reasons:
        return ""
    labels = "; ".join(reason_label(r, language) for r in entry.reasons)
    return f"{_pick(REASONS_HEADING, language)}: {labels}"


def program_label(code: str, language: str = "ja") -> str:
    """A CSL programme in full with its code: "大量破壊兵器の拡散者 (NPWMD)"."""
    pair = CSL_PROGRAMS.get(code.strip())
    return f"{_pick(pair, language)} ({code})" if pair else code


def programs_text(entry: ListEntry, language: str = "ja") -> str:
    return "; ".join(program_label(p, language) for p in entry.programs)


def source_label(source: str | None, language: str = "ja") -> str:
    """A CSL sub-list in the reader's language, from the abbreviation it carries."""
    if not source:
        return ""
    found = _ABBREVIATION.search(source)
    pair = CSL_SOURCES.get(found.group(1).strip().upper()) if found else None
    return _pick(pair, language) if pair else source


def shown_id(entry_id: str, list_id: str | None = None) -> str:
    """The id to show: the list's own number where there is one, a long hash shortened."""
    if list_id and list_id.strip():
        return list_id.strip()
    if _HASH.fullmatch(entry_id):
        return entry_id[:SHOWN_HASH] + "…"
    return entry_id
