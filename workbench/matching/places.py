"""Which countries an affiliation string names: country names, demonyms and major cities.

Country agreement is what separates Harbin's "HIT" from Holon's, and the
North Korean "National Defense Academy" from Japan's. The table is small on
purpose: countries on the screening lists, their main cities, and the
countries whose institutions most often collide with listed ones.

Examples
--------
>>> sorted(countries_in(["school", "computer", "xian", "china"]))
['CN']
>>> country_code("Islamic Republic of Iran"), country_code("CN"), country_code("North Korea")
('IR', 'CN', 'KP')
>>> sorted(countries_in(["yokosuka", "kanagawa"])), sorted(countries_in(["北", "京"]))
(['JP'], ['CN'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.matching.normalize import join_words, tokenize

_PLACES: dict[str, str] = {
    "CN": """china;chinese;prc;p r china;pr china;peoples republic china;mainland china;
        beijing;peking;shanghai;tianjin;chongqing;harbin;changsha;xian;chengdu;nanjing;
        wuhan;guangzhou;shenzhen;hangzhou;hefei;shenyang;dalian;changchun;jinan;qingdao;
        zhengzhou;taiyuan;kunming;lanzhou;mianyang;xiamen;fuzhou;suzhou;wuxi;ningbo;
        guilin;nanchang;guiyang;nanning;haikou;hohhot;urumqi;lhasa;xining;yinchuan;
        shijiazhuang;baotou;dandong;zibo;weihai;yantai;changzhou;zhuhai;dongguan;
        foshan;luoyang;baoding;handan;tangshan;zhenjiang;yangzhou;heilongjiang;jilin;
        liaoning;hebei;henan;hubei;hunan;shandong;shanxi;shaanxi;jiangsu;zhejiang;anhui;
        fujian;jiangxi;guangdong;guangxi;sichuan;guizhou;yunnan;gansu;qinghai;hainan;
        xinjiang;tibet;ningxia;inner mongolia;中国;中华人民共和国;北京;上海;天津;重庆;哈尔滨;
        长沙;西安;成都;南京;武汉;广州;深圳;杭州;合肥;沈阳;大连;长春;济南;青岛;绵阳;
        黑龙江;陕西;四川;江苏;湖南;湖北;广东;辽宁""",
    "HK": "hong kong;hongkong;kowloon;香港",
    "MO": "macau;macao;澳门",
    "TW": "taiwan;taipei;hsinchu;kaohsiung;tainan;taichung;taoyuan;台湾;台北",
    "IR": """iran;iranian;islamic republic iran;tehran;teheran;isfahan;esfahan;shiraz;
        tabriz;mashhad;karaj;qom;ahvaz;kerman;yazd;rasht;hamadan;zanjan;kashan;arak""",
    "KP": """north korea;dprk;dpr korea;d p r korea;democratic peoples republic korea;
        pyongyang;hamhung;
        chongjin;kanggye;朝鲜;平壤""",
    "KR": """south korea;republic korea;seoul;daejeon;busan;pusan;incheon;daegu;
        gwangju;suwon;pohang;ulsan;한국;서울""",
    "RU": """russia;russian federation;russian;moscow;st petersburg;saint petersburg;
        novosibirsk;yekaterinburg;ekaterinburg;kazan;nizhny novgorod;samara;tomsk;
        chelyabinsk;sarov;snezhinsk;dubna;tula;omsk;perm;voronezh;krasnoyarsk""",
    "PK": "pakistan;islamabad;lahore;karachi;rawalpindi;peshawar;kahuta;faisalabad",
    "SY": "syria;syrian arab republic;damascus;aleppo",
    "AE": "united arab emirates;uae;dubai;abu dhabi;sharjah",
    "BY": "belarus;minsk",
    "JP": """japan;japanese;tokyo;osaka;kyoto;sendai;nagoya;fukuoka;sapporo;tsukuba;
        yokohama;kobe;hiroshima;yokosuka;kanagawa;chiba;saitama;hokkaido;okayama;
        kanazawa;niigata;kumamoto;nagasaki;kagoshima;okinawa;hyogo;ibaraki;aichi;
        nara;shizuoka;gifu;mie;kitakyushu;hachioji;日本;东京;大阪;京都;名古屋;横须贺""",
    "NL": """netherlands;the netherlands;holland;amsterdam;delft;eindhoven;utrecht;leiden;
        groningen;rotterdam;nijmegen;enschede;twente;wageningen;maastricht;tilburg""",
    "IL": "israel;holon;haifa;tel aviv;jerusalem;rehovot;beer sheva;beersheba",
    "TH": "thailand;bangkok;nakhon ratchasima;chiang mai;khon kaen",
    "PL": "poland;gliwice;warsaw;krakow;wroclaw;gdansk;poznan;lodz",
    "US": """usa;united states;united states america;u s a;california;massachusetts;
        new york;texas;boston;cambridge ma;chicago;los angeles;pasadena;washington dc""",
    "GB": "united kingdom;uk;england;scotland;wales;london;oxford;manchester;edinburgh",
    "DE": "germany;deutschland;berlin;munich;munchen;aachen;dresden;stuttgart;karlsruhe",
    "FR": "france;paris;lyon;grenoble;toulouse;marseille",
    "IN": "india;new delhi;delhi;mumbai;bangalore;bengaluru;chennai;kolkata;hyderabad",
    "EG": "egypt;cairo;alexandria",
    "LB": "lebanon;beirut",
    "AF": "afghanistan;kabul",
    "IQ": "iraq;baghdad",
    "TR": "turkey;turkiye;istanbul;ankara;izmir",
    "MY": "malaysia;kuala lumpur;penang;skudai;johor",
    "SG": "singapore",
    "AU": "australia;new south wales;sydney;melbourne;brisbane;canberra;perth",
    "CA": "canada;toronto;montreal;vancouver;ottawa",
    "IT": "italy;italia;milan;milano;rome;roma;turin;torino",
    "ES": "spain;espana;madrid;barcelona",
    "VN": "vietnam;viet nam;hanoi;ho chi minh",
    "SA": "saudi arabia;riyadh;jeddah;dhahran",
}

#: comparison form of a place -> ISO 3166 alpha-2
PLACES: dict[str, str] = {}
for _code, _names in _PLACES.items():
    for _name in _names.split(";"):
        _key = join_words(tokenize(_name.strip()).words)
        if _key:
            PLACES.setdefault(_key, _code)
#: ISO codes: two letters count only as a string's last word, and not those that are also
#: states' or provinces' codes in addresses (CA, IL, IN, DE, SA, …); three letters anywhere.
_ISO_CODES = "cn ir ru kp pk jp nl tw hk sy ae th pl eg lb af iq tr sg au es vn gb fr"
_ISO3_CODES = {
    **{"chn": "CN", "irn": "IR", "rus": "RU", "prk": "KP", "pak": "PK", "jpn": "JP"},
    **{"nld": "NL", "twn": "TW", "syr": "SY", "blr": "BY", "deu": "DE", "gbr": "GB"},
}
PLACES.update({code: code.upper() for code in _ISO_CODES.split()} | _ISO3_CODES)
_CJK_PLACES = {k: v for k, v in PLACES.items() if not k.isascii()}
#: first word of a place of several words -> most words of those places
_STARTS: dict[str, int] = {}
for _key in PLACES:
    _parts = _key.split()
    if len(_parts) > 1 and _parts[0].isascii():
        _STARTS[_parts[0]] = max(_STARTS.get(_parts[0], 1), len(_parts))

#: Words that are a place, or begin the name of one
_PLACE_WORDS = frozenset(k for k in PLACES if " " not in k) | frozenset(_STARTS)

#: ISO codes written by lists as a bare code; only whole-field values count.
_BARE_CODES = frozenset(_PLACES) | {"KP", "KR"}


def countries_in(words: Sequence[str]) -> set[str]:
    """ISO codes of the places named in a sequence of comparison tokens.

    Two-letter tokens ("cn", "ir") count only as the last token, where
    addresses write country codes.
    """
    found: set[str] = set()
    n = len(words)
    get, starts, place_words = PLACES.get, _STARTS, _PLACE_WORDS
    after = 0  # the first word not yet part of a place found
    for i in [i for i, w in enumerate(words) if w in place_words]:  # few words are places
        if i < after:
            continue
        w = words[i]
        longest = starts.get(w)
        if longest is not None:  # longest name first
            for size in range(min(longest, n - i), 1, -1):
                code = get(" ".join(words[i : i + size]))
                if code is not None:
                    found.add(code)
                    after = i + size
                    break
            if i < after:
                continue
        code = get(w)
        if code is not None and (len(w) > 2 or i == n - 1):
            found.add(code)
    if _CJK_PLACES and not "".join(words).isascii():  # CJK characters: looked up as a run
        run = "".join(w for w in words if len(w) == 1 and not w.isascii())
        if run:
            found.update(code for name, code in _CJK_PLACES.items() if name in run)
    return found


#: Postcodes written the way one country writes them, before or after the town.
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM"
    "|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
_DIGIT = re.compile(r"\d")
_POSTCODES = (
    ("US", re.compile(rf"\b(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b")),
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}\b")),
    ("CA", re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[A-Z]\s\d[A-Z]\d\b")),
    ("NL", re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b(?![-\d])")),
    ("JP", re.compile(r"〒\s*\d{3}-?\d{4}|\b\d{3}-\d{4}\b(?!-)")),
)


def postcode_countries(text: str) -> set[str]:
    """ISO codes of the countries whose postcode formats ``text`` writes.

    Only formats no other country on the lists writes alike: a US state and
    ZIP code, British, Canadian and Dutch postcodes (letters in capitals), a
    Japanese 〒 or ``NNN-NNNN``. Six-digit codes (China, Russia, India) are
    left alone: their countries are named anyway.

    Examples
    --------
    >>> sorted(postcode_countries("Fremont, CA 94539, Northwestern Polytechnic University"))
    ['US']
    >>> sorted(postcode_countries("Yokosuka 239-8686; 2628 CD Delft; Macclesfield SK10 2TG"))
    ['GB', 'JP', 'NL']
    >>> postcode_countries("Xi'an 710072, China; Tehran 14115-111; ISBN 978-4-1234")
    set()
    """
    if _DIGIT.search(text) is None:
        return set()
    return {code for code, pattern in _POSTCODES if pattern.search(text)}


def country_code(value: str | None) -> str | None:
    """The ISO code of a country as a list writes it (a code or an English name)."""
    if not value:
        return None
    text = value.strip()
    if len(text) == 2 and text.isalpha() and text.upper() in _BARE_CODES:
        return text.upper()
    words = tokenize(text).words
    key = join_words(words)
    if key in PLACES:
        return PLACES[key]
    found = countries_in(words)
    return found.pop() if len(found) == 1 else None


def declared_country(value: str | None) -> str | None:
    """The ISO code of a declared country: a two-letter code, or a name :func:`country_code` knows.

    Examples
    --------
    >>> [declared_country(c) for c in ("jp", "Japan", "FI", "", None)]
    ['JP', 'JP', 'FI', None, None]
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    return country_code(text)
