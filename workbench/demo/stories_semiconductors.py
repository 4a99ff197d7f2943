"""The demo proposals in semiconductors: D-002, D-004, D-005, D-006, D-008 (and D-009,
the large one, in :mod:`workbench.demo.stories_large`)."""

from __future__ import annotations

from workbench.demo.institutions import METI
from workbench.demo.names import Name, east
from workbench.demo.pools import (
    ASIA,
    EUROPE,
    INDIA,
    JAPAN,
    JAPAN_INDUSTRY,
    NEAR_MISS,
    NETHERLANDS,
    USA,
    mix,
)
from workbench.demo.spec import Aff, Expect, Link, Member, Org, Story
from workbench.demo.stories_large import D009

# fmt: off
D002 = Story(
    number=2,
    title="Reliability physics of vertical GaN-on-GaN power transistors",
    field="semiconductors",
    submitted="2025-06-20",
    story=(
        "Deemed export only. The postdoc (p3) arrived from India in April 2025 and is a "
        "non-resident (Q3.12); the researcher (p4) is a resident with a cross-appointment at "
        "KAIST (specific category, Q3.13). Neither is a concern in itself. All co-authors are "
        "at unlisted institutions (Japan, Korea, India, Europe, US)."
    ),
    members=(
        Member("p1", east("Takashi", "Nakamura", "中村 隆"), "JP", "PI",
               (Aff("nagoya", "primary", "2010-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Yuka", "Ogawa", "小川 由佳"), "JP", "Co-PI",
               (Aff("nagoya", "primary", "2015-10-01"),),
               orcid=True, weight=2),
        Member("p3", Name("Priya", "Raghavan"), "JP", "postdoc",
               (Aff("nagoya", "primary", "2025-04-01"),
                Aff("iisc", "past", "2018-08-01", "2025-03-31")),
               lab_of="p1", residency="non-resident", orcid=True),
        Member("p4", east("Ji-hoon", "Park", "박지훈"), "JP", "researcher",
               (Aff("nagoya", "primary", "2021-04-01"),
                Aff("kaist", "concurrent", "2023-09-01",
                    organization="Korea Advanced Institute of Science and Technology")),
               lab_of="p1", specific_note="cross-appointment with a foreign university (KAIST)"),
        Member("p5", east("Ren", "Kato", "加藤 蓮"), "JP", "student",
               (Aff("nagoya", "primary", "2023-04-01"),),
               lab_of="p1", weight=0.3),
        Member("p6", Name("Jeroen", "Smit"), "NL", "PI",
               (Aff("tue", "primary", "2011-01-01"),),
               residency="non-resident", weight=0.8),
    ),
    orgs=(
        Org("o1", "Demo GaN Wafer Technologies K.K.", "JP", "cooperation-partner",
            name_local="デモGaNウエハーテクノロジーズ株式会社",
            investors=(
                ("Demo Regional Bank Capital Co., Ltd.", "JP", True),
            )),
    ),
    pool=mix(
        (JAPAN, 1.0),
        (JAPAN_INDUSTRY, 0.5),
        (INDIA, 0.8),
        (EUROPE, 0.5),
        (USA, 0.5),
        ((("kaist", 2),
        ("snu", 1),
        ("samsung", 1),
        ("ntu_tw", 1)), 1.0),
    ),
    works=380,
    expect=(
        Expect("non_resident", "p3"),
        Expect("specific_category", "p4"),
    ),
)

D004 = Story(
    number=4,
    title="Hafnia-based ferroelectric memristive synapses for in-memory computing",
    field="semiconductors",
    submitted="2025-07-04",
    story=(
        "Recent co-authorship with listed Iranian universities. The postdoc (p3) did his PhD at "
        "Sharif University of Technology (past affiliation) and co-authored with Sharif three "
        "times inside the window; the student (p4) co-authored with Amirkabir University of "
        "Technology twice. Older works with the University of Tehran (2019, 2021) lie outside. "
        "The team moved from Tokyo Institute of Technology to Institute of Science Tokyo in "
        "October 2024 (past and primary affiliations). The secretary is out of scope (Q3.7)."
    ),
    members=(
        Member("p1", east("Yuto", "Kobayashi", "小林 悠斗"), "JP", "PI",
               (Aff("sciencetokyo", "primary", "2024-10-01"),
                Aff("titech", "past", "2012-04-01", "2024-09-30")),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Aoi", "Matsumoto", "松本 葵"), "JP", "Co-PI",
               (Aff("sciencetokyo", "primary", "2024-10-01"),
                Aff("titech", "past", "2018-04-01", "2024-09-30")),
               orcid=True, weight=2),
        Member("p3", Name("Reza", "Hosseini", "رضا حسینی"), "JP", "postdoc",
               (Aff("sciencetokyo", "primary", "2024-10-01"),
                Aff("titech", "past", "2022-04-01", "2024-09-30"),
                Aff("sharif", "past", "2016-09-01", "2022-02-28",
                    organization="Department of Electrical Engineering, "
                                 "Sharif University of Technology")),
               lab_of="p1", orcid=True, weight=1.5),
        Member("p4", Name("Sara", "Ahmadi", "سارا احمدی"), "JP", "student",
               (Aff("sciencetokyo", "primary", "2024-10-01"),
                Aff("titech", "past", "2023-10-01", "2024-09-30"),
                Aff("iut", "past", "2019-09-01", "2023-07-31")),
               lab_of="p1", weight=0.6),
        Member("p5", east("Megumi", "Inoue", "井上 恵"), "JP", "secretary",
               (Aff("sciencetokyo", "primary", "2024-10-01"),
                Aff("titech", "past", "2015-04-01", "2024-09-30")),
               lab_of="p1", involved=False, access=False, weight=0),
        Member("p6", Name("Bram", "Mulder"), "NL", "PI",
               (Aff("groningen", "primary", "2013-09-01"),),
               residency="non-resident", weight=0.8),
        Member("p7", Name("Noor", "El Amrani"), "NL", "researcher",
               (Aff("groningen", "primary", "2021-03-01"),),
               lab_of="p6", residency="non-resident", weight=0.3),
    ),
    pool=mix(
        (JAPAN, 1.0),
        (EUROPE, 0.6),
        (USA, 0.5),
        (NETHERLANDS, 0.4),
        ((("iut", 1),
        ("kaist", 1)), 1.0),
    ),
    works=300,
    links=(
        Link(("p3",), "sharif", ("2024-05-30", "2023-09-12", "2025-03-03")),
        Link(("p4",), "aut", ("2024-01-22", "2024-11-05")),
        Link(("p3",), "ut", ("2019-06-01", "2021-02-14")),
    ),
    expect=(
        Expect("recent_coauthorship", "p3", "sharif"),
        Expect("recent_coauthorship", "p4", "aut"),
        Expect("past_affiliation", "p3", "sharif"),
    ),
)

D005 = Story(
    number=5,
    title="Atomic-layer-deposited gate stacks for two-dimensional semiconductor transistors",
    field="semiconductors",
    submitted="2025-06-06",
    story=(
        "A listed current concurrent affiliation. The Co-PI (p2) holds a concurrent post at "
        "Northwestern Polytechnical University since 2023 (listed_affiliation, Q3.5); his "
        "student there (p3, lab_site NPU, in scope by Q3.8) is affiliated with NPU and a "
        "non-resident (Q3.12). Both co-author with NPU colleagues inside the window. p3 also "
        "appears on background works with the PI: co-authorship with a team member does not "
        "count."
    ),
    members=(
        Member("p1", east("Kenta", "Hayashi", "林 健太"), "JP", "PI",
               (Aff("kyushu", "primary", "2011-04-01"),),
               orcid=True, openalex=True, weight=2.5),
        Member("p2", east("Lei", "Wang", "王磊"), "JP", "Co-PI",
               (Aff("kyushu", "primary", "2018-04-01"),
                Aff("npu", "concurrent", "2023-03-01"),
                Aff("sjtu", "past", "2012-09-01", "2018-03-31")),
               orcid=True, weight=2),
        Member("p3", east("Yufei", "Zhao", "赵宇飞"), "JP", "student",
               (Aff("npu", "primary", "2022-09-01"),),
               lab_of="p2", lab_site="Northwestern Polytechnical University",
               residency="non-resident", weight=0.3),
        Member("p4", east("Yui", "Shimizu", "清水 結衣"), "JP", "postdoc",
               (Aff("kyushu", "primary", "2023-04-01"),),
               lab_of="p1"),
        Member("p5", Name("Thijs", "Willems"), "NL", "PI",
               (Aff("radboud", "primary", "2014-01-01"),),
               residency="non-resident", weight=0.8),
    ),
    pool=mix((JAPAN, 1.0), (ASIA, 0.6), (EUROPE, 0.5), (USA, 0.5), (NETHERLANDS, 0.4)),
    works=240,
    links=(
        Link(("p2",), "npu", ("2023-10-15", "2024-04-11", "2024-12-01", "2025-04-18")),
        Link(("p2", "p3"), "npu", ("2024-07-30", "2025-01-09")),
    ),
    expect=(
        Expect("listed_affiliation", "p2", "npu"),
        Expect("listed_affiliation", "p3", "npu"),
        Expect("recent_coauthorship", "p2", "npu"),
        Expect("recent_coauthorship", "p3", "npu"),
        Expect("non_resident", "p3"),
    ),
)

D006 = Story(
    number=6,
    title="Trench-gate SiC MOSFET gate-oxide reliability under high-temperature bias",
    field="semiconductors",
    submitted="2025-05-30",
    story=(
        "A listed investor. The cooperation partner Demo SiC Power Devices K.K. (fictitious) "
        "names CETC Chip Technology Co., Ltd. as a clearly identified investor; CETC Chip "
        "Technology is on METI's End User List (jp-eul-503): partner_listed (Q3.4). Its other "
        "investors and the co-funder are not listed; every co-author is at an unlisted "
        "institution."
    ),
    members=(
        Member("p1", east("Shota", "Fujii", "藤井 翔太"), "JP", "PI",
               (Aff("kyoto", "primary", "2013-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Mayu", "Endo", "遠藤 真由"), "JP", "Co-PI",
               (Aff("kyoto", "primary", "2017-04-01"),),
               orcid=True, weight=2),
        Member("p3", east("Satoshi", "Nishimura", "西村 聡"), "JP", "technician",
               (Aff("kyoto", "primary", "2010-04-01"),),
               lab_of="p1", weight=0.3),
        Member("p4", Name("Stijn", "Hendriks"), "NL", "PI",
               (Aff("tue", "primary", "2012-03-01"),),
               residency="non-resident", weight=0.8),
    ),
    orgs=(
        Org("o1", "Demo SiC Power Devices K.K.", "JP", "cooperation-partner",
            name_local="デモSiCパワーデバイス株式会社",
            investors=(
                ("CETC Chip Technology Co., Ltd.", "CN", True),
                ("Demo Venture Partners III, L.P.", "JP", True),
                ("Individual angel investors", None, False),
            )),
        Org("o2", "Demo Furnace Engineering Co., Ltd.", "JP", "co-funder",
            name_local="デモ炉工業株式会社"),
    ),
    pool=mix((JAPAN, 1.0), (JAPAN_INDUSTRY, 0.8), (EUROPE, 0.6), (USA, 0.5)),
    works=200,
    expect=(
        Expect("partner_listed", "o1", entry=f"{METI}:jp-eul-503"),
    ),
)

D008 = Story(
    number=8,
    title="Flexible organic photodetector arrays for wearable pulse oximetry",
    field="semiconductors",
    submitted="2025-07-11",
    story=(
        "Near misses only: nothing here may be flagged. Inside the window the team writes with "
        "Nanjing University (not Nanjing University of Science and Technology), Harbin Medical "
        "University and Harbin University of Science and Technology (not Harbin Institute of "
        "Technology or Harbin Engineering University), Tehran University of Medical Sciences "
        "(not the University of Tehran, whose METI alias is 'Tehran University'), Shahid "
        "Beheshti University of Medical Sciences (not Shahid Beheshti University), Iran "
        "University of Medical Sciences (not Iran University of Science and Technology) and "
        "Beijing University of Technology (not Beijing Institute of Technology), in English, "
        "abbreviated and Chinese script. The Co-PI's past affiliation, Nanjing University, and "
        "the postdoc's, Tehran University of Medical Sciences, are not listed either."
    ),
    members=(
        Member("p1", east("Hiroto", "Aoki", "青木 大翔"), "JP", "PI",
               (Aff("keio", "primary", "2012-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Jing", "Hu", "胡静"), "JP", "Co-PI",
               (Aff("keio", "primary", "2020-04-01"),
                Aff("nju", "past", "2014-09-01", "2020-03-31",
                    organization="School of Electronic Science and Engineering, "
                                 "Nanjing University")),
               orcid=True, weight=2),
        Member("p3", Name("Amir", "Rahimi", "امیر رحیمی"), "JP", "postdoc",
               (Aff("keio", "primary", "2023-01-01"),
                Aff("tums", "past", "2017-09-01", "2022-12-31",
                    organization="Research Center for Biomedical Engineering, "
                                 "Tehran University of Medical Sciences")),
               lab_of="p1"),
        Member("p4", east("Hina", "Nakagawa", "中川 陽菜"), "JP", "student",
               (Aff("keio", "primary", "2024-04-01"),),
               lab_of="p1", weight=0.3),
        Member("p5", Name("Joost", "Kuipers"), "NL", "PI",
               (Aff("tue", "primary", "2010-09-01"),),
               residency="non-resident", weight=0.8),
    ),
    pool=mix((JAPAN, 1.0), (NEAR_MISS, 0.8), (EUROPE, 0.5), (USA, 0.5), (NETHERLANDS, 0.5)),
    works=230,
    links=(
        Link(("p2",), "nju", ("2023-12-05", "2024-08-19", "2025-04-02")),
        Link(("p2",), "hmu", ("2024-02-14", "2024-10-30")),
        Link(("p2",), "harbin_ust", ("2025-03-11",)),
        Link(("p3",), "tums", ("2024-05-21", "2025-01-15", "2023")),
        Link(("p3",), "sbmu", ("2023-10-09",)),
        Link(("p3",), "iums", ("2024-07-01",)),
        Link(("p1",), "bjut", ("2024-10-22",)),
    ),
)

# fmt: on


SEMICONDUCTORS = (D002, D004, D005, D006, D008, D009)
