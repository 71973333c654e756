"""Extraction and classification of documents a methodologist points at (`crawler classify FILE|URL …`)."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from crawler.config import ExtractSettings
from crawler.models import DocPart, ExtractedText

MAX_DOWNLOAD_BYTES = 30 * 1024 * 1024


class FetchError(Exception):
    pass


FETCH_SECONDS = 60  # the whole download: connection, headers and body


def _fetch(url: str, dest: Path) -> tuple[Path, str | None, str | None]:
    """Download one URL (size-capped, within FETCH_SECONDS in all) into dest; returns (path, content type, name)."""
    from crawler.crawl.content import decide_file_name
    from crawler.crawl.fetch import FetchFailed, fetch

    target = dest / "download.bin"
    try:
        with target.open("wb") as fh:
            got = fetch(url, seconds=FETCH_SECONDS, limit=MAX_DOWNLOAD_BYTES, verify=False, sink=fh)
    except FetchFailed as exc:
        raise FetchError(f"не удалось загрузить: {exc}") from None
    if got.status >= 400:
        raise FetchError(f"сервер ответил {got.status}")
    if got.too_big:
        raise FetchError(f"файл больше {MAX_DOWNLOAD_BYTES // (1024 * 1024)} МБ")
    name = decide_file_name(got.headers.get("content-disposition"), got.url)
    return target, got.headers.get("content-type"), name


def classify_one(target: str, settings: ExtractSettings, org_name: str | None) -> dict[str, Any]:
    """Extract and classify one file or URL; the result is JSON-ready."""
    from crawler.classify import analyze
    from crawler.extract import extract_many
    from crawler.extract.sniff import hint_from_name

    with tempfile.TemporaryDirectory(prefix="classify-") as tmp:
        file_name: str | None
        if urlparse(target).scheme in ("http", "https"):
            try:
                path, content_type, file_name = _fetch(target, Path(tmp))
            except FetchError as exc:
                return {"source": target, "error": str(exc), "parts": []}
            fmt = None
            from crawler.extract.sniff import hint_from_content_type

            declared = hint_from_name(file_name) or hint_from_content_type(content_type)
            if declared:
                fmt = declared
        else:
            path = Path(target)
            file_name = path.name
            fmt = None
            if not path.is_file():
                return {"source": target, "error": "файл не найден", "parts": []}
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        extracted: ExtractedText = extract_many([(path, sha, fmt)], settings)[0]
    parts: list[DocPart] = analyze(
        extracted.text,
        fmt=extracted.format,
        file_name=file_name,
        org_name=org_name,
        signature_field=extracted.signature_field,
    )
    return {
        "source": target,
        "format": extracted.format,
        "pages": extracted.pages,
        "ocr_used": extracted.ocr_used,
        "is_scan": extracted.is_scan,
        "broken_text_layer": extracted.broken_text_layer,
        "error": extracted.error,
        "parts": [p.model_dump(mode="json") for p in parts],
    }


def classify_targets(targets: list[str], org_name: str | None) -> list[dict[str, Any]]:
    """Every file or URL read and classified, one result each (JSON-ready)."""
    settings = ExtractSettings(workers=1)
    return [classify_one(t, settings, org_name) for t in targets]


def flat_parts(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`--json`: one object per logical document (a file without parts gives one object with type null)."""
    flat = []
    for res in results:
        common = {k: v for k, v in res.items() if k != "parts"}
        if not res["parts"]:
            flat.append({**common, "type": None, "title": None, "approved_on": None, "number": None})
        for part in res["parts"]:
            flat.append({**common, **part})
    return flat
