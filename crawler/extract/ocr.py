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
