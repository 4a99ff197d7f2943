"""Real institutions the demo co-authors come from, listed and not listed.

Every institution here is real. Identifiers are the real ones where a public
source gave them: ROR ids and Chinese/Japanese labels from the ROR registry
(CC0), OpenAlex institution ids from OpenAlex records (CC0). Where no source at
hand gave an id it is ``None`` rather than invented.

``listed`` names the list entries an institution is on, as ``"<list>:<entry id>"``
with the entry ids of the METI End User List of 2025-09-29 and of the partial US
Consolidated Screening List snapshot of 2023-11 shipped in ``data/lists/``.
``near_miss_of`` names the listed institutions an unlisted one is easily mistaken
for (Harbin Medical University for Harbin Institute of Technology, Tehran
University of Medical Sciences for the University of Tehran, whose METI alias
is "Tehran University").

Examples
--------
>>> INSTITUTIONS["hit"].listed
('METI End User List:jp-eul-541',)
>>> INSTITUTIONS["hmu"].near_miss_of
('Harbin Institute of Technology', 'Harbin Engineering University')
>>> sorted(k for k, i in INSTITUTIONS.items() if i.listed)[:3]
['aut', 'bit', 'buaa']
"""

from __future__ import annotations

from dataclasses import dataclass

METI = "METI End User List"
CSL = "US Consolidated Screening List"

#: Country names as written in addresses, and in Web of Science style.
COUNTRY_NAMES: dict[str, tuple[str, str]] = {
    "CN": ("China", "Peoples R China"),
    "JP": ("Japan", "Japan"),
    "IR": ("Iran", "Iran"),
    "RU": ("Russia", "Russia"),
    "KR": ("South Korea", "South Korea"),
    "IN": ("India", "India"),
    "PK": ("Pakistan", "Pakistan"),
    "NL": ("The Netherlands", "Netherlands"),
    "BE": ("Belgium", "Belgium"),
    "DE": ("Germany", "Germany"),
    "CH": ("Switzerland", "Switzerland"),
    "SE": ("Sweden", "Sweden"),
    "DK": ("Denmark", "Denmark"),
    "FR": ("France", "France"),
    "IT": ("Italy", "Italy"),
    "AT": ("Austria", "Austria"),
    "GB": ("United Kingdom", "England"),
    "US": ("USA", "USA"),
    "TW": ("Taiwan", "Taiwan"),
}


@dataclass(frozen=True, slots=True)
class Inst:
    """One real institution and the ways authors write it."""

    key: str
    name: str  # display name as OpenAlex/ROR give it
    country: str  # ISO 3166 alpha-2
    kind: str  # OpenAlex type: education, facility, company, government
    city: str
    postcode: str
    openalex: str | None = None  # bare OpenAlex id, I…
    ror: str | None = None  # bare ROR id
    local: str | None = None  # name in Chinese or Japanese script (ROR label)
    local_city: str | None = None
    abbrev: str | None = None  # Web of Science style, e.g. "Harbin Inst Technol"
    units: tuple[str, ...] = ()  # departments, in English
    local_units: tuple[str, ...] = ()  # departments, in local script
    campuses: tuple[tuple[str, str, str], ...] = ()  # (campus, city, postcode)
    listed: tuple[str, ...] = ()
    near_miss_of: tuple[str, ...] = ()

    def variants(self) -> tuple[str, ...]:
        """Every way the institution's own name is written in the demo strings."""
        return tuple(v for v in (self.name, self.abbrev, self.local) if v)


def _i(
    key: str, name: str, country: str, kind: str, city: str, postcode: str, **kw: object
) -> Inst:
    return Inst(key, name, country, kind, city, postcode, **kw)  # type: ignore[arg-type]


# fmt: off
_CN_UNITS = (
    "School of Physics", "School of Microelectronics",
    "School of Materials Science and Engineering", "School of Electronic Information Engineering",
    "State Key Laboratory of Integrated Optoelectronics",
)
_CN_LOCAL_UNITS = ("物理学院", "微电子学院", "材料科学与工程学院", "电子信息工程学院")
_JP_UNITS = (
    "Graduate School of Engineering", "Department of Applied Physics",
    "Research Institute of Electrical Communication", "Department of Electrical Engineering",
    "Center for Quantum Information and Quantum Biology",
)
_JP_LOCAL_UNITS = ("大学院工学研究科", "応用物理学専攻", "電気電子工学科")
_IR_UNITS = (
    "Department of Electrical Engineering", "Department of Physics", "Faculty of Materials",
)
_EN_UNITS = (
    "Department of Physics", "Department of Electrical Engineering", "Materials Department",
)
_MED_UNITS = (
    "School of Medicine", "Research Center for Biomedical Engineering", "Faculty of Medicine",
)

