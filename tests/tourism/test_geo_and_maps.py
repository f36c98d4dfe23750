"""Coordinates for Chinese maps and the self-drawn SVG maps."""

import itertools
import math
import re
import time

import pytest

from core import maps
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
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = _marker_positions(svg)
    # West is left, north is up: Zaoyuan (109.43) left of Baota (109.50), Yangjialing above it.
    assert x3 < x1 and y2 < y1
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


def _panels(svg):
    return [
        tuple(map(float, box))
        for box in re.findall(
            r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="8"', svg
        )
    ]


def test_a_crowded_town_centre_gets_a_zoomed_panel_of_its_own():
    # Five stops within a kilometre of Baota Hill, then Nanniwan 45 km away:
    # on one scale the five would pile into one unreadable cluster.
    centre = [MapPoint(36.594 + i * 0.002, 109.490 + (i % 2) * 0.004, f"站点{i}") for i in range(5)]
    svg = str(render_svg_map([*centre, MapPoint(36.35, 109.72, "南泥湾")], title="延安"))
    panels = _panels(svg)
    assert len(panels) == 2
    assert svg.count("svg-map__leg--jump") == 1
    positions = _marker_positions(svg)
    town = positions[:5]
    # In its own panel no two markers of the town overlap (22 units wide each)...
    for i, (ax, ay) in enumerate(town):
        for bx, by in town[i + 1 :]:
            assert abs(ax - bx) >= 22 or abs(ay - by) >= 22
    # ...and every marker sits inside its panel, the town in the first.
    x, y, w, h = panels[0]
    assert all(x <= px <= x + w and y <= py <= y + h for px, py in town)
    x, y, w, h = panels[1]
    assert y <= positions[5][1] <= y + h


def test_stops_evenly_close_are_not_cut_into_panels_that_help_nobody():
    # A walk of stops 1 km apart: readable on one scale, so one panel.
    walk = [MapPoint(36.59 + i * 0.009, 109.49, f"站点{i}") for i in range(6)]
    assert len(_panels(str(render_svg_map(walk, title="步行")))) == 1


def test_the_map_is_drawn_small_enough_for_phone_labels_of_12_px():
    # Shown at most 400 units wide, shrunk to a phone's 358 px: 14 × 358/400 > 12.
    svg = str(render_svg_map([MapPoint(*BAOTA, "宝塔山")], title="一站"))
    assert 'viewBox="0 0 400 ' in svg and 'font-size="14"' in svg


def _label_boxes(svg):
    """Each label's box as Chromium draws 14-unit Noto Sans CJK: 1.18 em above the baseline, 0.32 below."""
    labels = re.findall(
        r'class="svg-map__label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]+)<', svg
    )
    boxes = []
    for x, y, anchor, text in labels:
        x, y, width = float(x), float(y), _label_width(text, 14)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
        boxes.append((left, y - 1.18 * 14, left + width, y + 0.32 * 14))
    return boxes


def _marker_boxes(svg):
    """Markers are circles of radius 11 with a white 2-unit outline."""
    return [(x - 12, y - 12, x + 12, y + 12) for x, y in _marker_positions(svg)]


def _disjoint(a, b):
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_labels_never_overlap():
    crowded = [MapPoint(36.6 + i * 0.0005, 109.48, f"站点{i}") for i in range(8)]
    svg = str(render_svg_map(crowded, title="密集"))
    assert _markers(svg) == [str(i) for i in range(1, 9)]
    labels = _label_boxes(svg)
    assert len(labels) >= 4
    boxes = labels + _marker_boxes(svg)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert _disjoint(a, b), (a, b)


def test_houses_on_one_street_get_markers_that_do_not_touch():
    # Two former residences 60 m apart beside a memorial hall 2 km off: at the
    # scale the three share, the two markers would lie one on the other.
    zhang, qin, hall = (31.5790, 120.2960), (31.5792, 120.2966), (31.5600, 120.3010)
    svg = str(
        render_svg_map(
            [
                MapPoint(*zhang, "张闻天旧居"),
                MapPoint(*qin, "秦邦宪旧居"),
                MapPoint(*hall, "陈列馆"),
            ],
            title="无锡",
        )
    )
    assert _metres(zhang, qin) < 100
    first, second, _hall = _marker_boxes(svg)
    assert _disjoint(first, second)


def _town(lat, lon, stops, columns, km_apart):
    """`stops` stops on a grid of `columns` columns, `km_apart` km apart, from (lat, lon)."""
    step_lat = km_apart / maps.KM_PER_DEGREE
    step_lon = step_lat / math.cos(math.radians(lat))
    return [
        MapPoint(lat + (n // columns) * step_lat, lon + (n % columns) * step_lon, f"站点{n}")
        for n in range(stops)
    ]


def test_a_route_of_300_stops_is_drawn_readably_in_well_under_a_second():
    # 75 stops in each of four cities, each city a grid that fills its own panel.
    cities = [(36.55, 109.45), (31.55, 120.25), (34.30, 108.90), (39.90, 116.35)]
    stops = [stop for lat, lon in cities for stop in _town(lat, lon, 75, 10, 1.0)]
    started = time.process_time()
    svg = str(render_svg_map(stops, title="长线路"))
    # About 0.1 s of CPU; over a second when the spanning tree between the
    # stops tried every pair of them at every step (n³ distances).
    assert time.process_time() - started < 1
    assert _markers(svg) == [str(n) for n in range(1, 301)]
    assert len(_panels(svg)) == 4
    for (ax, ay), (bx, by) in itertools.combinations(_marker_positions(svg), 2):
        assert abs(ax - bx) >= 22 or abs(ay - by) >= 22, ((ax, ay), (bx, by))


def test_overlapping_markers_are_found_among_neighbours_only(monkeypatch):
    # A town of 300 stops 1 km apart, too many for one panel: markers overlap.
    stops = _town(36.55, 109.45, 300, 20, 1.0)
    distance = maps._distance_km
    clearance_km = maps.MARKER_CLEARANCE / maps._px_per_km(stops, 328, 204)
    expected = sum(distance(a, b) < clearance_km for a, b in itertools.combinations(stops, 2))
    compared = []
    monkeypatch.setattr(maps, "_distance_km", lambda a, b: compared.append(1) or distance(a, b))

    assert maps._overlaps_at_scale(stops, 328, 204) == expected > 0
    # Every pair would be 150 comparisons a stop; neighbours are a few.
    assert len(compared) < 10 * len(stops)


def test_nothing_to_draw_gives_no_map():
    assert render_svg_map([], title="空") == ""


def test_location_map_shows_the_site_and_the_city_centre():
    class Site:
        title, latitude, longitude, city = "枣园", 36.620, 109.430, "yanan"

    svg = str(render_location_map(Site()))
    assert "svg-map__marker--site" in svg
    assert "延安市中心" in svg
    assert "公里" in svg  # a scale bar
