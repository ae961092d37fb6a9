"""What the gazetteer knows about one place."""

from __future__ import annotations

from dataclasses import dataclass

# geo_precision by feature (gold/README.md): 1 the town, village or site itself; 2 near a
# town, a desert area, a road or a mountain; 3 a governorate, a region or the country.
PRECISION: dict[str, int] = {
    "city": 1,
    "town": 1,
    "locality": 1,
    "neighbourhood": 1,
    "subdistrict": 1,
    "prison": 1,
    "camp": 1,
    "district": 2,
    "mountain": 2,
    "valley": 2,
    "oilfield": 2,
    "airbase": 2,
    "base": 2,
    "desert": 2,
    "countryside": 2,
    "road": 2,
    "governorate": 3,
    "region": 3,
    "country": 3,
    "river": 3,
    "border": 3,
}

# Features that are settlements: a bare name prefers these over administrative units.
SETTLEMENTS: frozenset[str] = frozenset({"city", "town", "locality", "neighbourhood"})


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``site_in`` names the town a site (prison, camp) lies in."""

    id: str
    name_ar: str
    name_en: str
    lat: float
    lon: float
    feature: str
    admin1: str | None
    admin2: str | None
    population: int
    country: str
    precision: int
    site_in: str | None = None
    approx: bool = False
    curated: bool = False  # hand-written in regions.yaml rather than from the gazetteer

    @property
    def is_settlement(self) -> bool:
        return self.feature in SETTLEMENTS or self.feature == "subdistrict"
