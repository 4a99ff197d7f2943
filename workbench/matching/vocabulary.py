"""Word tables of the comparison form: abbreviations, stop words, generic words.

Bibliographic databases abbreviate organisation words the way Web of Science
does (``Harbin Inst Technol``, ``Natl Univ Def Technol``). :data:`CANONICAL`
maps those abbreviations, British spellings and plurals to one comparison
token, so list names and affiliations meet whatever the spelling.
:data:`GENERIC` lists the words that say *what kind* of organisation something
is, not *which* one: a name made only of them ("Institute of Technical
Physics", "National Defense Academy") is weak evidence on its own.

Legal forms come from rigour's organisation-type table (``org_types.yml`` in
this package, MIT, copied from opensanctions/rigour): see :func:`legal_forms`.

Examples
--------
>>> CANONICAL["technol"], CANONICAL["univ"], CANONICAL["sciences"]
('technology', 'university', 'science')
>>> "of" in STOPWORDS, "institute" in GENERIC
(True, True)
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words left out of the comparison form (bibliographic abbreviations drop them too).
STOPWORDS: frozenset[str] = frozenset(
    _words("of the and for at in on to a an by with de du des la le les der die das und di del")
    | {"della", "y", "e", "et"}
)

#: Words after which a name goes on into a longer, different name
#: ("Tehran University *of* Medical Sciences").
LINK_WORDS: frozenset[str] = frozenset({"of", "for"})

_VARIANTS: dict[str, tuple[str, ...]] = {
    # canonical: abbreviations and spellings that mean it
    "university": (
        *("univ", "universities", "universiteit", "universitat", "universite", "uni"),
        *("univer", "univers", "universitet", "universiteta", "universiti", "universitas"),
        *("universita", "universidad", "universidade", "uniwersytet"),
    ),
    "institute": ("inst", "institutes", "institution", "instituut", "institut", "instit"),
    "technology": ("technol", "tech", "technologies", "technological", "techn"),
    "national": ("natl",),
    "academy": ("acad", "academia", "academies"),
    "science": ("sci", "sciences", "scientific"),
    "engineering": ("engn", "eng", "engineer"),
    "defense": ("def", "defence", "defensive"),
    "aeronautics": ("aeronaut", "aeronautical", "aeronautic"),
    "astronautics": ("astronaut", "astronautical", "astronautic"),
    "polytechnic": (
        *("polytech", "polytechnical", "polytechnique", "politecnico", "polytechn"),
        *("politech", "politechnic", "politechnical", "polytechnica", "polytechnika"),
        *("politecnica", "politechnika", "polytechnics", "polytekhnichesky"),
    ),
    "technical": (
        *("technische", "technischen", "technisch", "tecnica", "tecnico", "technicky"),
        *("tekhnicheskiy", "tekhnicheskii", "tekhnichesky"),
    ),
    "physics": ("phys", "physical"),
    "research": ("res", "researches"),
    "center": ("ctr", "centre", "cent", "centers", "centres", "cntr"),
    "laboratory": ("lab", "labs", "laboratories", "labo"),
    "college": ("coll", "colleges"),
    "department": ("dept", "dep", "departments"),
    "electronic": (
        "elect",
        "electr",
        "electronics",
        "electrical",
        "electric",
        "elec",
        "electron",
    ),
    "mechanical": ("mech", "mechanics", "mechanic"),
    "chemical": ("chem", "chemistry", "chemicals"),
    "information": ("informat", "informatics", "inform", "info"),
    "communication": ("commun", "communications", "telecommun"),
    "aerospace": ("aerosp",),
    "nuclear": ("nucl",),
    "material": ("mat", "mater", "materials"),
    "applied": ("appl",),
    "mathematics": ("math", "maths", "mathematical"),
    "computer": ("comp", "comput", "computing", "computers", "computational", "computat"),
    "china": ("chinese",),
    "environment": ("environm", "environmental"),
    "biology": ("biol", "biological"),
    "medicine": ("med", "medical"),
    "hospital": ("hosp", "hospitals"),
    "ministry": ("minist",),
    "corporation": ("corp", "corpn"),
    "company": ("co", "cos", "companies", "compnay"),
    "group": ("grp", "groups"),
    "industry": ("ind", "industrial", "industries", "indust"),
    "school": ("sch", "schools"),
    "faculty": ("fac",),
    "division": ("div",),
    "graduate": ("grad",),
    "automation": ("automat",),
    "astronomy": ("astron",),
    "optics": ("opt", "optical"),
    "optoelectronic": ("optoelect", "optoelectronics"),
    "microelectronic": ("microelect", "microelectronics"),
    "advanced": ("adv", "advance"),
    "military": ("mil",),
    "agriculture": ("agr", "agricultural"),
    "international": ("int", "intl"),
    "system": ("syst", "systems"),
    "key": (),
    "state": (),
    "limited": ("ltd", "limted", "lmtd"),
    "development": ("devel",),
    "manufacturing": ("mfg", "manufacture"),
    "machinery": ("mach", "machine", "machines"),
    "energy": ("energ",),
    "power": (),
    "trading": ("trade",),
    "export": ("exports",),
    "import": ("imports",),
    "measurement": ("meas",),
    "control": ("contr", "controls"),
    "navigation": ("navig",),
    "instrument": ("instrum", "instruments", "instrumentation"),
    "composite": ("compos", "composites"),
    "propulsion": ("propuls",),
}

#: token -> comparison token (abbreviations, spellings, plurals).
CANONICAL: dict[str, str] = {
    variant: canonical for canonical, variants in _VARIANTS.items() for variant in variants
}

#: Comparison tokens that describe a kind of organisation or a field, not one organisation.
GENERIC: frozenset[str] = frozenset(
    {
        *_VARIANTS,
        *_words(
            """
        academy agency association authority board bureau branch campus center centre chamber
        college commission committee consortium corporation council department directorate
        enterprise establishment factory federation firm foundation fund group holding hospital
        institute laboratory league ministry office organization organisation plant program
        programme project school service society station team trust union university unit works
        company limited joint stock public private scientific higher technical vocational
        national state federal central regional provincial municipal city people peoples
        general special first second third fourth fifth sixth seventh eighth ninth tenth
        middle new old main great greater royal imperial islamic catholic free open joint united
        applied basic natural life health food agriculture fine heavy light high low
        science technology engineering research development study studies education training
        physics chemistry chemical biology mathematics computer information communication
        electronic mechanical material materials energy power nuclear space aerospace aviation
        aeronautics astronautics marine ocean earth environment medicine medical pharmacy
        defense security military navy army force police strategic weapon weapons missile
        industry industrial trading trade import export commerce commercial economic economics
        manufacturing machinery equipment instrument instruments design testing test
        measurement control automation optics laser radio radar electronics software data
        systems system network networks innovation technologies sciences academic
        polytechnic technological institution foundation management business finance
        international global world china chinese iran iranian russia russian korea korean
        experimental theoretical fundamental molecular structural computational modern
        opto photonics semiconductor microwave precision electromechanical info
        """
        ),
    }
)

#: Words that, written right before a listed name, make it a different, longer
#: name ("*National* Sun Yat-sen University", "*North* Tehran University").
EXTENDING_PREFIXES: frozenset[str] = frozenset(
    _words(
        """
    national state federal royal imperial international islamic catholic medical technical
    north south east west northern southern eastern western northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern central new higher free
    open joint military normal agricultural
    """
    )
)


#: Fields that, written right after a listed name in the same part of the string, make
#: it a longer, different name in the abbreviated style of bibliographic databases,
#: which drop the "of" ("Univ Tehran *Med Sci*" is Tehran University of Medical Sciences).
EXTENDING_SUFFIXES: frozenset[str] = frozenset(
    _words("medicine pharmacy pharmaceutical nursing dentistry dental health rehabilitation")
    | {"welfare"}
)


def canonical(token: str) -> str:
    """The comparison token for one lower-case token.

    Examples
    --------
    >>> canonical("natl"), canonical("harbin")
    ('national', 'harbin')
    """
    return CANONICAL.get(token, token)


@cache
def legal_forms() -> tuple[str, ...]:
    """Every legal-form spelling in rigour's organisation-type table.

    Examples
    --------
    >>> forms = legal_forms()
    >>> "Co., Ltd." in forms or "co., ltd." in forms, "有限公司" in forms
    (True, True)
    """
    text = resources.files(__package__).joinpath("org_types.yml").read_text(encoding="utf-8")
    types = yaml.safe_load(text)["types"]
    found: dict[str, None] = {}
    for entry in types:
        for form in (entry.get("display"), entry.get("compare"), *entry.get("aliases", ())):
            if form:
                found[str(form)] = None
    return tuple(found)