_LISTED = [
    _i("hit", "Harbin Institute of Technology", "CN", "education", "Harbin", "150001",
       openalex="I204983213", ror="01yqg2h08", local="哈尔滨工业大学", local_city="哈尔滨",
       abbrev="Harbin Inst Technol",
       units=(
           "School of Astronautics",
           "School of Physics",
           "School of Materials Science and Engineering",
           "Department of Microwave Engineering",
       ), local_units=("航天学院", "物理学院", "材料科学与工程学院"),
       campuses=(("Shenzhen", "Shenzhen", "518055"), ("Weihai", "Weihai", "264209")),
       listed=(f"{METI}:jp-eul-541",)),
    _i("heu", "Harbin Engineering University", "CN", "education", "Harbin", "150001",
       ror="03x80pn82", local="哈尔滨工程大学", local_city="哈尔滨", abbrev="Harbin Engn Univ",
       units=(
           "College of Physics and Optoelectronic Engineering",
           "College of Information and Communication Engineering",
       ), local_units=("物理与光电工程学院",), listed=(f"{METI}:jp-eul-540",)),
    _i("buaa", "Beihang University", "CN", "education", "Beijing", "100191", ror="00wk2mp56",
       local="北京航空航天大学", local_city="北京", abbrev="Beihang Univ",
       units=(
           "School of Instrumentation and Optoelectronic Engineering",
           "School of Physics",
           "School of Integrated Circuit Science and Engineering",
       ), local_units=("仪器科学与光电工程学院", "物理学院"),
       listed=(
           f"{METI}:jp-eul-501",
           f"{CSL}:380d9cdaa2a955c310e28f4ad9b83be6d9e4d97bed76ecd908a125c1",
       )),
    _i("npu", "Northwestern Polytechnical University", "CN", "education", "Xi'an", "710072",
       ror="01y0j0j86", local="西北工业大学", local_city="西安",
       abbrev="Northwestern Polytech Univ",
       units=(
           "School of Microelectronics",
           "School of Physical Science and Technology",
           "School of Materials Science and Engineering",
       ), local_units=("微电子学院", "物理科学与技术学院"),
       listed=(
           f"{METI}:jp-eul-559",
           f"{CSL}:e610a2b6a9a3a3b485c11b771a09a5bf665626545bc1f7618fdd4942",
       )),
    _i("nudt", "National University of Defense Technology", "CN", "education",
       "Changsha", "410073", openalex="I170215575", local="国防科技大学", local_city="长沙",
       abbrev="Natl Univ Def Technol",
       units=(
           "College of Advanced Interdisciplinary Studies",
           "College of Electronic Science and Technology",
       ), local_units=("前沿交叉学科学院",),
       listed=(
           f"{METI}:jp-eul-553",
           f"{CSL}:f6efc317c6d8b6ea8498388812cc12c91586cddee27b56fb37d974d5",
       )),
    _i("bit", "Beijing Institute of Technology", "CN", "education", "Beijing", "100081",
       ror="01skt4w74", local="北京理工大学", local_city="北京", abbrev="Beijing Inst Technol",
       units=("School of Integrated Circuits and Electronics", "School of Optics and Photonics"),
       local_units=("集成电路与电子学院", "光电学院"), listed=(f"{METI}:jp-eul-494",)),
    _i("uestc", "University of Electronic Science and Technology of China", "CN", "education",
       "Chengdu", "611731", openalex="I150229711", ror="04qr3zq92", local="电子科技大学",
       local_city="成都", abbrev="Univ Elect Sci & Technol China",
       units=(
           "School of Integrated Circuit Science and Engineering",
           "State Key Laboratory of Electronic Thin Films and Integrated Devices",
       ), local_units=("集成电路科学与工程学院", "电子薄膜与集成器件国家重点实验室"),
       listed=(
           f"{METI}:jp-eul-595",
           f"{CSL}:652f3ae43a3a765d794716bd58135e1ad0255425c429f838bf6013bc",
       )),
    _i("nuaa", "Nanjing University of Aeronautics and Astronautics", "CN", "education",
       "Nanjing", "211106", ror="01scyh794", local="南京航空航天大学", local_city="南京",
       abbrev="Nanjing Univ Aeronaut & Astronaut",
       units=("College of Science", "College of Electronic and Information Engineering"),
       local_units=("理学院",), listed=(f"{METI}:jp-eul-555",)),
    _i("nust", "Nanjing University of Science and Technology", "CN", "education",
       "Nanjing", "210094", ror="00xp9wg62", local="南京理工大学", local_city="南京",
       abbrev="Nanjing Univ Sci & Technol",
       units=("School of Electronic and Optical Engineering",),
       local_units=("电子工程与光电技术学院",), listed=(f"{METI}:jp-eul-556",)),
    _i("scu", "Sichuan University", "CN", "education", "Chengdu", "610065", ror="011ashp19",
       local="四川大学", local_city="成都", abbrev="Sichuan Univ",
       units=("College of Physics", "College of Materials Science and Engineering"),
       local_units=("物理学院",),
       listed=(f"{CSL}:62886c3b35a67286688b1e5cc78931856419342f659b38df504521f2",)),
    _i("sharif", "Sharif University of Technology", "IR", "education", "Tehran", "11365-11155",
       abbrev="Sharif Univ Technol", units=_IR_UNITS, listed=(f"{METI}:jp-eul-259",)),
    _i("aut", "Amirkabir University of Technology", "IR", "education", "Tehran", "15875-4413",
       openalex="I158248296", abbrev="Amirkabir Univ Technol", units=_IR_UNITS,
       listed=(f"{METI}:jp-eul-45",)),
    _i("ut", "University of Tehran", "IR", "education", "Tehran", "14395-515",
       abbrev="Univ Tehran",
       units=("School of Electrical and Computer Engineering", "Department of Physics"),
       listed=(f"{METI}:jp-eul-282",)),
    _i("polyus", "Polyus Research Institute of M.F. Stelmakh", "RU", "company", "Moscow", "117342",
       abbrev="Stelmakh Polyus Res Inst", units=("Laboratory of Solid-State Lasers",),
       listed=(f"{METI}:jp-eul-800",)),
]

