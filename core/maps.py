"""Maps drawn on the server as inline SVG: no tiles, no scripts, no outside requests.

Visitors in mainland China cannot rely on foreign tile servers, and Chinese
ones need keys and GCJ-02 shifts; a plain diagram of numbered markers on a
scaled plane says what a visitor needs (order, direction, distance) and
prints cleanly. Study bases and programmes reuse `render_svg_map` with their
own points.

The drawing is 400 units wide and never stretched beyond that: shrunk to a
phone's 358 px its 14-unit labels are still over 12 px. Panels are stacked
top to bottom. Points far apart (Wuxi and Yan'an are some 1,000 km away) are
drawn in one panel per city, and stops so close that their markers would
overlap (the sites of central Yan'an beside Nanniwan, 45 km off) get a
zoomed panel of their own; the leg between panels is a dashed line. Markers
that still touch (two houses on one street) are nudged apart, as a diagram
may, and labels go where they cover no marker, label or the north arrow.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KM_PER_DEGREE = 111.32
# Points further apart than this are never in one panel.
PANEL_SPLIT_KM = 150
# The smallest area a panel shows, so that a single point sits in context.
MIN_SPAN_KM = 2.0
# Markers whose centres are closer than this (map units) overlap.
MARKER_CLEARANCE = 24
# Half the side of the square a marker covers, its white outline included.
MARKER_HALF = 13
# How far text reaches above and below its baseline, in ems: Noto Sans CJK's
# line box (Chromium measures 1.18 above, 0.32 below); Latin fonts reach less.
TEXT_ASCENT, TEXT_DESCENT = 1.2, 0.35
# A crowded panel is split only where the gap is this many times the
# clearance: a route of evenly close stops gains nothing from more panels.
ZOOM_GAP_FACTOR = 3
MAX_PANELS = 4
PANEL_GAP = 16
SCALE_BAR_ROOM = 24
NICE_DISTANCES_KM = [0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500]


@dataclass
class MapPoint:
    lat: float
    lon: float
    label: str
    #: "stop" (numbered, joined by the route line), "site" (the page's own place)
    #: or "reference" (a landmark for orientation).
    kind: str = "stop"
    url: str = ""
    number: int | None = None
    x: float = 0.0
    y: float = 0.0
    label_x: float = 0.0
    label_y: float = 0.0
    label_anchor: str = "start"
    show_label: bool = True
    panel: int = 0


@dataclass
class Panel:
    points: list = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    scale_px: float = 0.0
    scale_label: str = ""
    px_per_km: float = 0.0

    @property
    def scale_end(self):
        """Right end of the scale bar, which starts 12 px into the panel."""
        return round(12 + self.scale_px, 1)

    @property
    def bottom(self):
        return round(self.y + self.height, 1)


def _distance_km(a, b):
    mid = math.radians((a.lat + b.lat) / 2)
    dx = (b.lon - a.lon) * math.cos(mid) * KM_PER_DEGREE
    dy = (b.lat - a.lat) * KM_PER_DEGREE
    return math.hypot(dx, dy)


def _spanning_tree(points):
    """The edges (km, a, b) of the points' minimum spanning tree (Prim's).

    Each point outside the tree keeps its nearest point inside, updated as
    the tree grows: n² distances in all, where trying every pair at every
    step took n³ (seconds for a route of 300 stops). Ties go to the point
    that joined the tree first, then to the first point outside, as that
    search had them: the same tree, so the same drawing.
    """
    inside = [points[0]]
    # Index of each point outside: (km, index in `inside` of its nearest, its own index).
    nearest = {i: (_distance_km(points[0], p), 0, i) for i, p in enumerate(points[1:], 1)}
    edges = []
    while nearest:
        km, a, b = min(nearest.values())
        del nearest[b]
        edges.append((km, inside[a], points[b]))
        inside.append(points[b])
        for i, (best, _a, _i) in nearest.items():
            distance = _distance_km(points[b], points[i])
            if distance < best:
                nearest[i] = (distance, len(inside) - 1, i)
    return edges


def _split_at_longest_edge(panel):
    """The panel's points in two groups, cut at the longest spanning-tree edge, and its length."""
    edges = _spanning_tree(panel.points)
    longest = max(edges, key=lambda e: e[0])
    group, grown = {id(longest[1])}, True
    kept = [e for e in edges if e is not longest]
    while grown:
        grown = False
        for _km, a, b in kept:
            if (id(a) in group) != (id(b) in group):
                group |= {id(a), id(b)}
                grown = True
    first = [p for p in panel.points if id(p) in group]
    second = [p for p in panel.points if id(p) not in group]
    return first, second, longest[0]


