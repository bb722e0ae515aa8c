"""Offline postcode lookup. INTERFACE STUB: the postcodes work replaces the body."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    postcode: str
    latitude: float
    longitude: float
    precision: str  # "postcode", "sector" or "district"; approximate unless "postcode"
    source: str


def lookup(postcode):
    """The best-known centroid for a full postcode, sector or district; None when unknown."""
    return None


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres."""
    import math

    r = 6_371_000
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))