_NEAR_MISS = [
    _i("hmu", "Harbin Medical University", "CN", "education", "Harbin", "150081", ror="05jscf583",
       local="哈尔滨医科大学", local_city="哈尔滨", abbrev="Harbin Med Univ",
       units=(
           "College of Bioinformatics Science and Technology",
           "School of Basic Medical Sciences",
       ), local_units=("基础医学院", "生物信息科学与技术学院"),
       near_miss_of=("Harbin Institute of Technology", "Harbin Engineering University")),
    _i("harbin_ust", "Harbin University of Science and Technology", "CN", "education",
       "Harbin", "150080", ror="04e6y1282", local="哈尔滨理工大学", local_city="哈尔滨",
       abbrev="Harbin Univ Sci & Technol",
       units=("School of Materials Science and Chemical Engineering",),
       local_units=("材料科学与化学工程学院",),
       near_miss_of=("Harbin Institute of Technology", "Harbin Engineering University")),
    _i("nju", "Nanjing University", "CN", "education", "Nanjing", "210093", openalex="I881766915",
       ror="01rxvg760", local="南京大学", local_city="南京", abbrev="Nanjing Univ",
       units=(
           "School of Electronic Science and Engineering",
           "College of Engineering and Applied Sciences",
       ), local_units=("电子科学与工程学院",),
       near_miss_of=("Nanjing University of Science and Technology",
                     "Nanjing University of Aeronautics and Astronautics")),
    _i("bjut", "Beijing University of Technology", "CN", "education", "Beijing", "100124",
       openalex="I37796252", ror="037b1pp87", local="北京工业大学", local_city="北京",
       abbrev="Beijing Univ Technol", units=("Faculty of Information Technology",),
       local_units=("信息学部",), near_miss_of=("Beijing Institute of Technology",)),
    _i("tums", "Tehran University of Medical Sciences", "IR", "education", "Tehran", "14176-13151",
       openalex="I70640408", ror="01c4pz451", abbrev="Univ Tehran Med Sci", units=_MED_UNITS,
       near_miss_of=("University of Tehran",)),
    _i("sbmu", "Shahid Beheshti University of Medical Sciences", "IR", "education",
       "Tehran", "19839-63113", ror="034m2b326", abbrev="Shahid Beheshti Univ Med Sci",
       units=_MED_UNITS, near_miss_of=("Shahid Beheshti University",)),
    _i("iums", "Iran University of Medical Sciences", "IR", "education", "Tehran", "14496-14535",
       ror="03w04rv71", abbrev="Iran Univ Med Sci", units=_MED_UNITS,
       near_miss_of=("Iran University of Science and Technology",)),
]