def _px_per_km(points, inner_w, inner_h):
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    cos_lat = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x_km = max((max(lons) - min(lons)) * cos_lat * KM_PER_DEGREE, MIN_SPAN_KM)
    span_y_km = max((max(lats) - min(lats)) * KM_PER_DEGREE, MIN_SPAN_KM)
    return min(inner_w / span_x_km, inner_h / span_y_km)


def _overlaps_at_scale(points, inner_w, inner_h):
    """How many pairs of the points' markers overlap when they fill a panel alone.

    Points are sorted into cells at least a clearance wide, so each is
    compared only with those in its own cell and the eight around it: the
    work grows with the stops and the pairs that do overlap, not with every
    pair of a long route.
    """
    clearance_km = MARKER_CLEARANCE / _px_per_km(points, inner_w, inner_h)
    cell_lat = clearance_km / KM_PER_DEGREE
    # A degree of longitude is shortest at the latitude furthest from the
    # equator: cells that many degrees wide are wide enough for every pair.
    cell_lon = cell_lat / min(math.cos(math.radians(p.lat)) for p in points)
    cells = defaultdict(list)
    for i, p in enumerate(points):
        cells[math.floor(p.lat / cell_lat), math.floor(p.lon / cell_lon)].append((i, p))
    return sum(
        _distance_km(a, b) < clearance_km
        for (row, column), cell in cells.items()
        for i, a in cell
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
        for j, b in cells.get((row + dr, column + dc), ())
        if j > i
    )


def _split_panels(points, inner_w, inner_h):
    """Group points into panels: apart where far apart, and zoomed where crowded.

    A panel is cut at its longest spanning-tree edge while that edge is
    longer than PANEL_SPLIT_KM, or while its markers overlap at its scale,
    the cut leaves a real gap and fewer markers overlap in the two halves
    (so the crowded group gets a closer view).
    """
    panels = [Panel(points=list(points))]
    changed = True
    while changed and len(panels) < MAX_PANELS:
        changed = False
        for index, panel in enumerate(panels):
            if len(panel.points) < 2:
                continue
            first, second, gap_km = _split_at_longest_edge(panel)
            scale = _px_per_km(panel.points, inner_w, inner_h)
            far = gap_km > PANEL_SPLIT_KM
            # Zoom only where it helps: markers a few metres apart overlap at any scale.
            overlaps = _overlaps_at_scale(panel.points, inner_w, inner_h)
            crowded = (
                overlaps
                and gap_km * scale > ZOOM_GAP_FACTOR * MARKER_CLEARANCE
                and _overlaps_at_scale(first, inner_w, inner_h)
                + _overlaps_at_scale(second, inner_w, inner_h)
                < overlaps
            )
            if far or crowded:
                panels[index : index + 1] = [Panel(points=first), Panel(points=second)]
                changed = True
                break
    # Panels in the order the route first reaches them.
    order = {id(p): i for i, p in enumerate(points)}
    panels.sort(key=lambda panel: min(order[id(p)] for p in panel.points))
    for index, panel in enumerate(panels):
        for point in panel.points:
            point.panel = index
    return panels


def _label_width(text, size):
    # CJK glyphs are about one em wide, Latin ones a little over half.
    return sum(size if ord(ch) > 0x2E80 else size * 0.58 for ch in text)


def _overlaps(box, boxes):
    x1, y1, x2, y2 = box
    return any(x1 < bx2 and bx1 < x2 and y1 < by2 and by1 < y2 for bx1, by1, bx2, by2 in boxes)


