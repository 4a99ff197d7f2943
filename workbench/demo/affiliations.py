"""How authors write an institution: the styles of real affiliation strings.

Examples
--------
>>> from workbench.demo.institutions import INSTITUTIONS
>>> hit = INSTITUTIONS["hit"]
>>> write(hit, "full", "School of Physics")
'School of Physics, Harbin Institute of Technology, Harbin 150001, China'
>>> write(hit, "wos", "School of Physics")
'Harbin Inst Technol, Harbin 150001, Peoples R China'
>>> write(hit, "local", "物理学院")
'哈尔滨工业大学 物理学院, 哈尔滨 150001'
>>> write(hit, "campus", "School of Physics", campus=hit.campuses[0])
'School of Physics, Harbin Institute of Technology, Shenzhen, Shenzhen 518055, China'
"""

from __future__ import annotations

import random

from workbench.demo.institutions import COUNTRY_NAMES, Inst

#: style -> weight, when the institution supports the style
STYLE_WEIGHTS: dict[str, float] = {
    "full": 0.5,
    "short": 0.14,
    "wos": 0.18,
    "local": 0.12,
    "campus": 0.06,
}


def styles_of(inst: Inst) -> list[str]:
    styles = ["full", "short"]
    if inst.abbrev:
        styles.append("wos")
    if inst.local and inst.local_city:
        styles.append("local")
    if inst.campuses:
        styles.append("campus")
    return styles


def pick_style(inst: Inst, rng: random.Random) -> str:
    styles = styles_of(inst)
    return rng.choices(styles, weights=[STYLE_WEIGHTS[s] for s in styles])[0]


def write(inst: Inst, style: str, unit: str, campus: tuple[str, str, str] | None = None) -> str:
    """One affiliation string of ``inst`` in ``style`` (``unit`` is the department)."""
    country, wos_country = COUNTRY_NAMES.get(inst.country, (inst.country, inst.country))
    city, postcode = inst.city, inst.postcode
    if style == "short":
        return f"{inst.name}, {city.split(', ')[0]}, {country}"
    if style == "wos":
        return f"{inst.abbrev}, {city.split(', ')[0]} {postcode}, {wos_country}"
    if style == "local":
        return f"{inst.local} {unit}".strip() + f", {inst.local_city} {postcode}"
    if style == "campus" and campus:
        name, ccity, cpost = campus
        return f"{unit}, {inst.name}, {name}, {ccity} {cpost}, {country}"
    where = f"{city}, {postcode}" if inst.country == "US" else f"{city} {postcode}"
    return (
        f"{unit}, {inst.name}, {where}, {country}" if unit else f"{inst.name}, {where}, {country}"
    )


def affiliation(inst: Inst, rng: random.Random, style: str | None = None) -> tuple[str, str]:
    """A random affiliation string of ``inst``; returns ``(style, text)``."""
    style = style if style in styles_of(inst) else pick_style(inst, rng)
    if style == "local":
        unit = rng.choice(inst.local_units) if inst.local_units else ""
        return style, write(inst, style, unit)
    unit = rng.choice(inst.units) if inst.units else ""
    campus = rng.choice(inst.campuses) if style == "campus" else None
    return style, write(inst, style, unit, campus)
