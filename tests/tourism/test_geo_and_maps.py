"""Coordinates for Chinese maps and the self-drawn SVG maps."""

import re

import pytest

from core.geo import amap_url, osm_url, wgs84_to_gcj02
from core.maps import MapPoint, _label_width, render_location_map, render_svg_map

BAOTA = (36.594, 109.500)


def _metres(a, b):
    import math

    dy = (b[0] - a[0]) * 111_320
    dx = (b[1] - a[1]) * 111_320 * math.cos(math.radians(a[0]))
    return math.hypot(dx, dy)


def test_gcj02_shifts_points_in_china_by_a_few_hundred_metres():
    shifted = wgs84_to_gcj02(*BAOTA)
    # The published GCJ-02 offset is some 300–700 m; north-east in Shaanxi.
    assert 300 < _metres(BAOTA, shifted) < 700
    assert shifted[0] > BAOTA[0] and shifted[1] > BAOTA[1]


def test_gcj02_matches_a_known_reference_point():
    # Tian'anmen: WGS-84 39.90872, 116.39748 is GCJ-02 about 39.91012, 116.40372.
    lat, lon = wgs84_to_gcj02(39.90872, 116.39748)
    assert lat == pytest.approx(39.91012, abs=2e-4)
    assert lon == pytest.approx(116.40372, abs=2e-4)


def test_points_outside_china_are_left_alone():
    assert wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)


def test_amap_link_uses_converted_coordinates_and_osm_link_the_stored_ones():
    lat, lon = wgs84_to_gcj02(*BAOTA)
    assert f"position={lon:.6f}%2C{lat:.6f}" in amap_url(*BAOTA, "宝塔山")
    assert "name=%E5%AE%9D%E5%A1%94%E5%B1%B1" in amap_url(*BAOTA, "宝塔山")
    assert "mlat=36.594000&mlon=109.500000" in osm_url(*BAOTA)


def _markers(svg):
    return re.findall(r'data-order="(\d+)"', svg)


def _marker_positions(svg):
    return [
        (float(x), float(y))
        for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="11"', svg)
    ]


def test_route_map_draws_one_numbered_marker_per_stop_in_order():
    stops = [
        MapPoint(36.594, 109.500, "宝塔山"),
        MapPoint(36.617, 109.468, "杨家岭"),
        MapPoint(36.620, 109.430, "枣园"),
        MapPoint(36.35, 109.72, "南泥湾"),
    ]
    svg = str(render_svg_map(stops, title="路线"))
    assert _markers(svg) == ["1", "2", "3", "4"]
    assert svg.count("<line") == 3  # a leg between each pair of stops
    x = [p[0] for p in _marker_positions(svg)]
    # West is left: Zaoyuan (109.43) lies left of Baota (109.50), Nanniwan right of all.
    assert x[2] < x[0] < x[3]
    assert 'role="img"' in svg and "<title" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_a_stop_visited_twice_gets_two_markers():
    stops = [MapPoint(36.594, 109.5, "宝塔山"), MapPoint(36.6, 109.48, "凤凰山")]
    svg = str(render_svg_map([*stops, stops[0]], title="环线"))
    assert _markers(svg) == ["1", "2", "3"]


def test_far_apart_cities_get_their_own_panels_joined_by_a_dashed_leg():
    stops = [
        MapPoint(31.58, 120.30, "博古旧居"),
        MapPoint(36.60, 109.493, "清凉山"),
        MapPoint(36.594, 109.5, "宝塔山"),
    ]
    svg = str(render_svg_map(stops, title="双城"))
    assert svg.count('class="svg-map__panel"') == 2
    assert svg.count("svg-map__leg--jump") == 1
    # Sites 700 m apart in Yan'an stay visibly apart inside their panel.
    (_x1, _y1), (x2, y2), (x3, y3) = _marker_positions(svg)
    assert abs(x2 - x3) + abs(y2 - y3) > 10


def test_labels_never_overlap():
    crowded = [MapPoint(36.6 + i * 0.0005, 109.48, f"站点{i}") for i in range(8)]
    svg = str(render_svg_map(crowded, title="密集"))
    assert _markers(svg) == [str(i) for i in range(1, 9)]
    labels = re.findall(
        r'class="svg-map__label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]+)<', svg
    )
    assert len(labels) >= 4
    boxes = []
    for x, y, anchor, text in labels:
        x, y, width = float(x), float(y), _label_width(text, 13)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
        boxes.append((left, y - 13, left + width, y))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_nothing_to_draw_gives_no_map():
    assert render_svg_map([], title="空") == ""


def test_location_map_shows_the_site_and_the_city_centre():
    class Site:
        title, latitude, longitude, city = "枣园", 36.620, 109.430, "yanan"

    svg = str(render_location_map(Site()))
    assert "svg-map__marker--site" in svg
    assert "延安市中心" in svg
    assert "公里" in svg  # a scale bar
