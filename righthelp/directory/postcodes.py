"""Offline postcode lookup: a full postcode, a sector or a district to the centroid of the best match.

The postcode table holds units (and sector and district means) loaded from the ONS Postcode Directory by
`manage.py load_onspd`; data/postcodes/ ships approximate district centroids for the borough, read once,
for when the table knows nothing better. Nothing here calls out to a network service.
"""

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import transaction

from righthelp.directory.models import Postcode

SHIPPED_FILE = settings.BASE_DIR / "data" / "postcodes" / "tower_hamlets_districts.csv"
EARTH_RADIUS_M = 6_371_000
OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
UNIT = re.compile(rf"({OUTWARD}) ?([0-9][A-Z]{{2}})")
SECTOR = re.compile(rf"({OUTWARD}) ([0-9])")
DISTRICT = re.compile(OUTWARD)
# ONSPD marks a postcode with no grid reference with this latitude (and longitude 0).
ONSPD_NO_LOCATION_LAT = 99.999999
ONSPD_COLUMNS = ("pcds", "doterm", "lat", "long")
LOAD_BATCH_SIZE = 5000


@dataclass(frozen=True)
class Place:
    postcode: str
    latitude: float
    longitude: float
    precision: str  # "postcode", "sector" or "district"; approximate unless "postcode"
    source: str


@dataclass(frozen=True)
class _Candidate:
    key: str  # as stored: unit without its space, sector with it, district as written
    display: str
    precision: str


def lookup(postcode):
    """The best-known centroid for a full postcode, sector or district; None when unknown or not a postcode.

    A full postcode the table does not hold falls back to its sector, then its district.
    """
    candidates = _candidates(postcode)
    stored = {row.postcode: row for row in Postcode.objects.filter(postcode__in=[c.key for c in candidates])}
    for candidate in candidates:
        row = stored.get(candidate.key) or shipped_places().get(candidate.key)
        if row is not None:
            return Place(candidate.display, row.latitude, row.longitude, candidate.precision, row.source)
    return None


def _candidates(postcode):
    """What to look for, most precise first: ("E1 6AN" -> unit, sector, district); [] if not a postcode."""
    text = " ".join(str(postcode or "").upper().split())
    if unit := UNIT.fullmatch(text):
        outward, inward = unit.groups()
        return [
            _Candidate(outward + inward, f"{outward} {inward}", "postcode"),
            *_candidates(f"{outward} {inward[0]}"),
        ]
    if sector := SECTOR.fullmatch(text):
        return [_Candidate(text, text, "sector"), _Candidate(sector[1], sector[1], "district")]
    if DISTRICT.fullmatch(text):
        return [_Candidate(text, text, "district")]
    return []


@lru_cache(maxsize=1)
def shipped_places():
    """{district or sector: unsaved Postcode} from the file shipped in data/postcodes/."""
    with SHIPPED_FILE.open(encoding="utf-8", newline="") as file:
        return {
            row["postcode_prefix"]: Postcode(
                postcode=row["postcode_prefix"],
                kind=row["kind"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                precision=row["precision"],
                source=row["source"],
            )
            for row in csv.DictReader(file)
        }


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres (haversine on a sphere: within 0.5% of the true distance)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@transaction.atomic
def load_onspd(lines, *, source, areas=()):
    """Load the live, located units of an ONS Postcode Directory CSV, and the mean centroid of each of
    their sectors and districts; a terminated or unlocated unit already held is removed. Idempotent.

    `areas` keeps only postcodes whose area ("E") or district ("E1W") is listed. Returns (loaded, removed).
    Raises ValueError naming any missing column; then nothing changes.
    """
    reader = csv.DictReader(lines)
    columns = {name.strip().lower(): name for name in reader.fieldnames or ()}
    missing = [name for name in ONSPD_COLUMNS if name not in columns]
    if missing:
        raise ValueError(f"Not an ONS Postcode Directory CSV: missing column(s) {', '.join(missing)}")
    wanted = {area.strip().upper() for area in areas}
    live, gone, means = [], [], defaultdict(lambda: [0.0, 0.0, 0])
    loaded = removed = 0
    for row in reader:
        unit = UNIT.fullmatch(" ".join(row[columns["pcds"]].upper().split()))
        if unit is None or (wanted and not wanted & _areas_of(unit[1])):
            continue
        key = unit[1] + unit[2]
        location = _location(row[columns["lat"]], row[columns["long"]])
        if row[columns["doterm"]].strip() or location is None:
            gone.append(key)
        else:
            live.append(
                Postcode(postcode=key, kind=Postcode.Kind.UNIT, latitude=location[0], longitude=location[1])
            )
            for group in (f"{unit[1]} {unit[2][0]}", unit[1]):
                _add_to_mean(means[group], location)
        if len(live) >= LOAD_BATCH_SIZE:
            loaded += _save(live, "unit centroid", source)
        if len(gone) >= LOAD_BATCH_SIZE:
            removed += _remove(gone)
    loaded += _save(live, "unit centroid", source)
    removed += _remove(gone)
    _save_means(means, source)
    return loaded, removed


def _areas_of(outward):
    return {outward, re.match("[A-Z]+", outward)[0]}


def _location(lat, long):
    try:
        latitude, longitude = float(lat), float(long)
    except ValueError:
        return None
    if abs(latitude - ONSPD_NO_LOCATION_LAT) < 1e-6 or not (
        -90 <= latitude <= 90 and -180 <= longitude <= 180
    ):
        return None
    return latitude, longitude


def _add_to_mean(mean, location):
    mean[0] += location[0]
    mean[1] += location[1]
    mean[2] += 1


def _save(rows, precision, source):
    for row in rows:
        row.precision, row.source = precision, source
    Postcode.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["kind", "latitude", "longitude", "precision", "source"],
    )
    count = len(rows)
    rows.clear()
    return count


def _remove(keys):
    deleted, _ = Postcode.objects.filter(postcode__in=keys, kind=Postcode.Kind.UNIT).delete()
    keys.clear()
    return deleted


def _save_means(means, source):
    rows = [
        Postcode(postcode=key, kind=_kind_of(key), latitude=lat / n, longitude=lon / n)
        for key, (lat, lon, n) in means.items()
    ]
    for start in range(0, len(rows), LOAD_BATCH_SIZE):
        _save(rows[start : start + LOAD_BATCH_SIZE], "mean of its live unit centroids", source)


def _kind_of(group):
    return Postcode.Kind.SECTOR if " " in group else Postcode.Kind.DISTRICT
