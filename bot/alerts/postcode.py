"""UK postcodes as residents type them, and which forum areas cover them.

A forum's ``areas`` are postcode areas ("BR"), districts ("BR6") or sectors
("BR6 7"). A resident gives a full postcode ("br1 3qr", "BR13QR") or part of
one ("BR6", "BR6 7").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The postcode areas of the UK and the Crown dependencies.
AREAS = frozenset(
    re.findall(
        r"[A-Z]+",
        "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
        "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY "
        "L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM "
        "S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN "
        "WR WS WV YO ZE",
    )
)

_FULL = re.compile(r"([A-Z]{1,2})(\d[A-Z\d]?)(\d)([A-Z]{2})")
_SECTOR = re.compile(r"([A-Z]{1,2})(\d[A-Z\d]?) (\d)")
_DISTRICT = re.compile(r"([A-Z]{1,2})(\d[A-Z\d]?)")
_AREA = re.compile(r"[A-Z]{1,2}")


@dataclass(frozen=True)
class Postcode:
    """What a resident gave: always an area, then as much as they wrote."""

    area: str
    district: str | None = None  # the outward code, "BR6"
    sector: str | None = None  # the sector digit, "7"
    unit: str | None = None  # the last two letters, "QR"

    def __str__(self) -> str:
        if self.district is None:
            return self.area
        if self.sector is None:
            return self.district
        return f"{self.district} {self.sector}{self.unit or ''}"


def parse(text: str) -> Postcode | None:
    """A postcode or part of one, or None when it is not one (or its area
    does not exist)."""
    spaced = " ".join(text.upper().split())
    compact = spaced.replace(" ", "")
    full = _FULL.fullmatch(compact)
    if full:
        area, rest, sector, unit = full.groups()
        return _checked(Postcode(area, area + rest, sector, unit))
    sector_match = _SECTOR.fullmatch(spaced)
    if sector_match:
        area, rest, sector = sector_match.groups()
        return _checked(Postcode(area, area + rest, sector))
    district = _DISTRICT.fullmatch(compact)
    if district:
        area, rest = district.groups()
        return _checked(Postcode(area, area + rest))
    if _AREA.fullmatch(compact):
        return _checked(Postcode(compact))
    return None


def _checked(postcode: Postcode) -> Postcode | None:
    return postcode if postcode.area in AREAS else None


def covers(spec: str, postcode: Postcode) -> bool:
    """Whether a forum area ("BR", "BR6", "BR6 7") covers the postcode, or
    part of it when the resident gave only part ("BR6" and a forum on "BR6 7")."""
    wanted = parse(spec)
    if wanted is None or wanted.area != postcode.area:
        return False
    if wanted.district is None or postcode.district is None:
        return True
    if wanted.district != postcode.district:
        return False
    return wanted.sector is None or postcode.sector is None or wanted.sector == postcode.sector