def _separate_markers(points, bounds):
    """Nudge apart markers that would still overlap, keeping them inside `bounds`.

    Splitting into zoomed panels stops at MAX_PANELS and cannot part places a
    few metres apart; the map is a diagram, so a marker may move a little off
    its spot. Each pair too close is pushed apart along its wider axis.
    """
    left, top, right, bottom = bounds
    gap = 2 * MARKER_HALF
    for _round in range(200):
        moved = False
        for i, a in enumerate(points):
            for b in points[i + 1 :]:
                dx, dy = b.x - a.x, b.y - a.y
                if max(abs(dx), abs(dy)) >= gap:
                    continue
                moved = True
                horizontal = abs(dx) >= abs(dy)
                shortfall = (gap - abs(dx if horizontal else dy)) / 2 + 0.5
                sign = 1 if (dx if horizontal else dy) >= 0 else -1
                for point, direction in ((a, -sign), (b, sign)):
                    if horizontal:
                        point.x = min(max(point.x + direction * shortfall, left), right)
                    else:
                        point.y = min(max(point.y + direction * shortfall, top), bottom)
        if not moved:
            break
    for point in points:
        point.x, point.y = round(point.x, 1), round(point.y, 1)


def _label_box(anchor, x, baseline, width, size):
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left, baseline - TEXT_ASCENT * size, left + width, baseline + TEXT_DESCENT * size)


def _place_labels(points, font_size, bounds, taken):
    """Put each label beside its marker, wherever it covers nothing already drawn.

    `taken` holds the boxes of every marker (and the north arrow) of the panel.
    A label that fits nowhere is left out of the drawing: the numbered list
    beside the map names every stop anyway.
    """
    left, top, right, bottom = bounds
    h, side = font_size, MARKER_HALF + 2
    # Baselines that centre a line of text on the marker, or clear it above or below.
    middle = h * (TEXT_ASCENT - TEXT_DESCENT) / 2
    above, below = -side - TEXT_DESCENT * h, side + TEXT_ASCENT * h
    for point in points:
        width = _label_width(point.label, font_size)
        candidates = [
            ("start", point.x + side, point.y + middle),
            ("end", point.x - side, point.y + middle),
            ("middle", point.x, point.y + above),
            ("middle", point.x, point.y + below),
            # Above or below, reaching right or left from the marker's middle.
            ("start", point.x - 6, point.y + above),
            ("start", point.x - 6, point.y + below),
            ("end", point.x + 6, point.y + above),
            ("end", point.x + 6, point.y + below),
        ]
        point.show_label = False
        for anchor, lx, ly in candidates:
            x1, y1, x2, y2 = _label_box(anchor, lx, ly, width, h)
            box = (x1 - 2, y1 - 1, x2 + 2, y2 + 1)
            inside = box[0] >= left and box[2] <= right and box[1] >= top and box[3] <= bottom
            if inside and not _overlaps(box, taken):
                point.label_anchor, point.label_x, point.label_y = (
                    anchor,
                    round(lx, 1),
                    round(ly, 1),
                )
                point.show_label = True
                taken.append(box)
                break


def _nice_distance(max_km):
    fitting = [d for d in NICE_DISTANCES_KM if d <= max_km]
    return fitting[-1] if fitting else NICE_DISTANCES_KM[0]


def _format_km(km):
    if km < 1:
        return _("%(m)d 米") % {"m": round(km * 1000)}
    return _("%(km)s 公里") % {"km": f"{km:g}"}


