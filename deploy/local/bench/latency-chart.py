"""Draws latency percentiles against offered rate as a self-contained SVG (no libraries, no network).

usage: latency-chart.py CSV SVG TITLE   (CSV: rate,p50,p90,p99,p999,sustainable,queued_per_s from E2eBench --csv)
Log scales on both axes; unsustainable rates are marked with a hollow point.
"""
import csv
import math
import sys

src, out, title = sys.argv[1:4]
rows = [r for r in csv.DictReader(open(src)) if r["p50"] not in ("-", "")]
W, H, L, R, T, B = 760, 440, 70, 150, 50, 60
series = [("p50", "#1b9e77"), ("p90", "#7570b3"), ("p99", "#d95f02"), ("p999", "#e7298a")]
rates = [float(r["rate"]) for r in rows] or [1.0]
vals = [float(r[k]) for r in rows for k, _ in series] or [1.0]
x0, x1 = math.log10(min(rates) / 1.3), math.log10(max(rates) * 1.3)
y0, y1 = math.floor(math.log10(max(min(vals), 0.1))), math.ceil(math.log10(max(vals) * 1.01))
if y1 <= y0:
    y1 = y0 + 1
px = lambda v: L + (math.log10(v) - x0) / (x1 - x0) * (W - L - R)
py = lambda v: T + (1 - (math.log10(max(v, 10 ** y0)) - y0) / (y1 - y0)) * (H - T - B)
s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
     f'<rect width="{W}" height="{H}" fill="white"/>',
     f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="14">{title}</text>']
for e in range(y0, y1 + 1):
    y = py(10 ** e)
    s.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#ddd"/>')
    s.append(f'<text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:g} ms</text>')
for r in rates:
    x = px(r)
    s.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H - B}" stroke="#eee"/>')
    s.append(f'<text x="{x:.1f}" y="{H - B + 16}" text-anchor="middle">{int(r):,}</text>')
s.append(f'<text x="{(L + W - R) / 2}" y="{H - 18}" text-anchor="middle">offered rate (comments/s, log scale)</text>')
s.append(f'<text transform="translate(16 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">latency send to queue item (log scale)</text>')
s.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="#888"/>')
for i, (k, colour) in enumerate(series):
    pts = [(px(float(r["rate"])), py(float(r[k])), r["sustainable"].lower() == "true") for r in rows]
    if len(pts) > 1:
        s.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (colour, " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in pts)))
    for x, y, ok in pts:
        s.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour if ok else "white"}" stroke="{colour}" stroke-width="2"/>')
    ly = T + 10 + i * 20
    s.append(f'<line x1="{W - R + 15}" y1="{ly}" x2="{W - R + 40}" y2="{ly}" stroke="{colour}" stroke-width="2"/>')
    s.append(f'<text x="{W - R + 46}" y="{ly + 4}">{"p99.9" if k == "p999" else k}</text>')
s.append(f'<circle cx="{W - R + 27}" cy="{T + 100}" r="4" fill="white" stroke="#444" stroke-width="2"/>')
s.append(f'<text x="{W - R + 46}" y="{T + 104}">not sustainable</text>')
s.append("</svg>")
open(out, "w").write("\n".join(s) + "\n")
