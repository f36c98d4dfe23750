"""Maps drawn on the server as inline SVG: no tiles, no scripts, no outside requests.

Visitors in mainland China cannot rely on foreign tile servers, and Chinese
ones need keys and GCJ-02 shifts; a plain diagram of numbered markers on a
scaled plane says what a visitor needs (order, direction, distance) and
prints cleanly. Study bases and programmes reuse `render_svg_map` with their
own points.

Points far apart (Wuxi and Yan'an are some 1,000 km away) are drawn in one
panel per city, so that sites a few hundred metres apart stay legible; the
leg between panels is a dashed line.
"""

import math
from dataclasses import dataclass, field, replace

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KM_PER_DEGREE = 111.32
# Points further apart than this go into separate panels.
PANEL_SPLIT_KM = 150
# The smallest area a panel shows, so that a single point sits in context.
MIN_SPAN_KM = 2.0
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
    width: float = 0.0
    scale_px: float = 0.0
    scale_label: str = ""

    @property
    def scale_end(self):
        """Right end of the scale bar, which starts 12 px into the panel."""
        return round(12 + self.scale_px, 1)


def _distance_km(a, b):
    mid = math.radians((a.lat + b.lat) / 2)
    dx = (b.lon - a.lon) * math.cos(mid) * KM_PER_DEGREE
    dy = (b.lat - a.lat) * KM_PER_DEGREE
    return math.hypot(dx, dy)


def _split_panels(points):
    """Group points into clusters; a point joins the first cluster within reach."""
    panels = []
    for point in points:
        for index, panel in enumerate(panels):
            if any(_distance_km(point, other) <= PANEL_SPLIT_KM for other in panel.points):
                panel.points.append(point)
                point.panel = index
                break
        else:
            point.panel = len(panels)
            panels.append(Panel(points=[point]))
    return panels


def _label_width(text, size):
    # CJK glyphs are about one em wide, Latin ones a little over half.
    return sum(size if ord(ch) > 0x2E80 else size * 0.58 for ch in text)


def _overlaps(box, boxes):
    x1, y1, x2, y2 = box
    return any(x1 < bx2 and bx1 < x2 and y1 < by2 and by1 < y2 for bx1, by1, bx2, by2 in boxes)


def _place_labels(points, font_size, bounds):
    """Put each label right, left, above or below its marker, wherever it collides least.

    A label that fits nowhere is left out of the drawing: the numbered list
    beside the map names every stop anyway.
    """
    left, top, right, bottom = bounds
    taken = [(p.x - 11, p.y - 11, p.x + 11, p.y + 11) for p in points]
    for point in points:
        width = _label_width(point.label, font_size)
        h = font_size
        candidates = [
            ("start", point.x + 14, point.y + h * 0.35, (point.x + 14, point.y - h / 2)),
            ("end", point.x - 14, point.y + h * 0.35, (point.x - 14 - width, point.y - h / 2)),
            ("middle", point.x, point.y - 16, (point.x - width / 2, point.y - 16 - h)),
            ("middle", point.x, point.y + 16 + h, (point.x - width / 2, point.y + 16)),
        ]
        point.show_label = False
        for anchor, lx, ly, (bx, by) in candidates:
            box = (bx - 2, by - 2, bx + width + 2, by + h + 2)
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


def _layout(panels, width, height, padding):
    gap = 24 if len(panels) > 1 else 0
    panel_width = (width - gap * (len(panels) - 1)) / len(panels)
    for index, panel in enumerate(panels):
        panel.x = index * (panel_width + gap)
        panel.width = panel_width
        lats = [p.lat for p in panel.points]
        lons = [p.lon for p in panel.points]
        mid_lat = (min(lats) + max(lats)) / 2
        cos_lat = math.cos(math.radians(mid_lat))
        span_x_km = max((max(lons) - min(lons)) * cos_lat * KM_PER_DEGREE, MIN_SPAN_KM)
        span_y_km = max((max(lats) - min(lats)) * KM_PER_DEGREE, MIN_SPAN_KM)
        inner_w = panel_width - 2 * padding
        inner_h = height - 2 * padding - 24  # room for the scale bar
        px_per_km = min(inner_w / span_x_km, inner_h / span_y_km)
        centre_lon = (min(lons) + max(lons)) / 2
        centre_lat = mid_lat
        cx = panel.x + panel_width / 2
        cy = padding + inner_h / 2
        for p in panel.points:
            p.x = round(cx + (p.lon - centre_lon) * cos_lat * KM_PER_DEGREE * px_per_km, 1)
            p.y = round(cy - (p.lat - centre_lat) * KM_PER_DEGREE * px_per_km, 1)
        km = _nice_distance(inner_w / 3 / px_per_km)
        panel.scale_px = round(km * px_per_km, 1)
        panel.scale_label = _format_km(km)


def render_svg_map(
    points, *, title, description="", width=640, height=420, font_size=13, map_id="route-map"
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
    panels = _split_panels(points)
    _layout(panels, width, height, padding)
    for panel in panels:
        _place_labels(
            panel.points, font_size, (panel.x + 2, 2, panel.x + panel.width - 2, height - 30)
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
            "height": height,
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
        width=480,
        height=300,
        map_id=map_id,
    )
