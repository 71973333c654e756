"""Text extraction from every document format the sites publish, with OCR and isolation.

extract_file() reads one file in this process and never raises for a bad file (the Russian reason goes
to ExtractedText.error); extract_many() runs each file in its own worker process with a memory limit
(RLIMIT_AS) and a timeout, so a hostile or pathological file cannot take the run down.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from crawler.config import ExtractSettings
from crawler.extract.errors import ExtractError
from crawler.extract.formats import EXTRACTORS, Deadline, html_to_text
from crawler.extract.sniff import (
    BINARY_DOC_FORMATS,
    ZIP_FORMATS,
    hint_from_name,
    refine_zip_format,
    sniff_format,
)
from crawler.models import ExtractedText, FailureKind

# Raised only when a change must reach files already cached: every cached file of every format is then read again,
# OCR included, on the next run (a long first run for a region). 4: XLSX blobs (stored without an extension) are read;
# 3: failures carry their kind. Not raised for «<br> is a line» (round 22 of #14): an HTML file cached before reads
# as it did before, until it changes.
EXTRACTOR_VERSION = "4"
logging.getLogger("pypdf").setLevel(logging.ERROR)  # it logs every repaired file at WARNING

_OFFICE_HTML_RE = re.compile(rb"urn:schemas-microsoft-com:office|ProgId\W+content=\W?(Word|Excel)", re.I)
FORMAT_RU = {
    "pdf": "PDF",
    "docx": "DOCX",
    "xlsx": "XLSX",
    "odt": "ODT",
    "ods": "ODS",
    "doc": "DOC",
    "xls": "XLS",
    "rtf": "RTF",
    "jpg": "JPEG",
    "png": "PNG",
    "tiff": "TIFF",
    "html": "HTML",
    "txt": "TXT",
    "zip": "ZIP",
}


def detect_format(path: Path, declared: str | None = None) -> tuple[str, str | None]:
    """(actual format, Russian reason to refuse or None) from the file's bytes and its declared format."""
    with path.open("rb") as fh:
        head = fh.read(8192)
    if not head:
        return "unknown", "файл пуст (0 байт)"
    declared = declared or hint_from_name(path.name)
    actual = sniff_format(head, None, path.name)
    if actual in ZIP_FORMATS:
        guess = declared if actual == "zip" and declared in ZIP_FORMATS else actual
        actual = refine_zip_format(path, guess)
    if actual == "html" and declared in ("doc", "docx", "rtf", "xls", "xlsx", "odt") and _OFFICE_HTML_RE.search(head):
        return "html", None  # Word's «web page» saved under .doc: a real document in HTML
    if declared in BINARY_DOC_FORMATS and actual in ("html", "txt", "unknown"):
        name = FORMAT_RU.get(declared, declared)
        if actual == "html":
            return actual, f"вместо документа {name} получена веб-страница (HTML), вероятно, страница ошибки"
        return actual, f"файл не является документом {name}: содержимое не соответствует формату"
    if actual == "unknown":
        return actual, "неизвестный формат файла: текст извлечь нельзя"
    return actual, None


def run_extractor(
    path: Path,
    sha256: str,
    settings: ExtractSettings,
    deadline: Deadline,
    fmt: str | None = None,
    *,
    allow_archive: bool = True,
) -> ExtractedText:
    result = ExtractedText(sha256=sha256, format=fmt or "unknown", extractor_version=EXTRACTOR_VERSION)
    try:
        actual, reason = detect_format(path, fmt)
        result.format = actual
        if reason:
            result.error = reason
            return result
        if actual == "zip" and not allow_archive:
            result.error = "вложенный архив не обрабатывается"
            return result
        EXTRACTORS[actual](path, settings, result, deadline)
        if not result.error and not result.text.strip() and result.failure is None:
            result.error = (
                "в документе не найден текст (скан не распознан)" if result.ocr_used else "в документе нет текста"
            )
    except ExtractError as exc:
        result.error = str(exc)
        result.failure = exc.kind
    except MemoryError:  # the limit is a setting, not the file's nature: try again (maybe with more) next time
        result.error = f"не хватило памяти при обработке документа (предел {settings.memory_limit_mb} МБ)"
        result.failure = FailureKind.transient
    except FileNotFoundError:
        result.error, result.failure = "файл не найден", FailureKind.transient
    except PermissionError:
        result.error, result.failure = "нет доступа к файлу", FailureKind.transient
    except RecursionError:
        result.error, result.failure = "файл повреждён: слишком глубокая вложенность структуры", FailureKind.file
    except Exception as exc:  # a library choking on a malformed file is a property of the file
        result.error, result.failure = f"файл повреждён или не читается ({type(exc).__name__})", FailureKind.file
    if result.error and result.failure is None:
        result.failure = FailureKind.file  # a reason set by an extractor directly is about the file
    return result


def extract_file(path: Path, sha256: str, settings: ExtractSettings, fmt: str | None = None) -> ExtractedText:
    """Extract the text of one file in this process; never raises for a bad file."""
    path = Path(path)
    try:
        return run_extractor(path, sha256, settings, Deadline(settings.timeout_seconds), fmt)
    except OSError as exc:
        return ExtractedText(
            sha256=sha256,
            format=fmt or "unknown",
            extractor_version=EXTRACTOR_VERSION,
            error=f"файл недоступен для чтения ({exc.strerror or type(exc).__name__})",
            failure=FailureKind.transient,
        )


from crawler.extract.pool import extract_cached, extract_many  # noqa: E402  (uses extract_file)

__all__ = [
    "EXTRACTOR_VERSION",
    "detect_format",
    "extract_cached",
    "extract_file",
    "extract_many",
    "html_to_text",
    "sniff_format",
]
