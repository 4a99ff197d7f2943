# ruff: noqa: E501
"""Rebuild ``held_aside.tsv``: labelled strings kept out of the matcher's tuning.

Same columns and labels as ``affiliations.tsv`` (see ``build_devset.py``); none
of its strings appears here. Three parts:

- real affiliation strings of the gold sets that ``affiliations.tsv`` does not
  use: every one the labeller's patterns find a listed organisation in, and a
  fixed-seed sample of the others (the "unlisted" strings that give false
  positives per 1,000);
- strings written as bylines write names (transliterations, word order,
  inserted or dropped generic words, China/Chinese), labelled by hand when
  written, before any was run through the matcher, and look-alike unlisted
  names (``variant-negative``).

A positive string is in category ``variant`` when no name or alias of its
expected entries appears in it (compared lower-cased, letters and digits only).

Run from the repository root: ``.venv/bin/python data/devsets/build_held_aside.py``
(``WORKBENCH_SHARED`` names the shared folder when it is not ``../shared``).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_devset import ORGS, category_of_real, label, real_strings  # noqa: E402

SEED = 20261205
UNLISTED = 4000

# (text, organisation keys of build_devset.ORGS; empty: no listed organisation named)
VARIANTS: list[tuple[str, str]] = [
    ("Imam Hussein University, Tehran, Iran", "IHU"),
    ("Department of Chemistry, Imam Hosein University, Tehran, Iran", "IHU"),
    ("Faculty of Engineering, Emam Hossein University, Tehran", "IHU"),
    ("Baqiyatallah University of Medical Sciences, Tehran, Iran", "BMSU"),
    (
        "Chemical Injuries Research Center, Baqiatallah University of Medical Sciences, Tehran, Iran",
        "BMSU",
    ),
    ("Baghiatollah University of Medical Sciences, Tehran", "BMSU"),
    ("Malek Ashtar University of Technology, Isfahan, Iran", "MUT"),
    ("Department of Physics, Malek-e-Ashtar University of Technology, Tehran, Iran", "MUT"),
    ("Maleke Ashtar University of Technology, Shahin Shahr, Iran", "MUT"),
    ("K.N. Toosi University of Technology, Tehran, Iran", "KNTU"),
    (
        "Khajeh Nasir Toosi University of Technology, Faculty of Electrical Engineering, Tehran",
        "KNTU",
    ),
    ("Khaje Nasir Toosi Univ. of Tech., Tehran, Iran", "KNTU"),
    ("Tarbiat Modarres University, Faculty of Medical Sciences, Tehran, Iran", "TMU"),
    ("Amirkabir University of Technology (Tehran Polytechnic), Tehran, Iran", "AUT"),
    ("Amir Kabir Univ. of Technology, Dept. of Polymer Engineering, Tehran", "AUT"),
    ("Sharif Univ. of Tech., Tehran, Iran", "SUT"),
    ("Shahid Beheshti University, G.C., Evin, Tehran, Iran", "SBU"),
    ("Iran Univ. of Science & Technology, Narmak, Tehran", "IUST"),
    ("Islamic Azad University, Science and Research Branch, Tehran, Iran", "IAU"),
    ("University of Tehran, College of Engineering, Tehran, Iran", "UT"),
    ("Tehran University, Faculty of Science, Iran", "UT"),
    ("Beijing University of Aeronautics & Astronautics, Beijing, China", "BUAA"),
    ("School of Automation, Beihang University (BUAA), Beijing 100191, PR China", "BUAA"),
    ("Northwestern Polytechnic University, Xi'an, Shaanxi, China", "NPU"),
    ("North-Western Polytechnical University, School of Aeronautics, Xi'an 710072", "NPU"),
    ("Northwest Polytechnical University, Xian, China", "NPU"),
    ("National University of Defence Technology, Changsha, Hunan, China", "NUDT"),
    ("College of Science, National Univ. of Defense Technology, Changsha 410073, China", "NUDT"),
    ("Harbin Institute of Technology (Shenzhen), Shenzhen 518055, China", "HIT"),
    ("Harbin Inst. of Tech., Harbin, P.R. China", "HIT"),
    (
        "Harbin Engineering University, College of Power and Energy Engineering, Harbin, China",
        "HEU",
    ),
    ("Nanjing University of Aeronautics and Astronautics, Nanjing 210016, China", "NUAA"),
    (
        "Nanjing Univ. of Science & Technology, School of Chemical Engineering, Nanjing, China",
        "NUST",
    ),
    ("Beijing Institute of Technology, School of Mechatronical Engineering, Beijing, China", "BIT"),
    ("University of Electronic Science and Technology of China (UESTC), Chengdu 611731", "UESTC"),
    ("Chinese Academy of Engineering Physics, Mianyang 621900, China", "CAEP"),
    ("Institute of Fluid Physics, China Academy of Engineering Physics, Mianyang, Sichuan", "CAEP"),
    ("Sichuan University, West China School of Medicine, Chengdu, China", "SCU"),
    ("Sun Yat-Sen University, Guangzhou 510275, China", "SYSU"),
    ("Sun Yatsen University, School of Physics, Guangzhou, China", "SYSU"),
    ("Pakistan Institute of Engineering & Applied Sciences, Nilore, Islamabad, Pakistan", "PIEAS"),
    ("Kim Il Sung University, Pyongyang, DPR Korea", "KISU"),
    (
        "Kim Chaek University of Technology, Pyongyang, Democratic People's Republic of Korea",
        "KCUT",
    ),
    (
        "Changchun Institute of Optics, Fine Mechanics and Physics, Chinese Academy of Sciences, Changchun",
        "CIOMP",
    ),
    ("China Aerodynamics Research and Development Center, Mianyang 621000, China", "CARDC"),
    # look-alike names that are not listed (variant-shaped negatives)
    ("Harbin University of Science and Technology, Harbin 150080, China", ""),
    ("Northwest University, Xi'an, Shaanxi, China", ""),
    ("Tehran University of Medical Sciences, Tehran, Iran", ""),
    ("Shahid Beheshti University of Medical Sciences, Tehran, Iran", ""),
    ("Imam Khomeini International University, Qazvin, Iran", ""),
    ("Islamic University of Technology, Gazipur, Bangladesh", ""),
    ("Sharif Institute of Technology, Lahore, Pakistan", ""),
    ("Nanjing University, School of Physics, Nanjing 210093, China", ""),
    ("Beijing Normal University, Beijing, China", ""),
    ("National Defense Academy of Japan, Yokosuka, Japan", ""),
    ("Southwest Jiaotong University, Chengdu, Sichuan, China", ""),
    ("National Sun Yat-sen University, Kaohsiung, Taiwan", ""),
]

#: Real strings the patterns above do not label, checked by hand against the lists
#: (each names a listed entry the patterns do not know): text -> entry ids.
BY_HAND: dict[str, str] = {
    "54th Research Institute of China Electronics Technology Group Corporation": "jp-eul-515 17d691967f6a9c25665843ee0f0400c64bc9b71fb69dfebd900a788a",
    "The 28th Research Institute of China Electronics Technology Group Corporation": "jp-eul-514",
    "Radiobiology Unit, Bhabha Atomic Research Center, Mumbai, Maharashtra, India": "jp-eul-292 483f6cbe308886097352814304d61da37f966e9b22d58795f2339fc7",
    "Scientific Officer RP&AD, Bhabha Atomic Research Centre, Mumbai, India": "jp-eul-292 483f6cbe308886097352814304d61da37f966e9b22d58795f2339fc7",
    "BIT Chongqing Institute of Microelectronics and Microsystems": "jp-eul-494",
    "The 34th Research Institute of China Electronics Technology Group Corporation": "30936",
    "China Unicom Research Institute": "30942 30924",
}


def expected_of(keys: str) -> str:
    ids: dict[str, None] = {}
    for key in keys.split():
        ids.update(dict.fromkeys(ORGS[key][0]))
    return " ".join(ids)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def listed_names(root: Path) -> dict[str, list[str]]:
    """entry id -> its names and aliases as the shipped lists write them (plain form)."""
    sys.path.insert(0, str(root))
    from workbench.lists import load_list, shipped_lists

    out: dict[str, list[str]] = {}
    for path in shipped_lists():
        for entry in load_list(path).value.entries:
            out[entry.entry_id] = [_plain(n) for n in entry.all_names if _plain(n)]
    return out


def is_variant(text: str, expected: str, names: dict[str, list[str]]) -> bool:
    plain = f" {_plain(text)} "
    return not any(f" {n} " in plain for entry in expected.split() for n in names.get(entry, ()))


def _real_row(
    text: str, source: str, found: tuple[str, ...], names: dict[str, list[str]]
) -> tuple[str, str, str, str]:
    expected = " ".join(found)
    category = category_of_real(text, found) or "plain"
    if is_variant(text, expected, names):
        category = "variant"
    return category, text, expected, source


def main() -> int:
    with open(HERE / "affiliations.tsv", encoding="utf-8", newline="") as f:
        used = {r["text"] for r in csv.DictReader(f, delimiter="\t")}
    names = listed_names(HERE.parents[1])
    rng = random.Random(SEED)
    rows: list[tuple[str, str, str, str]] = []
    negatives: list[tuple[str, str]] = []
    for text, source in real_strings():
        if text in used:
            continue
        if label(text):
            rows.append(_real_row(text, source, label(text), names))
        else:
            negatives.append((text, source))
    rng.shuffle(negatives)  # the sample does not depend on the labels set by hand
    for text, source in negatives[:UNLISTED]:
        if text in BY_HAND:
            rows.append(_real_row(text, source, tuple(BY_HAND[text].split()), names))
        else:
            rows.append((category_of_real(text, ()) or "unlisted-negative", text, "", source))
    for text, keys in VARIANTS:
        expected = expected_of(keys)
        if not keys:
            category = "variant-negative"
        elif is_variant(text, expected, names):
            category = "variant"
        else:
            category = category_of_real(text, tuple(expected.split())) or "plain"
        rows.append((category, text, expected, "written"))
    seen: set[str] = set()
    with open(HERE / "held_aside.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["category", "text", "expected", "source"])
        for row in rows:
            if row[1] not in seen and row[1] not in used:
                seen.add(row[1])
                writer.writerow(row)
    print(f"{len(seen)} strings written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
