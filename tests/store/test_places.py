"""``--near`` resolution: coordinates or gazetteer names, never a guess."""

from __future__ import annotations

import pytest

from hadath.dedup import haversine_km
from hadath.errors import UsageError
from hadath.store.places import resolve_near


@pytest.mark.parametrize(
    ("value", "lat", "lon"),
    [
        ("35.1,40.2", 35.1, 40.2),
        (" 35.1 , 40.2 ", 35.1, 40.2),
        ("تدمر", 34.56, 38.28),  # the city, not the district of the same name
        ("Palmyra", 34.56, 38.28),
        ("الرقة", 35.95, 39.01),
    ],
)
def test_resolve(value: str, lat: float, lon: float) -> None:
    got = resolve_near(value)
    assert haversine_km(got[0], got[1], lat, lon) < 5


@pytest.mark.parametrize("value", ["مكان لا وجود له", "91,40", "x,y,z"])
def test_unknown_is_an_error(value: str) -> None:
    with pytest.raises(UsageError):
        resolve_near(value)
