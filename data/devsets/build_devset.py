"""Rebuild ``affiliations.tsv``, the labelled development set of the matcher.

Two halves:

- real affiliation strings drawn from ``../shared/data/raw/affiliation_gold/``
  (ROR and OpenAlex gold sets, MIT) and ROR's ``zh``/``ja`` labels (CC0), labelled
  by the hand-written patterns in :data:`ORGS` below (which know nothing of the
  matcher) and checked by hand;
- written strings in the styles the matcher must handle (:data:`WRITTEN`):
  bibliographic abbreviations, typos, Chinese and Japanese script, campuses,
  acronym collisions, near misses and Japanese institutions.

Expected entry ids are the ids of the shipped lists (METI ``jp-eul-N``, CSL
``_id``). Run from the repository root: ``.venv/bin/python data/devsets/build_devset.py``.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = Path(os.environ.get("WORKBENCH_SHARED", HERE.parents[2] / "shared")) / "data" / "raw"

CSL = {
    "BUAA": "380d9cdaa2a955c310e28f4ad9b83be6d9e4d97bed76ecd908a125c1",
    "NPU": "e610a2b6a9a3a3b485c11b771a09a5bf665626545bc1f7618fdd4942",
    "SCU": "62886c3b35a67286688b1e5cc78931856419342f659b38df504521f2",
    "UESTC": "652f3ae43a3a765d794716bd58135e1ad0255425c429f838bf6013bc",
    "NUDT": "f6efc317c6d8b6ea8498388812cc12c91586cddee27b56fb37d974d5",
    "SYSU": "8900279cbcd7df6c3a818e32ebf9487ea17753f6d60acf903da1688a",
    "CAEP": "294fe035417fdaee7717e2ec397ecdfd7d5bae892eb1e884636b255f",
    "SINAP": "3e6a8d04f5b0e986a229793579761db610e8f9c96503efec2941849f",
    "CARDC": "8799c1797b8faa5cb5988865b899aed171d97b5310cfb338ebdc23fb",
    "NSCC-GZ": "94f447a3ad38ebd9f832f23d08bb56e0200551c35ed23f1a0554dd0a",
    "BIAM": "aa050345495b483ba8e9044e6fe99d35",
}

# key: (entry ids, pattern on the lower-cased string). Patterns are the labeller's own.
_U = r"univ(?:ersity|\.)?"
_OF = r"(?:of |\s)?"
_AND = r"(?:&|and|&amp;)"
ORGS: dict[str, tuple[tuple[str, ...], str]] = {
    "HIT": (("jp-eul-541",), rf"harbin inst(?:itute|\.)? {_OF}tech|哈尔滨工业大学|哈爾浜工業大学"),
    "HEU": (("jp-eul-540",), rf"harbin eng(?:ineering|n\.?)? {_U}|哈尔滨工程大学|哈爾浜工程大学"),
    "BUAA": (
        ("jp-eul-501", CSL["BUAA"]),
        rf"beihang|beijing {_U} {_OF}aeronaut|北京航空航天大学",
    ),
    "NPU": (
        ("jp-eul-559", CSL["NPU"]),
        r"north ?west(?:ern)? polytech(?:nical|nic|\.)?(?! inst)|西北工业大学|西北工業大学",
    ),
    "NUDT": (
        ("jp-eul-553", CSL["NUDT"]),
        rf"nat(?:ional|l\.?) {_U} {_OF}def(?:en[cs]e|\.)? (?:sci\S* (?:&|and) )?technol"
        r"|国防科技大学|国防科学技术大学|国防科学技術大学",
    ),
    "UESTC": (
        ("jp-eul-595", CSL["UESTC"]),
        rf"{_U} {_OF}elec\S* sci\S* {_AND} technol\S* {_OF}china|uestc"
        r"|(?<![\u4e00-\u9fff])电子科技大学|(?<![\u4e00-\u9fff])電子科技大学",
    ),
    "BIT": (("jp-eul-494",), rf"beijing inst(?:itute|\.)? {_OF}technol|北京理工大学"),
    "NUAA": (("jp-eul-555",), rf"nanjing {_U} {_OF}aeronaut|南京航空航天大学"),
    "NUST": (
        ("jp-eul-556",),
        rf"nanjing {_U} {_OF}sci(?:ence|\.)? {_AND} technol|南京理工大学",
    ),
    "SCU": (
        (CSL["SCU"],),
        rf"(?<!southwest )sichuan {_U}\b(?! of)|(?<![\u4e00-\u9fff])四川大[学學]",
    ),
    "SYSU": (
        (CSL["SYSU"],),
        rf"(?<!national )sun[- ]?yat[- ]?sen {_U}|(?<![\u4e00-\u9fff])中山大[学學]",
    ),
    "NSCC-GZ": (
        (CSL["NSCC-GZ"],),
        r"national supercomput\S* cent\S* (?:in )?guangzhou|国家超级计算广州中心|nscc-gz",
    ),
    "BIAM": (
        ("jp-eul-481", CSL["BIAM"]),
        r"beijing inst\S* (?:of )?aeronaut\S* mat|北京航空材料研究院",
    ),
    "UT": (("jp-eul-282",), rf"{_U} {_OF}tehran|tehran {_U}\b(?! of)"),
    "SBU": (("jp-eul-237",), rf"shahid beheshti {_U}\b(?! of)"),
    "SUT": (("jp-eul-259",), rf"sharif {_U}"),
    "AUT": (("jp-eul-45",), rf"amir ?kabir {_U}"),
    "IUST": (("jp-eul-132",), rf"iran {_U} {_OF}sci(?:ence|\.)? {_AND} tech"),
    "IAU": (("jp-eul-137",), rf"islamic azad {_U}"),
    "TMU": (("jp-eul-271",), r"tarbiat modares"),
    "KNTU": (("jp-eul-151",), r"k\. ?n\.? toosi|khaje\S* nas+ir"),
    "MUT": (("jp-eul-160",), r"malek[- ](?:e )?ashtar"),
    "IHU": (("jp-eul-116",), rf"imam h(?:oss?e?y?|u)ss?e?in {_U}"),
    "BMSU": (("jp-eul-63",), r"baq[iy]+at?allah|baghiatollah"),
    "PIEAS": (("jp-eul-670",), rf"pakistan inst\S* {_OF}eng\S* {_AND} appl\S* sci"),
    "CAEP": (
        ("jp-eul-519", CSL["CAEP"]),
        rf"chin(?:a|ese) acad\S* {_OF}eng\S* phys|中国工程物理研究院"
        rf"|inst\S* {_OF}appl\S* phys\S* {_AND} comp\S* math",
    ),
    "CIOMP": (
        ("jp-eul-520",),
        r"changchun inst\S* of opt\S*,? fine mech|长春光学精密机械与物理研究所",
    ),
    "SINAP": ((CSL["SINAP"],), r"shanghai inst\S* (?:of )?appl\S* phys"),
    "CARDC": (
        ("jp-eul-510", CSL["CARDC"]),
        r"china aerodynamics research (?:and|&) development cent|中国空气动力研究与发展中心",
    ),
    "AVIC-CAIG": (
        ("c3939135b99c4c1db2463f3e411323b4",),
        r"avic chengdu aircraft industrial",
    ),
    "KISU": (
        ("jp-eul-329",),
        r"kim il sung {_U}|金日成综合大学|金日成総合大学".replace("{_U}", _U),
    ),
    "KCUT": (("jp-eul-328",), rf"kim chaek {_U}|金策工业综合大学|金策工業総合大学"),
}

NEAR_MISS_WORDS = re.compile(
    r"harbin|nanjing|beijing|tehran|sichuan|xi.?an\b|sun yat|beheshti|northwest|polytechn|"
    r"national univ|electronic science|aeronaut|defen[cs]e|changsha|chengdu|shahid|islamic|"
    r"iran|isfahan|shiraz|tabriz|mashhad|karaj|moscow|russia|pakistan|islamabad|korea|"
    r"guangzhou|shenzhen|shanghai|hefei|wuhan|institute of technology|applied physics"
)
JAPAN_WORDS = re.compile(r"japan|tokyo|osaka|kyoto|sendai|nagoya|fukuoka|sapporo|tsukuba")


def label(text: str) -> tuple[str, ...]:
    low = text.lower()
    found: dict[str, None] = {}
    for ids, pattern in ORGS.values():
        if re.search(pattern, low):
            found.update(dict.fromkeys(ids))
    return tuple(found)


def real_strings() -> list[tuple[str, str]]:
    """(text, source) of the gold sets, once each."""
    gold = RAW / "affiliation_gold"
    out: list[tuple[str, str]] = []
    for name, source in (
        ("ror_dataset_affiliations_crossref_2024-02-19.json", "ror-crossref-2024"),
        ("ror_dataset_affiliations_springer_2023-10-31.json", "ror-springer-2023"),
    ):
        out += [(r["affiliation"], source) for r in json.loads((gold / name).read_text())]
    for name, source in (
        ("crossref_publisher_asserted_affiliation_ror_2023-06-28.csv", "crossref-asserted-2023"),
        ("ror_affiliation_matching_logs_2023-09-03.csv", "ror-logs-2023"),
    ):
        with open(gold / name, encoding="utf-8-sig", newline="") as f:
            out += [(r["affiliation"], source) for r in csv.DictReader(f)]
    for path in sorted(glob.glob(str(gold / "openalex_gold_*.tsv"))):
        with open(path, encoding="utf-8", newline="") as f:
            out += [
                (r["affiliation_string"], "openalex-gold")
                for r in csv.DictReader(f, delimiter="\t")
            ]
    seen: set[str] = set()
    unique = []
    for text, source in out:
        text = " ".join(text.split())
        if text and text not in seen and "&#" not in text and "&quot;" not in text:
            seen.add(text)
            unique.append((text, source))
    return unique


def ror_cjk_labels() -> list[tuple[str, str]]:
    """(label, country) of ROR's zh and ja labels."""
    out = []
    with open(RAW / "ror" / "ror_v2_records_cn_jp_ru_ir_kp_pk_etc.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            countries = {loc["geonames_details"]["country_code"] for loc in record["locations"]}
            for n in record["names"]:
                if n.get("lang") in ("zh", "ja") and "label" in n["types"]:
                    out.append((n["value"], sorted(countries)[0]))
    return out


BIBLIO_TOKENS = re.compile(r"\b(Univ|Inst|Technol|Natl|Acad|Sci|Engn|Def|Aeronaut|Polytech|Phys)\b")


def category_of_real(text: str, expected: tuple[str, ...]) -> str | None:
    if expected:
        if BIBLIO_TOKENS.search(text):
            return "bibliographic-abbreviation"
        low = text.lower()
        first = min(
            (m.start() for _, p in ORGS.values() for m in [re.search(p, low)] if m), default=0
        )
        return "plain" if first == 0 else "department-prefixed"
    if JAPAN_WORDS.search(text.lower()):
        return "japanese-institution-negative"
    if NEAR_MISS_WORDS.search(text.lower()):
        return "near-miss-negative"
    return None


def main() -> int:
    from written import WRITTEN  # the hand-written half, next to this file

    rng = random.Random(20250929)
    rows: list[tuple[str, str, str, str]] = []
    by_category: dict[str, list[tuple[str, str, str, str]]] = {}
    for text, source in real_strings():
        expected = label(text)
        category = category_of_real(text, expected)
        if category:
            by_category.setdefault(category, []).append(
                (category, text, " ".join(expected), source)
            )
    quota = {"japanese-institution-negative": 120, "near-miss-negative": 160}
    for category, items in sorted(by_category.items()):
        rng.shuffle(items)
        rows += items[: quota.get(category, 120)]
    cjk = ror_cjk_labels()
    rng.shuffle(cjk)
    zh_pos = [(t, c) for t, c in cjk if label(t)]
    zh_neg = [(t, c) for t, c in cjk if not label(t) and c == "CN"][:60]
    ja_neg = [(t, c) for t, c in cjk if not label(t) and c == "JP"][:60]
    rows += [("chinese-script", t, " ".join(label(t)), "ror-zh-label") for t, _ in zh_pos]
    rows += [("chinese-script-negative", t, "", "ror-zh-label") for t, _ in zh_neg]
    rows += [("japanese-institution-negative", t, "", "ror-ja-label") for t, _ in ja_neg]
    for category, text, keys in WRITTEN:
        ids: dict[str, None] = {}
        for key in keys.split():
            ids.update(dict.fromkeys(ORGS[key][0]))
        rows.append((category, text, " ".join(ids), "written"))
    seen: set[str] = set()
    with open(HERE / "affiliations.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["category", "text", "expected", "source"])
        for row in rows:
            if row[1] not in seen:
                seen.add(row[1])
                writer.writerow(row)
    print(f"{len(seen)} strings written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
