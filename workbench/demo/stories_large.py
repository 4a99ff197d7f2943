"""The large demo proposal, D-009 (semiconductors), sized for the performance figures."""

from __future__ import annotations

from workbench.demo.names import Name, east
from workbench.demo.pools import (
    ASIA,
    EUROPE,
    INDIA,
    JAPAN,
    JAPAN_INDUSTRY,
    NETHERLANDS,
    USA,
    mix,
)
from workbench.demo.spec import Aff, Expect, Link, Member, Org, Story

# fmt: off
D009 = Story(
    number=9,
    title=(
        "Hybrid bonding and through-silicon-via reliability for heterogeneous 3D-integrated "
        "chiplets"
    ),
    field="semiconductors",
    submitted="2025-06-30",
    story=(
        "The large proposal (about 3,000 works, 20,000 authorships) for performance, with "
        "several listed links hidden among many clean ones: the Co-PI (p2) with University of "
        "Electronic Science and Technology of China (four works inside the window, one repeated "
        "under the same DOI); the AIST lab member p8 (lab_site AIST, Q3.8) with Beijing "
        "Institute of Technology; the PI with Harbin Engineering University; the researcher p3 "
        "with Sichuan University (on the US list only). Near misses (Harbin Medical University, "
        "Nanjing University) and an old Nanjing University of Science and Technology work "
        "(2018) must not count; the Dutch PI's Beihang works are not screened (Q5.1). The "
        "external collaborator at IIT Bombay is a non-resident (Q3.12). Also: works without "
        "affiliations, works known only by year, two repeated DOIs and one work without "
        "authors."
    ),
    members=(
        Member("p1", east("Makoto", "Takahashi", "高橋 誠"), "JP", "PI",
               (Aff("tohoku", "primary", "2005-04-01"), Aff("aist", "concurrent", "2020-04-01")),
               orcid=True, openalex=True, weight=5),
        Member("p2", east("Jian", "Sun", "孙健"), "JP", "Co-PI",
               (Aff("tohoku", "primary", "2017-04-01"),
                Aff("xidian", "past", "2010-09-01", "2017-03-31")),
               orcid=True, openalex=True, weight=4),
        Member("p3", east("Megumi", "Watanabe", "渡辺 恵"), "JP", "researcher",
               (Aff("tohoku", "primary", "2015-04-01"),),
               lab_of="p1", orcid=True, weight=3),
        Member("p4", east("Min-jun", "Lee", "이민준"), "JP", "postdoc",
               (Aff("tohoku", "primary", "2023-10-01"),
                Aff("snu", "past", "2017-03-01", "2023-09-30")),
               lab_of="p2", weight=2),
        Member("p5", east("Ren", "Goto", "後藤 蓮"), "JP", "student",
               (Aff("tohoku", "primary", "2023-04-01"),),
               lab_of="p1", weight=0.6),
        Member("p6", east("Zihan", "Chen", "陈子涵"), "JP", "student",
               (Aff("tohoku", "primary", "2022-10-01"),),
               lab_of="p2", weight=0.6),
        Member("p7", east("Daiki", "Mori", "森 大輝"), "JP", "researcher",
               (Aff("aist", "primary", "2016-04-01"),),
               lab_of="p1",
               lab_site="National Institute of Advanced Industrial Science and Technology",
               weight=2),
        Member("p8", east("Yuting", "Chen", "陈雨婷"), "JP", "postdoc",
               (Aff("aist", "primary", "2023-04-01"),
                Aff("zju", "past", "2017-09-01", "2023-03-31")),
               lab_of="p1",
               lab_site="National Institute of Advanced Industrial Science and Technology"),
        Member("p9", Name("Rahul", "Menon"), "JP", "external-collaborator",
               (Aff("iitb", "primary", "2014-07-01"),),
               residency="non-resident"),
        Member("p10", east("Saori", "Abe", "阿部 沙織"), "JP", "secretary",
               (Aff("tohoku", "primary", "2019-04-01"),),
               lab_of="p1", involved=False, access=False, weight=0),
        Member("p11", Name("Ruben", "de Graaf"), "NL", "PI",
               (Aff("tudelft", "primary", "2010-01-01"),),
               residency="non-resident", orcid=True, weight=1.5),
        Member("p12", Name("Fleur", "van der Meer"), "NL", "researcher",
               (Aff("tudelft", "primary", "2019-02-01"),),
               lab_of="p11", residency="non-resident", weight=0.6),
    ),
    orgs=(
        Org("o1", "Demo Advanced Packaging K.K.", "JP", "cooperation-partner",
            name_local="デモ先端パッケージング株式会社",
            investors=(
                ("Demo Semiconductor Investment Fund II", "JP", True),
            )),
        Org("o2", "imec", "BE", "external-collaborator"),
        Org("o3", "Demo Wafer Bonding Equipment Co., Ltd.", "JP", "co-funder",
            name_local="デモ・ウエハ接合装置株式会社"),
    ),
    pool=mix(
        (JAPAN, 1.0),
        (JAPAN_INDUSTRY, 0.6),
        (ASIA, 0.8),
        (EUROPE, 0.8),
        (USA, 0.8),
        (NETHERLANDS, 0.6),
        (INDIA, 0.4),
    ),
    works=2960,
    authors=(3, 12),
    links=(
        Link(("p2",), "uestc", ("2024-06-12", "2023-08-21", "2024-01-30", "2025-05-08"),
             duplicate=1),
        Link(("p8",), "bit", ("2024-03-18", "2024-10-07")),
        Link(("p1",), "heu", ("2023-07-14",)),
        Link(("p3",), "scu", ("2024-09-25",)),
        Link(("p2",), "nust", ("2018-05-02",)),
        Link(("p1",), "hmu", ("2024-04-04",)),
        Link(("p2",), "nju", ("2023-09-09",)),
        Link(("p11",), "buaa", ("2024-02-02", "2025-03-27")),
    ),
    expect=(
        Expect("recent_coauthorship", "p2", "uestc"),
        Expect("recent_coauthorship", "p8", "bit"),
        Expect("recent_coauthorship", "p1", "heu"),
        Expect("recent_coauthorship", "p3", "scu"),
        Expect("non_resident", "p9"),
    ),
    no_affiliation=4,
    year_only=0.03,
    duplicates=2,
    empty_authorships=1,
)
# fmt: on