_OTHER = [
    _i("tsinghua", "Tsinghua University", "CN", "education", "Beijing", "100084",
       openalex="I99065089", ror="03cve4549", local="清华大学", local_city="北京",
       abbrev="Tsinghua Univ", units=_CN_UNITS, local_units=_CN_LOCAL_UNITS),
    _i("pku", "Peking University", "CN", "education", "Beijing", "100871", openalex="I20231570",
       ror="02v51f717", local="北京大学", local_city="北京", abbrev="Peking Univ", units=_CN_UNITS,
       local_units=_CN_LOCAL_UNITS),
    _i("fudan", "Fudan University", "CN", "education", "Shanghai", "200433", openalex="I24943067",
       ror="013q1eq08", local="复旦大学", local_city="上海", abbrev="Fudan Univ", units=_CN_UNITS,
       local_units=_CN_LOCAL_UNITS),
    _i("ustc", "University of Science and Technology of China", "CN", "education",
       "Hefei", "230026", ror="04c4dkn09", local="中国科学技术大学", local_city="合肥",
       abbrev="Univ Sci & Technol China",
       units=(
           "Hefei National Laboratory for Physical Sciences at the Microscale",
           "CAS Key Laboratory of Quantum Information",
       ), local_units=("合肥微尺度物质科学国家研究中心",)),
    _i("zju", "Zhejiang University", "CN", "education", "Hangzhou", "310027", openalex="I76130692",
       ror="00a2xv884", local="浙江大学", local_city="杭州", abbrev="Zhejiang Univ",
       units=_CN_UNITS, local_units=_CN_LOCAL_UNITS),
    _i("sjtu", "Shanghai Jiao Tong University", "CN", "education", "Shanghai", "200240",
       openalex="I183067930", ror="0220qvk04", local="上海交通大学", local_city="上海",
       abbrev="Shanghai Jiao Tong Univ", units=_CN_UNITS, local_units=_CN_LOCAL_UNITS),
    _i("hust", "Huazhong University of Science and Technology", "CN", "education",
       "Wuhan", "430074", openalex="I47720641", ror="00p991c53", local="华中科技大学",
       local_city="武汉", abbrev="Huazhong Univ Sci & Technol", units=_CN_UNITS,
       local_units=_CN_LOCAL_UNITS),
    _i("xidian", "Xidian University", "CN", "education", "Xi'an", "710071", openalex="I149594827",
       ror="05s92vm98", local="西安电子科技大学", local_city="西安", abbrev="Xidian Univ",
       units=("School of Microelectronics",), local_units=("微电子学院",)),
    _i("sustech", "Southern University of Science and Technology", "CN", "education",
       "Shenzhen", "518055", ror="049tv2d57", local="南方科技大学", local_city="深圳",
       abbrev="Southern Univ Sci & Technol",
       units=("Shenzhen Institute for Quantum Science and Engineering", "Department of Physics"),
       local_units=("量子科学与工程研究院",)),
    _i("ntu_tw", "National Taiwan University", "TW", "education", "Taipei", "10617",
       openalex="I16733864", ror="05bqach95", abbrev="Natl Taiwan Univ", units=_EN_UNITS),
    _i("iut", "Isfahan University of Technology", "IR", "education", "Isfahan", "84156-83111",
       openalex="I170013655", ror="00af3sa43", abbrev="Isfahan Univ Technol", units=_IR_UNITS),
    _i("msu", "Lomonosov Moscow State University", "RU", "education", "Moscow", "119991",
       openalex="I19880235", ror="010pmpe69", abbrev="Lomonosov Moscow State Univ",
       units=("Faculty of Physics", "Quantum Technology Centre")),
    _i("mephi", "National Research Nuclear University MEPhI", "RU", "education",
       "Moscow", "115409", openalex="I887846188", ror="04w8z7f34",
       abbrev="Natl Res Nucl Univ MEPhI", units=("Institute of Laser and Plasma Technologies",)),
    _i("mipt", "Moscow Institute of Physics and Technology", "RU", "education",
       "Dolgoprudny", "141701", openalex="I153843547", abbrev="Moscow Inst Phys & Technol",
       units=("Center for Photonics and 2D Materials",)),
    _i("kaist", "Korea Advanced Institute of Science and Technology", "KR", "education",
       "Daejeon", "34141", openalex="I157485424", ror="05apxxy63",
       abbrev="Korea Adv Inst Sci & Technol",
       units=("School of Electrical Engineering", "Department of Physics")),
    _i("snu", "Seoul National University", "KR", "education", "Seoul", "08826",
       openalex="I139264467", ror="04h9pn542", abbrev="Seoul Natl Univ",
       units=(
           "Department of Electrical and Computer Engineering",
           "Department of Physics and Astronomy",
       )),
    _i("samsung", "Samsung", "KR", "company", "Suwon", "16678", openalex="I2250650973",
       ror="04w3jy968", units=("Samsung Advanced Institute of Technology",)),
    _i("iisc", "Indian Institute of Science", "IN", "education", "Bengaluru", "560012",
       abbrev="Indian Inst Sci",
       units=(
           "Department of Electrical Communication Engineering",
           "Centre for Nano Science and Engineering",
       )),
    _i("iitb", "Indian Institute of Technology Bombay", "IN", "education", "Mumbai", "400076",
       abbrev="Indian Inst Technol",
       units=("Department of Electrical Engineering", "Department of Physics")),
    _i("iiti", "Indian Institute of Technology Indore", "IN", "education", "Indore", "453552",
       openalex="I64295750", ror="01hhf7w52", abbrev="Indian Inst Technol Indore",
       units=("Department of Physics",)),
    _i("tohoku", "Tohoku University", "JP", "education", "Sendai", "980-8577",
       openalex="I201537933", ror="01dq60k83", local="東北大学", local_city="仙台",
       abbrev="Tohoku Univ",
       units=(
           "Research Institute of Electrical Communication",
           "Graduate School of Engineering",
           "Advanced Institute for Materials Research",
       ), local_units=("電気通信研究所", "大学院工学研究科")),
    _i("osaka", "Osaka University", "JP", "education", "Suita", "565-0871", openalex="I98285908",
       ror="035t8zc32", local="大阪大学", local_city="吹田", abbrev="Osaka Univ",
       units=(
           "Graduate School of Engineering Science",
           "Graduate School of Engineering",
           "Institute of Scientific and Industrial Research",
       ), local_units=("大学院基礎工学研究科", "産業科学研究所")),
    _i("kyoto", "Kyoto University", "JP", "education", "Kyoto", "615-8510", openalex="I22299242",
       ror="02kpeqv85", local="京都大学", local_city="京都", abbrev="Kyoto Univ",
       units=("Department of Electronic Science and Engineering", "Graduate School of Science"),
       local_units=("大学院工学研究科 電子工学専攻",)),
    _i("utokyo", "University of Tokyo", "JP", "education", "Bunkyo-ku, Tokyo", "113-8656",
       openalex="I74801974", ror="057zh3y96", local="東京大学", local_city="東京都文京区",
       abbrev="Univ Tokyo",
       units=(
           "Department of Applied Physics",
           "Research Center for Advanced Science and Technology",
           "Institute for Solid State Physics",
       ), local_units=("大学院工学系研究科 物理工学専攻", "先端科学技術研究センター")),
    _i("riken", "RIKEN", "JP", "facility", "Wako, Saitama", "351-0198", openalex="I4210110652",
       ror="01sjwvz98", local="理化学研究所", local_city="和光",
       units=("RIKEN Center for Quantum Computing", "RIKEN Center for Emergent Matter Science"),
       local_units=("量子コンピュータ研究センター", "創発物性科学研究センター")),
    _i("nagoya", "Nagoya University", "JP", "education", "Nagoya", "464-8601",
       openalex="I60134161", ror="04chrp450", local="名古屋大学", local_city="名古屋",
       abbrev="Nagoya Univ",
       units=(
           "Institute of Materials and Systems for Sustainability",
           "Graduate School of Engineering",
       ), local_units=("未来材料・システム研究所",)),
    _i("kyushu", "Kyushu University", "JP", "education", "Fukuoka", "819-0395", ror="00p4k0j84",
       local="九州大学", local_city="福岡", abbrev="Kyushu Univ", units=_JP_UNITS,
       local_units=_JP_LOCAL_UNITS),
    _i("keio", "Keio University", "JP", "education", "Yokohama", "223-8522", openalex="I203951103",
       ror="02kn6nx58", local="慶應義塾大学", local_city="横浜", abbrev="Keio Univ",
       units=("Department of Electronics and Electrical Engineering",),
       local_units=("理工学部 電子工学科",)),
    _i("waseda", "Waseda University", "JP", "education", "Shinjuku-ku, Tokyo", "169-8555",
       ror="00ntfnx83", local="早稲田大学", local_city="東京都新宿区", abbrev="Waseda Univ",
       units=_JP_UNITS, local_units=_JP_LOCAL_UNITS),
    _i("tsukuba", "University of Tsukuba", "JP", "education", "Tsukuba", "305-8577",
       openalex="I146399215", ror="02956yf07", local="筑波大学", local_city="つくば",
       abbrev="Univ Tsukuba", units=_JP_UNITS, local_units=_JP_LOCAL_UNITS),
    _i("titech", "Tokyo Institute of Technology", "JP", "education",
       "Meguro-ku, Tokyo", "152-8550", openalex="I114531698", ror="0112mx960",
       local="東京工業大学", local_city="東京都目黒区", abbrev="Tokyo Inst Technol",
       units=_JP_UNITS, local_units=_JP_LOCAL_UNITS),
    _i("sciencetokyo", "Institute of Science Tokyo", "JP", "education",
       "Meguro-ku, Tokyo", "152-8550", ror="05dqf9946", local="東京科学大学",
       local_city="東京都目黒区", abbrev="Inst Sci Tokyo", units=_JP_UNITS,
       local_units=_JP_LOCAL_UNITS),
    _i("ynu", "Yokohama National University", "JP", "education", "Yokohama", "240-8501",
       ror="03zyp6p76", local="横浜国立大学", local_city="横浜", abbrev="Yokohama Natl Univ",
       units=_JP_UNITS, local_units=_JP_LOCAL_UNITS),
    _i("aist", "National Institute of Advanced Industrial Science and Technology", "JP",
       "government", "Tsukuba", "305-8568", openalex="I73613424", local="産業技術総合研究所",
       local_city="つくば", abbrev="Natl Inst Adv Ind Sci & Technol",
       units=(
           "Device Technology Research Institute",
           "Global Research and Development Center for Business by Quantum-AI technology",
       )),
    _i("oist", "Okinawa Institute of Science and Technology Graduate University", "JP", "education",
       "Onna, Okinawa", "904-0495", ror="02qg15b79", local="沖縄科学技術大学院大学",
       abbrev="Okinawa Inst Sci & Technol", units=("Quantum Dynamics Unit",)),
    _i("kek", "High Energy Accelerator Research Organization", "JP", "facility",
       "Tsukuba", "305-0801", ror="01g5y5k24", local="高エネルギー加速器研究機構", abbrev="KEK",
       units=("Institute of Materials Structure Science",)),
    _i("qst", "National Institutes for Quantum Science and Technology", "JP", "facility",
       "Takasaki", "370-1292", ror="020rbyg91", local="量子科学技術研究開発機構",
       units=("Takasaki Institute for Advanced Quantum Science",)),
    _i("hiroshima", "Hiroshima University", "JP", "education", "Higashi-Hiroshima", "739-8527",
       ror="03t78wx29", local="広島大学", abbrev="Hiroshima Univ",
       units=("Research Institute for Nanodevices",)),
    _i("naist", "Nara Institute of Science and Technology", "JP", "education", "Ikoma", "630-0192",
       ror="05bhada84", local="奈良先端科学技術大学院大学", abbrev="Nara Inst Sci & Technol",
       units=("Division of Materials Science",)),
    _i("hitachi", "Hitachi (Japan)", "JP", "company", "Kokubunji, Tokyo", "185-8601",
       ror="02exqgm79", local="日立製作所", units=("Research & Development Group",)),
    _i("fujitsu", "Fujitsu (Japan)", "JP", "company", "Kawasaki", "211-8588", ror="038e2g226",
       local="富士通株式会社", units=("Fujitsu Research",)),
    _i("toshiba", "Toshiba", "JP", "company", "Kawasaki", "212-8582", openalex="I1292669757",
       ror="0326v3z14", units=("Corporate Research & Development Center",)),
    _i("sss", "Sony Semiconductor Solutions Corporation (Japan)", "JP", "company",
       "Atsugi", "243-0014", ror="01xjq1e85", units=("Research Division",)),
    _i("kioxia", "KIOXIA Corporation (Japan)", "JP", "company", "Yokohama", "247-8585",
       ror="03ac4tk02", units=("Institute of Memory Technology Research and Development",)),
    _i("tudelft", "Delft University of Technology", "NL", "education", "Delft", "2628 CJ",
       openalex="I98358874", ror="02e2c7k09", abbrev="Delft Univ Technol",
       units=("QuTech", "Kavli Institute of Nanoscience", "Department of Microelectronics")),
    _i("utwente", "University of Twente", "NL", "education", "Enschede", "7500 AE",
       openalex="I94624287", ror="006hf6230", abbrev="Univ Twente",
       units=("MESA+ Institute", "Faculty of Science and Technology")),
    _i("tue", "Eindhoven University of Technology", "NL", "education", "Eindhoven", "5600 MB",
       openalex="I83019370", ror="02c2kyt77", abbrev="Eindhoven Univ Technol",
       units=(
           "Department of Applied Physics and Science Education",
           "Department of Electrical Engineering",
       )),
    _i("uva", "University of Amsterdam", "NL", "education", "Amsterdam", "1098 XH",
       openalex="I887064364", ror="04dkp9463", abbrev="Univ Amsterdam",
       units=("Institute of Physics", "QuSoft")),
    _i("radboud", "Radboud University Nijmegen", "NL", "education", "Nijmegen", "6525 AJ",
       openalex="I145872427", ror="016xsfp80", abbrev="Radboud Univ Nijmegen",
       units=("High Field Magnet Laboratory", "Institute for Molecules and Materials")),
    _i("groningen", "University of Groningen", "NL", "education", "Groningen", "9747 AG",
       openalex="I169381384", abbrev="Univ Groningen",
       units=("Zernike Institute for Advanced Materials",)),
    _i("leuven", "KU Leuven", "BE", "education", "Leuven", "3001", openalex="I99464096",
       ror="05f950310", abbrev="Katholieke Univ Leuven",
       units=(
           "Department of Electrical Engineering (ESAT)",
           "Department of Physics and Astronomy",
       )),
    _i("ghent", "Ghent University", "BE", "education", "Ghent", "9052", openalex="I32597200",
       ror="00cv9y106", abbrev="Univ Ghent", units=("Photonics Research Group",)),
    _i("eth", "ETH Zurich", "CH", "education", "Zurich", "8093", openalex="I35440088",
       ror="05a28rw58", abbrev="Swiss Fed Inst Technol",
       units=("Department of Physics", "Integrated Systems Laboratory")),
    _i("psi", "Paul Scherrer Institute", "CH", "facility", "Villigen", "5232",
       openalex="I2802229908", ror="03eh3y714", abbrev="Paul Scherrer Inst",
       units=("Laboratory for Micro and Nanotechnology",)),
    _i("juelich", "Forschungszentrum Jülich", "DE", "facility", "Jülich", "52425",
       openalex="I171892758", ror="02nv7yv05", abbrev="Forschungszentrum Julich",
       units=("Peter Grünberg Institute (PGI-9)",)),
    _i("kit", "Karlsruhe Institute of Technology", "DE", "education", "Karlsruhe", "76131",
       openalex="I102335020", ror="04t3en479", abbrev="Karlsruhe Inst Technol",
       units=("Institute of Nanotechnology",)),
    _i("tum", "Technical University of Munich", "DE", "education", "Garching", "85748",
       openalex="I62916508", ror="02kkvpp62", abbrev="Tech Univ Munich",
       units=("Walter Schottky Institute",)),
    _i("rwth", "RWTH Aachen University", "DE", "education", "Aachen", "52074",
       openalex="I887968799", ror="04xfq0f34", abbrev="Rhein Westfal TH Aachen",
       units=("JARA-FIT Institute for Quantum Information",)),
    _i("infineon", "Infineon Technologies", "DE", "company", "Neubiberg", "85579",
       openalex="I137594350", ror="005kw6t15", units=("Power Semiconductor Research",)),
    _i("chalmers", "Chalmers University of Technology", "SE", "education", "Gothenburg", "412 96",
       openalex="I66862912", ror="040wg7k59", abbrev="Chalmers Univ Technol",
       units=("Department of Microtechnology and Nanoscience",)),
    _i("kth", "Royal Institute of Technology", "SE", "education", "Stockholm", "100 44",
       openalex="I86987016", ror="026vcq606", abbrev="KTH Royal Inst Technol",
       units=("School of Engineering Sciences",)),
    _i("dtu", "Technical University of Denmark", "DK", "education", "Kongens Lyngby", "2800",
       openalex="I96673099", ror="04qtj9h94", abbrev="Tech Univ Denmark", units=("DTU Electro",)),
    _i("copenhagen", "University of Copenhagen", "DK", "education", "Copenhagen", "2100",
       openalex="I124055696", ror="035b05819", abbrev="Univ Copenhagen",
       units=("Niels Bohr Institute",)),
    _i("grenoble", "Grenoble Alpes University", "FR", "education", "Grenoble", "38000",
       openalex="I899635006", ror="02rx3b187", abbrev="Univ Grenoble Alpes", units=("CEA-Leti",)),
    _i("polimi", "Politecnico di Milano", "IT", "education", "Milan", "20133",
       openalex="I93860229", ror="01nffqt88", abbrev="Politecn Milan",
       units=("Dipartimento di Fisica",)),
    _i("innsbruck", "Universität Innsbruck", "AT", "education", "Innsbruck", "6020",
       openalex="I190249584", ror="054pv6659", abbrev="Univ Innsbruck",
       units=("Institut für Experimentalphysik",)),
    _i("cambridge", "University of Cambridge", "GB", "education", "Cambridge", "CB3 0HE",
       openalex="I241749", ror="013meh722", abbrev="Univ Cambridge",
       units=("Cavendish Laboratory",)),
    _i("oxford", "University of Oxford", "GB", "education", "Oxford", "OX1 3PU",
       openalex="I40120149", ror="052gg0110", abbrev="Univ Oxford",
       units=("Department of Materials", "Clarendon Laboratory")),
    _i("ucl", "University College London", "GB", "education", "London", "WC1H 0AH",
       openalex="I45129253", ror="02jx3x895", abbrev="UCL",
       units=("London Centre for Nanotechnology",)),
    _i("mit", "Massachusetts Institute of Technology", "US", "education", "Cambridge, MA", "02139",
       openalex="I63966007", ror="042nb2s44", abbrev="MIT",
       units=(
           "Research Laboratory of Electronics",
           "Department of Electrical Engineering and Computer Science",
       )),
    _i("harvard", "Harvard University", "US", "education", "Cambridge, MA", "02138",
       openalex="I136199984", ror="03vek6s52", abbrev="Harvard Univ",
       units=(
           "Department of Physics",
           "John A. Paulson School of Engineering and Applied Sciences",
       )),
    _i("princeton", "Princeton University", "US", "education", "Princeton, NJ", "08544",
       openalex="I20089843", ror="00hx57361", abbrev="Princeton Univ",
       units=("Department of Electrical and Computer Engineering",)),
    _i("purdue", "Purdue University West Lafayette", "US", "education",
       "West Lafayette, IN", "47907", openalex="I219193219", ror="02dqehb95", abbrev="Purdue Univ",
       units=(
           "Elmore Family School of Electrical and Computer Engineering",
           "Birck Nanotechnology Center",
       )),
    _i("gatech", "Georgia Institute of Technology", "US", "education", "Atlanta, GA", "30332",
       openalex="I130701444", ror="01zkghx44", abbrev="Georgia Inst Technol",
       units=("School of Electrical and Computer Engineering",)),
    _i("columbia", "Columbia University", "US", "education", "New York, NY", "10027",
       openalex="I78577930", ror="00hj8s172", abbrev="Columbia Univ",
       units=("Department of Applied Physics and Applied Mathematics",)),
    _i("ibm", "IBM Research - Thomas J. Watson Research Center", "US", "facility",
       "Yorktown Heights, NY", "10598", openalex="I4210114115", ror="0265w5591",
       units=("IBM Quantum",)),
    _i("intel", "Intel", "US", "company", "Hillsboro, OR", "97124", openalex="I1343180700",
       ror="01ek73717", units=("Components Research",)),
    _i("argonne", "Argonne National Laboratory", "US", "facility", "Lemont, IL", "60439",
       openalex="I1282105669", ror="05gvnxz63", abbrev="Argonne Natl Lab",
       units=("Center for Nanoscale Materials",)),
    _i("ornl", "Oak Ridge National Laboratory", "US", "facility", "Oak Ridge, TN", "37831",
       openalex="I1289243028", ror="01qz5mb56", abbrev="Oak Ridge Natl Lab",
       units=("Center for Nanophase Materials Sciences",)),
]
# fmt: on

#: Every institution of the demo, by key.
INSTITUTIONS: dict[str, Inst] = {i.key: i for i in (*_LISTED, *_NEAR_MISS, *_OTHER)}


def listed_keys() -> frozenset[str]:
    """Keys of the institutions that are on a shipped list."""
    return frozenset(k for k, i in INSTITUTIONS.items() if i.listed)
