"""Format detection by magic bytes first; content type and file name only break ties."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from crawler.extract.scanpages import MAGIC as SCAN_PAGES_MAGIC

FORMATS = (
    "pdf",
    "docx",
    "xlsx",
    "odt",
    "ods",
    "doc",
    "xls",
    "rtf",
    "jpg",
    "png",
    "tiff",
    "html",
    "txt",
    "zip",
    "scan_pages",
    "unknown",
)
IMAGE_FORMATS = frozenset({"jpg", "png", "tiff"})
ZIP_FORMATS = frozenset({"docx", "xlsx", "odt", "ods", "zip"})
# Formats whose files are never HTML or plain text: a page like that under such a name is an error page.
BINARY_DOC_FORMATS = frozenset({"pdf", "docx", "xlsx", "odt", "ods", "doc", "xls", "rtf", "jpg", "png", "tiff"})

_EXT = {
    "pdf": "pdf",
    "docx": "docx",
    "docm": "docx",
    "xlsx": "xlsx",
    "xlsm": "xlsx",
    "odt": "odt",
    "ods": "ods",
    "doc": "doc",
    "xls": "xls",
    "rtf": "rtf",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "tif": "tiff",
    "tiff": "tiff",
    "htm": "html",
    "html": "html",
    "txt": "txt",
    "zip": "zip",
}
_CTYPE = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/tiff": "tiff",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "application/zip": "zip",
}
_HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p>", re.I)


def hint_from_name(file_name: str | None) -> str | None:
    if not file_name:
        return None
    suffix = Path(file_name.split("?")[0]).suffix.lower().lstrip(".")
    return _EXT.get(suffix)


def hint_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return _CTYPE.get(content_type.split(";")[0].strip().lower())


def sniff_format(head: bytes, content_type: str | None = None, file_name: str | None = None) -> str:
    """Name the format of a file from its first bytes (≥ 2 KB recommended); hints only for containers."""
    hints = [h for h in (hint_from_content_type(content_type), hint_from_name(file_name)) if h]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(SCAN_PAGES_MAGIC):
        return "scan_pages"
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip_head(head, hints)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "xls" in hints or b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in head:
            return "xls"
        return "doc"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if _HTML_RE.search(head[:4096]):
        return "html"
    if _looks_like_text(head):
        return "txt"
    return "unknown"


def _sniff_zip_head(head: bytes, hints: list[str]) -> str:
    # ODF puts an uncompressed "mimetype" entry first.
    if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
        return "odt"
    if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in head[:200]:
        return "ods"
    if b"word/" in head:
        return "docx"
    if b"xl/" in head:
        return "xlsx"
    for hint in hints:
        if hint in ZIP_FORMATS:
            return hint
    return "zip"


def refine_zip_format(path: Path, guess: str) -> str:
    """Look at the member names of a zip container to tell DOCX, XLSX, ODT, ODS and a plain archive apart."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = read_mimetype(zf)
                if b"opendocument.text" in mime:
                    return "odt"
                if b"opendocument.spreadsheet" in mime:
                    return "ods"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError, NotImplementedError, EOFError, zlib.error):
        return guess
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "content.xml" in names and guess in ("odt", "ods"):
        return guess
    return "zip"


MIMETYPE_READ = 100  # bytes of an ODF `mimetype` member worth reading; a real one is under 60


def read_mimetype(zf: zipfile.ZipFile) -> bytes:
    """The ODF `mimetype` member, at most MIMETYPE_READ bytes of it: a bomb declares or inflates to gigabytes."""
    info = zf.getinfo("mimetype")
    if info.file_size > MIMETYPE_READ * 10:
        return b""
    with zf.open(info) as fh:
        return fh.read(MIMETYPE_READ)


def _looks_like_text(head: bytes) -> bool:
    if not head.strip():
        return False
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = head[:4096]
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a multi-byte character cut at the end of the head
            return True
    # cp1251 text: printable bytes and Cyrillic letters, few control characters
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls / len(sample) < 0.01
