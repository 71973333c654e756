"""Files the demo generator does not make: an XLSX table, a phone photo of a paper page, gallery thumbnails.

Everything is deterministic (fixed seeds and timestamps) and rendered on first request, then cached.
"""

from __future__ import annotations

import io
import random
import threading
import zipfile
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter

from crawler.demo.web import DocCache

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Media:
    """Shared renderer: docgen formats through DocCache, the extra kinds here; each result made once."""

    def __init__(self, cache: DocCache) -> None:
        self.cache = cache
        self._data: dict[tuple[object, ...], bytes] = {}
        self._lock = threading.Lock()

    def _once(self, key: tuple[object, ...], make: Callable[[], bytes]) -> bytes:
        with self._lock:  # the extra kinds are few and cheap: one at a time is enough
            if key not in self._data:
                self._data[key] = make()
            return self._data[key]

    def doc(self, fmt: str, lines: list[str], seed: int = 0) -> Callable[[], bytes]:
        frozen = list(lines)
        return lambda: self.cache.render(fmt, frozen, seed)

    def xlsx(self, title: str, header: list[str], rows: list[list[str]]) -> Callable[[], bytes]:
        key = ("xlsx", title, tuple(header), tuple(tuple(r) for r in rows))
        return lambda: self._once(key, lambda: _xlsx(title, header, rows))

    def phone_photo(self, lines: list[str], seed: int = 3) -> Callable[[], bytes]:
        frozen = list(lines)
        key = ("phone", tuple(frozen), seed)
        return lambda: self._once(key, lambda: _phone_photo(self.cache.render("jpg", frozen, seed), seed))

    def thumbnail(self, lines: list[str], seed: int, width: int = 160) -> Callable[[], bytes]:
        frozen = list(lines)
        key = ("thumb", tuple(frozen), seed, width)
        return lambda: self._once(key, lambda: _thumbnail(self.cache.render("jpg", frozen, seed), width))


def _normalize_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 10, 1, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _xlsx(title: str, header: list[str], rows: list[list[str]]) -> bytes:
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Лист1"
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for col, width in zip("ABCDEF", (5, 34, 26, 18, 34, 20), strict=False):
        ws.column_dimensions[col].width = width
    fixed = dt.datetime(2025, 10, 1, 9, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "user"
    buf = io.BytesIO()
    wb.save(buf)
    return _normalize_zip(buf.getvalue())


def _phone_photo(scan_jpeg: bytes, seed: int) -> bytes:
    """A page photographed with a phone on a desk: tilted, keystoned, warm light falling off to one side."""
    rng = random.Random(seed)
    page = Image.open(io.BytesIO(scan_jpeg)).convert("L")
    page = page.resize((page.width * 3 // 4, page.height * 3 // 4), Image.Resampling.LANCZOS)
    w, h = page.size
    canvas_w, canvas_h = int(w * 1.18), int(h * 1.12)
    desk = Image.new("RGB", (canvas_w, canvas_h), (92, 70, 52))
    # a slight keystone: the top edge is farther from the camera than the bottom one
    dx = int(w * 0.04)
    coeffs = _perspective_coeffs(
        [(0, 0), (w, 0), (w, h), (0, h)],
        [(dx, 0), (w - dx, int(h * 0.01)), (w, h), (0, h - int(h * 0.005))],
    )
    warped = page.transform((w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC, fillcolor=0)
    mask = Image.new("L", (w, h), 255).transform(
        (w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC, fillcolor=0
    )
    warm = Image.merge("RGB", (warped, warped.point(lambda v: v * 96 // 100), warped.point(lambda v: v * 86 // 100)))
    ox, oy = (canvas_w - w) // 2, (canvas_h - h) // 2
    desk.paste(warm, (ox, oy), mask)
    desk = desk.rotate(rng.uniform(2.0, 3.5), resample=Image.Resampling.BICUBIC, fillcolor=(92, 70, 52))
    # light falls off towards the right-hand bottom corner (the photographer's shadow)
    shade = Image.new("L", desk.size, 0)
    draw = ImageDraw.Draw(shade)
    for i in range(0, desk.width, 8):
        draw.rectangle((i, 0, i + 8, desk.height), fill=int(70 * i / desk.width))
    shade = shade.filter(ImageFilter.GaussianBlur(30))
    dark = Image.new("RGB", desk.size, (0, 0, 0))
    desk = Image.composite(dark, desk, shade)
    desk = desk.filter(ImageFilter.GaussianBlur(0.8))
    buf = io.BytesIO()
    desk.save(buf, format="JPEG", quality=72)
    return buf.getvalue()


def _perspective_coeffs(src: list[tuple[int, int]], dst: list[tuple[int, int]]) -> tuple[float, ...]:
    """Coefficients for PIL's PERSPECTIVE transform mapping output points `dst` back to input points `src`."""
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    n = 8
    for col in range(n):  # Gauss-Jordan elimination with partial pivoting
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        rows[col] = [v / lead for v in rows[col]]
        for r in range(n):
            if r != col and rows[r][col]:
                f = rows[r][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[col], strict=True)]
    return tuple(rows[i][n] for i in range(n))


def _thumbnail(jpeg: bytes, width: int) -> bytes:
    img = Image.open(io.BytesIO(jpeg)).convert("RGB")
    img = img.resize((width, img.height * width // img.width), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70)
    return buf.getvalue()
