"""Where a client is, offline: a US postal code to a point, and great-circle distances.

The client's postal code is the only location an intake holds; its centroid (from the
`zipcodes` package, no network) is close enough to rank services and apply a travel
limit in kilometres. An unknown or foreign code gives None, never an error: the plan
then skips distances and says so.
"""

import functools
import logging
import math
import os
import re
import struct

from intake.paths import data_dir

log = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG), the usual value for great-circle distances

# "59101", "59101-1234" or "591011234"; spaces around are forgiven.
_US_ZIP = re.compile(r"(\d{5})(?:-?\d{4})?")

Point = tuple[float, float]  # (latitude, longitude) in degrees


def point_for_postal_code(code: str | None) -> Point | None:
    """The centroid of a US ZIP code (5-digit or ZIP+4), or None if unknown or not a ZIP."""
    if not code:
        return None
    match = _US_ZIP.fullmatch(code.strip())
    if match is None:
        return None
    return _centroid(match.group(1))


@functools.lru_cache(maxsize=256)
def _centroid(zip5: str) -> Point | None:
    table = _table()
    if table is not None:
        return table.get(zip5)
    return _from_package(zip5)


def _from_package(zip5: str) -> Point | None:
    # Imported here: the package builds its table on first use (~0.25 s).
    import zipcodes

    try:
        rows = zipcodes.matching(zip5)
    except (TypeError, ValueError):  # the package raises ValueError on malformed codes
        return None
    return next((p for p in map(_point_of, rows) if p is not None), None)


def _point_of(row: dict[str, object]) -> Point | None:
    try:
        lat, lon = float(str(row["lat"])), float(str(row["long"]))
    except (KeyError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or (lat == 0 and lon == 0):
        return None
    return (lat, lon)


# --- a compact copy of the package's table -------------------------------------------------
# The `zipcodes` package unpacks all 42,000 codes (~0.25 s) before answering even one
# lookup, which would be most of the time of `intake match`. So the first lookup writes
# the centroids, sorted, as fixed-width records to the user's data folder; later runs
# read that file (~0.5 MB) and search it. Any trouble writing it only costs speed.

_RECORD = struct.Struct("<5sff")  # zip code, latitude, longitude (float32: ~1 m)


class _ZipTable:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.count = len(data) // _RECORD.size

    def get(self, zip5: str) -> Point | None:
        key = zip5.encode("ascii")
        low, high = 0, self.count
        while low < high:
            middle = (low + high) // 2
            code, lat, lon = _RECORD.unpack_from(self.data, middle * _RECORD.size)
            if code < key:
                low = middle + 1
            elif code > key:
                high = middle
            else:
                return (round(lat, 5), round(lon, 5))
        return None


@functools.cache
def _table() -> _ZipTable | None:
    try:
        import zipcodes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    path = data_dir() / "cache" / f"zip-centroids-{zipcodes.__version__}.bin"
    try:
        data = path.read_bytes()
        if data and len(data) % _RECORD.size == 0:
            return _ZipTable(data)
    except OSError:
        pass
    data = _packed(zipcodes.list_all())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        log.info("postal code cache not written (%s); lookups stay slower", type(exc).__name__)
    return _ZipTable(data)


def _packed(rows: list[dict[str, object]]) -> bytes:
    points: dict[str, Point] = {}
    for row in rows:
        code = str(row.get("zip_code", ""))
        point = _point_of(row)
        if len(code) == 5 and code.isdigit() and point is not None:
            points.setdefault(code, point)
    return b"".join(_RECORD.pack(code.encode("ascii"), *points[code]) for code in sorted(points))


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance between two (latitude, longitude) points, in kilometres."""
    return arc_km(chord_squared(unit_vector(a), unit_vector(b)))


# The distance goes through the straight chord between the two points on a unit sphere:
# exact for the sphere like the haversine, and with the points' vectors computed once
# (index.py keeps them for every service place), a distance test is plain arithmetic.

Vector = tuple[float, float, float]


def unit_vector(point: Point) -> Vector:
    lat, lon = math.radians(point[0]), math.radians(point[1])
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def chord_squared(a: Vector, b: Vector) -> float:
    # index.Grid.within repeats this arithmetic inline; keep the two identical (products,
    # not ** 2: faster, and float ** 2 can differ from x * x in the last bit).
    dx, dy, dz = b[0] - a[0], b[1] - a[1], b[2] - a[2]
    return dx * dx + dy * dy + dz * dz


def chord_squared_for(km: float) -> float:
    """The squared chord of a great-circle distance: compare chords, not arcs."""
    return (2 * math.sin(min(km / (2 * EARTH_RADIUS_KM), math.pi / 2))) ** 2


def arc_km(chord_sq: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(chord_sq) / 2))
