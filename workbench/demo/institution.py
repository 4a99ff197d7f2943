"""One real institution of the demo (:class:`Inst`), the ways authors write it, and the
departments and country names the demo addresses use."""

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


def inst(
    key: str, name: str, country: str, kind: str, city: str, postcode: str, **kw: object
) -> Inst:
    return Inst(key, name, country, kind, city, postcode, **kw)  # type: ignore[arg-type]


# fmt: off
CN_UNITS = (
    "School of Physics", "School of Microelectronics",
    "School of Materials Science and Engineering", "School of Electronic Information Engineering",
    "State Key Laboratory of Integrated Optoelectronics",
)
CN_LOCAL_UNITS = ("物理学院", "微电子学院", "材料科学与工程学院", "电子信息工程学院")
JP_UNITS = (
    "Graduate School of Engineering", "Department of Applied Physics",
    "Research Institute of Electrical Communication", "Department of Electrical Engineering",
    "Center for Quantum Information and Quantum Biology",
)
JP_LOCAL_UNITS = ("大学院工学研究科", "応用物理学専攻", "電気電子工学科")
IR_UNITS = (
    "Department of Electrical Engineering", "Department of Physics", "Faculty of Materials",
)
EN_UNITS = (
    "Department of Physics", "Department of Electrical Engineering", "Materials Department",
)
MED_UNITS = (
    "School of Medicine", "Research Center for Biomedical Engineering", "Faculty of Medicine",
)
# fmt: on
