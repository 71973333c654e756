"""The brief's charts as PNG images for the DOCX (Word has no SVG it prints reliably).

The geometry is crawler/report/charts.py's, the same the HTML draws as SVG, so both show the same bars,
labels and values; hatching keeps the bars apart in black and white as the SVG patterns do.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from crawler.report.charts import BarChart, LineChart

SCALE = 3  # pixels per chart unit: ~220 dpi at the printed width
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)
FILLS = {
    "bar-met": ("#5a8f5a", None),
    "bar-partial": ("#f3dc8a", "hatch"),
    "bar-not-met": ("#ffffff", None),
    "bar-zone-0": ("#5a8f5a", None),
    "bar-zone-1": ("#f3dc8a", "hatch"),
    "bar-zone-2": ("#ffffff", None),
    "bar-zone-3": ("#ffffff", None),
    "bar-zone-x": ("#ffffff", None),
}


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for folder in FONT_DIRS:
        for name in ("DejaVuSerif.ttf", "DejaVuSans.ttf"):
            path = folder / name
            if path.is_file():
                return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _text(draw: ImageDraw.ImageDraw, x: float, y: float, text: str, anchor: str = "l") -> None:
    """Text with its baseline at y (as SVG places it); anchor l / m / r."""
    font = _font(12 * SCALE)
    draw.text((x * SCALE, y * SCALE), text, fill="black", font=font, anchor={"l": "ls", "m": "ms", "r": "rs"}[anchor])


def _bar(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], css: str) -> None:
    fill, pattern = FILLS.get(css, ("#ffffff", None))
    x0, y0, x1, y1 = (v * SCALE for v in box)
    if x1 - x0 < 1:
        x1 = x0 + 1
    draw.rectangle((x0, y0, x1, y1), fill=fill)
    if pattern == "hatch":
        step = 6 * SCALE
        start = int(x0 - (y1 - y0))
        for x in range(start, int(x1), step):
            # a 45° line clipped to the bar
            ax, ay, bx, by = float(x), y1, x + (y1 - y0), y0
            if ax < x0:
                ay -= x0 - ax
                ax = x0
            if bx > x1:
                by += bx - x1
                bx = x1
            if ax < bx:
                draw.line((ax, ay, bx, by), fill="black", width=max(1, SCALE // 2))
    draw.rectangle((x0, y0, x1, y1), outline="black", width=max(1, SCALE // 2))


def _dashed_vline(draw: ImageDraw.ImageDraw, x: float, y0: float, y1: float) -> None:
    y = y0
    while y < y1:
        draw.line((x * SCALE, y * SCALE, x * SCALE, min(y + 4, y1) * SCALE), fill="black", width=max(1, SCALE // 2))
        y += 7


def bar_chart_png(chart: BarChart) -> bytes:
    image = Image.new("RGB", (int(chart.width * SCALE), int(chart.height * SCALE)), "white")
    draw = ImageDraw.Draw(image)
    bottom = chart.top + len(chart.rows) * chart.row_h
    for tick in chart.ticks:
        if tick.dashed:
            _dashed_vline(draw, tick.x, chart.top - 6, bottom)
            _text(draw, tick.x, chart.top - 10, tick.label, "m")
        else:
            draw.line(
                (tick.x * SCALE, (chart.top - 6) * SCALE, tick.x * SCALE, bottom * SCALE), fill="#999999", width=1
            )
            _text(draw, tick.x, bottom + 12, tick.label, "m")
    for row in chart.rows:
        _text(draw, chart.label_w - 6, row.y + chart.row_h * 0.65, row.label, "r")
        for seg in row.segments:
            _bar(draw, (seg.x, row.y + 3, seg.x + seg.width, row.y + chart.row_h - 3), seg.css)
        _text(draw, chart.label_w + chart.bar_w + 6, row.y + chart.row_h * 0.65, row.value_text)
    draw.line(
        (chart.label_w * SCALE, (chart.top - 4) * SCALE, chart.label_w * SCALE, bottom * SCALE),
        fill="black",
        width=SCALE,
    )
    legend_y = chart.height - 8
    for i, (css, label) in enumerate(chart.legend):
        x = chart.label_w + i * 120
        _bar(draw, (x, legend_y - 9, x + 14, legend_y + 1), css)
        _text(draw, x + 18, legend_y, label)
    return _png(image)


def line_chart_png(chart: LineChart) -> bytes:
    image = Image.new("RGB", (int(chart.width * SCALE), int(chart.height * SCALE)), "white")
    draw = ImageDraw.Draw(image)
    for y, label in chart.grid:
        draw.line((chart.left * SCALE, y * SCALE, (chart.left + chart.plot_w) * SCALE, y * SCALE), fill="#999999")
        _text(draw, chart.left - 6, y + 4, label, "r")
    points = [(p.x * SCALE, p.y * SCALE) for p in chart.points]
    if len(points) > 1:
        draw.line(points, fill="black", width=int(1.6 * SCALE))
    r = 3.5 * SCALE
    for p in chart.points:
        box = (p.x * SCALE - r, p.y * SCALE - r, p.x * SCALE + r, p.y * SCALE + r)
        draw.ellipse(box, fill="white", outline="black", width=max(1, int(1.4 * SCALE)))
        _text(draw, p.x, p.y - 8, p.value_text, "m")
        _text(draw, p.x, chart.top + chart.plot_h + 18, p.label, "m")
    return _png(image)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    # zlib's default level: `optimize` (level 9, every filter) took 3.5 times as long for 2-3 % less
    image.save(buffer, format="PNG", dpi=(220, 220))
    return buffer.getvalue()
