"""A scan published as pictures, one per page: a small text manifest that names the pages' blobs.

Schools paste an order into a page as two or three JPG pages (<img>). The crawl keeps the pictures as they came
and stores one manifest for the whole scan (format «scan_pages»): it is what the document's SHA-256 names, so the
same pages always give the same document (and the extraction cache hits). Nothing is decoded in the crawl; the
pictures are decoded and recognized here, in an extraction worker with its memory limit and timeout, so a
picture that inflates to gigabytes loses only this document.

    NM-SCAN-PAGES 1
    <sha256 of page 1> <URL of page 1>
    <sha256 of page 2> <URL of page 2>

The page blobs sit in the same blob store as the manifest (blobs/ab/abcdef…).
"""

from __future__ import annotations

import re
from pathlib import Path

from crawler.extract.errors import ExtractError, TransientError

MAGIC = b"NM-SCAN-PAGES 1\n"
MAX_PAGES = 50
_SHA = re.compile(r"^[0-9a-f]{64}$")


def manifest(pages: list[tuple[str, str]]) -> bytes:
    """The manifest of a scan: (sha256, URL) of each page, in order."""
    lines = [f"{sha} {' '.join(url.split())}" for sha, url in pages]
    return MAGIC + "\n".join(lines).encode("utf-8") + b"\n"


def page_blobs(path: Path) -> list[Path]:
    """The files of the pages a manifest names (next to it in the blob store); ExtractError when it is broken."""
    raw = path.read_bytes()[: 64 * 1024]
    if not raw.startswith(MAGIC):
        raise ExtractError("файл повреждён: неверный список страниц скана")
    root = path.parent.parent
    out: list[Path] = []
    for line in raw[len(MAGIC) :].decode("utf-8", "replace").splitlines()[:MAX_PAGES]:
        sha = line.split(" ", 1)[0].strip()
        if not sha:
            continue
        if not _SHA.match(sha):
            raise ExtractError("файл повреждён: неверный список страниц скана")
        page = root / sha[:2] / sha
        if not page.is_file():
            raise TransientError(f"страница {len(out) + 1} скана не найдена в хранилище файлов")
        out.append(page)
    if not out:
        raise ExtractError("в списке страниц скана нет ни одной страницы")
    return out
