"""Coordinates: WGS-84 as stored, GCJ-02 for Chinese web maps, and "open in" links.

Sites store WGS-84 (what GPS and OpenStreetMap use). AMap/Gaode expects the
officially shifted GCJ-02 system, off by some 300–700 m; converting on the
way out keeps stored data clean and the AMap pin on the right building.
"""

import math
from decimal import Decimal
from urllib.parse import urlencode

from django.core.validators import MaxValueValidator, MinValueValidator

# Krasovsky 1940 ellipsoid, on which the GCJ-02 offset is defined.
_A = 6378245.0
_EE = 0.00669342162296594323

LATITUDE_VALIDATORS = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
LONGITUDE_VALIDATORS = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]


def in_mainland_china(lat, lon):
    """A coarse box; GCJ-02 applies only inside mainland China."""
    return 0.8293 <= lat <= 55.8271 and 72.004 <= lon <= 137.8347


def _transform_lat(x, y):
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x, y):
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lat, lon):
    """(lat, lon) in WGS-84 → (lat, lon) in GCJ-02; unchanged outside mainland China."""
    lat, lon = float(lat), float(lon)
    if not in_mainland_china(lat, lon):
        return lat, lon
    d_lat = _transform_lat(lon - 105.0, lat - 35.0)
    d_lon = _transform_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lat + d_lat, lon + d_lon


def amap_url(lat, lon, name):
    """AMap/Gaode marker link (GCJ-02), opening the app on phones where installed."""
    g_lat, g_lon = wgs84_to_gcj02(lat, lon)
    query = urlencode({"position": f"{g_lon:.6f},{g_lat:.6f}", "name": name, "src": "yanxi"})
    return f"https://uri.amap.com/marker?{query}"


def osm_url(lat, lon, zoom=15):
    """OpenStreetMap link with a marker (WGS-84)."""
    lat, lon = float(lat), float(lon)
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}"
        f"#map={zoom}/{lat:.6f}/{lon:.6f}"
    )


def map_links(lat, lon, name):
    """The "open in" links of a place, for templates: [(label key, url)]."""
    return {"amap": amap_url(lat, lon, name), "osm": osm_url(lat, lon)}


def geo_json_ld(lat, lon):
    """schema.org GeoCoordinates of a WGS-84 point."""
    return {"@type": "GeoCoordinates", "latitude": float(lat), "longitude": float(lon)}
