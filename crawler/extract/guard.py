"""Checks done before a zip-based document is opened: bombs, encryption, XML entities (XXE)."""

from __future__ import annotations

import zipfile
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
