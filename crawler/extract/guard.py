"""Checks done before a document is opened: zip bombs, encryption, XML entities (XXE); PDF streams that inflate to
gigabytes (a parser would hold the whole inflated stream: the worker's memory, not the file, would decide)."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 400 * 1024 * 1024
MAX_ENTRY_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 150  # a deflated XML part rarely exceeds 1:30; bombs reach 1:1000
RATIO_MIN_SIZE = 20 * 1024 * 1024  # small parts may compress well without harm
XML_SCAN_BYTES = 64 * 1024
XML_SCAN_ENTRIES = 200


def check_zip(path: Path) -> str | None:
    """Return a Russian reason to refuse the archive, or None when it is safe to open."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                return f"архив документа содержит слишком много частей ({len(infos)}), обработка остановлена"
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos)
            if total > MAX_TOTAL_UNCOMPRESSED:
                return (
                    f"документ распаковывается в {total // (1024 * 1024)} МБ (похоже на «zip-бомбу»), "
                    "обработка остановлена"
                )
            for info in infos:
                if info.flag_bits & 0x1:
                    return "документ защищён паролем"
                if info.file_size > MAX_ENTRY_UNCOMPRESSED or (
                    info.file_size > RATIO_MIN_SIZE and info.file_size / max(info.compress_size, 1) > MAX_RATIO
                ):
                    return (
                        f"часть документа «{info.filename}» распаковывается в "
                        f"{info.file_size // (1024 * 1024)} МБ (похоже на «zip-бомбу»), обработка остановлена"
                    )
            if total > RATIO_MIN_SIZE and total / max(packed, 1) > MAX_RATIO:
                return "документ сжат с подозрительно большим коэффициентом (похоже на «zip-бомбу»)"
            scanned = 0
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels")) or scanned >= XML_SCAN_ENTRIES:
                    continue
                scanned += 1
                with zf.open(info) as fh:
                    chunk = fh.read(XML_SCAN_BYTES)
                if b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk:
                    return (
                        f"в XML-части документа «{info.filename}» есть объявление DOCTYPE/ENTITY "
                        "(возможная атака XXE), документ не обрабатывается"
                    )
    except zipfile.BadZipFile:
        return "файл повреждён: неверная структура ZIP-контейнера"
    except (OSError, EOFError, zipfile.LargeZipFile, RuntimeError, ValueError, NotImplementedError) as exc:
        return f"файл повреждён: ZIP-контейнер не читается ({type(exc).__name__})"
    return None


MAX_PDF_STREAM_INFLATED = 256 * 1024 * 1024  # a 600 dpi colour page image inflates to about 100 MB
_PDF_STREAM_DICT = 4096  # bytes before «stream» searched for the stream's dictionary


def check_pdf(path: Path) -> str | None:
    """A Russian reason to refuse a PDF one of whose Flate streams inflates past MAX_PDF_STREAM_INFLATED, or None.

    Stream data is found by the «stream» and «endstream» keywords (a /Length may lie) and inflated in small
    steps that are counted, not kept: memory stays flat, and the time is that of inflating at most the cap.
    """
    data = path.read_bytes()
    pos = 0
    while True:
        start = data.find(b"stream", pos)
        if start < 0:
            return None
        pos = start + 6
        if data[start - 3 : start] == b"end":
            continue
        begin = pos + (2 if data[pos : pos + 2] == b"\r\n" else 1 if data[pos : pos + 1] in (b"\n", b"\r") else 0)
        if begin == pos:
            continue  # the word inside a text, not a keyword
        head = data[max(0, start - _PDF_STREAM_DICT) : start]
        head = head[head.rfind(b"<<") :]
        end = data.find(b"endstream", begin)
        end = len(data) if end < 0 else end
        if b"/FlateDecode" in head or b"/Fl " in head or b"/Fl]" in head or b"/Fl/" in head:
            if _inflated_size(data, begin, end, MAX_PDF_STREAM_INFLATED) > MAX_PDF_STREAM_INFLATED:
                return (
                    f"поток PDF распаковывается больше чем в {MAX_PDF_STREAM_INFLATED // (1024 * 1024)} МБ "
                    "(похоже на «бомбу» сжатия), обработка остановлена"
                )
        pos = end + 9


def _inflated_size(data: bytes, begin: int, end: int, cap: int) -> int:
    """How many bytes data[begin:end] inflates to, counting stops just past `cap`; broken data counts what came."""
    inflater = zlib.decompressobj()
    size = 0
    step = 1 << 20
    try:
        for offset in range(begin, end, step):
            chunk = data[offset : min(offset + step, end)]
            while chunk:
                out = inflater.decompress(chunk, step)
                size += len(out)
                if size > cap:
                    return size
                chunk = inflater.unconsumed_tail
                if not out and chunk:
                    break
            if inflater.eof:
                break
    except zlib.error:
        return size
    return size
