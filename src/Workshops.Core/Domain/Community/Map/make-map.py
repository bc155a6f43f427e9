#!/usr/bin/env python3
"""Makes world-map.json, the countries the site's maps draw, from the npm packages world-atlas (ISC; the shapes are
Natural Earth's, public domain) and i18n-iso-countries (MIT, for the numeric to alpha-2 codes). See LICENSE-world-atlas.txt.

    npm pack world-atlas i18n-iso-countries && for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 make-map.py world-atlas-*/package i18n-iso-countries-*/package

Each country is one SVG path in the Equal Earth projection, in a 1000-wide box, simplified so the whole world stays small;
a country too small to see at that size (Barbados, Singapore) also gets a marker point, so it can still be coloured and clicked.
"""
import json, math, sys

atlas, iso = sys.argv[1], sys.argv[2]
topo = json.load(open(f"{atlas}/countries-50m.json"))
numeric = {n: a2 for a2, a3, n, *_ in json.load(open(f"{iso}/codes.json"))}

sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append((x * sx + tx, y * sy + ty))
    arcs.append(points)

A1, A2, A3, A4, M = 1.340264, -0.081106, 0.000893, 0.003796, math.sqrt(3) / 2
def project(lon, lat):
    l, p = math.radians(lon), math.radians(lat)
    t = math.asin(M * math.sin(p))
    t2, t6 = t * t, t ** 6
    x = l * math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y

XMAX, YMAX = project(180, 0)[0], project(0, 90)[1]
WIDTH = 1000.0
SCALE = WIDTH / (2 * XMAX)
HEIGHT = round(2 * YMAX * SCALE, 1)
def to_box(lon, lat):
    x, y = project(lon, lat)
    return ((x + XMAX) * SCALE, (YMAX - y) * SCALE)

def ring(indices):
    points = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points

def split_at_antimeridian(points):
    """A ring that crosses 180° (Russia's Chukotka) as one ring per side, each closed along the map's edge."""
    # Antarctica's ring runs along the map's bottom edge on purpose: it is drawn as it is.
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(points, points[1:])) or min(lat for _, lat in points) < -80: return [points]
    sides = {1: [], -1: []}
    side = 1 if points[0][0] >= 0 else -1
    for (lon1, lat1), (lon2, lat2) in zip(points, points[1:] + points[:1]):
        sides[side].append((lon1, lat1))
        if abs(lon2 - lon1) > 180:
            # Where the segment meets the antimeridian, on both sides.
            unwrapped = lon2 + (360 if lon2 < lon1 else -360)
            t = (side * 180 - lon1) / (unwrapped - lon1) if unwrapped != lon1 else 0
            lat = lat1 + t * (lat2 - lat1)
            sides[side].append((side * 180, lat))
            side = -side
            sides[side].append((side * 180, lat))
    return [r for r in sides.values() if len(r) >= 3]

def simplify(points, tolerance):
    # Douglas-Peucker, iterative, keeping the ring closed.
    if len(points) < 4: return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1e-9
        best, index = 0, None
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * px - dx * py + bx * ay - by * ax) / length if (dx or dy) else math.hypot(px - ax, py - ay)
            if d > best: best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]

def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2

countries, markers = [], []
for g in topo["objects"]["countries"]["geometries"]:
    code = numeric.get(g.get("id"))
    if code is None or "arcs" not in g: continue
    polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
    parts, biggest = [], (0, None)
    for polygon in polygons:
        for k, indices in enumerate(polygon):
            for piece in split_at_antimeridian(ring(indices)):
                r = [to_box(lon, lat) for lon, lat in piece]
                if k == 0 and area(r) > biggest[0]: biggest = (area(r), r)
                s = simplify(r, 0.6)
                if len(s) < 4 or area(s) < 2.5: continue
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in s) + "Z")
    entry = {"code": code, "path": "".join(parts)}
    if biggest[1] is not None and biggest[0] < 8:
        # Too small to find: a point at its largest island's centre.
        r = biggest[1]
        entry["marker"] = [round(sum(x for x, _ in r) / len(r), 1), round(sum(y for _, y in r) / len(r), 1)]
    countries.append(entry)

json.dump({"width": WIDTH, "height": HEIGHT, "countries": sorted(countries, key=lambda c: c["code"])},
          open("world-map.json", "w"), separators=(",", ":"))
print(len(countries), "countries;", sum(1 for c in countries if "marker" in c), "with markers")
