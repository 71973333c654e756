"""OCR of page images with Tesseract (Russian model), one page at a time through a temporary file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytesseract
from PIL import Image

from crawler.extract.errors import MachineError

OCR_LANG = "rus"  # measured: «rus» alone beats «rus+eng» on Russian pages
MAX_OCR_PIXELS = 40_000_000  # ≈ A3 at 300 dpi; larger images are scaled down first


class OcrUnavailable(MachineError):
    """Tesseract or its Russian model is not installed: the scan is fine, this computer cannot read it."""


NO_TESSERACT = "на компьютере не установлен tesseract (распознавание сканов; пакет Debian tesseract-ocr)"
NO_RUSSIAN_MODEL = (
    "на компьютере не установлена русская модель tesseract (распознавание сканов; пакет Debian tesseract-ocr-rus)"
)


MAX_SKEW = 8.0  # degrees either way: a page photographed by hand, a scan fed crookedly
SKEW_STEP = 0.5
SKEW_GAIN = 1.15  # the straightened profile must be this much sharper than the original one to rotate


def _profile_sharpness(img: Image.Image) -> float:
    """How sharply the rows of text stand out: the variance of the rows' mean darkness."""
    column = img.resize((1, img.height), Image.Resampling.BOX)
    rows = [float(column.getpixel((0, y)) or 0) for y in range(column.height)]  # type: ignore[arg-type]
    mean = sum(rows) / len(rows)
    return sum((r - mean) ** 2 for r in rows) / len(rows)


def skew_angle(img: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that makes the lines of text horizontal; 0 when the page is straight.

    Projection profile: the page is rotated by candidate angles on a small copy, and the angle whose row profile
    is sharpest (lines of text dark, gaps between them light) wins.
    """
    small = img.convert("L")
    # the middle of the picture: the desk or the scanner lid around a photographed page is no text
    w, h = small.size
    small = small.crop((w // 6, h // 8, w - w // 6, h - h // 8))
    scale = 800 / max(small.width, 1)
    if scale < 1:
        small = small.resize((800, max(1, int(small.height * scale))), Image.Resampling.BILINEAR)
    # ink white on black: rotation fills the corners with black, which adds nothing to the rows' profile
    ink = small.point(lambda v: 255 if v < 128 else 0)
    straight = _profile_sharpness(ink)
    best, best_score = 0.0, straight
    steps = int(MAX_SKEW / SKEW_STEP)
    for i in range(-steps, steps + 1):
        angle = i * SKEW_STEP
        if angle == 0:
            continue
        score = _profile_sharpness(ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False))
        if score > best_score:
            best, best_score = angle, score
    return best if best_score > straight * SKEW_GAIN else 0.0


def deskew(img: Image.Image) -> Image.Image:
    """The page turned straight (a phone photo is tilted a few degrees, which costs Tesseract whole lines)."""
    angle = skew_angle(img)
    if not angle:
        return img
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def ocr_image(image: Image.Image, timeout: float = 0, dpi: float | None = None) -> str:
    """Recognize the text of one page image.

    dpi: the page's real resolution when known (a rendered PDF page); otherwise Tesseract estimates it from the
    letters. A wrong figure costs text: PIL writes 96 dpi into a BMP by default, and with it Tesseract dropped
    the body of a 150 dpi photo of a page.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract's own threads fight the worker pool
    img = image
    if img.mode not in ("L", "1"):
        img = img.convert("L")
    if dpi is None:  # a photo or a scanned picture (a rendered PDF page is straight)
        img = deskew(img)
    pixels = img.width * img.height
    if pixels > MAX_OCR_PIXELS:
        factor = (MAX_OCR_PIXELS / pixels) ** 0.5
        img = img.resize((max(1, int(img.width * factor)), max(1, int(img.height * factor))))
        dpi = dpi * factor if dpi else None
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        # tesseract reads a BMP file 2-3x faster than an image piped by pytesseract
        target = Path(tmp) / "page.bmp"
        resolution = round(dpi) if dpi and dpi >= 50 else 0  # 0: unknown, Tesseract estimates it
        img.save(target, format="BMP", dpi=(resolution, resolution))
        try:
            return pytesseract.image_to_string(str(target), lang=OCR_LANG, timeout=timeout or 0)
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrUnavailable(NO_TESSERACT) from exc
        except pytesseract.TesseractError as exc:
            if "Failed loading language" in str(exc) or "rus.traineddata" in str(exc):
                raise OcrUnavailable(NO_RUSSIAN_MODEL) from exc
            raise