def _layout(panels, width, panel_height, padding):
    """Stack the panels top to bottom and place each point in its panel.

    A panel of one point needs less room: it shows where the point lies, not a shape.
    """
    top = 0.0
    for panel in panels:
        panel.x, panel.width, panel.y = 0.0, float(width), top
        panel.height = float(panel_height if len(panel.points) > 1 else panel_height * 0.6)
        top = panel.bottom + PANEL_GAP
        lats = [p.lat for p in panel.points]
        lons = [p.lon for p in panel.points]
        mid_lat = (min(lats) + max(lats)) / 2
        cos_lat = math.cos(math.radians(mid_lat))
        inner_w = width - 2 * padding
        inner_h = panel.height - 2 * padding - SCALE_BAR_ROOM
        px_per_km = _px_per_km(panel.points, inner_w, inner_h)
        centre_lon = (min(lons) + max(lons)) / 2
        cx = panel.x + width / 2
        cy = panel.y + padding + inner_h / 2
        for p in panel.points:
            p.x = round(cx + (p.lon - centre_lon) * cos_lat * KM_PER_DEGREE * px_per_km, 1)
            p.y = round(cy - (p.lat - mid_lat) * KM_PER_DEGREE * px_per_km, 1)
        km = _nice_distance(inner_w / 3 / px_per_km)
        panel.px_per_km = px_per_km
        panel.scale_px = round(km * px_per_km, 1)
        panel.scale_label = _format_km(km)


def render_svg_map(
    points,
    *,
    title,
    description="",
    width=400,
    panel_height=300,
    font_size=14,
    map_id="route-map",
):
    """An accessible inline SVG of `points` (MapPoint), as safe HTML.

    Stops are numbered in the order given and joined by a line; other kinds
    are drawn as plain markers. Returns "" when there is nothing to draw.
    """
    # Copies: layout writes positions, and callers may pass one point twice.
    points = [replace(p) for p in points if p.lat is not None and p.lon is not None]
    if not points:
        return ""
    number = 0
    for p in points:
        if p.kind == "stop":
            number += 1
            p.number = number
    padding = 36
    inner = (width - 2 * padding, panel_height - 2 * padding - SCALE_BAR_ROOM)
    panels = _split_panels(points, *inner)
    _layout(panels, width, panel_height, padding)
    for panel in panels:
        _separate_markers(
            panel.points,
            (
                panel.x + MARKER_HALF,
                panel.y + MARKER_HALF,
                panel.x + panel.width - MARKER_HALF,
                panel.bottom - SCALE_BAR_ROOM - MARKER_HALF,
            ),
        )
        markers = [
            (p.x - MARKER_HALF, p.y - MARKER_HALF, p.x + MARKER_HALF, p.y + MARKER_HALF)
            for p in panel.points
        ]
        # The "N ↑" drawn in the panel's top right corner (see svg_map.html).
        north = (
            panel.x + panel.width - 12 - 2.2 * font_size,
            panel.y + 4,
            panel.x + panel.width,
            panel.y + 28,
        )
        _place_labels(
            panel.points,
            font_size,
            (panel.x + 2, panel.y + 2, panel.x + panel.width - 2, panel.bottom - 30),
            [*markers, north],
        )
    stops = [p for p in points if p.kind == "stop"]
    legs = [
        {"a": a, "b": b, "jump": a.panel != b.panel} for a, b in zip(stops, stops[1:], strict=False)
    ]
    return render_to_string(
        "core/includes/svg_map.html",
        {
            "points": points,
            "stops": stops,
            "legs": legs,
            "panels": panels,
            "width": width,
            "height": panels[-1].bottom,
            "font_size": font_size,
            "title": title,
            "description": description,
            "map_id": map_id,
        },
    )


# Landmarks that orient a reader on a single-site map: the centre of each city.
CITY_CENTRES = {
    "yanan": (36.5853, 109.4897, gettext_lazy("延安市中心")),
    "wuxi": (31.5747, 120.2990, gettext_lazy("无锡市中心")),
}


def render_location_map(site, map_id="site-map"):
    """A small map of one place (anything with title, latitude, longitude, city).

    The city centre is drawn too, so the reader sees direction and distance.
    """
    points = [MapPoint(float(site.latitude), float(site.longitude), site.title, kind="site")]
    centre = CITY_CENTRES.get(getattr(site, "city", ""))
    if centre and _distance_km(points[0], MapPoint(centre[0], centre[1], "")) > 0.3:
        points.append(MapPoint(centre[0], centre[1], str(centre[2]), kind="reference"))
    return render_svg_map(
        points,
        title=_("%(name)s 位置示意图") % {"name": site.title},
        description=_("示意图，非精确地图；比例尺为近似值。"),
        panel_height=260,
        map_id=map_id,
    )
