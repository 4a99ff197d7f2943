"""The demo proposals in quantum technology: D-001, D-003, D-007, D-010, D-011, D-012."""

from __future__ import annotations

from workbench.demo.names import Name, east
from workbench.demo.pools import ASIA, EUROPE, JAPAN, NETHERLANDS, RUSSIA, USA, mix
from workbench.demo.spec import Aff, Expect, Link, Member, Org, Story

# fmt: off
D001 = Story(
    number=1,
    title="Low-loss flip-chip packaging of superconducting qubit arrays",
    field="quantum",
    submitted="2025-06-13",
    story=(
        "The clean proposal. Every co-author of the team sits at an unlisted institution in "
        "Japan, the Netherlands, Europe or the US; no one is a non-resident or of the specific "
        "category; the co-funder's investors are not listed. The secretary is out of scope "
        "(Q3.7). Expect no findings. The postdoc (p3) has no works, so the co-authorship "
        "checks cannot be run for him: the suggestion is 'screening incomplete' naming p3, "
        "not 'no concern'."
    ),
    members=(
        Member("p1", east("Kenichi", "Tanaka", "田中 健一"), "JP", "PI",
               (Aff("utokyo", "primary", "2014-04-01", organization="The University of Tokyo"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Misaki", "Ishii", "石井 美咲"), "JP", "Co-PI",
               (Aff("riken", "primary", "2019-04-01"),),
               orcid=True, weight=2),
        Member("p3", east("Daiki", "Yamamoto", "山本 大輝"), "JP", "postdoc",
               (Aff("utokyo", "primary", "2023-04-01", organization="The University of Tokyo"),),
               lab_of="p1"),
        Member("p4", east("Hina", "Okamoto", "岡本 陽菜"), "JP", "student",
               (Aff("utokyo", "primary", "2024-04-01", organization="The University of Tokyo"),),
               lab_of="p1", weight=0.4),
        Member("p5", east("Naoko", "Fujita", "藤田 直子"), "JP", "secretary",
               (Aff("utokyo", "primary", "2016-04-01", organization="The University of Tokyo"),),
               lab_of="p1", involved=False, access=False, weight=0),
        Member("p6", Name("Pieter", "Bakker"), "NL", "PI",
               (Aff("tudelft", "primary", "2012-09-01"),),
               residency="non-resident", orcid=True),
        Member("p7", Name("Sanne", "Visser"), "NL", "postdoc",
               (Aff("tudelft", "primary", "2022-01-01"),),
               lab_of="p6", residency="non-resident", weight=0.5),
    ),
    orgs=(
        Org("o1", "Demo Cryogenic Systems K.K.", "JP", "co-funder",
            name_local="デモ・クライオジェニックシステムズ株式会社",
            investors=(
                ("Demo Deep-Tech Fund I, L.P.", "JP", True),
                ("Founders and employees", None, False),
            )),
    ),
    pool=mix((JAPAN, 1.0), (NETHERLANDS, 1.0), (EUROPE, 0.6), (USA, 0.6)),
    works=48,
    authors=(3, 8),
    no_affiliation=1,
)

D003 = Story(
    number=3,
    title="Diamond NV-centre quantum sensors for in-situ current imaging of power modules",
    field="quantum",
    submitted="2025-06-27",
    story=(
        "Recent co-authorship with a listed university. The Co-PI (p2) worked at Harbin "
        "Institute of Technology until 2019 (past affiliation, informational, Q3.9) and still "
        "writes with HIT colleagues: five works inside the window, written as 'Harbin Institute "
        "of Technology', 'Harbin Inst Technol', '哈尔滨工业大学' and the Shenzhen and Weihai "
        "campuses; one known only by its year (2023, date-uncertain), one repeated under the "
        "same DOI (count once). The postdoc (p3) is on one of them too. Three HIT works of "
        "2020-2022 lie outside the window."
    ),
    members=(
        Member("p1", east("Hiroshi", "Sasaki", "佐々木 浩"), "JP", "PI",
               (Aff("osaka", "primary", "2008-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Hao", "Zhang", "张浩"), "JP", "Co-PI",
               (Aff("osaka", "primary", "2019-10-01"),
                Aff("hit", "past", "2012-09-01", "2019-08-31",
                    organization="School of Physics, Harbin Institute of Technology")),
               orcid=True, weight=2),
        Member("p3", east("Xinyi", "Liu", "刘欣怡"), "JP", "postdoc",
               (Aff("osaka", "primary", "2023-04-01"),
                Aff("tsinghua", "past", "2017-09-01", "2023-03-31")),
               lab_of="p2"),
        Member("p4", east("Sota", "Okada", "岡田 颯太"), "JP", "student",
               (Aff("osaka", "primary", "2022-04-01"),),
               lab_of="p1", weight=0.4),
        Member("p5", Name("Maarten", "de Jong"), "NL", "PI",
               (Aff("utwente", "primary", "2009-09-01"),),
               residency="non-resident", weight=0.8),
        Member("p6", Name("Lotte", "Jansen"), "NL", "postdoc",
               (Aff("utwente", "primary", "2023-02-01"),),
               lab_of="p5", residency="non-resident", weight=0.3),
    ),
    orgs=(
        Org("o1", "Demo Quantum Sensing Instruments K.K.", "JP", "co-funder",
            name_local="デモ量子センシング計測株式会社"),
    ),
    pool=mix((JAPAN, 1.0), (NETHERLANDS, 0.6), (EUROPE, 0.5), (USA, 0.5), (ASIA, 0.3)),
    works=330,
    links=(
        Link(("p2",), "hit", ("2024-03-15", "2023-11-08", "2024-09-02", "2025-02-20", "2023"),
             duplicate=1),
        Link(("p2", "p3"), "hit", ("2024-06-21",), per_work=3),
        Link(("p2",), "hit", ("2020-01-10", "2021-05-10", "2022-11-30")),
    ),
    expect=(
        Expect("recent_coauthorship", "p2", "hit"),
        Expect("recent_coauthorship", "p3", "hit"),
        Expect("past_affiliation", "p2", "hit"),
    ),
)

D007 = Story(
    number=7,
    title="Topological photonic waveguides for on-chip entangled-photon routing",
    field="quantum",
    submitted="2025-06-20",
    story=(
        "Only old links. The Co-PI (p2) was at Beihang University until March 2019 (past "
        "affiliation, informational) and co-authored with Beihang and National University of "
        "Defense Technology authors, but every such work is older than the window: the latest "
        "is dated 2023-06-19, one day before the window opens on 2023-06-20, and one is known "
        "only by its year (2021). Expect no co-authorship finding."
    ),
    members=(
        Member("p1", east("Naoki", "Murakami", "村上 直樹"), "JP", "PI",
               (Aff("tsukuba", "primary", "2009-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Na", "Li", "李娜"), "JP", "Co-PI",
               (Aff("tsukuba", "primary", "2019-04-01"),
                Aff("buaa", "past", "2013-09-01", "2019-03-31",
                    organization="School of Instrumentation and Optoelectronic Engineering, "
                                 "Beihang University")),
               orcid=True, weight=2),
        Member("p3", east("Sota", "Kimura", "木村 颯太"), "JP", "postdoc",
               (Aff("tsukuba", "primary", "2022-04-01"),),
               lab_of="p1"),
        Member("p4", Name("Eva", "Dekker"), "NL", "PI",
               (Aff("tue", "primary", "2016-01-01"),),
               residency="non-resident", weight=0.8),
    ),
    pool=mix((JAPAN, 1.0), (NETHERLANDS, 0.6), (EUROPE, 0.6), (USA, 0.6), (ASIA, 0.3)),
    works=280,
    links=(
        Link(("p2",), "buaa",
             ("2019-11-30", "2020-07-07", "2021-12-01", "2021", "2022-03-15", "2023-06-19")),
        Link(("p2",), "nudt", ("2019-05-20",)),
    ),
    expect=(
        Expect("past_affiliation", "p2", "buaa"),
    ),
)

D010 = Story(
    number=10,
    title="Integrated silicon-nitride microresonator sources of squeezed light",
    field="quantum",
    submitted="2025-07-18",
    story=(
        "Publications as a flat CSV only (publications.csv, no works.json). The Co-PI (p2) "
        "co-authored twice within the window with the Polyus Research Institute of M.F. "
        "Stelmakh in Moscow (METI jp-eul-800); his other Russian co-authors "
        "(Lomonosov Moscow State University, MEPhI, MIPT) are not listed. The student (p3) "
        "arrived in April 2025 and is a non-resident (Q3.12)."
    ),
    members=(
        Member("p1", east("Ryo", "Ishida", "石田 涼"), "JP", "PI",
               (Aff("ynu", "primary", "2012-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", Name("Sergei", "Volkov", "Сергей Волков"), "JP", "Co-PI",
               (Aff("ynu", "primary", "2016-04-01"),
                Aff("msu", "past", "2008-09-01", "2016-03-31")),
               orcid=True, weight=2),
        Member("p3", Name("Anastasia", "Morozova", "Анастасия Морозова"), "JP", "student",
               (Aff("ynu", "primary", "2025-04-01"),
                Aff("msu", "past", "2019-09-01", "2025-03-31")),
               lab_of="p2", residency="non-resident", weight=0.4),
        Member("p4", Name("Daan", "Vermeulen"), "NL", "PI",
               (Aff("utwente", "primary", "2015-01-01"),),
               residency="non-resident", weight=0.8),
    ),
    pool=mix((JAPAN, 1.0), (RUSSIA, 1.0), (EUROPE, 0.6), (USA, 0.4), (NETHERLANDS, 0.4)),
    works=110,
    links=(
        Link(("p2",), "polyus", ("2023-09-01", "2024-07-15")),
    ),
    expect=(
        Expect("recent_coauthorship", "p2", "polyus"),
        Expect("non_resident", "p3"),
    ),
    formats=('publications.csv',),
)

D011 = Story(
    number=11,
    title="Error-mitigated variational algorithms on neutral-atom quantum processors",
    field="quantum",
    submitted="2025-06-25",
    story=(
        "An undeclared listed affiliation, from two publication files. The Co-PI (p2) declares "
        "only Waseda University, but on three works of 2024-2025 he also gives Nanjing "
        "University of Aeronautics and Astronautics as his own affiliation, with NUAA "
        "co-authors: undeclared_listed_affiliation (Q3.5, Q8.1) and recent co-authorship. The "
        "2025 items come in publications.csv (not yet in OpenAlex), one of them also in "
        "works.json under the same DOI (count once)."
    ),
    members=(
        Member("p1", east("Haruto", "Yoshida", "吉田 陽翔"), "JP", "PI",
               (Aff("waseda", "primary", "2010-04-01"),),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Jun", "Ma", "马军"), "JP", "Co-PI",
               (Aff("waseda", "primary", "2021-04-01"),
                Aff("hust", "past", "2015-09-01", "2021-03-31")),
               orcid=True, weight=2),
        Member("p3", east("Seo-yeon", "Lee", "이서연"), "JP", "postdoc",
               (Aff("waseda", "primary", "2023-04-01"),
                Aff("kaist", "past", "2017-03-01", "2023-02-28")),
               lab_of="p1"),
        Member("p4", east("Kaito", "Takeda", "武田 海斗"), "JP", "student",
               (Aff("waseda", "primary", "2024-04-01"),),
               lab_of="p1", weight=0.3),
        Member("p5", Name("Iris", "Bos"), "NL", "PI",
               (Aff("tudelft", "primary", "2016-09-01"),),
               residency="non-resident", weight=0.8),
    ),
    pool=mix((JAPAN, 1.0), (ASIA, 0.6), (EUROPE, 0.5), (USA, 0.6), (NETHERLANDS, 0.5)),
    works=280,
    links=(
        Link(("p2",), "nuaa", ("2024-04-16", "2024-12-03"), own=True),
        Link(("p2",), "nuaa", ("2025-05-20",), own=True, csv=True),
    ),
    expect=(
        Expect("undeclared_listed_affiliation", "p2", "nuaa"),
        Expect("recent_coauthorship", "p2", "nuaa"),
    ),
    formats=('works.json', 'publications.csv'),
    csv_share=0.5,
)

D012 = Story(
    number=12,
    title="Germanium hole-spin qubits with cryogenic control electronics",
    field="quantum",
    submitted="2025-06-13",
    story=(
        "Who is in scope decides. The PI holds a concurrent post at RIKEN, where his lab member "
        "p3 works (lab_site RIKEN, in scope by Q3.8); p3 co-authored with Beihang University in "
        "2024 and 2025. The Dutch PI and postdoc wrote with National University of Defense "
        "Technology and Northwestern Polytechnical University inside the window, but the Dutch "
        "side is not screened by JST (Q5.1): no finding. The technician (p4) takes no part and "
        "is out of scope (Q3.7). The Co-PI holds a cross-appointment with the University of "
        "Copenhagen: specific category (Q3.13)."
    ),
    members=(
        Member("p1", east("Takumi", "Kondo", "近藤 拓海"), "JP", "PI",
               (Aff("tohoku", "primary", "2011-04-01"), Aff("riken", "concurrent", "2021-04-01")),
               orcid=True, openalex=True, weight=3),
        Member("p2", east("Aya", "Hasegawa", "長谷川 彩"), "JP", "Co-PI",
               (Aff("tohoku", "primary", "2016-04-01"),
                Aff("copenhagen", "concurrent", "2024-01-01",
                    organization="Niels Bohr Institute, University of Copenhagen")),
               specific_note="cross-appointment with a foreign university "
                             "(University of Copenhagen)",
               orcid=True, weight=2),
        Member("p3", east("Chen", "Wu", "吴晨"), "JP", "researcher",
               (Aff("riken", "primary", "2022-04-01"),
                Aff("ustc", "past", "2016-09-01", "2022-03-31")),
               lab_of="p1", lab_site="RIKEN", weight=1.5),
        Member("p4", east("Mai", "Sakamoto", "坂本 麻衣"), "JP", "technician",
               (Aff("tohoku", "primary", "2014-04-01"),),
               lab_of="p1", involved=False, access=False, weight=0),
        Member("p5", east("Minato", "Murakami", "村上 湊"), "JP", "student",
               (Aff("tohoku", "primary", "2024-04-01"),),
               lab_of="p1", weight=0.3),
        Member("p6", Name("Lucas", "van Dijk"), "NL", "PI",
               (Aff("tudelft", "primary", "2013-01-01"),),
               residency="non-resident", orcid=True, weight=1.2),
        Member("p7", Name("Mehmet", "Yılmaz"), "NL", "postdoc",
               (Aff("tudelft", "primary", "2022-09-01"),),
               lab_of="p6", residency="non-resident", weight=0.5),
    ),
    pool=mix((JAPAN, 1.0), (NETHERLANDS, 0.8), (EUROPE, 0.6), (USA, 0.5), (ASIA, 0.3)),
    works=320,
    links=(
        Link(("p3",), "buaa", ("2024-04-10", "2025-01-28")),
        Link(("p6",), "nudt", ("2024-05-06",)),
        Link(("p7",), "npu", ("2023-12-18",)),
    ),
    expect=(
        Expect("recent_coauthorship", "p3", "buaa"),
        Expect("specific_category", "p2"),
    ),
)
# fmt: on


QUANTUM = (D001, D003, D007, D010, D011, D012)
